"""Flow-test fixtures: one Prefect test harness per session and the environment of `gdwatch` subprocesses."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest


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


@pytest.fixture(scope="session")
def demo_warehouse(prefect_api: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's warehouse, built once per session by running the whole demo (real flows, real site)."""
    import io

    from rich.console import Console

    from gdwatch.flows.demo.runner import run_demo

    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    assert run_demo(db, console=Console(file=io.StringIO(), width=100)) == 0
    return db
