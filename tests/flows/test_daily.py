"""The daily flow end to end: real Prefect flow runs, a real HTTP server on 127.0.0.1, real DuckDB files."""

from __future__ import annotations

import threading
from pathlib import Path

import httpx
import pytest

from gdwatch.flows.daily import daily_run
from gdwatch.flows.launch import run_flow
from gdwatch.warehouse import published_path, query
from tests.conftest import WriteConfig
from tests.support.httpserver import LocalSite, Response
from tests.support.pages import Item, html, page, rss, serve_articles

pytestmark = pytest.mark.usefixtures("prefect_api")


def latest_artifact(api: str, key: str) -> str:
    found = httpx.post(
        f"{api}/artifacts/filter",
        json={"artifacts": {"key": {"any_": [key]}}, "sort": "CREATED_DESC"},
        timeout=10,
    ).json()
    return found[0]["data"]


TRADE = page(
    "/news/trade.html",
    "Guangdong's foreign trade hits record",
    "Guangdong's foreign trade reached RMB9.1 trillion in 2025, up 4.4 percent year-on-year.",
    "Exports rose 6.1 percent to 5.9 trillion yuan.",
)
ROBOTS = page(
    "/news/robots.html",
    "Guangdong robot output climbs",
    "Industrial robot output in Guangdong rose 31.2 percent in the first three quarters of 2025.",
    "Shenzhen is home to about 1,200 robotics firms.",
    published="2026-02-03T08:00:00",
)


def rows(db: Path, sql: str) -> list[tuple]:
    return query(published_path(db), sql)[1]


def run(config: Path, db: Path, **kwargs):
    return run_flow(daily_run, config_dir=str(config), db_path=str(db), **kwargs)


def test_new_items_become_articles_and_a_second_run_adds_nothing(
    http_server: LocalSite, write_config: WriteConfig, tmp_path: Path, prefect_api: str
) -> None:
    feed = serve_articles(http_server, [TRADE, ROBOTS], etag='"v1"')
    config = write_config([{"name": "local", "kind": "rss", "url": feed}])
    db = tmp_path / "wh.duckdb"

    first = run(config, db)
    assert first.status == "completed"
    (report,) = first.reports
    assert (report.status, report.listed, report.new_entries) == ("fetched", 2, 2)
    assert (report.counts.new_articles, report.counts.new_versions) == (2, 0)
    assert report.counts.observations >= 4
    assert rows(db, "SELECT url FROM articles ORDER BY url") == [
        (http_server.url("/news/robots.html"),),
        (http_server.url("/news/trade.html"),),
    ]
    figures = rows(db, "SELECT value, unit FROM observations WHERE metric = 'foreign_trade_total'")
    assert figures == [(9.1e12, "CNY")]
    artifact = latest_artifact(prefect_api, "run-summary")
    assert f"run {first.run_id}: completed" in artifact
    assert "| local | fetched | 2 | 0 | 2 | 2 |" in artifact

    second = run(config, db)
    (again,) = second.reports
    assert again.status == "not_modified"  # the server answered 304 to If-None-Match
    feed_requests = [headers for _, path, headers in http_server.requests if path.startswith("/feed.xml")]
    assert feed_requests[-1].get("If-None-Match") == '"v1"'
    assert (again.revisited, again.changed) == (2, 0)  # both recent pages re-checked, unchanged
    assert rows(db, "SELECT count(*) FROM article_versions") == [(2,)]
    assert rows(db, "SELECT count(*) FROM runs") == [(2,)]


def test_unchanged_body_without_etag_is_recognised_by_its_hash(
    http_server: LocalSite, write_config: WriteConfig, tmp_path: Path
) -> None:
    feed = serve_articles(http_server, [TRADE])
    config = write_config([{"name": "local", "kind": "rss", "url": feed}])
    db = tmp_path / "wh.duckdb"
    run(config, db)
    pages_before = http_server.hits(TRADE.path)
    (report,) = run(config, db).reports
    assert report.status == "not_modified"
    # the feed is not read again; the page is only re-checked for a silent correction (revisits)
    assert http_server.hits(TRADE.path) == pages_before + 1
    assert (report.revisited, report.changed, report.new_entries) == (1, 0, 0)


