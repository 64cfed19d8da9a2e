"""Shared fixtures: a real local HTTP server, config directories and the third-party corpus directory."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from gdwatch.config.loader import METRICS_FILE, PACKAGED_CONFIG_DIR, load_config
from tests.support.httpserver import LocalSite

# the session's PostgreSQL and S3 servers (tests/scaleout), for the warehouse tests on both backends too
pytest_plugins = ["tests.scaleout.fixtures"]

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


WriteConfig = Callable[..., Path]


@pytest.fixture
def write_config(tmp_path: Path) -> WriteConfig:
    """Write a config directory whose sources point at local URLs; returns the directory.

    Usage: write_config([{"name": "local", "kind": "rss", "url": site.url("/feed.xml")}], read_timeout_s=1.0)
    """
    packaged = load_config(PACKAGED_CONFIG_DIR).settings

    def write(sources: list[dict[str, object]], *, name: str = "config", **politeness: object) -> Path:
        directory = tmp_path / name
        directory.mkdir(exist_ok=True)
        settings = {
            "connect_timeout_s": 2.0,
            "read_timeout_s": 2.0,
            "retries": 1,
            "backoff_s": 0.0,
            "per_host_delay_s": 0.0,
            "max_bytes": 1_000_000,
            "allow_hosts": ["127.0.0.1"],  # the LocalSite; the fetcher refuses loopback otherwise
            **politeness,
        }
        lines = ["[politeness]"]
        lines += [f"{key} = {json.dumps(value)}" for key, value in settings.items()]
        lines += [
            "",
            "[relevance]",
            f"terms_en = {json.dumps(list(packaged.relevance.terms_en), ensure_ascii=False)}",
            f"terms_zh = {json.dumps(list(packaged.relevance.terms_zh), ensure_ascii=False)}",
            "",
            "[warehouse]",
            'path = "unused.duckdb"',
            "batch_size = 2",
        ]
        (directory / "gdwatch.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        blocks = []
        for source in sources:
            blocks.append("[[sources]]\n" + "".join(f"{k} = {json.dumps(v)}\n" for k, v in source.items()))
        (directory / "sources.toml").write_text("\n".join(blocks), encoding="utf-8")
        (directory / METRICS_FILE).write_text(
            (PACKAGED_CONFIG_DIR / METRICS_FILE).read_text(encoding="utf-8"), encoding="utf-8"
        )
        return directory

    return write
