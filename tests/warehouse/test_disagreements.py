"""Disagreements, witnesses, consensus and changes, on figures built directly and loaded for real."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import duckdb

from gdwatch.warehouse import LoadBatch, PageRecord, Warehouse, connect
from tests.warehouse.conftest import T0, make_obs, make_page

WIRE = (
    "GUANGZHOU, Jan 20 (Xinhua) -- Guangdong's foreign trade reached {value} trillion yuan in 2025, up 4.4 "
    "percent year on year, the provincial branch of the customs administration said on Tuesday. Exports of "
    "electromechanical products and high-tech goods grew faster than the total, while imports of energy "
    "products fell as prices declined. Trade with countries along the Belt and Road rose for the fifth "
    "year in a row, and private enterprises accounted for more than half of the province's trade. Officials "
    "said measures to stabilise foreign trade would continue, including support for exhibitions abroad."
)


def load(wh: Warehouse, *pages: PageRecord, at_day: int = 0) -> int:
    run = wh.start_run(flow="test", params={}, started_at=T0 + timedelta(days=at_day))
    wh.load_batch(LoadBatch(tuple(pages)), run_id=run)
    return run


def rows(db: Path, sql: str) -> list[dict[str, Any]]:
    conn = connect(db, migrate=False)
    try:
        result = conn.execute(sql)
        names = [d[0] for d in result.description or []]
        return [dict(zip(names, row, strict=True)) for row in result.fetchall()]
    finally:
        conn.close()


def trade(value: float, **kwargs: Any) -> Any:
    return make_obs(value, resolution=1e10, **kwargs)


def test_syndicated_copies_count_once_and_one_disagreement_row(wh: Warehouse, db_path: Path) -> None:
    copies = [
        make_page(
            "https://www.chinadaily.com.cn/a/1.html", WIRE.format(value="9.1"), observations=(trade(9.1e12),)
        ),
        make_page(
            "https://www.newsgd.com/b/2.html",
            "By Li Wei | GD Today\n" + WIRE.format(value="9.1") + "\nPhoto: a container terminal in Nansha.",
            observations=(trade(9.1e12),),
        ),
        make_page(
            "https://www.21jingji.com/c/3.html",
            WIRE.format(value="9.1") + " Editor: Zhang Min.",
            observations=(trade(9.1e12),),
        ),
    ]
    independent = make_page(
        "https://www.yicai.com/news/4.html",
        "Guangdong's trade grew to 9.4 trillion yuan last year, our reporter learned from officials who "
        "gave a different account of the province's imports and exports than the one the wire carried.",
        observations=(trade(9.4e12),),
        published_at=T0 + timedelta(hours=5),
    )
    load(wh, *copies, independent)

    (row,) = rows(db_path, "SELECT * FROM disagreements")
    assert (row["value"], row["other_value"]) in {(9.1e12, 9.4e12), (9.4e12, 9.1e12)}
    assert (row["witnesses"], row["other_witnesses"]) == (1, 1)
    sides = {row["value"]: row, row["other_value"]: row}
    assert sides[9.1e12]
    by_value = {
        r["value"]: r
        for r in rows(
            db_path,
            "SELECT value, witnesses, articles, outlets FROM disagreements "
            "UNION ALL SELECT other_value, other_witnesses, other_articles, other_outlets FROM disagreements",
        )
    }
    assert by_value[9.1e12]["articles"] == 3
    assert (
        by_value[9.1e12]["outlets"] == "21st Century Business Herald; China Daily; GD Today (Nanfang Media)"
    )
    assert by_value[9.4e12]["outlets"] == "Yicai"

    articles = rows(db_path, "SELECT outlet, copy FROM disagreement_articles ORDER BY outlet")
    assert [(a["outlet"], a["copy"]) for a in articles] == [
        ("21st Century Business Herald", True),
        ("China Daily", False),
        ("GD Today (Nanfang Media)", True),
        ("Yicai", False),
    ]
    assert {r["outlet"] for r in rows(db_path, "SELECT outlet FROM observations")} == {
        "21st Century Business Herald",
        "China Daily",
        "GD Today (Nanfang Media)",
        "Yicai",
    }
    # the pairwise view keeps its documented rows: three copies against one report
    assert rows(db_path, "SELECT count(*) AS n FROM conflicts") == [{"n": 3}]


def test_consensus_is_the_cluster_with_most_witnesses_and_contested_needs_two(
    wh: Warehouse, db_path: Path
) -> None:
    pages = [
        make_page(
            f"https://www.site{i}.com/a.html",
            f"Independent report number {i} on trade.",
            observations=(trade(v),),
        )
        for i, v in enumerate([9.1e12, 9.1e12, 9.1e12, 9.4e12])
    ]
    load(wh, *pages)
    (row,) = rows(db_path, "SELECT * FROM consensus WHERE metric = 'foreign_trade_total'")
    assert (row["value"], row["witnesses"], row["clusters"], row["contested"]) == (9.1e12, 3, 2, False)

    load(
        wh,
        make_page(
            "https://www.site9.com/a.html", "A fifth independent report.", observations=(trade(9.4e12),)
        ),
    )
    (row,) = rows(db_path, "SELECT * FROM consensus WHERE metric = 'foreign_trade_total'")
    assert (row["value"], row["witnesses"], row["contested"]) == (9.1e12, 3, True)
    assert len(rows(db_path, "SELECT * FROM disagreements")) == 1


def test_a_value_reported_with_two_qualifiers_at_once_shows_the_first_qualifier(
    wh: Warehouse, db_path: Path
) -> None:
    # one cluster, one value, as many witnesses, both first reported at T0: the tie goes to 'exact' < 'over'
    pages = [
        make_page(
            f"https://www.site{i}.com/a.html",
            f"Report number {i} on trade.",
            observations=(trade(9.1e12, qualifier=q),),
        )
        for i, q in enumerate(["over", "exact"])
    ]
    load(wh, *pages)
    assert rows(
        db_path,
        "SELECT value, qualifier, witnesses, clusters FROM consensus WHERE metric = 'foreign_trade_total'",
    ) == [{"value": 9.1e12, "qualifier": "exact", "witnesses": 2, "clusters": 1}]


def test_preliminary_then_final_is_a_change_not_a_disagreement(wh: Warehouse, db_path: Path) -> None:
    gdp: dict[str, Any] = {"metric": "gdp", "resolution": 1e10}
    load(
        wh,
        make_page(
            "https://www.yicai.com/gdp.html",
            "Preliminary accounting puts Guangdong's GDP at 14.2 trillion yuan.",
            observations=(make_obs(14.2e12, quote="初步核算，广东地区生产总值14.2万亿元。", **gdp),),
        ),
    )
    later = T0 + timedelta(days=200)
    run = load(
        wh,
        make_page(
            "https://www.newsgd.com/gdp-final.html",
            "After final verification, Guangdong's GDP for 2025 was revised to 14.5 trillion yuan.",
            observations=(make_obs(14.5e12, quote="经最终核实，广东地区生产总值修订为14.5万亿元。", **gdp),),
            published_at=later,
            fetched_at=later,
        ),
        at_day=200,
    )
    assert rows(db_path, "SELECT * FROM disagreements") == []
    (row,) = rows(db_path, "SELECT value, superseded, clusters FROM consensus WHERE metric = 'gdp'")
    assert row == {"value": 14.5e12, "superseded": 1, "clusters": 1}
    changes = rows(db_path, f"SELECT change, old_value, new_value FROM changes WHERE run_id = {run}")
    assert {"change": "superseded", "old_value": 14.2e12, "new_value": 14.5e12} in changes
    assert all(c["change"] != "disagreement_opened" for c in changes)


def test_the_load_stores_whether_a_quote_revises_and_derives_it_for_figures_stored_before(
    wh: Warehouse, db_path: Path
) -> None:
    """Migration 0016: the load stores ``revises``; a figure stored before (NULL) is read from its quote."""
    gdp: dict[str, Any] = {"metric": "gdp", "resolution": 1e10}
    load(wh, make_page("https://www.yicai.com/gdp.html", "GDP.", observations=(make_obs(14.2e12, **gdp),)))
    later = T0 + timedelta(days=200)
    final = make_obs(14.5e12, quote="经最终核实，广东地区生产总值修订为14.5万亿元。", **gdp)
    load(
        wh,
        make_page("https://www.newsgd.com/f.html", "Final.", observations=(final,), published_at=later),
        at_day=200,
    )
    stored = "SELECT value, revises FROM store.observations ORDER BY value"
    assert [(r["value"], r["revises"]) for r in rows(db_path, stored)] == [(14.2e12, False), (14.5e12, True)]
    conn = connect(db_path, migrate=False)
    try:  # as if both were stored before migration 0016 added the column
        conn.execute("UPDATE store.observations SET revises = NULL")
    finally:
        conn.close()
    again = T0 + timedelta(days=201)
    load(
        wh,
        make_page(
            "https://www.21jingji.com/g.html",
            "GDP.",
            observations=(make_obs(14.5e12, **gdp),),
            published_at=again,
        ),
        at_day=201,
    )
    assert rows(db_path, "SELECT * FROM disagreements") == []
    (row,) = rows(db_path, "SELECT value, superseded FROM consensus WHERE metric = 'gdp'")
    assert row == {"value": 14.5e12, "superseded": 1}


def test_an_official_release_after_a_preliminary_figure_supersedes_it(wh: Warehouse, db_path: Path) -> None:
    gdp: dict[str, Any] = {"metric": "gdp", "resolution": 1e10}
    load(
        wh, make_page("https://www.yicai.com/g.html", "GDP story.", observations=(make_obs(14.2e12, **gdp),))
    )
    later = T0 + timedelta(days=90)
    load(
        wh,
        make_page(
            "http://stats.gd.gov.cn/tjsj/g.html",
            "统计公报。",
            observations=(make_obs(14.3e12, **gdp),),
            published_at=later,
            fetched_at=later,
        ),
        at_day=90,
    )
    assert rows(db_path, "SELECT * FROM disagreements") == []
    assert rows(db_path, "SELECT value FROM consensus WHERE metric = 'gdp'") == [{"value": 14.3e12}]


def revisions_at_once(db: Path, *, order: int, copy_of: float | None = None) -> dict[float, dict[str, Any]]:
    """A preliminary GDP figure, then two revisions of it published at the same moment (in ``order``, 1 or
    -1), and optionally a later copy of one of them; the latest snapshot of each cluster, by value."""
    gdp: dict[str, Any] = {"metric": "gdp", "resolution": 1e10}
    later, copied = T0 + timedelta(days=200), T0 + timedelta(days=210)
    revisions = [
        make_page(
            f"https://www.{site}.com/gdp-final.html",
            f"Guangdong's GDP for 2025 was revised to {value / 1e12} trillion yuan.",
            observations=(make_obs(value, quote=f"GDP was revised to {value / 1e12} trillion yuan.", **gdp),),
            published_at=later,
            fetched_at=later,
        )
        for site, value in (("yicai", 14.5e12), ("newsgd", 14.6e12))
    ][::order]
    if copy_of is not None:
        revisions.append(
            make_page(
                "https://www.21jingji.com/gdp-copy.html",
                f"GDP: {copy_of / 1e12} trillion yuan.",
                observations=(make_obs(copy_of, **gdp),),
                published_at=copied,
                fetched_at=copied,
            )
        )
    with Warehouse(db) as wh:
        load(
            wh,
            make_page(
                "https://www.chinadaily.com.cn/gdp.html",
                "Preliminary accounting puts Guangdong's GDP at 14.2 trillion yuan.",
                observations=(make_obs(14.2e12, quote="初步核算，广东地区生产总值14.2万亿元。", **gdp),),
            ),
        )
        load(wh, *revisions, at_day=210)
    latest = rows(
        db,
        "SELECT value, cluster_id, superseded_by FROM store.cluster_snapshots "
        "WHERE snapshot_id = (SELECT max(snapshot_id) FROM store.cluster_snapshots)",
    )
    return {row["value"]: row for row in latest}


def test_two_revisions_at_once_supersede_the_preliminary_figure_deterministically(tmp_path: Path) -> None:
    """Of two revisions that arrive at the same moment, the one reported last supersedes the preliminary
    figure, then the one with the highest cluster id, whatever order the batch lists them in."""
    first = revisions_at_once(tmp_path / "a.duckdb", order=1)
    second = revisions_at_once(tmp_path / "b.duckdb", order=-1)
    highest = max(first[14.5e12]["cluster_id"], first[14.6e12]["cluster_id"])
    assert first[14.2e12]["superseded_by"] == second[14.2e12]["superseded_by"] == highest
    lower = 14.5e12 if first[14.5e12]["cluster_id"] < highest else 14.6e12
    copied = revisions_at_once(tmp_path / "c.duckdb", order=1, copy_of=lower)
    assert copied[14.2e12]["superseded_by"] == copied[lower]["cluster_id"] != highest


FIRMS: dict[str, Any] = {"metric": "import_export_enterprises", "unit": "enterprises"}


def firms_a_week_apart() -> tuple[PageRecord, PageRecord]:
    """Two outlets' counts of the firms trading, dated a week apart (a point in time each)."""
    return (
        make_page(
            "https://www.a.com/1.html",
            "Firms now.",
            observations=(make_obs(60_000, period="2026-01-05", **FIRMS),),
        ),
        make_page(
            "https://www.b.com/2.html",
            "Firms now.",
            observations=(make_obs(65_000, period="2026-01-12", **FIRMS),),
        ),
    )