def test_a_corrected_page_becomes_a_second_version(
    http_server: LocalSite, write_config: WriteConfig, tmp_path: Path
) -> None:
    feed = serve_articles(http_server, [ROBOTS])
    config = write_config([{"name": "local", "kind": "rss", "url": feed}])
    db = tmp_path / "wh.duckdb"
    run(config, db)

    corrected = page(
        ROBOTS.path,
        ROBOTS.title,
        "Industrial robot output in Guangdong rose 33.5 percent in the first three quarters of 2025.",
        "Shenzhen is home to about 1,200 robotics firms.",
        published="2026-02-04T10:00:00",  # publishers re-date corrected items
    )
    serve_articles(http_server, [corrected])
    (report,) = run(config, db).reports
    assert (report.counts.new_articles, report.counts.new_versions) == (0, 1)
    assert rows(db, "SELECT version FROM article_versions ORDER BY version") == [(1,), (2,)]
    assert rows(db, "SELECT count(*) FROM conflicts") == [(0,)]


def test_tracking_parameter_duplicates_are_one_article(
    http_server: LocalSite, write_config: WriteConfig, tmp_path: Path
) -> None:
    http_server.add(TRADE.path, html(TRADE, http_server.base_url))
    link = http_server.url(TRADE.path)
    items = [
        Item(link=link + "?utm_source=rss&utm_medium=feed", guid="a"),
        Item(link=link + "?utm_campaign=x&fbclid=abc", guid="b"),
    ]
    http_server.add("/feed.xml", rss(items), content_type="application/rss+xml")
    config = write_config([{"name": "local", "kind": "rss", "url": http_server.url("/feed.xml")}])
    db = tmp_path / "wh.duckdb"
    (report,) = run(config, db).reports
    assert report.counts.new_articles == 1
    assert report.counts.duplicates + report.counts.unchanged == 1
    assert rows(db, "SELECT url FROM articles") == [(link,)]


def test_malformed_feed_yields_what_parses_and_reports_the_error(
    http_server: LocalSite, write_config: WriteConfig, tmp_path: Path
) -> None:
    http_server.add(TRADE.path, html(TRADE, http_server.base_url))
    broken = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        f"<item><title>ok</title><link>{http_server.url(TRADE.path)}</link><guid>g1</guid></item>"
        "<item><title>broken & unescaped <b></item></channel>"
    )
    http_server.add("/feed.xml", broken, content_type="application/rss+xml")
    config = write_config([{"name": "local", "kind": "rss", "url": http_server.url("/feed.xml")}])
    db = tmp_path / "wh.duckdb"
    summary = run(config, db)
    (report,) = summary.reports
    assert report.status == "fetched"
    assert report.parse_error
    assert report.counts.new_articles == 1
    assert summary.failed_sources == []


