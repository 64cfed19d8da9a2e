"""Backfills: load what archive sources published in a window, or re-run cleaning and extraction offline."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from prefect import State, flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from gdwatch.config.errors import ConfigError
from gdwatch.config.loader import load_config, resolve_db_path
from gdwatch.flows.daily import collect_reports
from gdwatch.flows.progress import sources_progress
from gdwatch.flows.runners import final_state, thread_pool
from gdwatch.pipeline.backfill import (
    REPROCESS,
    ReprocessWindow,
    backfill_source,
    merge_reprocess,
    reprocess_batch,
    reprocess_batches,
)
from gdwatch.pipeline.context import RunSpec, context_for
from gdwatch.pipeline.ingest import SourceReport
from gdwatch.pipeline.runner import execute_run
from gdwatch.pipeline.sources import archive_sources
from gdwatch.pipeline.summaries import RunSummary, markdown_summary


@task(name="backfill-source", retries=1, retry_delay_seconds=10, cache_policy=NO_CACHE)
def backfill_source_task(run: RunSpec, source_name: str, since: date, until: date) -> SourceReport:
    """List one archive source's window, load the entries not stored yet, and record per-day coverage."""
    return backfill_source(context_for(run), source_name, since, until)


@task(name="reprocess-batch", retries=0, cache_policy=NO_CACHE)
def reprocess_batch_task(
    run: RunSpec, window: ReprocessWindow, article_ids: list[str], reclean: bool
) -> SourceReport:
    """Extract stored raw pages again with the current code: one task per batch, no network."""
    return reprocess_batch(context_for(run), window, article_ids, reclean=reclean)


@flow(name="backfill", task_runner=thread_pool(4), persist_result=False)
def backfill(
    since: date,
    until: date,
    sources: list[str] | None = None,
    reprocess: bool = False,
    reclean: bool = False,
    config_dir: str | None = None,
    db_path: str | None = None,
    show_progress: bool = False,
) -> RunSummary | State:
    """Load the window [since, until] from archive sources, or with reprocess re-run stored raw pages.

    A reprocess keeps the stored text of a page the current cleaner produced (see
    `pipeline.backfill.reprocess_batch`); `reclean` cleans every page again.

    Ends Failed (with the summary as its data) when every source failed, like the daily run.
    """
    if until < since:
        raise ConfigError("--until", str(until), f"is before --since {since}")
    config = load_config(Path(config_dir) if config_dir else None)
    db = resolve_db_path(Path(db_path) if db_path else None, config.settings)
    params = {
        "since": str(since),
        "until": str(until),
        "sources": sources or [],
        "reprocess": reprocess,
        "reclean": reclean,
        "config_dir": str(config.directory),
        "db": str(db),
    }

    with sources_progress(show_progress) as bar:

        def work(run: RunSpec) -> list[SourceReport]:
            if reprocess:
                window = ReprocessWindow(since=since, until=until, sources=tuple(sources or ()))
                batches = reprocess_batches(context_for(run), window)
                total = sum(len(batch) for batch in batches)
                bar.listed(REPROCESS, total)
                futures = [reprocess_batch_task.submit(run, window, batch, reclean) for batch in batches]
                return [merge_reprocess([f.result() for f in futures], total)]
            selected = archive_sources(config, sources)
            futures = [backfill_source_task.submit(run, s.name, since, until) for s in selected]
            return collect_reports(selected, [f.result(raise_on_failure=False) for f in futures])

        summary = execute_run("backfill", params, config, db, work, now=datetime.now(UTC), progress=bar)
    zone = ZoneInfo(config.settings.schedule.timezone)
    create_markdown_artifact(
        key="backfill-summary", markdown=markdown_summary(summary, zone=zone), description="gdwatch backfill"
    )
    return final_state(summary)
