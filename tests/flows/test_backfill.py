"""Backfills: a sitemap window with per-day coverage, GDELT slices, and an offline reprocess."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from gdwatch.flows.backfill import backfill
from gdwatch.flows.daily import daily_run
from gdwatch.flows.demo.site import render_sitemap
from gdwatch.flows.launch import run_flow
from gdwatch.warehouse import published_path, query
from tests.conftest import WriteConfig
from tests.support.httpserver import LocalSite
from tests.support.pages import html, page, serve_articles

pytestmark = pytest.mark.usefixtures("prefect_api")

JAN_05 = page(
    "/2026/01/05/a.html",
    "Guangdong exports in 2025",
    "Guangdong's exports rose 6.1 percent in 2025.",
    published="2026-01-05T08:00:00",
)
JAN_07 = page(
    "/2026/01/07/b.html",
    "Guangdong imports in 2025",
    "Guangdong's imports rose 1.2 percent in 2025.",
    published="2026-01-07T08:00:00",
)
JAN_20 = page(
    "/2026/01/20/c.html",
    "Guangdong trade in 2025",
    "Guangdong's foreign trade grew 4.4 percent in 2025.",
    published="2026-01-20T08:00:00",
)


def rows(db: Path, sql: str) -> list[tuple]:
    return query(published_path(db), sql)[1]


def test_sitemap_window_loads_only_that_window_and_records_coverage(
    http_server: LocalSite, write_config: WriteConfig, tmp_path: Path
) -> None:
    for article in (JAN_05, JAN_07, JAN_20):
        http_server.add(article.path, html(article, http_server.base_url))
    http_server.add(JAN_07.path, "oops", status=500, content_type="text/plain")  # a gap on Jan 7
    http_server.add(
        "/sitemap.xml",
        render_sitemap((JAN_05, JAN_07, JAN_20), http_server.base_url),
        content_type="application/xml",
    )
    config = write_config(
        [{"name": "archive", "kind": "sitemap", "url": http_server.url("/sitemap.xml"), "archive": True}]
    )
    db = tmp_path / "wh.duckdb"

    summary = run_flow(
        backfill, since=date(2026, 1, 4), until=date(2026, 1, 8), config_dir=str(config), db_path=str(db)
    )
    (report,) = summary.reports
    assert (report.listed, report.counts.new_articles, report.counts.failed) == (2, 1, 1)
    assert http_server.hits(JAN_20.path) == 0
    assert rows(db, "SELECT day, listed, fetched, stored FROM coverage ORDER BY day") == [
        (date(2026, 1, 4), 0, 0, 0),  # a quiet day
        (date(2026, 1, 5), 1, 1, 1),
        (date(2026, 1, 6), 0, 0, 0),
        (date(2026, 1, 7), 1, 0, 0),  # a gap: listed but not stored
        (date(2026, 1, 8), 0, 0, 0),
    ]

    # the same window again: the gap is filled, nothing is stored twice
    http_server.add(JAN_07.path, html(JAN_07, http_server.base_url))
    again = run_flow(
        backfill, since=date(2026, 1, 4), until=date(2026, 1, 8), config_dir=str(config), db_path=str(db)
    )
    assert again.reports[0].counts.new_articles == 1
    assert rows(db, "SELECT count(*), count(DISTINCT url) FROM articles") == [(2, 2)]


def test_gdelt_window_is_read_in_slices(
    http_server: LocalSite, write_config: WriteConfig, tmp_path: Path
) -> None:
    http_server.add(JAN_05.path, html(JAN_05, http_server.base_url))
    artlist = {
        "articles": [
            {
                "url": http_server.url(JAN_05.path),
                "title": JAN_05.title,
                "seendate": "20260105T081500Z",
                "language": "English",
                "domain": "127.0.0.1",
            }
        ]
    }
    http_server.add("/api/v2/doc/doc", json.dumps(artlist), content_type="application/json")
    config = write_config(
        [
            {
                "name": "gdelt",
                "kind": "gdelt",
                "url": http_server.url("/api/v2/doc/doc"),
                "query": "Guangdong",
                "archive": True,
                "min_interval_s": 0.0,
            }
        ]
    )
    db = tmp_path / "wh.duckdb"
    summary = run_flow(
        backfill, since=date(2026, 1, 5), until=date(2026, 1, 5), config_dir=str(config), db_path=str(db)
    )
    (report,) = summary.reports
    assert report.counts.new_articles == 1
    assert http_server.hits("/api/v2/doc/doc") >= 4  # one day in aligned slices
    assert report.listed == http_server.hits("/api/v2/doc/doc")  # each slice lists the same entry...
    assert rows(db, "SELECT count(*) FROM articles") == [(1,)]  # ...stored once


def test_reprocess_needs_no_network(write_config: WriteConfig, tmp_path: Path) -> None:
    db = tmp_path / "wh.duckdb"
    with LocalSite() as site:
        feed = serve_articles(site, [JAN_05, JAN_07])
        config = write_config([{"name": "local", "kind": "rss", "url": feed}])
        run_flow(daily_run, config_dir=str(config), db_path=str(db))
    before = rows(db, "SELECT count(*) FROM observation_history")
    # the site is gone: a reprocess reads only the stored raw pages
    summary = run_flow(
        backfill,
        since=date(2026, 1, 1),
        until=date(2026, 1, 31),
        reprocess=True,
        config_dir=str(config),
        db_path=str(db),
    )
    (report,) = summary.reports
    assert report.listed == 2
    assert (report.counts.new_articles, report.counts.new_versions, report.counts.unchanged) == (0, 0, 2)
    assert (
        rows(db, "SELECT count(*) FROM observation_history") == before
    )  # same extractor version: no new rows
    assert summary.status == "completed"


def test_a_listing_that_fails_is_recorded_as_failed_days_not_quiet_ones(
    write_config: WriteConfig, tmp_path: Path
) -> None:
    gone = LocalSite()
    with gone:
        url = gone.url("/sitemap.xml")
    # the site is gone: every request to it is refused
    config = write_config([{"name": "sm", "kind": "sitemap", "url": url, "archive": True}])
    db = tmp_path / "wh.duckdb"
    summary = run_flow(
        backfill, since=date(2026, 1, 4), until=date(2026, 1, 5), config_dir=str(config), db_path=str(db)
    )
    (report,) = summary.reports
    assert report.status == "failed" and "Connection refused" in (report.error or "")
    days = rows(db, "SELECT day::VARCHAR, status, error IS NOT NULL FROM coverage ORDER BY day")
    assert days == [("2026-01-04", "failed", True), ("2026-01-05", "failed", True)]
