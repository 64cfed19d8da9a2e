"""The writer: runs, feed state, coverage, raw pages, batch atomicity and the OS lock."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import textwrap
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from gdwatch.warehouse import (
    BatchCounts,
    CoverageRow,
    LoadBatch,
    RawPage,
    SourceFetch,
    SourceState,
    Warehouse,
    WarehouseBusyError,
    WarehouseError,
    query,
    recent_runs,
)
from tests.warehouse.conftest import T0, make_obs, make_page


def fetch(outcome: str, at_days: int, **kw: object) -> SourceFetch:
    values: dict[str, object] = {
        "source": "chinadaily",
        "url": "https://example.com/feed.xml",
        "fetched_at": T0 + timedelta(days=at_days),
        "outcome": outcome,
        "http_status": {"fetched": 200, "not_modified": 304, "failed": 503}[outcome],
        "etag": None,
        "last_modified": None,
        "body_hash": None,
        "entries_listed": 0,
        "entries_new": 0,
        "error": None,
        "parse_error": None,
    }
    values.update(kw)
    return SourceFetch(**values)  # type: ignore[arg-type]


def test_runs_are_numbered_and_finished(wh: Warehouse, db_path: Path) -> None:
    r1 = wh.start_run(flow="daily", params={"day": date(2026, 1, 10)}, started_at=T0)
    r2 = wh.start_run(flow="backfill", params={"since": "2025-12-01"}, started_at=T0 + timedelta(hours=1))
    wh.finish_run(
        r1,
        ended_at=T0 + timedelta(minutes=5),
        status="partial",
        counts={"new_articles": 3},
        errors=[{"source": "xinhua", "error": "HTTP 503"}],
    )
    assert (r1, r2) == (1, 2)
    runs = recent_runs(db_path)
    assert [(r["run_id"], r["flow"], r["status"], r["params"], r["counts"], r["errors"]) for r in runs] == [
        (2, "backfill", "unfinished", {"since": "2025-12-01"}, None, None),
        (
            1,
            "daily",
            "partial",
            {"day": "2026-01-10"},
            {"new_articles": 3},
            [{"source": "xinhua", "error": "HTTP 503"}],
        ),
    ]
    with pytest.raises(WarehouseError, match="run 1 already finished"):
        wh.finish_run(r1, ended_at=T0, status="completed", counts={}, errors=[])
    with pytest.raises(WarehouseError, match="run 7 was never started"):
        wh.finish_run(7, ended_at=T0, status="completed", counts={}, errors=[])


def test_source_state_follows_the_last_successful_fetch(wh: Warehouse) -> None:
    run = wh.start_run(flow="daily", params={}, started_at=T0)
    assert wh.source_state("chinadaily") is None
    wh.load_batch(
        LoadBatch((), fetch("fetched", 0, etag='"v1"', last_modified="Sat", body_hash="h1")), run_id=run
    )
    wh.load_batch(LoadBatch((), fetch("not_modified", 1)), run_id=run)
    wh.load_batch(LoadBatch((), fetch("failed", 2, error="HTTP 503")), run_id=run)
    assert wh.source_state("chinadaily") == SourceState('"v1"', "Sat", "h1", T0 + timedelta(days=1))
    wh.load_batch(LoadBatch((), fetch("fetched", 3, etag='"v2"', body_hash="h2")), run_id=run)
    assert wh.source_state("chinadaily") == SourceState('"v2"', None, "h2", T0 + timedelta(days=3))
    assert wh.source_state("xinhua") is None


def test_a_batch_without_pages_records_its_fetch_alone(wh: Warehouse, db_path: Path) -> None:
    run = wh.start_run(flow="daily", params={}, started_at=T0)
    pages = (make_page("https://example.com/a", "Text.", observations=(make_obs(9.1e12),)),)
    wh.load_batch(LoadBatch(pages, fetch("fetched", 0, body_hash="h1")), run_id=run)
    tables = [
        name
        for (name,) in query(
            db_path, "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'store' ORDER BY 1"
        )[1]
    ]

    def rows() -> dict[str, int]:
        return {t: query(db_path, f"SELECT count(*) FROM store.{t}")[1][0][0] for t in tables}

    before = rows()
    counts = wh.load_batch(LoadBatch((), fetch("not_modified", 1, body_hash="h1")), run_id=run)
    assert counts == BatchCounts()
    assert rows() == {**before, "source_fetches": before["source_fetches"] + 1}
    assert wh.source_state("chinadaily") == SourceState(None, None, "h1", T0 + timedelta(days=1))
    with pytest.raises(Exception, match="NOT NULL"):
        wh.load_batch(LoadBatch((), fetch("failed", 2, source=None)), run_id=run)
    assert rows() == {**before, "source_fetches": before["source_fetches"] + 1}


def test_an_exception_mid_batch_stores_nothing(wh: Warehouse, db_path: Path) -> None:
    run = wh.start_run(flow="daily", params={}, started_at=T0)
    pages = (make_page("https://example.com/a", "Text.", observations=(make_obs(9.1e12),)),)
    # source=None violates NOT NULL in the last statement of the transaction, after articles are in
    broken = LoadBatch(pages, fetch("fetched", 0, source=None))
    with pytest.raises(Exception, match="NOT NULL"):
        wh.load_batch(broken, run_id=run)
    for table in (
        "raw_pages",
        "page_fetches",
        "article_versions",
        "extractions",
        "observations",
        "source_fetches",
    ):
        assert query(db_path, f"SELECT count(*) FROM store.{table}")[1] == [(0,)], table
    # the same batch with a valid fetch then loads completely
    assert wh.load_batch(LoadBatch(pages, fetch("fetched", 0)), run_id=run).new_articles == 1


def test_an_article_outcome_without_an_article_is_refused(wh: Warehouse) -> None:
    run = wh.start_run(flow="daily", params={}, started_at=T0)
    bad = replace(make_page("https://example.com/a", outcome="no_article", entry_id="e1"), outcome="article")
    with pytest.raises(WarehouseError, match="entry e1: outcome is 'article' but no Article was given"):
        wh.load_batch(LoadBatch((bad,)), run_id=run)


def test_coverage_keeps_the_latest_report_per_source_and_day(wh: Warehouse, db_path: Path) -> None:
    r1 = wh.start_run(flow="daily", params={}, started_at=T0)
    wh.record_coverage([CoverageRow("chinadaily", date(2026, 1, 9), 10, 8, 5)], run_id=r1)
    r2 = wh.start_run(flow="backfill", params={}, started_at=T0)
    wh.record_coverage(
        [
            CoverageRow("chinadaily", date(2026, 1, 9), 12, 12, 7),
            CoverageRow("xinhua", date(2026, 1, 9), 3, 3, 1),
            CoverageRow("xinhua", date(2026, 1, 10), 0, 0, 0),
            CoverageRow("gdtoday", date(2026, 1, 9), 0, 0, 0, error="sitemap gone (HTTP 404)"),
            CoverageRow("gdtoday", date(2026, 1, 10), 2, 2, 2),
        ],
        run_id=r2,
    )
    assert query(db_path, "SELECT * FROM coverage ORDER BY source, day")[1] == [
        ("chinadaily", date(2026, 1, 9), 12, 12, 7, r2, "gap", None),
        ("gdtoday", date(2026, 1, 9), 0, 0, 0, r2, "failed", "sitemap gone (HTTP 404)"),
        ("gdtoday", date(2026, 1, 10), 2, 2, 2, r2, "complete", None),
        ("xinhua", date(2026, 1, 9), 3, 3, 1, r2, "gap", None),
        ("xinhua", date(2026, 1, 10), 0, 0, 0, r2, "quiet", None),
    ]


def test_raw_pages_returns_the_newest_fetch_per_article_in_the_window(wh: Warehouse, db_path: Path) -> None:
    run = wh.start_run(flow="daily", params={}, started_at=T0)
    old = make_page("https://e.com/a", "A1", raw=b"<p>A1</p>", published_at=T0, entry_id="a")
    new = make_page(
        "https://e.com/a",
        "A2",
        raw=b"<p>A2</p>",
        published_at=T0,
        entry_id="a",
        fetched_at=T0 + timedelta(hours=3),
    )
    outside = make_page(
        "https://e.com/b", "B", raw=b"<p>B</p>", published_at=T0 - timedelta(days=5), entry_id="b"
    )
    undated = make_page(
        "https://e.com/c", "C", raw=b"<p>C</p>", published_at=None, entry_id="c", source="xinhua"
    )
    off = make_page("https://e.com/d", raw=b"<p>D</p>", outcome="off_topic", entry_id="d")
    wh.load_batch(LoadBatch((old, outside, undated, off)), run_id=run)
    wh.load_batch(LoadBatch((new,)), run_id=run)
    got = wh.raw_pages(since=date(2026, 1, 10), until=date(2026, 1, 10))
    assert got == [
        RawPage(
            "chinadaily",
            "a",
            "https://e.com/a",
            "https://e.com/a",
            T0 + timedelta(hours=3),
            T0,
            "text/html",
            "utf-8",
            b"<p>A2</p>",
            raw_sha256=hashlib.sha256(b"<p>A2</p>").hexdigest(),
        ),
        RawPage(
            "xinhua",
            "c",
            "https://e.com/c",
            "https://e.com/c",
            T0,
            None,
            "text/html",
            "utf-8",
            b"<p>C</p>",
            raw_sha256=hashlib.sha256(b"<p>C</p>").hexdigest(),  # the stored page's content address
        ),
    ]
    assert [
        p.entry_id
        for p in wh.raw_pages(since=date(2026, 1, 1), until=date(2026, 1, 31), sources=["chinadaily"])
    ] == ["b", "a"]
    # five distinct bodies, stored once each (raw_pages() above decompressed them with zlib)
    assert query(db_path, "SELECT count(*), sum(raw_size) FROM store.raw_pages")[1] == [(5, 42)]


def test_one_warehouse_is_safe_to_share_between_threads(wh: Warehouse, db_path: Path) -> None:
    run = wh.start_run(flow="daily", params={}, started_at=T0)
    sources = [f"source{i}" for i in range(4)]

    def ingest(
        source: str,
    ) -> tuple[SourceState | None, set[str], int, set[str], SourceState | None, list[RawPage]]:
        # every call a flow makes for one source, with no lock of the caller's own
        state = wh.source_state(source)
        seen = wh.seen_entries(source, ["a"])
        # different exact figures, far apart: each batch conflicts with every article loaded before it
        figure = make_obs(9e12 + 1e12 * sources.index(source))
        page = make_page(
            f"https://{source}.example/a", source, source=source, entry_id="a", observations=(figure,)
        )
        counts = wh.load_batch(
            LoadBatch((page,), fetch("fetched", 0, source=source, etag=source)), run_id=run
        )
        wh.record_coverage([CoverageRow(source, date(2026, 1, 10), 1, 1, 1)], run_id=run)
        pages = wh.raw_pages(since=date(2026, 1, 1), until=date(2026, 1, 31), sources=[source])
        return (
            state,
            seen,
            counts.new_articles,
            wh.seen_entries(source, ["a"]),
            wh.source_state(source),
            pages,
        )

    with ThreadPoolExecutor(max_workers=len(sources)) as pool:
        results = dict(zip(sources, pool.map(ingest, sources), strict=True))
    for source, (state, seen, new_articles, seen_after, state_after, pages) in results.items():
        assert (state, seen, new_articles, seen_after) == (None, set(), 1, {"a"})
        assert state_after == SourceState(source, None, None, T0)
        assert [p.entry_url for p in pages] == [f"https://{source}.example/a"]
    events = query(db_path, "SELECT event_id, event FROM store.conflict_events ORDER BY event_id")[1]
    pairs = len(sources) * (len(sources) - 1) // 2
    assert events == [(i, "opened") for i in range(1, pairs + 1)]
    assert query(db_path, "SELECT count(*), sum(stored) FROM coverage")[1] == [(len(sources), len(sources))]


def test_a_second_writer_is_refused_with_the_holder_pid(db_path: Path) -> None:
    with (
        Warehouse(db_path),
        pytest.raises(WarehouseBusyError, match=rf"being written by process {os.getpid()}"),
    ):
        Warehouse(db_path)
    with Warehouse(db_path) as again:  # released on close
        assert again.start_run(flow="daily", params={}, started_at=T0) == 1


def test_a_second_writer_waits_for_the_first(db_path: Path) -> None:
    first = Warehouse(db_path)
    timer = threading.Timer(0.3, first.close)
    timer.start()
    started = time.monotonic()
    with Warehouse(db_path, wait_s=10) as second:
        waited = time.monotonic() - started
        assert second.start_run(flow="daily", params={}, started_at=T0) == 1
    timer.join()
    assert 0.25 <= waited < 5


_HOLD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from gdwatch.warehouse import Warehouse
    with Warehouse(Path(sys.argv[1])):
        print("locked", flush=True)
        time.sleep(float(sys.argv[2]))
    """
)


