"""Conflicts and revisions end to end: documents served on 127.0.0.1 and read with `gdwatch run --feed`."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from gdwatch.flows.daily import daily_run
from gdwatch.flows.launch import run_flow
from gdwatch.warehouse import published_path
from tests.conftest import WriteConfig
from tests.support.httpserver import LocalSite
from tests.support.pages import page, serve_articles

pytestmark = pytest.mark.usefixtures("prefect_api")


def doc(slug: str, sentence: str, *, lang: str = "en", published: str = "2026-01-20T09:00:00"):
    return page(f"/news/{slug}.html", f"Report {slug}", sentence, lang=lang, published=published)


DOCS = [
    # a contradiction on a trade total, and a contradicting growth rate
    doc("a", "Guangdong's foreign trade reached 9.1 trillion yuan in 2025, up 4.4 percent year-on-year."),
    doc("b", "Guangdong's foreign trade reached 9.4 trillion yuan in 2025, a wire report said on Thursday."),
    doc("f", "Guangdong's foreign trade grew 5.1 percent in 2025, according to preliminary data."),
    # a rounded figure that agrees
    doc("c", "Guangdong's exports reached 5.9 trillion yuan in 2025."),
    doc("d", "Guangdong's exports hit 5.93 trillion yuan in 2025, according to customs data."),
    # the same figure in another scale, English and Chinese
    doc("e", "Guangdong's imports stood at 3,200 billion yuan in 2025."),
    doc("z", "2025年，广东进口3.2万亿元，同比增长1.2%。", lang="zh"),
    # another period: a change over time
    doc("g", "Guangdong's GDP reached 14.2 trillion yuan in 2024."),
    doc("h", "Guangdong's GDP reached 14.6 trillion yuan in 2025."),
    # compatible bounds, and incompatible ones
    doc("i", "More than 60,000 firms in Guangdong had import and export records in 2025."),
    doc("j", "In 2025, 62,000 firms in Guangdong had import and export records."),
    doc("k", "Guangdong had more than 1,500 specialised little giant firms in 2025."),
    doc("l", "Guangdong had 1,200 specialised little giant firms in 2025."),
    # another city, another partner
    doc("m", "Shenzhen's foreign trade reached 4.5 trillion yuan in 2025."),
    doc("n", "Guangdong's trade with ASEAN reached 1.4 trillion yuan in 2025."),
    doc("o", "Guangdong's trade with the EU reached 900 billion yuan in 2025."),
]


def open_conflicts(db: Path) -> set[tuple[str, str, frozenset[float]]]:
    with duckdb.connect(str(published_path(db)), read_only=True) as con:
        found = con.execute("SELECT metric, period, value, conflicting_value FROM conflicts").fetchall()
    return {(metric, period, frozenset((a, b))) for metric, period, a, b in found}


def test_conflicts_revisions_and_idempotence(
    http_server: LocalSite, write_config: WriteConfig, tmp_path: Path
) -> None:
    feed = serve_articles(http_server, DOCS)
    config = write_config([])
    db = tmp_path / "wh.duckdb"

    first = run_flow(daily_run, feeds=[feed], config_dir=str(config), db_path=str(db))
    assert first.reports[0].counts.new_articles == len(DOCS)
    expected = {
        ("foreign_trade_total", "2025", frozenset((9.1e12, 9.4e12))),
        ("foreign_trade_growth", "2025", frozenset((4.4, 5.1))),
        ("little_giants", "2025", frozenset((1500.0, 1200.0))),
    }
    assert open_conflicts(db) == expected
    assert {(d["metric"], d["period"]) for d in first.disagreements} == {(m, p) for m, p, _ in expected}
    # the run checked its batches at its end; the summary's row of the source still counts its conflicts
    assert first.reports[0].counts.new_conflicts == len(expected)
    assert (first.late_conflicts, first.totals()["new_conflicts"]) == (0, len(expected))

    with duckdb.connect(str(published_path(db)), read_only=True) as con:
        # the agreeing figures are one metric-timeline entry each, without open conflicts
        timeline = dict(
            con.execute(
                "SELECT metric, open_conflicts FROM metric_timeline WHERE metric IN ('exports', 'imports') "
                "AND entity = 'Guangdong' AND period = '2025'"
            ).fetchall()
        )
        assert timeline == {"exports": 0, "imports": 0}
        partners = con.execute(
            "SELECT partner, value FROM observations WHERE metric = 'partner_trade' ORDER BY partner"
        ).fetchall()
        assert partners == [("ASEAN", 1.4e12), ("EU", 9e11)]
        assert con.execute(
            "SELECT entity, value FROM observations "
            "WHERE metric = 'foreign_trade_total' AND entity <> 'Guangdong'"
        ).fetchall() == [("Shenzhen", 4.5e12)]

    # the same pages again: nothing new
    again = run_flow(daily_run, feeds=[feed], config_dir=str(config), db_path=str(db))
    assert again.reports[0].status == "not_modified"

    # the wire report is corrected: a revision, not a conflict; the old conflict closes
    corrected = doc(
        "b",
        "Guangdong's foreign trade reached 9.1 trillion yuan in 2025, a wire report said on Thursday.",
        published="2026-01-21T09:00:00",
    )
    serve_articles(http_server, [*[d for d in DOCS if d.path != corrected.path], corrected])
    third = run_flow(daily_run, feeds=[feed], config_dir=str(config), db_path=str(db))
    assert third.reports[0].counts.new_versions == 1
    assert third.disagreements == []
    assert open_conflicts(db) == expected - {("foreign_trade_total", "2025", frozenset((9.1e12, 9.4e12)))}
    with duckdb.connect(str(published_path(db)), read_only=True) as con:
        assert con.execute(
            "SELECT metric, old_value, new_value, old_version, new_version FROM revisions"
        ).fetchall() == [("foreign_trade_total", 9.4e12, 9.1e12, 1, 2)]
        assert con.execute(
            "SELECT count(*) FROM article_versions WHERE url LIKE '%/news/b.html'"
        ).fetchone() == (2,)
        closed = con.execute(
            "SELECT metric, reason, run_id FROM conflict_history WHERE event = 'closed'"
        ).fetchall()
        assert closed == [("foreign_trade_total", "revised", third.run_id)]
