"""The daily run: read every enabled source (or only the given feed URLs) once and load what is new."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from prefect import State, flow, task
from prefect.artifacts import acreate_markdown_artifact
from prefect.cache_policies import NO_CACHE

from gdwatch.config.loader import load_config, resolve_db_path
from gdwatch.config.models import SourceDefinition
from gdwatch.flows.progress import sources_progress
from gdwatch.flows.runners import final_state, thread_pool
from gdwatch.pipeline.context import RunSpec, context_for
from gdwatch.pipeline.ingest import SourceReport, read_source
from gdwatch.pipeline.runner import execute_run
from gdwatch.pipeline.sources import select_sources
from gdwatch.pipeline.summaries import RunSummary, markdown_summary

SOURCE_WORKERS = 4


@task(name="read-source", retries=1, retry_delay_seconds=10, cache_policy=NO_CACHE)
def read_source_task(run: RunSpec, source: SourceDefinition) -> SourceReport:
    """One task per source: its loads are idempotent, so a retry after a crash adds nothing twice.

    NOTE: no task timeout: Prefect cannot interrupt a worker thread; every request has its own timeouts.
    """
    return read_source(context_for(run), source)


def collect_reports(sources: list[SourceDefinition], outcomes: list[object]) -> list[SourceReport]:
    """Task results in source order; a task that crashed becomes a failed source, the others still count."""
    reports = []
    for source, outcome in zip(sources, outcomes, strict=True):
        if isinstance(outcome, SourceReport):
            reports.append(outcome)
        else:
            error = f"unexpected error, the other sources were loaded: {outcome!r}"
            reports.append(SourceReport(source=source.name, status="failed", error=error))
    return reports


@flow(name="daily-run", task_runner=thread_pool(SOURCE_WORKERS), persist_result=False)
async def daily_run(
    feeds: list[str] | None = None,
    any_topic: bool = False,
    config_dir: str | None = None,
    db_path: str | None = None,
    show_progress: bool = False,
) -> RunSummary | State:
    """Fetch, clean, measure and load every enabled source (or the given feeds) once.

    The flow run ends Failed (with the summary as its data) when every source failed, so Prefect can
    alert on an outage; Completed otherwise, with failed sources listed in the artifact.

    NOTE: async although its body blocks (nothing else runs on its event loop; the tasks run in threads):
    Prefect joins a sync flow's heartbeat thread when the flow ends, and that thread sleeps in one-second
    steps (0.5 s of every run on average, docs/benchmarks.md); for an async flow it lets the thread end on
    its own. The heartbeats are the same: one when the run starts, then one every
    PREFECT_FLOWS_HEARTBEAT_FREQUENCY seconds until the run is final. `flows.launch.run_flow` runs it.
    """
    config = load_config(Path(config_dir) if config_dir else None)
    sources = select_sources(config, feeds)
    db = resolve_db_path(Path(db_path) if db_path else None, config.settings)
    params = {
        "feeds": feeds or [],
        "any_topic": any_topic,
        "config_dir": str(config.directory),
        "db": str(db),
    }

    def work(run: RunSpec) -> list[SourceReport]:
        futures = [read_source_task.submit(run, source) for source in sources]
        return collect_reports(sources, [future.result(raise_on_failure=False) for future in futures])

    with sources_progress(show_progress) as bar:
        summary = execute_run("daily-run", params, config, db, work, any_topic=any_topic, progress=bar)
    zone = ZoneInfo(config.settings.schedule.timezone)
    await acreate_markdown_artifact(
        key="run-summary", markdown=markdown_summary(summary, zone=zone), description="gdwatch daily run"
    )
    return final_state(summary)
