"""process_page: the one path from page bytes to figures shared by runs, reprocess and `gdwatch extract`."""

from __future__ import annotations

from datetime import UTC, datetime

from gdwatch.config.loader import PACKAGED_CONFIG_DIR, load_config
from gdwatch.pipeline.fetching import FetchError
from gdwatch.pipeline.pages import failed_fetch, is_transient, page_skeleton, process_page
from tests.support.pages import html, page

CONFIG = load_config(PACKAGED_CONFIG_DIR)
NOW = datetime(2026, 1, 21, tzinfo=UTC)
TRADE = page(
    "/news/trade.html",
    "Guangdong's foreign trade hits record",
    "Guangdong's foreign trade reached RMB9.1 trillion in 2025, up 4.4 percent year-on-year.",
)
WEATHER = page(
    "/news/weather.html",
    "Snow closes mountain passes",
    "Heavy snow closed three mountain passes in the Alps on Monday, and skiers were told to stay indoors.",
)


def process(raw: bytes, *, relevance: bool = True):
    return process_page(
        raw,
        content_type="text/html; charset=utf-8",
        url="http://127.0.0.1/news/x.html",
        listed_published_at=None,
        read_at=NOW,
        catalogue=CONFIG.metrics,
        relevance=CONFIG.settings.relevance if relevance else None,
    )


def test_an_article_yields_its_figures() -> None:
    processed = process(html(TRADE, "http://127.0.0.1"))
    assert processed.outcome == "article" and processed.encoding == "utf-8"
    assert processed.article is not None and processed.article.title.startswith("Guangdong")
    assert {(o.metric, o.value) for o in processed.observations} >= {("foreign_trade_total", 9.1e12)}


def test_off_topic_unless_relevance_is_off() -> None:
    raw = html(WEATHER, "http://127.0.0.1")
    assert process(raw).outcome == "off_topic"
    assert process(raw, relevance=False).outcome == "article"


def test_a_page_without_text_says_why() -> None:
    processed = process(b"<html><body><nav>Home | World</nav></body></html>")
    assert processed.outcome == "no_article" and processed.reason


def test_transient_fetch_failures_are_retried_and_permanent_ones_recorded_once() -> None:
    skeleton = page_skeleton("s", "e|", "http://127.0.0.1/x", None, NOW)
    timeout = FetchError("http://127.0.0.1/x", "timeout", "timed out", "retry later")
    gone = FetchError("http://127.0.0.1/x", "http_status", "404", "check the link", status=404)
    busy = FetchError("http://127.0.0.1/x", "http_status", "503", "retry later", status=503)
    assert [is_transient(e) for e in (timeout, gone, busy)] == [True, False, True]
    assert failed_fetch(skeleton, timeout).outcome == "failed"
    assert failed_fetch(skeleton, gone).outcome == "no_article"
