"""Deferred checks: a run's batches only append, and its figures are checked for many batches at once.

The state a run leaves must be the state checking each batch in its own load leaves: the same rows in every
table, apart from the bookkeeping of the checks and the history's granularity (one disagreement snapshot of
a scope per check instead of per batch).
"""

from __future__ import annotations

import random
import subprocess
import sys
import textwrap
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from gdwatch.extractors.records import Observation
from gdwatch.warehouse import LoadBatch, PageRecord, Warehouse, connect, query
from gdwatch.warehouse.load import append_batch, check_pending
from tests.warehouse.conftest import T0, make_obs, make_page

_WORDS = (
    "trade",
    "export",
    "import",
    "yuan",
    "billion",
    "province",
    "customs",
    "growth",
    "quarter",
    "port",
    "container",
    "factory",
    "electronics",
    "vehicle",
    "battery",
    "investment",
    "enterprise",
    "market",
    "demand",
    "retail",
    "consumption",
    "industrial",
    "output",
    "rose",
    "fell",
    "percent",
    "year",
    "month",
    "data",
    "official",
    "said",
    "shenzhen",
    "guangzhou",
    "dongguan",
    "foshan",
    "zhuhai",
    "bay",
    "area",
    "region",
    "city",
)
_METRICS = ("foreign_trade_total", "exports", "imports")


def _runs() -> list[list[tuple[PageRecord, ...]]]:
    """Three runs of varied batches: new articles that disagree; a no-op reload and a second extractor;
    revised texts with moved figures, near copies under new URLs of another outlet, and a batch with a
    duplicate URL, a page without an article and an off-topic one."""
    rng = random.Random(3)
    texts: dict[str, str] = {}

    def figures(count: int, extractor: str = "ext-1.0") -> tuple[Observation, ...]:
        made = []
        for i in range(count):
            metric, value = rng.choice(_METRICS), rng.choice((9.1e12, 9.4e12, 9.1e12, 2.2e12))
            quote = f"{metric} reached {value} in the year, sentence {i}."
            period = rng.choice(("2025", "2024", "2025-06-30"))
            made.append(
                make_obs(value, metric=metric, period=period, extractor_version=extractor, quote=quote)
            )
        return tuple(made)

    def text() -> str:
        return " ".join(rng.choice(_WORDS) for _ in range(120)) + "."

    def new(prefix: str, count: int, day: int) -> tuple[PageRecord, ...]:
        pages = []
        for i in range(count):
            url = f"https://{prefix}.example/{i}"
            texts[url] = text()
            pages.append(
                make_page(url, texts[url], observations=figures(4), fetched_at=T0 + timedelta(days=day))
            )
        return tuple(pages)

    first, second, third, fourth = new("a", 6, 0), new("b", 6, 0), new("c", 6, 1), new("d", 6, 1)
    again = tuple(replace(page, observations=figures(3, "ext-2.0")) for page in first[:3])
    revised = tuple(
        make_page(
            url, texts[url] + " revised final figures", observations=figures(4), fetched_at=T0 + timedelta(2)
        )
        for url in (page.entry_url for page in second[:3])
    )
    copies = tuple(
        make_page(f"https://copy.other.org/{i}", texts[page.entry_url], observations=page.observations)
        for i, page in enumerate(third[:4])
    )
    mixed = (
        fourth[0],
        fourth[0],
        make_page("https://e.example/none", outcome="no_article"),
        make_page("https://e.example/off", outcome="off_topic"),
        make_page("https://e.example/new", text(), observations=figures(4)),
    )
    return [[first, second, third, fourth], [first, again], [revised, copies, mixed]]


