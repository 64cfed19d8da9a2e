"""The title, author and site name of a parsed page, read the way trafilatura reads them, without a date.

trafilatura's `extract_metadata` also runs its own publication-date search (htmldate with the extensive
search and dateparser), which costs about a third of a page's cleaning time. gdwatch dates a page itself
(`clean._metadata_date`, one search, no URL evidence), so that search is skipped here; everything else
follows `trafilatura.metadata.extract_metadata` step by step, which keeps the fields identical.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from lxml.html import HtmlElement
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
        metadata.author = extract_author(tree)
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
