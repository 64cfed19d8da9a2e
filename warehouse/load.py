"""Load one batch: append its raw pages, fetch log, article versions and figures, then check the figures
(fingerprints, conflicts, value clusters).

Either both in one transaction (:func:`load_batch`, a DuckDB file opened per call), or in two
(:func:`append_batch`, which queues what it appended, then :func:`check_pending`): DuckLake, where writers
load at once, so that appends overlap and each check reads every figure committed before it; and a run on a
DuckDB file, whose batches only append and whose checks run once for many batches (the check's statements
cost about as much for 2,000 articles as for 50).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from gdwatch.warehouse.connection import registered
from gdwatch.warehouse.memory import release_free_memory
from gdwatch.warehouse.records import BatchCounts, LoadBatch, SourceFetch
from gdwatch.warehouse.sql import read_sql
from gdwatch.warehouse.values import utc

if TYPE_CHECKING:
    import pyarrow as pa

    from gdwatch.warehouse.staging import StagedBatch

# Order matters: articles and extractions are classified against the state before the batch (one read of
# the stored versions and extractions of the batch's articles, ``_classify``), and conflicts are closed
# before new ones are looked for. Both conflict steps
# read the current figures of the touched scopes, selected once after the fingerprints (the disagreement
# stage needs them) and clustered after the conflict steps.
_STEPS_BEFORE_CLASSIFY = ("insert_raw_pages", "insert_page_fetches")
_STEPS_AFTER_CLASSIFY = ("insert_article_versions", "insert_extractions")


def load_batch(
    conn: duckdb.DuckDBPyConnection,
    batch: LoadBatch,
    *,
    run_id: int,
    timings: dict[str, float] | None = None,
    config_dir: Path | None = None,
) -> BatchCounts:
    """Append ``batch`` to the warehouse and check its figures in a single transaction (all of it or nothing).

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
    clock = _Clock(timings)
    with _staged(conn, batch, clock) as staged, _transaction(conn, clock):
        observations, counts = _append(conn, staged, run_id=run_id, clock=clock, check_here=True)
        new_conflicts = _check(conn, run_id=run_id, timings=timings, clock=clock, config_dir=config_dir)
        _finish_append(conn, batch, run_id=run_id)
        conn.execute(read_sql("drop_check_tables"))
        clock.lap("drop_check_tables")
    return BatchCounts(**counts, observations=observations, new_conflicts=new_conflicts)


def append_batch(
    conn: duckdb.DuckDBPyConnection,
    batch: LoadBatch,
    *,
    run_id: int,
    batch_number: int | None = None,
    timings: dict[str, float] | None = None,
) -> BatchCounts:
    """The first of a batch's two transactions: append ``batch``, queued for :func:`check_pending`.

    Pages, fetches, versions, extractions, figures and the feed fetch are stored, and the versions and
    extractions are queued in ``store.figure_checks``; fingerprints, conflicts and clusters wait for the
    check. On DuckLake the caller holds the locks of the batch's articles, so no other writer classifies them
    at once. ``batch_number`` orders the run's queued batches for the check (a writer's count of its
    batches; None comes first).

    Returns:
        What was stored (``new_conflicts`` is left to the check).

    Raises:
        WarehouseError: a page is inconsistent (outcome "article" without an article).
        duckdb.Error: a statement failed; the transaction was rolled back.
    """
    if not batch.pages:
        return _record_fetch_only(conn, batch.source_fetch, run_id=run_id, timings=timings)
    clock = _Clock(timings)
    with _staged(conn, batch, clock) as staged, _transaction(conn, clock):
        observations, counts = _append(
            conn, staged, run_id=run_id, clock=clock, check_here=False, batch_number=batch_number
        )
        _finish_append(conn, batch, run_id=run_id)
    return BatchCounts(**counts, observations=observations)


