"""decode_html, looks_like_html and clean_article, run on real trafilatura, htmldate and py3langid."""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest
import trafilatura

from gdwatch.extractors.pages import (
    CLEANER_VERSION,
    CleanedPage,
    clean_article,
    decode_html,
    looks_like_html,
)

ZH_TEXT = (
    "今年前三季度，广东省外贸进出口总值6.8万亿元，同比增长4.4%。"
    "其中，出口4.3万亿元，增长5.6%；进口2.5万亿元。"
)
ZH_PAGE = f"<html><head>{{meta}}<title>广东外贸</title></head><body><p>{ZH_TEXT}</p></body></html>"
BIG5_TEXT = "今年前三季度，廣東省外貿進出口總值6.8萬億元，同比增長4.4%。其中，出口4.3萬億元，增長5.6%。"
NOW = datetime(2025, 11, 5, 12, 0, tzinfo=UTC)


# --- decode_html ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("meta", ['<meta charset="gbk">', '<meta charset="GB2312">'])
def test_gbk_page_with_meta_charset(meta: str) -> None:
    page = ZH_PAGE.format(meta=meta)
    assert decode_html(page.encode("gbk"), "text/html") == (page, "gb18030")


def test_gbk_page_declared_by_http_header_only() -> None:
    page = ZH_PAGE.format(meta="")
    assert decode_html(page.encode("gbk"), "text/html; charset=GBK") == (page, "gb18030")


def test_http_equiv_declaration() -> None:
    page = ZH_PAGE.format(meta='<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />')
    assert decode_html(page.encode("gb2312"), None) == (page, "gb18030")


@pytest.mark.parametrize("encoding", ["gbk", "utf-8"])
def test_page_without_any_declaration(encoding: str) -> None:
    page = ZH_PAGE.format(meta="")
    text, _codec = decode_html(page.encode(encoding), None)
    assert text == page


def test_big5_page() -> None:
    page = f'<html><head><meta charset="big5"></head><body><p>{BIG5_TEXT}</p></body></html>'
    assert decode_html(page.encode("big5"), "text/html") == (page, "big5hkscs")
    undeclared = page.replace('<meta charset="big5">', "")
    assert decode_html(undeclared.encode("big5"), None)[0] == undeclared


def test_meta_charset_beyond_first_1024_bytes() -> None:
    padding = "<script>var x = '" + "a" * 3000 + "';</script>"
    page = ZH_PAGE.format(meta=padding + '<meta charset="gb18030">')
    assert decode_html(page.encode("gb18030"), "text/html") == (page, "gb18030")


def test_wrong_http_charset_falls_back_to_meta() -> None:
    page = ZH_PAGE.format(meta='<meta charset="gbk">')
    assert decode_html(page.encode("gbk"), "text/html; charset=utf-8") == (page, "gb18030")


def test_bom_outranks_http_header() -> None:
    page = ZH_PAGE.format(meta="")
    assert decode_html(b"\xef\xbb\xbf" + page.encode("utf-8"), "text/html; charset=gbk") == (
        page,
        "utf-8-sig",
    )


def test_latin1_label_means_windows_1252() -> None:
    page = "<html><body><p>\u201cCaf\u00e9\u201d exports</p></body></html>"
    assert decode_html(page.encode("cp1252"), "text/html; charset=ISO-8859-1") == (page, "cp1252")


def test_bad_bytes_never_raise() -> None:
    raw = b"<html><body><p>" + bytes(range(128, 256)) * 20 + b"</p></body></html>"
    text, codec = decode_html(raw, "text/html; charset=utf-8")
    assert text.startswith("<html><body><p>")
    assert isinstance(codec, str)
    assert decode_html(b"", None) == ("", "utf-8")


