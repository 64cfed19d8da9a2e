"""The read side: read-only SQL against the (published) warehouse, optionally as of an earlier run."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb

from gdwatch.warehouse.connection import connect
from gdwatch.warehouse.errors import WarehouseError
from gdwatch.warehouse.sql import fetch_dicts, read_sql

PUBLIC_VIEWS = (
    "runs",
    "article_versions",
    "articles",
    "observation_history",
    "observations",
    "revisions",
    "conflict_history",
    "conflicts",
    "metric_timeline",
    "coverage",
    "disagreements",
    "disagreement_history",
    "disagreement_articles",
    "consensus",
    "changes",
)
"""The views consumers query, one ``warehouse/views/<view>.sql`` each, over ``<view>_as_of(as_of_run())``."""

_READABLE = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}


@contextmanager
def reader(
    path: Path, *, as_of_run: int | None = None, known_on: date | None = None
) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open ``path`` read-only, with the public views shadowed as of a run or a day when asked.

    Args:
        path: the published copy (or the pipeline's file when no run is writing).
        as_of_run: show the warehouse as it was after this run.
        known_on: show the warehouse as it was at the end of this day (UTC): after the last run that
            started on or before it.

    Yields:
        A read-only connection; external file access is disabled after setup.

    Raises:
        WarehouseError: the file is missing or locked, or both as-of arguments were given.
    """
    if as_of_run is not None and known_on is not None:
        raise WarehouseError(f"{path}: give as_of_run or known_on, not both")
    conn = connect(path, read_only=True)
    try:
        max_run = as_of_run
        if known_on is not None:
            row = conn.execute(read_sql("select_last_run_on"), {"day": known_on}).fetchone()
            max_run = int(row[0]) if row else 0
        if max_run is not None:
            # NOTE: every public view reads this session variable through as_of_run() (warehouse/views); it
            # lives in the connection, so a read-only file is fine and other readers are unaffected.
            conn.execute(read_sql("set_as_of_run"), {"max_run": max_run})
        conn.execute("SET enable_external_access = false")
        yield conn
    finally:
        conn.close()


def query(
    path: Path, sql: str, *, as_of_run: int | None = None, known_on: date | None = None
) -> tuple[list[str], list[tuple]]:
    """Run one read-only statement against the warehouse.

    Args:
        path: the published copy (``data/warehouse.read.duckdb``).
        sql: a single SELECT (or EXPLAIN) statement.
        as_of_run: answer as the warehouse was after this run.
        known_on: answer as the warehouse was at the end of this day (UTC).

    Returns:
        Column names and rows.

    Raises:
        WarehouseError: the statement is not a single SELECT, or it failed (the message says why).
    """
    statements = duckdb.extract_statements(sql)
    if len(statements) != 1 or statements[0].type not in _READABLE:
        kinds = ", ".join(s.type.name for s in statements) or "nothing"
        raise WarehouseError(
            f"{path}: query() runs exactly one SELECT statement, got {kinds}; the warehouse is written only "
            "by the pipeline"
        )
    with reader(path, as_of_run=as_of_run, known_on=known_on) as conn:
        try:
            result = conn.execute(sql)
        except duckdb.Error as exc:
            raise WarehouseError(f"{path}: query failed: {exc}") from exc
        columns = [d[0] for d in result.description or []]
        return columns, result.fetchall()


def recent_runs(path: Path, *, limit: int = 10) -> list[dict[str, object]]:
    """Return the latest runs, newest first, with counts and errors decoded from JSON.

    Args:
        path: the published copy.
        limit: how many runs.

    Returns:
        One dict per run with the columns of the ``runs`` view.
    """
    with reader(path) as conn:
        runs = fetch_dicts(conn.execute(read_sql("select_recent_runs"), {"limit": limit}))
    for run in runs:
        for key in ("params", "counts", "errors"):
            value = run[key]
            run[key] = json.loads(value) if isinstance(value, str) else value
    return runs


def open_conflicts(path: Path, *, since: date | None = None) -> list[dict[str, object]]:
    """Return the open conflicts, newest detection first.

    Args:
        path: the published copy.
        since: only conflicts detected by runs started on or after this day (UTC).

    Returns:
        One dict per row of the ``conflicts`` view.
    """
    with reader(path) as conn:
        return fetch_dicts(conn.execute(read_sql("select_open_conflicts"), {"since": since}))