def test_another_process_holding_the_lock_blocks_a_writer(db_path: Path) -> None:
    Warehouse(db_path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(db_path), "1.5"], stdout=subprocess.PIPE, text=True, cwd=Path.cwd()
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(WarehouseBusyError, match=rf"process {holder.pid}"):
            Warehouse(db_path)
        with Warehouse(db_path, wait_s=15) as w:  # waits for the other process to exit
            assert w.start_run(flow="daily", params={}, started_at=T0) == 1
    finally:
        holder.wait(timeout=20)
    assert holder.returncode == 0


def _table_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table in the warehouse's store schema, sorted."""
    _, tables = query(path, "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'store' ORDER BY 1")
    return {name: sorted(query(path, f"SELECT * FROM store.{name}")[1], key=repr) for (name,) in tables}


def test_a_held_file_stores_the_rows_a_file_opened_per_call_stores(tmp_path: Path) -> None:
    text = "Guangdong's foreign trade reached 9.1 trillion yuan in 2025, customs data showed."
    first = (
        make_page("https://a.example/1", text, observations=(make_obs(9.1e12),)),
        make_page("https://b.example/1", "Wire: " + text, observations=(make_obs(9.1e12),)),
        make_page("https://c.example/1", "Other.", observations=(make_obs(9.6e12, resolution=1e10),)),
    )
    revised = (
        make_page(
            "https://a.example/1",
            text + " Revised.",
            observations=(make_obs(9.6e12, resolution=1e10),),
            fetched_at=T0 + timedelta(days=1),
        ),
    )
    stored = []
    for hold in (False, True):
        path = tmp_path / f"hold-{hold}.duckdb"
        with Warehouse(path, hold_file=hold) as wh:
            run = wh.start_run(flow="daily", params={}, started_at=T0)
            counts = [wh.load_batch(LoadBatch(batch), run_id=run) for batch in (first, first, revised)]
            wh.record_coverage([CoverageRow("chinadaily", date(2026, 1, 10), 3, 3, 3)], run_id=run)
            assert wh.seen_entries("chinadaily", ["https://c.example/1", "x"]) == {"https://c.example/1"}
            published = wh.publish()
        stored.append((counts, _table_rows(published), _table_rows(path)))
    assert stored[0] == stored[1]
    counts, tables, _ = stored[1]
    assert [c.new_conflicts for c in counts] == [2, 0, 1]  # the reload adds nothing; the revision one
    assert len(tables["article_versions"]) == 4


