"""CPU per page of a page worker's work (`process_job`) against bare `trafilatura.extract`, same pages.

Usage: python -m benchmarks.page_cpu [--corpus DIR] [--rounds N] [--markdown]

One process, the 243 corpus pages (`benchmarks/corpus.py`), everything warmed on every page before timing.
Each round takes the pages in turn and times bare `trafilatura.extract` on the decoded page, then
`process_job` on the same page (decode, clean, figures, fingerprint; `--any-topic`, as the corpus
benchmark runs), by `time.process_time`. Another job on the machine costs wall time but little CPU time,
and what it still costs (caches, a shared core) falls on both alike, page by page; the ratio of the two
within a round is the figure to compare across trees and machines.
"""

from __future__ import annotations

import argparse
import gc
import os
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import trafilatura

from benchmarks.corpus import benchmark_pages, required_corpus
from gdwatch.config.loader import load_config
from gdwatch.extractors.figures import FigureExtractor
from gdwatch.extractors.pages.decode import decode_html
from gdwatch.pipeline.pages import PageJob, process_job

LISTED_AT = datetime(2026, 1, 20, 8, tzinfo=UTC)
READ_AT = datetime(2026, 12, 1, tzinfo=UTC)


def paired_cpu_ms(
    pairs: list[tuple[str, PageJob]], bare: Callable[[str], object], worker: Callable[[PageJob], object]
) -> tuple[float, float]:
    """CPU ms per page of ``bare`` and of ``worker``, each page run by one, then the other."""
    clock = time.process_time
    bare_s = worker_s = 0.0
    for html, job in pairs:
        started = clock()
        bare(html)
        middle = clock()
        worker(job)
        bare_s += middle - started
        worker_s += clock() - middle
    return bare_s / len(pairs) * 1000, worker_s / len(pairs) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()

    corpus = required_corpus(args.corpus)
    pages = benchmark_pages(corpus)
    htmls = [decode_html(page.raw, None)[0] for page in pages]
    config = load_config()
    engine = FigureExtractor(config.metrics, config.gazetteer)
    jobs = [
        PageJob(
            raw=page.raw,
            content_type="text/html",
            url=page.url,
            listed_published_at=LISTED_AT,
            read_at=READ_AT,
            relevance=None,
        )
        for page in pages
    ]

    def bare(html: str) -> object:
        return trafilatura.extract(html)

    def worker(job: PageJob) -> object:
        return process_job(job, engine)

    pairs = list(zip(htmls, jobs, strict=True))
    # warm: the language model, the parsers' and the figure engine's patterns, lazily imported modules
    paired_cpu_ms(pairs, bare, worker)
    # as a page worker does when it starts (`pipeline.workers._serve`): what is loaded stays out of the
    # cyclic collector's passes
    gc.freeze()

    rows = []
    for round_ in range(1, args.rounds + 1):
        load = os.getloadavg()[0]
        bare_ms, worker_ms = paired_cpu_ms(pairs, bare, worker)
        rows.append((round_, load, bare_ms, worker_ms, worker_ms / bare_ms))
    if args.markdown:
        print("| round | load average | bare ms/page | process_job ms/page | process_job / bare |")
        print("|---:|---:|---:|---:|---:|")
        for round_, load, bare_ms, worker_ms, ratio in rows:
            print(f"| {round_} | {load:.2f} | {bare_ms:.2f} | {worker_ms:.2f} | {ratio:.3f} |")
    else:
        for round_, load, bare_ms, worker_ms, ratio in rows:
            print(
                f"round {round_}: load {load:.2f}; bare {bare_ms:.2f} ms/page, "
                f"process_job {worker_ms:.2f} ms/page, {ratio:.3f}x bare"
            )


if __name__ == "__main__":
    main()
