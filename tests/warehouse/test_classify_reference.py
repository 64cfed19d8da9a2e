"""A batch's append with its classification in Python (``load._classify``), its figures chosen in Python
with cached period bounds (``load._insert_observations``) and no temp tables when the check is deferred
stores what the statements it replaced stored: the same rows in every table and the same counts.

The statements are kept in ``reference_sql/`` (as of a2121d4); the reference below runs them on the same
connection in place of ``load._append``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import duckdb
import pytest

from gdwatch.warehouse import BatchCounts, LoadBatch, PageRecord, Warehouse, query
from gdwatch.warehouse import load as load_module
from gdwatch.warehouse.connection import registered
from gdwatch.warehouse.sql import read_sql
from gdwatch.warehouse.staging import StagedBatch
from tests.warehouse.conftest import T0, make_obs, make_page
from tests.warehouse.test_deferred_checks import _runs, _state

_REFERENCE = Path(__file__).parent / "reference_sql"


def _sql(name: str) -> str:
    return (_REFERENCE / f"{name}.sql").read_text(encoding="utf-8")


def _reference_append(
    conn: duckdb.DuckDBPyConnection,
    staged: StagedBatch,
    *,
    run_id: int,
    clock: object,
    check_here: bool,
    batch_number: int | None = None,
) -> tuple[int, dict[str, int]]:
    """``load._append`` as the statements did it at a2121d4 (their rows, their counts)."""
    params = {"run_id": run_id}
    with registered(conn, staged_observations=staged.observations):
        conn.execute(read_sql("insert_raw_pages"), params)  # unchanged since
        conn.execute(read_sql("insert_page_fetches"), params)  # unchanged since
        conn.execute(_sql("create_batch_articles"))
        conn.execute(_sql("insert_article_versions"), params)
        conn.execute(_sql("create_batch_extractions"))
        conn.execute(_sql("insert_extractions"), params)
        row = conn.execute(_sql("insert_observations"), params).fetchone()
        if not check_here:
            conn.execute(_sql("insert_queued_checks"), {"run_id": run_id, "batch_number": batch_number})
        result = conn.execute(_sql("count_batch"))
        columns = [d[0] for d in result.description or []]
        counts = result.fetchone()
    assert row is not None and counts is not None
    return int(row[0]), dict(zip(columns, counts, strict=True))


def _edge_batches() -> list[tuple[PageRecord, ...]]:
    """Batches the varied runs do not have: a page whose extractor found nothing (its own extractor version
    only), a page with figures of two extractors, a page with every form of period (and none) and quotes
    that say they revise, the same URL three times with different texts, a reload that adds only an
    extractor to a stored version, and a failed page."""
    text = "Guangdong's foreign trade reached 9.1 trillion yuan in 2025."
    none_found = make_page("https://f.example/empty", "No figures here.", extractor_version="ext-1.0")
    periods = ("2025-Q2", "2025-H1", "2025-03", "2024-01..2024-06", "2023..2024", None, "soon", "", "2025-13")
    every_period = make_page(
        "https://f.example/periods",
        text + " Final figures were revised.",
        observations=tuple(
            make_obs(9.1e12 + i, period=period, quote=f"{text} Revised {i}.")
            for i, period in enumerate(periods)
        ),
    )
    two = make_page(
        "https://f.example/two",
        text,
        observations=(make_obs(9.1e12), make_obs(9.1e12, extractor_version="ext-0.9"), make_obs(9.2e12)),
        extractor_version="ext-1.0",
    )
    triple = tuple(
        make_page(
            "https://f.example/same",
            f"{text} Copy {i}.",
            observations=(make_obs(9.1e12 + i),),
            entry_id=f"entry-{i}",
            fetched_at=T0 + timedelta(minutes=i),
        )
        for i in range(3)
    )
    failed = make_page("https://f.example/failed", outcome="failed")
    reload = replace(two, observations=(make_obs(9.1e12, extractor_version="ext-3.0"),), extractor_version="")
    revised = make_page(
        "https://f.example/same",
        f"{text} Revised.",
        observations=(make_obs(9.3e12),),
        entry_id="entry-r",
        fetched_at=T0 + timedelta(days=1),
    )
    return [(none_found, two, *triple, failed), (reload, none_found, revised), (revised, two, every_period)]


def _load(
    path: Path, runs: list[list[tuple[PageRecord, ...]]], *, defer: bool
) -> tuple[Path, list[BatchCounts]]:
    """Load the runs as the pipeline does (file held), each ended by its check; the published copy and the
    counts of every batch."""
    counts = []
    with Warehouse(path, hold_file=True, defer_checks=defer) as wh:
        for batches in runs:
            run = wh.start_run(flow="daily", params={}, started_at=T0)
            counts += [wh.load_batch(LoadBatch(batch), run_id=run) for batch in batches]
            wh.check_pending(run_id=run)
        return wh.publish(), counts


@pytest.mark.parametrize("defer", [False, True], ids=["each batch checked", "checks deferred"])
def test_classifying_in_python_stores_what_the_statements_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, defer: bool
) -> None:
    runs = [*_runs(), _edge_batches()]
    python, got_counts = _load(tmp_path / "python.duckdb", runs, defer=defer)
    monkeypatch.setattr(load_module, "_append", _reference_append)
    reference, expected_counts = _load(tmp_path / "reference.duckdb", runs, defer=defer)
    assert got_counts == expected_counts
    expected, got = _state(reference), _state(python)
    for state, path in ((expected, reference), (got, python)):  # the queue too (_state leaves it out)
        state["figure_checks"] = sorted(query(path, "SELECT * FROM store.figure_checks")[1], key=repr)
    assert got.keys() == expected.keys()
    assert [name for name in expected if got[name] != expected[name]] == []
    # not vacuous: every status and outcome occurs, and extractions were skipped as already stored
    assert sum(c.duplicates for c in got_counts) >= 3 and sum(c.unchanged for c in got_counts) >= 3
    assert sum(c.new_versions for c in got_counts) >= 3 and sum(c.failed for c in got_counts) == 1
    assert len(expected["extractions"]) > 40 and len(expected["observations"]) > 100
