"""The writer's exclusive OS lock: fcntl.flock on "<warehouse>.lock", holding the owner's pid.

A command may claim the lock for its whole process (`claimed_for_process`): the CLI does so before
Prefect starts, and the run's `Warehouse` inside the flow then joins the claim instead of locking again,
so no second process can slip in between the CLI's check and the run. Without a claim, two writers
are exclusive even within one process.

A DuckLake warehouse with a SQLite or DuckDB-file catalog is locked the same way, on its catalog file.
One with a PostgreSQL catalog takes no lock for a writer's life (several writers may load at once): its
writers serialise the check of each load with the catalog's advisory lock (`warehouse.lake.CatalogLock`).
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from gdwatch.warehouse.errors import WarehouseBusyError
from gdwatch.warehouse.lake import LakeTarget, is_lake

_POLL_S = 0.05
# Lock files claimed by this process: resolved path -> the claim's file descriptor.
_CLAIMS: dict[Path, int] = {}
_CLAIMS_LOCK = threading.Lock()


def lock_path(path: Path) -> Path | None:
    """Return the lock file of a warehouse file (``warehouse.duckdb`` -> ``warehouse.duckdb.lock``).

    A DuckLake warehouse's is its catalog file's (``meta.sqlite.lock``); one on PostgreSQL has none.
    """
    if is_lake(path):
        target = LakeTarget.parse(path)
        if target.kind == "postgres":
            return None
        path = target.catalog_file
        path.parent.mkdir(parents=True, exist_ok=True)
    return path.with_name(path.name + ".lock")


class WriterLock:
    """An exclusive lock held from ``acquire`` to ``release``; flock dies with its process."""

    def __init__(self, path: Path) -> None:
        file = lock_path(path)
        self._shared = file is None
        """True for a PostgreSQL DuckLake catalog: writers share it, so holding this lock takes nothing."""
        self.path = file if file is not None else Path(str(path))
        self._fd: int | None = None
        self._joined = False
        """True when this object joined its process's claim and must leave the lock to the claim."""

    def acquire(self, wait_s: float = 0.0) -> None:
        """Take the lock, polling up to ``wait_s`` seconds.

        Args:
            wait_s: how long to wait for the current holder; 0 fails at once.

        Raises:
            WarehouseBusyError: still held after ``wait_s`` (the message names the holder's pid).
        """
        if self._fd is not None:
            return
        if self._shared:
            self._fd = -1
            return
        with _CLAIMS_LOCK:
            claim = _CLAIMS.get(self.path.resolve())
        if claim is not None:
            self._joined = True
            self._fd = claim
            return
        # O_RDWR without O_TRUNC: the holder's pid must stay readable while we wait.
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + wait_s
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = _read_pid(fd)
                    os.close(fd)
                    raise WarehouseBusyError(str(self.path.with_suffix("")), holder, wait_s) from None
                time.sleep(_POLL_S)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd

    def release(self) -> None:
        """Release the lock (idempotent)."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        if self._joined or self._shared:
            self._joined = False
            return
        os.ftruncate(fd, 0)
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)

    @property
    def held(self) -> bool:
        """Whether this object currently holds the lock."""
        return self._fd is not None

    @property
    def fd(self) -> int | None:
        """The descriptor the lock is held on (a process that inherits it holds the lock until it ends), or
        None when there is none: not held, or a PostgreSQL catalog, which writers share."""
        return None if self._fd is None or self._shared else self._fd


@contextmanager
def claimed_for_process(path: Path, wait_s: float = 0.0) -> Iterator[None]:
    """Hold a warehouse's writer lock for this process; writers opened inside the block join it.

    Raises:
        WarehouseBusyError: another process holds the lock after ``wait_s``.
    """
    lock = WriterLock(path)
    if lock._shared:
        yield
        return
    lock.acquire(wait_s)
    key = lock.path.resolve()
    assert lock._fd is not None
    with _CLAIMS_LOCK:
        _CLAIMS[key] = lock._fd
    try:
        yield
    finally:
        with _CLAIMS_LOCK:
            _CLAIMS.pop(key, None)
        lock.release()


def _read_pid(fd: int) -> int | None:
    """The pid the holder wrote, or None when it has not written it yet."""
    text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    return int(text) if text.isdigit() else None
