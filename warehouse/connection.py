"""Opening the warehouse file (migrating it on read-write opens) and publishing its read-only copy."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from gdwatch.warehouse.errors import WarehouseError
from gdwatch.warehouse.lake import is_lake, open_lake
from gdwatch.warehouse.migrate import apply_lake_schema, apply_schema


@contextmanager
def registered(conn: duckdb.DuckDBPyConnection, **tables: object) -> Iterator[None]:
    """Arrow tables registered on ``conn`` under their names for the block's statements, and unregistered
    when it ends, raised or not: a writer's held connection outlives the call that staged them."""
    for name, table in tables.items():
        conn.register(name, table)
    try:
        yield
    finally:
        for name in tables:
            conn.unregister(name)


def connect(path: Path, *, read_only: bool = False, migrate: bool = True) -> duckdb.DuckDBPyConnection:
    """Open the warehouse: the one function that creates DuckDB connections to it.

    Args:
        path: the DuckDB file (``data/warehouse.duckdb`` or its published copy), or a DuckLake location
            (``ducklake:<catalog>...``, see ``warehouse.lake``): then an in-memory session with the catalog
            attached as ``lake`` and in use; a read-only open attaches it ``READ_ONLY``.
        read_only: open without write access (no migrations are applied); read-write opens create the
            parent directories.
        migrate: bring the schema up to date on a read-write open (:func:`warehouse.migrate.apply_schema`);
            the writer passes False for the connections of its calls, having migrated once when it opened.

    Returns:
        A connection with ``TimeZone`` set to UTC; read-write connections have every pending migration
        applied unless ``migrate`` is False.

    Raises:
        WarehouseError: the file is locked by another process, or is missing for a read-only open.
        MigrationError: a migration failed or an applied migration file was edited.
    """
    if is_lake(path):
        conn = open_lake(path, read_only=read_only)
        try:
            conn.execute("SET TimeZone = 'UTC'")
            if migrate and not read_only:
                apply_lake_schema(conn, path)
        except BaseException:
            conn.close()
            raise
        return conn
    path = Path(path)
    if read_only and not path.exists():
        raise WarehouseError(
            f"{path}: no warehouse file here; run the pipeline (or publish) first, or check the path"
        )
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        raise WarehouseError(
            f"{path}: cannot open the warehouse ({exc}). If another process holds the file: consumers open "
            "the published copy (published_path) instead, and the pipeline runs again once the other run ends"
        ) from exc
    try:
        # NOTE: every timestamp is stored as TIMESTAMPTZ; pinning the session zone makes date
        # boundaries (known_on, per-day coverage) the same on every machine.
        conn.execute("SET TimeZone = 'UTC'")
        if migrate and not read_only:
            apply_schema(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def published_path(path: Path) -> Path:
    """Return where the read-only copy of ``path`` is published.

    Args:
        path: the pipeline's warehouse file, e.g. ``data/warehouse.duckdb``.

    Returns:
        ``data/warehouse.read.duckdb`` for ``data/warehouse.duckdb``; a DuckLake location itself (its
        readers attach the live catalog read-only).
    """
    if is_lake(path):
        return path
    path = Path(path)
    return path.with_name(f"{path.stem}.read{path.suffix or '.duckdb'}")


def publish(path: Path, *, conn: duckdb.DuckDBPyConnection | None = None) -> Path:
    """Checkpoint the warehouse and atomically replace its published read-only copy.

    Readers that still hold the old copy open keep their snapshot (``os.replace`` swaps the directory
    entry, not the file they have open); new readers see the new data.

    Args:
        path: the pipeline's warehouse file; the caller must be the only writer.
        conn: the writer's open connection to ``path``, with no transaction open; the file is opened for
            the checkpoint when None.

    Returns:
        The published path.

    Raises:
        WarehouseError: the file is locked by another process.
    """
    if is_lake(path):
        return path  # readers see every commit live; there is no copy to publish
    path = Path(path)
    target = published_path(path)
    # CHECKPOINT folds the WAL into the main file so copying that one file is a complete snapshot.
    if conn is not None:
        conn.execute("CHECKPOINT")
    else:
        own = connect(path)
        try:
            own.execute("CHECKPOINT")
        finally:
            own.close()
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        shutil.copyfile(path, tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target