@pytest.mark.parametrize(
    ("content_type", "raw", "expected"),
    [
        ("text/html; charset=utf-8", b"anything", True),
        ("application/xhtml+xml", b"<html/>", True),
        ("application/pdf", b"<html>", False),
        ("image/jpeg", b"\xff\xd8\xff", False),
        (None, b"  <!DOCTYPE html><html><body>x</body></html>", True),
        ("application/octet-stream", b"\xef\xbb\xbf<!-- c --><html lang='zh'>", True),
        ("text/plain", b"plain words, no markup", False),
        (None, b"%PDF-1.7", False),
        (None, b"<?xml version='1.0'?><rss/>", False),
    ],
)
def test_looks_like_html(content_type: str | None, raw: bytes, expected: bool) -> None:
    assert looks_like_html(content_type, raw) is expected


# --- clean_article ----------------------------------------------------------------------------------------

EN_PARAGRAPHS = [
    "Guangdong's foreign trade reached 7.6 trillion yuan in the first ten months, up 4.4 percent "
    "year-on-year, the provincial branch of the General Administration of Customs said on Monday.",
    "Exports of electric vehicles, drones and industrial robots rose sharply, while imports of integrated "
    "circuits increased by 12 percent compared with the same period last year.",
    "Trade with ASEAN, the province's largest trading partner, grew 8.1 percent to 1.3 trillion yuan.",
]


def en_page(*, head: str = "", extra_body: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in EN_PARAGRAPHS)
    return (
        f"<html><head><title>Guangdong trade rises | China Daily</title>{head}</head><body>"
        "<header><a href='/'>Home</a> | <a href='/business'>Business</a></header>"
        f"<article><h1>Guangdong trade rises</h1>{extra_body}{paragraphs}</article>"
        "<footer>Copyright 1995 - 2025. All rights reserved.</footer></body></html>"
    )


def clean(html: str, url: str = "https://www.example.com/news/trade.html", **kwargs: object) -> CleanedPage:
    params: dict = {"feed_published": None, "now": NOW, **kwargs}
    return clean_article(html, url=url, **params)


def test_cleaner_version_label() -> None:
    assert re.fullmatch(r"clean-\d+\.\d+\.\d+", CLEANER_VERSION)


def test_english_article_metadata_and_text() -> None:
    head = (
        '<meta name="author" content="Li Wenfang"><meta property="og:site_name" content="China Daily">'
        '<meta property="article:published_time" content="2025-11-04T07:00:00+08:00">'
    )
    article = clean(en_page(head=head)).article

    assert article is not None
    assert (article.title, article.author, article.site_name, article.language) == (
        "Guangdong trade rises",
        "Li Wenfang",
        "China Daily",
        "en",
    )
    assert article.text == "\n".join(EN_PARAGRAPHS)
    assert (article.published_at, article.date_source) == (datetime(2025, 11, 3, 23, 0, tzinfo=UTC), "page")
    assert article.url == "https://www.example.com/news/trade.html"


def test_boilerplate_lines_are_removed() -> None:
    boilerplate = (
        "<p>By Li Wenfang in Guangzhou | China Daily | Updated: 2025-11-04 07:00</p>"
        "<figure><img src='a.jpg'><figcaption>PROVIDED TO CHINA DAILY</figcaption></figure>"
        "<p>PROVIDED TO CHINA DAILY</p>"
        "<p>A worker assembles a drone in Shenzhen, Guangdong province, on Nov 3. [Photo/Xinhua]</p>"
        "<p>ZHANG WEI / FOR CHINA DAILY</p>"
        "<p>Contact the writer at liwenfang@chinadaily.com.cn</p>"
        "<p>Scan the QR code to download the China Daily app</p>"
        "<h3>Comments</h3>"
    )
    article = clean(en_page(extra_body=boilerplate)).article
    assert article is not None
    assert article.text == "\n".join(EN_PARAGRAPHS)


def test_chinese_article_and_chinese_credits() -> None:
    body = (
        f"<article><h1>广东前三季度外贸进出口6.8万亿元</h1><p>（记者 张三 通讯员 李四）</p><p>{ZH_TEXT}</p>"
        "<p>记者注意到，机电产品出口增长较快，占出口总值的六成以上。</p>"
        "<p>图/视觉中国</p><p>扫描二维码下载南方+客户端</p><p>责任编辑：王五</p></article>"
    )
    html = f"<html><head><title>广东外贸</title></head><body>{body}</body></html>"
    article = clean(html, url="https://www.example.cn/content/2025-11/03/c_1.html").article

    assert article is not None
    assert article.language == "zh"
    assert article.text == ZH_TEXT + "\n记者注意到，机电产品出口增长较快，占出口总值的六成以上。"
    assert (article.published_at, article.date_source) == (datetime(2025, 11, 3, tzinfo=UTC), "url")


