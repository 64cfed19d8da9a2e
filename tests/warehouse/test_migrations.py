"""Migrations: applied once, atomically with their ledger row, and never silently edited."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from gdwatch.warehouse import MigrationError, connect
from gdwatch.warehouse.migrate import Migration, apply_migrations, load_migrations

SHIPPED = [
    "0001_create_runs.sql",
    "0002_create_fetch_log.sql",
    "0003_create_article_versions.sql",
    "0004_create_observations.sql",
    "0005_create_conflict_events.sql",
    "0006_create_coverage_reports.sql",
    "0007_create_figure_macros.sql",
    "0008_create_public_views.sql",
    "0009_drop_public_views.sql",
    "0010_create_as_of_run_macro.sql",
    "0011_add_topic_keys.sql",
    "0012_add_error_to_coverage_reports.sql",
    "0013_add_page_validators.sql",
    "0014_add_figure_context.sql",
    "0015_create_disagreement_tables.sql",
    "0016_add_observation_revises.sql",
    "0017_create_figure_checks.sql",
    "0018_add_figure_check_batches.sql",
]


def test_shipped_migrations_are_numbered_files_with_a_header_comment() -> None:
    migrations = load_migrations()
    assert [m.name for m in migrations] == SHIPPED
    assert [m.version for m in migrations] == list(range(1, len(SHIPPED) + 1))
    assert all(m.sql.startswith("-- ") for m in migrations)


def test_connect_applies_all_migrations_once(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    conn = connect(path)
    first = conn.execute(
        "SELECT version, name, sha256, applied_at FROM schema_version ORDER BY version"
    ).fetchall()
    assert apply_migrations(conn) == []
    conn.close()
    conn = connect(path)
    second = conn.execute(
        "SELECT version, name, sha256, applied_at FROM schema_version ORDER BY version"
    ).fetchall()
    conn.close()
    assert [(v, n) for v, n, _, _ in first] == list(enumerate(SHIPPED, start=1))
    assert second == first


def test_a_failing_migration_leaves_no_trace(tmp_path: Path) -> None:
    conn = duckdb.connect(str(tmp_path / "w.duckdb"))
    good = Migration(1, "0001_create_a.sql", "-- a\nCREATE TABLE a (x INTEGER);")
    bad = Migration(2, "0002_create_b.sql", "-- b\nCREATE TABLE b (x INTEGER);\nSELECT * FROM no_such_table;")
    with pytest.raises(MigrationError, match=r"0002_create_b.sql: failed and was rolled back"):
        apply_migrations(conn, [good, bad])
    assert conn.execute("SELECT version, name FROM schema_version").fetchall() == [(1, "0001_create_a.sql")]
    tables = conn.execute("SELECT table_name FROM duckdb_tables() ORDER BY table_name").fetchall()
    assert tables == [("a",), ("schema_version",)]
    # once fixed, it applies
    fixed = Migration(2, "0002_create_b.sql", "-- b\nCREATE TABLE b (x INTEGER);")
    assert apply_migrations(conn, [good, fixed]) == ["0002_create_b.sql"]


def test_an_edited_applied_migration_is_refused(tmp_path: Path) -> None:
    conn = duckdb.connect(str(tmp_path / "w.duckdb"))
    apply_migrations(conn, [Migration(1, "0001_create_a.sql", "-- a\nCREATE TABLE a (x INTEGER);")])
    edited = Migration(1, "0001_create_a.sql", "-- a\nCREATE TABLE a (x BIGINT);")
    later = Migration(2, "0002_create_b.sql", "-- b\nCREATE TABLE b (x INTEGER);")
    with pytest.raises(MigrationError, match=r"0001_create_a.sql: the file changed after it was applied"):
        apply_migrations(conn, [edited, later])
    # nothing after the refused check ran
    assert conn.execute("SELECT name FROM schema_version").fetchall() == [("0001_create_a.sql",)]


def test_duplicate_migration_numbers_are_refused(tmp_path: Path) -> None:
    package = tmp_path / "dupmigrations"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "0001_create_a.sql").write_text("-- a\nCREATE TABLE a (x INTEGER);")
    (package / "0001_create_b.sql").write_text("-- b\nCREATE TABLE b (x INTEGER);")
    import sys

    sys.path.insert(0, str(tmp_path))
    try:
        with pytest.raises(MigrationError, match=r"number 0001 is also used by"):
            load_migrations("dupmigrations")
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("dupmigrations", None)
