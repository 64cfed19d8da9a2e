"""Scale-out: the same pages through 1 worker vs 2 workers into DuckLake on PostgreSQL, and the embedded
DuckDB backend through 1 worker.

Usage: python -m benchmarks.scaleout [--articles 240] [--sources 8] [--repeat 2]

A worker is one process running the daily shard's work (execute_run over its shard's sources) with one
page-processing process, i.e. about one core; "2 workers" are two such processes on shards 0 and 1 at
once, as two Prefect workers would run them. Pages come from a local HTTP server on 127.0.0.1 and the
catalog from a PostgreSQL started in a temp dir. Throughput is pages stored per second of wall time from
the first worker's start of work to the last one's end of its run (its last check and closing included;
process start-up and imports excluded); cores are
the workers' CPU seconds (their page processes included, PostgreSQL's not) over that wall time.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

REPO = Path(__file__).resolve().parent.parent


def worker(config_dir: str, db: str, shard: int, shards: int) -> None:
    """One worker: the shard's sources through execute_run; prints timings and lake counters as JSON."""
    from gdwatch.config.loader import load_config
    from gdwatch.flows.sharded import shard_sources
    from gdwatch.pipeline.context import RunSpec, context_for
    from gdwatch.pipeline.ingest import SourceReport, read_source
    from gdwatch.pipeline.runner import execute_run
    from gdwatch.pipeline.sources import select_sources

    if os.environ.get("GDWATCH_BENCH_NO_LOAD_LOCK"):
        from gdwatch.warehouse.writer import Warehouse

        Warehouse.SERIALISE_LAKE_LOADS = False
    config = load_config(Path(config_dir))
    sources = shard_sources(select_sources(config, None), shard, shards)
    stats: dict[str, float] = {}

    def work(run: RunSpec) -> list[SourceReport]:
        ctx = context_for(run)
        stats["start"] = time.time()
        cpu = time.process_time()
        reports = [read_source(ctx, source) for source in sources]
        stats["cpu_start"] = cpu
        wh = ctx.warehouse
        stats["retries"] = getattr(wh, "commit_retries", 0)
        stats["batches"] = getattr(wh, "lake_batches", 0)
        stats["lock_wait_s"] = getattr(wh, "lock_wait_s", 0.0)
        stats["lock_held_s"] = getattr(wh, "lock_held_s", 0.0)
        stats["append_wait_s"] = getattr(wh, "append_wait_s", 0.0)
        stats["checks_left"] = getattr(wh, "checks_left", 0)
        return reports

    params = {"shard": shard, "shards": shards, "parent": "benchmark"}
    summary = execute_run("daily-shard", params, config, Path(db), work, processes=1)
    # the end is after the run: its last check (what batches left to a later check) is part of the work
    stats["end"] = time.time()
    stats["cpu_s"] = time.process_time() - stats.pop("cpu_start")
    # the page process ends with the run: its CPU (its start and warm-up included) is the children's
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    stats["cpu_s"] += children.ru_utime + children.ru_stime
    stats["new_articles"] = summary.totals().get("new_articles", 0)
    print(json.dumps(stats))


