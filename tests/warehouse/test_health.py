"""Source health and drift warnings over the fetch log."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from gdwatch.warehouse import LoadBatch, Warehouse, drift_warnings, source_health
from tests.warehouse.conftest import T0, make_page
from tests.warehouse.test_writer import fetch

NOW = T0 + timedelta(days=35)


def pages_for(
    source: str, days_ago: list[float], *, outcome: str = "article", dated: bool = True
) -> list[object]:
    return [
        make_page(
            f"https://{source}.example/{outcome}/{d}",
            f"text {source} {i}",
            source=source,
            outcome=outcome,
            fetched_at=NOW - timedelta(days=d),
            published_at=(NOW - timedelta(days=d)) if dated else None,
        )
        for i, d in enumerate(days_ago)
    ]


def test_health_signals_and_the_warnings_they_raise(wh: Warehouse, db_path: Path) -> None:
    run = wh.start_run(flow="daily", params={}, started_at=T0)
    baseline_days = [7.5 + i for i in range(28)]  # one article a day in the 28 days before the last week
    batches = [
        # chinadaily: from 1 article a day to 2 a week, and most recent pages have no body
        pages_for("chinadaily", baseline_days)
        + pages_for("chinadaily", [1, 2])
        + pages_for("chinadaily", [1, 2, 3, 4, 5], outcome="no_article"),
        # xinhua: steady volume, but its pages stopped carrying dates
        pages_for("xinhua", baseline_days)
        + pages_for("xinhua", [1, 2, 3, 4, 5, 6], dated=False)
        + pages_for("xinhua", [0.5]),
    ]
    for pages in batches:
        wh.load_batch(LoadBatch(tuple(pages)), run_id=run)  # type: ignore[arg-type]
    # gdtoday: a success, then three failures in a row; a reprocess is not a fetch and is ignored
    wh.load_batch(LoadBatch((), fetch("fetched", 30, source="gdtoday", etag="e")), run_id=run)
    for day in (32, 33, 34):
        wh.load_batch(
            LoadBatch((), fetch("failed", day, source="gdtoday", error=f"HTTP 503 on day {day}")), run_id=run
        )

    health = {row["source"]: row for row in source_health(db_path, now=NOW)}
    assert sorted(health) == ["chinadaily", "gdtoday", "xinhua"]
    assert {
        k: health["chinadaily"][k]
        for k in (
            "articles_per_day",
            "baseline_articles_per_day",
            "pages_last_7d",
            "empty_body_share",
            "baseline_empty_body_share",
        )
    } == {
        "articles_per_day": 2 / 7,
        "baseline_articles_per_day": 1.0,
        "pages_last_7d": 7,
        "empty_body_share": 5 / 7,
        "baseline_empty_body_share": 0.0,
    }
    assert {
        k: health["xinhua"][k]
        for k in ("articles_per_day", "missing_date_share", "baseline_missing_date_share")
    } == {
        "articles_per_day": 1.0,
        "missing_date_share": 6 / 7,
        "baseline_missing_date_share": 0.0,
    }
    gd = health["gdtoday"]
    assert (gd["last_success"], gd["last_error"], gd["last_error_at"], gd["consecutive_failures"]) == (
        T0 + timedelta(days=30),
        "HTTP 503 on day 34",
        T0 + timedelta(days=34),
        3,
    )

    assert drift_warnings(db_path, now=NOW) == [
        "chinadaily: 0.3 articles/day over the last 7 days vs 1.0 in the 28 days before (-71%); "
        "check the feed and the topic filter",
        "chinadaily: 71% of the pages fetched in the last 7 days had no article body (limit 30 %); "
        "the site layout may have changed - check the cleaner on a recent page",
        "gdtoday: the feed failed 3 times in a row (last error: HTTP 503 on day 34); "
        "check the feed URL and whether the site blocks us",
        "xinhua: 86% of the last 7 days' articles have no publication date vs 0% before; "
        "the page's date markup may have changed",
    ]
    # a week earlier everything looked normal (later fetches are invisible to that "now")
    assert drift_warnings(db_path, now=NOW - timedelta(days=7)) == []
    assert [row["source"] for row in source_health(db_path, now=NOW - timedelta(days=7))] == [
        "chinadaily",
        "xinhua",
    ]