def test_stocks_a_week_apart_are_compared_and_a_year_apart_are_not(wh: Warehouse, db_path: Path) -> None:
    load(
        wh,
        *firms_a_week_apart(),
        make_page(
            "https://www.c.com/3.html",
            "Firms then.",
            observations=(make_obs(50_000, period="2025-01-10", **FIRMS),),
        ),
    )
    (row,) = rows(db_path, "SELECT * FROM disagreements")
    assert {row["value"], row["other_value"]} == {60_000, 65_000}
    assert (row["period"], str(row["period_start"]), str(row["period_end"])) == (
        "2026-01-05..2026-01-12",
        "2026-01-05",
        "2026-01-12",
    )
    periods = {r["period"] for r in rows(db_path, "SELECT period FROM consensus")}
    assert periods == {"2025-01-10", "2026-01-05..2026-01-12"}


def test_other_basis_other_segment_rounding_and_bounds_are_not_disagreements(
    wh: Warehouse, db_path: Path
) -> None:
    growth: dict[str, Any] = {"metric": "exports_growth", "unit": "%", "kind": "change", "period": "2025-06"}
    load(
        wh,
        # year on year against month on month
        make_page("https://www.a.com/1.html", "a", observations=(make_obs(6.1, basis="yoy", **growth),)),
        make_page("https://www.b.com/2.html", "b", observations=(make_obs(-1.2, basis="mom", **growth),)),
        # a part against the whole
        make_page("https://www.c.com/3.html", "c", observations=(trade(9.1e12),)),
        make_page(
            "https://www.d.com/4.html", "d", observations=(trade(5.2e12, segment="private enterprises"),)
        ),
        # rounding: 9.1 trillion (resolution 1e11) holds 9.13 trillion
        make_page("https://www.e.com/5.html", "e", observations=(make_obs(9.13e12, resolution=1e10),)),
        make_page("https://www.f.com/6.html", "f", observations=(make_obs(9.1e12, resolution=1e11),)),
        # bounds: over 9 trillion holds 9.1 trillion
        make_page(
            "https://www.g.com/7.html", "g", observations=(make_obs(9e12, qualifier="over", resolution=1e12),)
        ),
    )
    assert rows(db_path, "SELECT * FROM disagreements") == []
    assert rows(db_path, "SELECT count(*) AS n FROM consensus") == [{"n": 4}]