def _load(
    path: Path, *, defer: bool, check_after: int = 10**9, check_slice: int = 10**9
) -> tuple[Path, list[int]]:
    """Load the runs as the pipeline does (file held), each ended by its check; the published copy and each
    run's new conflicts."""
    opened = []
    with Warehouse(path, hold_file=True, defer_checks=defer) as wh:
        wh.CHECK_AFTER_ARTICLES = check_after
        wh.CHECK_SLICE_ARTICLES = check_slice
        for batches in _runs():
            run = wh.start_run(flow="daily", params={}, started_at=T0)
            counts = [wh.load_batch(LoadBatch(batch), run_id=run) for batch in batches]
            opened.append(sum(c.new_conflicts for c in counts) + wh.check_pending(run_id=run))
        return wh.publish(), opened


def _sorted(path: Path, sql: str) -> list[tuple[object, ...]]:
    return sorted(query(path, sql)[1], key=repr)


_HISTORY_OF_CHECKS = {"figure_checks", "cluster_snapshots", "cluster_members", "conflict_events"}
_SNAPSHOT_HISTORY_VIEWS = {"changes", "disagreement_history"}


def _state(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every store table, every view; the check-numbered ids (events, snapshots) left out, and of the
    disagreement snapshots only each scope's latest (the current state)."""
    _, tables = query(path, "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'store' ORDER BY 1")
    state = {
        name: _sorted(path, f"SELECT * FROM store.{name}")
        for (name,) in tables
        if name not in _HISTORY_OF_CHECKS
    }
    latest = "(SELECT max(snapshot_id) FROM store.cluster_snapshots GROUP BY scope_id)"
    state["conflict_events"] = _sorted(path, "SELECT * EXCLUDE (event_id) FROM store.conflict_events")
    state["latest snapshots"] = _sorted(
        path, f"SELECT * EXCLUDE (snapshot_id) FROM store.cluster_snapshots WHERE snapshot_id IN {latest}"
    )
    state["latest members"] = _sorted(
        path, f"SELECT * EXCLUDE (snapshot_id) FROM store.cluster_members WHERE snapshot_id IN {latest}"
    )
    _, views = query(path, "SELECT view_name FROM duckdb_views() WHERE NOT internal AND schema_name = 'main'")
    for (view,) in views:
        if view in _SNAPSHOT_HISTORY_VIEWS:
            continue
        columns, rows = query(path, f"SELECT * FROM {view}")
        ids = {
            i for i, column in enumerate(columns) if column == "event_id" or column.endswith("snapshot_id")
        }
        state[f"view {view}"] = sorted(
            (tuple(v for i, v in enumerate(row) if i not in ids) for row in rows), key=repr
        )
    return state


@pytest.mark.parametrize("check_after", [10**9, 10], ids=["one check per run", "checks after batches"])
def test_deferred_checks_leave_the_state_per_batch_checks_leave(tmp_path: Path, check_after: int) -> None:
    per_batch, opened_per_batch = _load(tmp_path / "per-batch.duckdb", defer=False)
    deferred, opened_deferred = _load(tmp_path / "deferred.duckdb", defer=True, check_after=check_after)
    expected, got = _state(per_batch), _state(deferred)
    assert got.keys() == expected.keys()
    assert [name for name in expected if got[name] != expected[name]] == []
    assert opened_deferred == opened_per_batch
    assert len(expected["conflict_events"]) > 100 and len(expected["latest snapshots"]) > 10  # not vacuous
    # what differs: the history has a snapshot per scope and check, not per batch
    (snapshots,) = query(deferred, "SELECT count(DISTINCT snapshot_id) FROM store.cluster_snapshots")[1]
    (before,) = query(per_batch, "SELECT count(DISTINCT snapshot_id) FROM store.cluster_snapshots")[1]
    assert snapshots < before
    # every queued version was checked once
    pending = "SELECT event, count(*) FROM store.figure_checks GROUP BY ALL ORDER BY 1"
    (queued, checked) = query(deferred, pending)[1]
    assert queued[1] == checked[1] > 0


@pytest.mark.parametrize("check_slice", [1, 7, 13], ids=["smaller than a batch", "a batch", "two batches"])
def test_a_check_in_slices_finds_what_one_check_finds(tmp_path: Path, check_slice: int) -> None:
    # the first run's four batches of six articles are checked at its end: in four slices, or two; their
    # figures (9.1 and 9.4 trillion of one metric and period) conflict across the slices
    whole, opened_whole = _load(tmp_path / "whole.duckdb", defer=True)
    sliced, opened_sliced = _load(tmp_path / "sliced.duckdb", defer=True, check_slice=check_slice)
    expected, got = _state(whole), _state(sliced)
    assert got.keys() == expected.keys()
    assert [name for name in expected if got[name] != expected[name]] == []
    assert opened_sliced == opened_whole
    across = """SELECT count(*) FROM store.conflict_events
                WHERE event = 'opened' AND url LIKE 'https://a.example/%'
                  AND conflicting_url LIKE 'https://b.example/%'"""
    assert query(sliced, across)[1][0][0] > 0  # conflicts between the first two batches, slices apart
    # several slices ran: one snapshot of a scope per slice that touched it
    snapshots = "SELECT count(*) FROM store.cluster_snapshots"
    assert query(sliced, snapshots)[1][0][0] > query(whole, snapshots)[1][0][0]
    pending = "SELECT event, count(*) FROM store.figure_checks GROUP BY ALL ORDER BY 1"
    (queued, checked) = query(sliced, pending)[1]
    assert queued[1] == checked[1] > 0


def test_a_slice_ends_after_batches_queued_without_a_number(tmp_path: Path) -> None:
    # batches queued before migration 0018 have no number: a check reads them first, and a slice boundary
    # after them keeps the numbered ones for the next slice
    states = []
    for name, check_slice in (("whole", None), ("sliced", 1)):
        path = tmp_path / f"{name}.duckdb"
        conn = connect(path)
        try:
            for number, batch in zip((None, None, 1, 2), _runs()[0], strict=True):
                append_batch(conn, LoadBatch(batch), run_id=1, batch_number=number)
            opened = check_pending(conn, run_id=2, slice_articles=check_slice)
        finally:
            conn.close()
        states.append((opened, _state(path)))
    (opened_whole, whole), (opened_sliced, sliced) = states
    assert opened_sliced == opened_whole > 0
    assert [name for name in whole if sliced[name] != whole[name]] == []


def test_deferred_batches_are_unchecked_until_the_check(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    batches = _runs()[0]
    with Warehouse(path, hold_file=True, defer_checks=True) as wh:
        run = wh.start_run(flow="daily", params={}, started_at=T0)
        counts = [wh.load_batch(LoadBatch(batch), run_id=run) for batch in batches]
        assert [c.new_conflicts for c in counts] == [0, 0, 0, 0]
        unchecked = query(wh.publish(), "SELECT count(*) FROM conflicts")[1]
        assert wh.check_pending(run_id=run) > 0
        assert wh.check_pending(run_id=run) == 0  # nothing left
        published = wh.publish()
    assert unchecked == [(0,)]
    assert query(published, "SELECT count(*) FROM conflicts")[1] != [(0,)]


_KILLED_BEFORE_THE_CHECK = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from gdwatch.warehouse import LoadBatch, Warehouse
    from tests.warehouse.conftest import T0
    from tests.warehouse.test_deferred_checks import _runs
    wh = Warehouse(Path(sys.argv[1]), hold_file=True, defer_checks=True)
    run = wh.start_run(flow="daily", params={}, started_at=T0)
    for batch in _runs()[0]:
        wh.load_batch(LoadBatch(batch), run_id=run)
    os.kill(os.getpid(), signal.SIGKILL)  # the batches are committed, their check never ran
    """
)


def test_a_writer_killed_before_its_check_leaves_the_batches_to_the_next_check(tmp_path: Path) -> None:
    killed_path = tmp_path / "killed.duckdb"
    killed = subprocess.run(
        [sys.executable, "-c", _KILLED_BEFORE_THE_CHECK, str(killed_path)],
        cwd=Path.cwd(),
        check=False,
        timeout=120,
    )
    assert killed.returncode == -9
    assert query(killed_path, "SELECT count(*) FROM store.cluster_snapshots")[1] == [(0,)]
    with Warehouse(killed_path, hold_file=True, defer_checks=True) as wh:  # the next run's last step
        run = wh.start_run(flow="daily", params={}, started_at=T0)
        assert wh.check_pending(run_id=run) > 0
        finished = wh.publish()
    expected_path = tmp_path / "expected.duckdb"
    with Warehouse(expected_path, hold_file=True) as wh:
        run = wh.start_run(flow="daily", params={}, started_at=T0)
        for batch in _runs()[0]:
            wh.load_batch(LoadBatch(batch), run_id=run)
        wh.start_run(flow="daily", params={}, started_at=T0)
        expected = wh.publish()
    # the appended rows are the same; what the check wrote is too, recorded under the run that checked
    appended = ("raw_pages", "page_fetches", "article_versions", "extractions", "observations")
    assert {t: _sorted(finished, f"FROM store.{t}") for t in appended} == {
        t: _sorted(expected, f"FROM store.{t}") for t in appended
    }
    latest = "(SELECT max(snapshot_id) FROM store.cluster_snapshots GROUP BY scope_id)"
    for sql in (
        "SELECT * EXCLUDE (run_id) FROM store.article_fingerprints",
        "SELECT * FROM store.article_bands",
        "SELECT * EXCLUDE (event_id, run_id) FROM store.conflict_events",
        f"SELECT * EXCLUDE (snapshot_id, run_id) FROM store.cluster_snapshots WHERE snapshot_id IN {latest}",
    ):
        assert _sorted(finished, sql) == _sorted(expected, sql), sql


@pytest.mark.parametrize("fetch, chars", [(2, 1), (3, 200)], ids=["text by text", "fetches and chunks"])
def test_a_check_signs_each_distinct_text_once_and_stores_what_signing_each_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fetch: int, chars: int
) -> None:
    # the fingerprint stage reads a slice's texts a fetch at a time, signs them in chunks and receives a text
    # repeated under other URLs (in its batch, in a later batch, in a later fetch) once: every stored
    # fingerprint, witness and band is the one of reading and signing the slice at once
    from gdwatch.warehouse import fingerprints

    rng = random.Random(5)
    texts = [" ".join(rng.choice(_WORDS) for _ in range(80)) + "." for _ in range(4)]
    first = tuple(make_page(f"https://a.example/{i}", texts[i % 4]) for i in range(7))
    second = (
        *(make_page(f"https://b.example/{i}", texts[i % 2]) for i in range(3)),
        make_page("https://b.example/short", "two words"),
    )
    fingerprinted = """SELECT v.text, f.minhash, f.witness_id <> f.article_id
                       FROM store.article_fingerprints AS f
                       JOIN store.article_versions AS v USING (article_id, version)"""
    states = []
    for name, per_fetch, chunk_chars in (("small", fetch, chars), ("at once", 10**6, 10**9)):
        monkeypatch.setattr(fingerprints, "_TEXTS_PER_FETCH", per_fetch)
        monkeypatch.setattr(fingerprints, "_CHUNK_CHARS", chunk_chars)
        with Warehouse(tmp_path / f"{name}.duckdb", hold_file=True, defer_checks=True) as wh:
            wh.CHECK_IN_OWN_PROCESS = False  # the patched sizes hold in this process only
            run = wh.start_run(flow="daily", params={}, started_at=T0)
            for batch in (first, second):
                wh.load_batch(LoadBatch(batch), run_id=run)
            wh.check_pending(run_id=run)
            published = wh.publish()
        stored = query(published, fingerprinted)[1]
        assert len(stored) == 11
        for text, minhash, _ in stored:
            assert minhash == fingerprints.signature(text).astype("<u4").tobytes()
        assert sum(copy for *_, copy in stored) >= 6  # the repeats found their first page as a copy
        states.append(_state(published))
    small, at_once = states
    assert [name for name in at_once if small[name] != at_once[name]] == []
