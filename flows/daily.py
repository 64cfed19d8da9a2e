"""The daily run: read every enabled source (or only the given feed URLs) once and load what is new."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.utilities.annotations import quote

from gdwatch.config.errors import ConfigError
from gdwatch.config.loader import Config, load_config, resolve_db_path
from gdwatch.config.models import SourceDefinition
from gdwatch.pipeline.ingest import RunContext, SourceReport, read_archive_window, read_feed_source
from gdwatch.pipeline.runner import execute_run
from gdwatch.pipeline.summaries import RunSummary, markdown_summary

SOURCE_WORKERS = 4


@task(name="read-source", retries=1, retry_delay_seconds=10, cache_policy=NO_CACHE)
def read_source_task(ctx: RunContext, source: SourceDefinition) -> SourceReport:
    """One task per source: its loads are idempotent, so a retry after a crash adds nothing twice.

    NOTE: no task timeout: Prefect cannot interrupt a worker thread; every request has its own timeouts.
    """
    return read_source(ctx, source)


def read_source(ctx: RunContext, source: SourceDefinition) -> SourceReport:
    """Feeds are read whole; archive sources list the last day (the backfill flow reads longer windows)."""
    if source.kind in ("rss", "atom"):
        return read_feed_source(ctx, source)
    report, _ = read_archive_window(ctx, source, (ctx.now - timedelta(days=1)).date(), ctx.now.date())
    return report


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


def select_sources(config: Config, feeds: list[str] | None) -> list[SourceDefinition]:
    """The enabled sources, or ad-hoc rss sources for the given feed URLs (`gdwatch run --feed URL`)."""
    if not feeds:
        sources = list(config.sources.enabled())
        if not sources:
            raise ConfigError(str(config.directory / "sources.toml"), "sources", "no enabled source")
        return sources
    selected = []
    for url in feeds:
        known = [s for s in config.sources.sources if str(s.url) == url]
        if known:
            selected.append(known[0])
            continue
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ConfigError("--feed", url, "not an http(s) URL")
        name = "adhoc-" + "".join(
            c if c.isalnum() else "-" for c in (parts.netloc + parts.path).lower()
        ).strip("-")
        selected.append(SourceDefinition(name=name[:80], kind="rss", url=url, language="any"))
    return selected


@flow(name="daily-run", task_runner=ThreadPoolTaskRunner(max_workers=SOURCE_WORKERS), persist_result=False)
def daily_run(
    feeds: list[str] | None = None,
    any_topic: bool = False,
    config_dir: str | None = None,
    db_path: str | None = None,
) -> RunSummary:
    """Fetch, clean, measure and load every enabled source (or the given feeds) once."""
    config = load_config(Path(config_dir) if config_dir else None)
    sources = select_sources(config, feeds)
    db = resolve_db_path(Path(db_path) if db_path else None, config.settings)
    params = {
        "feeds": feeds or [],
        "any_topic": any_topic,
        "config_dir": str(config.directory),
        "db": str(db),
    }

    def work(ctx: RunContext) -> list[SourceReport]:
        futures = [read_source_task.submit(quote(ctx), source) for source in sources]
        return collect_reports(sources, [future.result(raise_on_failure=False) for future in futures])

    summary = execute_run("daily-run", params, config, db, work, any_topic=any_topic)
    create_markdown_artifact(
        key="run-summary", markdown=markdown_summary(summary), description="gdwatch daily run"
    )
    return summary
