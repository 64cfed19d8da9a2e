"""CPU per page of a page worker's work (`process_job`) against bare `trafilatura.extract`, same pages.

Usage: python -m benchmarks.page_cpu [--corpus DIR] [--rounds N] [--markdown]

One process, the 243 corpus pages (`benchmarks/corpus.py`), everything warmed on the first pages before
timing. Each round times bare `trafilatura.extract` on every decoded page, then `process_job` on every
page (decode, clean, figures, fingerprint; `--any-topic`, as the corpus benchmark runs), by
`time.process_time`, so another job on the machine costs wall time but little of these numbers. The ratio
of the two within a round is the figure to compare across trees and machines.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import trafilatura

from benchmarks.corpus import benchmark_pages, corpus_root
from gdwatch.config.loader import load_config
from gdwatch.extractors.figures import FigureExtractor
from gdwatch.extractors.pages.decode import decode_html
from gdwatch.pipeline.pages import PageJob, process_job

LISTED_AT = datetime(2026, 1, 20, 8, tzinfo=UTC)
READ_AT = datetime(2026, 12, 1, tzinfo=UTC)


def cpu_ms_per_item(items: list[object], work: Callable[[object], object]) -> float:
    started = time.process_time()
    for item in items:
        work(item)
    return (time.process_time() - started) / len(items) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()

    corpus = corpus_root(args.corpus)
    if not corpus.is_dir():
        sys.exit(f"corpus not found at {corpus} (set GDWATCH_CORPUS)")
    pages = benchmark_pages(corpus)
    htmls: list[object] = [decode_html(page.raw, None)[0] for page in pages]
    config = load_config()
    engine = FigureExtractor(config.metrics, config.gazetteer)
    jobs: list[object] = [
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

    def bare(html: object) -> object:
        return trafilatura.extract(str(html))

    def worker(job: object) -> object:
        assert isinstance(job, PageJob)
        return process_job(job, engine)

    # warm: the language model, the parsers' and the figure engine's patterns, lazily imported modules
    for item in jobs[:20]:
        worker(item)
    for item in htmls[:20]:
        bare(item)
    # as a page worker does when it starts (`pipeline.workers._serve`): what is loaded stays out of the
    # cyclic collector's passes
    gc.freeze()

    rows = []
    for round_ in range(1, args.rounds + 1):
        load = os.getloadavg()[0]
        bare_ms = cpu_ms_per_item(htmls, bare)
        worker_ms = cpu_ms_per_item(jobs, worker)
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