_KILLED_WHILE_HOLDING = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from gdwatch.warehouse import LoadBatch, Warehouse
    from tests.warehouse.conftest import T0, make_obs, make_page
    wh = Warehouse(Path(sys.argv[1]), hold_file=True)
    run = wh.start_run(flow="daily", params={}, started_at=T0)
    page = make_page("https://a.example/1", "Text.", observations=(make_obs(9.1e12),))
    wh.load_batch(LoadBatch((page,)), run_id=run)
    os.kill(os.getpid(), signal.SIGKILL)  # no close, no checkpoint: the batch is only in the log
    """
)


def test_a_writer_killed_while_holding_the_file_keeps_its_committed_batches(db_path: Path) -> None:
    killed = subprocess.run(
        [sys.executable, "-c", _KILLED_WHILE_HOLDING, str(db_path)], cwd=Path.cwd(), check=False, timeout=120
    )
    assert killed.returncode == -9
    with Warehouse(db_path) as wh:  # the lock died with the process; opening replays the log
        assert wh.start_run(flow="daily", params={}, started_at=T0) == 2
    assert query(db_path, "SELECT count(*) FROM store.observations")[1] == [(1,)]


@pytest.mark.parametrize("hold_file", [True, False])
def test_writer_file_connections_use_one_thread(tmp_path: Path, hold_file: bool) -> None:
    """The writer's DuckDB-file connections run with ``FILE_THREADS`` threads (docs/benchmarks.md, "One
    thread for the writer"), whether it holds the file or opens it per call."""
    with Warehouse(tmp_path / "w.duckdb", hold_file=hold_file) as wh, wh._conn() as conn:
        row = conn.execute("SELECT current_setting('threads')").fetchone()
    assert row is not None
    assert int(row[0]) == Warehouse.FILE_THREADS == 1