def test_canonical_link_wins_and_is_canonicalised() -> None:
    head = (
        '<link rel="canonical" href="/a/202511/03/WS1.html?utm_source=feed">'
        '<meta property="og:url" content="https://m.example.com/other.html">'
    )
    article = clean(en_page(head=head), url="https://www.example.com/mobile/1.html?from=timeline").article
    assert article is not None
    assert article.url == "https://www.example.com/a/202511/03/WS1.html"


def test_og_url_used_without_canonical() -> None:
    head = '<meta property="og:url" content="HTTPS://WWW.Example.com/news/og.html#top">'
    article = clean(en_page(head=head)).article
    assert article is not None
    assert article.url == "https://www.example.com/news/og.html"


@pytest.mark.parametrize(
    "head",
    [
        '<link rel="canonical" href="https://www.example.com/">',
        '<link rel="canonical" href="javascript:void(0)">',
        '<meta property="og:url" content="ftp://example.com/a">',
    ],
)
def test_unusable_canonical_falls_back_to_fetched_url(head: str) -> None:
    article = clean(en_page(head=head), url="https://www.Example.com/news/trade.html?utm_medium=rss").article
    assert article is not None
    assert article.url == "https://www.example.com/news/trade.html"


FEED_TIME = datetime(2025, 11, 3, 23, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("meta_date", "url", "feed", "expected"),
    [
        # page metadata with a time zone wins
        (
            "2025-11-04T07:00:00+08:00",
            "/2025/11/04/a.html",
            FEED_TIME,
            (datetime(2025, 11, 3, 23, 0, tzinfo=UTC), "page"),
        ),
        # a page date in the future is rejected: the feed date is next
        ("2026-01-01T09:00:00+08:00", "/news/a.html", FEED_TIME, (FEED_TIME, "feed")),
        # a page date far from the URL's date (a sidebar or update date) is passed over
        ("2019-03-01T09:00:00+08:00", "/2025/11/04/a.html", FEED_TIME, (FEED_TIME, "feed")),
        # a day-only page date takes the feed's exact time when they agree
        ("2025-11-04", "/news/a.html", FEED_TIME, (FEED_TIME, "feed")),
        ("2025-11-04", "/news/a.html", None, (datetime(2025, 11, 4, tzinfo=UTC), "page")),
        # only the URL knows
        (None, "/2025-11/03/c_1.htm", None, (datetime(2025, 11, 3, tzinfo=UTC), "url")),
        # a feed date in the future and a URL date in the future: nothing is trusted
        (None, "/2025/12/24/a.html", datetime(2025, 12, 24, tzinfo=UTC), (None, None)),
        (None, "/news/a.html", None, (None, None)),
    ],
)
def test_date_triangulation(
    meta_date: str | None, url: str, feed: datetime | None, expected: tuple[datetime | None, str | None]
) -> None:
    head = f'<meta property="article:published_time" content="{meta_date}">' if meta_date else ""
    article = clean(en_page(head=head), url="https://www.example.com" + url, feed_published=feed).article
    assert article is not None
    assert (article.published_at, article.date_source) == expected


def test_small_clock_skew_is_allowed() -> None:
    head = '<meta property="article:published_time" content="2025-11-05T20:05:00+08:00">'
    article = clean(en_page(head=head)).article
    assert article is not None
    assert (article.published_at, article.date_source) == (datetime(2025, 11, 5, 12, 5, tzinfo=UTC), "page")


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        ("", "empty body"),
        ("   \n ", "empty body"),
        (
            "<html><body><nav><a href='/'>Home</a></nav></body></html>",
            "not an article (no complete sentence)",
        ),
        ("<html><body><p>Page not found.</p></body></html>", "not an article (no complete sentence)"),
    ],
)
def test_no_article(html: str, reason: str) -> None:
    assert clean(html) == CleanedPage(None, reason)