def check_pending(
    conn: duckdb.DuckDBPyConnection,
    *,
    run_id: int,
    timings: dict[str, float] | None = None,
    config_dir: Path | None = None,
    slice_articles: int | None = None,
) -> int:
    """The second of a batch's transactions: check every queued figure no check has read yet.

    Whoever queued them (this writer's batch, another writer's that has not reached its check, a writer
    killed between its two transactions), the queued versions are fingerprinted, their conflicts closed
    and opened and their scopes clustered as one batch, recorded under ``run_id``, and marked checked.
    On DuckLake the caller holds the catalog's lock, taken before this transaction starts, so the check
    reads every figure committed before it (a DuckDB file has one writer).

    With ``slice_articles``, the queued batches are checked in load order in slices of whole batches of at
    most that many article versions (a larger batch is a slice of its own), each in its own transaction:
    a slice reads every figure the slices before it committed, as the check after each of those batches
    would, so the conflicts and disagreements found are those of one check of them all, while the texts,
    signatures and figures a check holds at once are bounded by the slice (docs/benchmarks.md, "Warehouse
    loads"). A slice's snapshot of a scope is the history's only difference.

    Returns:
        The conflicts opened.

    Raises:
        duckdb.Error: a statement failed; the slice's transaction was rolled back (the slices before it
            stay checked).
    """
    opened = 0
    while True:
        new_conflicts, more = _check_slice(
            conn, run_id=run_id, timings=timings, config_dir=config_dir, slice_articles=slice_articles
        )
        opened += new_conflicts
        release_free_memory()  # what the slice freed, before the next slice or the run's pages reuse it
        if not more:
            return opened


def _check_slice(
    conn: duckdb.DuckDBPyConnection,
    *,
    run_id: int,
    timings: dict[str, float] | None,
    config_dir: Path | None,
    slice_articles: int | None,
) -> tuple[int, bool]:
    """Check the first slice of the queued batches in one transaction (all of them when ``slice_articles``
    is None); returns the conflicts opened and whether batches are left queued after the slice."""
    clock = _Clock(timings)
    more = False
    with _transaction(conn, clock):
        conn.execute(read_sql("create_pending_checks"))
        (pending,) = conn.execute("SELECT count(*) FROM pending_checks").fetchone() or (0,)
        clock.lap("create_pending_checks")
        if not pending:
            return 0, False
        if slice_articles is not None:
            more = _keep_first_slice(conn, slice_articles)
            clock.lap("select_pending_batches")
        conn.execute(read_sql("create_pending_batch_articles"))
        conn.execute(read_sql("create_pending_batch_extractions"))
        clock.lap("create_pending_batch")
        new_conflicts = _check(
            conn, run_id=run_id, timings=timings, clock=clock, config_dir=config_dir, later_batches=more
        )
        conn.execute(read_sql("insert_checked_checks"), {"run_id": run_id})
        clock.lap("insert_checked_checks")
        conn.execute(read_sql("drop_check_tables"))
        clock.lap("drop_check_tables")
    return new_conflicts, more


def _keep_first_slice(conn: duckdb.DuckDBPyConnection, slice_articles: int) -> bool:
    """Leave in ``pending_checks`` the first batches, in load order, whose article versions add up to at most
    ``slice_articles`` (at least one batch); returns whether later batches were left out (then in the temp
    table ``later_checks``)."""
    batches = conn.execute(read_sql("select_pending_batches")).fetchall()
    total = 0
    last = 0
    for last, (_, _, articles) in enumerate(batches):
        total += articles
        if last + 1 < len(batches) and total + batches[last + 1][2] > slice_articles:
            break
    if last + 1 == len(batches):
        return False
    last_run_id, last_batch_number, _ = batches[last]
    conn.execute(
        read_sql("create_later_checks"), {"last_run_id": last_run_id, "last_batch_number": last_batch_number}
    )
    conn.execute(read_sql("create_slice_pending_checks"))
    return True


@contextmanager
def _transaction(conn: duckdb.DuckDBPyConnection, clock: _Clock) -> Iterator[None]:
    """One transaction around the block: committed when it ends, rolled back when it raises."""
    conn.execute("BEGIN TRANSACTION")
    try:
        yield
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    clock.lap("commit")


