"""Parse fetched RSS 0.9x/1.0/2.0, Atom and JSON Feed documents into FeedEntry records, without any I/O."""

from __future__ import annotations

import html
import io
import json
import re
import time
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

import feedparser

from gdwatch.extractors.errors import FeedParseError
from gdwatch.extractors.listing.urls import is_http_url
from gdwatch.extractors.records import FeedEntry, ParsedFeed

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
_JSON_TYPES = frozenset({"application/feed+json", "application/json"})


def parse_feed(raw: bytes, *, feed_url: str, content_type: str | None = None) -> ParsedFeed:
    """Parse one fetched feed document.

    RSS and Atom go through feedparser (given a byte stream, so it never fetches anything, and the HTTP
    Content-Type, so a charset header applies). JSON Feed is recognised by its media type or a body that
    starts with "{". Each entry's id is its guid/id, else its link; links are resolved against the feed URL;
    `published_at` is the entry's published (else updated) time in UTC. Entries without an http(s) link are
    left out, since there is nothing to fetch.

    Args:
        raw: the response body.
        feed_url: the URL the document came from (base for relative links; named in errors).
        content_type: the HTTP Content-Type header, if any.

    Returns:
        The entries in document order, the feed title, and `error` describing the problem when the document
        was malformed but still yielded entries.

    Raises:
        FeedParseError: the document is empty, is not a feed (e.g. an HTML page), or is malformed and yielded
            no entries.
    """
    if not raw.strip():
        raise FeedParseError(feed_url, "the document is empty", "check the feed URL; the server sent no body")
    media_type = (content_type or "").split(";", 1)[0].strip().lower()
    if media_type in _JSON_TYPES or raw.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return _parse_json_feed(raw, feed_url=feed_url)
    stripped = raw.lstrip(b" \t\r\n")
    if stripped.startswith(b"<"):
        # Blank lines before "<?xml" are a common publishing slip that makes the XML parser give up.
        raw = stripped
    headers = {"content-location": feed_url}
    if content_type:
        headers["content-type"] = content_type
    # NOTE: explicit sanitize/resolve flags, so feedparser's module-level switches cannot change our output.
    parsed = feedparser.parse(
        io.BytesIO(raw), response_headers=headers, resolve_relative_uris=True, sanitize_html=True
    )
    converted = [_entry_from_item(item, feed_url) for item in parsed.entries]
    entries = tuple(entry for entry in converted if entry is not None)
    error = _bozo_error(parsed)
    if not parsed.get("version") and not entries:
        raise FeedParseError(
            feed_url,
            f"not an RSS/Atom/JSON feed ({error or 'no feed elements found'})",
            "check the URL: it may point at an HTML page, an error page or a moved feed",
        )
    if error is not None and not entries:
        raise FeedParseError(
            feed_url,
            f"malformed feed with no readable entries ({error})",
            "report it to the publisher or drop it",
        )
    title = _plain(parsed.feed.get("title", "")) or None
    return ParsedFeed(entries=entries, title=title, error=error, skipped=len(converted) - len(entries))


def _bozo_error(parsed: Any) -> str | None:
    """feedparser's bozo exception as one line, or None when the document was well-formed.

    NonXMLContentType only says the HTTP type was missing or not an XML type (common for feeds served as
    text/html or read from disk); it is no defect of the document, so it does not count as an error.
    """
    if not parsed.get("bozo"):
        return None
    exc = parsed.get("bozo_exception")
    if isinstance(exc, feedparser.NonXMLContentType):
        return None
    return f"{type(exc).__name__}: {exc}" if exc is not None else "malformed document"


def _plain(text: str) -> str:
    """Text with HTML tags removed, entities decoded and whitespace collapsed."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", text or ""))).strip()


def _utc_from_struct(value: time.struct_time | None) -> datetime | None:
    """feedparser's parsed dates are already normalised to UTC struct_time."""
    if value is None:
        return None
    try:
        return datetime(*value[:6], tzinfo=UTC)
    except (TypeError, ValueError):
        return None


def _http_link(link: Any, base: str) -> str | None:
    """A link resolved against the base, if it is an http(s) URL."""
    if not isinstance(link, str) or not link.strip():
        return None
    resolved = urljoin(base, link.strip())
    return resolved if is_http_url(resolved) else None


def _entry_from_item(item: Any, feed_url: str) -> FeedEntry | None:
    """Convert one feedparser entry; None when it carries no fetchable link."""
    url = _http_link(item.get("link"), feed_url)
    if url is None:
        alternates = [link.get("href") for link in item.get("links", []) if link.get("rel") == "alternate"]
        url = next((found for href in alternates if (found := _http_link(href, feed_url))), None)
    guid = (item.get("id") or "").strip()
    if url is None and item.get("guidislink") and guid:
        url = _http_link(guid, feed_url)
    if url is None:
        return None
    # dict.get, not item.get: feedparser's own lookup maps a missing published_parsed to updated_parsed with
    # a DeprecationWarning; the explicit order below says the same thing without it.
    published = next(
        (
            value
            for key in ("published_parsed", "updated_parsed", "created_parsed")
            if (value := dict.get(item, key))
        ),
        None,
    )
    return FeedEntry(
        entry_id=guid or url,
        url=url,
        title=_plain(item.get("title", "")),
        published_at=_utc_from_struct(published),
        summary=_plain(item.get("summary", "")),
    )


def _parse_json_feed(raw: bytes, *, feed_url: str) -> ParsedFeed:
    """Parse a JSON Feed (https://jsonfeed.org/version/1.1) document."""
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FeedParseError(
            feed_url, f"invalid JSON Feed ({exc})", "check the feed URL; the body is not valid JSON"
        ) from exc
    if not isinstance(document, dict) or not isinstance(document.get("items"), list):
        raise FeedParseError(
            feed_url, "JSON document without an 'items' list", "check the URL: this is not a JSON Feed"
        )
    # why: only a JSON string can read as an http URL here, so str() changes nothing when it is used
    declared_url = str(document.get("feed_url") or "")
    base = declared_url if is_http_url(declared_url) else feed_url
    entries: list[FeedEntry] = []
    skipped = 0
    for item in document["items"]:
        if not isinstance(item, dict):
            skipped += 1
            continue
        url = _http_link(item.get("url"), base) or _http_link(item.get("external_url"), base)
        if url is None:
            skipped += 1
            continue
        item_id = item.get("id")
        summary = item.get("summary") or item.get("content_text") or item.get("content_html") or ""
        entries.append(
            FeedEntry(
                entry_id=str(item_id).strip() if item_id not in (None, "") else url,
                url=url,
                title=_plain(str(item.get("title") or "")),
                published_at=_iso_datetime(item.get("date_published") or item.get("date_modified")),
                summary=_plain(str(summary)),
            )
        )
    title = document.get("title")
    return ParsedFeed(
        entries=tuple(entries),
        title=_plain(title) if isinstance(title, str) and title else None,
        skipped=skipped,
    )


def _iso_datetime(value: object) -> datetime | None:
    """An RFC 3339 timestamp as an aware UTC datetime (a naive one is taken as UTC); None if unreadable."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)
