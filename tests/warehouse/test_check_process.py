"""The check of a held file in a short-lived process of its own: the rows of the check in the run's process,
one line when it fails, and what it did not check left queued for the next check."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb
import pytest

from gdwatch.warehouse import LoadBatch, Warehouse, WarehouseError, query
from gdwatch.warehouse import writer as writer_module
from gdwatch.warehouse.check_process import _cause
from gdwatch.warehouse.load import check_pending
from tests.warehouse.conftest import T0
from tests.warehouse.test_deferred_checks import _runs, _state

_PACKAGED_SETTINGS = Path(__file__).resolve().parents[2] / "config" / "gdwatch.toml"


def _load(path: Path, *, own_process: bool, config_dir: Path | None = None) -> tuple[Path, list[int]]:
    """The three runs with their checks deferred, a check after every batch that leaves ten articles queued
    and at each run's end; the published copy and each run's new conflicts."""
    opened = []
    with Warehouse(path, hold_file=True, defer_checks=True, config_dir=config_dir) as wh:
        wh.CHECK_IN_OWN_PROCESS = own_process
        wh.CHECK_AFTER_ARTICLES = 10
        wh.CHECK_SLICE_ARTICLES = 7
        for batches in _runs():
            run = wh.start_run(flow="daily", params={}, started_at=T0)
            counts = [wh.load_batch(LoadBatch(batch), run_id=run) for batch in batches]
            opened.append(sum(c.new_conflicts for c in counts) + wh.check_pending(run_id=run))
        return wh.publish(), opened


def _checked_here(conn: duckdb.DuckDBPyConnection, **kwargs: Any) -> int:
    """``check_pending`` that fails when it checks anything in this process (it may find the queue empty)."""
    count = "SELECT count(*) FROM store.figure_checks"
    (before,) = conn.execute(count).fetchone() or (0,)
    opened = check_pending(conn, **kwargs)
    assert conn.execute(count).fetchone() == (before,), "the check ran in the run's process"
    return opened


def test_a_check_in_its_own_process_stores_what_a_check_here_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    here, opened_here = _load(tmp_path / "here.duckdb", own_process=False)
    monkeypatch.setattr(writer_module, "check_pending", _checked_here)  # the process imports its own
    own, opened_own = _load(tmp_path / "own.duckdb", own_process=True)
    expected, got = _state(here), _state(own)
    assert got.keys() == expected.keys()
    assert [name for name in expected if got[name] != expected[name]] == []
    assert opened_own == opened_here and sum(opened_here) > 0
    # the whole history too: the same checks in the same order number their events and snapshots alike
    for table in ("conflict_events", "cluster_snapshots", "cluster_members"):
        rows = f"SELECT * FROM store.{table}"
        assert sorted(query(own, rows)[1], key=repr) == sorted(query(here, rows)[1], key=repr), table
    checks = "SELECT event, run_id, count(*) FROM store.figure_checks GROUP BY ALL ORDER BY ALL"
    assert query(own, checks)[1] == query(here, checks)[1]


def test_a_failed_check_process_says_why_in_one_line_and_leaves_the_queue_to_the_next_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config_dir = tmp_path / "config"
    config_dir.mkdir()
    settings = config_dir / "gdwatch.toml"
    settings.write_text("[conflicts]\nnear_copy_similarity = 7\n")  # read by the check alone
    path = tmp_path / "w.duckdb"
    monkeypatch.setattr(writer_module, "check_pending", _checked_here)
    with Warehouse(path, hold_file=True, defer_checks=True, config_dir=config_dir) as wh:
        run = wh.start_run(flow="daily", params={}, started_at=T0)
        for batch in _runs()[0]:
            wh.load_batch(LoadBatch(batch), run_id=run)
        with pytest.raises(WarehouseError) as failed:
            wh.check_pending(run_id=run)
        message = str(failed.value)
        assert "\n" not in message
        assert "failed in its process" in message and "near_copy_similarity" in message, message
        # nothing was checked, and the writer goes on with its file: the queue is read and published
        queue = "SELECT event, count(*) FROM store.figure_checks GROUP BY ALL ORDER BY ALL"
        assert [event for event, _ in query(wh.publish(), queue)[1]] == ["queued"]
        shutil.copyfile(_PACKAGED_SETTINGS, settings)
        wh.finish_run(run, ended_at=T0, status="failed", counts={}, errors=[])
        again = wh.start_run(flow="daily", params={}, started_at=T0)
        wh.load_batch(LoadBatch(_runs()[1][0]), run_id=again)  # the next run queues a batch of its own
        assert wh.check_pending(run_id=again) > 0
        recovered = wh.publish()
    monkeypatch.undo()
    with Warehouse(tmp_path / "x.duckdb", hold_file=True, defer_checks=True, config_dir=config_dir) as wh:
        wh.CHECK_IN_OWN_PROCESS = False
        run = wh.start_run(flow="daily", params={}, started_at=T0)
        for batch in _runs()[0]:
            wh.load_batch(LoadBatch(batch), run_id=run)
        wh.finish_run(run, ended_at=T0, status="failed", counts={}, errors=[])
        again = wh.start_run(flow="daily", params={}, started_at=T0)
        wh.load_batch(LoadBatch(_runs()[1][0]), run_id=again)
        wh.check_pending(run_id=again)
        expected = wh.publish()
    got, want = _state(recovered), _state(expected)
    assert [name for name in want if got[name] != want[name]] == []
    (queued, checked) = query(recovered, queue)[1]
    assert queued[1] == checked[1] > 0


def _ended(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)


def test_a_check_process_killed_by_a_signal_is_named_so() -> None:
    killed = _ended("import os, signal; os.kill(os.getpid(), signal.SIGKILL)")
    assert _cause(killed) == "killed by signal 9"
    failed = _ended("import sys; print('noise'); sys.exit('OSError: disk full')")
    assert _cause(failed) == "OSError: disk full"


def test_the_writer_reopens_its_file_as_it_opened_it(tmp_path: Path) -> None:
    with Warehouse(tmp_path / "w.duckdb", hold_file=True, defer_checks=True) as wh:
        run = wh.start_run(flow="daily", params={}, started_at=T0)
        wh.load_batch(LoadBatch(_runs()[0][0]), run_id=run)
        before = wh._session
        assert wh.check_pending(run_id=run) > 0
        with wh._conn() as conn:
            assert conn is not before  # the check closed the file and the writer opened it again
            settings = "SELECT current_setting('threads'), current_setting('TimeZone')"
            assert conn.execute(settings).fetchone() == (Warehouse.FILE_THREADS, "UTC")
        wh.load_batch(LoadBatch(_runs()[0][1]), run_id=run)
        wh.check_pending(run_id=run)
        published = wh.publish()
    queue = "SELECT event, count(*) FROM store.figure_checks GROUP BY ALL ORDER BY ALL"
    (queued, checked) = query(published, queue)[1]
    assert queued[1] == checked[1] > 0
