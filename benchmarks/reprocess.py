"""`backfill --reprocess` against bare trafilatura on the same stored pages, alternated with other trees.

Usage: python -m benchmarks.reprocess [--corpus DIR] [--rounds N] [--tree DIR]... [--markdown]

The 243 benchmark pages (`benchmarks/corpus.py`) are served on 127.0.0.1 and stored by one daily run of
this tree (`--any-topic`, so every article is kept); their figures are then labelled as an older engine's,
as after an upgrade of the figure engine, so every reprocess extracts and loads them again. Round after
round, on a fresh copy of that warehouse each time, the script times:

- bare `trafilatura.extract` on every stored page, single-process, and in a pool of one process per core;
- this tree's reprocess in its default mode (the stored text of pages the current cleaner produced is
  kept: figures only) and with `--reclean` (every page decoded and cleaned again);
- the reprocess of each `--tree DIR` (another checkout, e.g. `git worktree add /tmp/before-rp <commit>`),
  in whatever mode it has.

Each tree's reprocess runs in a process of its own (its own Prefect home), which first pays Prefect's
start with an empty run; the rounds then run the reprocess through Prefect, in that process. The order
of the stages alternates from round to round. For each stage: wall seconds, pages per second, the ratio
to bare trafilatura in one process and to the pool (pages per second of the stage / of bare), the cores
used (CPU seconds of the process and its workers / wall seconds) and the peak RSS of the process and of
its largest worker. Before the rounds, the script checks the claim the default mode rests on: every
stored article is what the current cleaner makes of its stored page again, field by field.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date
from multiprocessing import get_context
from pathlib import Path

os.environ.setdefault("PREFECT_LOGGING_LEVEL", "ERROR")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")

import duckdb
import trafilatura

from benchmarks.corpus import benchmark_pages, print_table, required_corpus
from benchmarks.corpus_run import rss
from gdwatch.flows.demo.runner import write_demo_config
from gdwatch.flows.demo.server import DemoServer
from gdwatch.pipeline.workers import usable_cores

REPO = Path(__file__).resolve().parent.parent
OLDER_ENGINE = "metrics-0.0.0"
"""The label the stored figures get, so that a reprocess extracts and loads them all again."""

# What a tree's process runs: it reads one JSON command a line and answers one JSON line. It uses only
# names every tree has (`backfill` with `reprocess`; `reclean` when the tree has it).
DRIVER = r"""
import inspect, json, os, resource, sys, time
from datetime import date
sys.path.insert(0, os.getcwd())
from gdwatch.flows.backfill import backfill
from gdwatch.flows.daily import daily_run
from gdwatch.flows.launch import run_flow

def cpu():
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime

def hwm():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0

for line in sys.stdin:
    order = json.loads(line)
    common = {"config_dir": order["config_dir"], "db_path": order["db"]}
    started_cpu, started = cpu(), time.perf_counter()
    if order["what"] == "daily":
        run_flow(daily_run, feeds=order["feeds"], any_topic=True, **common)
        extra = {}
    else:
        kwargs = {}
        if "reclean" in inspect.signature(backfill.fn).parameters:
            kwargs["reclean"] = order["reclean"]
        summary = run_flow(backfill, since=date(1990, 1, 1), until=date.today(), reprocess=True,
                           **kwargs, **common)
        report = summary.reports[0] if summary.reports else None
        extra = {"figures_only": getattr(report, "figures_only", None),
                 "recleaned": getattr(report, "recleaned", None)}
    seconds = time.perf_counter() - started
    answer = {"seconds": seconds, "cpu": cpu() - started_cpu, "hwm": hwm(),
              "child_rss": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, **extra}
    print(json.dumps(answer), flush=True)
