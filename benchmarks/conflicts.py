"""Benchmark: incremental conflict detection for 1k new figures against 10k, 100k and 1M stored figures.

Usage: python benchmarks/conflicts.py [--sizes 10000 100000 1000000] [--repeat N]

The stored figures are synthetic (40 metrics x 21 entities x 23 periods, 10 per article, 95 % agreeing with
the key's value within rounding, 5 % off by 12 %), appended with Arrow scans with the columns a load writes
(kind and period bounds too, so they share keys with the new figures); the new figures arrive through
Warehouse.load_batch like a real run, and the load's own step timings give the detection time: the pairwise
conflict steps, with the read of the current figures of every figure key the batch touched that they share
with the clustering, plus the cluster snapshot of those keys. The MinHash fingerprints of the 100 new
articles are a load cost per article, shown apart.
"""

from __future__ import annotations

import argparse
import calendar
import hashlib
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import duckdb
import pyarrow as pa

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gdwatch.extractors.records import Article, Observation
from gdwatch.warehouse import LoadBatch, PageRecord, Warehouse, article_id_for, connect
from gdwatch.warehouse.fingerprints import configured_outlets

NEW_FIGURES = 1_000
METRICS = [f"metric_{i:02d}" for i in range(40)]
ENTITIES = ["Guangdong"] + [f"City{i:02d}" for i in range(20)]
PERIODS = [str(y) for y in range(2015, 2026)] + [f"2025-{m:02d}" for m in range(1, 13)]
T0 = datetime(2026, 1, 1, tzinfo=UTC)
OBS_PER_ARTICLE = 10


def machine() -> str:
    """Cores and memory of this machine, for the benchmark table's caption."""
    pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    return f"{os.cpu_count()} cores, {pages / 2**30:.1f} GiB RAM, DuckDB {duckdb.__version__}"


def _true_value(metric: str, entity: str, period: str) -> float:
    digest = hashlib.sha256(f"{metric}|{entity}|{period}".encode()).digest()
    return 1e9 * (1 + int.from_bytes(digest[:4], "big") % 10_000)


def figure(rng: random.Random, extractor: str) -> Observation:
    """One figure on a random key: 95 % agree with the key's true value (within rounding), 5 % contradict."""
    metric, entity, period = rng.choice(METRICS), rng.choice(ENTITIES), rng.choice(PERIODS)
    truth = _true_value(metric, entity, period)
    value = truth * (1.12 if rng.random() < 0.05 else 1.0 + rng.uniform(-0.002, 0.002))
    return Observation(
        metric=metric,
        subject=metric,
        entity=entity,
        partner=None,
        period=period,
        value=value,
        unit="CNY",
        qualifier="exact",
        projection=False,
        quote=f"{entity} {metric} was {value:.0f} in {period}.",
        start=0,
        end=10,
        extractor_version=extractor,
        resolution=1e9,
    )


def pages(
    rng: random.Random, n_articles: int, *, prefix: str, extractor: str = "bench-1"
) -> list[PageRecord]:
    """``n_articles`` article pages with ``OBS_PER_ARTICLE`` figures each."""
    out = []
    for i in range(n_articles):
        url = f"https://{prefix}.example/{i}"
        text = f"Article {prefix} {i}: " + " ".join(rng.choice(METRICS) for _ in range(200))
        article = Article(url, f"Title {i}", None, "Bench", text, "en", T0, "page")
        out.append(
            PageRecord(
                source=prefix,
                entry_id=url,
                entry_url=url,
                fetched_url=url,
                fetched_at=T0 + timedelta(seconds=i),
                listed_published_at=T0,
                outcome="article",
                error=None,
                http_status=200,
                content_type="text/html",
                encoding="utf-8",
                raw=f"<html>{text}</html>".encode(),
                article=article,
                observations=tuple(figure(rng, extractor) for _ in range(OBS_PER_ARTICLE)),
                cleaner_version="bench",
            )
        )
    return out


