"""Disagreements end to end: English and Chinese pages of several outlets served on 127.0.0.1, loaded with
`gdwatch run --feed`, read back with `gdwatch conflicts` and `gdwatch changes`."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

import duckdb
import pytest

from gdwatch.warehouse import published_path
from tests.conftest import WriteConfig
from tests.support.cli import gdwatch
from tests.support.httpserver import LocalSite
from tests.support.pages import FILLER, Item, rss

pytestmark = pytest.mark.usefixtures("prefect_api")

WIRE = [
    "Guangdong's foreign trade reached 9.1 trillion yuan in 2025, the provincial branch of the customs "
    "administration said on Tuesday.",
    "Shipments of electronics, household appliances and new-energy vehicles led the growth, while buyers "
    "in Southeast Asia and the Middle East placed more orders with manufacturers in the Pearl River Delta.",
    "Officials said the province would keep helping exporters find buyers abroad through trade fairs, "
    "overseas warehouses and faster customs clearance for goods sold through cross-border platforms.",
]


@dataclass(frozen=True)
class Page:
    path: str
    site: str
    title: str
    paragraphs: tuple[str, ...]
    published: str
    lang: str = "en"


def html(page: Page, base_url: str) -> bytes:
    body = "\n".join(f"<p>{escape(p)}</p>" for p in (*page.paragraphs, FILLER[page.lang]))
    return f"""<!DOCTYPE html>
