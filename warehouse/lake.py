"""The DuckLake backend: a SQL catalog (PostgreSQL, or SQLite / a DuckDB file on one host) plus Parquet
data files in a directory or under an ``s3://`` prefix.

A DuckLake warehouse is named by its location, ``ducklake:<catalog>[#data_path=<quoted path>]``
(``config.models.lake_location``), wherever a DuckDB file path is accepted. Extensions load from the
pinned ``duckdb-extension-*`` wheels, never from the network. With a PostgreSQL catalog, the writers'
lock is a PostgreSQL advisory lock and run ids come from a PostgreSQL sequence, both in the catalog's
database, so writers on several machines agree on them.
"""

from __future__ import annotations

import importlib
import os
import time
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import unquote, urlsplit

import duckdb

from gdwatch.config.models import LAKE_PREFIX
from gdwatch.warehouse.errors import WarehouseBusyError, WarehouseError

ALIAS = "lake"
"""The name the catalog is attached under (and made the default with USE)."""

_DUCKDB_VERSION = "v1.5.5"
_POLL_S = 0.05
# One advisory lock key for the writers of a catalog database: hashtextextended('gdwatch.writer', 0).
_LOCK_KEY_SQL = "hashtextextended('gdwatch.writer', 0)"
# Appends hold this key shared and `gdwatch maintain` exclusive, so maintenance never rewrites files under
# an append. A second bigint key; the article locks use PostgreSQL's two-int4 key space, which never
# meets the bigint one.
_APPEND_KEY_SQL = "hashtextextended('gdwatch.append', 0)"
_ARTICLE_LOCK_CLASS = 0x67647761  # "gdwa": the first int4 of every article lock
_RUN_SEQUENCE = "gdwatch_run_ids"

CatalogKind = Literal["postgres", "sqlite", "duckdb"]


def is_lake(path: Path | str) -> bool:
    """Whether a warehouse location names a DuckLake catalog rather than a DuckDB file."""
    return str(path).startswith(LAKE_PREFIX)


@dataclass(frozen=True)
class LakeTarget:
    """A DuckLake warehouse: its catalog and (when creating it) where its data files go."""

    catalog: str
    """``postgres:<libpq conninfo>``, ``sqlite:PATH`` or ``duckdb:PATH``."""
    data_path: str | None = None
    """A directory or an ``s3://`` prefix; DuckLake stores it in the catalog when it creates it."""

    @classmethod
    def parse(cls, location: Path | str) -> LakeTarget:
        """Read a ``ducklake:`` location (see ``config.models.lake_location``).

        Raises:
            WarehouseError: the location is not a DuckLake catalog of a known kind.
        """
        text = str(location)
        if not is_lake(text):
            raise WarehouseError(f"{text}: not a DuckLake location (it starts with {LAKE_PREFIX!r})")
        body, _, fragment = text[len(LAKE_PREFIX) :].partition("#")
        data_path = None
        if fragment.startswith("data_path="):
            data_path = unquote(fragment.removeprefix("data_path="))
        target = cls(catalog=body, data_path=data_path)
        if target.kind not in ("postgres", "sqlite", "duckdb"):
            raise WarehouseError(f"{text}: unknown catalog kind; use postgres:, sqlite: or duckdb:")
        return target

    @property
    def kind(self) -> CatalogKind:
        return self.catalog.split(":", 1)[0]  # type: ignore[return-value]

    @property
    def conninfo(self) -> str:
        """The libpq connection string of a PostgreSQL catalog."""
        return self.catalog.split(":", 1)[1]

    @property
    def catalog_file(self) -> Path:
        """The catalog file of a SQLite or DuckDB catalog."""
        return Path(self.catalog.split(":", 1)[1])

    @property
    def on_s3(self) -> bool:
        return bool(self.data_path and self.data_path.startswith("s3://"))

    def display(self) -> str:
        """The location without credentials, for messages."""
        if self.kind != "postgres":
            return f"{LAKE_PREFIX}{self.catalog}"
        words = [w for w in self.conninfo.split() if not w.startswith("password=")]
        return f"{LAKE_PREFIX}postgres:{' '.join(words)}"


