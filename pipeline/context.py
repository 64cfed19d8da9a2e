"""A run as plain values (`RunSpec`, what Prefect tasks receive) and its live resources (`RunContext`).

Prefect tasks get a `RunSpec` and source names or dates: values Prefect can hash, log and show. The live
objects a run needs (configuration, the polite fetcher shared by all sources, the warehouse writer, a
progress callback) stay in this process, opened once by `pipeline.runner.execute_run` and looked up by
run id with `context_for`.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING, Protocol

from gdwatch.config.errors import GdwatchError
from gdwatch.config.loader import Config
from gdwatch.config.models import RelevanceSettings
from gdwatch.pipeline.fetching import Fetcher
from gdwatch.warehouse import BatchCounts, LoadBatch, Warehouse

if TYPE_CHECKING:
    from gdwatch.pipeline.workers import PageWorkers


ANY_TOPIC = "any"
"""The topic key of pages kept whatever their topic (`--any-topic`)."""


class Progress(Protocol):
    """Where a run reports how far it is (a terminal's progress bars; nothing in cron or CI)."""

    def listed(self, source: str, pages: int) -> None: ...

    def page_done(self, source: str) -> None: ...


@dataclass(frozen=True)
class RunSpec:
    """Everything that identifies a run, as plain values."""

    run_id: int
    flow: str
    started_at: datetime
    """The run's clock: fetch times, the relevance of "today" and future-date checks use it."""
    any_topic: bool = False
    """Keep off-topic articles too (`gdwatch run --any-topic`)."""


@dataclass
class RunContext:
    """The live resources of one run in this process, shared by all of its sources."""

    spec: RunSpec
    config: Config
    fetcher: Fetcher
    warehouse: Warehouse
    progress: Progress | None = None
    """Told how many pages each source has to do and when each is done (progress bars)."""
    workers: PageWorkers | None = None
    """The worker processes pages are cleaned and extracted in; None processes them in this thread."""

    @property
    def run_id(self) -> int:
        return self.spec.run_id

    @property
    def now(self) -> datetime:
        return self.spec.started_at

    @cached_property
    def topic_key(self) -> str:
        """Names the topic settings outcomes are judged under: 'any', or a hash of the relevance terms.

        Read for every page, so it is worked out once per run (the settings do not change in a run).
        """
        if self.spec.any_topic:
            return ANY_TOPIC
        terms = self.config.settings.relevance
        digest = hashlib.sha256(json.dumps([sorted(terms.terms_en), sorted(terms.terms_zh)]).encode())
        return "terms:" + digest.hexdigest()[:16]

    @property
    def relevance(self) -> RelevanceSettings | None:
        """The topic terms pages must match, or None when the run keeps every topic."""
        return None if self.spec.any_topic else self.config.settings.relevance

    def listed(self, source: str, pages: int) -> None:
        """`source` has `pages` pages to process in this run."""
        if self.progress is not None:
            self.progress.listed(source, pages)

    def page_done(self, source: str) -> None:
        """One page of `source` is processed."""
        if self.progress is not None:
            self.progress.page_done(source)

    def load(self, batch: LoadBatch) -> BatchCounts:
        """Load one batch as part of this run (the warehouse serialises concurrent loads)."""
        return self.warehouse.load_batch(batch, run_id=self.run_id)


_ACTIVE: dict[int, RunContext] = {}
_ACTIVE_LOCK = threading.Lock()


@contextmanager
def registered(ctx: RunContext) -> Iterator[RunContext]:
    """Make `ctx` findable by its run id for the duration of the block."""
    with _ACTIVE_LOCK:
        _ACTIVE[ctx.run_id] = ctx
    try:
        yield ctx
    finally:
        with _ACTIVE_LOCK:
            _ACTIVE.pop(ctx.run_id, None)


def context_for(spec: RunSpec) -> RunContext:
    """The live resources of a run opened in this process.

    Raises:
        GdwatchError: the run is not open here (a task ran outside the flow that opened its run).
    """
    with _ACTIVE_LOCK:
        ctx = _ACTIVE.get(spec.run_id)
    if ctx is None:
        raise GdwatchError(
            f"run {spec.run_id} ({spec.flow}) is not open in this process: "
            "its tasks must run inside the flow that started it"
        )
    return ctx