<html lang="{page.lang}"><head><meta charset="utf-8">
<title>{escape(page.title)} - {escape(page.site)}</title>
<link rel="canonical" href="{base_url}{page.path}">
<meta property="og:site_name" content="{escape(page.site)}">
<meta property="article:published_time" content="{page.published}+00:00">
</head><body><main><article><h1>{escape(page.title)}</h1>
{body}
</article></main><footer>Copyright 2026. All rights reserved.</footer></body></html>""".encode()


def serve(site: LocalSite, pages: list[Page]) -> str:
    for page in pages:
        site.add(page.path, html(page, site.base_url), content_type="text/html; charset=utf-8")
    items = [Item(link=site.url(p.path), guid=p.path, title=p.title, published=p.published) for p in pages]
    site.add("/feed.xml", rss(items), content_type="application/rss+xml")
    return site.url("/feed.xml")


DAY1 = [
    # one wire story on three outlets (a byline, a photo caption, an editor's line added) ...
    Page("/cd/trade.html", "China Daily", "Guangdong trade hits record", tuple(WIRE), "2026-01-20T02:00:00"),
    Page(
        "/gd/trade.html",
        "GD Today",
        "Guangdong trade hits record",
        ("By Li Wei in Guangzhou", *WIRE, "Photo: containers at the Nansha port in Guangzhou."),
        "2026-01-20T03:00:00",
    ),
    Page(
        "/21/trade.html",
        "21世纪经济报道",
        "Guangdong trade hits record",
        (*WIRE, "Editor: Zhang Min"),
        "2026-01-20T04:00:00",
    ),
    # ... and one independent report that contradicts it
    Page(
        "/yicai/trade.html",
        "Yicai",
        "Our count of Guangdong trade",
        (
            "Guangdong's foreign trade reached 9.4 trillion yuan in 2025, according to figures compiled by "
            "our newsroom from city statistics.",
            "The tally adds the trade of the province's 21 cities reported separately during January.",
        ),
        "2026-01-20T05:00:00",
    ),
    # a preliminary GDP figure (made final on day 2)
    Page(
        "/yicai/gdp.html",
        "Yicai",
        "Guangdong GDP, preliminary",
        ("According to preliminary accounting, Guangdong's GDP reached 14.2 trillion yuan in 2025.",),
        "2026-01-20T06:00:00",
    ),
    # a count of firms "now", reported a week apart in English and Chinese
    Page(
        "/cd/firms.html",
        "China Daily",
        "Trading firms",
        ("Guangdong now has 62,000 firms with import and export records.",),
        "2026-01-13T06:00:00",
    ),
    Page(
        "/nf/firms.html",
        "南方网",
        "外贸企业",
        ("目前，广东有进出口实绩的外贸企业6.5万家。",),
        "2026-01-20T06:00:00",
        lang="zh",
    ),
    # rounding and bounds that agree
    Page(
        "/a/exports.html",
        "Caixin",
        "Exports",
        ("Guangdong's exports reached 5.9 trillion yuan in 2025.",),
        "2026-01-20T07:00:00",
    ),
    Page(
        "/b/exports.html",
        "CGTN",
        "Exports",
        ("Guangdong's exports hit 5.93 trillion yuan in 2025, according to customs data.",),
        "2026-01-20T08:00:00",
    ),
    Page(
        "/c/exports.html",
        "Global Times",
        "Exports",
        ("Guangdong's exports exceeded 5.8 trillion yuan in 2025, traders said.",),
        "2026-01-20T09:00:00",
    ),
]

DAY2 = [
    # the final GDP figure from the statistics bureau, in Chinese: a change, not a disagreement
    Page(
        "/tj/gdp.html",
        "广东省统计局",
        "地区生产总值最终核实",
        ("经最终核实，2025年广东地区生产总值为14.5万亿元。",),
        "2026-01-25T02:00:00",
        lang="zh",
    ),
    # the independent report is corrected: its figure was for 2024
    Page(
        "/yicai/trade.html",
        "Yicai",
        "Our count of Guangdong trade",
        (
            "Guangdong's foreign trade reached 9.4 trillion yuan in 2024, according to figures compiled by "
            "our newsroom from city statistics.",
            "The tally adds the trade of the province's 21 cities reported separately during January.",
        ),
        "2026-01-25T03:00:00",
    ),
]


def run_feed(site: LocalSite, pages: list[Page], config: Path, db: Path, env: dict[str, str]) -> None:
    """Serve the pages and their feed, and load them with `gdwatch run --feed` (a real Prefect flow run)."""
    result = gdwatch("run", "--feed", serve(site, pages), "--config", str(config), "--db", str(db), env=env)
    assert result.returncode == 0, result.stderr


def query(db: Path, sql: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(published_path(db)), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_disagreements_witnesses_supersession_and_stocks_through_real_runs(
    http_server: LocalSite, write_config: WriteConfig, tmp_path: Path, cli_env: dict[str, str]
) -> None:
    config = write_config([])
    db = tmp_path / "wh.duckdb"
    run_feed(http_server, DAY1, config, db, cli_env)

    open_rows = query(
        db,
        "SELECT metric, value, witnesses, articles, outlets, other_value, other_witnesses, other_articles, "
        "other_outlets FROM disagreements ORDER BY metric",
    )
    trade = [r for r in open_rows if r[0] == "foreign_trade_total"]
    assert len(trade) == 1  # one row, not one per article pair
    sides = {trade[0][1]: trade[0][2:5], trade[0][5]: trade[0][6:9]}
    assert sides[9.1e12] == (1, 3, "21st Century Business Herald; China Daily; GD Today (Nanfang Media)")
    assert sides[9.4e12] == (1, 1, "Yicai")
    # the count of firms a week apart is compared; the rounded and bounded exports agree
    firms = [r for r in open_rows if r[0] == "import_export_enterprises"]
    assert len(firms) == 1 and {firms[0][1], firms[0][5]} == {62_000, 65_000}
    assert [r for r in open_rows if r[0] == "exports"] == []
    assert {r[0] for r in open_rows} == {"foreign_trade_total", "import_export_enterprises"}

    people = gdwatch("conflicts", "--config", str(config), "--db", str(db), env=cli_env)
    assert people.returncode == 0, people.stderr
    text = people.stdout
    for needle in (
        "9.1 trillion yuan",
        "9.4 trillion yuan",
        "6.5万家",
        "1 witness (3 articles)",
        "Yicai",
        "CST",
    ):
        assert needle in text, needle
    assert "copies of these: 21st Century Business Herald, GD Today (Nanfang Media)" in text
    assert "2 open disagreement(s)" in text
    # each side's witness line carries counts, never the drill-down rows themselves
    assert "[{" not in text and "{'" not in text
    witness_lines = [line.split(" · ")[0].strip() for line in text.splitlines() if " witness" in line]
    assert len(witness_lines) == 4
    assert all(re.fullmatch(r".+ \d+ witness(es)?( \(\d+ articles\))?", line) for line in witness_lines)
    assert max(len(line.rstrip()) for line in text.splitlines()) <= 100
    as_json = gdwatch("conflicts", "--json", "--config", str(config), "--db", str(db), env=cli_env)
    assert as_json.returncode == 0, as_json.stderr
    raw = [json.loads(line) for line in as_json.stdout.splitlines()]
    assert len(raw) == 2
    for listed in raw:  # the view's counts keep their names; the drill-down rows are nested beside them
        assert isinstance(listed["articles"], int) and isinstance(listed["other_articles"], int)
        side_of_each = [a["side"] for a in listed["disagreement_articles"]]
        assert side_of_each.count("value") == listed["articles"]
        assert side_of_each.count("other") == listed["other_articles"]

    run_feed(http_server, [*[p for p in DAY1 if p.path != "/yicai/trade.html"], *DAY2], config, db, cli_env)
    (run_id,) = query(db, "SELECT max(run_id) FROM runs")[0]
    assert isinstance(run_id, int)

    # the re-dated correction closed the trade row; the final GDP figure is a change, not a disagreement
    assert [r[0] for r in query(db, "SELECT metric FROM disagreements")] == ["import_export_enterprises"]
    assert query(
        db,
        "SELECT event, reason FROM disagreement_history WHERE metric = 'foreign_trade_total' "
        "ORDER BY snapshot_id",
    ) == [
        ("opened", None),
        ("closed", "resolved"),
    ]
    assert query(db, "SELECT value, superseded FROM consensus WHERE metric = 'gdp' AND period = '2025'") == [
        (14.5e12, 1)
    ]
    changed = set(query(db, f"SELECT change, metric FROM changes WHERE run_id = {run_id}"))
    assert {("superseded", "gdp"), ("disagreement_closed", "foreign_trade_total")} <= changed
    assert ("disagreement_opened", "gdp") not in changed

    since_run = gdwatch(
        "changes", "--since", str(run_id - 1), "--config", str(config), "--db", str(db), env=cli_env
    )
    assert since_run.returncode == 0, since_run.stderr
    assert "revised" in since_run.stdout and "disagreement closed" in since_run.stdout
    # a revision reads old -> new, a disagreement its two sides; every line fits 100 columns
    revised = next(line for line in since_run.stdout.splitlines() if "revised" in line)
    assert "14.2 trillion yuan → 14.5" in revised, revised
    closed = since_run.stdout.split("disagreement closed", 1)[1]
    assert re.search(r"trillion yuan vs ", closed), closed
    assert max(len(line.rstrip()) for line in since_run.stdout.splitlines()) <= 100
    bad = gdwatch("changes", "--since", "yesterday", "--db", str(db), env=cli_env)
    assert bad.returncode == 2 and "--since" in bad.stderr

    outlets = query(
        db,
        "SELECT outlet, count(DISTINCT disagreement_id) FROM disagreement_articles "
        "GROUP BY outlet ORDER BY outlet",
    )
    assert outlets == [("China Daily", 1), ("GD Today (Nanfang Media)", 1)]


# The whole and a part of it, and two bases of one month's change, in English and Chinese from several
# outlets: different figure keys, so nothing here may open a disagreement.
NOT_DISAGREEING = [
    Page(
        "/cd/exports.html",
        "China Daily",
        "Guangdong exports",
        (
            "Guangdong's exports reached 5.9 trillion yuan in 2025, the provincial branch of the customs "
            "administration said on Tuesday.",
        ),
        "2026-01-20T02:00:00",
    ),
    Page(
        "/nf/exports.html",
        "南方网",
        "广东出口",
        ("海关总署广东分署日前发布数据，2025年广东省出口总值5.9万亿元。", "其中，民营企业出口3.9万亿元。"),
        "2026-01-20T03:00:00",
        lang="zh",
    ),
    Page(
        "/cgtn/exports.html",
        "CGTN",
        "Private exporters",
        (
            "Exports by Guangdong's private enterprises reached 3.9 trillion yuan in 2025, customs data "
            "showed on Tuesday.",
        ),
        "2026-01-20T04:00:00",
    ),
    Page(
        "/yicai/may.html",
        "Yicai",
        "May exports",
        (
            "In May, Guangdong's exports rose 4.4 percent year on year, the provincial branch of the customs "
            "administration said on Wednesday.",
        ),
        "2025-06-18T02:00:00",
    ),
    Page(
        "/21/may.html",
        "21世纪经济报道",
        "5月出口",
        ("海关总署广东分署18日发布数据，5月份广东出口环比下降1.2%。",),
        "2025-06-18T03:00:00",
        lang="zh",
    ),
]


def test_a_part_and_the_whole_and_yoy_and_mom_open_no_disagreement_through_a_real_run(
    http_server: LocalSite, write_config: WriteConfig, tmp_path: Path, cli_env: dict[str, str]
) -> None:
    config = write_config([])
    db = tmp_path / "wh.duckdb"
    run_feed(http_server, NOT_DISAGREEING, config, db, cli_env)

    # each figure is stored with the key that keeps it apart: a part with its segment, a change with its basis
    stored = query(
        db,
        "SELECT regexp_extract(url, '//[^/]+(/.*)$', 1), metric, segment, basis, period, value "
        "FROM observations WHERE metric IN ('exports', 'exports_growth') ORDER BY ALL",
    )
    assert stored == [
        ("/21/may.html", "exports_growth", None, "mom", "2025-05", -1.2),
        ("/cd/exports.html", "exports", None, None, "2025", 5.9e12),
        ("/cgtn/exports.html", "exports", "private enterprises", None, "2025", 3.9e12),
        ("/nf/exports.html", "exports", "private enterprises", None, "2025", 3.9e12),
        ("/nf/exports.html", "exports", None, None, "2025", 5.9e12),
        ("/yicai/may.html", "exports_growth", None, "yoy", "2025-05", 4.4),
    ]
    assert query(db, "SELECT count(*) FROM disagreements") == [(0,)]
    assert query(db, "SELECT count(*) FROM conflicts") == [(0,)]
    assert query(db, "SELECT count(*) FROM changes WHERE change = 'disagreement_opened'") == [(0,)]
    # one consensus per key, each a single cluster: the whole and its part agree with their own kind
    assert query(
        db,
        "SELECT metric, segment, basis, value, witnesses, clusters FROM consensus "
        "WHERE metric IN ('exports', 'exports_growth') ORDER BY ALL",
    ) == [
        ("exports", "private enterprises", None, 3.9e12, 2, 1),
        ("exports", None, None, 5.9e12, 2, 1),
        ("exports_growth", None, "mom", -1.2, 1, 1),
        ("exports_growth", None, "yoy", 4.4, 1, 1),
    ]
    people = gdwatch("conflicts", "--config", str(config), "--db", str(db), env=cli_env)
    assert people.returncode == 0, people.stderr
    assert "no open disagreements" in people.stdout
