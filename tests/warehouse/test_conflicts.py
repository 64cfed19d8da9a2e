"""Conflict detection: intervals, keys, conversions, projections, revisions and closing."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from gdwatch.extractors.records import Observation
from gdwatch.warehouse import BatchCounts, LoadBatch, Warehouse, open_conflicts, query, run_conflicts
from tests.warehouse.conftest import T0, make_obs, make_page

A = "https://chinadaily.example/a"
B = "https://xinhua.example/b"
C = "https://gdtoday.example/c"


def load(wh: Warehouse, *pages: object, day: int = 0) -> tuple[int, BatchCounts]:
    run = wh.start_run(flow="daily", params={}, started_at=T0 + timedelta(days=day))
    return run, wh.load_batch(LoadBatch(tuple(pages)), run_id=run)  # type: ignore[arg-type]


def page(url: str, *obs: Observation, text: str | None = None, day: int = 0) -> object:
    return make_page(url, text or f"Article {url}", observations=obs, fetched_at=T0 + timedelta(days=day))


def conflicts(path: Path) -> list[tuple]:
    return query(
        path,
        "SELECT metric, entity, partner, period, unit, value, url, conflicting_value, conflicting_url, "
        "round(relative_difference, 4), detected_run_id FROM conflicts ORDER BY metric, value",
    )[1]


def test_contradicting_trade_totals_open_one_conflict(wh: Warehouse, db_path: Path) -> None:
    load(wh, page(A, make_obs(9.1e12, resolution=1e11)))
    run2, counts = load(wh, page(B, make_obs(9.49e12, resolution=1e10)), day=1)
    assert counts == BatchCounts(new_articles=1, observations=1, new_conflicts=1)
    assert conflicts(db_path) == [
        ("foreign_trade_total", "Guangdong", None, "2025", "CNY", 9.1e12, A, 9.49e12, B, 0.0411, run2)
    ]
    assert [(c["url"], c["conflicting_url"]) for c in run_conflicts(db_path, run2)] == [(A, B)]
    assert run_conflicts(db_path, 1) == []
    assert [c["conflict_id"] for c in open_conflicts(db_path)] == [
        c["conflict_id"] for c in run_conflicts(db_path, run2)
    ]
    # loading the same contradiction again (a third copy of B's figure elsewhere) keeps one conflict per pair
    _, again = load(wh, page(B, make_obs(9.49e12, resolution=1e10)), day=2)
    assert again == BatchCounts(unchanged=1)
    assert len(conflicts(db_path)) == 1


IDENTICAL = "identical"


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        # a rounded figure agrees with a precise one: 9.5 trillion stands for 9.45-9.55
        (make_obs(9.5e12, resolution=1e11), make_obs(9.46e12, resolution=1e10), False),
        # the same figure in another scale: 5,120 billion yuan vs 5.12 trillion yuan
        (make_obs(5.12e12, resolution=1e9), make_obs(5.12e12, resolution=1e10), False),
        # contradicting growth rates
        (
            make_obs(3.1, metric="foreign_trade_growth", unit="%", resolution=0.1),
            make_obs(4.4, metric="foreign_trade_growth", unit="%", resolution=0.1),
            True,
        ),
        # another period is a change over time
        (make_obs(9.1e12, period="2024"), make_obs(9.49e12, period="2025"), False),
        # another city, another partner: different metrics
        (make_obs(9.1e12), make_obs(4.5e12, entity="Shenzhen"), False),
        (
            make_obs(1.4e12, metric="partner_trade", partner="ASEAN"),
            make_obs(0.8e12, metric="partner_trade", partner="EU"),
            False,
        ),
        # another unit is never compared
        (make_obs(300e9, unit="CNY"), make_obs(41e9, unit="USD"), False),
        # compatible and incompatible bounds
        (make_obs(60000, qualifier="over", unit="firms"), make_obs(65000, unit="firms", resolution=1), False),
        (make_obs(60000, qualifier="over", unit="firms"), make_obs(50000, unit="firms", resolution=1), True),
        # "60,000 firms" stands for 59,999.5-60,000.5, which can exceed 60,000
        (make_obs(60000, qualifier="over", unit="firms"), make_obs(60000, unit="firms", resolution=1), False),
        (
            make_obs(60000, qualifier="over", unit="firms"),
            make_obs(59000, unit="firms", resolution=1000),
            True,
        ),
        (make_obs(5, qualifier="under", unit="%"), make_obs(4.8, unit="%", resolution=0.1), False),
        (make_obs(5, qualifier="under", unit="%"), make_obs(6, unit="%", resolution=1), True),
        (make_obs(5, qualifier="over", unit="%"), make_obs(5, qualifier="under", unit="%"), True),
        (make_obs(5, qualifier="over", unit="%"), make_obs(8, qualifier="under", unit="%"), False),
        # approx is +-10 %
        (make_obs(100e9, qualifier="approx"), make_obs(108e9), False),
        (make_obs(100e9, qualifier="approx"), make_obs(115e9, resolution=1e9), True),
        # resolution 0: 0.5 % relative tolerance
        (make_obs(1000e9), make_obs(1004e9), False),
        (make_obs(1000e9), make_obs(1020e9), True),
        # projection vs actual never conflicts; two contradicting projections do
        (make_obs(9.1e12), make_obs(9.49e12, projection=True), False),
        (make_obs(10e12, projection=True), make_obs(11e12, projection=True), True),
        # a part is never compared with the whole, and stays comparable with the same part
        (make_obs(9.1e12), make_obs(5.2e12, segment="private enterprises"), False),
        (
            make_obs(5.2e12, segment="private enterprises"),
            make_obs(4.1e12, segment="private enterprises"),
            True,
        ),
        # a month-on-month rate is not a year-on-year one for the same month
        (
            make_obs(3.1, metric="exports_growth", unit="%", period="2025-05", kind="change", basis="yoy"),
            make_obs(-1.2, metric="exports_growth", unit="%", period="2025-05", kind="change", basis="mom"),
            False,
        ),
        # the firms added in a year are not the number of firms
        (
            make_obs(
                1200, metric="import_export_enterprises", unit="enterprises", kind="increment", resolution=1
            ),
            make_obs(98000, metric="import_export_enterprises", unit="enterprises", resolution=1),
            False,
        ),
        # no period or no metric: not comparable
        (make_obs(9.1e12, period=None), make_obs(9.49e12, period=None), False),
        (make_obs(9.1e12, metric=None), make_obs(9.49e12, metric=None), False),
    ],
)
def test_pairs_of_figures(
    wh: Warehouse, db_path: Path, first: Observation, second: Observation, conflict: bool
) -> None:
    load(wh, page(A, first))
    run2, counts = load(wh, page(B, second), day=1)
    expected = [(first.metric, first.value, second.value, run2)] if conflict else []
    got = query(db_path, "SELECT metric, value, conflicting_value, detected_run_id FROM conflicts")[1]
    assert got == expected
    assert counts.new_conflicts == len(expected)


def test_conversions_never_conflict(wh: Warehouse, db_path: Path) -> None:
    # "300 billion yuan ($41 billion)": the dollar figure restates the yuan one
    load(
        wh,
        page(
            A, make_obs(300e9, resolution=1e11), make_obs(41e9, unit="USD", conversion_of=0, resolution=1e9)
        ),
    )
    # another outlet converts at another rate: its own dollar figure is an actual, A's is a conversion
    _, counts = load(wh, page(B, make_obs(45e9, unit="USD", resolution=1e9)), day=1)
    assert counts.new_conflicts == 0
    assert conflicts(db_path) == []


def test_figures_of_one_article_never_conflict_with_each_other(wh: Warehouse, db_path: Path) -> None:
    _, counts = load(wh, page(A, make_obs(9.1e12), make_obs(9.49e12)))
    assert counts.new_conflicts == 0
    assert conflicts(db_path) == []


def test_two_new_articles_in_one_batch_conflict_once(wh: Warehouse, db_path: Path) -> None:
    run, counts = load(wh, page(A, make_obs(9.1e12)), page(B, make_obs(9.49e12)))
    assert counts.new_conflicts == 1
    assert conflicts(db_path) == [
        ("foreign_trade_total", "Guangdong", None, "2025", "CNY", 9.1e12, A, 9.49e12, B, 0.0411, run)
    ]


def test_a_figure_repeated_in_an_article_conflicts_once_between_first_mentions(
    wh: Warehouse, db_path: Path
) -> None:
    # each side says its value twice: one conflict, the stored article's side first, each side's first mention
    load(wh, page(A, make_obs(9.1e12, quote="A says 9.1"), make_obs(9.1e12, quote="A says 9.1 again")))
    run, counts = load(
        wh, page(B, make_obs(9.49e12, quote="B says 9.49"), make_obs(9.49e12, quote="B again")), day=1
    )
    assert counts.new_conflicts == 1
    assert query(
        db_path, "SELECT value, quote, conflicting_value, conflicting_quote, detected_run_id FROM conflicts"
    )[1] == [(9.1e12, "A says 9.1", 9.49e12, "B says 9.49", run)]


def test_a_correction_is_a_revision_and_closes_the_conflict(wh: Warehouse, db_path: Path) -> None:
    run1, _ = load(wh, page(A, make_obs(9.1e12, resolution=1e11), text="Trade was 9.1 trillion."))
    run2, _ = load(wh, page(B, make_obs(9.49e12, resolution=1e10)), day=1)
    assert len(conflicts(db_path)) == 1
    # A corrects its figure: new version, a revision, the conflict is closed and no new one opens
    run3, counts = load(
        wh, page(A, make_obs(9.49e12, resolution=1e10), text="Trade was 9.49 trillion.", day=2), day=2
    )
    assert counts == BatchCounts(new_versions=1, observations=1)
    assert conflicts(db_path) == []
    assert query(db_path, "SELECT url, version FROM article_versions ORDER BY url, version")[1] == [
        (A, 1),
        (A, 2),
        (B, 1),
    ]
    assert query(
        db_path,
        "SELECT url, metric, entity, partner, period, unit, old_value, new_value, old_version, new_version, "
        "revised_at FROM revisions",
    )[1] == [
        (
            A,
            "foreign_trade_total",
            "Guangdong",
            None,
            "2025",
            "CNY",
            9.1e12,
            9.49e12,
            1,
            2,
            T0 + timedelta(days=2),
        )
    ]
    assert query(
        db_path,
        "SELECT event, run_id, reason, value, url, conflicting_value FROM conflict_history ORDER BY run_id",
    )[1] == [("opened", run2, None, 9.1e12, A, 9.49e12), ("closed", run3, "revised", 9.1e12, A, 9.49e12)]
    assert run1 == 1


def test_a_correction_within_one_article_alone_is_never_a_conflict(wh: Warehouse, db_path: Path) -> None:
    load(wh, page(A, make_obs(9.1e12), text="v1"))
    _, counts = load(wh, page(A, make_obs(9.49e12), text="v2"), day=1)
    assert counts.new_conflicts == 0
    assert query(db_path, "SELECT old_value, new_value FROM revisions")[1] == [(9.1e12, 9.49e12)]
    assert conflicts(db_path) == []


def test_a_new_version_keeping_the_figure_keeps_the_conflict_open(wh: Warehouse, db_path: Path) -> None:
    load(wh, page(A, make_obs(9.1e12), text="v1"))
    run2, _ = load(wh, page(B, make_obs(9.49e12)), day=1)
    _, counts = load(wh, page(A, make_obs(9.1e12), text="v2 with a new photo caption"), day=2)
    assert counts == BatchCounts(new_versions=1, observations=1)
    assert query(db_path, "SELECT value, conflicting_value, detected_run_id FROM conflicts")[1] == [
        (9.1e12, 9.49e12, run2)
    ]
    assert query(db_path, "SELECT count(*) FROM conflict_history")[1] == [(1,)]
    assert query(db_path, "SELECT count(*) FROM revisions")[1] == [(0,)]


def test_a_reextraction_that_drops_the_figure_closes_the_conflict(wh: Warehouse, db_path: Path) -> None:
    first = page(A, make_obs(9.1e12))
    load(wh, first)
    load(wh, page(B, make_obs(9.49e12)), day=1)
    reprocessed = replace(first, observations=(), extractor_version="ext-2.0", reprocessed=True)  # type: ignore[type-var]
    run3, _ = load(wh, reprocessed, day=2)
    assert conflicts(db_path) == []
    assert query(db_path, "SELECT event, run_id FROM conflict_history ORDER BY run_id")[1] == [
        ("opened", 2),
        ("closed", run3),
    ]
    # the figure comes back in a later extraction: the same conflict opens again
    back = replace(
        first, extractor_version="ext-3.0", observations=(make_obs(9.1e12, extractor_version="ext-3.0"),)
    )  # type: ignore[type-var]
    run4, counts = load(wh, back, day=3)
    assert counts.new_conflicts == 1
    assert query(db_path, "SELECT conflict_id, event, run_id FROM conflict_history ORDER BY run_id")[1][2][
        1:
    ] == (
        "opened",
        run4,
    )
    assert len({r[0] for r in query(db_path, "SELECT conflict_id FROM conflict_history")[1]}) == 1


def test_a_third_source_adds_its_own_conflicts(wh: Warehouse, db_path: Path) -> None:
    load(wh, page(A, make_obs(9.1e12)), page(B, make_obs(9.49e12)))
    run2, counts = load(wh, page(C, make_obs(9.49e12)), day=1)
    assert counts.new_conflicts == 1
    assert query(
        db_path, "SELECT url, conflicting_url, detected_run_id FROM conflicts ORDER BY detected_run_id"
    )[1] == [
        (A, B, 1),
        (A, C, run2),
    ]
