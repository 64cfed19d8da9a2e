"""`gdwatch deploy` and `gdwatch maintain`: the daily run on a Prefect work pool in shards, and DuckLake
upkeep. Registered on the `gdwatch` app by flows/cli.py; Prefect is imported only when a command runs."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from gdwatch.config.errors import UsageError

console = Console()


def deploy(
    pool: Annotated[
        str, typer.Option("--pool", help="Prefect work pool (process type; created if missing).")
    ],
    shards: Annotated[
        int, typer.Option("--shards", min=1, max=256, help="Shards the sources are split in.")
    ] = 2,
    config: Annotated[Path | None, typer.Option("--config", help="Config directory on the workers.")] = None,
    db: Annotated[Path | None, typer.Option("--db", help="Warehouse (default: the config's).")] = None,
) -> None:
    """Register the sharded daily deployment on a Prefect work pool; run `prefect worker start --pool
    NAME` on each machine. Needs PREFECT_API_URL and, for more than one shard, a DuckLake warehouse on
    PostgreSQL (backend = "ducklake").

    Example: PREFECT_API_URL=http://prefect:4200/api gdwatch deploy --pool gdwatch --shards 4
    """
    from gdwatch.config.loader import load_config, resolve_db_path
    from gdwatch.warehouse.lake import LakeTarget, is_lake

    settings = load_config(config).settings
    location = resolve_db_path(db, settings)
    if shards > 1 and not (is_lake(location) and LakeTarget.parse(location).kind == "postgres"):
        raise UsageError(
            f'--shards {shards}: shards write at once, which needs [warehouse] backend = "ducklake" with a '
            "postgres: catalog (a DuckDB file has one writer); use --shards 1 or change gdwatch.toml"
        )
    if not os.environ.get("PREFECT_API_URL"):
        raise UsageError(
            "deploy needs PREFECT_API_URL (the Prefect server the workers poll), e.g. http://host:4200/api"
        )
    from gdwatch.flows.deployments import register_sharded

    names = register_sharded(
        pool=pool,
        shards=shards,
        config_dir=str(config.resolve()) if config else None,
        db_path=str(db) if db else None,
        cron=settings.schedule.cron,
        timezone=settings.schedule.timezone,
    )
    for name in names:
        console.print(f"deployment {name} on work pool {pool}")
    console.print(f"start a worker on each machine: prefect worker start --pool {pool}")


def maintain(
    retention_days: Annotated[
        int | None,
        typer.Option("--retention-days", min=0, help="Expire snapshots older than this (default: config)."),
    ] = None,
    config: Annotated[Path | None, typer.Option("--config", help="Config directory.")] = None,
    db: Annotated[Path | None, typer.Option("--db", help="Warehouse (default: the config's).")] = None,
) -> None:
    """DuckLake upkeep: flush inlined rows, merge adjacent files, expire old snapshots, delete unused files.

    Example: gdwatch maintain --retention-days 30
    """
    from gdwatch.config.loader import load_config, resolve_db_path
    from gdwatch.warehouse.lake import is_lake
    from gdwatch.warehouse.lake import maintain as maintain_lake

    settings = load_config(config).settings
    location = resolve_db_path(db, settings)
    if not is_lake(location):
        raise UsageError(
            f'{location}: maintain is for a DuckLake warehouse ([warehouse] backend = "ducklake")'
        )
    days = settings.warehouse.snapshot_retention_days if retention_days is None else retention_days
    done = maintain_lake(location, retention_days=days)
    console.print(
        f"snapshots {done.snapshots_before} -> {done.snapshots_after} (kept {days} days), "
        f"data files {done.files_before} -> {done.files_after}"
    )
