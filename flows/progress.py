"""Progress on a terminal: one bar per source (pages done / to do); silent and free when not a terminal.

A flow creates a `SourcesProgress` and hands it to `execute_run` as the run's `on_page` callback; each
source's task then calls `for_source(ctx, name)` to get a copy of the run context whose callbacks
advance that source's bar. Off a terminal (cron, CI, `gdwatch serve`) every call does nothing.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from gdwatch.pipeline.context import RunContext


def show_progress() -> bool:
    """Whether progress bars are wanted: stderr is a terminal and this is not CI."""
    return sys.stderr.isatty() and not os.environ.get("CI")


class SourcesProgress:
    """One bar per source, created on its first page; the total is set once the source knows it."""

    def __init__(self, progress: Progress | None, label: str = "pages") -> None:
        self._progress = progress
        self.label = label
        """The bar of pages no source is named for (a reprocess's batches)."""
        self._tasks: dict[str, TaskID] = {}
        self._lock = threading.Lock()

    def __call__(self) -> None:
        """A page of no named source (the run-wide `on_page`)."""
        self.advance(self.label)

    def advance(self, source: str) -> None:
        if self._progress is not None:
            self._progress.advance(self._task(source))

    def set_total(self, source: str, total: int) -> None:
        if self._progress is not None:
            self._progress.update(self._task(source), total=total)

    def finish(self, source: str, done: int) -> None:
        """The source is read: its bar ends full at the pages it processed."""
        if self._progress is not None:
            self._progress.update(self._task(source), total=done, completed=done)

    def _task(self, source: str) -> TaskID:
        assert self._progress is not None
        with self._lock:
            if source not in self._tasks:
                self._tasks[source] = self._progress.add_task(source, total=None)
            return self._tasks[source]


def for_source(ctx: RunContext, source: str) -> RunContext:
    """The run context a source's task uses: its pages advance that source's bar."""
    bar = ctx.on_page
    if not isinstance(bar, SourcesProgress):
        return ctx
    return replace(ctx, on_page=lambda: bar.advance(source))


def finish_source(ctx: RunContext, source: str, done: int) -> None:
    """Mark a source's bar complete once its task returns."""
    if isinstance(ctx.on_page, SourcesProgress):
        ctx.on_page.finish(source, done)


@contextmanager
def sources_progress(enabled: bool, label: str = "pages") -> Iterator[SourcesProgress]:
    """Bars on stderr when `enabled`, else an object whose calls do nothing.

    Args:
        enabled: draw the bars (see `show_progress`).
        label: the name of the bar of pages no source is named for.
    """
    if not enabled:
        yield SourcesProgress(None, label)
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
        yield SourcesProgress(progress, label)
