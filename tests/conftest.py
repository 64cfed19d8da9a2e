"""Shared fixtures: a real local HTTP server, config directories and the third-party corpus directory."""

from __future__ import annotations

import functools
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

# `make test` runs the suite on pytest-xdist workers (-n 2 --dist loadgroup). The tests of these files read
# one expensive session or module fixture: each group runs on one worker, so the fixture is built once
# rather than once per worker (the demo's warehouse: tests/flows/conftest.py, demo_run). xdist's own
# xdist_group mark does not reach its scheduler under pytest 9 (the worker renames item._nodeid, which
# pytest 9 no longer reads), hence this list and the scheduler below.
XDIST_GROUPS = {
    "tests/flows/test_demo.py": "demo",
    "tests/flows/test_report.py": "demo",
    "tests/flows/test_summary_data.py": "demo",
    "tests/flows/test_cli_errors.py": "cli-errors",
}


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object | None:
    """Under --dist loadgroup: xdist's group scheduling, with the files of XDIST_GROUPS as groups."""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadGroupScheduling

    class FileGroupScheduling(LoadGroupScheduling):
        def _split_scope(self, nodeid: str) -> str:
            group = XDIST_GROUPS.get(nodeid.split("::", 1)[0])
            return group if group is not None else super()._split_scope(nodeid)

    return FileGroupScheduling(config, log)


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


@functools.cache
def _packaged_terms() -> tuple[list[str], list[str]]:
    """The packaged config's relevance terms (English, Chinese), read once per process."""
    relevance = load_config(PACKAGED_CONFIG_DIR).settings.relevance
    return list(relevance.terms_en), list(relevance.terms_zh)


def write_config_dir(directory: Path, sources: list[dict[str, object]], **politeness: object) -> Path:
    """Write a config directory whose sources point at local URLs into `directory`; returns it."""
    terms_en, terms_zh = _packaged_terms()
    directory.mkdir(parents=True, exist_ok=True)
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
        f"terms_en = {json.dumps(terms_en, ensure_ascii=False)}",
        f"terms_zh = {json.dumps(terms_zh, ensure_ascii=False)}",
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


@pytest.fixture
def write_config(tmp_path: Path) -> WriteConfig:
    """Write a config directory whose sources point at local URLs; returns the directory.

    Usage: write_config([{"name": "local", "kind": "rss", "url": site.url("/feed.xml")}], read_timeout_s=1.0)
    """

    def write(sources: list[dict[str, object]], *, name: str = "config", **politeness: object) -> Path:
        return write_config_dir(tmp_path / name, sources, **politeness)

    return write
