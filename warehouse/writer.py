"""The single writer: holds the OS lock for its life; opens DuckDB inside each call, or once for a run."""

from __future__ import annotations

import json
import threading
import time
import zlib
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, Self, TypeVar

import duckdb

from gdwatch.warehouse.check_process import check_in_own_process
from gdwatch.warehouse.connection import connect, publish, registered
from gdwatch.warehouse.errors import WarehouseError
from gdwatch.warehouse.lake import CatalogLock, LakeTarget, is_lake
from gdwatch.warehouse.load import append_batch, check_pending, load_batch
from gdwatch.warehouse.lock import WriterLock
from gdwatch.warehouse.memory import release_free_memory
from gdwatch.warehouse.records import (
    BatchCounts,
    CoverageRow,
    LoadBatch,
    RawPage,
    RevisitCandidate,
    SourceState,
)
from gdwatch.warehouse.sql import fetch_dicts, read_sql
from gdwatch.warehouse.values import article_id_for, utc

if TYPE_CHECKING:
    import pyarrow as pa

T = TypeVar("T")

# NOTE: pyarrow (with numpy, 0.3 s) is imported where a call needs it: a run whose sources are all
# unchanged records their fetches (`load.load_batch` without pages) and never builds an Arrow table.


def _coverage_schema() -> pa.Schema:
    import pyarrow as pa

    return pa.schema(
        [
            ("source", pa.string()),
            ("day", pa.date32()),
            ("listed", pa.int32()),
            ("fetched", pa.int32()),
            ("stored", pa.int32()),
            ("error", pa.string()),
        ]
    )