def postgres_cpu_s(data_dir: Path | None) -> float:
    """CPU seconds a PostgreSQL server has used so far: the postmaster, its live processes (checkpointer,
    open sessions) and the ended sessions it reaped (Linux /proc; 0 without a server)."""
    if data_dir is None:
        return 0.0
    postmaster = int((data_dir / "postmaster.pid").read_text().split()[0])
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:  # why: the process ended while the directory was read
            continue
        fields = text[text.rindex(")") + 2 :].split()  # from the state field on: the name may hold spaces
        pid, ppid = int(stat.parent.name), int(fields[1])
        if pid == postmaster:
            ticks += sum(int(f) for f in fields[11:15])  # utime, stime, and the reaped children's
        elif ppid == postmaster:
            ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def run_workers(config: Path, db: str, shards: int, pg_data: Path | None = None) -> dict[str, float]:
    pg_cpu = postgres_cpu_s(pg_data)
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "benchmarks.scaleout", "--worker", str(config), db, str(i), str(shards)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(shards)
    ]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=3600)
        if proc.returncode != 0:
            raise RuntimeError(err[-3000:])
        results.append(json.loads(out.strip().splitlines()[-1]))
    wall = max(r["end"] for r in results) - min(r["start"] for r in results)
    # NOTE: over the workers' whole lives (start-up and migrations included), divided by the wall time of
    # their work like the workers' own CPU: a slight overestimate of PostgreSQL's share
    pg_cpu = postgres_cpu_s(pg_data) - pg_cpu
    pages = sum(r["new_articles"] for r in results)
    batches = sum(r["batches"] for r in results)
    return {
        "pages": pages,
        "wall_s": wall,
        "pages_per_s": pages / wall,
        "retries_per_100_batches": 100 * sum(r["retries"] for r in results) / batches if batches else 0.0,
        "batches": batches,
        "lock_wait_s": sum(r["lock_wait_s"] for r in results),
        "lock_held_s": sum(r["lock_held_s"] for r in results),
        "append_wait_s": sum(r["append_wait_s"] for r in results),
        "checks_left": sum(r["checks_left"] for r in results),
        "cores": sum(r["cpu_s"] for r in results) / wall,
        "pg_cores": pg_cpu / wall,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=240)
    parser.add_argument("--sources", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--modes", default="duckdb-1,ducklake-1,ducklake-2", help="backend-workers, ...")
    parser.add_argument("--worker", nargs=4, metavar=("CONFIG", "DB", "SHARD", "SHARDS"))
    args = parser.parse_args()
    if args.worker:
        config_dir, db, shard, shards = args.worker
        worker(config_dir, db, int(shard), int(shards))
        return

    from benchmarks.pipeline import make_articles
    from gdwatch.config.loader import PACKAGED_CONFIG_DIR, load_config
    from gdwatch.config.models import lake_location
    from gdwatch.flows.sharded import shard_of
    from tests.scaleout.fixtures import running_postgres
    from tests.support.httpserver import LocalSite
    from tests.support.pages import serve_articles

    articles = make_articles(args.articles)
    names = [f"source-{i}" for i in range(args.sources)]
    sizes = [sum(shard_of(n, names, 2) == k for n in names) for k in (0, 1)]
    print(
        f"machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; {args.articles} pages, "
        f"{args.sources} sources (shard sizes {sizes})"
    )
    with tempfile.TemporaryDirectory() as tmp, LocalSite() as site, running_postgres() as pg:
        feeds = []
        for i, name in enumerate(names):
            feeds.append(serve_articles(site, articles[i :: args.sources], feed_path=f"/{name}.xml"))
        packaged = load_config(PACKAGED_CONFIG_DIR)
        directory = Path(tmp) / "config"
        directory.mkdir()
        lines = [
            "[politeness]",
            "per_host_delay_s = 0.0",
            "respect_robots = false",
            'allow_hosts = ["127.0.0.1"]',
            "max_entries_per_feed = 10000",
            "",
            "[relevance]",
            f"terms_en = {json.dumps(list(packaged.settings.relevance.terms_en))}",
            f"terms_zh = {json.dumps(list(packaged.settings.relevance.terms_zh), ensure_ascii=False)}",
            "",
            "[warehouse]",
            "batch_size = 50",
            "",
            "[revisit]",
            "days = 0",
        ]
        (directory / "gdwatch.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        (directory / "sources.toml").write_text(
            "\n".join(
                f'[[sources]]\nname = "{n}"\nkind = "rss"\nurl = "{u}"\nlanguage = "any"\nenabled = true\n'
                for n, u in zip(names, feeds, strict=True)
            ),
            encoding="utf-8",
        )
        for extra in ("metrics.toml", "gazetteer.toml", "outlets.toml"):
            if (PACKAGED_CONFIG_DIR / extra).exists():
                (directory / extra).write_text((PACKAGED_CONFIG_DIR / extra).read_text(encoding="utf-8"))
        results: dict[str, list[dict[str, float]]] = {mode: [] for mode in args.modes.split(",")}
        for r in range(args.repeat):
            for mode in results:
                if mode.startswith("duckdb"):
                    db = str(Path(tmp) / f"wh-{r}.duckdb")
                else:
                    name = pg.create_database(f"bench_{mode.replace('-', '_')}_{r}")
                    db = str(lake_location(f"postgres:{pg.conninfo(name)}", str(Path(tmp) / f"files-{name}")))
                shards = int(mode.rsplit("-", 1)[1])
                pg_data = None if mode.startswith("duckdb") else pg.directory / "data"
                results[mode].append(run_workers(directory, db, shards, pg_data))
                m = results[mode][-1]
                print(
                    f"{mode} #{r + 1}: {m['pages']:.0f} pages in {m['wall_s']:.1f} s = "
                    f"{m['pages_per_s']:.2f} pages/s, {m['cores']:.2f} cores in the workers "
                    f"+ {m['pg_cores']:.2f} in PostgreSQL; "
                    f"retries/100 batches {m['retries_per_100_batches']:.1f}; "
                    f"check lock wait {m['lock_wait_s']:.1f} s, held {m['lock_held_s']:.1f} s; "
                    f"article locks wait {m['append_wait_s']:.1f} s; checks left to a later one "
                    f"{m['checks_left']:.0f}",
                    flush=True,
                )
    best = {mode: max(x["pages_per_s"] for x in runs) for mode, runs in results.items()}
    median = {mode: statistics.median(x["pages_per_s"] for x in runs) for mode, runs in results.items()}
    print(
        "\n| backend, workers | pages/s (best) | pages/s (median) | cores in the workers (median) "
        "| cores in PostgreSQL (median) | commit retries / 100 batches |"
    )
    print("|---|---|---|---|---|---|")
    for mode, runs in results.items():
        retries = statistics.mean(x["retries_per_100_batches"] for x in runs)
        cores = statistics.median(x["cores"] for x in runs)
        pg_cores = statistics.median(x["pg_cores"] for x in runs)
        speeds = f"{best[mode]:.2f} | {median[mode]:.2f}"
        print(f"| {mode} | {speeds} | {cores:.2f} | {pg_cores:.2f} | {retries:.1f} |")
    print(
        f"\nDuckLake 2 workers / 1 worker: {best['ducklake-2'] / best['ducklake-1']:.2f}x (best), "
        f"{median['ducklake-2'] / median['ducklake-1']:.2f}x (median)"
    )


if __name__ == "__main__":
    main()
