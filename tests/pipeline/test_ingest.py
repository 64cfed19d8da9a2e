"""The pipeline without Prefect: a run of plain functions against a real local site and a real DuckDB file."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from gdwatch.config.loader import load_config
from gdwatch.extractors.figures import FigureExtractor
from gdwatch.pipeline.backfill import ReprocessWindow, reprocess_batch, reprocess_batches
from gdwatch.pipeline.context import RunSpec, context_for
from gdwatch.pipeline.ingest import SourceReport, read_source
from gdwatch.pipeline.pages import Job, PageJob, ProcessedPage, process_job
from gdwatch.pipeline.runner import execute_run
from gdwatch.pipeline.summaries import RunSummary
from gdwatch.pipeline.workers import Handler
from gdwatch.warehouse import published_path, query
from tests.conftest import WriteConfig
from tests.support.httpserver import LocalSite
from tests.support.pages import Item, html, page, rss, serve_articles

TRADE = page(
    "/news/trade.html",
    "Guangdong's foreign trade hits record",
    "Guangdong's foreign trade reached RMB9.1 trillion in 2025, up 4.4 percent year-on-year.",
    "Exports rose 6.1 percent to 5.9 trillion yuan.",
)
OFF_TOPIC = page(
    "/news/weather.html",
    "Snow closes mountain passes",
    "Heavy snow closed three mountain passes in the Alps on Monday, and skiers were told to stay indoors.",
)

# A page that states no date of its own: relative periods resolve against the day it was read.
UNDATED = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Guangdong trade this year</title></head><body><main><article>
<h1>Guangdong trade this year</h1>
<p>Guangdong's foreign trade reached 4.6 trillion yuan in the first half of this year, officials said.</p>
<p>The figures were released at a press conference held by the provincial government, where officials
also outlined measures to help manufacturers find new buyers overseas.</p>
</article></main></body></html>"""


def run_sources(
    config_dir: Path,
    db: Path,
    *,
    now: datetime | None = None,
    any_topic: bool = False,
    page_handler: Handler = process_job,
):
    config = load_config(config_dir)

    def work(run: RunSpec) -> list[SourceReport]:
        ctx = context_for(run)
        return [read_source(ctx, source) for source in config.sources.enabled()]

    return execute_run("test", {}, config, db, work, now=now, any_topic=any_topic, page_handler=page_handler)


def rows(db: Path, sql: str) -> list[tuple]:
    return query(published_path(db), sql)[1]


def test_a_run_of_plain_functions_loads_articles_and_skips_off_topic(
    http_server: LocalSite, write_config: WriteConfig, tmp_path: Path
) -> None:
    feed = serve_articles(http_server, [TRADE, OFF_TOPIC])
    config = write_config([{"name": "local", "kind": "rss", "url": feed}])
    db = tmp_path / "wh.duckdb"

    summary = run_sources(config, db)

    assert isinstance(summary, RunSummary) and summary.status == "completed"
    (report,) = summary.reports
    assert (report.counts.new_articles, report.counts.off_topic) == (1, 1)
    assert rows(db, "SELECT count(*) FROM articles") == [(1,)]
    assert rows(db, "SELECT value FROM observations WHERE metric = 'foreign_trade_total'") == [(9.1e12,)]
    again = run_sources(config, db)
    assert again.reports[0].status == "not_modified" or again.reports[0].new_entries == 0


def test_any_topic_keeps_the_off_topic_page(
    http_server: LocalSite, write_config: WriteConfig, tmp_path: Path
) -> None:
    feed = serve_articles(http_server, [OFF_TOPIC])
    config = write_config([{"name": "local", "kind": "rss", "url": feed}])
    db = tmp_path / "wh.duckdb"

    summary = run_sources(config, db, any_topic=True)

    assert summary.reports[0].counts.new_articles == 1


def test_a_task_outside_its_run_gets_a_clear_error(tmp_path: Path) -> None:
    spec = RunSpec(run_id=424242, flow="daily-run", started_at=datetime.now(UTC))
    try:
        context_for(spec)
    except Exception as exc:
        assert "run 424242 (daily-run) is not open in this process" in str(exc)
    else:
        raise AssertionError("context_for found a run that was never opened")


