"""The read side of a sharded daily run: the shards' runs and the conflicts found across shards."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gdwatch.warehouse.read import reader
from gdwatch.warehouse.sql import fetch_dicts, read_sql


def shard_runs(path: Path, parent: str) -> list[dict[str, Any]]:
    """The runs recorded by the shards of the sharded run ``parent`` (a Prefect flow run id)."""
    with reader(path) as conn:
        return fetch_dicts(conn.execute(read_sql("select_shard_runs"), {"parent": parent}))


def cross_shard_conflicts(path: Path, run_ids: list[int]) -> list[dict[str, Any]]:
    """Open conflicts between figures that two different runs of ``run_ids`` stored."""
    with reader(path) as conn:
        return fetch_dicts(conn.execute(read_sql("select_cross_shard_conflicts"), {"run_ids": run_ids}))
