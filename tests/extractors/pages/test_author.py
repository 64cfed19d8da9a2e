"""`page_author` finds the author trafilatura's `extract_author` finds, without copying the page's tree.

The reference is trafilatura itself: its author search (a pruned copy of the tree, its XPath expressions)
on every HTML page of the shared corpus and on crafted pages. The element tests that replace trafilatura's
expressions are checked element by element against those expressions, and the expressions against the
text they were translated from, so that a trafilatura upgrade that changes them fails here.
"""

from __future__ import annotations

from copy import deepcopy
from pathlib import Path

import lxml.html
import pytest
from lxml.html import HtmlElement
from trafilatura.metadata import extract_author
from trafilatura.utils import load_html
from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS, AUTHOR_XPATHS

from gdwatch.extractors.pages import metadata
from gdwatch.extractors.pages.metadata import page_author
from tests.extractors.pages.test_single_parse import corpus_files, page_name_and_html

# trafilatura 2.3.1's expressions, whitespace collapsed (metadata._AUTHOR_TESTS, _DISCARD_TESTS test the same)
TRANSLATED = [
    "//*[self::a or self::address or self::div or self::link or self::p or self::span or self::strong][ "
    "@rel='author' or @id='author' or @class='author' or @itemprop='author name' or rel='me' or "
    "@data-testid='AuthorCard' or @data-testid='AuthorURL' or "
    "re:test(@class, 'author-?name|AuthorName|authorName')]|//author",
    "//*[self::a or self::div or self::h3 or self::h4 or self::p or self::span][ "
    "@class='byline' or @class='username' or @class='byl' or @class='BBL' or "
    "contains(@itemprop, 'author') or re:test(@id, 'author|zuozhe|bianji|xiaobian') or "
    "re:test(@class, 'author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name')]",
    "//*[ contains(@data-component, 'Byline') or contains(@itemprop, 'author') or "
    "re:test(@id, '[Aa]uthor') or re:test(@class, '[Aa]uthor|screenname|writer|[Bb]yline')]",
    ".//*[self::a or self::div or self::section or self::span][ "
    "@id='comments' or @class='comments' or @class='title' or @class='date' or "
    "re:test(@id, '^comments|comment-?list|ProductReviews') or "
    "re:test(@class, '^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram|"
    "article-(?:share|support)|print|category|meta-date|meta-reviewer') or "
    "contains(@data-component, 'Figure')]",
    "//time|//figure",
]

# every literal of the expressions above, and near misses
VALUES = [
    "author", "authorname", "author-name", "AuthorName", "authorName", "Author", "AUTHOR", "auth",
    "author name", "AuthorCard", "AuthorURL", "byline", "Byline", "BYLINE", "username", "byl", "BBL",
    "channel-name", "zuozhe", "bianji", "xiaobian", "submitted-by", "posted-by", "journalist-name",
    "screenname", "writer", "comments", "Comments", "comment", "commentlist", "comment-list",
    "comments-list", "ProductReviews", "sidebar", "is-hidden", "quote", "embedly-instagram",
    "article-share", "article-support", "article-other", "print", "category", "meta-date", "meta-reviewer",
    "title", "date", "Figure", "figure", "me", "",
]  # fmt: skip
ATTRIBUTES = ["class", "id", "rel", "itemprop", "data-testid", "data-component", "name"]
TAGS = [
    "a", "address", "div", "link", "p", "span", "strong", "h3", "h4", "section", "li", "author", "time",
    "figure",
]  # fmt: skip


def crafted_page() -> str:
    """One element per tag, attribute and value (alone, after a word, before a suffix), each with text."""
    elements: list[str] = []
    for tag in TAGS:
        for attribute in ATTRIBUTES:
            for value in VALUES:
                for variant in (value, f"x {value}", f"{value}-y"):
                    elements.append(f'<{tag} {attribute}="{variant}">Jane Q. Doe {len(elements)}</{tag}>')
    return f"<html><head><title>t</title></head><body><div>{''.join(elements)}</div></body></html>"


def selections(tree: HtmlElement) -> tuple[list[list[HtmlElement]], list[list[HtmlElement]]]:
    """(trafilatura's expressions, metadata's tests) on a copy of the tree, as trafilatura searches it."""
    copy = deepcopy(tree)
    candidates = metadata._CANDIDATES(copy)
    want = [expression(copy) for expression in [*AUTHOR_XPATHS, *AUTHOR_DISCARD_XPATHS]]
    got = [
        [e for e in candidates if test(e) and not (test is metadata._DISCARD_TESTS[0] and e is copy)]
        for test in [*metadata._AUTHOR_TESTS, *metadata._DISCARD_TESTS]
    ]
    return want, got


