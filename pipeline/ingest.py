"""Plain functions that read one source and load what it yields: the work inside gdwatch's Prefect tasks.

A source is read in three steps: list its entries (a feed, a sitemap window or GDELT slices), turn each
new entry into a `PageRecord` (fetch, decode, clean, relevance, extract), and load the records in
batches of `warehouse.batch_size`, each batch one transaction. The source's fetch record (ETag,
Last-Modified, body hash) travels with the source's *last* batch, so a run killed half-way leaves the
feed state where it was and the next run reads the same entries again, skipping the ones already stored.
"""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from gdwatch.config.models import SourceDefinition
from gdwatch.extractors.errors import FeedParseError
from gdwatch.extractors.listing.feeds import parse_feed
from gdwatch.extractors.listing.urls import google_news_target
from gdwatch.extractors.records import FeedEntry
from gdwatch.pipeline.archives import ArchiveListing, list_gdelt_window, list_sitemap_window
from gdwatch.pipeline.context import RunContext
from gdwatch.pipeline.fetching import FetchError
from gdwatch.pipeline.pages import (
    PAGE_TYPES,
    PendingPage,
    failed_fetch,
    fetched,
    finished_record,
    page_skeleton,
    submit_page,
)
from gdwatch.pipeline.revisit import revisit_source
from gdwatch.warehouse import BatchCounts, LoadBatch, PageRecord, SourceFetch

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5"
)
MAX_REPORTED_ERRORS = 5


@dataclass
class SourceReport:
    """What reading one source did, for the run summary and the exit code."""

    source: str
    status: str = "fetched"
    """"fetched", "not_modified" or "failed" (the source itself could not be read)."""
    error: str | None = None
    parse_error: str | None = None
    listed: int = 0
    skipped: int = 0
    """Listed items left out because they carry no http(s) link."""
    new_entries: int = 0
    counts: BatchCounts = field(default_factory=BatchCounts)
    page_errors: list[str] = field(default_factory=list)
    revisited: int = 0
    """Recent articles re-checked for silent corrections (pipeline/revisit.py)."""
    changed: int = 0
    """Re-checked pages that had changed."""
    outcomes: dict[str, str] = field(default_factory=dict)
    """Entry key -> page outcome for the entries processed in this run (backfill coverage)."""

    @property
    def failed(self) -> bool:
        return self.status == "failed"

    def as_row(self) -> dict[str, object]:
        counts = self.counts
        return {
            "source": self.source,
            "status": self.status,
            "listed": self.listed,
            "no_link": self.skipped,
            "new_entries": self.new_entries,
            "new_articles": counts.new_articles,
            "new_versions": counts.new_versions,
            "unchanged": counts.unchanged,
            "duplicates": counts.duplicates,
            "off_topic": counts.off_topic,
            "no_article": counts.no_article,
            "failed_pages": counts.failed,
            "observations": counts.observations,
            "new_conflicts": counts.new_conflicts,
            "revisited": self.revisited,
            "changed": self.changed,
            "error": self.error or self.parse_error or "; ".join(self.page_errors[:1]) or "",
        }


def read_source(ctx: RunContext, source: SourceDefinition) -> SourceReport:
    """Feeds are read whole; archive sources list the last day (the backfill flow reads longer windows)."""
    if source.kind in ("rss", "atom"):
        report = read_feed_source(ctx, source)
        if not report.failed:
            revisit = revisit_source(ctx, source, skip=set(report.outcomes))
            report.revisited, report.changed = revisit.revisited, revisit.changed
            report.counts += revisit.counts
        return report
    report, _ = read_archive_window(ctx, source, (ctx.now - timedelta(days=1)).date(), ctx.now.date())
    return report


