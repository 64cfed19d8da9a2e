"""The title, author and site name of a parsed page, read the way trafilatura reads them, without a date.

trafilatura's `extract_metadata` also runs its own publication-date search (htmldate with the extensive
search and dateparser), which costs about a third of a page's cleaning time. gdwatch dates a page itself
(`clean._metadata_date`, one search, no URL evidence), so that search is skipped here; everything else
follows `trafilatura.metadata.extract_metadata` step by step, which keeps the fields identical.

The author search is trafilatura's `extract_author` done without its copy of the whole tree (see
`page_author`).
"""

from __future__ import annotations

import contextlib
import re
from copy import deepcopy
from dataclasses import dataclass

from lxml.etree import XPath
from lxml.html import HtmlElement
from trafilatura.json_metadata import normalize_authors
from trafilatura.metadata import (
    META_URL,
    examine_meta,
    extract_author,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
)
from trafilatura.settings import Document
from trafilatura.utils import trim
from trafilatura.xml import delete_element

# trafilatura.xpaths.AUTHOR_XPATHS and AUTHOR_DISCARD_XPATHS (trafilatura 2.3.1) as Python tests of one
# element, with the same regular expressions (EXSLT's re:test is Python's re.search on the attribute's
# value, "" when it is missing). libxml2 evaluates each attribute test of those expressions on every element
# of the page, 3-4 ms an expression; here one expression finds the few elements that carry any of the
# attributes tested, and each is tested in Python. tests/extractors/pages/test_author.py checks that
# trafilatura's expressions are still these and that both select the same elements on every page of the
# shared corpus and on crafted ones.
# NOTE: descendant-or-self, not //: trafilatura searches its copy of the tree, which holds the root element
# alone; a broken page can leave more elements at the top of the document (a second <html>), which // finds
_CANDIDATES = XPath(
    "descendant-or-self::*[@class or @id or @rel or @itemprop or @data-testid or @data-component"
    " or self::author or self::time or self::figure]"
)
_AUTHOR_0_TAGS = frozenset({"a", "address", "div", "link", "p", "span", "strong"})
_AUTHOR_0_CLASS = re.compile("author-?name|AuthorName|authorName")
_AUTHOR_1_TAGS = frozenset({"a", "div", "h3", "h4", "p", "span"})
_AUTHOR_1_CLASSES = frozenset({"byline", "username", "byl", "BBL"})
_AUTHOR_1_ID = re.compile("author|zuozhe|bianji|xiaobian")
_AUTHOR_1_CLASS = re.compile(
    "author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name"
)
_AUTHOR_2_ID = re.compile("[Aa]uthor")
_AUTHOR_2_CLASS = re.compile("[Aa]uthor|screenname|writer|[Bb]yline")
_DISCARD_TAGS = frozenset({"a", "div", "section", "span"})
_DISCARD_IDS = frozenset({"comments"})
_DISCARD_CLASSES = frozenset({"comments", "title", "date"})
_DISCARD_ID = re.compile("^comments|comment-?list|ProductReviews")
_DISCARD_CLASS = re.compile(
    "^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram|"
    "article-(?:share|support)|print|category|meta-date|meta-reviewer"
)


def _author_0(element: HtmlElement) -> bool:
    """AUTHOR_XPATHS[0] but for its ``rel='me'`` (a child element named rel; see `page_author`)."""
    tag = element.tag
    if tag == "author":
        return True
    if tag not in _AUTHOR_0_TAGS:
        return False
    get = element.get
    return (
        get("rel") == "author"
        or get("id") == "author"
        or get("class") == "author"
        or get("itemprop") == "author name"
        or get("data-testid") in ("AuthorCard", "AuthorURL")
        or _AUTHOR_0_CLASS.search(get("class") or "") is not None
    )


def _author_1(element: HtmlElement) -> bool:
    if element.tag not in _AUTHOR_1_TAGS:
        return False
    get = element.get
    return (
        get("class") in _AUTHOR_1_CLASSES
        or "author" in (get("itemprop") or "")
        or _AUTHOR_1_ID.search(get("id") or "") is not None
        or _AUTHOR_1_CLASS.search(get("class") or "") is not None
    )


def _author_2(element: HtmlElement) -> bool:
    get = element.get
    return (
        "Byline" in (get("data-component") or "")
        or "author" in (get("itemprop") or "")
        or _AUTHOR_2_ID.search(get("id") or "") is not None
        or _AUTHOR_2_CLASS.search(get("class") or "") is not None
    )


def _discarded_0(element: HtmlElement) -> bool:
    if element.tag not in _DISCARD_TAGS:
        return False
    get = element.get
    return (
        get("id") in _DISCARD_IDS
        or get("class") in _DISCARD_CLASSES
        or _DISCARD_ID.search(get("id") or "") is not None
        or _DISCARD_CLASS.search(get("class") or "") is not None
        or "Figure" in (get("data-component") or "")
    )


