"""The writer's exclusive OS lock: fcntl.flock on "<warehouse>.lock", holding the owner's pid."""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

from gdwatch.warehouse.errors import WarehouseBusyError

_POLL_S = 0.05


def lock_path(path: Path) -> Path:
    """Return the lock file of a warehouse file (``warehouse.duckdb`` -> ``warehouse.duckdb.lock``)."""
    return path.with_name(path.name + ".lock")


class WriterLock:
    """An exclusive lock held from ``acquire`` to ``release``; flock dies with its process."""

    def __init__(self, path: Path) -> None:
        self.path = lock_path(path)
        self._fd: int | None = None

    def acquire(self, wait_s: float = 0.0) -> None:
        """Take the lock, polling up to ``wait_s`` seconds.

        Args:
            wait_s: how long to wait for the current holder; 0 fails at once.

        Raises:
            WarehouseBusyError: still held after ``wait_s`` (the message names the holder's pid).
        """
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
        os.ftruncate(fd, 0)
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)

    @property
    def held(self) -> bool:
        """Whether this object currently holds the lock."""
        return self._fd is not None


def _read_pid(fd: int) -> int | None:
    """The pid the holder wrote, or None when it has not written it yet."""
    text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    return int(text) if text.isdigit() else None
