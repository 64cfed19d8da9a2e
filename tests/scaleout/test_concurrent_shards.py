"""Two worker processes load different shards into one DuckLake warehouse on PostgreSQL at once: every
article once, distinct run ids, and the conflict between the shards is found."""

from __future__ import annotations

import json
import subprocess
import sys

from gdwatch.flows.sharded import shard_of
from gdwatch.warehouse import query
from gdwatch.warehouse.shards import cross_shard_conflicts, shard_runs
from tests.conftest import REPO_ROOT, WriteConfig
from tests.scaleout.fixtures import LakeFactory
from tests.support.httpserver import LocalSite
from tests.support.pages import page, serve_articles


def doc(slug: str, sentence: str):
    return page(f"/{slug}.html", f"Report {slug}", sentence)


ALPHA = [
    doc("a1", "Guangdong's foreign trade reached 9.1 trillion yuan in 2025, up 4.4 percent year-on-year."),
    doc("a2", "Guangdong's exports reached 5.9 trillion yuan in 2025."),
    doc("a3", "Guangdong's GDP reached 14.2 trillion yuan in 2024."),
]
BETA = [
    doc("b1", "Guangdong's foreign trade reached 9.4 trillion yuan in 2025, a wire report said on Thursday."),
    doc("b2", "Guangdong's imports stood at 3,200 billion yuan in 2025."),
    doc("b3", "Guangdong had 1,200 specialised little giant firms in 2025."),
]


def test_two_processes_write_two_shards_at_once(
    http_server: LocalSite, write_config: WriteConfig, new_lake: LakeFactory
) -> None:
    assert shard_of("alpha", ["alpha", "beta"], 2) != shard_of("beta", ["alpha", "beta"], 2)
    alpha = serve_articles(http_server, ALPHA, feed_path="/alpha.xml")
    beta = serve_articles(http_server, BETA, feed_path="/beta.xml")
    config = write_config(
        [
            {"name": "alpha", "kind": "rss", "url": alpha, "language": "en", "enabled": True},
            {"name": "beta", "kind": "rss", "url": beta, "language": "en", "enabled": True},
        ]
    )
    lake = new_lake()
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.scaleout.shard_worker", str(config), str(lake), str(shard), "2"],
            cwd=REPO_ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for shard in (0, 1)
    ]
    results = []
    for worker in workers:
        out, err = worker.communicate(timeout=300)
        assert worker.returncode == 0, err[-3000:]
        results.append(json.loads(out.strip().splitlines()[-1]))
    assert [r["status"] for r in results] == ["completed", "completed"]
    run_ids = sorted(r["run_id"] for r in results)
    assert len(set(run_ids)) == 2

    _, counts = query(
        lake,
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM article_versions), "
        "(SELECT count(DISTINCT (article_id, version)) FROM article_versions), "
        "(SELECT count(*) FROM observations), "
        "(SELECT count(DISTINCT (article_id, article_version, extractor_version, ordinal))"
        " FROM observations)",
    )
    articles, versions, distinct_versions, observations, distinct_observations = counts[0]
    assert (articles, versions, distinct_versions) == (6, 6, 6)
    assert observations == distinct_observations > 0
    _, by_run = query(lake, "SELECT run_id, count(*) FROM articles GROUP BY run_id ORDER BY run_id")
    assert by_run == [(run_ids[0], 3), (run_ids[1], 3)]

    assert sorted(r["run_id"] for r in shard_runs(lake, "two-processes")) == run_ids
    across = cross_shard_conflicts(lake, run_ids)
    assert [(c["metric"], c["period"]) for c in across] == [("foreign_trade_total", "2025")]
    assert {c["value"] for c in across} | {c["conflicting_value"] for c in across} == {9.1e12, 9.4e12}
    _, conflicts = query(lake, "SELECT count(*) FROM conflicts")
    assert conflicts == [(1,)]
