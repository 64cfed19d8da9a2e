"""Benchmark: Warehouse.load_batch throughput (articles/s and observation rows/s) on a growing warehouse.

Usage: python benchmarks/load.py [--batches 10] [--articles 200] [--open-per-call] [--no-page-simhash]

Each batch holds new synthetic articles (200 words, raw HTML, 10 figures each) and is loaded in one
transaction like a real run; a final batch re-loads the first one to time the no-op path. The load's own
step timings of the new batches are summed into a breakdown (the statements of the disagreement stage are
its ``cluster:`` rows), so a change can be aimed at where the time goes.

By default the batches reach the load as a run's do: each page carries its text's simhash (the page workers
compute it) and the writer holds the file for its life. ``--no-page-simhash`` leaves the simhash to staging
(about 90 % of staging's time) and ``--open-per-call`` opens the file in each call, the writer's default
elsewhere: both together are what this benchmark measured before 2026-12-06.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.conflicts import OBS_PER_ARTICLE, T0, machine, pages
from gdwatch.extractors.pages import simhash
from gdwatch.warehouse import LoadBatch, Warehouse


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--batches", type=int, default=10)
    parser.add_argument("--articles", type=int, default=200, help="articles per batch")
    parser.add_argument(
        "--open-per-call",
        action="store_true",
        help="open and close the DuckDB file in each load_batch (the writer's default; a run holds it)",
    )
    parser.add_argument(
        "--no-page-simhash",
        action="store_true",
        help="pages without their simhash, so staging computes it (a run's page workers do)",
    )
    args = parser.parse_args()
    rng = random.Random(7)
    batches = []
    for b in range(args.batches):
        made = pages(rng, args.articles, prefix=f"batch{b}")
        if not args.no_page_simhash:  # outside the timed load, as in a run's page workers
            made = [
                replace(page, simhash=simhash(page.article.text)) if page.article else page for page in made
            ]
        batches.append(LoadBatch(tuple(made)))
    rows: list[tuple[str, int, int, float, float]] = []
    steps: dict[str, float] = {}
    with (
        tempfile.TemporaryDirectory() as tmp,
        Warehouse(Path(tmp) / "load.duckdb", hold_file=not args.open_per_call) as wh,
    ):
        run = wh.start_run(flow="bench", params={}, started_at=T0)
        for b, batch in enumerate(batches):
            timings: dict[str, float] = {}
            started = time.perf_counter()
            counts = wh.load_batch(batch, run_id=run, timings=timings)
            elapsed = time.perf_counter() - started
            for step, seconds in timings.items():
                steps[step] = steps.get(step, 0.0) + seconds
            rows.append(
                (f"new #{b + 1}", counts.new_articles, counts.observations, elapsed, timings["stage"])
            )
        started = time.perf_counter()
        counts = wh.load_batch(batches[0], run_id=run)
        rows.append(
            ("reload #1 (no-op)", counts.unchanged, counts.observations, time.perf_counter() - started, 0)
        )
    mode = "file opened per call" if args.open_per_call else "file held"
    mode += ", simhash in staging" if args.no_page_simhash else ", simhash with the pages"
    print(
        f"load_batch, {args.articles} articles x {OBS_PER_ARTICLE} figures per batch ({machine()}; {mode})\n"
    )
    print(
        "| batch | articles | observation rows | time | articles/s | observation rows/s | staging (Python) |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, articles, observations, elapsed, stage in rows:
        print(
            f"| {name} | {articles:,} | {observations:,} | {elapsed * 1000:.0f} ms "
            f"| {articles / elapsed:,.0f} | {observations / elapsed:,.0f} | {stage * 1000:.0f} ms |"
        )
    loaded = [r for r in rows if r[0].startswith("new")]
    total = sum(r[3] for r in loaded)
    print(
        f"\nTotal: {sum(r[1] for r in loaded) / total:,.0f} articles/s, "
        f"{sum(r[2] for r in loaded) / total:,.0f} observation rows/s"
    )
    print(f"\nWhere the time of the {len(loaded)} new batches goes (ms per batch, share of load_batch):\n")
    print("| step | ms per batch | share |")
    print("|---|---:|---:|")
    # refresh_disagreements includes fingerprint_articles and the cluster:* statements: listed under it
    parts = {k: v for k, v in steps.items() if k == "fingerprint_articles" or k.startswith("cluster:")}
    for step, seconds in sorted(steps.items(), key=lambda item: -item[1]):
        if step in parts or step in ("cluster_figures", "touched_figures"):  # sums of parts
            continue
        print(f"| {step} | {seconds * 1000 / len(loaded):.1f} | {seconds / total:.0%} |")
        if step == "refresh_disagreements":
            for part, part_s in sorted(parts.items(), key=lambda item: -item[1]):
                print(f"| - {part} | {part_s * 1000 / len(loaded):.1f} | {part_s / total:.0%} |")


if __name__ == "__main__":
    main()