def read_feed_source(ctx: RunContext, source: SourceDefinition) -> SourceReport:
    """Fetch an RSS/Atom feed with conditional GET, then load its new entries.

    Args:
        ctx: the run's shared context.
        source: an rss or atom source.

    Returns:
        The source's report; a source that cannot be read is reported, not raised.
    """
    report = SourceReport(source=source.name)
    url = str(source.url)
    state = ctx.warehouse.source_state(source.name)
    if state is not None and state.topic_key != ctx.topic_key:
        # NOTE: read under other topic settings (new terms, --any-topic): entries judged off-topic then
        # are judged again, so the feed is read whole, whatever its ETag or body hash say.
        state = None
    try:
        result = ctx.fetcher.fetch(
            url,
            etag=state.etag if state else None,
            last_modified=state.last_modified if state else None,
            accept=FEED_ACCEPT,
        )
    except FetchError as exc:
        return _source_failed(ctx, source, report, str(exc), exc.status)

    if result.not_modified:
        report.status = "not_modified"
        _record_fetch(
            ctx,
            source,
            "not_modified",
            result.status,
            state.etag if state else None,
            state.last_modified if state else None,
            state.body_hash if state else None,
        )
        return report

    body_hash = hashlib.sha256(result.body).hexdigest()
    if state is not None and state.body_hash == body_hash:
        # NOTE: some servers never answer 304 (or reuse one ETag for changed feeds): the body hash decides.
        report.status = "not_modified"
        _record_fetch(
            ctx, source, "not_modified", result.status, result.etag, result.last_modified, body_hash
        )
        return report

    try:
        parsed = parse_feed(result.body, feed_url=result.final_url, content_type=result.content_type)
    except FeedParseError as exc:
        return _source_failed(
            ctx, source, report, f"{exc} (the feed URL may have moved: open it in a browser)", result.status
        )

    report.parse_error = parsed.error
    report.skipped = parsed.skipped
    entries = list(parsed.entries[: ctx.config.settings.politeness.max_entries_per_feed])
    fetch = SourceFetch(
        source=source.name,
        url=url,
        fetched_at=ctx.now,
        outcome="fetched",
        http_status=result.status,
        etag=result.etag,
        last_modified=result.last_modified,
        body_hash=body_hash,
        entries_listed=len(parsed.entries),
        entries_new=0,
        error=None,
        parse_error=parsed.error,
        topic_key=ctx.topic_key,
    )
    return load_entries(ctx, source, entries, fetch, report)


def read_archive_window(
    ctx: RunContext, source: SourceDefinition, since: date, until: date
) -> tuple[SourceReport, ArchiveListing]:
    """List a sitemap or GDELT source's window [since, until] and load the entries not stored yet.

    A listing that met errors but still found entries counts as read; one that found nothing, or that
    stopped early because the network is not there, failed.
    """
    lister = list_sitemap_window if source.kind == "sitemap" else list_gdelt_window
    listing = lister(ctx.fetcher, source, since, until)
    report = load_entries(ctx, source, listing.entries, None)
    if listing.stopped:
        report.error = f"{listing.stopped} (last error: {listing.errors[-1]})"
        report.status = "failed"  # the window is incomplete: the exit code says so
    elif listing.errors:
        report.error = "; ".join(listing.errors[:3])
        if not listing.entries:
            report.status = "failed"
    return report, listing


def load_entries(
    ctx: RunContext,
    source: SourceDefinition,
    entries: Sequence[FeedEntry],
    fetch: SourceFetch | None,
    report: SourceReport | None = None,
) -> SourceReport:
    """Process the entries not seen before and load them in batches; `fetch` goes with the last batch.

    When a page fails (timeout, 500, ...), the feed's ETag and body hash are not recorded, so the next
    run reads the whole feed again and retries that page.
    """
    report = report or SourceReport(source=source.name)
    report.listed = len(entries)
    unique = list({entry_key(e): e for e in entries}.values())
    seen = ctx.warehouse.seen_entries(source.name, [entry_key(e) for e in unique], topic_key=ctx.topic_key)
    fresh = [e for e in unique if entry_key(e) not in seen]
    report.new_entries = len(fresh)
    ctx.listed(source.name, len(fresh))

    batch_size = ctx.config.settings.warehouse.batch_size
    pending: list[PageRecord] = []
    any_page_failed = False
    for index, page in enumerate(fetched_ahead(ctx, source, fresh, ahead=2 * batch_size)):
        entry = fresh[index]
        any_page_failed = any_page_failed or page.outcome == "failed"
        if (
            page.error
            and page.outcome in ("failed", "no_article")
            and len(report.page_errors) < MAX_REPORTED_ERRORS
        ):
            verdict = "retried next run" if page.outcome == "failed" else "skipped for good"
            report.page_errors.append(f"{entry.url} ({verdict}): {page.error}")
        pending.append(page)
        report.outcomes[page.entry_id] = page.outcome
        ctx.page_done(source.name)
        is_last = index == len(fresh) - 1
        if len(pending) >= batch_size and not is_last:
            report.counts += ctx.load(LoadBatch(pages=tuple(pending)))
            pending = []

    if fetch is not None:
        fetch = replace(fetch, entries_new=len(fresh))
        if any_page_failed:
            fetch = replace(fetch, etag=None, last_modified=None, body_hash=None)
    if pending or fetch is not None:
        report.counts += ctx.load(LoadBatch(pages=tuple(pending), source_fetch=fetch))
    return report


