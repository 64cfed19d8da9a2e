"""extract_observations end to end: every Observation field, English and Chinese."""

from __future__ import annotations

from datetime import date

import pytest

from gdwatch.config.loader import load_metrics
from gdwatch.config.models import MetricCatalogue
from gdwatch.extractors.figures.engine import EXTRACTOR_VERSION, extract_observations
from gdwatch.extractors.records import Observation

Row = tuple[str, float, str, str, str | None, str | None, str, str | None, bool, int | None]


@pytest.fixture(scope="module")
def catalogue() -> MetricCatalogue:
    return load_metrics()


def rows(text: str, catalogue: MetricCatalogue, published: date | None = date(2026, 1, 20)) -> list[Row]:
    """(span, value, unit, qualifier, period, metric, entity, partner, projection, conversion_of)."""
    return [
        (
            text[o.start : o.end],
            round(o.value, 6),
            o.unit,
            o.qualifier,
            o.period,
            o.metric,
            o.entity,
            o.partner,
            o.projection,
            o.conversion_of,
        )
        for o in extract_observations(text, published=published, catalogue=catalogue)
    ]


def test_every_field_of_one_observation(catalogue: MetricCatalogue) -> None:
    text = "Intro line.\nGuangdong's foreign trade hit RMB8.12 trillion in 2024, customs said."
    [observation] = extract_observations(text, published=date(2025, 1, 15), catalogue=catalogue)
    assert observation.resolution == pytest.approx(1e10)
    assert observation == Observation(
        metric="foreign_trade_total",
        subject="foreign trade",
        entity="Guangdong",
        partner=None,
        period="2024",
        value=8.12e12,
        unit="CNY",
        qualifier="exact",
        projection=False,
        quote="Guangdong's foreign trade hit RMB8.12 trillion in 2024, customs said.",
        start=42,
        end=58,
        extractor_version=EXTRACTOR_VERSION,
        resolution=observation.resolution,  # compared approximately above
        conversion_of=None,
        segment=None,
        basis=None,
        kind="level",
        unit_text="RMB",
    )
    assert text[observation.start : observation.end] == "RMB8.12 trillion"


def test_growth_and_level_metrics_share_phrases_and_declines_are_negative(catalogue: MetricCatalogue) -> None:
    text = (
        "In 2024, Guangzhou's exports grew 4.2% to 1.1 trillion yuan, while its imports dropped 3.5 percent."
    )
    assert rows(text, catalogue) == [
        ("4.2%", 4.2, "%", "exact", "2024", "exports_growth", "Guangzhou", None, False, None),
        ("1.1 trillion yuan", 1.1e12, "CNY", "exact", "2024", "exports", "Guangzhou", None, False, None),
        ("3.5 percent", -3.5, "%", "exact", "2024", "imports_growth", "Guangzhou", None, False, None),
    ]


def test_chinese_sentence_with_full_width_digits(catalogue: MetricCatalogue) -> None:
    text = "２０２４年，广东社会消费品零售总额４．７万亿元，同比增长０．８％。"
    assert rows(text, catalogue) == [
        ("４．７万亿元", 4.7e12, "CNY", "exact", "2024", "retail_sales", "Guangdong", None, False, None),
        ("０．８％", 0.8, "%", "exact", "2024", "retail_sales_growth", "Guangdong", None, False, None),
    ]


def test_conversion_restates_its_figure(catalogue: MetricCatalogue) -> None:
    text = "Foshan's GDP is projected to top 1.4 trillion yuan ($195 billion) this year."
    assert rows(text, catalogue) == [
        ("1.4 trillion yuan", 1.4e12, "CNY", "over", "2026", "gdp", "Foshan", None, True, None),
        ("$195 billion", 1.95e11, "USD", "over", "2026", "gdp", "Foshan", None, True, 0),
    ]


def test_conversion_index_counts_from_the_start_of_the_article(catalogue: MetricCatalogue) -> None:
    text = "Exports rose 5%. Imports reached 800 billion yuan (约合1100亿美元)."
    assert [r[-1] for r in rows(text, catalogue)] == [None, None, 1]