def load_extension(conn: duckdb.DuckDBPyConnection, name: str) -> None:
    """Load an extension from its pinned ``duckdb-extension-<name>`` wheel (no network).

    Raises:
        WarehouseError: the wheel is not installed.
    """
    module_name = f"duckdb_extension_{name}"
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise WarehouseError(
            f"the DuckDB extension {name!r} is missing: pip install {module_name.replace('_', '-')}=="
            f"{_DUCKDB_VERSION[1:]}"
        ) from exc
    file = Path(module.__file__ or "").parent / "extensions" / _DUCKDB_VERSION / f"{name}.duckdb_extension"
    # NOTE: INSTALL from the wheel's file (copied into DuckDB's extension directory under its real name,
    # e.g. postgres -> postgres_scanner), then LOAD by name: LOAD of the file path looks for an entry
    # point named after the file, which postgres' file does not have.
    try:
        conn.execute(f"LOAD {name}")  # installed by an earlier session
    except duckdb.Error:
        conn.execute(f"INSTALL '{_quote(str(file))}'")
        conn.execute(f"LOAD {name}")


def create_s3_secret(conn: duckdb.DuckDBPyConnection) -> None:
    """An S3 secret from the standard AWS environment variables.

    ``AWS_ACCESS_KEY_ID``, ``AWS_SECRET_ACCESS_KEY``, ``AWS_REGION`` (default us-east-1) and, for
    S3-compatible servers (MinIO, R2, ...), ``AWS_ENDPOINT_URL`` (path-style URLs; ``http://`` turns TLS
    off). Credentials never go into gdwatch.toml.
    """
    options = {
        "KEY_ID": os.environ.get("AWS_ACCESS_KEY_ID", ""),
        "SECRET": os.environ.get("AWS_SECRET_ACCESS_KEY", ""),
        "REGION": os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or "us-east-1",
    }
    sql = "CREATE OR REPLACE SECRET gdwatch_s3 (TYPE s3, KEY_ID $KEY_ID, SECRET $SECRET, REGION $REGION"
    endpoint = os.environ.get("AWS_ENDPOINT_URL_S3") or os.environ.get("AWS_ENDPOINT_URL")
    if endpoint:
        parts = urlsplit(endpoint if "://" in endpoint else f"https://{endpoint}")
        options["ENDPOINT"] = parts.netloc
        options["USE_SSL"] = "true" if parts.scheme == "https" else "false"
        sql += ", ENDPOINT $ENDPOINT, URL_STYLE 'path', USE_SSL $USE_SSL::BOOLEAN"
    conn.execute(sql + ")", options)