def test_reprocess_reads_relative_periods_as_of_the_fetch_not_of_the_reprocess(
    http_server: LocalSite, write_config: WriteConfig, tmp_path: Path
) -> None:
    http_server.add("/undated.html", UNDATED)
    undated_feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>http://127.0.0.1/</link>'
        f"<description>d</description><item><title>undated</title><link>{http_server.url('/undated.html')}"
        "</link><guid>u1</guid></item></channel></rss>"
    )
    http_server.add("/feed.xml", undated_feed, content_type="application/rss+xml")
    config_dir = write_config([{"name": "local", "kind": "rss", "url": http_server.url("/feed.xml")}])
    db = tmp_path / "wh.duckdb"
    run_sources(config_dir, db, now=datetime(2025, 7, 21, tzinfo=UTC))
    assert rows(db, "SELECT period FROM observations") == [("2025-H1",)]

    config = load_config(config_dir)

    def work(run: RunSpec) -> list[SourceReport]:
        ctx = context_for(run)
        window = ReprocessWindow(since=datetime(2025, 7, 1).date(), until=datetime(2025, 7, 31).date())
        (batch,) = reprocess_batches(ctx, window)
        return [reprocess_batch(ctx, window, batch)]

    execute_run("backfill", {}, config, db, work, now=datetime(2027, 3, 1, tzinfo=UTC))
    assert rows(db, "SELECT period FROM observations") == [("2025-H1",)]


def breaks_on_trade(job: Job, extractor: FigureExtractor) -> ProcessedPage:
    """A worker's work with a bug met on the trade page only (runs in a worker process)."""
    if isinstance(job, PageJob) and job.url.endswith("/news/trade.html"):
        raise KeyError("a bug met on this page only")
    return process_job(job, extractor)


def test_a_page_that_breaks_processing_fails_alone_and_is_retried(
    http_server: LocalSite, write_config: WriteConfig, tmp_path: Path
) -> None:
    other = page("/news/other.html", "Guangdong exports", "Guangdong's exports rose 6.1 percent in 2025.")
    feed = serve_articles(http_server, [TRADE, other])
    config = write_config([{"name": "local", "kind": "rss", "url": feed}])
    db = tmp_path / "wh.duckdb"

    (report,) = run_sources(config, db, page_handler=breaks_on_trade).reports
    assert (report.counts.new_articles, report.counts.failed) == (1, 1)
    assert "processing the page failed (PageWorkerError: KeyError" in report.page_errors[0]

    (retry,) = run_sources(config, db).reports
    assert retry.counts.new_articles == 1  # the feed state was not advanced: the page is read again


def test_an_off_topic_entry_is_read_again_when_the_topic_settings_change(
    http_server: LocalSite, write_config: WriteConfig, tmp_path: Path
) -> None:
    feed = serve_articles(http_server, [OFF_TOPIC])  # snow in the Alps
    config = write_config([{"name": "local", "kind": "rss", "url": feed}])
    db = tmp_path / "wh.duckdb"
    assert run_sources(config, db).reports[0].counts.off_topic == 1
    assert run_sources(config, db).reports[0].counts.off_topic == 0  # same settings: not judged again

    settings = config / "gdwatch.toml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace("terms_en = [", 'terms_en = ["Alps", '), encoding="utf-8"
    )
    again = run_sources(config, db).reports[0]  # new terms: the feed is read whole, the entry judged again
    assert (again.new_entries, again.counts.new_articles) == (1, 1)


def test_any_topic_reads_again_what_an_earlier_run_judged_off_topic(
    http_server: LocalSite, write_config: WriteConfig, tmp_path: Path
) -> None:
    feed = serve_articles(http_server, [OFF_TOPIC])
    config = write_config([{"name": "local", "kind": "rss", "url": feed}])
    db = tmp_path / "wh.duckdb"
    assert run_sources(config, db).reports[0].counts.off_topic == 1
    kept = run_sources(config, db, any_topic=True).reports[0]
    assert (kept.new_entries, kept.counts.new_articles) == (1, 1)


