"""Load one batch in one transaction: raw pages, fetch log, article versions, observations, conflicts."""

from __future__ import annotations

import time
from collections.abc import Mapping
from pathlib import Path

import duckdb

from gdwatch.warehouse.records import BatchCounts, LoadBatch, SourceFetch
from gdwatch.warehouse.sql import fetch_dicts, read_sql
from gdwatch.warehouse.values import utc

# Order matters: articles are classified against the state before the batch, extractions are chosen
# after the new versions exist, and conflicts are closed before new ones are looked for. Both conflict steps
# read the current figures of the touched scopes, selected once after the fingerprints (the disagreement
# stage needs them) and clustered after the conflict steps.
_STEPS_BEFORE_OBSERVATIONS = (
    "insert_raw_pages",
    "insert_page_fetches",
    "create_batch_articles",
    "insert_article_versions",
    "create_batch_extractions",
    "insert_extractions",
)


def load_batch(
    conn: duckdb.DuckDBPyConnection,
    batch: LoadBatch,
    *,
    run_id: int,
    timings: dict[str, float] | None = None,
    config_dir: Path | None = None,
) -> BatchCounts:
    """Append ``batch`` to the warehouse in a single transaction (all of it or nothing).

    Args:
        conn: a read-write connection with no open transaction.
        batch: the pages (and optionally the feed fetch) to record.
        run_id: the run that produced them.
        timings: if given, receives the seconds spent in each step (``stage``, each statement file
            name, ``commit``), for benchmarks and slow-run diagnosis.
        config_dir: the configuration directory the disagreement settings and outlets come from
            (``--config DIR``); $GDWATCH_CONFIG or the packaged one when None.

    Returns:
        What was stored.

    Raises:
        WarehouseError: a page is inconsistent (outcome "article" without an article).
        duckdb.Error: a statement failed; the transaction was rolled back.
    """
    if not batch.pages:
        return _record_fetch_only(conn, batch.source_fetch, run_id=run_id, timings=timings)
    # NOTE: imported here: staging needs pyarrow and numpy, the disagreement stage tldextract (0.4 s
    # together), which a batch without pages does not.
    from gdwatch.warehouse.disagreements import (
        configured_settings,
        fingerprint_batch,
        select_touched_figures,
        snapshot_clusters,
    )
    from gdwatch.warehouse.staging import stage_batch

    clock = _Clock(timings)
    staged = stage_batch(batch)
    clock.lap("stage")
    params = {"run_id": run_id}
    conn.register("staged_pages", staged.pages)
    conn.register("staged_raw", staged.raw)
    conn.register("staged_observations", staged.observations)
    conn.execute("BEGIN TRANSACTION")
    try:
        for step in _STEPS_BEFORE_OBSERVATIONS:
            conn.execute(read_sql(step), _params_used(step, params))
            clock.lap(step)
        observations = _rowcount(conn.execute(read_sql("insert_observations"), params))
        clock.lap("insert_observations")
        settings = configured_settings(config_dir)
        # the disagreement stage: its timings (fingerprints, touched figures, clusters) are summed in
        # refresh_disagreements; the conflict steps between read the touched figures it selected
        stage: dict[str, float] = {}
        fingerprint_batch(conn, run_id=run_id, settings=settings, timings=stage, config_dir=config_dir)
        select_touched_figures(conn, timings=stage)
        clock.skip()
        (revisits,) = conn.execute(read_sql("select_batch_revisits")).fetchone() or (False,)
        if revisits:
            conn.execute(read_sql("insert_closed_conflicts"), params)
        clock.lap("insert_closed_conflicts")
        new_conflicts = _rowcount(conn.execute(read_sql("insert_opened_conflicts"), params))
        clock.lap("insert_opened_conflicts")
        snapshot_clusters(conn, run_id=run_id, settings=settings, timings=stage)
        clock.skip()
        if timings is not None:
            for name, seconds in stage.items():
                timings[name] = timings.get(name, 0.0) + seconds
            whole = stage["fingerprint_articles"] + stage["touched_figures"] + stage["cluster_figures"]
            timings["refresh_disagreements"] = timings.get("refresh_disagreements", 0.0) + whole
        if batch.source_fetch is not None:
            conn.execute(read_sql("insert_source_fetch"), _source_fetch_params(batch.source_fetch, run_id))
        (counts,) = fetch_dicts(conn.execute(read_sql("count_batch")))  # scalar subqueries: one row
        conn.execute("COMMIT")
        clock.lap("commit")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    finally:
        for name in ("staged_pages", "staged_raw", "staged_observations"):
            conn.unregister(name)
    return BatchCounts(**counts, observations=observations, new_conflicts=new_conflicts)


def _record_fetch_only(
    conn: duckdb.DuckDBPyConnection,
    fetch: SourceFetch | None,
    *,
    run_id: int,
    timings: dict[str, float] | None,
) -> BatchCounts:
    """A batch without pages (an unchanged or failed feed): only its fetch is recorded, in one transaction.

    Every other step of a load reads only the batch's pages: none of them would add anything.
    """
    clock = _Clock(timings)
    if fetch is None:
        return BatchCounts()
    conn.execute("BEGIN TRANSACTION")
    try:
        conn.execute(read_sql("insert_source_fetch"), _source_fetch_params(fetch, run_id))
        conn.execute("COMMIT")
        clock.lap("commit")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return BatchCounts()


class _Clock:
    """Records lap times into ``timings`` when the caller asked for them."""

    def __init__(self, timings: dict[str, float] | None) -> None:
        self.timings = timings
        self.last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        if self.timings is not None:
            self.timings[name] = self.timings.get(name, 0.0) + now - self.last
        self.last = now

    def skip(self) -> None:
        """Start the next lap now: the time since the last one was recorded elsewhere."""
        self.last = time.perf_counter()


def _params_used(step: str, params: Mapping[str, object]) -> Mapping[str, object] | None:
    """DuckDB rejects named parameters a statement does not use, so pass them only where needed."""
    return params if "$run_id" in read_sql(step) else None


def _rowcount(result: duckdb.DuckDBPyConnection) -> int:
    row = result.fetchone()
    return int(row[0]) if row else 0


def _source_fetch_params(fetch: SourceFetch, run_id: int) -> dict[str, object]:
    return {
        "run_id": run_id,
        "source": fetch.source,
        "url": fetch.url,
        "fetched_at": utc(fetch.fetched_at),
        "outcome": fetch.outcome,
        "http_status": fetch.http_status,
        "etag": fetch.etag,
        "last_modified": fetch.last_modified,
        "body_hash": fetch.body_hash,
        "entries_listed": fetch.entries_listed,
        "entries_new": fetch.entries_new,
        "error": fetch.error,
        "parse_error": fetch.parse_error,
        "topic_key": fetch.topic_key,
    }
