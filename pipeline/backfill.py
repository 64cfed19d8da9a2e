"""The plain work of a backfill: one archive source's window with its coverage, or a batch reprocessed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from gdwatch.pipeline.archives import coverage_rows
from gdwatch.pipeline.context import RunContext
from gdwatch.pipeline.ingest import SourceReport, entry_key, read_archive_window
from gdwatch.pipeline.pages import page_skeleton, process_page, with_processed
from gdwatch.warehouse import LoadBatch, PageRecord, RawPage

REPROCESS = "reprocessed pages"
"""The progress label of a reprocess's pages (they belong to no one source)."""


def backfill_source(ctx: RunContext, source_name: str, since: date, until: date) -> SourceReport:
    """List one archive source's window, load the entries not stored yet, and record per-day coverage."""
    source = ctx.config.sources.by_name(source_name)
    report, listing = read_archive_window(ctx, source, since, until)
    rows = coverage_rows(source.name, since, until, listing.entries, report.outcomes, entry_key)
    ctx.warehouse.record_coverage(rows, run_id=ctx.run_id)
    return report


def reprocess_batch(ctx: RunContext, pages: Sequence[RawPage]) -> SourceReport:
    """Clean and extract stored raw pages again with the current code, then load them: no network.

    Each page is processed as of the time it was fetched, so relative dates ("this year") and the date
    fallback resolve exactly as they did when the page was first read.
    """
    report = SourceReport(source="reprocess", listed=len(pages), new_entries=len(pages))
    records = []
    for raw in pages:
        records.append(reprocessed_record(ctx, raw))
        ctx.page_done(REPROCESS)
    report.counts = ctx.load(LoadBatch(pages=tuple(records)))
    return report


def reprocessed_record(ctx: RunContext, raw: RawPage) -> PageRecord:
    skeleton = page_skeleton(raw.source, raw.entry_id, raw.entry_url, raw.listed_published_at, raw.fetched_at)
    page = replace(skeleton, fetched_url=raw.fetched_url, content_type=raw.content_type, reprocessed=True)
    processed = process_page(
        raw.raw,
        content_type=raw.content_type,
        url=raw.fetched_url or raw.entry_url,
        listed_published_at=raw.listed_published_at,
        read_at=raw.fetched_at,
        catalogue=ctx.config.metrics,
        relevance=ctx.relevance,
    )
    return with_processed(page, processed, raw.raw)


def merge_reprocess(reports: Sequence[SourceReport], total: int) -> SourceReport:
    """One report for all the batches of a reprocess."""
    merged = SourceReport(source="reprocess", status="fetched", listed=total, new_entries=total)
    for report in reports:
        merged.counts += report.counts
    return merged
