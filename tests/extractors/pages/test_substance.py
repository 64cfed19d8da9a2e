"""Short news is kept, list pages are not: complete sentences counted in words or CJK characters."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from trafilatura.utils import load_html

from gdwatch.extractors.pages import clean_article, decode_html
from gdwatch.extractors.pages.clean import _extract, _strip_boilerplate
from gdwatch.extractors.pages.substance import (
    has_complete_sentence,
    is_complete_sentence,
    paragraphs,
    prose_share,
    verdict,
)
from tests.extractors.pages.test_single_parse import corpus_files, page_name_and_html

NOW = datetime(2026, 3, 1, tzinfo=UTC)


def news_page(title: str, *paragraphs_: str, lang: str = "en") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs_)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head>'
        f'<body><nav><a href="/">Home</a> | <a href="/business">Business</a></nav><main><article>'
        f"<h1>{title}</h1>{body}</article></main><footer>Copyright 2026 Demo Daily.</footer></body></html>"
    )


@pytest.mark.parametrize(
    ("sentence", "complete"),
    [
        ("Guangdong exports rose 3.2% in October.", True),  # a number is one word; 3.2 ends no sentence
        ("Imports fell 1.1%.", False),
        ("前10个月广东进出口7.6万亿元，增长3.7%。", True),  # 13 CJK characters
        ("详见附件。", False),
        ("Guangdong exports rose 3.2% in October", False),  # no end punctuation: a headline
        ("“Exports held up well this year,” the official said.", True),
    ],
)
def test_complete_sentence(sentence: str, complete: bool) -> None:
    assert is_complete_sentence(sentence) is complete


@pytest.mark.parametrize(
    ("title", "text", "lang"),
    [
        ("Customs flash", "Guangdong exports rose 3.2% in October. Imports fell 1.1%.", "en"),
        ("快讯", "前10个月广东进出口7.6万亿元，增长3.7%。", "zh"),
        ("廣東外貿快訊", "據海關統計，前10個月廣東進出口7.6萬億元，增長3.7%。", "zh"),
    ],
)
def test_a_brief_of_one_or_two_sentences_is_an_article_without_the_menu(
    title: str, text: str, lang: str
) -> None:
    cleaned = clean_article(
        news_page(title, text, lang=lang), url="https://example.com/a", feed_published=None, now=NOW
    )
    assert cleaned.article is not None, cleaned.reason
    assert cleaned.article.text == text


def test_a_gbk_brief_of_fifty_characters_is_an_article() -> None:
    text = (
        "广东省商务厅消息，今年前三季度全省外贸进出口总值达到6.47万亿元，同比增长3.7%，规模继续居全国首位。"
    )
    raw = news_page("广东外贸", text, lang="zh").replace('charset="utf-8"', 'charset="gbk"').encode("gbk")
    html, codec = decode_html(raw, "text/html")
    cleaned = clean_article(html, url="https://example.com/a", feed_published=None, now=NOW)
    assert codec == "gb18030" and cleaned.article is not None and cleaned.article.text == text


def test_a_page_of_headlines_is_a_list_page() -> None:
    headlines = [f"Guangdong story number {i} of the week" for i in range(20)]
    teaser = "Guangdong's exports rose 6.1 percent in 2025, customs said."
    # headline blocks as many portals write them: not plain link lists, which trafilatura drops itself
    items = "".join(f'<p><span class="t">{h}</span></p>' for h in headlines)
    html = (
        "<!DOCTYPE html><html><head><title>Business</title></head><body><main><h1>Business</h1>"
        f"{items}<p>{teaser}</p></main></body></html>"
    )
    text = "\n".join([*headlines, teaser])
    assert prose_share(text) < 0.1 and verdict(text) == "list page"
    cleaned = clean_article(html, url="https://example.com/business", feed_published=None, now=NOW)
    assert (cleaned.article, cleaned.reason) == (None, "list page")


def test_hard_wrapped_sentences_are_joined() -> None:
    text = "The province's exports\nrose 6.1 percent in 2025,\ncustoms data showed."
    assert paragraphs(text) == ["The province's exports rose 6.1 percent in 2025, customs data showed."]
    assert verdict(text) is None


def test_corpus_chinese_list_pages_are_refused(corpus_dir: Path) -> None:
    root = corpus_dir / "news-html" / "gne" / "list-pages"
    refused = []
    for path in sorted(root.rglob("*.html")):
        html, _ = decode_html(path.read_bytes(), None)
        cleaned = clean_article(html, url="https://example.cn/list", feed_published=None, now=NOW)
        if cleaned.article is None:
            refused.append(path.relative_to(root).as_posix())
    # tieba's thread list quotes each post's opening sentences and reads as prose; the other three go.
    assert refused == ["163/1.html", "163/2.html", "netease_forum/1.html"]


def test_corpus_chinese_news_pages_are_kept(corpus_dir: Path) -> None:
    root = corpus_dir / "news-html" / "gne"
    lost = []
    for path in sorted(p for p in root.rglob("*.html") if "list-pages" not in p.parts):
        html, _ = decode_html(path.read_bytes(), None)
        if clean_article(html, url="https://example.cn/a", feed_published=None, now=NOW).article is None:
            lost.append(path.relative_to(root).as_posix())
    # both pages are the site's chrome only: trafilatura finds no article body in them
    assert lost == ["other/1.html", "wechat/1.html"]


def reference_verdict(text: str) -> str | None:
    """verdict as it was written before it shared its sentence search between its two rules."""
    parts = paragraphs(text)
    if len(parts) >= 8 and prose_share(text) < 0.1:
        return "list page"
    if not any(has_complete_sentence(part) for part in parts):
        return "no complete sentence"
    return None


def test_verdict_of_every_corpus_text(corpus_dir: Path) -> None:
    # the texts cleaning judges: trafilatura's text of every HTML page, without boilerplate lines
    texts = []
    for path in corpus_files(corpus_dir):
        _name, html = page_name_and_html(corpus_dir, path)
        tree = load_html(html)
        document = _extract(tree, "https://example.com/a.html") if tree is not None else None
        if document is not None and document.text:
            texts.append(_strip_boilerplate(document.text, None))
    verdicts = [verdict(text) for text in texts]
    assert verdicts == [reference_verdict(text) for text in texts]
    assert {"list page", "no complete sentence", None} <= set(verdicts)