def test_a_redated_correction_closes_its_disagreement(wh: Warehouse, db_path: Path) -> None:
    load(
        wh,
        make_page("https://www.a.com/1.html", "Trade reached 9.1 trillion.", observations=(trade(9.1e12),)),
        make_page("https://www.b.com/2.html", "Trade reached 9.4 trillion.", observations=(trade(9.4e12),)),
    )
    (opened,) = rows(db_path, "SELECT disagreement_id FROM disagreements")
    corrected = make_page(
        "https://www.b.com/2.html",
        "Correction: the 9.4 trillion figure was for 2024.",
        observations=(trade(9.4e12, period="2024"),),
        fetched_at=T0 + timedelta(days=1),
    )
    run = load(wh, corrected, at_day=1)
    assert rows(db_path, "SELECT * FROM disagreements") == []
    history = rows(
        db_path,
        "SELECT disagreement_id, event, run_id, reason FROM disagreement_history ORDER BY snapshot_id",
    )
    assert history[-1] == {
        "disagreement_id": opened["disagreement_id"],
        "event": "closed",
        "run_id": run,
        "reason": "resolved",
    }
    changed = {r["change"] for r in rows(db_path, f"SELECT change FROM changes WHERE run_id = {run}")}
    assert {"disagreement_closed", "new_key"} <= changed

    # as of the first run the disagreement was open
    conn = duckdb.connect(str(db_path), read_only=True)
    try:
        conn.execute("SET VARIABLE as_of_run = 1")
        assert conn.execute("SELECT count(*) FROM disagreements").fetchone() == (1,)
    finally:
        conn.close()