def test_a_page_corrected_without_a_new_feed_date_is_caught_by_the_next_run(
    http_server: LocalSite, write_config: WriteConfig, tmp_path: Path
) -> None:
    feed = serve_articles(http_server, [TRADE])
    config = write_config([{"name": "local", "kind": "rss", "url": feed}])
    db = tmp_path / "wh.duckdb"
    first = run_sources(config, db).reports[0]
    assert first.counts.new_articles == 1 and first.revisited == 0  # fetched this run: not re-checked

    unchanged = run_sources(config, db).reports[0]  # the feed is the same; the page is re-checked
    assert (unchanged.revisited, unchanged.changed, unchanged.counts.new_versions) == (1, 0, 0)

    corrected = page(
        TRADE.path,
        TRADE.title,
        "Guangdong's foreign trade reached RMB9.2 trillion in 2025, up 4.4 percent year-on-year.",
        "Exports rose 6.1 percent to 5.9 trillion yuan.",
    )
    http_server.add(TRADE.path, html(corrected, http_server.base_url))  # same feed, same date
    caught = run_sources(config, db).reports[0]
    assert (caught.revisited, caught.changed, caught.counts.new_versions) == (1, 1, 1)
    assert rows(db, "SELECT value FROM observations WHERE metric = 'foreign_trade_total'") == [(9.2e12,)]
    assert rows(db, "SELECT old_value, new_value FROM revisions WHERE metric = 'foreign_trade_total'") == [
        (9.1e12, 9.2e12)
    ]


def test_revisits_are_bounded_and_can_be_turned_off(
    http_server: LocalSite, write_config: WriteConfig, tmp_path: Path
) -> None:
    stories = [
        page(f"/n/{i}.html", f"Guangdong {i}", f"Guangdong's exports rose {i}.5 percent in 2025.")
        for i in range(4)
    ]
    feed = serve_articles(http_server, stories)
    config = write_config([{"name": "local", "kind": "rss", "url": feed}])
    settings = config / "gdwatch.toml"
    settings.write_text(
        settings.read_text(encoding="utf-8") + "\n[revisit]\nmax_pages = 2\n", encoding="utf-8"
    )
    db = tmp_path / "wh.duckdb"
    run_sources(config, db)
    assert run_sources(config, db).reports[0].revisited == 2
    settings.write_text(
        settings.read_text(encoding="utf-8").replace("max_pages = 2", "days = 0"), encoding="utf-8"
    )
    assert run_sources(config, db).reports[0].revisited == 0


def test_briefs_are_stored_and_a_list_page_is_not_through_a_real_run(
    http_server: LocalSite, write_config: WriteConfig, tmp_path: Path
) -> None:
    flash = page("/flash.html", "Customs flash", "Guangdong exports rose 3.2% in October. Imports fell 1.1%.")
    kuaixun = page(
        "/kuaixun.html",
        "广东外贸快讯",
        "据海关统计，前10个月广东进出口7.6万亿元，增长3.7%。",
        lang="zh",
        encoding="gbk",
    )
    headlines = "".join(
        f'<p><span class="t">Guangdong story number {i} of the week</span></p>' for i in range(20)
    )
    channel = (
        "<!DOCTYPE html><html><head><title>Business</title></head><body><main><h1>Business</h1>"
        f"{headlines}<p>Guangdong's exports rose 6.1 percent in 2025, customs said.</p></main></body></html>"
    )
    feed = serve_articles(http_server, [flash, kuaixun])
    http_server.add("/business.html", channel)
    items = rss([
        Item(link=http_server.url(p.path), guid=p.path) for p in (flash, kuaixun)
    ] + [Item(link=http_server.url("/business.html"), guid="/business.html")])  # fmt: skip
    http_server.add("/feed.xml", items, content_type="application/rss+xml")
    config = write_config([{"name": "local", "kind": "rss", "url": feed}])
    db = tmp_path / "wh.duckdb"

    (report,) = run_sources(config, db).reports
    assert (report.counts.new_articles, report.counts.no_article) == (2, 1)
    assert any("business.html" in e and "list page" in e for e in report.page_errors)
    assert rows(db, "SELECT count(*) FROM observations WHERE unit = 'CNY'") == [(1,)]  # 7.6万亿元