def _discarded_1(element: HtmlElement) -> bool:
    return element.tag in ("time", "figure")


_AUTHOR_TESTS = (_author_0, _author_1, _author_2)
_DISCARD_TESTS = (_discarded_0, _discarded_1)
_AUTHOR_LEN_LIMIT = 120
"""trafilatura's limit for an author (extract_author's len_limit)."""


@dataclass(frozen=True)
class PageMetadata:
    """What the page's markup says about itself; None where it says nothing."""

    title: str | None
    author: str | None
    site_name: str | None


def page_metadata(tree: HtmlElement, url: str | None) -> PageMetadata:
    """Read title, author and site name from a tree parsed by `trafilatura.utils.load_html`.

    Meta tags first, then JSON-LD, then the page body (a single <h1>, bylines), then the URL's host for
    the site name; the strings are trimmed as trafilatura trims its Document. The tree is not modified.
    """
    metadata = examine_meta(tree)
    if metadata.author and " " not in metadata.author:
        metadata.author = None
    # trafilatura's JSON-LD reader has bugs; extract_metadata ignores them as well
    with contextlib.suppress(Exception):
        metadata = extract_meta_json(tree, metadata)
    if not metadata.title:
        metadata.title = extract_title(tree)
    if not metadata.author:
        metadata.author = page_author(tree)
    if not metadata.url:
        metadata.url = extract_url(tree, url)
    if not metadata.sitename:
        metadata.sitename = extract_sitename(tree)
    if metadata.sitename:
        metadata.sitename = metadata.sitename.lstrip("@")
        if metadata.sitename and "." not in metadata.sitename and not metadata.sitename[0].isupper():
            metadata.sitename = metadata.sitename.title()
    elif metadata.url:
        host = META_URL.match(metadata.url)
        if host:
            metadata.sitename = host[1]
    trimmed = Document()
    trimmed.title, trimmed.author, trimmed.sitename = metadata.title, metadata.author, metadata.sitename
    trimmed.clean_and_trim()
    return PageMetadata(title=trimmed.title, author=trimmed.author, site_name=trimmed.sitename)


def page_author(tree: HtmlElement) -> str | None:
    """trafilatura's `extract_author` on a tree parsed by `load_html`, without copying the tree.

    trafilatura copies the whole tree, deletes the parts where a name is no author's (comments, sidebars,
    dates, figures: AUTHOR_DISCARD_XPATHS), and takes the first element of its author expressions whose
    text is 3-119 characters long. Here the same expressions run on the tree itself: an element inside a
    discarded part is passed over, and only an element that holds a discarded part is copied and pruned
    (with trafilatura's `delete_element`, which moves the tails of what it deletes as on the whole copy),
    so its text is the text trafilatura reads. The tree is not modified.

    The search covers ``tree`` and its descendants, as trafilatura's copy does (lxml's parser returns a
    lone element for some fragments; a broken page may have a second top element). A page with an element
    named ``rel`` falls back to trafilatura's own search: the first expression compares the text of such
    an element (``rel='me'``), which a deletion inside it would change.
    """
    if tree.find(".//rel") is not None:
        return extract_author(tree)
    candidates = _CANDIDATES(tree)
    # NOTE: the copy's root is never deleted (delete_element leaves an element without a parent alone), and
    # the first discard expression (.//*) does not reach it
    discard_lists = [[e for e in candidates if e is not tree and test(e)] for test in _DISCARD_TESTS]
    discarded = {element for found in discard_lists for element in found}
    holders: set[HtmlElement] | None = None
    for test in _AUTHOR_TESTS:
        for element in candidates:
            if not test(element):
                continue
            if element in discarded or any(parent in discarded for parent in element.iterancestors()):
                continue
            if holders is None:
                holders = {parent for gone in discarded for parent in gone.iterancestors()}
            if element in holders:
                content = trim(" ".join(_pruned_copy(element, discard_lists).itertext()))
            else:
                content = trim(" ".join(element.itertext()))
            if content and 2 < len(content) < _AUTHOR_LEN_LIMIT:
                return normalize_authors(None, content)
    return None


def _pruned_copy(element: HtmlElement, discard_lists: list[list[HtmlElement]]) -> HtmlElement:
    """A copy of ``element`` without its discarded descendants, deleted in trafilatura's order."""
    copy = deepcopy(element)
    counterpart = dict(zip(element.iter(), copy.iter(), strict=True))
    for found in discard_lists:
        for gone in found:
            twin = counterpart.get(gone)
            if twin is not None:
                delete_element(twin)
    return copy
