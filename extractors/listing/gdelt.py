"""Build GDELT DOC 2.0 API queries (mode=artlist) over aligned time slices and parse their JSON answers."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from urllib.parse import quote, urlencode

from gdwatch.extractors.errors import FeedParseError
from gdwatch.extractors.listing.urls import is_http_url
from gdwatch.extractors.records import FeedEntry

GDELT_MAX_RECORDS = 250
"""The most articles the DOC 2.0 API returns for one query."""

_STAMP = "%Y%m%d%H%M%S"
_SEEN = "%Y%m%dT%H%M%SZ"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _require_aware(value: datetime, name: str) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware (got naive {value.isoformat()}); pass UTC datetimes")
    return value.astimezone(UTC)


def gdelt_query_url(
    base_url: str,
    *,
    query: str,
    start: datetime,
    end: datetime,
    max_records: int = GDELT_MAX_RECORDS,
    fmt: str = "json",
) -> str:
    """The DOC 2.0 URL listing articles seen in [start, end), newest first.

    GDELT stamps articles on 15-minute marks, which coincide with slice bounds, and does not document
    whether `enddatetime` is inclusive; the end sent is therefore one second before `end`, so adjacent
    slices cannot both return an article seen exactly on their shared bound.

    Args:
        base_url: the API endpoint, e.g. "https://api.gdeltproject.org/api/v2/doc/doc".
        query: the search expression, e.g. '"Guangdong" (exports OR imports) sourcelang:english'.
        start: aware start of the window (inclusive).
        end: aware end of the window (exclusive).
        max_records: articles asked for, 1-250.
        fmt: "json" (parsed by parse_gdelt_artlist) or "rss".

    Returns:
        The request URL.

    Raises:
        ValueError: naive datetimes, end not after start, or max_records outside 1-250.
    """
    start_utc, end_utc = _require_aware(start, "start"), _require_aware(end, "end")
    if end_utc <= start_utc:
        raise ValueError(
            f"GDELT window end {end_utc.isoformat()} must be after start {start_utc.isoformat()}"
        )
    if not 1 <= max_records <= GDELT_MAX_RECORDS:
        raise ValueError(f"max_records must be 1-{GDELT_MAX_RECORDS}, got {max_records}")
    params = {
        "query": query,
        "mode": "artlist",
        "format": fmt,
        "maxrecords": str(max_records),
        "sort": "datedesc",
        "startdatetime": start_utc.strftime(_STAMP),
        "enddatetime": (end_utc - timedelta(seconds=1)).strftime(_STAMP),
    }
    separator = "&" if "?" in base_url else "?"
    return base_url + separator + urlencode(params, quote_via=quote)


def split_window(start: datetime, end: datetime, *, slice_hours: int = 6) -> list[tuple[datetime, datetime]]:
    """Cut [start, end) into contiguous half-open slices whose inner bounds fall on multiples of slice_hours.

    Bounds are aligned to midnight UTC (00:00, 06:00, 12:00, 18:00 for 6 hours), not to `start`, so re-running
    an overlapping window asks GDELT the very same slices, and a partial first or last slice is cut at the
    window's edge.

    Args:
        start: aware start (inclusive).
        end: aware end (exclusive).
        slice_hours: slice length; must divide 24.

    Returns:
        The slices in time order, in UTC; [] when end <= start.

    Raises:
        ValueError: naive datetimes or a slice_hours that does not divide 24.
    """
    if slice_hours < 1 or 24 % slice_hours:
        raise ValueError(f"slice_hours must divide 24 (1, 2, 3, 4, 6, 8, 12 or 24), got {slice_hours}")
    start_utc, end_utc = _require_aware(start, "start"), _require_aware(end, "end")
    step = timedelta(hours=slice_hours)
    # Multiples of a divisor of 24 h counted from the epoch are the instants counted from each midnight.
    boundary = _EPOCH + ((start_utc - _EPOCH) // step + 1) * step
    slices: list[tuple[datetime, datetime]] = []
    current = start_utc
    while current < end_utc:
        upper = min(boundary, end_utc)
        slices.append((current, upper))
        current, boundary = upper, boundary + step
    return slices


def parse_gdelt_artlist(raw: bytes, *, request_url: str) -> list[FeedEntry]:
    """Parse a DOC 2.0 `mode=artlist&format=json` answer.

    Args:
        raw: the body: {"articles": [{"url", "title", "seendate": "20250101T120000Z", ...}]}.
        request_url: the query URL (named in errors).

    Returns:
        One entry per article with an http(s) URL: id and URL are the article URL, published_at its seendate
        (when GDELT first saw it) in UTC. An empty body or {} (no matches) gives [].

    Raises:
        FeedParseError: the body is not JSON; GDELT reports errors ("Please limit requests to one every
            5 seconds", "...phrase that was too short") as plain text, which the message quotes.
    """
    text = raw.decode("utf-8", errors="replace").strip()
    if not text:
        return []
    try:
        # strict=False: GDELT titles sometimes carry raw control characters.
        document = json.loads(text, strict=False)
    except json.JSONDecodeError as exc:
        raise FeedParseError(
            request_url,
            f"GDELT did not answer JSON: {text[:200]!r}",
            "read GDELT's message: shorten or fix the query, or wait longer between calls (min_interval_s)",
        ) from exc
    if not isinstance(document, dict):
        raise FeedParseError(request_url, "GDELT answered JSON that is not an object", "check the query URL")
    articles = document.get("articles") or []
    if not isinstance(articles, list):
        raise FeedParseError(
            request_url, "GDELT 'articles' is not a list", "check the query URL and mode=artlist"
        )
    entries = []
    for article in articles:
        if not isinstance(article, dict):
            continue
        url = str(article.get("url") or "").strip()
        if not is_http_url(url):
            continue
        entries.append(
            FeedEntry(
                entry_id=url,
                url=url,
                title=str(article.get("title") or "").strip(),
                published_at=_seen(article.get("seendate")),
            )
        )
    return entries


def _seen(value: object) -> datetime | None:
    """GDELT's "20250101T120000Z" as an aware UTC datetime."""
    if not isinstance(value, str):
        return None
    try:
        return datetime.strptime(value.strip(), _SEEN).replace(tzinfo=UTC)
    except ValueError:
        return None


def is_saturated(entries: Sequence[FeedEntry], max_records: int) -> bool:
    """Whether a slice came back full, so it may have been cut off and should be split and asked again.

    Args:
        entries: what the slice returned.
        max_records: the maxrecords the query asked for.

    Returns:
        True when at least max_records entries came back.
    """
    return len(entries) >= max_records
