"""parse_sitemap on urlsets (plain and Google News), sitemap indexes, gzip bodies and non-sitemaps."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime

import pytest

from gdwatch.extractors.errors import FeedParseError
from gdwatch.extractors.listing.sitemaps import SitemapListing, parse_sitemap
from gdwatch.extractors.records import FeedEntry

SITEMAP_URL = "https://www.example.com/sitemap.xml"

URLSET = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://www.example.com/a/1.html</loc><lastmod>2025-11-03</lastmod></url>
  <url><loc> https://www.example.com/a/2.html </loc><lastmod>2025-11-03T10:30:00+08:00</lastmod></url>
  <url><loc>/a/3.html</loc></url>
  <url><loc>mailto:desk@example.com</loc></url>
  <url><lastmod>2025-11-03</lastmod></url>
</urlset>
"""

NEWS = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url>
    <loc>https://news.example.cn/2025-11/05/c_1.htm</loc>
    <lastmod>2025-11-06T00:00:00Z</lastmod>
    <news:news>
      <news:publication><news:name>Example</news:name><news:language>zh</news:language></news:publication>
      <news:publication_date>2025-11-05T18:20:00+08:00</news:publication_date>
      <news:title>广东前10个月外贸进出口7.6万亿元</news:title>
    </news:news>
  </url>
  <url>
    <loc>https://news.example.cn/2025-11/05/c_2.htm</loc>
    <news:news><news:publication_date>not a date</news:publication_date>
      <news:title>T2</news:title></news:news>
    <lastmod>2025-11-05T12:00Z</lastmod>
  </url>
</urlset>
""".encode()

INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://www.example.com/sitemap-2025-11.xml.gz</loc><lastmod>2025-11-30T23:00:00+00:00</lastmod></sitemap>
  <sitemap><loc>sitemap-2025-10.xml</loc></sitemap>
  <sitemap><lastmod>2025-09-30</lastmod></sitemap>
</sitemapindex>
"""


def test_urlset_with_lastmod() -> None:
    listing = parse_sitemap(URLSET, sitemap_url=SITEMAP_URL)

    assert listing == SitemapListing(
        entries=(
            FeedEntry(
                entry_id="https://www.example.com/a/1.html",
                url="https://www.example.com/a/1.html",
                published_at=datetime(2025, 11, 3, tzinfo=UTC),
            ),
            FeedEntry(
                entry_id="https://www.example.com/a/2.html",
                url="https://www.example.com/a/2.html",
                published_at=datetime(2025, 11, 3, 2, 30, tzinfo=UTC),
            ),
            FeedEntry(entry_id="https://www.example.com/a/3.html", url="https://www.example.com/a/3.html"),
        ),
        child_sitemaps=(),
    )


def test_google_news_sitemap_prefers_publication_date_and_title() -> None:
    listing = parse_sitemap(NEWS, sitemap_url="https://news.example.cn/news-sitemap.xml")

    assert listing.entries == (
        FeedEntry(
            entry_id="https://news.example.cn/2025-11/05/c_1.htm",
            url="https://news.example.cn/2025-11/05/c_1.htm",
            title="广东前10个月外贸进出口7.6万亿元",
            published_at=datetime(2025, 11, 5, 10, 20, tzinfo=UTC),
        ),
        FeedEntry(
            entry_id="https://news.example.cn/2025-11/05/c_2.htm",
            url="https://news.example.cn/2025-11/05/c_2.htm",
            title="T2",
            published_at=datetime(2025, 11, 5, 12, 0, tzinfo=UTC),
        ),
    )


def test_sitemap_index_lists_children_with_lastmod() -> None:
    listing = parse_sitemap(INDEX, sitemap_url=SITEMAP_URL)

    assert listing == SitemapListing(
        entries=(),
        child_sitemaps=(
            ("https://www.example.com/sitemap-2025-11.xml.gz", datetime(2025, 11, 30, 23, 0, tzinfo=UTC)),
            ("https://www.example.com/sitemap-2025-10.xml", None),
        ),
    )


@pytest.mark.parametrize("document", [URLSET, NEWS, INDEX], ids=["urlset", "news", "index"])
def test_gzip_body_parses_like_plain(document: bytes) -> None:
    assert parse_sitemap(gzip.compress(document), sitemap_url=SITEMAP_URL + ".gz") == parse_sitemap(
        document, sitemap_url=SITEMAP_URL + ".gz"
    )


def test_sitemap_without_namespace_is_accepted() -> None:
    body = b"<urlset><url><loc>https://x.example/1</loc><lastmod>2025-01-02</lastmod></url></urlset>"
    listing = parse_sitemap(body, sitemap_url=SITEMAP_URL)
    assert [(e.url, e.published_at) for e in listing.entries] == [
        ("https://x.example/1", datetime(2025, 1, 2, tzinfo=UTC))
    ]


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (b"<html><body>Not found</body></html>", "root element is <html>"),
        (b"<rss version='2.0'><channel/></rss>", "root element is <rss>"),
        (b"", "empty"),
        (b"just some text", "not XML"),
        (b"\x1f\x8b\x08\x00garbage", "bad gzip"),
    ],
)
def test_not_a_sitemap_raises(body: bytes, problem: str) -> None:
    with pytest.raises(FeedParseError) as caught:
        parse_sitemap(body, sitemap_url=SITEMAP_URL)
    assert problem in str(caught.value)
    assert caught.value.url == SITEMAP_URL


def test_entities_are_not_expanded() -> None:
    body = b"""<?xml version="1.0"?>
<!DOCTYPE urlset [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
<urlset><url><loc>https://x.example/&secret;</loc></url></urlset>"""
    listing = parse_sitemap(body, sitemap_url=SITEMAP_URL)
    assert [e.url for e in listing.entries] in ([], ["https://x.example/"])