def test_respectively_pairs_subjects_in_order(catalogue: MetricCatalogue) -> None:
    text = "Last year imports and exports of Zhuhai rose 2.5% and 7.5%, respectively."
    assert [(r[0], r[5]) for r in rows(text, catalogue)] == [
        ("2.5%", "imports_growth"),
        ("7.5%", "exports_growth"),
    ]
    text = "2025年，深圳对欧盟、东盟出口分别增长3.3%和8.8%。"
    assert [(r[0], r[5], r[6], r[7]) for r in rows(text, catalogue)] == [
        ("3.3%", "exports_growth", "Shenzhen", "EU"),
        ("8.8%", "exports_growth", "Shenzhen", "ASEAN"),
    ]


def test_bound_word_covers_list_and_right_hand_subjects(catalogue: MetricCatalogue) -> None:
    text = "The clusters posted over 3 trillion yuan in revenue and 1 trillion yuan in added value in 2024."
    assert [(r[0], r[3], r[5]) for r in rows(text, catalogue)] == [
        ("3 trillion yuan", "over", "industry_revenue"),
        ("1 trillion yuan", "over", "industrial_added_value"),
    ]


def test_from_to_gives_each_figure_its_own_period(catalogue: MetricCatalogue) -> None:
    text = "The number of little giant firms rose from 800 in 2021 to more than 1,500 in 2025."
    assert rows(text, catalogue) == [
        ("800", 800.0, "enterprises", "exact", "2021", "little_giants", "Guangdong", None, False, None),
        ("1,500", 1500.0, "enterprises", "over", "2025", "little_giants", "Guangdong", None, False, None),
    ]


def test_projection_and_targets(catalogue: MetricCatalogue) -> None:
    text = (
        "Dongguan aims to raise its R&D intensity to 4.5 percent by 2028 from 4.1 percent last year.\n"
        "惠州预计今年地区生产总值增长6%左右。"
    )
    assert rows(text, catalogue) == [
        ("4.5 percent", 4.5, "%", "exact", "2028", "rd_intensity", "Dongguan", None, True, None),
        ("4.1 percent", 4.1, "%", "exact", "2025", "rd_intensity", "Dongguan", None, False, None),
        ("6%", 6.0, "%", "approx", "2026", "gdp_growth", "Huizhou", None, True, None),
    ]


def test_period_comes_from_the_paragraph_when_the_sentence_has_none(catalogue: MetricCatalogue) -> None:
    text = (
        "In the first ten months of 2025, trade with ASEAN reached 1.1 trillion yuan. "
        "Trade with ASEAN grew 9.1%.\n"
        "The province has 12 trillion-yuan industrial clusters."
    )
    assert rows(text, catalogue, published=date(2025, 11, 20)) == [
        (
            "1.1 trillion yuan",
            1.1e12,
            "CNY",
            "exact",
            "2025-01..2025-10",
            "partner_trade",
            "Guangdong",
            "ASEAN",
            False,
            None,
        ),
        (
            "9.1%",
            9.1,
            "%",
            "exact",
            "2025-01..2025-10",
            "partner_trade_growth",
            "Guangdong",
            "ASEAN",
            False,
            None,
        ),
        (
            "12",
            12.0,
            "clusters",
            "exact",
            "2025-11-20",
            "trillion_yuan_clusters",
            "Guangdong",
            None,
            False,
            None,
        ),
    ]


def test_currently_is_the_publication_date(catalogue: MetricCatalogue) -> None:
    text = "目前，全省中小企业超过200万家，机器人企业约2000家。"
    assert rows(text, catalogue) == [
        ("200万", 2e6, "enterprises", "over", "2026-01-20", "sme_count", "Guangdong", None, False, None),
        (
            "2000",
            2000.0,
            "enterprises",
            "approx",
            "2026-01-20",
            "robotics_enterprises",
            "Guangdong",
            None,
            False,
            None,
        ),
    ]