@contextmanager
def _staged(conn: duckdb.DuckDBPyConnection, batch: LoadBatch, clock: _Clock) -> Iterator[StagedBatch]:
    """The batch's pages, raw pages and figures as Arrow tables registered on ``conn`` for the statements."""
    # NOTE: imported here: staging needs pyarrow and numpy, which a batch without pages does not.
    from gdwatch.warehouse.staging import stage_batch

    staged = stage_batch(batch)
    clock.lap("stage")
    with registered(conn, staged_pages=staged.pages, staged_raw=staged.raw):
        yield staged


def _append(
    conn: duckdb.DuckDBPyConnection,
    staged: StagedBatch,
    *,
    run_id: int,
    clock: _Clock,
    check_here: bool,
    batch_number: int | None = None,
) -> tuple[int, dict[str, int]]:
    """Classify and append the staged batch inside the open transaction; returns the figures inserted and
    the counts of the batch's pages (``BatchCounts`` fields).

    With ``check_here`` (:func:`load_batch`) the check that follows in the transaction reads the batch's
    articles and extractions as the temp tables ``batch_articles`` and ``batch_extractions``; else
    (:func:`append_batch`) they are queued in ``store.figure_checks`` and no temp table is made: the check
    rebuilds them from the queue.
    """
    params = {"run_id": run_id}
    for step in _STEPS_BEFORE_CLASSIFY:
        conn.execute(read_sql(step), params)
        clock.lap(step)
    classified = _classify(conn, staged)
    clock.lap("classify")
    with registered(
        conn, classified_articles=classified.articles, classified_extractions=classified.extractions
    ):
        if check_here:
            conn.execute("CREATE OR REPLACE TEMP TABLE batch_articles AS SELECT * FROM classified_articles")
            conn.execute(
                "CREATE OR REPLACE TEMP TABLE batch_extractions AS SELECT * FROM classified_extractions"
            )
            clock.lap("create_batch_tables")
        for step in _STEPS_AFTER_CLASSIFY:
            conn.execute(read_sql(step), params)
            clock.lap(step)
    observations = _insert_observations(conn, staged, classified.owners, run_id=run_id)
    clock.lap("insert_observations")
    if not check_here:
        with registered(conn, queued_checks=classified.queued):
            conn.execute(read_sql("insert_queued_checks"), {"run_id": run_id, "batch_number": batch_number})
        clock.lap("insert_queued_checks")
    return observations, classified.counts


_Owners = dict[tuple[int, str], tuple[str, int]]
"""The batch's new extractions: (page ordinal, extractor version) -> (article id, version)."""


@dataclass(frozen=True)
class _Classified:
    """What :func:`_classify` found, as the statements of the append read it."""

    counts: dict[str, int]
    """Pages by status and outcome (``BatchCounts`` fields)."""
    owners: _Owners
    """Whose figures each new extraction's are (:func:`_insert_observations`)."""
    articles: pa.Table
    """The article pages with their status and version: the rows of ``batch_articles``."""
    extractions: pa.Table
    """The new extractions: the rows of ``batch_extractions``."""
    queued: pa.Table
    """The versions and extractions to queue for the check (``store.figure_checks``, event "queued")."""


