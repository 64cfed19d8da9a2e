"""Flow-test fixtures: one Prefect test harness per session and the environment of `gdwatch` subprocesses."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
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


def cli_environment(prefect_api: str, directory: Path) -> dict[str, str]:
    """Environment for `gdwatch` subprocesses: `prefect_api`, quiet logs, no user config, a client
    PREFECT_HOME under `directory`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "GDWATCH_"))}
    env.update(
        PREFECT_API_URL=prefect_api,
        PREFECT_HOME=str(directory / "prefect-client"),
        PREFECT_LOGGING_LEVEL="WARNING",
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
    )
    return env


@pytest.fixture
def cli_env(prefect_api: str, tmp_path: Path) -> dict[str, str]:
    """Environment for `gdwatch` subprocesses: the session's Prefect API, quiet logs, no user config."""
    return cli_environment(prefect_api, tmp_path)


@dataclass(frozen=True)
class DemoRun:
    """The demo run once for the session: its warehouse and what it printed (200 columns wide)."""

    db: Path
    output: str


@pytest.fixture(scope="session")
def demo_run(prefect_api: str, tmp_path_factory: pytest.TempPathFactory) -> DemoRun:
    """The whole demo (real flows, real site), run once per session; its tests only read what it left.

    Under pytest-xdist one worker runs all the tests that use it (XDIST_GROUPS in tests/conftest.py), so
    that the demo is run once, not once per worker.
    """
    from rich.console import Console

    from gdwatch.flows.demo.runner import run_demo

    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    output = io.StringIO()
    assert run_demo(db, console=Console(file=output, width=200)) == 0
    return DemoRun(db=db, output=output.getvalue())


@pytest.fixture(scope="session")
def demo_warehouse(demo_run: DemoRun) -> Path:
    """The demo's warehouse (see demo_run)."""
    return demo_run.db