def entry_key(entry: FeedEntry) -> str:
    """The identity of an entry within its source: its id plus the date the feed gives it.

    NOTE: publishers bump an item's date when they correct it; keying on both makes such an item new
    again, so the corrected page is fetched and stored as a new article version.
    """
    stamp = entry.published_at.isoformat() if entry.published_at else ""
    return f"{entry.entry_id}|{stamp}"


def fetched_ahead(
    ctx: RunContext, source: SourceDefinition, entries: Sequence[FeedEntry], *, ahead: int
) -> Iterator[PageRecord]:
    """The entries' page records, in entry order, while up to `ahead` later pages are fetched and processed.

    Threads fetch (the fetcher keeps each host's delay, so only different hosts overlap) and hand the bytes
    to the run's worker processes at once; at most `ahead` pages are held, whatever the number of entries.
    """
    window: deque[Future[PendingPage | PageRecord]] = deque()
    remaining = iter(entries)
    with ThreadPoolExecutor(max_workers=fetch_threads(ctx), thread_name_prefix="fetch") as fetchers:
        try:
            for entry in remaining:
                window.append(fetchers.submit(submit_entry, ctx, source, entry))
                if len(window) >= ahead:
                    break
            while window:
                started = window.popleft().result()
                next_entry = next(remaining, None)
                if next_entry is not None:
                    window.append(fetchers.submit(submit_entry, ctx, source, next_entry))
                yield finished_record(started) if isinstance(started, PendingPage) else started
        finally:
            for future in window:
                future.cancel()


def fetch_threads(ctx: RunContext) -> int:
    """Fetching threads per source: enough to keep every worker process busy, at least 4."""
    return max(4, 2 * (ctx.workers.processes if ctx.workers is not None else 1))


def submit_entry(ctx: RunContext, source: SourceDefinition, entry: FeedEntry) -> PendingPage | PageRecord:
    """Fetch one entry's page and hand it to the workers; a page that could not be fetched is final."""
    skeleton = page_skeleton(source.name, entry_key(entry), entry.url, entry.published_at, ctx.now)
    try:
        result = ctx.fetcher.fetch(google_news_target(entry.url) or entry.url, allowed_types=PAGE_TYPES)
    except FetchError as exc:
        return failed_fetch(skeleton, exc)
    return submit_page(ctx, fetched(skeleton, result), result.body, relevance=ctx.relevance)


def _source_failed(
    ctx: RunContext, source: SourceDefinition, report: SourceReport, error: str, status: int | None
) -> SourceReport:
    report.status = "failed"
    report.error = error
    _record_fetch(ctx, source, "failed", status, None, None, None, error=error)
    return report


def _record_fetch(
    ctx: RunContext,
    source: SourceDefinition,
    outcome: str,
    status: int | None,
    etag: str | None,
    last_modified: str | None,
    body_hash: str | None,
    *,
    error: str | None = None,
) -> None:
    fetch = SourceFetch(
        source=source.name,
        url=str(source.url),
        fetched_at=ctx.now,
        outcome=outcome,  # type: ignore[arg-type]
        http_status=status,
        etag=etag,
        last_modified=last_modified,
        body_hash=body_hash,
        entries_listed=0,
        entries_new=0,
        error=error,
        parse_error=None,
        topic_key=ctx.topic_key,
    )
    ctx.load(LoadBatch(pages=(), source_fetch=fetch))