def test_page_errors_are_reported_and_retried_while_other_pages_load(
    http_server: LocalSite, write_config: WriteConfig, tmp_path: Path
) -> None:
    ok = page("/ok.html", "Guangdong exports", "Guangdong's exports rose 6.1 percent in 2025.")
    flaky = page("/flaky.html", "Guangdong imports", "Guangdong's imports rose 1.2 percent in 2025.")
    slow = page("/slow.html", "Guangdong trade", "Guangdong's foreign trade grew 4.4 percent in 2025.")
    big = page("/big.html", "Guangdong big", "Guangdong's exports rose 6.1 percent in 2025.")
    pdf = page("/report.pdf", "Guangdong report", "x")
    gbk = page(
        "/gbk.html",
        "广东外贸",
        "2025年广东外贸进出口总值9.1万亿元，同比增长4.4%。",
        lang="zh",
        encoding="gbk",
    )
    offtopic = page(
        "/paris.html", "Paris fashion week", "More than 5,000 buyers attended the shows in Paris."
    )
    hidden = page("/private/secret.html", "Guangdong secret", "Guangdong's exports rose 6.1 percent in 2025.")
    feed = serve_articles(http_server, [ok, flaky, slow, big, pdf, gbk, offtopic, hidden])
    http_server.add_sequence(
        flaky.path, [Response(status=500), Response(body=html(flaky, http_server.base_url))]
    )
    never = threading.Event()  # the slow page answers only after the test: a timeout on any machine
    http_server.add(slow.path, html(slow, http_server.base_url), hold=never)
    http_server.add(big.path, b"<html><body>" + b"<p>Guangdong exports</p>" * 60_000 + b"</body></html>")
    http_server.add(pdf.path, b"%PDF-1.7 ...", content_type="application/pdf")
    http_server.add(
        gbk.path, html(gbk, http_server.base_url), content_type="text/html"
    )  # charset only in <meta>
    http_server.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    config = write_config([{"name": "local", "kind": "rss", "url": feed}], read_timeout_s=1.0, retries=1)
    db = tmp_path / "wh.duckdb"

    (report,) = run(config, db).reports
    assert report.status == "fetched"
    assert report.counts.new_articles == 3  # ok, flaky (500 then 200 on retry), gbk
    assert report.counts.off_topic == 1
    assert report.counts.failed == 1  # slow: timed out twice, retried next run
    assert report.counts.no_article == 3  # too large, not HTML, disallowed by robots.txt
    assert http_server.hits(hidden.path) == 0
    errors = " ".join(report.page_errors)
    for fragment in ("slow.html", "big.html", "report.pdf", "secret.html"):
        assert fragment in errors
    (text,) = rows(db, f"SELECT text FROM articles WHERE url = '{http_server.url(gbk.path)}'")[0]
    assert "广东外贸进出口总值9.1万亿元" in text
    assert rows(db, "SELECT count(*) FROM articles WHERE title LIKE 'Paris%'") == [(0,)]

    # the feed's state was not advanced (a page failed), so the next run retries the slow page only
    never.set()
    http_server.add(slow.path, html(slow, http_server.base_url))
    (retry,) = run(config, db).reports
    assert (retry.new_entries, retry.counts.new_articles) == (1, 1)
    assert rows(db, "SELECT count(*) FROM articles") == [(4,)]


def test_a_failing_source_does_not_stop_the_others(
    http_server: LocalSite, write_config: WriteConfig, tmp_path: Path
) -> None:
    feed = serve_articles(http_server, [TRADE])
    http_server.add("/down.xml", "oops", status=503, content_type="text/plain")
    config = write_config(
        [
            {"name": "down", "kind": "rss", "url": http_server.url("/down.xml")},
            {"name": "up", "kind": "rss", "url": feed},
        ]
    )
    db = tmp_path / "wh.duckdb"
    summary = run(config, db)
    assert summary.status == "partial"
    down, up = summary.reports
    assert down.status == "failed" and "503" in (down.error or "")
    assert up.counts.new_articles == 1
    assert rows(db, "SELECT status FROM runs") == [("partial",)]


def test_any_topic_keeps_off_topic_articles(
    http_server: LocalSite, write_config: WriteConfig, tmp_path: Path
) -> None:
    paris = page("/paris.html", "Paris fashion week", "More than 5,000 buyers attended the shows in Paris.")
    feed = serve_articles(http_server, [paris])
    config = write_config([])
    db = tmp_path / "wh.duckdb"
    (report,) = run(config, db, feeds=[feed], any_topic=True).reports
    assert report.counts.new_articles == 1
    assert report.source.startswith("adhoc-")
