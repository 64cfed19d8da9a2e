"""Parse XML sitemaps (urlset with Google News tags, and sitemap indexes), plain or gzip-compressed."""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin

from lxml import etree

from gdwatch.extractors.errors import FeedParseError
from gdwatch.extractors.listing.urls import is_http_url
from gdwatch.extractors.records import FeedEntry

# The sitemap protocol caps an uncompressed sitemap at 50 MB; anything larger is refused rather than inflated.
MAX_SITEMAP_BYTES = 50 * 1024 * 1024
_GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True)
class SitemapListing:
    """What one sitemap lists: page entries (urlset) and child sitemaps with their lastmod (index)."""

    entries: tuple[FeedEntry, ...]
    child_sitemaps: tuple[tuple[str, datetime | None], ...]
    """(URL, lastmod in UTC or None) of each child, so a backfill can skip children older than its window."""


def parse_sitemap(raw: bytes, *, sitemap_url: str) -> SitemapListing:
    """Parse one sitemap or sitemap index.

    A `<url>` gives a FeedEntry whose id and URL are its `<loc>`, whose title is `<news:title>` (Google News
    sitemaps) and whose `published_at` is `<news:publication_date>`, else `<lastmod>`. Entries without an
    http(s) `<loc>` are left out. Namespaces are matched by local name, since publishers get them wrong.

    Args:
        raw: the body, plain XML or gzip-compressed (a .xml.gz served without Content-Encoding).
        sitemap_url: where it came from (base for relative locations; named in errors).

    Returns:
        The entries and child sitemaps in document order.

    Raises:
        FeedParseError: the body is empty, not XML, bad gzip, larger than 50 MB, or not a urlset/sitemapindex.
    """
    data = _inflate(raw, sitemap_url) if raw[:2] == _GZIP_MAGIC else raw
    if not data.strip():
        raise FeedParseError(sitemap_url, "the sitemap is empty", "check the sitemap URL")
    # NOTE: no entity resolution and no network: a sitemap is untrusted input.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        root = etree.fromstring(data.lstrip(), parser=parser)
    except etree.XMLSyntaxError as exc:
        raise FeedParseError(
            sitemap_url, f"not XML ({exc})", "check the URL: it should be an XML sitemap"
        ) from exc
    if root is None or not isinstance(root.tag, str):
        raise FeedParseError(sitemap_url, "not XML", "check the URL: it should be an XML sitemap")
    kind = etree.QName(root).localname
    if kind == "urlset":
        entries = tuple(entry for node in _children(root, "url") if (entry := _entry(node, sitemap_url)))
        return SitemapListing(entries=entries, child_sitemaps=())
    if kind == "sitemapindex":
        children = []
        for node in _children(root, "sitemap"):
            loc = _resolve(_text(node, "loc"), sitemap_url)
            if loc is not None:
                children.append((loc, _w3c_datetime(_text(node, "lastmod"))))
        return SitemapListing(entries=(), child_sitemaps=tuple(children))
    raise FeedParseError(
        sitemap_url,
        f"root element is <{kind}>, not <urlset> or <sitemapindex>",
        "check the URL: it should point at an XML sitemap or sitemap index",
    )


def _inflate(raw: bytes, sitemap_url: str) -> bytes:
    """Gunzip with a cap on the output size (a small gzip can inflate to gigabytes)."""
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        data = inflater.decompress(raw, MAX_SITEMAP_BYTES + 1)
    except zlib.error as exc:
        raise FeedParseError(
            sitemap_url, f"bad gzip data ({exc})", "re-fetch it; the download may be cut"
        ) from exc
    if len(data) > MAX_SITEMAP_BYTES:
        raise FeedParseError(
            sitemap_url,
            "the sitemap inflates to more than 50 MB",
            "the protocol forbids it; skip this sitemap",
        )
    if not inflater.eof:
        raise FeedParseError(sitemap_url, "bad gzip data (truncated)", "re-fetch it; the download may be cut")
    return data


def _children(node: etree._Element, name: str) -> list[etree._Element]:
    """Direct children with a local name, whatever their namespace."""
    return [child for child in node if isinstance(child.tag, str) and etree.QName(child).localname == name]


def _text(node: etree._Element, *path: str) -> str | None:
    """Stripped text of the first descendant along a path of local names."""
    current = [node]
    for name in path:
        current = [child for parent in current for child in _children(parent, name)]
    if not current or current[0].text is None:
        return None
    return current[0].text.strip() or None


def _resolve(loc: str | None, base: str) -> str | None:
    if loc is None:
        return None
    resolved = urljoin(base, loc)
    return resolved if is_http_url(resolved) else None


def _entry(node: etree._Element, sitemap_url: str) -> FeedEntry | None:
    url = _resolve(_text(node, "loc"), sitemap_url)
    if url is None:
        return None
    published = _w3c_datetime(_text(node, "news", "publication_date")) or _w3c_datetime(
        _text(node, "lastmod")
    )
    return FeedEntry(entry_id=url, url=url, title=_text(node, "news", "title") or "", published_at=published)


def _w3c_datetime(value: str | None) -> datetime | None:
    """A W3C datetime ("2025-11-03", "2025-11-03T10:00+08:00", "...Z") in UTC; naive values are UTC."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)
