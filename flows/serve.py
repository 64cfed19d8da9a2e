"""`gdwatch serve`: the daily flow on its cron schedule, with a local Prefect server when none is configured.

Prefect's ephemeral mode cannot schedule (its runner logs "Cannot schedule flows on an ephemeral server"),
so without PREFECT_API_URL this reuses a server answering on 127.0.0.1 at GDWATCH_PREFECT_PORT (default
4200) or starts one there under a guard that stops it, and its children, when serve stops (Ctrl-C,
SIGTERM, or even kill -9). Production runs the server as its own long-lived service instead (README).
"""

from __future__ import annotations

import os
from pathlib import Path

from rich.console import Console

from gdwatch.config.loader import load_config
from gdwatch.flows.prefect_server import default_port, prefect_api


def serve_daily(*, config_dir: Path | None, db_path: Path | None, console: Console) -> None:
    """Serve the daily deployment until interrupted; overlapping runs are cancelled by a limit of 1.

    Raises:
        GdwatchError: the local Prefect server did not become healthy.
    """
    config = load_config(config_dir)  # fail fast on a bad config, before any server starts
    schedule = config.settings.schedule
    if not os.environ.get("PREFECT_API_URL"):
        console.print(f"no PREFECT_API_URL: using a local Prefect server on port {default_port()}")
    # NOTE: Prefect reads its settings when it is first imported: nothing of Prefect is imported before
    # PREFECT_API_URL is set here.
    with prefect_api(own_port=default_port()):
        try:
            _serve(config_dir, db_path, console, schedule.cron, schedule.timezone)
        except KeyboardInterrupt:
            console.print("stopped")


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
