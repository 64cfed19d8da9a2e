"""Benchmark: Warehouse.load_batch throughput (articles/s and observation rows/s) on a growing warehouse.

Usage: python benchmarks/load.py [--batches 10] [--articles 200] [--per-batch-checks] [--open-per-call]
       [--no-page-simhash] [--check-after N] [--check-slice N]

Each batch holds new synthetic articles (200 words, raw HTML, 10 figures each) and is loaded in one
transaction like a real run; a final batch re-loads the first one to time the no-op path. The load's own
step timings of the new batches are summed into a breakdown (the statements of the disagreement stage are
its ``cluster:`` rows), so a change can be aimed at where the time goes.

By default the batches reach the load as a run's do: each page carries its text's simhash (the page workers
compute it) and the writer holds the file for its life. ``--no-page-simhash`` leaves the simhash to staging
(about 90 % of staging's time) and ``--open-per-call`` opens the file in each call, the writer's default
elsewhere: both together are what this benchmark measured before 2026-12-06.

A run defers the checks (``Warehouse(defer_checks=True)``): a batch appends and queues its figures, and
the fingerprints, conflicts and disagreement snapshots run once for many batches, after a batch once
``--check-after`` articles are queued and in the run's last step (``check_pending``) before it publishes,
each check in slices of at most ``--check-slice`` articles (whole batches, one transaction each).
The benchmark reports the loads alone (the append of each batch; the checks that follow some batches
excluded), the checks alone, and **the whole: every article loaded with its figures checked**, the
last check included: that is the rate a run gets. ``--per-batch-checks`` checks each batch in its own
transaction, as runs did before.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
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
    parser.add_argument(
        "--per-batch-checks",
        action="store_true",
        help="check each batch's figures in its load transaction (no deferred checks)",
    )
    parser.add_argument(
        "--check-after",
        type=int,
        default=Warehouse.CHECK_AFTER_ARTICLES,
        help="deferred checks: check after a batch once this many articles are queued",
    )
    parser.add_argument(
        "--check-slice",
        type=int,
        default=Warehouse.CHECK_SLICE_ARTICLES,
        help="deferred checks: check the queued batches in slices of at most this many articles",
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
    defer = not args.per_batch_checks
    with (
        tempfile.TemporaryDirectory() as tmp,
        Warehouse(Path(tmp) / "load.duckdb", hold_file=not args.open_per_call, defer_checks=defer) as wh,
    ):
        wh.CHECK_AFTER_ARTICLES = args.check_after
        wh.CHECK_SLICE_ARTICLES = args.check_slice
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
        timings = {}
        started = time.perf_counter()
        wh.check_pending(run_id=run, timings=timings)  # the run's last step, before it publishes
        last_check = time.perf_counter() - started
        for step, seconds in timings.items():
            steps[step] = steps.get(step, 0.0) + seconds
        checks = wh.check_s  # the checks after batches and the last one
        started = time.perf_counter()
        counts = wh.load_batch(batches[0], run_id=run)
        wh.check_pending(run_id=run)
        rows.append(
            ("reload #1 (no-op)", counts.unchanged, counts.observations, time.perf_counter() - started, 0)
        )
    mode = "file opened per call" if args.open_per_call else "file held"
    mode += ", simhash in staging" if args.no_page_simhash else ", simhash with the pages"
    mode += (
        ", each batch checked in its load"
        if not defer
        else f", checks deferred (after a batch once {args.check_after:,} articles are queued, and last; "
        f"in slices of at most {args.check_slice:,} articles)"
    )
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
    articles, observations = sum(r[1] for r in loaded), sum(r[2] for r in loaded)
    total = sum(r[3] for r in loaded) + last_check  # every figure checked
    appends = total - checks
    print(
        f"\nWhole (loads and every check, the last one included): {articles / total:,.0f} articles/s, "
        f"{observations / total:,.0f} observation rows/s, {total:.2f} s"
    )
    if defer:
        print(
            f"Loads alone (each batch's append): {articles / appends:,.0f} articles/s, {appends:.2f} s; "
            f"checks: {checks:.2f} s ({checks - last_check:.2f} s after batches, {last_check:.2f} s last)"
        )
    print(f"Load average at the end: {' / '.join(f'{x:.1f}' for x in os.getloadavg())} (1 / 5 / 15 min)")
    print(f"Peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MiB")
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