def test_trafilatura_expressions_are_the_ones_translated() -> None:
    assert [" ".join(x.path.split()) for x in [*AUTHOR_XPATHS, *AUTHOR_DISCARD_XPATHS]] == TRANSLATED


def test_element_tests_select_what_the_expressions_select() -> None:
    tree = load_html(crafted_page())
    assert tree is not None
    want, got = selections(tree)
    assert [len(found) for found in want] == [len(found) for found in got]
    assert want == got
    assert all(want)


AUTHOR_PAGES = {
    "a discarded date inside the byline: its text goes, its tail joins": (
        '<span class="author">Jane<span class="date">5 May</span>Doe</span>',
        "JaneDoe",
    ),
    "a time and a figure inside the byline, one after the other": (
        '<div class="byline">By <time>today</time> Jane <figure>pic</figure>Smith</div>',
        "Jane Smith",
    ),
    "nested discarded parts": (
        '<p class="byline"><span class="quote">x<time>t</time>y</span>Ann Lee<span class="print">p</span>'
        "</p>",
        "Ann Lee",
    ),
    "a byline inside a sidebar is passed over": (
        '<div class="sidebar"><span class="author">Side Person</span></div><p class="byline">Real Author</p>',
        "Real Author",
    ),
    "the first expression before the second, whatever the order on the page": (
        '<p class="byline">Second Choice</p><a rel="author">First Choice</a>',
        "First Choice",
    ),
    "too long a candidate is passed over": (
        f'<span class="author">{"word " * 40}</span><div id="zuozhe">Li Ming Wang</div>',
        "Li Ming Wang",
    ),
    "an author element": ("<author>Chen Jia</author>", "Chen Jia"),
    "a rel element (trafilatura's own search)": (
        '<span><rel>me</rel>Kim Park</span><div class="writer">Sam Roe</div>',
        None,
    ),
    "nothing": ("<p>No byline here at all.</p>", None),
}


@pytest.mark.parametrize("body", [body for body, _ in AUTHOR_PAGES.values()], ids=list(AUTHOR_PAGES))
def test_author_of_crafted_pages(body: str) -> None:
    html = f"<html><head><title>t</title></head><body><article>{body}<p>Text.</p></article></body></html>"
    tree = load_html(html)
    assert tree is not None
    before = lxml.html.tostring(tree)
    assert page_author(tree) == extract_author(tree)
    assert lxml.html.tostring(tree) == before


def test_crafted_pages_find_what_they_say() -> None:
    # the expected names pin that the crafted pages exercise the branches they are named after
    for body, expected in AUTHOR_PAGES.values():
        tree = load_html(f"<html><body><article>{body}<p>Text.</p></article></body></html>")
        assert tree is not None
        if expected is not None:
            assert page_author(tree) == expected, body


def test_author_of_a_fragment() -> None:
    # lxml returns the lone element of a fragment; trafilatura's copy holds that element alone, so its
    # parent's byline is none of its
    tree = lxml.html.fromstring('<body class="byline"><div><span>Pat Doe</span><p>Text.</p></div></body>')
    assert tree.getparent() is not None
    assert page_author(tree) == extract_author(tree) is None
    tree = lxml.html.fromstring('<div><span class="author">Pat Doe</span><p>Text of the page.</p></div>')
    assert page_author(tree) == extract_author(tree) == "Pat Doe"


def test_author_of_a_page_with_two_top_elements() -> None:
    # a second <html> after the first stays beside the root (as on news-html/gne/other/1.html), and
    # trafilatura's copy of the root leaves it out
    tree = load_html(
        "<html><body><p>First page text here.</p></body></html>"
        '<html><body><span class="byline">Jo Bo</span></body></html>'
    )
    assert tree is not None and next(tree.itersiblings(), None) is not None
    assert page_author(tree) == extract_author(tree) is None


def test_author_of_every_corpus_page(corpus_dir: Path) -> None:
    differences = []
    found = 0
    for path in corpus_files(corpus_dir):
        name, html = page_name_and_html(corpus_dir, path)
        tree = load_html(html)
        if tree is None:
            continue
        want_author = extract_author(tree)
        found += want_author is not None
        want, got = selections(tree)
        if page_author(tree) != want_author or want != got:
            differences.append(name)
    assert differences == []
    assert found >= 100