def open_lake(location: Path | str, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB session with the DuckLake catalog attached as ``lake`` and in use.

    Raises:
        WarehouseError: the catalog cannot be reached or attached.
    """
    target = LakeTarget.parse(location)
    conn = duckdb.connect(config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
    try:
        load_extension(conn, "ducklake")
        load_extension(
            conn, {"postgres": "postgres", "sqlite": "sqlite_scanner"}.get(target.kind, "ducklake")
        )
        if target.on_s3:
            load_extension(conn, "httpfs")
            create_s3_secret(conn)
        options = []
        if target.data_path and not read_only:
            data_path = target.data_path
            if not target.on_s3:
                Path(data_path).mkdir(parents=True, exist_ok=True)
            options.append(f"DATA_PATH '{_quote(data_path)}'")
        if read_only:
            options.append("READ_ONLY")
        catalog = target.catalog
        if target.kind == "duckdb":
            catalog = str(target.catalog_file)  # ducklake:PATH is a DuckDB-file catalog
        elif target.kind == "sqlite" and not read_only:
            target.catalog_file.parent.mkdir(parents=True, exist_ok=True)
        attach = f"ATTACH '{_quote(LAKE_PREFIX + catalog)}' AS {ALIAS}"
        # NOTE: the first ATTACH of an empty catalog creates DuckLake's tables; two writers doing it at
        # once collide in PostgreSQL (duplicate pg_type), so writers attach under the advisory lock.
        lock = CatalogLock(target) if target.kind == "postgres" and not read_only else None
        try:
            if lock is not None:
                lock.wait()
            conn.execute(attach + (f" ({', '.join(options)})" if options else ""))
        except duckdb.Error as exc:
            raise WarehouseError(f"{target.display()}: cannot attach the DuckLake catalog ({exc})") from exc
        finally:
            if lock is not None:
                lock.close()
        conn.execute(f"USE {ALIAS}")
        # Readers turn external access off after setup (warehouse.read); the lake's own data files stay
        # readable.
        row = conn.execute(f"SELECT value FROM {ALIAS}.options() WHERE option_name = 'data_path'").fetchone()
        if row and row[0]:
            conn.execute("SET allowed_directories = $dirs", {"dirs": [str(row[0])]})
    except BaseException:
        conn.close()
        raise
    return conn


def _quote(text: str) -> str:
    return text.replace("'", "''")


def _article_keys(article_ids: Iterable[str]) -> list[int]:
    """The articles' lock keys, each a signed int4 from its id, once each and in ascending order (two ids
    sharing a key only wait for each other)."""
    return sorted({zlib.crc32(article_id.encode()) - 2**31 for article_id in article_ids})


class CatalogLock:
    """The writers' lock of a PostgreSQL catalog: a session-level advisory lock on its own connection.

    It lives in the catalog's database, so writers on every machine see it, and PostgreSQL releases it
    when the holder's session ends (a killed process never leaves it behind). The same connection hands
    out run ids from the sequence ``gdwatch_run_ids``.
    """

    def __init__(self, target: LakeTarget) -> None:
        import psycopg

        self.target = target
        try:
            self._pg = psycopg.connect(target.conninfo, autocommit=True, application_name="gdwatch")
        except psycopg.Error as exc:
            raise WarehouseError(f"{target.display()}: cannot reach the catalog database ({exc})") from exc
        self.held = False

    def acquire(self, wait_s: float = 0.0) -> None:
        """Take the lock, polling up to ``wait_s`` seconds (0 tries once).

        Raises:
            WarehouseBusyError: still held by another session after ``wait_s``.
        """
        deadline = time.monotonic() + wait_s
        while not self.try_take():
            if time.monotonic() >= deadline:
                raise WarehouseBusyError(self.target.display(), self.holder_pid(), wait_s)
            time.sleep(_POLL_S)

    def try_take(self) -> bool:
        """Take the lock if no other writer holds it; True when taken (or already held)."""
        if not self.held:
            row = self._pg.execute(f"SELECT pg_try_advisory_lock({_LOCK_KEY_SQL})").fetchone()
            self.held = bool(row and row[0])
        return self.held

    def wait(self) -> float:
        """Take the lock, waiting as long as another writer holds it; returns the seconds waited."""
        if self.held:
            return 0.0
        started = time.monotonic()
        self._pg.execute(f"SELECT pg_advisory_lock({_LOCK_KEY_SQL})")
        self.held = True
        return time.monotonic() - started

    def release(self) -> None:
        if self.held:
            self.held = False
            self._pg.execute(f"SELECT pg_advisory_unlock({_LOCK_KEY_SQL})")

    def lock_articles(self, article_ids: Iterable[str]) -> float:
        """Take the append lock (shared) and one lock per article, waiting while another writer appends one
        of them; returns the seconds waited. Two writers then never classify one article at once (both
        would store its version 1), while batches of different articles append side by side.

        The article keys are taken in ascending order, in one statement, so two writers cannot deadlock.
        """
        keys = _article_keys(article_ids)
        started = time.monotonic()
        self._pg.execute(f"SELECT pg_advisory_lock_shared({_APPEND_KEY_SQL})")
        if keys:
            self._pg.execute(
                f"SELECT count(pg_advisory_lock({_ARTICLE_LOCK_CLASS}, key)) FROM unnest(%s::int[]) AS key",
                (keys,),
            )
        return time.monotonic() - started

    def unlock_articles(self, article_ids: Iterable[str]) -> None:
        """Release what :meth:`lock_articles` took for the same articles."""
        keys = _article_keys(article_ids)
        if keys:
            self._pg.execute(
                f"SELECT count(pg_advisory_unlock({_ARTICLE_LOCK_CLASS}, key)) FROM unnest(%s::int[]) AS key",
                (keys,),
            )
        self._pg.execute(f"SELECT pg_advisory_unlock_shared({_APPEND_KEY_SQL})")

    @contextmanager
    def appends_paused(self) -> Iterator[float]:
        """Hold the append lock exclusively (after the writers' lock): no writer appends meanwhile. Yields
        the seconds waited for the appends under way to end."""
        started = time.monotonic()
        self._pg.execute(f"SELECT pg_advisory_lock({_APPEND_KEY_SQL})")
        try:
            yield time.monotonic() - started
        finally:
            self._pg.execute(f"SELECT pg_advisory_unlock({_APPEND_KEY_SQL})")

    def holder_pid(self) -> int | None:
        """The PostgreSQL backend pid of the session holding the lock (None when free)."""
        row = self._pg.execute(
            "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted "
            f"AND ((classid::bigint << 32) | objid::bigint) = {_LOCK_KEY_SQL} LIMIT 1"
        ).fetchone()
        return int(row[0]) if row else None

    def appends_waiting(self) -> int:
        """How many sessions of this database wait for an article's lock (another writer appends it)."""
        row = self._pg.execute(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
            f"AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
            f"AND classid = {_ARTICLE_LOCK_CLASS}"
        ).fetchone()
        assert row is not None  # why: an aggregate without GROUP BY returns one row
        return int(row[0])

    def next_run_id(self, floor: int = 0) -> int:
        """A run id no other writer gets: the next value of the catalog's sequence.

        Args:
            floor: the highest run id already stored; a new sequence starts after it.
        """
        self._pg.execute(f"CREATE SEQUENCE IF NOT EXISTS {_RUN_SEQUENCE} AS BIGINT START WITH {floor + 1}")
        row = self._pg.execute(f"SELECT nextval('{_RUN_SEQUENCE}')").fetchone()
        assert row is not None  # why: nextval returns one row
        return int(row[0])

    def close(self) -> None:
        self.release()
        self._pg.close()


def run_snapshot(conn: duckdb.DuckDBPyConnection, run_id: int) -> int | None:
    """The DuckLake snapshot that recorded the end of ``run_id`` (None: unfinished or not a lake).

    ``ATTACH ... (SNAPSHOT_VERSION n)`` or ``FROM t AT (VERSION => n)`` then shows the catalog as that
    commit left it: the run's rows and those of every writer that committed before it.
    """
    from gdwatch.warehouse.sql import read_sql

    row = conn.execute(read_sql("select_run_snapshot"), {"run_id": run_id}).fetchone()
    return int(row[0]) if row and row[0] is not None else None


@contextmanager
def serialised(location: Path | str, *, pause_appends: bool = False) -> Iterator[float]:
    """Hold the catalog's advisory lock for a cross-writer step (a sharded run's final step); yields the
    seconds waited. With ``pause_appends``, also wait for the appends under way and hold off new ones
    (maintenance, which rewrites data files). A DuckDB file or a single-host catalog has one writer
    anyway: nothing to take."""
    if not is_lake(location) or LakeTarget.parse(location).kind != "postgres":
        yield 0.0
        return
    lock = CatalogLock(LakeTarget.parse(location))
    try:
        waited = lock.wait()
        if not pause_appends:
            yield waited
            return
        with lock.appends_paused() as paused:
            yield waited + paused
    finally:
        lock.close()


@dataclass(frozen=True)
class MaintenanceReport:
    """What ``gdwatch maintain`` did to a DuckLake warehouse."""

    snapshots_before: int
    snapshots_after: int
    files_before: int
    files_after: int


def maintain(location: Path | str, *, retention_days: int) -> MaintenanceReport:
    """Flush inlined rows, merge adjacent files, expire snapshots older than ``retention_days`` and
    delete the files no snapshot needs, under the catalog's lock (writers wait for it, never fail).

    Raises:
        WarehouseError: ``location`` is not a DuckLake warehouse.
    """
    from gdwatch.warehouse.connection import connect
    from gdwatch.warehouse.sql import read_sql

    if not is_lake(location):
        raise WarehouseError(f"{location}: gdwatch maintain is for a DuckLake warehouse (backend ducklake)")
    conn = connect(Path(str(location)))
    try:
        with serialised(location, pause_appends=True):
            before = _census(conn)
            for statement in read_sql("maintain_lake").split(";\n"):
                code = "\n".join(line for line in statement.splitlines() if not line.startswith("--"))
                if not code.strip():
                    continue
                params = {"retention_days": retention_days} if "$retention_days" in code else None
                conn.execute(code, params).fetchall()
            after = _census(conn)
    finally:
        conn.close()
    return MaintenanceReport(before[0], after[0], before[1], after[1])


def _census(conn: duckdb.DuckDBPyConnection) -> tuple[int, int]:
    """How many snapshots and live data files the catalog holds (DuckLake's own metadata tables)."""
    snapshots = conn.execute(f"SELECT count(*) FROM {ALIAS}.snapshots()").fetchone()
    files = conn.execute(
        f"SELECT count(*) FROM __ducklake_metadata_{ALIAS}.ducklake_data_file WHERE end_snapshot IS NULL"
    ).fetchone()
    return int(snapshots[0]) if snapshots else 0, int(files[0]) if files else 0
