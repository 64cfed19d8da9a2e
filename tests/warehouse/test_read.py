"""The read side: as-of queries, refusing writes, publishing a copy consumers read in another process."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from gdwatch.warehouse import (
    PUBLIC_VIEWS,
    LoadBatch,
    Warehouse,
    WarehouseError,
    connect,
    publish,
    published_path,
    query,
)
from tests.warehouse.conftest import T0, make_obs, make_page

A = "https://chinadaily.example/a"
B = "https://xinhua.example/b"


def snapshot(path: Path, **as_of: object) -> dict[str, list[tuple]]:
    """Every public view's rows, sorted, as the warehouse was (or is)."""
    return {view: sorted(query(path, f"SELECT * FROM {view}", **as_of)[1], key=repr) for view in PUBLIC_VIEWS}  # type: ignore[arg-type]


def two_runs(wh: Warehouse) -> None:
    r1 = wh.start_run(flow="daily", params={}, started_at=T0)
    wh.load_batch(LoadBatch((make_page(A, "v1", observations=(make_obs(9.1e12),)),)), run_id=r1)
    wh.finish_run(r1, ended_at=T0 + timedelta(minutes=1), status="completed", counts={}, errors=[])
    later = T0 + timedelta(days=1)
    r2 = wh.start_run(flow="daily", params={}, started_at=later)
    pages = (
        make_page(A, "v2", observations=(make_obs(9.2e12),), fetched_at=later),
        make_page(B, "b", observations=(make_obs(9.49e12),), fetched_at=later),
    )
    wh.load_batch(LoadBatch(pages), run_id=r2)
    wh.finish_run(r2, ended_at=later + timedelta(minutes=1), status="completed", counts={}, errors=[])


def test_as_of_run_reproduces_the_state_after_that_run(wh: Warehouse, db_path: Path) -> None:
    r1 = wh.start_run(flow="daily", params={}, started_at=T0)
    wh.load_batch(LoadBatch((make_page(A, "v1", observations=(make_obs(9.1e12),)),)), run_id=r1)
    wh.finish_run(r1, ended_at=T0 + timedelta(minutes=1), status="completed", counts={}, errors=[])
    after_run1 = snapshot(db_path)
    later = T0 + timedelta(days=1)
    r2 = wh.start_run(flow="daily", params={}, started_at=later)
    pages = (
        make_page(A, "v2", observations=(make_obs(9.2e12),), fetched_at=later),
        make_page(B, "b", observations=(make_obs(9.49e12),), fetched_at=later),
    )
    wh.load_batch(LoadBatch(pages), run_id=r2)
    wh.finish_run(r2, ended_at=later + timedelta(minutes=1), status="completed", counts={}, errors=[])

    now = snapshot(db_path)
    assert now != after_run1
    assert snapshot(db_path, as_of_run=r1) == after_run1
    assert snapshot(db_path, known_on=date(2026, 1, 10)) == after_run1
    assert snapshot(db_path, known_on=date(2026, 1, 11)) == now
    assert query(db_path, f"SELECT version, text FROM articles WHERE url = '{A}'", as_of_run=r1)[1] == [
        (1, "v1")
    ]
    assert query(db_path, "SELECT count(*) FROM conflicts", as_of_run=r1)[1] == [(0,)]
    assert query(db_path, "SELECT count(*) FROM conflicts")[1] == [(1,)]
    assert snapshot(db_path, known_on=date(2026, 1, 9)) == {view: [] for view in PUBLIC_VIEWS}


def test_the_session_variable_is_the_as_of_mechanism(wh: Warehouse, db_path: Path) -> None:
    two_runs(wh)
    conn = connect(db_path, read_only=True)
    try:
        conn.execute("SET VARIABLE as_of_run = 1")
        assert conn.execute("SELECT url, version FROM articles").fetchall() == [(A, 1)]
        conn.execute("RESET VARIABLE as_of_run")
        assert conn.execute("SELECT url, version FROM articles ORDER BY url").fetchall() == [(A, 2), (B, 1)]
    finally:
        conn.close()


@pytest.mark.parametrize(
    "sql",
    [
        "INSERT INTO store.run_started VALUES (9, 'x', NULL, now())",
        "CREATE TEMP TABLE t AS SELECT 1",
        "SELECT 1; SELECT 2",
        "COPY (SELECT 1) TO 'out.csv'",
        "ATTACH 'other.duckdb'",
    ],
)
def test_query_refuses_anything_but_one_select(wh: Warehouse, db_path: Path, sql: str) -> None:
    with pytest.raises(WarehouseError, match="query\\(\\) runs exactly one SELECT statement"):
        query(db_path, sql)


