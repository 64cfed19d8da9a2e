"""`gdwatch serve`: the daily flow on its cron schedule, with a local Prefect server when none is configured.

Prefect's ephemeral mode cannot schedule (its runner logs "Cannot schedule flows on an ephemeral server"),
so without PREFECT_API_URL this starts `prefect server start` on 127.0.0.1, waits for it to be healthy,
and stops it on exit. Production runs the server as its own long-lived service instead (README).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from rich.console import Console

from gdwatch.config.errors import GdwatchError
from gdwatch.config.loader import load_config

SERVER_HOST = "127.0.0.1"
SERVER_PORT = int(os.environ.get("GDWATCH_PREFECT_PORT", "4200"))
SERVER_START_TIMEOUT_S = 120.0


def serve_daily(*, config_dir: Path | None, db_path: Path | None, console: Console) -> None:
    """Serve the daily deployment until interrupted; overlapping runs are cancelled by a limit of 1.

    Raises:
        GdwatchError: the local Prefect server did not become healthy.
    """
    config = load_config(config_dir)  # fail fast on a bad config, before any server starts
    if os.environ.get("PREFECT_API_URL"):
        _serve(config_dir, db_path, console, config.settings.schedule.cron, config.settings.schedule.timezone)
        return
    with local_prefect_server(console) as api_url:
        os.environ["PREFECT_API_URL"] = api_url
        # NOTE: Prefect reads its settings at import; a child process sees the new API URL for sure.
        command = [sys.executable, "-m", "gdwatch.flows.cli", "serve"]
        if config_dir:
            command += ["--config", str(config_dir)]
        if db_path:
            command += ["--db", str(db_path)]
        subprocess.run(command, check=False)


def _serve(config_dir: Path | None, db_path: Path | None, console: Console, cron: str, timezone: str) -> None:
    from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy
    from prefect.schedules import Cron

    from gdwatch.flows.daily import daily_run

    console.print(
        f"serving daily-run on '{cron}' ({timezone}) against {os.environ['PREFECT_API_URL']}; Ctrl-C stops"
    )
    daily_run.serve(
        name="daily",
        schedules=[Cron(cron, timezone=timezone)],
        parameters={
            "config_dir": str(config_dir) if config_dir else None,
            "db_path": str(db_path) if db_path else None,
        },
        # NOTE: CANCEL_NEW: a run still going at the next tick means something is slow; a second writer
        # would only wait for the warehouse lock anyway.
        global_limit=ConcurrencyLimitConfig(limit=1, collision_strategy=ConcurrencyLimitStrategy.CANCEL_NEW),
        pause_on_shutdown=False,
    )


@contextmanager
def local_prefect_server(console: Console) -> Iterator[str]:
    """Start `prefect server start` on 127.0.0.1 and yield its API URL once /api/health answers."""
    api_url = f"http://{SERVER_HOST}:{SERVER_PORT}/api"
    console.print(f"starting a local Prefect server at {api_url} (no PREFECT_API_URL set)")
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "prefect",
            "server",
            "start",
            "--host",
            SERVER_HOST,
            "--port",
            str(SERVER_PORT),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_healthy(api_url, process)
        yield api_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def _wait_healthy(api_url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise GdwatchError(
                f"the local Prefect server exited with code {process.returncode}; "
                f"is port {SERVER_PORT} taken? "
                "Set GDWATCH_PREFECT_PORT or run `prefect server start` yourself and set PREFECT_API_URL"
            )
        try:
            if httpx.get(f"{api_url}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(1)
    raise GdwatchError(
        f"the local Prefect server did not answer {api_url}/health within {SERVER_START_TIMEOUT_S:.0f} s"
    )
