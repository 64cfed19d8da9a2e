"""Clean and extract pages in worker processes, one per core, so a run uses every core it has.

Cleaning (trafilatura, htmldate) and figure extraction are CPU-bound Python; threads would share one
core under the GIL. `PageWorkers` keeps one process per usable core and hands each worker one page at a
time (its bytes and the settings that page is read under; the figure engine, compiled once, is there
when the worker starts). Because the dispatcher knows which page each worker holds, a worker that dies
(a crash in a C library) or hangs past `page_timeout_s` fails that page alone, with a message saying so;
the worker is replaced and every other page is processed as usual.

Workers are forked from the run's process, which has the parsers and the figure engine loaded and warmed
(`warm_up`), so a worker is ready at once; they start on the first page, not with the run, so a run with
nothing new starts no process. A worker is replaced after `pages_per_worker` pages, which keeps the memory
that parsers leave behind bounded.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import UTC, datetime
from multiprocessing import get_context
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING, Any, cast

from gdwatch.config.errors import GdwatchError
from gdwatch.pipeline.language_model import load_language_model
from gdwatch.pipeline.pages import Job, PageJob, ProcessedPage, process_job

if TYPE_CHECKING:
    from gdwatch.extractors.figures import FigureExtractor

PAGE_TIMEOUT_S = 120.0
"""How long one page may take in a worker before the worker is stopped and the page fails."""
PAGES_PER_WORKER = 500
"""Pages a worker processes before it is replaced by a fresh one."""


class PageWorkerError(GdwatchError):
    """A page could not be processed in a worker: it raised, crashed its worker, or took too long."""


Handler = Callable[[Job, "FigureExtractor"], ProcessedPage]
"""What a worker does with each page: `process_job`, or a test's own function."""
EngineFactory = Callable[[], "FigureExtractor"]
"""Compiles the run's figure engine, when the first page comes (a run with nothing new compiles none)."""


_WARM_UP_PAGE = (
    "<html><head><title>Guangdong trade</title></head><body><article>"
    "<p>Guangdong's foreign trade reached RMB9.1 trillion in 2025, up 4.4 percent year-on-year.</p>"
    "<p>今年前三季度，广东省外贸进出口总值6.8万亿元，同比增长4.4%。</p></article></body></html>"
).encode()
_warmed = threading.Lock()
_warm = False


def warm_up(extractor: FigureExtractor) -> None:
    """Process one small page in this process, once, so that workers forked from it start warm.

    The first page loads the language model and compiles the parsers' and the figure engine's patterns
    (about a second); done once before forking, no worker repeats it. The language model comes from its
    cache when it is there (`pipeline.language_model`: 0.45 s of decompression saved).
    """
    global _warm
    with _warmed:
        if _warm:
            return
        load_language_model()
        job = PageJob(
            raw=_WARM_UP_PAGE,
            content_type="text/html; charset=utf-8",
            url="http://localhost/warm-up.html",
            listed_published_at=None,
            read_at=datetime(2026, 1, 1, tzinfo=UTC),
            relevance=None,
        )
        process_job(job, extractor)
        _warm = True


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _exit_status(code: int | None) -> str:
    """How a process ended, for people: 'exit code 1', 'killed by SIGSEGV'."""
    if code is not None and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            pass
    return f"exit code {code}"


def _serve(conn: Connection, handler: Handler, extractor: FigureExtractor) -> None:
    """A worker's loop: receive a job, answer (True, result) or (False, error); None ends it."""
    # NOTE: the objects inherited from the run (Prefect, pydantic models, the engine) live as long as the
    # worker; frozen, the cyclic collector no longer walks them at each of its passes over the old generation
    gc.freeze()
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        try:
            answer: tuple[bool, object] = (True, handler(job, extractor))
        except Exception as exc:
            answer = (False, f"{type(exc).__name__}: {exc}")
        conn.send(answer)


@dataclass(eq=False)
class _Worker:
    process: BaseProcess
    conn: Connection
    future: Future[ProcessedPage] | None = None
    started: float = 0.0
    done: int = 0


@dataclass
class _Queue:
    jobs: deque[tuple[Job, Future[ProcessedPage]]] = field(default_factory=deque)
    closed: bool = False


