"""clean_article parses a page once and searches its date once, and reads what trafilatura's full pass reads.

The reference is trafilatura's own metadata pass (`bare_extraction(with_metadata=True)` on the string)
and htmldate on lxml's parse of the page, as cleaning worked before clean-1.1.1; every HTML page of the
shared corpus must give the same title, author, site name, text and page date through the single parse.
The one intended change: a timestamp written only in an HTML comment (a page's build stamp, as on two
163.com list pages) is no longer a page date, so the reference parse drops comments too.
"""

from __future__ import annotations

import gzip
from datetime import datetime
from pathlib import Path

import htmldate
import lxml.html
import pytest
import trafilatura
from trafilatura.utils import load_html

from gdwatch.extractors.pages import decode_html
from gdwatch.extractors.pages.clean import _metadata_date, _trafilatura_config
from gdwatch.extractors.pages.metadata import page_metadata

WITHOUT_COMMENTS = lxml.html.HTMLParser(remove_comments=True)


# The pages are compared in shards: each is a test of its own, so that pytest-xdist spreads them over the
# cores (the comparison runs trafilatura twice per page and is the suite's slowest check).
SHARDS = 8


def corpus_files(corpus: Path) -> list[Path]:
    """The extraction benchmark pages and every news-html page, in a fixed order."""
    return sorted((corpus / "extraction" / "html").glob("*.html.gz")) + sorted(
        (corpus / "news-html").rglob("*.html*")
    )


def page_name_and_html(corpus: Path, path: Path) -> tuple[str, str]:
    """(name, decoded HTML): a benchmark page is named by its file name, a news-html page by its path."""
    raw = path.read_bytes()
    html = decode_html(gzip.decompress(raw) if path.suffix == ".gz" else raw, None)[0]
    return (path.name if path.parent == corpus / "extraction" / "html" else str(path)), html


def reference_date(html: str) -> str | None:
    """The page date as cleaning found it before, but for comments: htmldate on lxml's own parse."""
    tree = lxml.html.document_fromstring(html, parser=WITHOUT_COMMENTS)
    return htmldate.find_date(
        tree,
        extensive_search=False,
        original_date=True,
        outputformat="%Y-%m-%dT%H:%M:%S%z",
        url=None,
        min_date=datetime(1995, 1, 1),
        max_date=datetime(2100, 1, 1),
    )


def test_the_corpus_has_the_pages_to_compare(corpus_dir: Path) -> None:
    assert len(corpus_files(corpus_dir)) >= 240


@pytest.mark.parametrize("shard", range(SHARDS))
def test_single_parse_reads_what_the_full_metadata_pass_reads(corpus_dir: Path, shard: int) -> None:
    differences = []
    for path in corpus_files(corpus_dir)[shard::SHARDS]:
        name, html = page_name_and_html(corpus_dir, path)
        url = "https://example.com/news/page.html"
        full = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            config=_trafilatura_config(),
            # its date is not compared (cleaning never used it): the cheap search keeps the test quick
            date_extraction_params={"extensive_search": False},
        )
        tree = load_html(html)
        assert tree is not None, name
        metadata = page_metadata(tree, url)
        date = _metadata_date(tree)
        single = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=False,
            include_comments=False,
            include_tables=True,
            config=_trafilatura_config(),
        )
        assert not isinstance(full, dict) and not isinstance(single, dict)
        want = (
            (full.title, full.author, full.sitename, full.text) if full is not None else None,
            reference_date(html),
        )
        got = (
            (metadata.title, metadata.author, metadata.site_name, single.text)
            if single is not None
            else None,
            date,
        )
        if got != want:
            differences.append((name, got, want))
    assert differences == []


@pytest.mark.parametrize(
    "html",
    [
        '<?xml version="1.0" encoding="gb2312"?><html><head><title>T</title></head><body>x</body></html>',
        "<html><head><title>  Spaced\n  title </title></head><body><h1>One</h1></body></html>",
    ],
)
def test_metadata_never_changes_the_tree(html: str) -> None:
    tree = load_html(html)
    assert tree is not None
    before = lxml.html.tostring(tree)
    page_metadata(tree, "https://example.com/a")
    _metadata_date(tree)
    assert lxml.html.tostring(tree) == before
