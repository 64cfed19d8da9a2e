"""Views as files: re-created on every migrate, in dependency order, atomically, without touching data."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from gdwatch.warehouse import PUBLIC_VIEWS, LoadBatch, MigrationError, Warehouse, connect
from gdwatch.warehouse.migrate import apply_migrations, apply_schema, load_migrations
from gdwatch.warehouse.views import create_views, load_views
from tests.warehouse.conftest import T0, make_obs, make_page

MIGRATED_MACROS = [  # the scalar macros of the numbered migrations (0007, 0010, 0014, 0016)
    "figure_low",
    "figure_high",
    "figures_compatible",
    "relative_difference",
    "as_of_run",
    "period_start_of",
    "period_end_of",
    "says_revises",
]
SHIPPED_VIEWS = Path(__file__).resolve().parents[2] / "warehouse" / "views"


@pytest.fixture
def views_dir(tmp_path: Path) -> Iterator[Path]:
    """An importable copy of the shipped view files (``import editedviews``), to edit in a test."""
    package = tmp_path / "editedviews"
    shutil.copytree(SHIPPED_VIEWS, package, ignore=shutil.ignore_patterns("__pycache__"))
    sys.path.insert(0, str(tmp_path))
    try:
        yield package
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("editedviews", None)


def view_sql(conn: duckdb.DuckDBPyConnection, name: str) -> str:
    row = conn.execute("SELECT sql FROM duckdb_views() WHERE view_name = ?", [name]).fetchone()
    assert row is not None, name
    return str(row[0])


def everything(conn: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    """Every stored table and every public view, sorted."""
    tables = [
        f"store.{name}"
        for (name,) in conn.execute(
            "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'store' ORDER BY table_name"
        ).fetchall()
    ]
    return {
        name: sorted(conn.execute(f"SELECT * FROM {name}").fetchall(), key=repr)
        for name in [*tables, *PUBLIC_VIEWS]
    }


def test_the_creation_order_puts_every_macro_before_its_callers() -> None:
    views = load_views()
    assert sorted(v.name for v in views) == sorted(
        [
            *PUBLIC_VIEWS,
            "current_extraction",
            "latest_version",
            "open_conflict",
            "latest_snapshot",
            "disagreement_pair",
        ]
    )
    for index, view in enumerate(views):
        assert [later.name for later in views[index + 1 :] if view.calls(later)] == [], view.name
    position = {view.name: index for index, view in enumerate(views)}
    assert position["latest_version"] < position["articles"] < position["observations"]
    assert position["current_extraction"] < position["observations"] < position["metric_timeline"]
    assert position["current_extraction"] < position["revisions"]
    assert position["open_conflict"] < position["conflicts"] < position["metric_timeline"]


def test_migrating_twice_changes_no_data(db_path: Path) -> None:
    with Warehouse(db_path) as wh:
        run = wh.start_run(flow="daily", params={}, started_at=T0)
        pages = (
            make_page("https://a.example/1", "a", observations=(make_obs(9.1e12),)),
            make_page("https://b.example/1", "b", observations=(make_obs(9.6e12),)),
        )
        assert wh.load_batch(LoadBatch(pages), run_id=run).new_conflicts == 1
    conn = connect(db_path)
    try:
        before = everything(conn)
        definitions = {name: view_sql(conn, name) for name in PUBLIC_VIEWS}
        assert apply_schema(conn) == []
        assert apply_schema(conn) == []
        assert everything(conn) == before
        assert {name: view_sql(conn, name) for name in PUBLIC_VIEWS} == definitions
    finally:
        conn.close()
    assert len(before["conflicts"]) == 1


def test_a_changed_view_file_is_recreated_by_the_next_migrate(db_path: Path, views_dir: Path) -> None:
    connect(db_path).close()
    coverage = views_dir / "coverage.sql"
    coverage.write_text(
        coverage.read_text().replace("SELECT source, day,", "SELECT 'edited' AS note, source, day,")
    )
    conn = connect(db_path)
    try:
        assert "note" not in [d[0] for d in conn.execute("SELECT * FROM coverage").description]
        apply_schema(conn, views=load_views("editedviews"))
        assert [d[0] for d in conn.execute("SELECT * FROM coverage").description][:2] == ["note", "source"]
        assert conn.execute("SELECT count(*) FROM coverage_as_of(as_of_run())").fetchone() == (0,)
        apply_schema(conn)  # the shipped file again
        assert "note" not in [d[0] for d in conn.execute("SELECT * FROM coverage").description]
    finally:
        conn.close()


def test_unchanged_view_files_are_not_recreated_on_open(db_path: Path, views_dir: Path) -> None:
    # re-creating every view costs about 0.2 s, paid by every command that opens the warehouse to write
    connect(db_path).close()
    connect(db_path).close()
    conn = connect(db_path)
    try:
        assert conn.execute("SELECT count(*) FROM view_versions").fetchone() == (1,)
        apply_schema(conn, views=load_views("editedviews"))  # the same files under another package
        assert conn.execute("SELECT count(*) FROM view_versions").fetchone() == (1,)
        coverage = views_dir / "coverage.sql"
        coverage.write_text(coverage.read_text() + "\n-- edited\n")
        apply_schema(conn, views=load_views("editedviews"))
        assert conn.execute("SELECT count(*) FROM view_versions").fetchone() == (2,)
    finally:
        conn.close()


def test_a_failing_view_file_leaves_every_view_as_it_was(db_path: Path, views_dir: Path) -> None:
    connect(db_path).close()
    (views_dir / "runs.sql").write_text(
        "-- Grain: broken.\nCREATE OR REPLACE MACRO runs_as_of(max_run) AS TABLE SELECT nope FROM nowhere;\n"
    )
    (views_dir / "article_versions.sql").write_text(
        "-- Grain: edited.\n"
        "CREATE OR REPLACE MACRO article_versions_as_of(max_run) AS TABLE SELECT 1 AS one;\n"
        "CREATE OR REPLACE VIEW article_versions AS FROM article_versions_as_of(as_of_run());\n"
    )
    conn = connect(db_path)
    try:
        definitions = {name: view_sql(conn, name) for name in PUBLIC_VIEWS}
        edited = [view.name for view in load_views("editedviews")]
        assert edited.index("article_versions") < edited.index("runs")  # replaced before the failure
        with pytest.raises(MigrationError, match=r"views/runs.sql: failed and was rolled back"):
            create_views(conn, load_views("editedviews"))
        assert {name: view_sql(conn, name) for name in PUBLIC_VIEWS} == definitions
        assert "version" in [d[0] for d in conn.execute("SELECT * FROM article_versions").description]
    finally:
        conn.close()


def test_view_files_calling_each_other_in_a_cycle_are_refused(views_dir: Path) -> None:
    runs = views_dir / "runs.sql"
    runs.write_text(
        runs.read_text().replace(
            "FROM store.run_started AS s", "FROM store.run_started AS s, coverage_as_of(1)"
        )
    )
    coverage = views_dir / "coverage.sql"
    coverage.write_text(
        coverage.read_text().replace(
            "FROM store.coverage_reports", "FROM store.coverage_reports, runs_as_of(1)"
        )
    )
    with pytest.raises(
        MigrationError,
        match=r"views/coverage.sql: cannot order coverage, runs: some of them call each other in a cycle",
    ):
        load_views("editedviews")


def test_a_warehouse_migrated_before_views_were_files_is_upgraded(db_path: Path) -> None:
    old = [m for m in load_migrations() if m.version <= 8]
    db_path.parent.mkdir(parents=True)
    conn = duckdb.connect(str(db_path))
    try:
        apply_migrations(conn, old)
        conn.execute("INSERT INTO store.run_started VALUES (1, 'daily', NULL, ?)", [T0])
        assert conn.execute("SELECT run_id, status FROM runs").fetchall() == [(1, "unfinished")]
    finally:
        conn.close()
    conn = connect(db_path)
    try:
        assert conn.execute("SELECT run_id, status FROM runs").fetchall() == [(1, "unfinished")]
        views = conn.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()
        assert sorted(name for (name,) in views) == sorted(PUBLIC_VIEWS)
        macros = conn.execute(
            "SELECT DISTINCT function_name FROM duckdb_functions() "
            "WHERE function_type IN ('macro', 'table_macro') AND NOT internal"
        ).fetchall()
        from_views = [macro for view in load_views() for macro in view.macros]
        assert sorted(name for (name,) in macros) == sorted([*from_views, *MIGRATED_MACROS])
    finally:
        conn.close()