def test_figures_without_a_period_are_counted_not_clustered(wh: Warehouse, db_path: Path) -> None:
    load(
        wh,
        make_page("https://www.a.com/1.html", "a", observations=(trade(9.1e12),)),
        make_page("https://www.b.com/2.html", "b", observations=(trade(7.0e12, period=None),)),
    )
    assert rows(db_path, "SELECT value, period_unknown FROM consensus") == [
        {"value": 9.1e12, "period_unknown": 1}
    ]
    assert rows(db_path, "SELECT * FROM disagreements") == []


def test_articles_stored_without_a_fingerprint_get_one_when_loaded_again(
    wh: Warehouse, db_path: Path
) -> None:
    page = make_page(
        "https://www.chinadaily.com.cn/a/1.html", WIRE.format(value="9.1"), observations=(trade(9.1e12),)
    )
    load(wh, page)
    conn = connect(db_path, migrate=False)
    try:  # as if the article had been stored before migration 0015
        conn.execute("CREATE TABLE keep AS SELECT * FROM store.article_fingerprints WHERE false")
        conn.execute("DROP TABLE store.article_fingerprints")
        conn.execute("CREATE TABLE store.article_fingerprints AS SELECT * FROM keep")
    finally:
        conn.close()
    load(wh, page, at_day=1)
    assert rows(
        db_path, "SELECT outlet, witness_id = article_id AS itself FROM store.article_fingerprints"
    ) == [{"outlet": "China Daily", "itself": True}]


def test_the_stock_window_comes_from_the_runs_config_directory(tmp_path: Path) -> None:
    # `gdwatch run --config DIR`: the loads read [conflicts] from DIR, not from the packaged config
    config_dir = tmp_path / "config"
    config_dir.mkdir()
    (config_dir / "gdwatch.toml").write_text("[conflicts]\nstock_window_days = 3\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    with Warehouse(db, config_dir=config_dir) as wh:
        load(wh, *firms_a_week_apart())
    assert rows(db, "SELECT * FROM disagreements") == []  # a week apart is beyond a 3-day window
