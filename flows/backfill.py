"""Backfills: load what archive sources published in a window, or re-run cleaning and extraction offline."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.utilities.annotations import quote
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from gdwatch.config.errors import ConfigError
from gdwatch.config.loader import Config, load_config, resolve_db_path
from gdwatch.config.models import SourceDefinition
from gdwatch.extractors.pages import decode_html
from gdwatch.flows.daily import collect_reports
from gdwatch.pipeline.archives import coverage_rows
from gdwatch.pipeline.ingest import (
    RunContext,
    SourceReport,
    entry_key,
    page_record_from_html,
    page_skeleton,
    read_archive_window,
)
from gdwatch.pipeline.runner import execute_run
from gdwatch.pipeline.summaries import RunSummary, markdown_summary
from gdwatch.warehouse import LoadBatch, RawPage


@task(name="backfill-source", retries=1, retry_delay_seconds=10, cache_policy=NO_CACHE)
def backfill_source_task(ctx: RunContext, source: SourceDefinition, since: date, until: date) -> SourceReport:
    """List one archive source's window, load the entries not stored yet, and record per-day coverage."""
    report, listing = read_archive_window(ctx, source, since, until)
    rows = coverage_rows(source.name, since, until, listing.entries, report.outcomes, entry_key)
    with ctx.write_lock:
        ctx.warehouse.record_coverage(rows, run_id=ctx.run_id)
    return report


@task(name="reprocess-batch", retries=0, cache_policy=NO_CACHE)
def reprocess_batch_task(ctx: RunContext, pages: Sequence[RawPage]) -> SourceReport:
    """Clean and extract stored raw pages again with the current code: one task per batch, no network."""
    report = SourceReport(source="reprocess", listed=len(pages), new_entries=len(pages))
    records = []
    for raw in pages:
        html, encoding = decode_html(raw.raw, raw.content_type)
        skeleton = page_skeleton(
            raw.source, raw.entry_id, raw.entry_url, raw.listed_published_at, raw.fetched_at
        )
        page = replace(
            skeleton,
            fetched_url=raw.fetched_url,
            content_type=raw.content_type,
            encoding=encoding,
            reprocessed=True,
        )
        records.append(
            page_record_from_html(ctx, page, html=html, raw=raw.raw, feed_published=raw.listed_published_at)
        )
        if ctx.on_page:
            ctx.on_page()
    report.counts = ctx.load(LoadBatch(pages=tuple(records)))
    return report


def archive_sources(config: Config, names: Sequence[str] | None) -> list[SourceDefinition]:
    """The sources a backfill may read: the named ones (which must keep an archive) or all archive sources."""
    path = str(config.directory / "sources.toml")
    if names:
        selected = []
        for name in names:
            try:
                source = config.sources.by_name(name)
            except KeyError:
                known = ", ".join(s.name for s in config.sources.sources)
                raise ConfigError(path, f"--source {name}", f"no such source (known: {known})") from None
            if not source.archive or source.kind not in ("sitemap", "gdelt"):
                raise ConfigError(
                    path, f"sources[{name}]", "not an archive source (sitemap or gdelt with archive = true)"
                )
            selected.append(source)
        return selected
    return [s for s in config.sources.enabled() if s.archive and s.kind in ("sitemap", "gdelt")]


@flow(name="backfill", task_runner=ThreadPoolTaskRunner(max_workers=4), persist_result=False)
def backfill(
    since: date,
    until: date,
    sources: list[str] | None = None,
    reprocess: bool = False,
    config_dir: str | None = None,
    db_path: str | None = None,
    show_progress: bool = False,
) -> RunSummary:
    """Load the window [since, until] from archive sources, or with reprocess re-run stored raw pages."""
    if until < since:
        raise ConfigError("--until", str(until), f"is before --since {since}")
    config = load_config(Path(config_dir) if config_dir else None)
    db = resolve_db_path(Path(db_path) if db_path else None, config.settings)
    params = {
        "since": str(since),
        "until": str(until),
        "sources": sources or [],
        "reprocess": reprocess,
        "config_dir": str(config.directory),
        "db": str(db),
    }

    def work(ctx: RunContext) -> list[SourceReport]:
        with _progress_bar(ctx, show_progress, "reprocessed pages" if reprocess else "pages fetched") as bar:
            if reprocess:
                with ctx.write_lock:
                    pages = ctx.warehouse.raw_pages(since=since, until=until, sources=sources or None)
                bar(len(pages))
                size = config.settings.warehouse.batch_size
                batches = [pages[i : i + size] for i in range(0, len(pages), size)]
                futures = [reprocess_batch_task.submit(quote(ctx), quote(batch)) for batch in batches]
                return [_merge_reprocess([f.result() for f in futures], len(pages))]
            selected = archive_sources(config, sources)
            futures = [backfill_source_task.submit(quote(ctx), s, since, until) for s in selected]
            return collect_reports(selected, [f.result(raise_on_failure=False) for f in futures])

    summary = execute_run("backfill", params, config, db, work, now=datetime.now(UTC))
    create_markdown_artifact(
        key="backfill-summary", markdown=markdown_summary(summary), description="gdwatch backfill"
    )
    return summary


@contextmanager
def _progress_bar(ctx: RunContext, enabled: bool, label: str) -> Iterator[Callable[[int], None]]:
    """A rich progress bar advanced once per page; yields a function that sets the total when known."""
    if not enabled:
        yield lambda total: None
        return
    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        transient=False,
    ) as progress:
        bar = progress.add_task(label, total=None)
        ctx.on_page = lambda: progress.advance(bar)
        yield lambda total: progress.update(bar, total=total)


def _merge_reprocess(reports: list[SourceReport], total: int) -> SourceReport:
    merged = SourceReport(source="reprocess", status="fetched", listed=total, new_entries=total)
    for report in reports:
        merged.counts += report.counts
    return merged