def test_query_cannot_read_or_write_other_files(wh: Warehouse, db_path: Path, tmp_path: Path) -> None:
    (tmp_path / "x.csv").write_text("a\n1\n")
    with pytest.raises(WarehouseError, match="file system operations are disabled"):
        query(db_path, f"SELECT * FROM read_csv('{tmp_path / 'x.csv'}')")


def test_published_path_sits_beside_the_warehouse() -> None:
    assert published_path(Path("data/warehouse.duckdb")) == Path("data/warehouse.read.duckdb")


_READER = textwrap.dedent(
    """
    import sys, duckdb
    conn = duckdb.connect(sys.argv[1], read_only=True)
    print(conn.execute("SELECT count(*) FROM articles").fetchone()[0], flush=True)
    sys.stdin.readline()  # keep the old copy open while the writer publishes again
    print(conn.execute("SELECT count(*) FROM articles").fetchone()[0], flush=True)
    conn.close()
    new = duckdb.connect(sys.argv[1], read_only=True)
    print(new.execute("SELECT count(*) FROM articles").fetchone()[0], flush=True)
    """
)


def test_a_consumer_reads_the_published_copy_while_the_writer_loads(db_path: Path) -> None:
    with Warehouse(db_path) as wh:
        run = wh.start_run(flow="daily", params={}, started_at=T0)
        wh.load_batch(LoadBatch((make_page(A, "a"),)), run_id=run)
        published = wh.publish()
        inode_before = os.stat(published).st_ino
        consumer = subprocess.Popen(
            [sys.executable, "-c", _READER, str(published)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert consumer.stdin is not None and consumer.stdout is not None
        try:
            assert consumer.stdout.readline().strip() == "1"
            # the writer keeps loading and publishing while the consumer holds the old copy open
            wh.load_batch(LoadBatch((make_page(B, "b"),)), run_id=run)
            assert wh.publish() == published
            consumer.stdin.write("\n")
            consumer.stdin.flush()
            assert consumer.stdout.readline().strip() == "1"  # its snapshot did not change under it
            assert consumer.stdout.readline().strip() == "2"  # a new open sees the new data
        finally:
            consumer.wait(timeout=30)
        assert consumer.returncode == 0
        assert os.stat(published).st_ino != inode_before  # replaced, not rewritten in place
        assert query(published, "SELECT url FROM articles ORDER BY url")[1] == [(A,), (B,)]


def test_publish_leaves_no_temporary_files_and_needs_no_writer(db_path: Path) -> None:
    with Warehouse(db_path) as wh:
        run = wh.start_run(flow="daily", params={}, started_at=T0)
        wh.load_batch(LoadBatch((make_page(A, "a"),)), run_id=run)
    target = publish(db_path)
    assert sorted(p.name for p in db_path.parent.iterdir()) == [
        "warehouse.duckdb",
        "warehouse.duckdb.lock",
        "warehouse.read.duckdb",
    ]
    with pytest.raises(duckdb.Error):
        duckdb.connect(str(target), read_only=True).execute(
            "INSERT INTO store.run_started VALUES (2, 'x', NULL, now())"
        )
    assert query(target, "SELECT count(*) FROM articles")[1] == [(1,)]


def test_the_live_file_is_locked_while_a_connection_writes(db_path: Path) -> None:
    conn = connect(db_path)
    try:
        probe = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys, duckdb; duckdb.connect(sys.argv[1], read_only=True)",
                str(db_path),
            ],
            capture_output=True,
            text=True,
        )
    finally:
        conn.close()
    # why consumers must use the published copy: DuckDB refuses even read-only openers of a written file
    assert probe.returncode != 0 and "lock" in probe.stderr.lower()


def test_reading_a_missing_file_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(WarehouseError, match="no warehouse file here; run the pipeline"):
        query(tmp_path / "nope.duckdb", "SELECT 1")


def test_known_on_uses_utc_days(wh: Warehouse, db_path: Path) -> None:
    late = datetime(2026, 1, 10, 23, 30, tzinfo=UTC)
    run = wh.start_run(flow="daily", params={}, started_at=late)
    wh.load_batch(LoadBatch((make_page(A, "a", fetched_at=late),)), run_id=run)
    assert query(db_path, "SELECT count(*) FROM articles", known_on=date(2026, 1, 10))[1] == [(1,)]
    assert query(db_path, "SELECT count(*) FROM articles", known_on=date(2026, 1, 9))[1] == [(0,)]
    with pytest.raises(WarehouseError, match="not both"):
        query(db_path, "SELECT 1", as_of_run=1, known_on=date(2026, 1, 9))