def _classify(conn: duckdb.DuckDBPyConnection, staged: StagedBatch) -> _Classified:
    """Classify the batch's articles and choose its new extractions from one read of what is stored of its
    articles.

    Each article page is a new_article (version 1), a new_version (its text changed: version n + 1),
    unchanged (the latest stored version has its content hash) or a duplicate (its canonical URL appeared
    earlier in the batch; the first occurrence wins). The extractions are the (version, extractor version)
    pairs of the pages that are not duplicates and that are not stored yet, with their figures' count;
    each version that is not a duplicate is queued with each of its new extractions (or with none).
    The statements' fixed costs, not their rows, made most of a small batch's time (docs/benchmarks.md,
    "Warehouse loads"), so this is Python over the batch's few rows, and DuckDB reads the stored rows once.
    """
    # NOTE: imported here like staging: a batch without pages needs no pyarrow
    import pyarrow as pa

    latest: dict[str, tuple[int, str]] = {}
    extracted: set[tuple[str, int, str]] = set()
    if staged.articles:
        ids = pa.table({"article_id": pa.array(sorted({a.article_id for a in staged.articles}), pa.string())})
        with registered(conn, batch_ids=ids):
            for kind, article_id, number, value in conn.execute(read_sql("select_batch_stored")).fetchall():
                if kind == "version":
                    latest[article_id] = (number, value)
                else:
                    extracted.add((article_id, number, value))
    statuses: list[str] = []
    versions: list[int | None] = []
    extractions: dict[str, list[object]] = {name: [] for name in _extractions_schema().names}
    queued: dict[str, list[object]] = {name: [] for name in _queued_schema().names}
    seen: set[str] = set()
    owners: _Owners = {}
    for article in staged.articles:
        version: int | None
        if article.article_id in seen:
            status, version = "duplicate", None
        else:
            seen.add(article.article_id)
            stored = latest.get(article.article_id)
            if stored is None:
                status, version = "new_article", 1
            elif stored[1] == article.content_hash:
                status, version = "unchanged", stored[0]
            else:
                status, version = "new_version", stored[0] + 1
            added = [
                (extractor_version, count)
                for extractor_version, count in article.extractions.items()
                if (article.article_id, version, extractor_version) not in extracted
            ]
            for extractor_version, count in added:
                if extractor_version is not None:  # a NULL version joins no figure, as in SQL
                    owners[(article.page_ordinal, extractor_version)] = (article.article_id, version)
                row = (article.page_ordinal, article.article_id, version, extractor_version, count, 1)
                for name, value in zip(extractions, row, strict=True):
                    extractions[name].append(value)
            for extractor_version, _ in added or [(None, 0)]:
                row_q = (article.article_id, version, extractor_version, status, article.page_ordinal)
                for name, value in zip(queued, row_q, strict=True):
                    queued[name].append(value)
        statuses.append(status)
        versions.append(version)
    articles = (
        staged.pages.take(pa.array([a.page_ordinal for a in staged.articles], pa.int64()))
        .append_column("status", pa.array(statuses, pa.string()))
        .append_column("version", pa.array(versions, pa.int32()))
    )
    counts = {
        "new_articles": statuses.count("new_article"),
        "new_versions": statuses.count("new_version"),
        "unchanged": statuses.count("unchanged"),
        "duplicates": statuses.count("duplicate"),
        "off_topic": staged.outcomes.get("off_topic", 0),
        "no_article": staged.outcomes.get("no_article", 0),
        "failed": staged.outcomes.get("failed", 0),
    }
    return _Classified(
        counts,
        owners,
        articles,
        pa.table(extractions, schema=_extractions_schema()),
        pa.table(queued, schema=_queued_schema()),
    )


def _insert_observations(
    conn: duckdb.DuckDBPyConnection, staged: StagedBatch, extractions: _Owners, *, run_id: int
) -> int:
    """Append the figures of the batch's new extractions; returns how many.

    The figures to store are chosen in Python (no join), and their periods' first and last days come from
    :func:`_period_bounds`, so the statement binds no period macro (about 4 ms a statement, whatever its
    rows: docs/benchmarks.md, "Warehouse loads").
    """
    import pyarrow as pa

    figures = staged.observations
    if not extractions or not figures.num_rows:
        return 0
    pages = figures.column("page_ordinal").to_pylist()
    versions = figures.column("extractor_version").to_pylist()
    owners = [extractions.get(key) for key in zip(pages, versions, strict=True)]
    keep = [owner is not None for owner in owners]
    kept = [owner for owner in owners if owner is not None]
    if not kept:
        return 0
    figures = figures.filter(pa.array(keep, pa.bool_()))
    periods = figures.column("period").to_pylist()
    bounds = _period_bounds(conn, periods)
    figures = (
        figures.append_column("article_id", pa.array([a for a, _ in kept], pa.string()))
        .append_column("article_version", pa.array([v for _, v in kept], pa.int32()))
        .append_column("period_start", pa.array([_bound(bounds, p, 0) for p in periods], pa.date32()))
        .append_column("period_end", pa.array([_bound(bounds, p, 1) for p in periods], pa.date32()))
    )
    with registered(conn, new_observations=figures):
        return _rowcount(conn.execute(read_sql("insert_observations"), {"run_id": run_id}))


