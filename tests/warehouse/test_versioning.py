"""Article versioning scenarios: initial load, changed body, unchanged reload, duplicates, reprocessing."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from gdwatch.warehouse import BatchCounts, LoadBatch, Warehouse, article_id_for, query
from tests.warehouse.conftest import T0, make_obs, make_page

URL = "https://example.com/trade-2025"
OTHER = "https://example.com/robots"


def rows(path: Path, sql: str) -> list[tuple]:
    return query(path, sql)[1]


def test_load_change_reload_keeps_exactly_one_row_per_version(wh: Warehouse, db_path: Path) -> None:
    run1 = wh.start_run(flow="daily", params={}, started_at=T0)
    first = wh.load_batch(
        LoadBatch((make_page(URL, "Trade hit 9.1 trillion.", observations=(make_obs(9.1e12),)),)), run_id=run1
    )
    assert first == BatchCounts(new_articles=1, observations=1)

    run2 = wh.start_run(flow="daily", params={}, started_at=T0 + timedelta(days=1))
    changed = make_page(
        URL,
        "Trade hit 9.2 trillion.",
        observations=(make_obs(9.2e12),),
        fetched_at=T0 + timedelta(days=1),
    )
    assert wh.load_batch(LoadBatch((changed,)), run_id=run2) == BatchCounts(new_versions=1, observations=1)

    run3 = wh.start_run(flow="daily", params={}, started_at=T0 + timedelta(days=2))
    again = replace(changed, fetched_at=T0 + timedelta(days=2))
    assert wh.load_batch(LoadBatch((again,)), run_id=run3) == BatchCounts(unchanged=1)

    assert rows(db_path, "SELECT url, version, run_id, text FROM article_versions ORDER BY version") == [
        (URL, 1, run1, "Trade hit 9.1 trillion."),
        (URL, 2, run2, "Trade hit 9.2 trillion."),
    ]
    assert rows(db_path, "SELECT url, version, text FROM articles") == [(URL, 2, "Trade hit 9.2 trillion.")]
    assert rows(
        db_path, "SELECT article_version, value, run_id FROM observation_history ORDER BY article_version"
    ) == [(1, 9.1e12, run1), (2, 9.2e12, run2)]
    assert rows(db_path, "SELECT article_version, value FROM observations") == [(2, 9.2e12)]
    # the same bytes twice are stored once; the fetch log has one row per fetch
    assert rows(db_path, "SELECT count(*) FROM store.raw_pages") == [(2,)]
    assert rows(db_path, "SELECT run_id, outcome FROM store.page_fetches ORDER BY run_id") == [
        (run1, "article"),
        (run2, "article"),
        (run3, "article"),
    ]


def test_reloading_the_same_batch_is_a_no_op(wh: Warehouse, db_path: Path) -> None:
    run = wh.start_run(flow="daily", params={}, started_at=T0)
    batch = LoadBatch((make_page(URL, "Text.", observations=(make_obs(9.1e12),)),))
    wh.load_batch(batch, run_id=run)
    before = {t: rows(db_path, f"SELECT count(*) FROM store.{t}") for t in ("page_fetches", "raw_pages")}
    assert wh.load_batch(batch, run_id=run) == BatchCounts(unchanged=1)
    after = {t: rows(db_path, f"SELECT count(*) FROM store.{t}") for t in ("page_fetches", "raw_pages")}
    assert before == after == {"page_fetches": [(1,)], "raw_pages": [(1,)]}
    assert rows(db_path, "SELECT count(*) FROM observation_history") == [(1,)]


def test_same_canonical_url_twice_in_a_batch_is_one_article_and_a_duplicate(
    wh: Warehouse, db_path: Path
) -> None:
    run = wh.start_run(flow="daily", params={}, started_at=T0)
    pages = (
        make_page(URL, "Wire text.", entry_id="a", source="gnews"),
        make_page(OTHER, "Robots."),
        make_page(URL, "Wire text, other tracking copy.", entry_id="b", source="chinadaily"),
    )
    counts = wh.load_batch(LoadBatch(pages), run_id=run)
    assert counts == BatchCounts(new_articles=2, duplicates=1)
    assert rows(db_path, "SELECT url, version, source, text FROM article_versions ORDER BY url") == [
        (OTHER, 1, "chinadaily", "Robots."),
        (URL, 1, "gnews", "Wire text."),
    ]
    # both entries are recorded as handled, so neither feed re-fetches its copy
    assert wh.seen_entries("gnews", ["a", "x"]) == {"a"}
    assert wh.seen_entries("chinadaily", ["b", URL, OTHER]) == {"b", OTHER}


def test_outcomes_are_counted_and_failed_entries_are_not_seen(wh: Warehouse) -> None:
    run = wh.start_run(flow="daily", params={}, started_at=T0)
    pages = (
        make_page("https://x/1", outcome="off_topic", entry_id="1"),
        make_page("https://x/2", outcome="no_article", entry_id="2"),
        make_page("https://x/3", outcome="failed", entry_id="3", raw=b"", error="timeout", http_status=None),
    )
    assert wh.load_batch(LoadBatch(pages), run_id=run) == BatchCounts(off_topic=1, no_article=1, failed=1)
    assert wh.seen_entries("chinadaily", ["1", "2", "3"]) == {"1", "2"}


def test_reprocess_with_a_new_extractor_adds_observations_only(wh: Warehouse, db_path: Path) -> None:
    run1 = wh.start_run(flow="daily", params={}, started_at=T0)
    page = make_page(URL, "Trade hit 9.1 trillion.", observations=(make_obs(9.1e12),))
    wh.load_batch(LoadBatch((page,)), run_id=run1)

    run2 = wh.start_run(flow="backfill", params={"reprocess": True}, started_at=T0 + timedelta(days=1))
    new_obs = (
        make_obs(9.1e12, resolution=1e11, extractor_version="ext-2.0"),
        make_obs(8.0, metric="foreign_trade_growth", unit="%", resolution=0.1, extractor_version="ext-2.0"),
    )
    reprocessed = replace(page, observations=new_obs, reprocessed=True)
    assert wh.load_batch(LoadBatch((reprocessed,)), run_id=run2) == BatchCounts(unchanged=1, observations=2)
    # the same extractor again adds nothing
    assert wh.load_batch(LoadBatch((reprocessed,)), run_id=run2) == BatchCounts(unchanged=1)

    assert rows(db_path, "SELECT version, run_id FROM article_versions") == [(1, run1)]
    assert rows(
        db_path,
        "SELECT extractor_version, metric, value, run_id FROM observation_history ORDER BY run_id, ordinal",
    ) == [
        ("ext-1.0", "foreign_trade_total", 9.1e12, run1),
        ("ext-2.0", "foreign_trade_total", 9.1e12, run2),
        ("ext-2.0", "foreign_trade_growth", 8.0, run2),
    ]
    assert rows(
        db_path, "SELECT extractor_version, metric, resolution FROM observations ORDER BY ordinal"
    ) == [
        ("ext-2.0", "foreign_trade_total", 1e11),
        ("ext-2.0", "foreign_trade_growth", 0.1),
    ]


def test_two_extractors_in_one_run_the_higher_version_by_number_is_current(
    wh: Warehouse, db_path: Path
) -> None:
    # "metrics-2.100.0" sorts before "metrics-2.99.0" as text; the current extraction compares the numbers
    run1 = wh.start_run(flow="daily", params={}, started_at=T0)
    page = make_page(
        URL, "Trade hit 9.1 trillion.", observations=(make_obs(9.1e12, extractor_version="m-2.99.0"),)
    )
    wh.load_batch(LoadBatch((page,)), run_id=run1)
    newer = (make_obs(9.2e12, extractor_version="m-2.100.0"),)
    wh.load_batch(LoadBatch((replace(page, observations=newer, reprocessed=True),)), run_id=run1)
    assert rows(db_path, "SELECT extractor_version, value FROM observations") == [("m-2.100.0", 9.2e12)]


def test_an_extraction_that_finds_nothing_replaces_the_old_figures(wh: Warehouse, db_path: Path) -> None:
    run1 = wh.start_run(flow="daily", params={}, started_at=T0)
    page = make_page(URL, "Trade hit 9.1 trillion.", observations=(make_obs(9.1e12),))
    wh.load_batch(LoadBatch((page,)), run_id=run1)
    run2 = wh.start_run(flow="backfill", params={}, started_at=T0 + timedelta(days=1))
    empty = replace(page, observations=(), extractor_version="ext-2.0", reprocessed=True)
    assert wh.load_batch(LoadBatch((empty,)), run_id=run2) == BatchCounts(unchanged=1)
    assert rows(db_path, "SELECT count(*) FROM observations") == [(0,)]
    assert rows(db_path, "SELECT count(*) FROM observation_history") == [(1,)]


def test_article_id_is_derived_from_the_canonical_url(wh: Warehouse, db_path: Path) -> None:
    run = wh.start_run(flow="daily", params={}, started_at=T0)
    wh.load_batch(LoadBatch((make_page(URL, "Text."),)), run_id=run)
    expected = hashlib.sha256(URL.encode()).hexdigest()[:16]
    assert article_id_for(URL) == expected
    assert rows(db_path, "SELECT article_id FROM articles") == [(expected,)]
