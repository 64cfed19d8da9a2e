"""A DuckLake batch is two transactions: an append beside other writers' appends, then a check under the
catalog's lock. A batch does not wait for another writer's check (it leaves its own to a later one, and its
run's last check waits); two writers never store one article's version twice; a batch appended and never
checked (its writer killed between the two) is checked by the next check."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from gdwatch.warehouse import LoadBatch, Warehouse, query
from gdwatch.warehouse.connection import connect
from gdwatch.warehouse.lake import CatalogLock, LakeTarget
from gdwatch.warehouse.load import append_batch
from gdwatch.warehouse.records import BatchCounts
from gdwatch.warehouse.values import article_id_for
from tests.scaleout.fixtures import LakeFactory
from tests.warehouse.conftest import T0, make_obs, make_page

WAIT_S = 120.0
"""How long a test waits for a state another thread reaches in well under a second: a bound that only a
hang reaches, never a timing the test depends on."""


def _trade_page(url: str, value: float):
    return make_page(
        url, f"Guangdong's foreign trade reached {value} yuan in 2025. {url}", observations=(make_obs(value),)
    )


def _scalar(lake: Path, sql: str) -> int:
    return int(query(lake, sql)[1][0][0])


def _until(condition: Callable[[], bool]) -> bool:
    """Poll ``condition`` until it holds (True) or WAIT_S passes (False)."""
    done = threading.Event()
    for _ in range(int(WAIT_S / 0.1)):
        if condition():
            return True
        done.wait(0.1)
    return False


class _Load(threading.Thread):
    """One writer loading one batch as one run, in a thread."""

    def __init__(self, lake: Path, batch: LoadBatch) -> None:
        super().__init__(daemon=True)
        self.lake, self.batch = lake, batch
        self.started = threading.Event()
        """Set once the writer attached the catalog (which takes the catalog's lock) and started its run."""
        self.go = threading.Event()
        """The writer loads its batch once this is set."""
        self.loaded = threading.Event()
        """Set once ``load_batch`` returned."""
        self.late = 0
        """The conflicts the run's last check opened."""
        self.run_id: int | None = None
        self.counts: BatchCounts | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            with Warehouse(self.lake) as warehouse:
                self.run_id = warehouse.start_run(flow="daily", params={}, started_at=T0)
                self.started.set()
                self.go.wait(WAIT_S)
                self.counts = warehouse.load_batch(self.batch, run_id=self.run_id)
                self.loaded.set()
                self.late = warehouse.check_pending(run_id=self.run_id)  # the run's last check, as a run's
                warehouse.finish_run(self.run_id, ended_at=T0, status="completed", counts={}, errors=[])
        except BaseException as exc:  # why: reported by the test that joins the thread
            self.error = exc
            self.started.set()


def test_a_batch_does_not_wait_for_a_check_under_way_and_its_runs_last_check_does(
    new_lake: LakeFactory,
) -> None:
    lake = new_lake()
    with Warehouse(lake) as warehouse:
        run = warehouse.start_run(flow="daily", params={}, started_at=T0)
        warehouse.load_batch(LoadBatch(pages=(_trade_page("https://a.example/1", 9.1e12),)), run_id=run)
    load = _Load(lake, LoadBatch(pages=(_trade_page("https://b.example/1", 9.4e12),)))
    load.start()
    assert load.started.wait(WAIT_S) and load.error is None
    checking = CatalogLock(LakeTarget.parse(lake))  # another writer's check holds the catalog's lock
    checking.wait()
    try:
        load.go.set()
        assert load.loaded.wait(WAIT_S), "the batch waited for the check under way"
        assert load.counts is not None and load.counts.new_conflicts == 0  # its check is left for later
        url = "https://b.example/1"
        assert _scalar(lake, f"SELECT count(*) FROM article_versions WHERE url = '{url}'") == 1
        assert load.is_alive(), "the run's last check ran while another writer held the catalog's lock"
        assert _scalar(lake, "SELECT count(*) FROM conflicts") == 0
    finally:
        checking.close()
    load.join(WAIT_S)
    assert load.error is None and load.late == 1
    assert _scalar(lake, "SELECT count(*) FROM conflicts") == 1


def test_two_writers_appending_one_article_store_one_version(new_lake: LakeFactory) -> None:
    lake = new_lake()
    shared = "https://shared.example/story"
    loads = [
        _Load(lake, LoadBatch(pages=(_trade_page(shared, 9.1e12), _trade_page(f"https://{n}.example/", 1e9))))
        for n in ("one", "two")
    ]
    # both writers start while the shared article's lock is taken, so their appends meet at that lock
    holder = CatalogLock(LakeTarget.parse(lake))
    holder.lock_articles([article_id_for(shared)])
    try:
        for load in loads:
            load.start()
            assert load.started.wait(WAIT_S) and load.error is None
            load.go.set()
        waiting = _until(lambda: holder.appends_waiting() == 2)
        assert waiting, "the appends did not wait for the shared article's lock"
    finally:
        holder.close()
    for load in loads:
        load.join(WAIT_S)
        assert load.error is None
    assert _scalar(lake, f"SELECT count(*) FROM article_versions WHERE url = '{shared}'") == 1
    counts = [load.counts for load in loads]
    assert sorted((c.new_articles, c.unchanged) for c in counts if c) == [(1, 1), (2, 0)]
    assert _scalar(lake, "SELECT count(*) FROM article_versions") == 3


def test_a_batch_appended_and_never_checked_is_checked_by_the_next_load(new_lake: LakeFactory) -> None:
    lake = new_lake()
    with Warehouse(lake) as warehouse:
        killed_run = warehouse.start_run(flow="daily", params={}, started_at=T0)
    # the state a writer killed between its batch's two transactions leaves: appended, queued, unchecked
    session = connect(lake)
    try:
        orphan = LoadBatch(pages=(_trade_page("https://a.example/1", 9.1e12),))
        counts = append_batch(session, orphan, run_id=killed_run)
    finally:
        session.close()
    assert (counts.new_articles, counts.observations) == (1, 1)
    assert _scalar(lake, "SELECT count(*) FROM store.article_fingerprints") == 0

    with Warehouse(lake) as warehouse:
        run = warehouse.start_run(flow="daily", params={}, started_at=T0)
        later = warehouse.load_batch(
            LoadBatch(pages=(_trade_page("https://b.example/1", 9.4e12),)), run_id=run
        )
        assert warehouse.check_pending(run_id=run) == 0  # nothing left
    assert later.new_conflicts == 1
    _, conflicts = query(lake, "SELECT value, conflicting_value FROM conflicts")
    assert conflicts == [(9.1e12, 9.4e12)]
    assert _scalar(lake, "SELECT count(*) FROM store.article_fingerprints") == 2
    _, checks = query(
        lake,
        "SELECT event, run_id, checked_by FROM store.figure_checks ORDER BY event, run_id",
    )
    assert checks == [
        ("checked", killed_run, run),
        ("checked", run, run),
        ("queued", killed_run, None),
        ("queued", run, None),
    ]
