"""parse_feed on RSS 2.0/1.0/0.91, Atom, JSON Feed, malformed feeds and non-feeds (real feedparser)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from gdwatch.extractors.errors import ExtractionError, FeedParseError
from gdwatch.extractors.listing.feeds import parse_feed
from gdwatch.extractors.records import FeedEntry, ParsedFeed

FEED_URL = "https://www.example.com/rss/business.xml"

RSS2 = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Business &amp; Trade</title>
<link>https://www.example.com/</link>
<item>
  <title>Guangdong's foreign trade hits RMB9.1 trillion</title>
  <link>https://www.example.com/a/202511/03/WS1.html?utm_source=rss</link>
  <guid isPermaLink="false">ws-0001</guid>
  <pubDate>Mon, 03 Nov 2025 16:30:00 +0800</pubDate>
  <description>&lt;p&gt;Exports rose &lt;b&gt;4.4%&lt;/b&gt; year-on-year.&lt;/p&gt;</description>
</item>
<item>
  <title>No guid here</title>
  <link>/a/202511/04/WS2.html</link>
  <pubDate>Tue, 04 Nov 2025 09:00:00 GMT</pubDate>
</item>
<item>
  <title>Item without any link is skipped</title>
  <description>nothing to fetch</description>
</item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://news.example.org/en/">
  <title type="text">广东新闻 GD Today</title>
  <id>urn:uuid:feed</id>
  <updated>2025-11-05T10:00:00Z</updated>
  <entry>
    <title type="html">Shenzhen &lt;em&gt;drone&lt;/em&gt; exports</title>
    <link rel="alternate" href="articles/drones.html"/>
    <link rel="enclosure" href="https://cdn.example.org/drone.jpg"/>
    <id>tag:news.example.org,2025:drones</id>
    <published>2025-11-05T08:15:00+08:00</published>
    <updated>2025-11-05T09:00:00+08:00</updated>
    <summary>Drone makers in Shenzhen ...</summary>
  </entry>
  <entry>
    <title>Only updated</title>
    <link href="https://news.example.org/en/articles/updated.html"/>
    <id>tag:news.example.org,2025:updated</id>
    <updated>2025-11-04T23:59:59-05:00</updated>
  </entry>
</feed>
"""

RSS1 = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://example.net/"><title>RDF news</title><link>https://example.net/</link></channel>
  <item rdf:about="https://example.net/story/1">
    <title>Canton Fair opens</title>
    <link>https://example.net/story/1</link>
    <dc:date>2025-10-15T09:00:00+08:00</dc:date>
  </item>
