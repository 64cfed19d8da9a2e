"""PageWorkers: pages are cleaned and extracted in worker processes, with the single-process results, and
a page that raises, kills its worker or hangs fails alone with a message that says so."""

from __future__ import annotations

import gc
import os
import signal
import time
from datetime import UTC, datetime

import pytest

from gdwatch.config.loader import PACKAGED_CONFIG_DIR, load_config
from gdwatch.extractors.figures import FigureExtractor
from gdwatch.pipeline.pages import Job, PageJob, ProcessedPage, process_job
from gdwatch.pipeline.workers import PageWorkerError, PageWorkers
from tests.support.pages import html, page

CONFIG = load_config(PACKAGED_CONFIG_DIR)
FIGURES = FigureExtractor(CONFIG.metrics, CONFIG.gazetteer)
NOW = datetime(2026, 1, 21, tzinfo=UTC)
ARTICLES = [
    page(
        f"/news/{i}.html",
        f"Guangdong trade update {i}",
        f"Guangdong's foreign trade reached RMB{i}.1 trillion in 2025, up {i}.4 percent year-on-year.",
        f"Exports rose {i}.2 percent to {i} trillion yuan, while imports grew 1.{i} percent.",
    )
    for i in range(1, 9)
]
OFF_TOPIC = page(
    "/news/weather.html",
    "Snow closes mountain passes",
    "Heavy snow closed three mountain passes in the Alps on Monday, and skiers were told to stay indoors.",
)


def job_for(raw: bytes, url: str = "http://127.0.0.1/news/x.html") -> PageJob:
    return PageJob(
        raw=raw,
        content_type="text/html; charset=utf-8",
        url=url,
        listed_published_at=None,
        read_at=NOW,
        relevance=CONFIG.settings.relevance,
    )


def worker_pid(job: Job, extractor: FigureExtractor) -> ProcessedPage:
    """Says which process handled the page."""
    return ProcessedPage(outcome="no_article", encoding="utf-8", reason=str(os.getpid()))


def frozen_objects(job: Job, extractor: FigureExtractor) -> ProcessedPage:
    """Says how many objects the worker's cyclic collector leaves alone, and the parent's own count."""
    assert isinstance(job, PageJob)
    return ProcessedPage(outcome="no_article", encoding="utf-8", reason=f"{gc.get_freeze_count()} {job.url}")


def misbehaves(job: Job, extractor: FigureExtractor) -> ProcessedPage:
    """Crashes its worker, hangs or raises on marked pages; processes the others for real."""
    assert isinstance(job, PageJob)
    if job.url.endswith("/crash"):
        os.kill(os.getpid(), signal.SIGSEGV)
    if job.url.endswith("/hang"):
        time.sleep(3600)
    if job.url.endswith("/raise"):
        raise ValueError("a bug met on this page only")
    return process_job(job, extractor)


def test_a_worker_freezes_what_it_inherited_and_the_run_does_not() -> None:
    # the collector of a worker skips the run's objects it was forked with (Prefect, config, the engine)
    before = gc.get_freeze_count()
    with PageWorkers(FIGURES, processes=1, handler=frozen_objects) as workers:
        answer = workers.submit(job_for(b"<html></html>")).result().reason or ""
    assert int(answer.split()[0]) > 10_000
    assert gc.get_freeze_count() == before  # the run's own collector is unchanged


def test_pages_run_in_worker_processes_not_in_this_one() -> None:
    with PageWorkers(FIGURES, processes=2, handler=worker_pid) as workers:
        futures = [workers.submit(job_for(b"<html></html>")) for _ in range(20)]
        pids = {int(future.result().reason or 0) for future in futures}
    assert os.getpid() not in pids
    assert pids <= workers.worker_pids and len(workers.worker_pids) == 2


def test_results_equal_the_single_process_path() -> None:
    jobs = [
        job_for(html(article, "http://127.0.0.1"), f"http://127.0.0.1{article.path}") for article in ARTICLES
    ]
    jobs.append(job_for(html(OFF_TOPIC, "http://127.0.0.1")))
    jobs.append(job_for(b"<html><body><nav>Home | World</nav></body></html>"))
    expected = [process_job(job, FIGURES) for job in jobs]
    with PageWorkers(FIGURES, processes=2) as workers:
        got = [future.result() for future in [workers.submit(job) for job in jobs]]
    assert got == expected
    assert [p.outcome for p in got] == ["article"] * len(ARTICLES) + ["off_topic", "no_article"]


def test_a_crashing_or_hanging_page_fails_alone_and_loses_nothing() -> None:
    good = [job_for(html(a, "http://127.0.0.1"), f"http://127.0.0.1{a.path}") for a in ARTICLES]
    bad = {url: job_for(b"<html></html>", f"http://127.0.0.1/{url}") for url in ("crash", "hang", "raise")}
    jobs = [*good[:3], bad["crash"], *good[3:5], bad["hang"], *good[5:7], bad["raise"], good[7]]
    with PageWorkers(FIGURES, processes=2, handler=misbehaves, page_timeout_s=3) as workers:
        futures = [workers.submit(job) for job in jobs]
        outcomes: list[str] = []
        for future in futures:
            try:
                outcomes.append(future.result(timeout=120).outcome)
            except PageWorkerError as exc:
                outcomes.append(str(exc))
    assert outcomes[:3] == ["article"] * 3
    assert outcomes[3] == "the page was not processed: its worker process died (killed by SIGSEGV)"
    assert outcomes[4:6] == ["article"] * 2
    assert outcomes[6] == "the page was not processed: it took longer than 3 s in a worker process"
    assert outcomes[7:9] == ["article"] * 2
    assert outcomes[9] == "ValueError: a bug met on this page only"
    assert outcomes[10] == "article"


def test_workers_start_on_the_first_page_only_and_are_replaced_after_their_quota() -> None:
    workers = PageWorkers(FIGURES, processes=1, handler=worker_pid, pages_per_worker=3)
    assert workers.worker_pids == set()
    with workers:
        pids = [workers.process(job_for(b"<html></html>")).reason for _ in range(7)]
    assert len(set(pids)) == 3  # pages 1-3, 4-6 and 7 each in a fresh worker
    with pytest.raises(PageWorkerError, match="closed"):
        workers.submit(job_for(b"<html></html>"))
