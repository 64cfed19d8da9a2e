"""`backfill --reprocess` keeps the topic mode each page was stored under: a page kept under --any-topic
stays an article; a page judged under the topic terms is judged under them again."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from gdwatch.config.loader import load_config
from gdwatch.pipeline.backfill import ReprocessWindow, merge_reprocess, reprocess_batch, reprocess_batches
from gdwatch.pipeline.context import RunSpec, context_for
from gdwatch.pipeline.ingest import SourceReport, read_source
from gdwatch.pipeline.runner import execute_run
from gdwatch.warehouse import published_path, query
from tests.conftest import WriteConfig
from tests.support.httpserver import LocalSite
from tests.support.pages import page, serve_articles

TRADE = page(
    "/news/trade.html",
    "Guangdong's foreign trade hits record",
    "Guangdong's foreign trade reached RMB9.1 trillion in 2025, up 4.4 percent year-on-year.",
)
OFF_TOPIC = page(
    "/news/weather.html",
    "Snow closes mountain passes",
    "Heavy snow closed three mountain passes in the Alps on Monday, and skiers were told to stay indoors.",
)
WINDOW = ReprocessWindow(since=date(2000, 1, 1), until=date(2100, 1, 1))


def run(config_dir: Path, db: Path, *, any_topic: bool) -> None:
    config = load_config(config_dir)

    def work(spec: RunSpec) -> list[SourceReport]:
        ctx = context_for(spec)
        return [read_source(ctx, source) for source in config.sources.enabled()]

    execute_run("daily-run", {}, config, db, work, any_topic=any_topic)


def reprocess(config_dir: Path, db: Path) -> SourceReport:
    config = load_config(config_dir)

    def work(spec: RunSpec) -> list[SourceReport]:
        ctx = context_for(spec)
        batches = reprocess_batches(ctx, WINDOW)
        total = sum(len(batch) for batch in batches)
        return [merge_reprocess([reprocess_batch(ctx, WINDOW, batch) for batch in batches], total)]

    return execute_run("backfill", {}, config, db, work).reports[0]


def test_reprocess_keeps_the_topic_mode_of_each_stored_page(
    http_server: LocalSite, write_config: WriteConfig, tmp_path: Path
) -> None:
    config_dir = write_config(
        [{"name": "local", "kind": "rss", "url": serve_articles(http_server, [TRADE, OFF_TOPIC])}]
    )
    db = tmp_path / "wh.duckdb"
    run(config_dir, db, any_topic=True)

    report = reprocess(config_dir, db)

    assert (report.listed, report.counts.off_topic, report.counts.failed) == (2, 0, 0)
    _, rows = query(
        published_path(db),
        "SELECT outcome, topic_key, count(*) FROM store.page_fetches WHERE reprocessed GROUP BY ALL",
    )
    assert rows == [("article", "any", 2)]
