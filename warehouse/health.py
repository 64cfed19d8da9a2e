"""Source health and drift warnings: is each feed still delivering dated articles with a body?"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb

from gdwatch.warehouse.read import reader
from gdwatch.warehouse.sql import fetch_dicts, read_sql
from gdwatch.warehouse.values import utc

ARTICLES_DROP = 0.5
"""Warn when articles/day over the last 7 days falls below this fraction of the 28-day baseline."""
EMPTY_BODY_SHARE = 0.30
"""Warn when more than this share of the last 7 days' fetched pages had no article body."""
MISSING_DATE_RISE = 0.30
"""Warn when the share of articles without a date rose by this much (30 points) over the baseline."""
CONSECUTIVE_FAILURES = 3
"""Warn when the feed failed this many times in a row."""
MIN_PAGES = 5
"""Shares over fewer pages than this are noise: no warning."""


def source_health(path: Path, *, now: datetime) -> list[dict[str, Any]]:
    """Return one health row per source as of ``now``.

    Args:
        path: the published copy (or the pipeline's file between runs).
        now: the reference time; "last 7 days" is (now - 7 d, now], the baseline the 28 days before.

    Returns:
        Dicts with source, last_success, last_error, last_error_at, consecutive_failures,
        articles_per_day, baseline_articles_per_day, pages_last_7d, empty_body_share,
        baseline_empty_body_share, articles_last_7d, missing_date_share, baseline_missing_date_share
        (shares are None when there was nothing to divide).
    """
    with reader(path) as conn:
        return source_health_rows(conn, now=now)


def source_health_rows(conn: duckdb.DuckDBPyConnection, *, now: datetime) -> list[dict[str, Any]]:
    """`source_health` on a connection the caller already holds (a reader of the published copy)."""
    return fetch_dicts(conn.execute(read_sql("select_source_health"), {"now": utc(now)}))


def drift_warnings(path: Path, *, now: datetime) -> list[str]:
    """Return readable warnings for sources whose health signals moved, for the run summary.

    Args:
        path: the published copy (or the pipeline's file between runs).
        now: the reference time.

    Returns:
        One sentence per problem, naming the source, the numbers and what to check.
    """
    return warnings_for(source_health(path, now=now))


def warnings_for(rows: list[dict[str, Any]]) -> list[str]:
    """The drift warnings that health rows (`source_health`) raise: one sentence per problem."""
    warnings: list[str] = []
    for row in rows:
        source = row["source"]
        if row["consecutive_failures"] >= CONSECUTIVE_FAILURES:
            warnings.append(
                f"{source}: the feed failed {row['consecutive_failures']} times in a row "
                f"(last error: {row['last_error']}); check the feed URL and whether the site blocks us"
            )
        recent, baseline = float(row["articles_per_day"]), float(row["baseline_articles_per_day"])
        if baseline > 0 and recent < ARTICLES_DROP * baseline:
            warnings.append(
                f"{source}: {recent:.1f} articles/day over the last 7 days vs {baseline:.1f} in the 28 days "
                f"before ({(recent - baseline) / baseline:+.0%}); check the feed and the topic filter"
            )
        empty = row["empty_body_share"]
        if empty is not None and row["pages_last_7d"] >= MIN_PAGES and empty > EMPTY_BODY_SHARE:
            warnings.append(
                f"{source}: {empty:.0%} of the pages fetched in the last 7 days had no article body "
                "(limit 30 %); the site layout may have changed - check the cleaner on a recent page"
            )
        missing = row["missing_date_share"]
        before = row["baseline_missing_date_share"] or 0.0
        if (
            missing is not None
            and row["articles_last_7d"] >= MIN_PAGES
            and missing - before >= MISSING_DATE_RISE
        ):
            warnings.append(
                f"{source}: {missing:.0%} of the last 7 days' articles have no publication date "
                f"vs {before:.0%} before; the page's date markup may have changed"
            )
    return warnings