def period_bounds(period: str) -> tuple[date, date]:
    """First and last day of a ``YYYY`` or ``YYYY-MM`` period (what ``insert_observations`` stores)."""
    year, _, month = period.partition("-")
    if not month:
        return date(int(year), 1, 1), date(int(year), 12, 31)
    last = calendar.monthrange(int(year), int(month))[1]
    return date(int(year), int(month), 1), date(int(year), int(month), last)


def stored_tables(rng: random.Random, n_observations: int, *, run_id: int) -> dict[str, pa.Table]:
    """Arrow tables for store.article_versions / extractions / observations holding ``n_observations``."""
    n_articles = n_observations // OBS_PER_ARTICLE
    ids = [article_id_for(f"https://stored.example/{i}") for i in range(n_articles)]
    versions = {
        "article_id": ids,
        "version": [1] * n_articles,
        "url": [f"https://stored.example/{i}" for i in range(n_articles)],
        "source": ["stored"] * n_articles,
        "run_id": [run_id] * n_articles,
        "cleaner_version": ["bench"] * n_articles,
        "fetched_at": [T0] * n_articles,
        "published_at": [T0] * n_articles,
        "date_source": ["page"] * n_articles,
        "title": [None] * n_articles,
        "author": [None] * n_articles,
        "site_name": [None] * n_articles,
        "language": ["en"] * n_articles,
        "text": [f"text {i}" for i in range(n_articles)],
        "content_hash": [hashlib.sha256(f"text {i}".encode()).hexdigest() for i in range(n_articles)],
        "simhash": pa.array([rng.getrandbits(64) for _ in range(n_articles)], pa.uint64()),
        "raw_sha256": [None] * n_articles,
    }
    extractions = {
        "article_id": ids,
        "article_version": [1] * n_articles,
        "extractor_version": ["bench-1"] * n_articles,
        "run_id": [run_id] * n_articles,
        "observation_count": [OBS_PER_ARTICLE] * n_articles,
    }
    figures = [figure(rng, "bench-1") for _ in range(n_articles * OBS_PER_ARTICLE)]
    bounds = [period_bounds(str(f.period)) for f in figures]
    observations = {
        "article_id": [ids[i // OBS_PER_ARTICLE] for i in range(len(figures))],
        "article_version": [1] * len(figures),
        "extractor_version": ["bench-1"] * len(figures),
        "run_id": [run_id] * len(figures),
        "ordinal": [i % OBS_PER_ARTICLE for i in range(len(figures))],
        "metric": [f.metric for f in figures],
        "subject": [f.subject for f in figures],
        "entity": [f.entity for f in figures],
        "partner": [None] * len(figures),
        "period": [f.period for f in figures],
        "value": [f.value for f in figures],
        "unit": [f.unit for f in figures],
        "qualifier": [f.qualifier for f in figures],
        "projection": [False] * len(figures),
        "resolution": [f.resolution for f in figures],
        "conversion_of": pa.array([None] * len(figures), pa.int32()),
        "quote": [f.quote for f in figures],
        "start_offset": [0] * len(figures),
        "end_offset": [10] * len(figures),
        "kind": [f.kind for f in figures],
        "unit_text": ["yuan"] * len(figures),
        "period_start": [start for start, _ in bounds],
        "period_end": [end for _, end in bounds],
        "revises": [False] * len(figures),  # no synthetic quote says it revises (migration 0016)
    }
    return {
        "store.article_versions": pa.table(versions),
        "store.extractions": pa.table(extractions),
        "store.observations": pa.table(observations),
    }


def bulk_insert(conn: duckdb.DuckDBPyConnection, tables: dict[str, pa.Table]) -> None:
    """Append Arrow tables through DuckDB's relational API (Arrow scan, no row-by-row inserts)."""
    for name, table in tables.items():
        conn.register("seed", table)
        try:  # by name: columns added by later migrations stay NULL, as for rows stored before them
            conn.execute(f"INSERT INTO {name} BY NAME SELECT * FROM seed")
        finally:
            conn.unregister("seed")


def measure(stored: int, workdir: Path, repeat: int = 1) -> dict[str, float]:
    """Load ``stored`` synthetic figures, then time one batch of 1k new figures ``repeat`` times, each into
    its own copy of the seeded warehouse; medians of the repeats, and the range of the ratio."""
    rng = random.Random(stored)
    path = workdir / f"bench-{stored}.duckdb"
    with Warehouse(path) as wh:
        seed_run = wh.start_run(flow="bench-seed", params={"stored": stored}, started_at=T0)
        conn = connect(path)
        try:
            started = time.perf_counter()
            bulk_insert(conn, stored_tables(rng, stored, run_id=seed_run))
            seed_s = time.perf_counter() - started
        finally:
            conn.close()
    # once per process, not per batch: tldextract builds its suffix trie (0.1-0.3 s) on first use
    configured_outlets().outlet("https://www.example.com/", None)
    batch = LoadBatch(tuple(pages(rng, NEW_FIGURES // OBS_PER_ARTICLE, prefix="new")))
    runs = []
    for i in range(repeat):
        copy = workdir / f"bench-{stored}-{i}.duckdb"
        shutil.copyfile(path, copy)
        with Warehouse(copy) as wh:
            run = wh.start_run(flow="bench", params={}, started_at=T0)
            timings: dict[str, float] = {}
            started = time.perf_counter()
            counts = wh.load_batch(batch, run_id=run, timings=timings)
            total_s = time.perf_counter() - started
        # the current figures of the touched scopes are read once for both conflict steps and the clusters
        shared_s = timings["touched_figures"]
        pairwise_s = timings["insert_closed_conflicts"] + timings["insert_opened_conflicts"] + shared_s
        runs.append(
            {
                "shared_s": shared_s,
                "pairwise_s": pairwise_s,
                "fingerprint_s": timings["fingerprint_articles"],
                "cluster_s": timings["cluster_figures"],
                "detect_s": pairwise_s + timings["cluster_figures"],
                "ratio": (pairwise_s + timings["cluster_figures"]) / pairwise_s,
                "batch_s": total_s,
            }
        )
        file_mb = copy.stat().st_size / 2**20
        copy.unlink()
    result = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
    return {
        **result,
        "stored": stored,
        "seed_s": seed_s,
        "ratio_min": min(r["ratio"] for r in runs),
        "ratio_max": max(r["ratio"] for r in runs),
        "new_conflicts": counts.new_conflicts,
        "file_mb": file_mb,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=1, help="batches per size, each into a fresh copy")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        results = [measure(size, Path(tmp), args.repeat) for size in args.sizes]
    print(
        f"Conflict detection, {NEW_FIGURES:,} new figures per batch, medians of {args.repeat} "
        f"({machine()}, load average {' '.join(f'{x:.1f}' for x in os.getloadavg())})\n"
    )
    print(
        "| stored figures | detection (pairwise + clusters) | pairwise (read+close+open) | of which read "
        "| clusters "
        "| ratio to pairwise (range) | fingerprints (100 articles) | whole load_batch | new conflicts "
        "| seed (Arrow) | file |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(
            f"| {r['stored']:,} | {r['detect_s'] * 1000:.0f} ms | {r['pairwise_s'] * 1000:.0f} ms | "
            f"{r['shared_s'] * 1000:.0f} ms | "
            f"{r['cluster_s'] * 1000:.0f} ms | "
            f"{r['ratio']:.2f}× ({r['ratio_min']:.2f}–{r['ratio_max']:.2f}) | "
            f"{r['fingerprint_s'] * 1000:.0f} ms | "
            f"{r['batch_s'] * 1000:.0f} ms | "
            f"{r['new_conflicts']:,} | {r['seed_s']:.1f} s | {r['file_mb']:.0f} MiB |"
        )


if __name__ == "__main__":
    main()
