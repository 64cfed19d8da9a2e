"""The plain work of a backfill: one archive source's window with its coverage, or a batch reprocessed."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

from gdwatch.extractors.records import Article
from gdwatch.pipeline.archives import coverage_rows
from gdwatch.pipeline.context import ANY_TOPIC, RunContext
from gdwatch.pipeline.ingest import SourceReport, entry_key, read_archive_window
from gdwatch.pipeline.pages import (
    PendingPage,
    StoredArticleJob,
    finished_record,
    page_skeleton,
    submit_job,
    submit_page,
)
from gdwatch.warehouse import LoadBatch, RawPage, WarehouseError, published_path

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


@dataclass
class ReprocessReport(SourceReport):
    """A reprocess's report, with how many pages were cleaned again and how many kept their stored text."""

    recleaned: int = 0
    """Pages decoded and cleaned again (their stored text came from another cleaner version, or --reclean)."""
    figures_only: int = 0
    """Pages whose stored article the current cleaner produced: only relevance and figures ran again."""


def reprocess_batch(
    ctx: RunContext, window: ReprocessWindow, article_ids: Sequence[str], *, reclean: bool = False
) -> ReprocessReport:
    """Extract a batch of stored pages again with the current code, then load it: no network.

    A page whose stored article was produced by the current cleaner from these very bytes, at this very
    fetch, keeps that article: cleaning is deterministic, so cleaning the bytes again would give it back
    byte for byte; only the steps after cleaning run (the topic check and the figures). Every other page,
    and every page with `reclean`, is decoded and cleaned again. Both give the same records.

    Each page is processed as of the time it was fetched, so relative dates ("this year") and the date
    fallback resolve exactly as they did when the page was first read. Only this batch's bytes are read,
    so memory holds one batch at a time.
    """
    pages = ctx.warehouse.raw_pages(
        since=window.since, until=window.until, sources=window.sources or None, article_ids=article_ids
    )
    report = ReprocessReport(source="reprocess", listed=len(pages), new_entries=len(pages))
    stored = {} if reclean else stored_articles(ctx, article_ids)
    # every page of the batch goes to the workers at once; records are collected in order
    pending = []
    for raw in pages:
        article = reusable_article(raw, stored)
        if article is None:
            report.recleaned += 1
        else:
            report.figures_only += 1
        pending.append(submit_reprocess(ctx, raw, article))
    records = []
    for page in pending:
        records.append(finished_record(page))
        ctx.page_done(REPROCESS)
    report.counts = ctx.load(LoadBatch(pages=tuple(records)))
    return report


@dataclass(frozen=True)
class StoredArticle:
    """An article version as stored: the article, and the fetch and cleaner version it was cleaned from."""

    article: Article
    source: str
    fetched_at: datetime
    cleaner_version: str
    version: int


def stored_articles(ctx: RunContext, article_ids: Sequence[str]) -> Mapping[str, list[StoredArticle]]:
    """The batch's stored article versions made by the current cleaner, by the SHA-256 of their raw page.

    Read from the warehouse's published copy, as the run holds the warehouse file itself. A copy behind
    the warehouse (a run killed before it published) lacks the newest versions, and their pages are
    cleaned again; a version it has is never wrong, as it is checked against the page's bytes and fetch.
    """
    import duckdb

    from gdwatch.extractors.pages import CLEANER_VERSION
    from gdwatch.warehouse.read import cleaned_versions

    found: dict[str, list[StoredArticle]] = {}
    try:
        rows = cleaned_versions(published_path(ctx.warehouse.path), list(article_ids), CLEANER_VERSION)
    except (WarehouseError, duckdb.Error):
        return found  # no published copy, or one that cannot answer: every page is cleaned again
    for row in rows:
        published_at = row["published_at"]
        article = Article(
            url=str(row["url"]),
            title=row["title"],
            author=row["author"],
            site_name=row["site_name"],
            text=str(row["text"]),
            language=row["language"],
            # the cleaner's dates are UTC, and relative periods resolve against their UTC day
            published_at=None if published_at is None else published_at.astimezone(UTC),
            date_source=row["date_source"],
        )
        found.setdefault(str(row["raw_sha256"]), []).append(
            StoredArticle(
                article=article,
                source=str(row["source"]),
                fetched_at=row["fetched_at"],
                cleaner_version=str(row["cleaner_version"]),
                version=int(row["version"]),
            )
        )
    return found


def reusable_article(raw: RawPage, stored: Mapping[str, list[StoredArticle]]) -> Article | None:
    """The stored article the current cleaner made from this page's bytes at this fetch, if there is one.

    The cleaner reads the bytes, the content type, the URL, the listed date and the fetch time. A version
    cleaned from the same bytes, delivered by the same source and fetched at the same instant was cleaned
    from this very fetch, so from the same inputs.
    """
    if not stored or raw.encoding is None:
        return None
    candidates = stored.get(raw.raw_sha256 or hashlib.sha256(raw.raw).hexdigest(), [])
    matching = [s for s in candidates if s.source == raw.source and s.fetched_at == raw.fetched_at]
    if not matching:
        return None
    return max(matching, key=lambda s: s.version).article


def submit_reprocess(ctx: RunContext, raw: RawPage, article: Article | None = None) -> PendingPage:
    """Start processing a stored page again, under the topic settings it was stored under.

    With `article` (see `reusable_article`) the page is not cleaned again. A page kept under
    `--any-topic` (topic key 'any') is not judged for relevance again; any other page is judged under the
    current terms.
    """
    skeleton = page_skeleton(raw.source, raw.entry_id, raw.entry_url, raw.listed_published_at, raw.fetched_at)
    page = replace(
        skeleton,
        fetched_url=raw.fetched_url,
        content_type=raw.content_type,
        reprocessed=True,
        raw_sha256=raw.raw_sha256 or None,  # the bytes are stored: the load does not hash or compress them
    )
    relevance = ctx.relevance
    if raw.topic_key == ANY_TOPIC:
        page, relevance = replace(page, topic_key=ANY_TOPIC), None
    if article is None or raw.encoding is None:
        return submit_page(ctx, page, raw.raw, relevance=relevance)
    job = StoredArticleJob(
        article=article, encoding=raw.encoding, read_at=raw.fetched_at, relevance=relevance
    )
    return submit_job(ctx, page, raw.raw, job)


def merge_reprocess(reports: Sequence[SourceReport], total: int) -> ReprocessReport:
    """One report for all the batches of a reprocess."""
    merged = ReprocessReport(source="reprocess", status="fetched", listed=total, new_entries=total)
    for report in reports:
        merged.counts += report.counts
        if isinstance(report, ReprocessReport):
            merged.recleaned += report.recleaned
            merged.figures_only += report.figures_only
    return merged
