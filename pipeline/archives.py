"""List the entries an archive source (news sitemap, GDELT DOC 2.0 API) published in a date window."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime

from gdwatch.config.models import SourceDefinition
from gdwatch.extractors.errors import FeedParseError
from gdwatch.extractors.listing.gdelt import gdelt_query_url, is_saturated, parse_gdelt_artlist, split_window
from gdwatch.extractors.listing.sitemaps import parse_sitemap
from gdwatch.extractors.records import FeedEntry
from gdwatch.pipeline.fetching import Fetcher, FetchError
from gdwatch.warehouse import CoverageRow

MIN_GDELT_SLICE = timedelta(minutes=15)
MAX_CHILD_SITEMAPS = 200


MAX_NETWORK_FAILURES = 3
"""Consecutive failures of one network kind (timeouts, refused connections) after which a listing stops."""


@dataclass
class ArchiveListing:
    """Entries listed for a window, and the problems met while listing (a listing can be partial)."""

    entries: list[FeedEntry] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: int = 0
    stopped: str | None = None
    """Why the listing gave up before the end of the window (the network is down, the name is gone)."""
    _streak: tuple[str, int] = ("", 0)

    def failed(self, where: str, error: Exception) -> bool:
        """Record a failed request; True when the listing should stop now.

        A name that does not resolve stops it at once (every later request to the host fails the same
        way); `MAX_NETWORK_FAILURES` timeouts or connection failures in a row stop it too, rather than
        spending every slice of a long window on a network that is not there.
        """
        self.errors.append(f"{where}: {error}")
        kind = error.kind if isinstance(error, FetchError) else "parse"
        if kind not in ("dns", "network", "timeout"):
            self._streak = ("", 0)
            return False
        count = self._streak[1] + 1 if self._streak[0] == kind else 1
        self._streak = (kind, count)
        if kind == "dns" or count >= MAX_NETWORK_FAILURES:
            what = "the host name does not resolve" if kind == "dns" else f"{count} {kind} failures in a row"
            self.stopped = f"stopped listing early: {what}; the rest of the window is left for a later run"
            return True
        return False

    def succeeded(self) -> None:
        self._streak = ("", 0)


def window_bounds(since: date, until: date) -> tuple[datetime, datetime]:
    """[since 00:00 UTC, until+1 00:00 UTC): the half-open instant range of an inclusive day window."""
    return (datetime.combine(since, dtime(), UTC), datetime.combine(until + timedelta(days=1), dtime(), UTC))


def list_sitemap_window(
    fetcher: Fetcher, source: SourceDefinition, since: date, until: date
) -> ArchiveListing:
    """Walk a sitemap (or sitemap index) and keep the URLs dated inside [since, until].

    Child sitemaps whose lastmod is before `since` are skipped: they cannot hold newer pages.
    """
    listing = ArchiveListing()
    start, end = window_bounds(since, until)
    queue = [str(source.url)]
    visited: set[str] = set()
    while queue and len(visited) < MAX_CHILD_SITEMAPS:
        url = queue.pop(0)
        if url in visited:
            continue
        visited.add(url)
        try:
            result = fetcher.fetch(url)
            listing.requests += 1
            parsed = parse_sitemap(result.body, sitemap_url=result.final_url)
        except (FetchError, FeedParseError) as exc:
            if listing.failed(url, exc):
                break
            continue
        listing.succeeded()
        listing.entries.extend(
            e for e in parsed.entries if e.published_at is not None and start <= e.published_at < end
        )
        queue.extend(child for child, lastmod in parsed.child_sitemaps if lastmod is None or lastmod >= start)
    return listing


def list_gdelt_window(
    fetcher: Fetcher,
    source: SourceDefinition,
    since: date,
    until: date,
    *,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
    on_slice: Callable[[], None] | None = None,
) -> ArchiveListing:
    """Query GDELT slice by slice; a slice that comes back full (max_records) is halved and asked again.

    GDELT wants at least `min_interval_s` between calls; slices are aligned so that re-running a window
    asks exactly the same questions (idempotent), and the warehouse skips entries it already holds.
    """
    listing = ArchiveListing()
    start, end = window_bounds(since, until)
    pending = list(split_window(start, end))
    last_call: float | None = None
    assert source.query is not None  # guaranteed by SourceDefinition's validator
    while pending:
        slice_start, slice_end = pending.pop(0)
        if last_call is not None:
            wait = source.min_interval_s - (clock() - last_call)
            if wait > 0:
                sleep(wait)
        url = gdelt_query_url(
            str(source.url),
            query=source.query,
            start=slice_start,
            end=slice_end,
            max_records=source.max_records,
        )
        last_call = clock()
        try:
            result = fetcher.fetch(url)
            listing.requests += 1
            entries = parse_gdelt_artlist(result.body, request_url=url)
        except (FetchError, FeedParseError) as exc:
            if listing.failed(f"{slice_start:%Y-%m-%d %H:%M}–{slice_end:%H:%M}", exc):
                break
            continue
        listing.succeeded()
        if is_saturated(entries, source.max_records) and slice_end - slice_start > MIN_GDELT_SLICE:
            middle = slice_start + (slice_end - slice_start) / 2
            pending[:0] = [(slice_start, middle), (middle, slice_end)]
            continue
        listing.entries.extend(entries)
        if on_slice:
            on_slice()
    return listing


def coverage_rows(
    source: str,
    since: date,
    until: date,
    listed: Iterable[FeedEntry],
    outcomes: dict[str, str],
    key: Callable[[FeedEntry], str],
    failure: str | None = None,
) -> list[CoverageRow]:
    """Per day of the window: entries listed, pages fetched, articles stored.

    `failure` is why the listing failed or stopped: a day with nothing listed then carries it (its
    status is `failed`), since it cannot be told from a quiet day.

    `outcomes` maps entry keys to this run's page outcome; entries absent from it were handled by an
    earlier run and count as fetched and stored. A day with nothing listed is quiet; a day whose
    stored count is below its listed count has a gap worth a look.
    """
    listed_by_day: Counter[date] = Counter()
    fetched: Counter[date] = Counter()
    stored: Counter[date] = Counter()
    for entry in listed:
        assert entry.published_at is not None
        day = entry.published_at.date()
        listed_by_day[day] += 1
        outcome = outcomes.get(key(entry), "seen")
        if outcome != "failed":
            fetched[day] += 1
        if outcome in ("article", "seen"):
            stored[day] += 1
    days = [since + timedelta(days=i) for i in range((until - since).days + 1)]
    return [
        CoverageRow(source, d, listed_by_day[d], fetched[d], stored[d], None if listed_by_day[d] else failure)
        for d in days
    ]