def open_disagreements(path: Path, *, since: datetime | None = None) -> list[dict[str, object]]:
    """Return the open disagreements, each with its articles (``disagreement_articles``: rows of that view).

    Args:
        path: the published copy.
        since: only disagreements opened by runs started at or after this moment.

    Returns:
        One dict per row of the ``disagreements`` view (plus ``opened_at``, and ``disagreement_articles``: the
        view's columns keep their names, so ``articles`` stays the first side's count), most recently opened
        first.
    """
    with reader(path) as conn:
        rows = fetch_dicts(conn.execute(read_sql("select_open_disagreements"), {"since": since}))
        articles = fetch_dicts(conn.execute(read_sql("select_disagreement_articles")))
    by_id: dict[object, list[dict[str, object]]] = {}
    for article in articles:
        by_id.setdefault(article["disagreement_id"], []).append(article)
    for row in rows:
        row["disagreement_articles"] = by_id.get(row["disagreement_id"], [])
    return rows


def changes_since(
    path: Path, *, after_run: int | None = None, since: datetime | None = None
) -> list[dict[str, object]]:
    """Return what runs changed about figure keys (the ``changes`` view), in run order.

    Args:
        path: the published copy.
        after_run: only changes of runs after this one.
        since: only changes of runs started at or after this moment.
    """
    with reader(path) as conn:
        return fetch_dicts(
            conn.execute(read_sql("select_changes_since"), {"after_run": after_run, "since": since})
        )


def run_conflicts(path: Path, run_id: int) -> list[dict[str, object]]:
    """Return the conflicts a run detected that are still open.

    Args:
        path: the published copy.
        run_id: the run.

    Returns:
        One dict per row of the ``conflicts`` view with ``detected_run_id = run_id``.
    """
    return _rows_of_run(path, "select_run_conflicts", run_id)


def run_disagreements(path: Path, run_id: int) -> list[dict[str, object]]:
    """Return the disagreements a run opened that are still open.

    Args:
        path: the published copy.
        run_id: the run.

    Returns:
        One dict per row of the ``disagreements`` view with ``opened_run_id = run_id``.
    """
    return _rows_of_run(path, "select_run_disagreements", run_id)


def run_coverage(path: Path, run_id: int) -> list[dict[str, object]]:
    """Return the per-day coverage rows a backfill run recorded.

    Args:
        path: the published copy.
        run_id: the backfill run.

    Returns:
        One dict per (source, day) with listed, fetched and stored counts.
    """
    return _rows_of_run(path, "select_run_coverage", run_id)


def _rows_of_run(path: Path, statement: str, run_id: int) -> list[dict[str, object]]:
    with reader(path) as conn:
        return fetch_dicts(conn.execute(read_sql(statement), {"run_id": run_id}))


def cleaned_versions(path: Path, article_ids: list[str], cleaner_version: str) -> list[dict[str, Any]]:
    """Return the stored versions of these articles that ``cleaner_version`` produced, with the SHA-256 of
    the raw page each was cleaned from.

    Args:
        path: the published copy.
        article_ids: the articles.
        cleaner_version: the cleaner version (``extractors.pages.CLEANER_VERSION``).

    Returns:
        One dict per version: version, url, source, cleaner_version, fetched_at, published_at,
        date_source, title, author, site_name, language, text, raw_sha256.

    Raises:
        WarehouseError: the file is missing or locked.
    """
    with reader(path) as conn:
        return fetch_dicts(
            conn.execute(
                read_sql("select_current_cleaner_versions"),
                {"article_ids": article_ids, "cleaner_version": cleaner_version},
            )
        )


def run_conflicts_by_source(path: Path, run_id: int) -> dict[str, int]:
    """How many of a run's open conflicts each source brought (the source of the contradicting article).

    A run whose checks ran for many batches at once (``Warehouse(defer_checks=True)``) learns its new
    conflicts only at the end; this attributes them to the sources of its summary.

    Args:
        path: the published copy.
        run_id: the run.

    Returns:
        Source name -> number of open conflicts the run detected on its articles.
    """
    with reader(path) as conn:
        rows = conn.execute(read_sql("select_run_conflicts_by_source"), {"run_id": run_id}).fetchall()
    return {str(source): int(count) for source, count in rows}
