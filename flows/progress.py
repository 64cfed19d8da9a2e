"""Progress on a terminal: one bar per source (pages done / to do); silent and free when not a terminal.

A flow creates a `SourcesProgress` and hands it to `execute_run` as the run's progress: the pipeline
tells it how many pages each source has to do and when each is done. Off a terminal (cron, CI,
`gdwatch serve`) every call does nothing.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn


def show_progress() -> bool:
    """Whether progress bars are wanted: stderr is a terminal and this is not CI."""
    return sys.stderr.isatty() and not os.environ.get("CI")


class SourcesProgress:
    """One bar per source, created on its first page; the total is set once the source knows it."""

    def __init__(self, progress: Progress | None) -> None:
        self._progress = progress
        self._tasks: dict[str, TaskID] = {}
        self._lock = threading.Lock()

    def page_done(self, source: str) -> None:
        if self._progress is not None:
            self._progress.advance(self._task(source))

    def listed(self, source: str, pages: int) -> None:
        if self._progress is not None:
            self._progress.update(self._task(source), total=pages)

    def _task(self, source: str) -> TaskID:
        assert self._progress is not None
        with self._lock:
            if source not in self._tasks:
                self._tasks[source] = self._progress.add_task(source, total=None)
            return self._tasks[source]


@contextmanager
def sources_progress(enabled: bool) -> Iterator[SourcesProgress]:
    """Bars on stderr when `enabled`, else an object whose calls do nothing.

    Args:
        enabled: draw the bars (see `show_progress`).
    """
    if not enabled:
        yield SourcesProgress(None)
        return
    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("pages"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=False,
    ) as progress:
        yield SourcesProgress(progress)
