"""Every corpus feed parses to a ParsedFeed or raises FeedParseError, never an unhandled exception."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

import pytest

from gdwatch.extractors.errors import FeedParseError
from gdwatch.extractors.listing.feeds import parse_feed
from gdwatch.extractors.listing.urls import is_http_url
from tests.conftest import corpus_path


def _feed_files(group: str) -> list[str]:
    """Corpus-relative paths of the files under feeds/<group>, or [] when the corpus is absent."""
    root = corpus_path() / "feeds" / group
    if not root.is_dir():
        return []
    return sorted(str(path.relative_to(corpus_path())) for path in root.rglob("*") if path.is_file())


def _params(*groups: str) -> list[object]:
    files: list[object] = [name for group in groups for name in _feed_files(group)]
    return files or [pytest.param(None, marks=pytest.mark.skip(reason="corpus feeds/ not found"))]


@pytest.mark.parametrize("relative", _params("real", "edge", "feedparser-edge"))
def test_corpus_feed_parses_or_raises_feed_parse_error(corpus_dir: Path, relative: str) -> None:
    path = corpus_dir / relative
    feed_url = f"https://feeds.example.org/{relative}"
    try:
        feed = parse_feed(path.read_bytes(), feed_url=feed_url)
    except FeedParseError as exc:
        assert exc.url == feed_url
        return
    for entry in feed.entries:
        assert is_http_url(entry.url)
        assert entry.entry_id
        assert entry.published_at is None or entry.published_at.tzinfo is UTC


@pytest.mark.parametrize("relative", _params("real"))
def test_real_corpus_feed_is_never_rejected(corpus_dir: Path, relative: str) -> None:
    feed = parse_feed((corpus_dir / relative).read_bytes(), feed_url=f"https://feeds.example.org/{relative}")
    assert isinstance(feed.entries, tuple)


def test_real_corpus_yields_entries(corpus_dir: Path) -> None:
    """Almost every real capture has linked items; only one item-less capture is expected to yield none."""
    files = _feed_files("real")
    empty = [
        name
        for name in files
        if not parse_feed((corpus_dir / name).read_bytes(), feed_url="https://feeds.example.org/").entries
    ]
    assert len(files) == 97
    assert empty == ["feeds/real/feed-rs/rss_2.0_ghost_1.xml"]
