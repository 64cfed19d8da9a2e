"""Revisits: re-check a source's recent articles, so a page corrected without a new feed date is caught.

Publishers fix a figure in place and leave the feed alone: the entry key (id plus feed date) is then
unchanged and the entry is never fetched again. Each daily run therefore asks again for the articles a
source first published within `revisit.days`, newest first and at most `revisit.max_pages`, with a
conditional GET (the page's own ETag / Last-Modified), else comparing the body's hash. A changed page is
processed like a new fetch; the warehouse stores a new version only when the text changed (a revision,
which closes the conflicts of the old figures).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import timedelta

from gdwatch.config.models import SourceDefinition
from gdwatch.pipeline.context import RunContext
from gdwatch.pipeline.fetching import FetchError
from gdwatch.pipeline.pages import PAGE_TYPES, fetched, page_skeleton, processed_record
from gdwatch.warehouse import LoadBatch, PageRecord
from gdwatch.warehouse.records import BatchCounts, RevisitCandidate


@dataclass
class RevisitReport:
    """What re-checking a source's recent articles found."""

    revisited: int = 0
    changed: int = 0
    """Pages whose body changed (a new version is stored only when their text changed too)."""
    counts: BatchCounts = field(default_factory=BatchCounts)
    errors: int = 0


def revisit_source(ctx: RunContext, source: SourceDefinition, skip: set[str]) -> RevisitReport:
    """Re-check the recent articles of `source` that this run did not fetch already (`skip`: entry keys)."""
    settings = ctx.config.settings.revisit
    report = RevisitReport()
    if settings.days == 0 or settings.max_pages == 0:
        return report
    candidates = ctx.warehouse.revisit_candidates(
        source.name, since=ctx.now - timedelta(days=settings.days), limit=settings.max_pages
    )
    changed: list[PageRecord] = []
    for candidate in candidates:
        if candidate.entry_id in skip:
            continue
        report.revisited += 1
        record = recheck(ctx, source, candidate)
        if record is None:
            continue
        if record.outcome == "failed":
            report.errors += 1
            continue
        report.changed += 1
        changed.append(record)
    if changed:
        report.counts = ctx.load(LoadBatch(pages=tuple(changed)))
    return report


def recheck(ctx: RunContext, source: SourceDefinition, candidate: RevisitCandidate) -> PageRecord | None:
    """The page as it is now when it changed, None when it did not (304 or the same bytes)."""
    try:
        result = ctx.fetcher.fetch(
            candidate.url,
            etag=candidate.etag,
            last_modified=candidate.last_modified,
            allowed_types=PAGE_TYPES,
        )
    except FetchError as exc:
        return replace(
            _skeleton(ctx, source, candidate),
            outcome="failed",
            error=f"revisit: {exc}",
            http_status=exc.status,
        )
    if result.not_modified or hashlib.sha256(result.body).hexdigest() == candidate.raw_sha256:
        return None
    # the article was on topic when stored; a correction keeps it
    return processed_record(
        ctx, fetched(_skeleton(ctx, source, candidate), result), result.body, relevance=None
    )


def _skeleton(ctx: RunContext, source: SourceDefinition, candidate: RevisitCandidate) -> PageRecord:
    """The record of a revisited page before its outcome is known (made only for a page that changed or
    failed: it names the cleaner version, which an unchanged page has no need to import)."""
    return page_skeleton(
        source.name, candidate.entry_id, candidate.entry_url, candidate.listed_published_at, ctx.now
    )
