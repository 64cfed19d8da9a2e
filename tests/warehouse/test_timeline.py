"""metric_timeline: agreement, ranges and witnesses (near-identical wire copies count once)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from gdwatch.extractors.pages.fingerprint import hamming_distance, simhash
from gdwatch.warehouse import LoadBatch, Warehouse, query
from tests.warehouse.conftest import T0, make_obs, make_page

_P1 = (
    "GUANGZHOU -- Guangdong's foreign trade reached 9.5 trillion yuan in 2025, the provincial branch of the "
    "General Administration of Customs said on Tuesday. Exports of electromechanical products, home "
    "appliances and new energy vehicles grew strongly, while trade with ASEAN countries and Belt and Road "
    "partners rose faster than the national average. Private enterprises accounted for more than half of "
    "the province's total imports and exports, and the number of firms with import and export records kept "
    "rising. Officials said the Guangdong Goods Go Global campaign would help manufacturers expand overseas "
    "sales channels, attend more trade fairs and build brands in emerging markets in the coming year."
)
_P2 = (
    "The customs data showed that exports of industrial robots, lithium batteries and electric vehicles led "
    "the growth, with shipments to Latin America, Africa and the Middle East rising by double digits. "
    "Imports of integrated circuits and agricultural products also increased as domestic demand recovered. "
    "Analysts said the structure of the province's trade continued to improve as high value-added goods "
    "took a larger share, and that cross-border e-commerce and market procurement trade had become new "
    "engines of growth."
)
_P3 = (
    "Looking ahead, the provincial commerce department said it would support companies in exploring "
    "diversified markets, stabilise orders for traditional labour-intensive products, and help small and "
    "medium-sized enterprises use digital platforms to reach overseas buyers. It also pledged to improve "
    "port efficiency, cut logistics costs and expand financing for exporters facing higher tariffs in some "
    "markets, while the Canton Fair and other exhibitions would continue to connect Guangdong "
    "manufacturers with buyers from around the world."
)
WIRE = "\n\n".join([_P1, _P2, _P3])
# a republished wire copy: a photo caption line added, one word edited
COPY = "PROVIDED TO CHINA DAILY\n" + WIRE.replace("said on Tuesday", "said on Wednesday")
OWN = (
    "Shenzhen port operators reported busy terminals as the province closed the year with record shipments. "
    "Analysts at a local bank estimated total trade at 9.46 trillion yuan, citing customs data and their own "
    "surveys of exporters of drones, robots and consumer electronics across the Pearl River Delta."
)

COLUMNS = (
    "metric, entity, partner, period, unit, projection, agreed, consensus_low, consensus_high, value_low, "
    "value_high, articles, witnesses, reports, first_reported_at, last_reported_at, open_conflicts"
)


def test_the_texts_are_what_the_scenario_needs() -> None:
    assert hamming_distance(simhash(WIRE), simhash(COPY)) <= 3
    assert hamming_distance(simhash(WIRE), simhash(OWN)) > 3


def test_wire_copies_are_one_witness_and_rounded_figures_agree(wh: Warehouse, db_path: Path) -> None:
    day = timedelta(days=1)
    pages = (
        make_page("https://a.example/1", WIRE, observations=(make_obs(9.5e12, resolution=1e11),)),
        make_page(
            "https://b.example/2",
            COPY,
            observations=(make_obs(9.5e12, resolution=1e11),),
            published_at=T0 + day,
            fetched_at=T0 + day,
        ),
        make_page(
            "https://c.example/3",
            OWN,
            observations=(make_obs(9.46e12, resolution=1e10),),
            published_at=T0 + 2 * day,
        ),
    )
    run = wh.start_run(flow="daily", params={}, started_at=T0)
    wh.load_batch(LoadBatch(pages), run_id=run)
    assert query(db_path, f"SELECT {COLUMNS} FROM metric_timeline")[1] == [
        (
            "foreign_trade_total",
            "Guangdong",
            None,
            "2025",
            "CNY",
            False,
            True,
            9.455e12,
            9.465e12,
            9.46e12,
            9.5e12,
            3,
            2,
            3,
            T0,
            T0 + 2 * day,
            0,
        )
    ]

    # a contradicting figure: no agreement any more, one open conflict per disagreeing article
    run2 = wh.start_run(flow="daily", params={}, started_at=T0 + 3 * day)
    wh.load_batch(
        LoadBatch(
            (make_page("https://d.example/4", "Trade was 9.1 trillion.", observations=(make_obs(9.1e12),)),)
        ),
        run_id=run2,
    )
    assert query(
        db_path,
        "SELECT agreed, consensus_low, value_low, value_high, articles, witnesses, open_conflicts "
        "FROM metric_timeline",
    )[1] == [(False, None, 9.1e12, 9.5e12, 4, 3, 3)]


def test_projections_and_periods_are_separate_lines(wh: Warehouse, db_path: Path) -> None:
    run = wh.start_run(flow="daily", params={}, started_at=T0)
    obs = (
        make_obs(9.1e12, period="2024"),
        make_obs(9.5e12, period="2025"),
        make_obs(10e12, period="2026", projection=True, qualifier="over"),
        make_obs(1.3e12, unit="USD", conversion_of=1),
    )
    wh.load_batch(LoadBatch((make_page("https://a.example/1", "Text.", observations=obs),)), run_id=run)
    assert query(
        db_path,
        "SELECT period, projection, agreed, consensus_low, consensus_high "
        "FROM metric_timeline ORDER BY period",
    )[1] == [
        ("2024", False, True, 9.1e12 - 0.005 * 9.1e12, 9.1e12 + 0.005 * 9.1e12),
        ("2025", False, True, 9.5e12 - 0.005 * 9.5e12, 9.5e12 + 0.005 * 9.5e12),
        ("2026", True, True, 10e12, float("inf")),
    ]
