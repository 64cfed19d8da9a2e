"""A daily run and a reprocess on the shared corpus's real pages, against bare trafilatura on the same pages.

Usage: python -m benchmarks.corpus_run [--corpus DIR] [--repeat N] [--markdown] [--run-only] [--batch-size N]

The 243 benchmark pages (`benchmarks/corpus.py`) are served on 127.0.0.1 with no politeness delay and
listed in one RSS feed. In one process, on the same pages, the script times:

- bare `trafilatura.extract` on every page, single-process, and in a pool of one process per core;
- a daily run through Prefect (`--any-topic`, so every article is stored): fetch, decode, clean,
  extract, load and publish; Prefect's start is paid by a warm-up run first and reported apart;
- `backfill --reprocess` of the stored pages (no network);
- an unchanged daily run (the feed answers 304).

For each stage it reports the wall time, the pages per second, the ratio to bare trafilatura
(throughput of the stage / throughput of bare), the cores used (CPU seconds of this process and its
finished children / wall seconds) and the peak RSS of this process and of its largest child.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import format_datetime
from multiprocessing import get_context
from multiprocessing.connection import Connection
from pathlib import Path
from xml.sax.saxutils import escape

os.environ.setdefault("PREFECT_LOGGING_LEVEL", "ERROR")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")

import trafilatura

from benchmarks.corpus import CorpusPage, benchmark_pages, print_table, required_corpus
from gdwatch.extractors.pages.decode import decode_html
from gdwatch.flows.demo.runner import write_demo_config
from gdwatch.flows.demo.server import DemoServer
from gdwatch.pipeline.workers import usable_cores

LISTED_AT = datetime(2026, 1, 20, 8, tzinfo=UTC)
"""The feed's date for every page (the page's own date comes first)."""


@dataclass(frozen=True)
class Stage:
    name: str
    seconds: float
    pages: int
    cpu_seconds: float
    peak_rss_mib: float
    child_peak_rss_mib: float

    @property
    def per_second(self) -> float:
        return self.pages / self.seconds

    @property
    def cores(self) -> float:
        return self.cpu_seconds / self.seconds


def cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure(name: str, pages: int, work: Callable[[], object]) -> Stage:
    cpu, started = cpu_seconds(), time.perf_counter()
    work()
    seconds = time.perf_counter() - started
    return Stage(
        name=name,
        seconds=seconds,
        pages=pages,
        cpu_seconds=cpu_seconds() - cpu,
        peak_rss_mib=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        child_peak_rss_mib=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    )


def bare_extract(html: str) -> str | None:
    return trafilatura.extract(html)


def rss(pages: list[CorpusPage], base_url: str) -> bytes:
    published = format_datetime(LISTED_AT)
    items = "\n".join(
        f"<item><title>page {i}</title><link>{base_url}/p/{i}.html</link><guid>{i}:{escape(page.name)}</guid>"
        f"<pubDate>{published}</pubDate></item>"
        for i, page in enumerate(pages)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>corpus</title>'
        f"<link>{base_url}/</link><description>benchmark</description>{items}</channel></rss>"
    ).encode()


def timed_daily_run(feeds: list[str], common: dict[str, str], answer: Connection) -> None:
    """In a process of its own: a warm-up run (Prefect's start), then the timed run of every page."""
    from gdwatch.flows.daily import daily_run
    from gdwatch.flows.launch import run_flow

    run_flow(daily_run, feeds=[feeds[0].replace("/feed.xml", "/empty.xml")], **common)
    cpu, started = cpu_seconds(), time.perf_counter()
    run_flow(daily_run, feeds=feeds, any_topic=True, **common)
    seconds = time.perf_counter() - started
    largest_child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    answer.send((seconds, cpu_seconds() - cpu, own_peak_rss_mib(), largest_child))


def own_peak_rss_mib() -> float:
    """This process's peak RSS since it started its program (VmHWM).

    Not ``ru_maxrss``: Linux carries a process's high-water mark across exec, so a spawned process would
    report the size of the benchmark that started it (which holds every page it serves) instead of its own.
    """
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_in_own_process(pages: int, feeds: list[str], common: dict[str, str]) -> str:
    """The daily run in a fresh process (the pages served here are not in its memory): time and peak RSS."""
    context = get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=timed_daily_run, args=(feeds, common, send))
    process.start()
    seconds, cpu, own_peak, child_peak = receive.recv()
    process.join()
    return (
        f"{pages} pages: daily run {seconds:.1f} s, {pages / seconds:.1f} pages/s, "
        f"{cpu / seconds:.2f} cores; "
        f"peak RSS of the run's process {own_peak:.0f} MiB, "
        f"of its largest worker or server {child_peak:.0f} MiB; "
        f"load average {os.getloadavg()[0]:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=1, help="list every page N times (distinct URLs)")
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--run-only", action="store_true", help="time the daily run alone (scaling checks)")
    parser.add_argument(
        "--batch-size",
        type=int,
        default=None,
        help="warehouse.batch_size for the run (default: the packaged one)",
    )
    args = parser.parse_args()

    from gdwatch.flows.backfill import backfill
    from gdwatch.flows.daily import daily_run
    from gdwatch.flows.launch import run_flow

    corpus = required_corpus(args.corpus)
    pages = benchmark_pages(corpus) * args.repeat
    htmls = [decode_html(page.raw, None)[0] for page in pages]
    stages: list[Stage] = []
    cores = usable_cores()

    def bare_pool() -> None:
        # the pool's start is counted (a fork is cheap) so that its children's CPU is counted too
        with get_context("fork").Pool(cores) as pool:
            pool.map(bare_extract, htmls, chunksize=4)
            pool.close()
            pool.join()

    if not args.run_only:
        stages.append(
            measure("bare trafilatura.extract, 1 process", len(pages), lambda: list(map(bare_extract, htmls)))
        )
        stages.append(measure(f"bare trafilatura.extract, pool of {cores}", len(pages), bare_pool))

    with DemoServer() as server, tempfile.TemporaryDirectory() as tmp:
        routes = {f"/p/{i}.html": ("text/html", page.raw) for i, page in enumerate(pages)}
        routes["/robots.txt"] = ("text/plain", b"User-agent: *\n")
        routes["/feed.xml"] = ("application/rss+xml", rss(pages, server.base_url))
        routes["/empty.xml"] = ("application/rss+xml", rss([], server.base_url))
        server.replace_routes(routes)
        config_dir = write_demo_config(Path(tmp), server.base_url)
        settings = config_dir / "gdwatch.toml"
        text = settings.read_text().replace(
            "max_entries_per_feed = 200", f"max_entries_per_feed = {len(pages)}"
        )
        if args.batch_size is not None:
            text = re.sub(r"(?m)^batch_size = \d+", f"batch_size = {args.batch_size}", text)
        settings.write_text(text)
        db = str(Path(tmp) / "bench.duckdb")
        common = {"config_dir": str(config_dir), "db_path": db}
        warm_up = measure(
            "Prefect start + an empty run",
            0,
            lambda: run_flow(daily_run, feeds=[server.base_url + "/empty.xml"], **common),
        )
        feed = [server.base_url + "/feed.xml"]
        if args.run_only:
            print(run_in_own_process(len(pages), feed, common))
            return
        run = measure(
            "daily run: fetch + clean + extract + load",
            len(pages),
            lambda: run_flow(daily_run, feeds=feed, any_topic=True, **common),
        )
        stages.append(run)
        stages.append(
            measure(
                "backfill --reprocess (stored pages)",
                len(pages),
                lambda: run_flow(
                    backfill, since=date(1990, 1, 1), until=date.today(), reprocess=True, **common
                ),
            )
        )
        unchanged = measure(
            "unchanged daily run (304), server up",
            0,
            lambda: run_flow(daily_run, feeds=feed, any_topic=True, **common),
        )

    bare, pool_stage = stages[0], stages[1]
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    print(
        f"machine: {cores} usable cores, {memory:.0f} GiB; load average at the end "
        f"{os.getloadavg()[0]:.2f}; {len(pages)} pages of the shared corpus"
    )
    rows = [
        (
            stage.name,
            f"{stage.seconds:.2f}",
            f"{stage.per_second:.1f}",
            f"{stage.per_second / bare.per_second:.2f}",
            f"{stage.per_second / pool_stage.per_second:.2f}",
            f"{stage.cores:.2f}",
            f"{stage.peak_rss_mib:.0f} / {stage.child_peak_rss_mib:.0f}",
        )
        for stage in stages
    ]
    rows.append((warm_up.name, f"{warm_up.seconds:.2f}", "", "", "", f"{warm_up.cores:.2f}", ""))
    rows.append((unchanged.name, f"{unchanged.seconds:.2f}", "", "", "", f"{unchanged.cores:.2f}", ""))
    header = (
        "stage",
        "seconds",
        "pages/s",
        "x bare 1-proc",
        "x bare pool",
        "cores used",
        "peak RSS MiB (self / child)",
    )
    print_table(header, rows, markdown=args.markdown, lead_widths=(45,), width=14)


if __name__ == "__main__":
    main()
