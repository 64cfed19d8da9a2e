"""Figure context in the warehouse: segment, basis, kind and unit_text are stored, and every period has
its first and last day (also for figures stored before the bounds were recorded)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from gdwatch.warehouse import LoadBatch, Warehouse, query
from gdwatch.warehouse.connection import connect
from gdwatch.warehouse.migrate import apply_migrations, load_migrations
from tests.warehouse.conftest import T0, make_obs, make_page


@pytest.mark.parametrize(
    ("period", "start", "end"),
    [
        ("2025", date(2025, 1, 1), date(2025, 12, 31)),
        ("2025-Q3", date(2025, 7, 1), date(2025, 9, 30)),
        ("2025-H1", date(2025, 1, 1), date(2025, 6, 30)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2025-01..2025-09", date(2025, 1, 1), date(2025, 9, 30)),
        ("2025-11..2026-02", date(2025, 11, 1), date(2026, 2, 28)),
        ("2021..2025", date(2021, 1, 1), date(2025, 12, 31)),
        ("2025-06-30", date(2025, 6, 30), date(2025, 6, 30)),
        (None, None, None),
        ("2025-13", None, None),
        ("2025-02-30", None, None),
        ("soon", None, None),
    ],
)
def test_period_bounds(wh: Warehouse, db_path: Path, period: str | None, start: date, end: date) -> None:
    run = wh.start_run(flow="daily", params={}, started_at=T0)
    wh.load_batch(
        LoadBatch((make_page("https://a.example/1", "text", observations=(make_obs(1e12, period=period),)),)),
        run_id=run,
    )
    assert query(db_path, "SELECT period_start, period_end FROM observations")[1] == [(start, end)]


def test_context_columns_are_stored(wh: Warehouse, db_path: Path) -> None:
    figure = make_obs(
        12.5, metric="exports_growth", unit="%", segment="private enterprises", basis="yoy", kind="change"
    )
    run = wh.start_run(flow="daily", params={}, started_at=T0)
    wh.load_batch(LoadBatch((make_page("https://a.example/1", "text", observations=(figure,)),)), run_id=run)
    assert query(db_path, "SELECT segment, basis, kind FROM observations")[1] == [
        ("private enterprises", "yoy", "change")
    ]


def test_figures_stored_before_the_bounds_keep_their_row_and_the_macros_derive_them(db_path: Path) -> None:
    """A warehouse migrated from 0013 keeps its rows untouched; the views derive the bounds (coalesce)."""
    before = [m for m in load_migrations() if m.version <= 13]
    db_path.parent.mkdir(parents=True)
    conn = duckdb.connect(str(db_path))
    try:
        apply_migrations(conn, before)
        conn.execute(
            "INSERT INTO store.observations (article_id, article_version, extractor_version, run_id, "
            "ordinal, "
            "metric, subject, entity, period, value, unit, qualifier, projection, resolution, quote, "
            "start_offset, end_offset) VALUES ('a', 1, 'metrics-1.0.0', 1, 0, 'gdp', 'GDP', 'Guangdong', "
            "'2025-H1', 6.9e12, 'CNY', 'exact', false, 0, 'q', 0, 1)"
        )
    finally:
        conn.close()
    conn = connect(db_path)
    try:
        stored = conn.execute(
            "SELECT period_start_of(period), period_end_of(period), period_start, kind "
            "FROM store.observations"
        ).fetchall()
    finally:
        conn.close()
    assert stored == [(date(2025, 1, 1), date(2025, 6, 30), None, None)]