"""


@dataclass
class Tree:
    """A checkout's gdwatch in a process of its own, taking orders on its stdin."""

    path: Path
    process: subprocess.Popen[str]

    @classmethod
    def start(cls, path: Path, home: Path) -> Tree:
        env = {**os.environ, "PREFECT_HOME": str(home)}
        env.pop("PREFECT_API_URL", None)
        process = subprocess.Popen(
            [sys.executable, "-c", DRIVER],
            cwd=path,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        return cls(path, process)

    def run(self, **order: object) -> dict[str, float]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps(order) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"the process of {self.path} ended (exit code {self.process.wait()})")
        answer: dict[str, float] = json.loads(line)
        return answer

    def stop(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(60)


@dataclass(frozen=True)
class Stage:
    name: str
    seconds: float
    cpu_seconds: float
    peak_rss: str
    note: str = ""


def cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def bare_extract(html: str) -> str | None:
    return trafilatura.extract(html)


def timed_here(name: str, work: Callable[[], object]) -> Stage:
    cpu, started = cpu_seconds(), time.perf_counter()
    work()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return Stage(name, time.perf_counter() - started, cpu_seconds() - cpu, f"{peak:.0f}")


def stored_html(db: Path) -> list[str]:
    """The stored pages a reprocess reads, decoded as the pipeline decodes them."""
    from gdwatch.extractors.pages.decode import decode_html
    from gdwatch.warehouse import Warehouse

    with Warehouse(db) as warehouse:
        pages = warehouse.raw_pages(since=date(1990, 1, 1), until=date.today())
    return [decode_html(page.raw, page.content_type)[0] for page in pages]


def check_stored_text(db: Path, workdir: Path) -> str:
    """Clean every stored page again and compare the article with the stored version, field by field."""
    from gdwatch.extractors.pages import CLEANER_VERSION, clean_article, decode_html
    from gdwatch.warehouse import Warehouse

    copy = workdir / "check.duckdb"
    shutil.copyfile(db, copy)
    with Warehouse(copy) as warehouse:
        pages = warehouse.raw_pages(since=date(1990, 1, 1), until=date.today())
    conn = duckdb.connect(str(copy), read_only=True)
    stored = {
        (row[0], row[1]): row[2:]
        for row in conn.execute(
            "SELECT raw_sha256, fetched_at, url, title, author, site_name, language, text, published_at, "
            "date_source FROM store.article_versions WHERE cleaner_version = ?",
            [CLEANER_VERSION],
        ).fetchall()
    }
    conn.close()
    import hashlib

    same = 0
    for page in pages:
        html, _ = decode_html(page.raw, page.content_type)
        article = clean_article(
            html,
            url=page.fetched_url or page.entry_url,
            feed_published=page.listed_published_at,
            now=page.fetched_at,
        ).article
        key = (hashlib.sha256(page.raw).hexdigest(), page.fetched_at)
        if article is None or key not in stored:
            continue
        url, title, author, site, language, text, published, source = stored[key]
        published = None if published is None else published.astimezone(UTC)
        again = (
            article.url,
            article.title,
            article.author,
            article.site_name,
            article.language,
            article.text,
            article.published_at,
            article.date_source,
        )
        same += again == (url, title, author, site, language, text, published, source)
    return f"{same} of {len(pages)} stored articles cleaned again are identical to the stored ones"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--tree", type=Path, action="append", default=[], help="another checkout")
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()

    corpus = required_corpus(args.corpus)
    pages = benchmark_pages(corpus)
    cores = usable_cores()
    load_before = os.getloadavg()

    with DemoServer() as server, tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        routes = {f"/p/{i}.html": ("text/html", page.raw) for i, page in enumerate(pages)}
        routes["/robots.txt"] = ("text/plain", b"User-agent: *\n")
        routes["/feed.xml"] = ("application/rss+xml", rss(pages, server.base_url))
        routes["/empty.xml"] = ("application/rss+xml", rss([], server.base_url))
        server.replace_routes(routes)
        (work / "config").mkdir()
        config_dir = write_demo_config(work / "config", server.base_url)
        settings = config_dir / "gdwatch.toml"
        settings.write_text(
            settings.read_text().replace("max_entries_per_feed = 200", f"max_entries_per_feed = {len(pages)}")
        )
        trees = {"after": Tree.start(REPO, work / "home-after")}
        for index, path in enumerate(args.tree):
            trees[path.name or f"tree{index}"] = Tree.start(path.resolve(), work / f"home-{index}")
        try:
            base = work / "base.duckdb"
            for name, tree in trees.items():  # Prefect's start, paid before the rounds
                tree.run(
                    what="daily",
                    feeds=[server.base_url + "/empty.xml"],
                    config_dir=str(config_dir),
                    db=str(work / f"empty-{name}.duckdb"),
                )
            trees["after"].run(
                what="daily", feeds=[server.base_url + "/feed.xml"], config_dir=str(config_dir), db=str(base)
            )
            check = check_stored_text(base, work)
            conn = duckdb.connect(str(base))
            conn.execute(f"UPDATE store.extractions SET extractor_version = '{OLDER_ENGINE}'")
            conn.execute(f"UPDATE store.observations SET extractor_version = '{OLDER_ENGINE}'")
            conn.execute("CHECKPOINT")
            conn.close()
            htmls = stored_html(base)

            def reprocess(tree_name: str, reclean: bool) -> Callable[[], Stage]:
                def go() -> Stage:
                    db = work / "round.duckdb"
                    shutil.copyfile(base, db)
                    shutil.copyfile(base, work / "round.read.duckdb")
                    answer = trees[tree_name].run(
                        what="reprocess", reclean=reclean, config_dir=str(config_dir), db=str(db)
                    )
                    mode = "--reclean" if reclean else "default"
                    if tree_name != "after":
                        mode = "its only mode"
                    note = ""
                    if answer.get("figures_only") is not None:
                        note = f"figures only {answer['figures_only']}, re-cleaned {answer['recleaned']}"
                    return Stage(
                        f"{tree_name}: reprocess, {mode}",
                        answer["seconds"],
                        answer["cpu"],
                        f"{answer['hwm']:.0f} / {answer['child_rss']:.0f}",
                        note,
                    )

                return go

            def bare_pool() -> None:
                with get_context("fork").Pool(cores) as pool:
                    pool.map(bare_extract, htmls, chunksize=4)
                    pool.close()
                    pool.join()

            stages: list[Callable[[], Stage]] = [
                lambda: timed_here(
                    "bare trafilatura.extract, 1 process", lambda: list(map(bare_extract, htmls))
                ),
                lambda: timed_here(f"bare trafilatura.extract, pool of {cores}", bare_pool),
                reprocess("after", False),
                reprocess("after", True),
                *[reprocess(name, False) for name in trees if name != "after"],
            ]
            rounds: list[tuple[list[Stage], tuple[float, float]]] = []
            for number in range(args.rounds):
                load = os.getloadavg()[0]
                order = stages if number % 2 == 0 else list(reversed(stages))
                done = [stage() for stage in order]
                rounds.append((done, (load, os.getloadavg()[0])))
        finally:
            for tree in trees.values():
                tree.stop()

    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    print(
        f"machine: {cores} usable cores of {os.cpu_count()}, {memory:.0f} GiB; {len(htmls)} stored pages; "
        f"load average {load_before[0]:.2f} at the start, {os.getloadavg()[0]:.2f} at the end"
    )
    print(check)
    header = (
        "round (load)",
        "stage",
        "s",
        "pages/s",
        "x bare 1-proc",
        "x bare pool",
        "cores",
        "peak RSS MiB",
        "",
    )
    lines = []
    ratios: dict[str, list[float]] = {}
    for number, (done, (load_start, load_end)) in enumerate(rounds, 1):
        by_name = {s.name: s for s in done}
        bare = by_name["bare trafilatura.extract, 1 process"]
        pool = by_name[f"bare trafilatura.extract, pool of {cores}"]
        # bare first, then the reprocesses by tree and mode; each round keeps its own order of running
        for stage in sorted(done, key=lambda s: (not s.name.startswith("bare"), s.name)):
            ratio = bare.seconds / stage.seconds
            ratios.setdefault(stage.name, []).append(ratio)
            lines.append(
                (
                    f"{number} ({load_start:.1f} → {load_end:.1f})",
                    stage.name,
                    f"{stage.seconds:.2f}",
                    f"{len(htmls) / stage.seconds:.1f}",
                    f"{ratio:.2f}",
                    f"{pool.seconds / stage.seconds:.2f}",
                    f"{stage.cpu_seconds / stage.seconds:.2f}",
                    stage.peak_rss,
                    stage.note,
                )
            )
    print_table(header, lines, markdown=args.markdown, lead_widths=(16, 40), width=12)
    for name, values in ratios.items():
        print(
            f"{name}: × bare 1-proc median {statistics.median(values):.2f}, "
            f"range {min(values):.2f}–{max(values):.2f}"
        )


if __name__ == "__main__":
    main()
