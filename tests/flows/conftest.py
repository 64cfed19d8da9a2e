"""Flow-test fixtures: one Prefect test harness per session, config directories, demo-style sites."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from gdwatch.config.loader import METRICS_FILE, PACKAGED_CONFIG_DIR, load_config


@pytest.fixture(scope="session")
def prefect_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A temporary Prefect API server (SQLite in a temp dir) shared by the session; yields its URL.

    Subprocess tests pass the URL as PREFECT_API_URL so that each `gdwatch` process skips the 12-20 s
    start of its own ephemeral server.
    """
    from prefect.settings import (
        PREFECT_API_URL,
        PREFECT_HOME,
        PREFECT_LOCAL_STORAGE_PATH,
        PREFECT_LOGGING_LEVEL,
        PREFECT_SERVER_ANALYTICS_ENABLED,
        temporary_settings,
    )
    from prefect.testing.utilities import prefect_test_harness

    home = tmp_path_factory.mktemp("prefect-home")
    with (
        temporary_settings(
            {
                PREFECT_HOME: home,
                PREFECT_LOCAL_STORAGE_PATH: home / "storage",
                PREFECT_LOGGING_LEVEL: "WARNING",
                PREFECT_SERVER_ANALYTICS_ENABLED: False,
            }
        ),
        prefect_test_harness(server_startup_timeout=120),
    ):
        yield str(PREFECT_API_URL.value())


@pytest.fixture
def cli_env(prefect_api: str, tmp_path: Path) -> dict[str, str]:
    """Environment for `gdwatch` subprocesses: the session's Prefect API, quiet logs, no user config."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "GDWATCH_"))}
    env.update(
        PREFECT_API_URL=prefect_api,
        PREFECT_HOME=str(tmp_path / "prefect-client"),
        PREFECT_LOGGING_LEVEL="WARNING",
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
    )
    return env


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