class PageWorkers:
    """A pool of worker processes for pages; `submit` from any thread, `close` when the run ends."""

    def __init__(
        self,
        extractor: FigureExtractor | EngineFactory,
        *,
        processes: int | None = None,
        handler: Handler = process_job,
        page_timeout_s: float = PAGE_TIMEOUT_S,
        pages_per_worker: int = PAGES_PER_WORKER,
    ) -> None:
        """Prepare the pool; no process starts before the first `submit`.

        Args:
            extractor: the figure engine compiled for the run, which every worker inherits, or a function
                that compiles it, called once before the first worker starts.
            processes: how many workers (default: the usable cores).
            handler: what a worker does with a job (a module-level function; tests pass their own).
            page_timeout_s: a page still running after this long fails and its worker is replaced.
            pages_per_worker: a worker is replaced after this many pages.
        """
        self.processes = processes or usable_cores()
        self._engine = extractor
        self._handler = handler
        self._timeout = page_timeout_s
        self._pages_per_worker = pages_per_worker
        self._context = get_context("fork")
        self._lock = threading.Lock()
        self._queue = _Queue()
        self._wake_recv, self._wake_send = self._context.Pipe(duplex=False)
        self._workers: list[_Worker] = []
        self._dispatcher: threading.Thread | None = None
        self._deaths_at_start = 0
        self.worker_pids: set[int] = set()
        """Every worker process started so far (tests check that pages ran there)."""

    def submit(self, job: Job) -> Future[ProcessedPage]:
        """Queue a page; the future holds its ProcessedPage, or raises PageWorkerError."""
        future: Future[ProcessedPage] = Future()
        with self._lock:
            if self._queue.closed:
                raise PageWorkerError("the page workers are closed")
            self._queue.jobs.append((job, future))
            if self._dispatcher is None:
                self._dispatcher = threading.Thread(target=self._dispatch, name="page-workers", daemon=True)
                self._dispatcher.start()
        self._wake()
        return future

    def process(self, job: Job) -> ProcessedPage:
        """Process one page and wait for it."""
        return self.submit(job).result()

    def close(self) -> None:
        """Finish the queued pages, then stop every worker."""
        with self._lock:
            self._queue.closed = True
            dispatcher = self._dispatcher
        self._wake()
        if dispatcher is not None:
            dispatcher.join()

    def __enter__(self) -> PageWorkers:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # --- the dispatcher thread ------------------------------------------------------------------------

    @property
    def _extractor(self) -> FigureExtractor:
        """The run's figure engine, compiled on first use (in the dispatcher, before any worker forks)."""
        engine = self._engine
        if not hasattr(engine, "extract"):  # a factory, not yet called
            engine = self._engine = engine()
        return cast("FigureExtractor", engine)

    def _wake(self) -> None:
        self._wake_send.send_bytes(b".")

    def _dispatch(self) -> None:
        try:
            if self._handler is process_job:
                warm_up(self._extractor)
            self._workers = [self._start_worker() for _ in range(self.processes)]
            while self._step():
                pass
        finally:
            for worker in self._workers:
                self._stop(worker, graceful=True)
            self._fail_queued("the page workers stopped before this page was processed")

    def _step(self) -> bool:
        """Hand out jobs, wait for an answer, a death, a deadline or a new job; False when all is done."""
        with self._lock:
            for worker in self._workers:
                if worker.future is None and self._queue.jobs:
                    self._assign(worker, *self._queue.jobs.popleft())
            busy = [w for w in self._workers if w.future is not None]
            if self._queue.closed and not busy and not self._queue.jobs:
                return False
        waitables: list[Any] = [self._wake_recv]
        for worker in self._workers:
            waitables += [worker.conn, worker.process.sentinel]
        deadline = min((w.started + self._timeout for w in busy), default=None)
        timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
        ready = set(wait(waitables, timeout))
        if self._wake_recv in ready:
            while self._wake_recv.poll():
                self._wake_recv.recv_bytes()
        for index, worker in enumerate(self._workers):
            if worker.conn in ready and worker.future is not None:
                self._receive(index, worker)
            elif not worker.process.is_alive() and worker.future is None and worker.done == 0:
                # NOTE: a worker that dies before its first page cannot import or start; replacing it for
                # ever would spin, so after a few such deaths the queued pages fail instead.
                self._deaths_at_start += 1
                if self._deaths_at_start > 3 * self.processes:
                    self._fail_queued(
                        f"worker processes exit as they start (exit code {worker.process.exitcode})"
                    )
                    return False
                self._replace(index, worker, None)
            elif worker.process.sentinel in ready or not worker.process.is_alive():
                self._replace(index, worker, None)
            elif worker.future is not None and time.monotonic() - worker.started > self._timeout:
                self._replace(index, worker, f"it took longer than {self._timeout:g} s in a worker process")
        return True

    def _assign(self, worker: _Worker, job: Job, future: Future[ProcessedPage]) -> None:
        if not future.set_running_or_notify_cancel():
            return
        worker.future, worker.started = future, time.monotonic()
        try:
            worker.conn.send(job)
        except (OSError, ValueError) as exc:  # a dead worker; the sentinel replaces it
            worker.future = None
            future.set_exception(PageWorkerError(f"the page could not be sent to a worker ({exc})"))

    def _receive(self, index: int, worker: _Worker) -> None:
        future = worker.future
        assert future is not None
        try:
            ok, value = worker.conn.recv()
        except (EOFError, OSError):
            self._replace(index, worker, None)
            return
        worker.future = None
        worker.done += 1
        self._deaths_at_start = 0
        if ok:
            future.set_result(value)
        else:
            future.set_exception(PageWorkerError(str(value)))
        if worker.done >= self._pages_per_worker:
            self._stop(worker, graceful=True)
            self._workers[index] = self._start_worker()

    def _replace(self, index: int, worker: _Worker, why: str | None) -> None:
        """Stop a dead or stuck worker, fail its page with `why` (None: it died), and start a fresh one."""
        future, worker.future = worker.future, None
        self._stop(worker, graceful=False)
        if why is None:
            why = f"its worker process died ({_exit_status(worker.process.exitcode)})"
        if future is not None:
            future.set_exception(PageWorkerError(f"the page was not processed: {why}"))
        self._workers[index] = self._start_worker()

    def _start_worker(self) -> _Worker:
        parent, child = self._context.Pipe(duplex=True)
        process = self._context.Process(
            target=_serve,
            args=(child, self._handler, self._extractor),
            name="gdwatch-page-worker",
            daemon=True,
        )
        process.start()
        child.close()
        if process.pid is not None:
            self.worker_pids.add(process.pid)
        return _Worker(process=process, conn=parent)

    def _stop(self, worker: _Worker, *, graceful: bool) -> None:
        if graceful and worker.process.is_alive():
            with contextlib.suppress(OSError, ValueError):
                worker.conn.send(None)
            worker.process.join(5)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join(5)
        worker.conn.close()

    def _fail_queued(self, why: str) -> None:
        with self._lock:
            self._queue.closed = True
            jobs, self._queue.jobs = self._queue.jobs, deque()
        for _job, future in jobs:
            if future.set_running_or_notify_cancel():
                future.set_exception(PageWorkerError(why))