def test_xhtml_with_xml_declaration() -> None:
    html = '<?xml version="1.0" encoding="utf-8"?>\n' + en_page(head='<link rel="canonical" href="/x.html">')
    article = clean(html).article
    assert article is not None
    assert article.url == "https://www.example.com/x.html"


# --- the shared corpus (skipped when absent) ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "title_part", "text_parts"),
    [
        ("thepaper/2.html", "广州南沙邮轮母港", ["南沙"]),
        ("stcn/1.html", "广汽丰田", ["广汽丰田"]),
        ("zsnews/1.html", "顺德区", ["大良"]),
        ("gzggw/1.html", "固定资产投资", ["固定资产投资"]),
    ],
)
def test_corpus_chinese_pages(corpus_dir: Path, page: str, title_part: str, text_parts: list[str]) -> None:
    raw = (corpus_dir / "news-html" / "gne" / page).read_bytes()
    html, codec = decode_html(raw, None)
    article = clean_article(html, url=f"https://example.cn/{page}", feed_published=None, now=NOW).article

    assert article is not None
    assert article.language == "zh"
    assert title_part in (article.title or "")
    assert all(part in article.text for part in text_parts)
    # The pages are UTF-8 without a declaration; any U+FFFD must already be in the saved page.
    assert codec == "utf-8"
    assert article.text.count("\ufffd") <= raw.count("\ufffd".encode())
    assert article.published_at is not None and article.date_source == "page"


def _tokens(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.lower()))


def token_f1(predicted: str, truth: str) -> float:
    """Bag-of-words F1 of `\\w+` tokens (lower-cased) between an extraction and the ground truth."""
    got, want = _tokens(predicted), _tokens(truth)
    common = sum((got & want).values())
    if common == 0:
        return 0.0
    precision, recall = common / sum(got.values()), common / sum(want.values())
    return 2 * precision * recall / (precision + recall)


# Measured with trafilatura 2.3.1 on the 40 pages below: clean_article 0.975, plain trafilatura.extract 0.972.
F1_FLOOR = 0.96
BENCHMARK_PAGES = 40


def test_extraction_benchmark_f1(corpus_dir: Path) -> None:
    root = corpus_dir / "extraction"
    truth = json.loads((root / "ground-truth" / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[:: len(truth) // BENCHMARK_PAGES][:BENCHMARK_PAGES]
    ours, plain = [], []
    for page_id in ids:
        html, _codec = decode_html(gzip.decompress((root / "html" / f"{page_id}.html.gz").read_bytes()), None)
        url, expected = truth[page_id]["url"], truth[page_id]["articleBody"]
        cleaned = clean_article(html, url=url, feed_published=None, now=datetime(2030, 1, 1, tzinfo=UTC))
        ours.append(token_f1(cleaned.article.text if cleaned.article else "", expected))
        plain.append(token_f1(trafilatura.extract(html, url=url) or "", expected))

    mean_ours, mean_plain = sum(ours) / len(ours), sum(plain) / len(plain)
    assert len(ids) == BENCHMARK_PAGES
    assert mean_ours >= F1_FLOOR, f"clean_article F1 {mean_ours:.4f} (plain trafilatura {mean_plain:.4f})"
    assert mean_ours >= mean_plain - 0.01, f"cleaning lost text: {mean_ours:.4f} vs plain {mean_plain:.4f}"


def test_corpus_extraction_page_text(corpus_dir: Path) -> None:
    root = corpus_dir / "extraction"
    truth = json.loads((root / "ground-truth" / "ground-truth.json").read_text(encoding="utf-8"))
    for page_id in sorted(truth)[:5]:
        html, _codec = decode_html(gzip.decompress((root / "html" / f"{page_id}.html.gz").read_bytes()), None)
        article = clean_article(html, url=truth[page_id]["url"], feed_published=None, now=NOW).article
        assert article is not None, page_id
        first_sentence = truth[page_id]["articleBody"].strip().split("\n")[0][:60]
        assert " ".join(first_sentence.split()) in " ".join(article.text.split()), page_id
