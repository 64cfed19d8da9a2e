"""Registering the sharded daily run on a Prefect work pool (`gdwatch deploy`)."""

from __future__ import annotations

import contextlib
from pathlib import Path

import gdwatch
from gdwatch.flows.sharded import SHARD_DEPLOYMENT, daily_shard, daily_sharded


def code_root() -> Path:
    """The directory the workers import ``gdwatch`` from (this checkout, or site-packages)."""
    return Path(gdwatch.__file__).resolve().parent.parent


def register_sharded(
    *,
    pool: str,
    shards: int,
    config_dir: str | None,
    db_path: str | None,
    cron: str,
    timezone: str,
) -> list[str]:
    """Create the process work pool when missing, then the two deployments: ``daily-shard/shard`` (one
    shard, started by the parent) and ``daily-sharded/daily`` (on the cron schedule, one at a time).

    Returns:
        The deployment names.
    """
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import WorkPoolCreate
    from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy
    from prefect.exceptions import ObjectAlreadyExists
    from prefect.schedules import Cron

    with get_client(sync_client=True) as client, contextlib.suppress(ObjectAlreadyExists):
        client.create_work_pool(WorkPoolCreate(name=pool, type="process"))
    source = str(code_root())
    common = {"config_dir": config_dir, "db_path": db_path}
    shard = daily_shard.from_source(source=source, entrypoint="gdwatch/flows/sharded.py:daily_shard")
    shard.deploy(  # type: ignore[union-attr]
        name="shard",
        work_pool_name=pool,
        parameters={**common, "shards": shards},
        build=False,
        push=False,
        print_next_steps=False,
    )
    parent = daily_sharded.from_source(source=source, entrypoint="gdwatch/flows/sharded.py:daily_sharded")
    parent.deploy(  # type: ignore[union-attr]
        name="daily",
        work_pool_name=pool,
        parameters={**common, "shards": shards, "deployment": SHARD_DEPLOYMENT},
        schedules=[Cron(cron, timezone=timezone)],
        concurrency_limit=ConcurrencyLimitConfig(
            limit=1, collision_strategy=ConcurrencyLimitStrategy.CANCEL_NEW
        ),
        build=False,
        push=False,
        print_next_steps=False,
    )
    return [SHARD_DEPLOYMENT, "daily-sharded/daily"]