def test_entity_partner_and_subset_rules(catalogue: MetricCatalogue) -> None:
    text = (
        "China's exports rose 5.9 percent. Shenzhen-based DJI holds 70% of the global drone market. "
        "Guangdong's exports of toys rose 3%, and exports to Africa rose 12%."
    )
    assert [(r[0], r[5], r[6], r[7]) for r in rows(text, catalogue)] == [
        ("5.9 percent", "exports_growth", "China", None),
        ("70%", "market_share", "DJI", None),
        ("3%", "exports_growth", "Guangdong", None),  # a part: segment "toys"
        ("12%", "exports_growth", "Guangdong", "Africa"),
    ]


def test_share_in_percentage_points_keeps_the_share_metric(catalogue: MetricCatalogue) -> None:
    text = "2024年，高技术制造业增加值占规模以上工业增加值比重为30.5%，比上年提高1.2个百分点。"
    assert [(r[0], r[2], r[5]) for r in rows(text, catalogue)] == [
        ("30.5%", "%", "high_tech_manufacturing_share"),
        ("1.2个百分点", "pp", "high_tech_manufacturing_share"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "GUANGZHOU, Jan. 26 (Xinhua) -- The 138th Canton Fair opened on Tuesday.",
        "Scan the QR code to download the app, your 24/7 window on Guangdong. Comments (12)",
        "Call 020-8888-1234 or visit 168 Tianhe Road, Room 1203.",
        "第十四届人民代表大会第五次会议在广州召开。",
    ],
)
def test_texts_without_figures(text: str, catalogue: MetricCatalogue) -> None:
    assert rows(text, catalogue) == []


def test_half_year_report_in_english(catalogue: MetricCatalogue) -> None:
    text = (
        "Guangdong's total imports and exports stood at 4.49 trillion yuan in the first half of 2025, a "
        "year-on-year increase of 3.8 percent. Exports amounted to 2.9 trillion yuan, up 6.1%, and imports "
        "totaled 1.59 trillion yuan, down 1.5%."
    )
    assert [(r[0], r[1], r[4], r[5]) for r in rows(text, catalogue, published=date(2025, 7, 20))] == [
        ("4.49 trillion yuan", 4.49e12, "2025-H1", "foreign_trade_total"),
        ("3.8 percent", 3.8, "2025-H1", "foreign_trade_growth"),
        ("2.9 trillion yuan", 2.9e12, "2025-H1", "exports"),
        ("6.1%", 6.1, "2025-H1", "exports_growth"),
        ("1.59 trillion yuan", 1.59e12, "2025-H1", "imports"),
        ("1.5%", -1.5, "2025-H1", "imports_growth"),
    ]


def test_city_report_in_chinese_and_trade_between(catalogue: MetricCatalogue) -> None:
    text = (
        "广州上半年实现地区生产总值1.5万亿元，同比增长3.8%。\nTrade between Guangdong and Hong Kong rose 8%."
    )
    assert rows(text, catalogue, published=date(2025, 7, 20)) == [
        ("1.5万亿元", 1.5e12, "CNY", "exact", "2025-H1", "gdp", "Guangzhou", None, False, None),
        ("3.8%", 3.8, "%", "exact", "2025-H1", "gdp_growth", "Guangzhou", None, False, None),
        ("8%", 8.0, "%", "exact", "2025-H1", "partner_trade_growth", "Guangdong", "Hong Kong", False, None),
    ]


def test_no_publication_date_leaves_relative_periods_empty(catalogue: MetricCatalogue) -> None:
    assert [r[4] for r in rows("Exports rose 5% last year.", catalogue, published=None)] == [None]


def test_us_dollars_spelt_with_a_stray_dot_do_not_crash(catalogue: MetricCatalogue) -> None:
    for text in ("Exports reached 5 billion US. dollars in 2025.", "Exports reached 5 billion U.S dollars."):
        (figure,) = extract_observations(text, published=None, catalogue=catalogue)
        assert (figure.value, figure.unit) == (5e9, "USD")