class Warehouse:
    """The one writer of a warehouse file; use it as a context manager.

    The exclusive lock on ``<path>.lock`` is held from construction to :meth:`close`, so a second
    pipeline fails fast (or waits ``wait_s``). By default the DuckDB file itself is opened only during
    each method call, so it is locked only while being written and the process may read it between calls.
    With ``hold_file`` (what a run does) it is opened once and held until :meth:`close`: each open costs
    about 20 ms and each close a checkpoint of 0.1-0.3 s, growing with the file: a third of a 200-article
    load's time (docs/benchmarks.md, "Warehouse loads"). Committed batches are in the write-ahead log
    either way, so a crash loses no committed batch; a held file is checkpointed when the log passes
    DuckDB's threshold, when the writer publishes and when it closes. Readers then use the published copy.

    The methods are safe to call from several threads of the process: an internal lock lets one call
    at a time use the file, so callers need no lock of their own.

    On a DuckLake warehouse (``path`` a ``ducklake:`` location, see ``warehouse.lake``) the writer keeps
    one session on the catalog for its life. With a PostgreSQL catalog, writers in several processes and
    machines load at once. A batch is two transactions: its append holds only the locks of its articles
    (two writers never store one article's version at once), so appends of several writers overlap; its
    check (fingerprints, conflicts, clusters) holds the catalog's advisory lock, because it must see every
    figure committed before it. A commit that still conflicts is retried with backoff; both transactions
    are idempotent, so a retry adds nothing twice. Run ids come from the catalog's sequence.
    """

    COMMIT_ATTEMPTS = 5
    """Tries of one batch whose DuckLake commit conflicts with another writer's."""
    RETRY_BACKOFF_S = 0.05
    """First pause before a retry; doubles on each retry."""
    CHECK_AFTER_ARTICLES = 4_000
    """With ``defer_checks``: a batch that leaves at least this many article pages queued is followed by a
    check (docs/benchmarks.md, "Warehouse loads")."""
    CHECK_SLICE_ARTICLES = 1_000
    """A check on a DuckDB file works through the queued batches in slices of whole batches of at most this
    many article versions, one transaction each, so its memory is bounded by the slice, not by what is
    queued (the same conflicts and disagreements as one check of them all: ``load.check_pending``)."""
    CHECK_IN_OWN_PROCESS = True
    """A writer that holds a DuckDB file runs each check in a short-lived process of its own
    (``warehouse.check_process``), closing the file for it and reopening it afterwards, so what the check
    allocates and what DuckDB caches for it leave with that process instead of staying in the run's for the
    rest of the run (docs/benchmarks.md, "The check in a process of its own"). The rows are those of the
    check in this process; False runs it here."""
    FILE_THREADS = 1
    """DuckDB threads of the writer's connections to a DuckDB file. A batch's statements read and write tens
    to thousands of rows, too few to split: with DuckDB's default (one thread per core) each statement
    paid for scheduling work across threads, and a run's page workers want the other core anyway. One
    thread made the appends 1.3-1.45x and the checks about 1.2x as fast on 2 cores (docs/benchmarks.md,
    "One thread for the writer")."""
    SERIALISE_LAKE_LOADS = True
    """Take the article locks around each DuckLake append and the catalog's advisory lock around each check.
    Only benchmarks turn it off, to measure what the locks cost: without them, concurrent checks can miss a
    conflict between their batches and two writers can store one article's version twice."""

    def __init__(
        self,
        path: Path,
        *,
        wait_s: float = 0.0,
        config_dir: Path | None = None,
        hold_file: bool = False,
        defer_checks: bool = False,
    ) -> None:
        """Take the writer lock and apply pending migrations.

        Args:
            path: the warehouse file; its parent directories are created.
            wait_s: how long to wait for another writer to finish.
            config_dir: the configuration directory loads read their disagreement settings and outlets
                from (``--config DIR``); $GDWATCH_CONFIG or the packaged one when None.
            hold_file: keep a DuckDB file open from here to :meth:`close` instead of opening it per call
                (no other connection, not even a read-only one in this process, can open it meanwhile).
                A DuckLake writer always keeps its session.
            defer_checks: on a DuckDB file, each batch only appends and queues what it added; the figures
                are checked (fingerprints, conflicts, disagreement snapshots) by :meth:`check_pending`, which
                the run calls before it publishes, and after a batch once ``CHECK_AFTER_ARTICLES`` articles
                are queued. Between the two, the figures are stored but not compared (what a run does: it
                reads only the published copy).

        Raises:
            WarehouseBusyError: another writer holds the lock after ``wait_s``.
            MigrationError: the schema could not be brought up to date.
        """
        self.path = Path(path)
        self.config_dir = config_dir
        self._lake = LakeTarget.parse(self.path) if is_lake(self.path) else None
        if self._lake is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._session: duckdb.DuckDBPyConnection | None = None
        """The writer's connection for its life: its session on a DuckLake catalog, or the held DuckDB file
        (None for a DuckDB file opened per call)."""
        self._catalog_lock: CatalogLock | None = None
        self.commit_retries = 0
        """DuckLake batches retried after a conflicting commit, for the benchmark and the run's log."""
        self.lock_wait_s = 0.0
        """Seconds spent waiting for the catalog's advisory lock (the checks)."""
        self.lock_held_s = 0.0
        """Seconds this writer held the catalog's advisory lock for its checks."""
        self.checks_left = 0
        """DuckLake batches whose check was left to a later one because another writer was checking."""
        self.append_wait_s = 0.0
        """Seconds spent waiting for the locks of a batch's articles (another writer appending one)."""
        self.lake_batches = 0
        """DuckLake transactions committed, a batch's append and its check one each (commit_retries per 100
        of them is the benchmark's contention)."""
        # NOTE: one call at a time uses the file. Concurrent load transactions would not see each other's
        # figures (so miss the conflicts between them) and would number their conflict events alike.
        self._mutex = threading.Lock()
        self._defer_checks = defer_checks
        self._batches = 0
        """Batches this writer appended: the number that orders a run's queued batches for the check."""
        self._queued_articles = 0
        """Article pages appended by this writer's deferred batches since its last check."""
        self.check_s = 0.0
        """Seconds this writer spent in the checks of deferred batches (a DuckDB file), for the benchmark."""
        self._opened_since_report = 0
        """Conflicts opened by checks after a deferred batch, not yet returned by :meth:`check_pending`."""
        self._lock = WriterLock(self.path)
        self._lock.acquire(wait_s)
        try:
            if self._lake is None and not hold_file:
                connect(self.path).close()
            else:
                self._session = self._open_session(migrate=True)
            if self._lake is not None and self._lake.kind == "postgres":
                self._catalog_lock = CatalogLock(self._lake)
        except BaseException:
            self._close_session()
            self._lock.release()
            raise

    def _open_session(self, *, migrate: bool) -> duckdb.DuckDBPyConnection:
        session = connect(self.path, migrate=migrate)
        if self._lake is None:
            session.execute(f"SET threads = {int(self.FILE_THREADS)}")
        return session

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @contextmanager
    def _conn(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection for one call, one thread at a time (the writer migrated the schema when it opened)."""
        with self._mutex:
            if not self._lock.held:
                raise WarehouseError(f"{self.path}: this Warehouse was closed; open a new one to write")
            if self._session is not None:
                try:
                    yield self._session
                except BaseException:
                    # the session lives on: end a transaction left open (a check in its own process
                    # reopened it: None only when that reopening failed)
                    with suppress(duckdb.Error):
                        if self._session is not None:
                            self._session.execute("ROLLBACK")
                    raise
                return
            conn = connect(self.path, migrate=False)
            try:
                conn.execute(f"SET threads = {int(self.FILE_THREADS)}")
                yield conn
            finally:
                conn.close()

    def start_run(self, *, flow: str, params: Mapping[str, object], started_at: datetime) -> int:
        """Record the start of a run.

        Args:
            flow: flow name ("daily", "backfill", ...).
            params: flow parameters (stored as JSON; non-JSON values as their str()).
            started_at: when the run started.

        Returns:
            The new run id (one more than the highest so far).
        """
        with self._conn() as conn:
            conn.execute("BEGIN TRANSACTION")
            row = conn.execute(read_sql("select_next_run_id")).fetchone()
            assert row is not None  # why: an aggregate without GROUP BY returns one row
            run_id = int(row[0])
            if self._catalog_lock is not None:
                # several writers: the catalog's sequence, never max + 1 (it starts after the stored runs)
                run_id = self._catalog_lock.next_run_id(floor=run_id - 1)
            conn.execute(
                read_sql("insert_run_started"),
                {
                    "run_id": run_id,
                    "flow": flow,
                    "params": json.dumps(dict(params), default=str, sort_keys=True),
                    "started_at": utc(started_at),
                },
            )
            self._tag(conn, run_id, "started")
            conn.execute("COMMIT")
        return run_id

    def _tag(self, conn: duckdb.DuckDBPyConnection, run_id: int, step: str) -> None:
        """On DuckLake, tag the open transaction's snapshot with the run and the step."""
        if self._lake is not None:
            info = json.dumps({"run_id": run_id, "step": step})
            conn.execute(read_sql("tag_lake_commit"), {"message": f"run {run_id} {step}", "extra_info": info})

    def finish_run(
        self,
        run_id: int,
        *,
        ended_at: datetime,
        status: Literal["completed", "partial", "failed"],
        counts: Mapping[str, int],
        errors: Sequence[Mapping[str, str]],
    ) -> None:
        """Record the end of a run.

        Args:
            run_id: a run from :meth:`start_run`.
            ended_at: when it ended.
            status: completed, partial (some sources failed) or failed.
            counts: totals to show in ``runs.counts``.
            errors: one mapping per error (source, url, error, ...).

        Raises:
            WarehouseError: the run was never started or has already finished.
        """
        with self._conn() as conn:
            row = conn.execute(read_sql("select_run_status"), {"run_id": run_id}).fetchone()
            started, finished = row if row else (False, False)
            if not started:
                raise WarehouseError(
                    f"{self.path}: run {run_id} was never started; use the id start_run returned"
                )
            if finished:
                raise WarehouseError(f"{self.path}: run {run_id} already finished; finish each run once")
            conn.execute("BEGIN TRANSACTION")
            conn.execute(
                read_sql("insert_run_finished"),
                {
                    "run_id": run_id,
                    "ended_at": utc(ended_at),
                    "status": status,
                    "counts": json.dumps(dict(counts), sort_keys=True),
                    "errors": json.dumps([dict(e) for e in errors]),
                },
            )
            self._tag(conn, run_id, "finished")
            conn.execute("COMMIT")

    def source_state(self, source: str) -> SourceState | None:
        """Return the validators of the source's last successful feed fetch (fetched or not_modified).

        Args:
            source: source id.

        Returns:
            The state, or None when the source was never fetched successfully.
        """
        with self._conn() as conn:
            rows = fetch_dicts(conn.execute(read_sql("select_source_state"), {"source": source}))
        return SourceState(**rows[0]) if rows else None

    def seen_entries(
        self, source: str, entry_ids: Collection[str], *, topic_key: str | None = None
    ) -> set[str]:
        """Return the entry ids of ``source`` already handled for good (stored, no article, off topic).

        Failed entries are not seen, so the next run retries them; off-topic ones are seen only when they
        were judged under the same topic settings.

        Args:
            source: source id.
            entry_ids: ids listed by the feed now.
            topic_key: the current topic settings (``RunContext.topic_key``).

        Returns:
            The subset already handled.
        """
        if not entry_ids:
            return set()
        import pyarrow as pa

        ids = pa.table({"entry_id": pa.array(list(entry_ids), pa.string())})
        with self._conn() as conn, registered(conn, requested_entries=ids):
            params = {"source": source, "topic_key": topic_key}
            rows = conn.execute(read_sql("select_seen_entries"), params).fetchall()
        return {r[0] for r in rows}

    def revisit_candidates(self, source: str, *, since: datetime, limit: int) -> list[RevisitCandidate]:
        """Articles of `source` first fetched since `since`, newest first, with their last validators."""
        params = {"source": source, "since": since, "limit": limit}
        with self._conn() as conn:
            rows = fetch_dicts(conn.execute(read_sql("select_revisit_candidates"), params))
        return [RevisitCandidate(**row) for row in rows]

    def load_batch(
        self, batch: LoadBatch, *, run_id: int, timings: dict[str, float] | None = None
    ) -> BatchCounts:
        """Store a batch of pages (and its feed fetch) in one transaction.

        Args:
            batch: pages and, with a source's last batch, its SourceFetch.
            run_id: the current run.
            timings: if given, receives the seconds spent in each step of the load.

        Returns:
            What was stored.

        Raises:
            WarehouseError: a page is inconsistent; nothing of the batch is stored.
        """
        with self._conn() as conn:
            if self._lake is not None:
                return self._load_lake_batch(conn, batch, run_id=run_id, timings=timings)
            if not self._defer_checks:
                return load_batch(conn, batch, run_id=run_id, timings=timings, config_dir=self.config_dir)
            self._batches += 1
            counts = append_batch(conn, batch, run_id=run_id, batch_number=self._batches, timings=timings)
            self._queued_articles += sum(page.article is not None for page in batch.pages)
            if self._queued_articles >= self.CHECK_AFTER_ARTICLES:
                self._opened_since_report += self._check_file(conn, run_id, timings)
            else:
                release_free_memory()  # the batch's pages and rows, freed: not kept for the rest of the run
            return counts

    def _check_file(
        self, conn: duckdb.DuckDBPyConnection, run_id: int, timings: dict[str, float] | None
    ) -> int:
        """Check everything queued on a DuckDB file, in its own transaction; returns the conflicts opened."""
        started = time.perf_counter()
        # nothing of this writer's queued: at most what a killed writer left, checked here rather than pay a
        # process and two checkpoints for what is usually an empty queue (an unchanged run)
        if self._session is not None and self.CHECK_IN_OWN_PROCESS and self._queued_articles > 0:
            opened = self._check_in_own_process(run_id, timings)
        else:
            opened = check_pending(
                conn,
                run_id=run_id,
                timings=timings,
                config_dir=self.config_dir,
                slice_articles=self.CHECK_SLICE_ARTICLES,
            )
        self._queued_articles = 0
        self.check_s += time.perf_counter() - started
        return opened

    def _check_in_own_process(self, run_id: int, timings: dict[str, float] | None) -> int:
        """The check of a held file in a process of its own: the file is closed (a checkpoint) for it and
        reopened afterwards, also when it fails, so the writer goes on (the caller holds ``_mutex``)."""
        assert self._session is not None  # why: only a writer that holds its file checks this way
        self._session.close()
        self._session = None
        try:
            return check_in_own_process(
                self.path,
                run_id=run_id,
                config_dir=self.config_dir,
                slice_articles=self.CHECK_SLICE_ARTICLES,
                threads=self.FILE_THREADS,
                lock_fd=self._lock.fd,
                timings=timings,
            )
        finally:
            self._session = self._open_session(migrate=False)

    def _load_lake_batch(
        self,
        conn: duckdb.DuckDBPyConnection,
        batch: LoadBatch,
        *,
        run_id: int,
        timings: dict[str, float] | None,
    ) -> BatchCounts:
        """One batch on DuckLake, in two transactions, each retried with backoff when its commit conflicts.

        The append holds only the locks of the batch's articles, so other writers append their batches
        meanwhile. The check holds the catalog's lock, taken before its transaction starts: it reads every
        figure committed before it, and checks every figure queued and not yet checked, this batch's and
        any other writer's (see ``load.check_pending``). When another writer holds that lock, the batch does
        not wait: it is left queued for the next check, that writer's or this one's, and the run's last
        step (:meth:`check_pending`) waits for whatever is left. Checks then cover several batches at once,
        and their fixed cost (a few hundred milliseconds on a PostgreSQL catalog) is paid less often.
        """
        tagged = _TaggedCommits(conn, self, run_id)
        counts = self._lake_attempts(lambda: self._append_lake_batch(tagged, batch, run_id, timings))
        if not batch.pages:
            return counts
        lock = self._catalog_lock if self.SERIALISE_LAKE_LOADS else None
        if lock is not None and not lock.try_take():
            self.checks_left += 1  # another writer is checking: its next check, or this writer's, covers it
            return counts
        new_conflicts = self._lake_attempts(lambda: self._check_lake(tagged, run_id, timings))
        return replace(counts, new_conflicts=new_conflicts)

    def check_pending(self, *, run_id: int, timings: dict[str, float] | None = None) -> int:
        """Check the figures queued and not checked yet (on DuckLake waiting for the catalog's lock).

        A run's last step runs it before it publishes: its batches may have left their checks to a later
        one (``defer_checks``, or another DuckLake writer checking), and a writer killed between a batch's
        append and its check left that batch queued; so does a sharded run's final step (a killed shard's
        batches). With nothing queued it costs one read of ``store.figure_checks``.

        Returns:
            The conflicts opened by this check and by the checks that followed deferred batches since the
            last call (so a run counts each once).
        """
        if self._lake is None:
            with self._conn() as conn:
                opened = self._opened_since_report + self._check_file(conn, run_id, timings)
                self._opened_since_report = 0
                return opened
        with self._conn() as conn:
            tagged = _TaggedCommits(conn, self, run_id)
            return self._lake_attempts(lambda: self._check_lake(tagged, run_id, timings))

    def _append_lake_batch(
        self, conn: _TaggedCommits, batch: LoadBatch, run_id: int, timings: dict[str, float] | None
    ) -> BatchCounts:
        articles = [page.article.url for page in batch.pages if page.article is not None]
        ids = [article_id_for(url) for url in articles]
        lock = self._catalog_lock if self.SERIALISE_LAKE_LOADS else None
        if lock is not None:
            self.append_wait_s += lock.lock_articles(ids)
        try:
            self._batches += 1
            return append_batch(
                conn,  # type: ignore[arg-type]  # why: a connection whose COMMIT also tags the snapshot
                batch,
                run_id=run_id,
                batch_number=self._batches,
                timings=timings,
            )
        finally:
            if lock is not None:
                lock.unlock_articles(ids)

    def _check_lake(self, conn: _TaggedCommits, run_id: int, timings: dict[str, float] | None) -> int:
        """Check what is queued, under the catalog's lock (waited for unless already taken)."""
        lock = self._catalog_lock if self.SERIALISE_LAKE_LOADS else None
        if lock is not None:
            self.lock_wait_s += lock.wait()
        held = time.perf_counter()
        try:
            return check_pending(
                conn,  # type: ignore[arg-type]  # why: a connection whose COMMIT also tags the snapshot
                run_id=run_id,
                timings=timings,
                config_dir=self.config_dir,
            )
        finally:
            if lock is not None:
                lock.release()
                self.lock_held_s += time.perf_counter() - held

    def _lake_attempts(self, attempt: Callable[[], T]) -> T:
        """Run one DuckLake transaction, again after a pause when its commit conflicts with another
        writer's (each transaction is idempotent: a retry adds nothing twice)."""
        for number in range(self.COMMIT_ATTEMPTS):
            try:
                result = attempt()
                self.lake_batches += 1
                return result
            except duckdb.Error as exc:
                if number == self.COMMIT_ATTEMPTS - 1 or not _is_commit_conflict(exc):
                    raise
                self.commit_retries += 1
            time.sleep(self.RETRY_BACKOFF_S * 2**number)
        raise AssertionError("unreachable: the last attempt returns or raises")

    def record_coverage(self, rows: Sequence[CoverageRow], *, run_id: int) -> None:
        """Append coverage counts (listed / fetched / stored per source and day) for a run.

        Args:
            rows: the counts.
            run_id: the current run.
        """
        if not rows:
            return
        import pyarrow as pa

        table = pa.table(
            {
                "source": [r.source for r in rows],
                "day": [r.day for r in rows],
                "listed": [r.listed for r in rows],
                "fetched": [r.fetched for r in rows],
                "stored": [r.stored for r in rows],
                "error": [r.error for r in rows],
            },
            schema=_coverage_schema(),
        )
        with self._conn() as conn, registered(conn, staged_coverage=table):
            conn.execute(read_sql("insert_coverage_reports"), {"run_id": run_id})

    def raw_pages(
        self,
        *,
        since: date,
        until: date,
        sources: Sequence[str] | None = None,
        article_ids: Sequence[str] | None = None,
    ) -> list[RawPage]:
        """Return stored raw pages of articles dated in [since, until], the newest fetch per article.

        The date is the article's publication date, else the listed date, else the fetch date (UTC).

        Args:
            since: first day, inclusive.
            until: last day, inclusive.
            sources: restrict to these source ids (default: all).
            article_ids: restrict to these articles (a batch of `raw_page_ids`).

        Returns:
            Decompressed raw pages, ordered by source, fetch time and entry id.
        """
        rows = self._raw_page_rows(since, until, sources, article_ids, with_bytes=True)
        return [
            RawPage(
                **{key: value for key, value in row.items() if key not in ("article_id", "raw_zlib")},
                raw=zlib.decompress(row["raw_zlib"]),
            )
            for row in rows
        ]

    def raw_page_ids(self, *, since: date, until: date, sources: Sequence[str] | None = None) -> list[str]:
        """The article ids `raw_pages` would return for the window, in its order, without reading bytes."""
        return [
            row["article_id"] for row in self._raw_page_rows(since, until, sources, None, with_bytes=False)
        ]

    def _raw_page_rows(
        self,
        since: date,
        until: date,
        sources: Sequence[str] | None,
        article_ids: Sequence[str] | None,
        *,
        with_bytes: bool,
    ) -> list[dict[str, Any]]:
        params = {
            "since": since,
            "until": until,
            "sources": None if sources is None else list(sources),
            "article_ids": None if article_ids is None else list(article_ids),
            "with_bytes": with_bytes,
        }
        with self._conn() as conn:
            return fetch_dicts(conn.execute(read_sql("select_raw_pages"), params))

    def publish(self) -> Path:
        """Publish the read-only copy consumers open (see :func:`warehouse.publish`).

        Returns:
            The published path.
        """
        with self._mutex:
            if not self._lock.held:
                raise WarehouseError(f"{self.path}: this Warehouse was closed; open a new one to publish")
            # a held file is checkpointed through the writer's own connection (no second one can open it)
            return publish(self.path, conn=self._session if self._lake is None else None)

    def close(self) -> None:
        """Release the writer lock (idempotent), once no call is using the file."""
        with self._mutex:
            self._close_session()
            self._lock.release()

    def _close_session(self) -> None:
        if self._catalog_lock is not None:
            self._catalog_lock.close()
            self._catalog_lock = None
        if self._session is not None:
            self._session.close()
            self._session = None


class _TaggedCommits:
    """A DuckLake session whose ``COMMIT`` first tags the snapshot with the run (see ``Warehouse._tag``)."""

    def __init__(self, conn: duckdb.DuckDBPyConnection, warehouse: Warehouse, run_id: int) -> None:
        self._conn = conn
        self._warehouse = warehouse
        self._run_id = run_id

    def execute(self, sql: str, *args: Any, **kwargs: Any) -> duckdb.DuckDBPyConnection:
        if sql.strip().upper() == "COMMIT":
            self._warehouse._tag(self._conn, self._run_id, "batch")
        return self._conn.execute(sql, *args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


def _is_commit_conflict(exc: duckdb.Error) -> bool:
    """Whether a DuckLake commit failed because another writer committed first (worth a retry)."""
    text = str(exc).lower()
    return isinstance(exc, duckdb.TransactionException) or any(
        word in text for word in ("conflict", "database is locked", "could not serialize", "commit")
    )
