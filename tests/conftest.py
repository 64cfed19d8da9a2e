"""Shared fixtures: a real local HTTP server and the third-party corpus directory."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.httpserver import LocalSite

REPO_ROOT = Path(__file__).resolve().parent.parent


def corpus_path() -> Path:
    """Where the shared corpus is expected ($GDWATCH_CORPUS, else ../shared/corpus next to the repo)."""
    return Path(os.environ.get("GDWATCH_CORPUS", REPO_ROOT.parent / "shared" / "corpus"))


@pytest.fixture
def http_server() -> Iterator[LocalSite]:
    """A started LocalSite on 127.0.0.1 with no routes; stopped after the test."""
    with LocalSite() as site:
        yield site


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The shared corpus ($GDWATCH_CORPUS, else ../shared/corpus next to the repo); skips when absent."""
    path = corpus_path()
    if not path.is_dir():
        pytest.skip(f"corpus not found at {path} (set GDWATCH_CORPUS to use it)")
    return path
