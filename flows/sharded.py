"""The daily run past one machine: the enabled sources fanned out in N shards, each a flow run of the
`daily-shard/shard` deployment on a Prefect work pool (any worker of the pool runs it), all writing to
one DuckLake warehouse at once, then a final step over what the shards loaded.

The enabled sources, sorted by name, are dealt out to the shards in turn: balanced to one source and the
same on every machine. Each shard is an ordinary run in `runs` (flow `daily-shard`, its params name the
parent flow run). The shards' appends run side by side; the check of every batch holds the catalog's
advisory lock, so it sees the figures every other shard committed before it: conflicts across shards are
found as they load. The final step checks what a killed shard left unchecked, then takes the same lock,
so it sees every shard's last commit, and sums up the shards, lists the conflicts found across them and
writes the report.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from zoneinfo import ZoneInfo

from prefect import State, flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from gdwatch.config.loader import load_config, resolve_db_path
from gdwatch.config.models import SourceDefinition
from gdwatch.flows.daily import SOURCE_WORKERS, collect_reports, read_source_task
from gdwatch.flows.runners import final_state, thread_pool
from gdwatch.pipeline.context import RunSpec
from gdwatch.pipeline.ingest import SourceReport
from gdwatch.pipeline.runner import execute_run
from gdwatch.pipeline.sources import select_sources
from gdwatch.pipeline.summaries import RunSummary, markdown_summary

if TYPE_CHECKING:
    from prefect.client.schemas.objects import FlowRun

SHARD_FLOW = "daily-shard"
SHARD_DEPLOYMENT = "daily-shard/shard"
SHARDED_DEPLOYMENT = "daily-sharded/daily"


def shard_of(source: str, names: list[str], shards: int) -> int:
    """The shard a source belongs to: its place among the sorted source names, modulo ``shards``
    (balanced to one source, the same on every machine that has the same sources.toml)."""
    return sorted(names).index(source) % shards


def shard_sources(sources: list[SourceDefinition], shard: int, shards: int) -> list[SourceDefinition]:
    """The sources of one shard, in configuration order."""
    names = [source.name for source in sources]
    return [source for source in sources if shard_of(source.name, names, shards) == shard]


@flow(name=SHARD_FLOW, task_runner=thread_pool(SOURCE_WORKERS), persist_result=False)
def daily_shard(
    shard: int,
    shards: int,
    parent: str | None = None,
    any_topic: bool = False,
    config_dir: str | None = None,
    db_path: str | None = None,
) -> RunSummary | State:
    """Read the enabled sources of one shard once and load what is new, as its own run."""
    config = load_config(Path(config_dir) if config_dir else None)
    sources = shard_sources(select_sources(config, None), shard, shards)
    db = resolve_db_path(Path(db_path) if db_path else None, config.settings)
    params = {
        "shard": shard,
        "shards": shards,
        "parent": parent,
        "sources": [s.name for s in sources],
        "any_topic": any_topic,
        "config_dir": str(config.directory),
    }

    def work(run: RunSpec) -> list[SourceReport]:
        futures = [read_source_task.submit(run, source) for source in sources]
        return collect_reports(sources, [future.result(raise_on_failure=False) for future in futures])

    summary = execute_run(SHARD_FLOW, params, config, db, work, any_topic=any_topic)
    zone = ZoneInfo(config.settings.schedule.timezone)
    create_markdown_artifact(
        key="run-summary",
        markdown=markdown_summary(summary, zone=zone),
        description=f"gdwatch daily shard {shard + 1} of {shards}",
    )
    return final_state(summary)


@task(name="run-shard", cache_policy=NO_CACHE)
def run_shard(deployment: str, parameters: dict[str, Any]) -> str:
    """Start one shard as a flow run of the shard deployment and wait for it; returns its final state."""
    from prefect.deployments import run_deployment

    flow_run = cast(
        "FlowRun", run_deployment(deployment, parameters=parameters, timeout=None, as_subflow=True)
    )
    return flow_run.state.type.value if flow_run.state else "UNKNOWN"


@task(name="cross-shard", cache_policy=NO_CACHE)
def cross_shard(parent: str, db: str, report_dir: str | None, zone_name: str) -> dict[str, Any]:
    """Check what a killed shard left unchecked; then, under the catalog's lock, sum up the shards' runs,
    the conflicts found across shards and the report."""
    from gdwatch.warehouse import Warehouse
    from gdwatch.warehouse.lake import serialised
    from gdwatch.warehouse.shards import cross_shard_conflicts, shard_runs

    run_ids = [int(run["run_id"]) for run in shard_runs(Path(db), parent)]
    if run_ids:
        # a shard killed between a batch's append and its check left figures queued: check them now, as
        # the last shard run (the final step records no run of its own)
        with Warehouse(Path(db)) as warehouse:
            warehouse.check_pending(run_id=max(run_ids))
    with serialised(db) as waited:
        runs = shard_runs(Path(db), parent)
        run_ids = [int(run["run_id"]) for run in runs]
        across = cross_shard_conflicts(Path(db), run_ids)
        report = None
        if report_dir:
            from gdwatch.pipeline.report.build import ReportOptions, build_report

            options = ReportOptions(zone=ZoneInfo(zone_name))
            report = str(build_report(Path(db), Path(report_dir), options, now=datetime.now(UTC)).index)
    return {
        "runs": runs,
        "cross_shard_conflicts": across,
        "lock_wait_s": waited,
        "report": report,
    }


@flow(name="daily-sharded", task_runner=thread_pool(16), persist_result=False)
def daily_sharded(
    shards: int = 2,
    any_topic: bool = False,
    config_dir: str | None = None,
    db_path: str | None = None,
    report_dir: str | None = None,
    deployment: str = SHARD_DEPLOYMENT,
) -> dict[str, Any]:
    """Fan the sources out in ``shards`` flow runs of ``deployment`` (run by the pool's workers, at
    once), then the cross-shard step. Fails when a shard failed."""
    from prefect.runtime import flow_run

    config = load_config(Path(config_dir) if config_dir else None)
    db = str(resolve_db_path(Path(db_path) if db_path else None, config.settings))
    parent = str(flow_run.id)
    common = {
        "shards": shards,
        "parent": parent,
        "any_topic": any_topic,
        "config_dir": config_dir,
        "db_path": db_path,
    }
    futures = [run_shard.submit(deployment, {**common, "shard": i}) for i in range(shards)]
    states = [future.result() for future in futures]
    result = cross_shard(parent, db, report_dir, config.settings.schedule.timezone)
    result["shard_states"] = states
    lines = [f"# gdwatch sharded daily run: {shards} shards", ""]
    lines += [f"- shard run {r['run_id']}: {r['status']}" for r in result["runs"]]
    lines.append(f"- conflicts found across shards: {len(result['cross_shard_conflicts'])}")
    create_markdown_artifact(key="sharded-run-summary", markdown="\n".join(lines))
    if any(state != "COMPLETED" for state in states):
        raise RuntimeError(f"some shards did not complete: {states}")
    return result
