"""Schema upkeep: numbered SQL migrations (each applied once, in one transaction with its schema_version
row), then the views re-created from warehouse/views on every migrate."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources

import duckdb

from gdwatch.warehouse.errors import MigrationError
from gdwatch.warehouse.sql import read_sql
from gdwatch.warehouse.views import ViewFile, create_views, load_views

_FILENAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True)
class Migration:
    """One numbered migration file."""

    version: int
    name: str
    """File name, e.g. ``0001_create_runs.sql``."""
    sql: str

    @property
    def sha256(self) -> str:
        """Checksum recorded when applied; a later edit of an applied file is refused."""
        return hashlib.sha256(self.sql.encode("utf-8")).hexdigest()


def load_migrations(package: str = "gdwatch.warehouse.migrations") -> list[Migration]:
    """Read the ``NNNN_verb_object.sql`` files shipped in ``package``, ordered by number.

    Args:
        package: importable package holding the files.

    Returns:
        The migrations in ascending version order.

    Raises:
        MigrationError: two files share a number.
    """
    found: dict[int, Migration] = {}
    for entry in resources.files(package).iterdir():
        match = _FILENAME.match(entry.name)
        if not match:
            continue
        version = int(match.group(1))
        if version in found:
            raise MigrationError(
                entry.name,
                f"number {version:04d} is also used by {found[version].name}; renumber one of them",
            )
        found[version] = Migration(version, entry.name, entry.read_text(encoding="utf-8"))
    return [found[v] for v in sorted(found)]


def apply_migrations(
    conn: duckdb.DuckDBPyConnection, migrations: Sequence[Migration] | None = None
) -> list[str]:
    """Apply the migrations not yet recorded in ``schema_version``.

    Args:
        conn: a read-write connection with no open transaction.
        migrations: the migrations to apply (default: the files shipped in ``warehouse.migrations``).

    Returns:
        Names of the files applied now (empty when the schema was up to date).

    Raises:
        MigrationError: an applied file's checksum changed, or a file failed (its changes and record
            are rolled back).
    """
    todo = load_migrations() if migrations is None else list(migrations)
    conn.execute(read_sql("create_schema_version"))
    applied = {
        version: (name, sha)
        for version, name, sha in conn.execute(read_sql("select_schema_versions")).fetchall()
    }
    for migration in todo:
        recorded = applied.get(migration.version)
        if recorded is not None and recorded[1] != migration.sha256:
            raise MigrationError(
                migration.name,
                f"the file changed after it was applied as {recorded[0]} (sha256 {recorded[1][:12]}...); "
                "restore the original file and put the change in a new numbered migration",
            )
    newly_applied: list[str] = []
    for migration in todo:
        if migration.version in applied:
            continue
        conn.execute("BEGIN TRANSACTION")
        try:
            conn.execute(migration.sql)
            conn.execute(
                read_sql("insert_schema_version"),
                {
                    "version": migration.version,
                    "name": migration.name,
                    "sha256": migration.sha256,
                    "applied_at": datetime.now(UTC),
                },
            )
            conn.execute("COMMIT")
        except duckdb.Error as exc:
            conn.execute("ROLLBACK")
            raise MigrationError(
                migration.name, f"failed and was rolled back ({exc}); fix the file and run again"
            ) from exc
        newly_applied.append(migration.name)
    return newly_applied


def apply_schema(
    conn: duckdb.DuckDBPyConnection,
    migrations: Sequence[Migration] | None = None,
    views: Sequence[ViewFile] | None = None,
) -> list[str]:
    """Bring the schema up to date: the pending numbered migrations, then every view and rule macro.

    The tables and scalar macros change only through numbered migrations; the views are re-created from
    their files (``CREATE OR REPLACE``, which changes no data) when a migration was applied or a view file
    changed since they were last created (``view_versions`` holds the checksum of the set): re-creating
    them costs about 0.2 s, which every command that opens the warehouse for writing would pay.

    Args:
        conn: a read-write connection with no open transaction.
        migrations: the numbered migrations (default: the files shipped in ``warehouse.migrations``).
        views: the view files in creation order (default: those shipped in ``warehouse.views``).

    Returns:
        Names of the migration files applied now (empty when the tables were up to date).

    Raises:
        MigrationError: a migration or a view file failed, or an applied migration file was edited.
    """
    applied = apply_migrations(conn, migrations)
    _create_views_if_changed(conn, views, force=bool(applied))
    return applied


def _create_views_if_changed(
    conn: duckdb.DuckDBPyConnection, views: Sequence[ViewFile] | None, *, force: bool
) -> None:
    """Re-create the views when ``force`` or when the view files differ from those last created."""
    todo = load_views() if views is None else list(views)
    digest = hashlib.sha256("\n".join(f"{v.name}\n{v.sql}" for v in todo).encode("utf-8")).hexdigest()
    conn.execute(read_sql("create_view_versions"))
    row = conn.execute(read_sql("select_view_version")).fetchone()
    if force or row is None or row[0] != digest:
        create_views(conn, todo)
        conn.execute(read_sql("insert_view_version"), {"sha256": digest, "applied_at": datetime.now(UTC)})


def apply_lake_schema(
    conn: duckdb.DuckDBPyConnection,
    location: object,
    migrations: Sequence[Migration] | None = None,
    views: Sequence[ViewFile] | None = None,
) -> list[str]:
    """:func:`apply_schema` for a DuckLake catalog, safe when several writers open it at once.

    With a PostgreSQL catalog the catalog's advisory lock is held meanwhile, so only one writer migrates.
    As for a DuckDB file, the views are re-created only when a view file changed: every DDL statement is
    a DuckLake snapshot, and re-creating them on each open would make concurrent writers' commits
    conflict for nothing.

    Args:
        conn: a session on the attached catalog (``warehouse.lake.open_lake``).
        location: the ``ducklake:`` location (its catalog names the lock).
        migrations: as for :func:`apply_schema`.
        views: as for :func:`apply_schema`.

    Returns:
        Names of the migration files applied now.
    """
    from gdwatch.warehouse.lake import CatalogLock, LakeTarget

    target = LakeTarget.parse(str(location))
    lock = CatalogLock(target) if target.kind == "postgres" else None
    try:
        if lock is not None:
            lock.wait()
        applied = apply_migrations(conn, migrations)
        _create_views_if_changed(conn, views, force=bool(applied))
        return applied
    finally:
        if lock is not None:
            lock.close()