_PERIOD_BOUNDS: dict[str, tuple[date | None, date | None]] = {}
"""Period string -> (first day, last day), as the warehouse's ``period_start_of`` and ``period_end_of``
give them. The macros are those of the migrations this code applies to every warehouse it opens, so one
process can keep them for its life; a period seen once is not asked again."""


def _period_bounds(
    conn: duckdb.DuckDBPyConnection, periods: list[str | None]
) -> dict[str, tuple[date | None, date | None]]:
    """The first and last day of each period of ``periods`` (NULL ones left out), asking DuckDB's macros
    only for periods this process has not seen."""
    import pyarrow as pa

    missing = sorted({p for p in periods if p is not None and p not in _PERIOD_BOUNDS})
    if missing:
        with registered(conn, new_periods=pa.table({"period": pa.array(missing, pa.string())})):
            for period, start, end in conn.execute(read_sql("select_period_bounds")).fetchall():
                _PERIOD_BOUNDS[period] = (start, end)
    return _PERIOD_BOUNDS


def _bound(bounds: dict[str, tuple[date | None, date | None]], period: str | None, end: int) -> date | None:
    return None if period is None else bounds[period][end]


@cache
def _extractions_schema() -> pa.Schema:
    """The columns of ``batch_extractions`` (those of the statement it replaced, in its order)."""
    import pyarrow as pa

    return pa.schema(
        [
            ("page_ordinal", pa.int32()),
            ("article_id", pa.string()),
            ("version", pa.int32()),
            ("extractor_version", pa.string()),
            ("observation_count", pa.int64()),
            ("batch_order", pa.int32()),
        ]
    )


@cache
def _queued_schema() -> pa.Schema:
    """The columns of the queued rows of ``store.figure_checks`` that a batch gives."""
    import pyarrow as pa

    return pa.schema(
        [
            ("article_id", pa.string()),
            ("article_version", pa.int32()),
            ("extractor_version", pa.string()),
            ("status", pa.string()),
            ("page_ordinal", pa.int32()),
        ]
    )


def _check(
    conn: duckdb.DuckDBPyConnection,
    *,
    run_id: int,
    timings: dict[str, float] | None,
    clock: _Clock,
    config_dir: Path | None,
    later_batches: bool = False,
) -> int:
    """Fingerprint, close and open conflicts and cluster for ``batch_articles`` and ``batch_extractions``
    inside the open transaction; returns the conflicts opened.

    With ``later_batches`` (a slice of :func:`check_pending`), the figures of the batches queued after the
    slice (``later_checks``) are left for their own slice to pair.
    """
    # NOTE: imported here: the disagreement stage needs tldextract (0.4 s), which a batch without pages
    # does not.
    from gdwatch.warehouse.disagreements import (
        configured_settings,
        fingerprint_batch,
        select_touched_figures,
        snapshot_clusters,
    )

    params = {"run_id": run_id}
    settings = configured_settings(config_dir)
    # the disagreement stage: its timings (fingerprints, touched figures, clusters) are summed in
    # refresh_disagreements; the conflict steps between read the touched figures it selected
    stage: dict[str, float] = {}
    fingerprint_batch(conn, run_id=run_id, settings=settings, timings=stage, config_dir=config_dir)
    select_touched_figures(conn, timings=stage)
    clock.skip()
    if later_batches:
        conn.execute(read_sql("create_slice_touched_figures"))
        clock.lap("create_slice_touched_figures")
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
    return new_conflicts


def _finish_append(conn: duckdb.DuckDBPyConnection, batch: LoadBatch, *, run_id: int) -> None:
    """Record the batch's feed fetch (its source's state advances with the batch)."""
    if batch.source_fetch is not None:
        conn.execute(read_sql("insert_source_fetch"), _source_fetch_params(batch.source_fetch, run_id))


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