</rdf:RDF>
"""

RSS091 = """<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="0.91"><channel><title>Old feed</title><link>http://old.example.com/</link>
<item><title>Caf\xe9 exports</title><link>http://old.example.com/1.html</link></item>
</channel></rss>
""".encode("iso-8859-1")


def test_rss2_entries_ids_links_dates_and_plain_text() -> None:
    feed = parse_feed(RSS2.encode(), feed_url=FEED_URL, content_type="application/rss+xml; charset=utf-8")

    assert feed == ParsedFeed(
        entries=(
            FeedEntry(
                entry_id="ws-0001",
                url="https://www.example.com/a/202511/03/WS1.html?utm_source=rss",
                title="Guangdong's foreign trade hits RMB9.1 trillion",
                published_at=datetime(2025, 11, 3, 8, 30, tzinfo=UTC),
                summary="Exports rose 4.4% year-on-year.",
            ),
            FeedEntry(
                entry_id="https://www.example.com/a/202511/04/WS2.html",
                url="https://www.example.com/a/202511/04/WS2.html",
                title="No guid here",
                published_at=datetime(2025, 11, 4, 9, 0, tzinfo=UTC),
            ),
        ),
        title="Business & Trade",
        error=None,
        skipped=1,  # the item without any link
    )


def test_atom_relative_links_resolve_and_dates_convert_to_utc() -> None:
    feed = parse_feed(ATOM.encode(), feed_url="https://news.example.org/feed.atom")

    assert feed.title == "广东新闻 GD Today"
    assert feed.error is None
    assert feed.entries == (
        FeedEntry(
            entry_id="tag:news.example.org,2025:drones",
            url="https://news.example.org/en/articles/drones.html",
            title="Shenzhen drone exports",
            published_at=datetime(2025, 11, 5, 0, 15, tzinfo=UTC),
            summary="Drone makers in Shenzhen ...",
        ),
        FeedEntry(
            entry_id="tag:news.example.org,2025:updated",
            url="https://news.example.org/en/articles/updated.html",
            title="Only updated",
            published_at=datetime(2025, 11, 5, 4, 59, 59, tzinfo=UTC),
        ),
    )


def test_rss1_and_rss091() -> None:
    rdf = parse_feed(RSS1.encode(), feed_url="https://example.net/index.rdf")
    old = parse_feed(RSS091, feed_url="http://old.example.com/rss.xml", content_type="text/xml")

    assert rdf.entries == (
        FeedEntry(
            entry_id="https://example.net/story/1",
            url="https://example.net/story/1",
            title="Canton Fair opens",
            published_at=datetime(2025, 10, 15, 1, 0, tzinfo=UTC),
        ),
    )
    assert [(e.title, e.url, e.published_at) for e in old.entries] == [
        ("Café exports", "http://old.example.com/1.html", None)
    ]


def test_http_charset_header_is_applied() -> None:
    body = RSS2.replace('encoding="UTF-8"', "").replace("Business &amp; Trade", "广东商务").encode("gb18030")

    feed = parse_feed(body, feed_url=FEED_URL, content_type="application/xml; charset=gb18030")

    assert feed.title == "广东商务"


def test_relative_link_without_xml_base_resolves_against_feed_url() -> None:
    feed = parse_feed(RSS2.encode(), feed_url="https://mirror.example.cn/feeds/biz.xml")
    assert feed.entries[1].url == "https://mirror.example.cn/a/202511/04/WS2.html"


def test_leading_blank_lines_before_the_xml_declaration_are_tolerated() -> None:
    feed = parse_feed(b"\n\n  " + RSS2.encode(), feed_url=FEED_URL)
    assert (len(feed.entries), feed.error) == (2, None)


def test_malformed_feed_yields_entries_before_the_error() -> None:
    truncated = RSS2.split("<item>\n  <title>No guid here")[0] + "<item><title>Broken & unescaped</title"

    feed = parse_feed(truncated.encode(), feed_url=FEED_URL)

    assert [entry.entry_id for entry in feed.entries] == ["ws-0001"]
    assert feed.error is not None
    assert feed.error.startswith("SAXParseException")


def test_malformed_feed_without_entries_raises() -> None:
    with pytest.raises(FeedParseError) as caught:
        parse_feed(b"<?xml version='1.0'?><rss version='2.0'><channel><title>x &broken;", feed_url=FEED_URL)
    assert caught.value.url == FEED_URL
    assert isinstance(caught.value, ExtractionError)


@pytest.mark.parametrize(
    "body",
    [
        b"<!DOCTYPE html><html><head><title>Document Moved</title></head>"
        b"<body><h1>Object Moved</h1>This document may be found <a href='https://x.example/'>here</a></body></html>",
        b"<html><body><p>Welcome</p><br></body></html>",
        b"   \n",
        b"<?xml version='1.0'?><note><to>Tove</to></note>",
    ],
    ids=["moved-page", "html", "blank", "other-xml"],
)
def test_not_a_feed_raises(body: bytes) -> None:
    with pytest.raises(FeedParseError) as caught:
        parse_feed(body, feed_url=FEED_URL, content_type="text/html")
    assert str(caught.value).startswith(FEED_URL + ": ")


def test_empty_but_valid_feed_has_no_entries() -> None:
    feed = parse_feed(b"<rss version='2.0'><channel><title>Quiet</title></channel></rss>", feed_url=FEED_URL)
    assert feed == ParsedFeed(entries=(), title="Quiet", error=None)


JSON_FEED = {
    "version": "https://jsonfeed.org/version/1.1",
    "title": "GD JSON",
    "home_page_url": "https://json.example.com/",
    "items": [
        {
            "id": "1",
            "url": "https://json.example.com/posts/1",
            "title": "Robots output up 30%",
            "content_html": "<p>Industrial <b>robot</b> output rose.</p>",
            "date_published": "2025-11-03T10:00:00+08:00",
        },
        {"id": 2, "url": "/posts/2", "summary": "Relative", "date_modified": "2025-11-04T01:02:03Z"},
        {"id": "3", "external_url": "https://other.example.org/x", "date_published": "not a date"},
        {"id": "4", "content_text": "no url at all"},
        "not an object",
    ],
}


@pytest.mark.parametrize("content_type", ["application/feed+json", None])
def test_json_feed(content_type: str | None) -> None:
    feed = parse_feed(
        json.dumps(JSON_FEED).encode(),
        feed_url="https://json.example.com/feed.json",
        content_type=content_type,
    )

    assert feed == ParsedFeed(
        entries=(
            FeedEntry(
                entry_id="1",
                url="https://json.example.com/posts/1",
                title="Robots output up 30%",
                published_at=datetime(2025, 11, 3, 2, 0, tzinfo=UTC),
                summary="Industrial robot output rose.",
            ),
            FeedEntry(
                entry_id="2",
                url="https://json.example.com/posts/2",
                published_at=datetime(2025, 11, 4, 1, 2, 3, tzinfo=UTC),
                summary="Relative",
            ),
            FeedEntry(entry_id="3", url="https://other.example.org/x"),
        ),
        title="GD JSON",
        skipped=2,  # the item with no url and the one that is not an object
    )


@pytest.mark.parametrize("body", [b"{not json", b'{"version": "x"}', b"[1, 2]"])
def test_bad_json_feed_raises(body: bytes) -> None:
    with pytest.raises(FeedParseError):
        parse_feed(body, feed_url=FEED_URL, content_type="application/feed+json")


def test_items_without_an_http_link_are_counted_not_dropped_silently() -> None:
    feed = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        b"<item><title>a</title><link>https://example.com/a</link></item>"
        b"<item><title>b</title><link>mailto:desk@example.com</link></item>"
        b"<item><title>c</title></item></channel></rss>"
    )
    parsed = parse_feed(feed, feed_url="https://example.com/feed.xml")
    assert [e.url for e in parsed.entries] == ["https://example.com/a"]
    assert parsed.skipped == 2
