"""The plain work of a backfill: one archive source's window with its coverage, or a batch reprocessed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from gdwatch.pipeline.archives import coverage_rows
from gdwatch.pipeline.context import ANY_TOPIC, RunContext
from gdwatch.pipeline.ingest import SourceReport, entry_key, read_archive_window
from gdwatch.pipeline.pages import PendingPage, finished_record, page_skeleton, submit_page
from gdwatch.warehouse import LoadBatch, RawPage

REPROCESS = "reprocessed pages"
"""The progress label of a reprocess's pages (they belong to no one source)."""


def backfill_source(ctx: RunContext, source_name: str, since: date, until: date) -> SourceReport:
    """List one archive source's window, load the entries not stored yet, and record per-day coverage."""
    source = ctx.config.sources.by_name(source_name)
    report, listing = read_archive_window(ctx, source, since, until)
    failure = (listing.stopped or listing.errors[0]) if listing.errors else None
    rows = coverage_rows(source.name, since, until, listing.entries, report.outcomes, entry_key, failure)
    ctx.warehouse.record_coverage(rows, run_id=ctx.run_id)
    return report


@dataclass(frozen=True)
class ReprocessWindow:
    """Which stored pages a reprocess reads: articles dated in [since, until], of these sources (or all)."""

    since: date
    until: date
    sources: tuple[str, ...] = ()


def reprocess_batches(ctx: RunContext, window: ReprocessWindow) -> list[list[str]]:
    """The window's article ids in batches of `warehouse.batch_size`: one load transaction each."""
    ids = ctx.warehouse.raw_page_ids(since=window.since, until=window.until, sources=window.sources or None)
    size = ctx.config.settings.warehouse.batch_size
    return [ids[i : i + size] for i in range(0, len(ids), size)]


def reprocess_batch(ctx: RunContext, window: ReprocessWindow, article_ids: Sequence[str]) -> SourceReport:
    """Clean and extract a batch of stored raw pages again with the current code, then load it: no network.

    Each page is processed as of the time it was fetched, so relative dates ("this year") and the date
    fallback resolve exactly as they did when the page was first read. Only this batch's bytes are read,
    so memory holds one batch at a time.
    """
    pages = ctx.warehouse.raw_pages(
        since=window.since, until=window.until, sources=window.sources or None, article_ids=article_ids
    )
    report = SourceReport(source="reprocess", listed=len(pages), new_entries=len(pages))
    # every page of the batch goes to the workers at once; records are collected in order
    pending = [submit_reprocess(ctx, raw) for raw in pages]
    records = []
    for page in pending:
        records.append(finished_record(page))
        ctx.page_done(REPROCESS)
    report.counts = ctx.load(LoadBatch(pages=tuple(records)))
    return report


def submit_reprocess(ctx: RunContext, raw: RawPage) -> PendingPage:
    """Start processing a stored page again, under the topic settings it was stored under.

    A page kept under `--any-topic` (topic key 'any') is not judged for relevance again; any other page is
    judged under the current terms.
    """
    skeleton = page_skeleton(raw.source, raw.entry_id, raw.entry_url, raw.listed_published_at, raw.fetched_at)
    page = replace(skeleton, fetched_url=raw.fetched_url, content_type=raw.content_type, reprocessed=True)
    if raw.topic_key == ANY_TOPIC:
        return submit_page(ctx, replace(page, topic_key=ANY_TOPIC), raw.raw, relevance=None)
    return submit_page(ctx, page, raw.raw, relevance=ctx.relevance)


def merge_reprocess(reports: Sequence[SourceReport], total: int) -> SourceReport:
    """One report for all the batches of a reprocess."""
    merged = SourceReport(source="reprocess", status="fetched", listed=total, new_entries=total)
    for report in reports:
        merged.counts += report.counts
    return merged
