"""Cleaning extracts fast first and runs trafilatura's fallbacks only when the fast pass finds little."""

from __future__ import annotations

from typing import Any

import trafilatura
from trafilatura.settings import Document
from trafilatura.utils import load_html

from gdwatch.extractors.pages.clean import FAST_PASS_MIN_CHARS, _extract, _trafilatura_config

OPTIONS: dict[str, Any] = {
    "url": "https://example.com/news/a.html",
    "with_metadata": False,
    "include_comments": False,
    "include_tables": True,
}


def page(paragraphs: int) -> str:
    body = "".join(
        f"<p>In month {i + 1}, the exports of city number {i + 3} reached {i + 10}.{i} billion yuan, up "
        f"{i}.5 percent year on year, and its imports came to {i + 7}.2 billion yuan, the customs said.</p>"
        for i in range(paragraphs)
    )
    return (
        "<html><head><title>Trade</title></head><body><nav><a href='/'>Home</a> <a href='/x'>World</a></nav>"
        f"<article><h1>Trade</h1>{body}</article><footer>Contact us</footer></body></html>"
    )


def passes(html: str) -> tuple[Document | None, Document | None]:
    """What trafilatura's fast pass and its full pass give on a fresh parse of ``html``."""
    # a string, parsed by trafilatura itself each time
    fast = trafilatura.bare_extraction(html, fast=True, config=_trafilatura_config(), **OPTIONS)
    full = trafilatura.bare_extraction(html, config=_trafilatura_config(), **OPTIONS)
    assert isinstance(fast, Document | None) and isinstance(full, Document | None)
    return fast, full


def test_a_long_article_keeps_the_fast_pass() -> None:
    html = page(paragraphs=12)
    fast, _ = passes(html)
    assert fast is not None and len(fast.text or "") >= FAST_PASS_MIN_CHARS
    tree = load_html(html)
    assert tree is not None
    chosen = _extract(tree, OPTIONS["url"])
    assert chosen is not None and chosen.text == fast.text


def test_a_short_article_is_read_by_the_full_pass_on_an_untouched_tree() -> None:
    html = page(paragraphs=2)
    fast, full = passes(html)
    assert fast is not None and len(fast.text or "") < FAST_PASS_MIN_CHARS
    assert full is not None
    tree = load_html(html)
    assert tree is not None
    chosen = _extract(tree, OPTIONS["url"])
    # the fast pass ran first on the same tree: the full pass still reads the page as a fresh parse does
    assert chosen is not None and chosen.text == full.text


def test_a_page_with_little_to_extract_is_what_the_full_pass_gives() -> None:
    html = "<html><body><nav><a href='/'>Home</a></nav><p>Too short.</p></body></html>"
    _, full = passes(html)
    tree = load_html(html)
    assert tree is not None
    chosen = _extract(tree, OPTIONS["url"])
    assert (chosen.text if chosen else None) == (full.text if full else None)
