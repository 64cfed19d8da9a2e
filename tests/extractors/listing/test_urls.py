"""canonical_url, is_http_url, url_date and google_news_target on real-shaped news URLs."""

from __future__ import annotations

import base64
from datetime import date

import pytest

from gdwatch.extractors.listing.urls import canonical_url, google_news_target, is_http_url, url_date

CANONICAL = "https://www.chinadaily.com.cn/a/202511/03/WS6908.html?id=7&page=2"


@pytest.mark.parametrize(
    "variant",
    [
        CANONICAL,
        "HTTPS://WWW.ChinaDaily.com.cn:443/a/202511/03/WS6908.html?page=2&id=7",
        "https://www.chinadaily.com.cn/a/202511/03/WS6908.html?utm_source=twitter&id=7&page=2&utm_medium=social",
        "https://www.chinadaily.com.cn/a/202511/03/WS6908.html?id=7&fbclid=IwAR0abc&page=2#comments",
        "https://www.chinadaily.com.cn/a/202511/03/WS6908.html?spm=a2c4g.1&from=timeline&page=2&id=7&share=1",
        "https://www.chinadaily.com.cn/a/202511/03/WS6908.html?gclid=x&id=7&igshid=y&mc_cid=1&mc_eid=2&page=2&ref=hp",
        " https://www.chinadaily.com.cn/a/202511/03/WS6908.html?UTM_Campaign=x&page=2&id=7&oc=5 ",
    ],
)
def test_tracking_variants_share_one_canonical_url(variant: str) -> None:
    assert canonical_url(variant) == CANONICAL


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://Example.COM:80", "http://example.com/"),
        ("http://example.com:8080/a?", "http://example.com:8080/a"),
        ("https://example.com/a?utm_source=x", "https://example.com/a"),
        ("https://example.com/A/B.html#top", "https://example.com/A/B.html"),
        (
            "https://example.com/s?q=%E5%B9%BF%E4%B8%9C&b=a+b",
            "https://example.com/s?b=a+b&q=%E5%B9%BF%E4%B8%9C",
        ),
        ("https://example.com/p?flag&a=1", "https://example.com/p?a=1&flag"),
        ("http://127.0.0.1:8000/x?x=1", "http://127.0.0.1:8000/x?x=1"),
    ],
)
def test_canonical_url_cases(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


def test_canonical_url_is_idempotent() -> None:
    once = canonical_url("HTTPS://Example.com:443/a?utm_term=z&b=2&a=1#x")
    assert once == "https://example.com/a?a=1&b=2"
    assert canonical_url(once) == once


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/a", True),
        ("HTTP://example.com", True),
        ("ftp://example.com/a", False),
        ("javascript:alert(1)", False),
        ("mailto:news@example.com", False),
        ("/relative/path", False),
        ("http:///nohost", False),
        ("http://[::1", False),
    ],
)
def test_is_http_url(url: str, expected: bool) -> None:
    assert is_http_url(url) is expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.example.com/2025/11/03/guangdong-exports.html", date(2025, 11, 3)),
        ("https://www.example.com/news/2025/11/3/story", date(2025, 11, 3)),
        ("http://www.news.cn/fortune/2025-11/03/c_1131234567.htm", date(2025, 11, 3)),
        ("https://www.chinadaily.com.cn/a/202511/03/WS690818c6a310f735438b8a1e.html", date(2025, 11, 3)),
        ("https://www.gd.gov.cn/gdywdt/zwzt/content/post_4812345.html?d=20251103", date(2025, 11, 3)),
        ("https://www.gov.cn/zhengce/202511/content_t20251103_7045123.htm", date(2025, 11, 3)),
        ("http://tjj.gd.gov.cn/tjsj/t20251103_123456.html", date(2025, 11, 3)),
        ("https://finance.sina.com.cn/roll/2025-11-03/doc-infxyz1234.shtml", date(2025, 11, 3)),
        ("https://example.com/20251103/article.html", date(2025, 11, 3)),
        ("https://example.com/2025/1103/a.html", date(2025, 11, 3)),
        ("https://example.com/article/12345678901", None),
        ("https://example.com/2025/13/03/x", None),
        ("https://example.com/2025/02/30/x", None),
        ("https://example.com/1850/01/01/x", None),
        ("https://example.com/2025/11/x", None),
        ("https://20251103.example.com/story", None),
        ("https://example.com/c_1131234567.htm", None),
    ],
)
def test_url_date(url: str, expected: date | None) -> None:
    assert url_date(url) == expected


# A real old-style Google News link (from a public repository): its protobuf carries the publisher URL
# and, in a second field, the AMP URL.
OLD_STYLE = (
    "https://news.google.com/rss/articles/CBMiWmh0dHBzOi8vd3d3Lm5kdHYuY29tL3dvcmxkLW5ld3MvZWxvbi1tdXNrLXJlY2xh"
    "aW1zLXRoZS10aXRsZS1vZi13b3JsZHMtcmljaGVzdC1tYW4tMzgyMDMyONIBYGh0dHBzOi8vd3d3Lm5kdHYuY29tL3dvcmxkLW5ld3Mv"
    "ZWxvbi1tdXNrLXJlY2xhaW1zLXRoZS10aXRsZS1vZi13b3JsZHMtcmljaGVzdC1tYW4tMzgyMDMyOC9hbXAvMQ?oc=5"
)
# A real new-style link: the id holds an opaque "AU_yqL..." token that only Google can resolve.
NEW_STYLE = (
    "https://news.google.com/rss/articles/CBMiZEFVX3lxTFBrNDdzUWM2cU9BdkFRZ2oyTVEtMlI3TDZZLUsyT2JEVk1lYkQ1Zzh3"
    "cHNuTWZnQnFhaGtWYUwwQi1mWF90RG05TVdKRFJpdU9CbG1mcFV6MUpNcG96aWFWWmlkbDY?oc=5"
)


def _old_style_id(target: str) -> str:
    """Encode a URL the way old Google News ids did: field 1 = 19, field 4 = the URL, then field 26."""
    raw = target.encode()
    message = b"\x08\x13\x22" + bytes([len(raw)]) + raw + b"\xd2\x01\x00"
    return base64.urlsafe_b64encode(message).decode().rstrip("=")


def test_google_news_old_style_link_is_decoded() -> None:
    assert google_news_target(OLD_STYLE) == (
        "https://www.ndtv.com/world-news/elon-musk-reclaims-the-title-of-worlds-richest-man-3820328"
    )


def test_google_news_encoded_chinese_publisher_link() -> None:
    target = "https://www.chinadaily.com.cn/a/202511/03/WS690818c6.html"
    for path in ("/rss/articles/", "/articles/", "/read/"):
        assert google_news_target(f"https://news.google.com{path}{_old_style_id(target)}?hl=en-US") == target


@pytest.mark.parametrize(
    "url",
    [
        NEW_STYLE,
        "https://news.google.com/rss/search?q=Guangdong+exports&hl=en-US&gl=US&ceid=US:en",
        "https://news.google.com/rss/articles/%%%notbase64",
        "https://news.google.com/rss/articles/CBMi",
        "https://example.com/rss/articles/" + _old_style_id("https://example.org/a"),
    ],
)
def test_google_news_links_not_decodable_offline(url: str) -> None:
    assert google_news_target(url) is None
