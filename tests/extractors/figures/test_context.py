"""Context read over the whole article: the period in force, comparison bases, points in time, datelines,
"respectively" lists over places, segments, basis and kind (docs/figure-labels-v2.md)."""

from __future__ import annotations

from datetime import date

import pytest

from gdwatch.config.loader import load_metrics
from gdwatch.config.models import MetricCatalogue
from gdwatch.extractors.figures import extract_observations
from gdwatch.extractors.records import Observation

PUBLISHED = date(2025, 10, 20)


@pytest.fixture(scope="module")
def catalogue() -> MetricCatalogue:
    return load_metrics()


def figures(
    text: str, catalogue: MetricCatalogue, headline: str | None = None, published: date = PUBLISHED
) -> dict[str, Observation]:
    found = extract_observations(text, published=published, catalogue=catalogue, headline=headline)
    return {text[o.start : o.end]: o for o in found}


def test_the_ledes_period_stays_in_force_in_later_paragraphs(catalogue: MetricCatalogue) -> None:
    text = (
        "In the first three quarters, Guangdong's foreign trade reached 6.47 trillion yuan.\n"
        "Exports rose 3.7 percent to 4.2 trillion yuan.\n"
        "Imports grew 2.1 percent."
    )
    found = figures(text, catalogue)
    assert {span: o.period for span, o in found.items()} == {
        "6.47 trillion yuan": "2025-01..2025-09",
        "3.7 percent": "2025-01..2025-09",
        "4.2 trillion yuan": "2025-01..2025-09",
        "2.1 percent": "2025-01..2025-09",
    }


def test_a_headlines_period_is_in_force_for_the_text(catalogue: MetricCatalogue) -> None:
    found = figures("广东外贸进出口6.47万亿元。\n出口增长3.7%。", catalogue, headline="前三季度广东外贸增长")
    assert [o.period for o in found.values()] == ["2025-01..2025-09", "2025-01..2025-09"]


def test_a_new_period_replaces_the_one_in_force(catalogue: MetricCatalogue) -> None:
    text = (
        "In the first half, exports rose 5 percent.\nIn September, exports grew 2 percent.\n"
        "Imports fell 1 percent."
    )
    assert [o.period for o in figures(text, catalogue).values()] == ["2025-H1", "2025-09", "2025-09"]


@pytest.mark.parametrize(
    "text",
    [
        "In 2025, exports rose 6.3 percent compared with the same period last year.\nImports grew 2 percent.",
        "2025年，出口比2024年增长6.3%。\n进口增长2%。",
        "In 2025, exports rose 6.3 percent from the previous edition in 2024.\nImports grew 2 percent.",
    ],
)
def test_a_comparison_base_is_never_the_period(catalogue: MetricCatalogue, text: str) -> None:
    assert [o.period for o in figures(text, catalogue, published=date(2026, 1, 20)).values()] == [
        "2025",
        "2025",
    ]


def test_a_passing_last_year_does_not_change_the_period_in_force(catalogue: MetricCatalogue) -> None:
    text = "In the first half, exports rose 6 percent, after 5.9 percent last year.\nImports grew 2 percent."
    assert [o.period for o in figures(text, catalogue).values()] == ["2025-H1", "2024", "2025-H1"]


def test_month_and_year_is_a_month(catalogue: MetricCatalogue) -> None:
    assert [o.period for o in figures("In May 2025, exports rose 4 percent.", catalogue).values()] == [
        "2025-05"
    ]


def test_the_first_six_months_are_the_first_half(catalogue: MetricCatalogue) -> None:
    found = figures("In the first six months, exports rose 4 percent. 1-6月，进口增长2%。", catalogue)
    assert [o.period for o in found.values()] == ["2025-H1", "2025-H1"]


def test_a_point_in_time_is_for_counts_and_flows_keep_their_span(catalogue: MetricCatalogue) -> None:
    text = "前三季度，全省进出口6.47万亿元。\n截至9月底，全省有进出口实绩的外贸企业10.2万家。\n出口增长3.7%。"
    found = figures(text, catalogue)
    assert {span: o.period for span, o in found.items()} == {
        "6.47万亿元": "2025-01..2025-09",
        "10.2万": "2025-09-30",
        "3.7%": "2025-01..2025-09",
    }


@pytest.mark.parametrize(
    "text",
    [
        "本报广州讯 全省进出口6.47万亿元。",
        "新华社广州10月20日电 全省进出口6.47万亿元。",
        "GUANGZHOU, Oct. 20 (Xinhua) -- Guangdong's foreign trade reached 6.47 trillion yuan.",
        "South China's Guangdong Province saw its foreign trade reach 6.47 trillion yuan.",
    ],
)
def test_a_dateline_city_or_south_china_is_never_the_subject(catalogue: MetricCatalogue, text: str) -> None:
    assert [o.entity for o in figures(text, catalogue).values()] == ["Guangdong"]


def test_respectively_distributes_places(catalogue: MetricCatalogue) -> None:
    found = figures("Guangzhou and Foshan grew 4.1% and 1.9%, respectively.", catalogue)
    assert [(o.entity, o.kind, o.basis) for o in found.values()] == [
        ("Guangzhou", "change", "yoy"),
        ("Foshan", "change", "yoy"),
    ]


@pytest.mark.parametrize(
    ("text", "metrics"),
    [
        (
            "Exports to the United States, the European Union and ASEAN amounted to 6.83 billion yuan, "
            "4.27 billion yuan and 3.15 billion yuan, respectively.",
            ["exports", "exports", "exports"],
        ),
        (
            "Exports of wind power equipment surged 41.5 percent to 3.26 billion yuan, with Europe and "
            "Southeast Asia taking 1.47 billion yuan and 0.92 billion yuan, respectively.",
            ["exports_growth", "exports", "exports", "exports"],
        ),
        # rates after an amount are its shares, not the measure's growth
        (
            "Export value reached 9.7 billion yuan, with ASEAN and the Middle East taking 46 percent and "
            "19 percent, respectively.",
            ["exports", None, None],
        ),
    ],
)
def test_list_items_that_name_no_phrase_share_the_one_before_the_list(
    catalogue: MetricCatalogue, text: str, metrics: list[str | None]
) -> None:
    assert [o.metric for o in figures(text, catalogue).values()] == metrics


def test_a_chinese_partner_list_joined_by_he_is_the_partners_not_a_part(catalogue: MetricCatalogue) -> None:
    text = "对美国、欧盟和澳大利亚分别出口3.12亿元、2.05亿元和0.86亿元。"
    assert [(o.metric, o.partner) for o in figures(text, catalogue).values()] == [
        ("exports", "US"),
        ("exports", "EU"),
        ("exports", "Australia"),
    ]


def test_chinese_services_trade_is_the_services_part_of_trade(catalogue: MetricCatalogue) -> None:
    text = "上半年广东服务进出口总额4618亿元。\n其中，服务出口2153亿元；服務進口2465億元。"
    assert [(o.metric, o.segment) for o in figures(text, catalogue).values()] == [
        ("foreign_trade_total", "services"),
        ("exports", "services"),
        ("imports", "services"),
    ]


def test_an_industry_reporting_its_revenue_with_a_verb_between_is_industry_revenue(
    catalogue: MetricCatalogue,
) -> None:
    text = "今年前三季度，东莞长安镇模具产业实现营业收入312.4亿元。\n规上工业企业实现出口交货值1.62万亿元。"
    assert [o.metric for o in figures(text, catalogue).values()] == ["industry_revenue", None]


def test_a_part_keeps_its_metric_under_a_segment(catalogue: MetricCatalogue) -> None:
    text = (
        "民营企业进出口4.1万亿元，增长5%。\n"
        "Exports of electromechanical products rose 5 percent.\n"
        "Foreign trade as a whole grew 3 percent."
    )
    found = figures(text, catalogue)
    assert {span: (o.metric, o.segment) for span, o in found.items()} == {
        "4.1万亿元": ("foreign_trade_total", "private enterprises"),
        "5%": ("foreign_trade_growth", "private enterprises"),
        "5 percent": ("exports_growth", "electromechanical products"),
        "3 percent": ("foreign_trade_growth", None),
    }


def test_a_later_clause_about_the_whole_has_no_segment(catalogue: MetricCatalogue) -> None:
    text = "Private enterprises' exports rose 8 percent, while foreign trade grew 3 percent."
    assert [o.segment for o in figures(text, catalogue).values()] == ["private enterprises", None]


@pytest.mark.parametrize(
    ("text", "kind", "basis"),
    [
        ("In September, exports grew 2.1 percent month on month.", "change", "mom"),
        ("9月份，出口环比增长2.1%。", "change", "mom"),
        ("三季度，出口环比增长2.1%。", "change", "qoq"),
        ("十四五期间，出口年均增长6.1%。", "change", "avg_annual"),
        ("前三季度，全省完成年度计划76.5%。", "share", "share_of_plan"),
        ("Exports accounted for 65 percent of the total.", "share", None),
        ("今年以来，全省新增外贸企业1200家。", "increment", None),
        ("The province added 1,200 foreign trade firms this year.", "increment", None),
        ("Exports were down 200 billion yuan from a year earlier.", "change", "yoy"),
        ("Exports reached 4.2 trillion yuan.", "level", None),
    ],
)
def test_kind_and_basis(catalogue: MetricCatalogue, text: str, kind: str, basis: str | None) -> None:
    [figure] = figures(text, catalogue).values()
    assert (figure.kind, figure.basis) == (kind, basis)


def test_count_units_are_the_metrics_whatever_the_word(catalogue: MetricCatalogue) -> None:
    text = "全省有进出口实绩的外贸企业10.2万家。\nThe province has 102,000 foreign trade enterprises."
    found = figures(text, catalogue)
    assert [(o.metric, o.unit) for o in found.values()] == [("import_export_enterprises", "enterprises")] * 2


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("今年首4個月，廣東進出口人民幣2.86萬億元。", "2025-01..2025-04"),
        ("廣東省前三季新能源汽車出口186億美元。", "2025-01..2025-09"),
        ("首季全省地區生產總值3.52萬億元。", "2025-Q1"),
    ],
)
def test_hong_kong_and_taiwan_periods(catalogue: MetricCatalogue, text: str, period: str) -> None:
    [figure] = figures(text, catalogue).values()
    assert figure.period == period


def test_a_part_of_the_span_in_force_is_for_its_sentence_only(catalogue: MetricCatalogue) -> None:
    text = (
        "In the first three quarters, GDP grew 4.1 percent.\n"
        "In the third quarter, GDP grew 1.2 percent quarter on quarter.\n"
        "Retail sales rose 2.4 percent."
    )
    found = figures(text, catalogue)
    assert [o.period for o in found.values()] == ["2025-01..2025-09", "2025-Q3", "2025-01..2025-09"]


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        (
            "Huawei spent 179.7 billion yuan on research in 2025. Its revenue edged up 2.2 percent.\n"
            "The company employs roughly 114,000 research staff.",
            "Huawei",
        ),
        (
            "Pearl Bay Appliances said its revenue rose 9.7% last year.\n"
            "Overseas revenue was 2.1 times the 2024 level.",
            "Pearl Bay Appliances",
        ),
        (
            "The Canton Fair drew 310,000 overseas buyers.\nExport deals totaled US$25.65 billion.",
            "Canton Fair",
        ),
        ("佛山市顺德区今年已出让工业用地41宗。\n全区吸引投资超过320亿元。", "Shunde"),
    ],
)
def test_the_ledes_subject_owns_the_figures_of_sentences_naming_nobody(
    catalogue: MetricCatalogue, text: str, entity: str
) -> None:
    assert {o.entity for o in figures(text, catalogue).values()} == {entity}


@pytest.mark.parametrize(
    ("text", "published", "period"),
    [
        ("The fair, held from April 15 to May 5, drew 298,600 buyers.", date(2026, 5, 6), "2026-04..2026-05"),
        ("2025年，工业机器人出口额是2024年的2.4倍。", date(2026, 1, 17), "2025"),
        ("2025年，先进制造业增加值较“十三五”末增长31.5%。", date(2026, 2, 28), "2025"),
        ("2025年，eVTOL订单量超过2000架。", date(2026, 2, 12), "2025"),
        ("前三季度出口增长3%。\n全年出口有望增长5%。", date(2025, 10, 20), "2025"),
    ],
)
def test_bases_event_spans_and_the_full_year(
    catalogue: MetricCatalogue, text: str, published: date, period: str
) -> None:
    assert list(figures(text, catalogue, published=published).values())[-1].period == period


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Guangzhou and Shenzhen grew 4.1 percent and 1.9 percent, respectively.", "change"),
        ("The surveyed urban unemployment rate stood at 5.5 percent.", "share"),
        ("The province plans to cultivate another 500 such firms by 2027.", "increment"),
        ("BYD delivered 4.6 million new energy vehicles.", "level"),
        ("Exports rose by a third.", "change"),
    ],
)
def test_kind_of_rates_respectively_lists_and_additions(
    catalogue: MetricCatalogue, text: str, kind: str
) -> None:
    assert list(figures(text, catalogue).values())[-1].kind == kind


def test_a_rate_naming_no_measure_keeps_the_growth_metric_before_it(catalogue: MetricCatalogue) -> None:
    text = "上半年全省地区生产总值6.87万亿元，同比增长4.2%。\n分季度看，一季度增长4.1%，二季度增长4.2%。"
    found = extract_observations(text, published=date(2025, 7, 28), catalogue=catalogue)
    assert [o.metric for o in found] == ["gdp", "gdp_growth", "gdp_growth", "gdp_growth"]
    assert [o.period for o in found][2:] == ["2025-Q1", "2025-Q2"]


def test_a_headlines_subject_and_an_apposed_company_are_the_topic(catalogue: MetricCatalogue) -> None:
    city = extract_observations(
        "The foreign trade of the city reached 1.41 trillion yuan.\nExports grew 7.4 percent.",
        published=date(2025, 5, 21),
        catalogue=catalogue,
        headline="Shenzhen's foreign trade hits record in first four months",
    )
    assert {o.entity for o in city} == {"Shenzhen"}
    company = extract_observations(
        "HONG KONG, Aug 28 (Reuters) - Kestrel Robotics Technology, a consumer robot maker based in Foshan, "
        "said its revenue rose 23.4% to 18.4 billion yuan.\nOverseas markets contributed 64% of sales.",
        published=date(2025, 8, 28),
        catalogue=catalogue,
    )
    assert {o.entity for o in company} == {"Kestrel Robotics"}


def test_a_sector_of_the_economy_grows_by_its_share_of_gdp(catalogue: MetricCatalogue) -> None:
    text = (
        "The value added of the primary, secondary and tertiary sectors grew 3.7 percent, 3.5 percent "
        "and 4.5 percent, respectively."
    )
    found = extract_observations(text, published=date(2026, 1, 20), catalogue=catalogue)
    assert [(o.metric, o.segment) for o in found] == [
        ("gdp_growth", "primary sector"),
        ("gdp_growth", "secondary sector"),
        ("gdp_growth", "services"),
    ]


def test_a_period_written_as_an_adjective_is_the_figures_period(catalogue: MetricCatalogue) -> None:
    text = (
        "Lingnan Appliances said its third-quarter revenue rose 8.1% to RMB12.4bn.\n"
        "First-half net income climbed 15% to 2.1 billion yuan."
    )
    found = figures(text, catalogue)
    assert found["8.1%"].period == "2025-Q3"
    assert found["15%"].period == "2025-H1"


def test_a_bare_month_takes_the_year_of_publication(catalogue: MetricCatalogue) -> None:
    # "May" alone is also a verb: it is a month after "in", "of", "for", "during" or "since"
    text = "Exports from Guangdong grew 6.1% in May from a year earlier.\nImports may rise 2% next year."
    found = figures(text, catalogue)
    assert found["6.1%"].period == "2025-05"
    assert found["2%"].period == "2026"


def test_days_within_one_month_are_that_month(catalogue: MetricCatalogue) -> None:
    text = "Sales at the malls reached 12.6 billion yuan during the holiday from Oct 1 to 8."
    assert figures(text, catalogue)["12.6 billion yuan"].period == "2025-10"


def test_the_same_quarter_of_an_earlier_year_is_a_base_and_not_put_in_force(
    catalogue: MetricCatalogue,
) -> None:
    text = (
        "Guangdong's exports of batteries rose 21% in the second quarter.\n"
        "That was 1.8 times the level of the same quarter of 2023.\n"
        "Exports of solar cells grew 9%."
    )
    found = figures(text, catalogue)
    assert [found[span].period for span in ("21%", "1.8 times", "9%")] == ["2025-Q2"] * 3


def test_an_earlier_year_named_in_passing_leaves_the_period_in_force(catalogue: MetricCatalogue) -> None:
    text = (
        "In 2024, Guangdong's industrial output rose 4.4 percent.\n"
        "Value added of high-tech firms climbed 6.2 percent, after growing 5.3 percent in 2023.\n"
        "Retail sales grew 2.9 percent."
    )
    found = figures(text, catalogue)
    assert found["5.3 percent"].period == "2023"
    assert found["2.9 percent"].period == "2024"


def test_a_targets_year_is_not_the_year_of_a_later_quarter(catalogue: MetricCatalogue) -> None:
    text = (
        "Guangdong aims to raise its exports of branded goods to 7 trillion yuan by 2030.\n"
        "In the second quarter, such exports reached 1.2 trillion yuan."
    )
    assert figures(text, catalogue)["1.2 trillion yuan"].period == "2025-Q2"


def test_a_plan_span_does_not_hold_against_a_year_inside_it(catalogue: MetricCatalogue) -> None:
    text = "In 2024, GDP grew 3.5 percent.\nHousehold income rose 4.2 percent."
    found = figures(text, catalogue, headline="Guangdong nears the end of the 14th Five-Year Plan")
    assert found["3.5 percent"].period == "2024"
    assert found["4.2 percent"].period == "2024"


def test_a_number_with_a_decimal_is_not_a_year(catalogue: MetricCatalogue) -> None:
    found = figures("前三季度，深圳港完成集装箱吞吐量2015.3万标箱，同比增长6.2%。", catalogue)
    assert found["2015.3万"].period == "2025-01..2025-09"
    assert found["6.2%"].period == "2025-01..2025-09"


def test_completing_a_share_of_the_years_target_is_not_a_projection(catalogue: MetricCatalogue) -> None:
    text = "前三季度，全省重点项目完成投资8200亿元，完成全年目标任务的78.4%。"
    found = figures(text, catalogue)
    share = found["78.4%"]
    assert (share.kind, share.basis, share.projection) == ("share", "share_of_plan", False)
    assert share.period == "2025-01..2025-09"


@pytest.mark.parametrize(
    ("text", "period"),
    [
        # the months from the plan year's start to when the share was measured
        ("By the end of August, the output value had completed 68.2 percent of this year's target.",
         "2026-01..2026-08"),
        ("The town had completed 68 percent of that goal by the end of August.", "2026-01..2026-08"),
        ("1-9月，全镇完成年度计划的77.6%。", "2026-01..2026-09"),
        # a sentence naming only the plan's year takes the span in force
        ("Output value hit 3.4 billion yuan in January-September.\nThat met 78.5 percent of this year's "
         "plan.", "2026-01..2026-09"),
        ("Nanzhuang's output rose 5.2 percent in the first nine months.\nThe town has completed 74.6 percent "
         "of its output target for the year.", "2026-01..2026-09"),
    ],
)  # fmt: skip
def test_a_share_of_a_plan_covers_the_months_since_the_plan_year_began(
    catalogue: MetricCatalogue, text: str, period: str
) -> None:
    share = list(figures(text, catalogue, published=date(2026, 10, 15)).values())[-1]
    assert (share.kind, share.basis, share.period) == ("share", "share_of_plan", period)


def test_the_full_year_figure_is_the_years_own_and_a_matching_quarter_a_year_earlier(
    catalogue: MetricCatalogue,
) -> None:
    text = (
        "Guangdong-Gabon trade reached 7.84 billion yuan in the first ten months.\n"
        "Customs officials expect the full-year figure to top 9.5 billion yuan."
    )
    assert figures(text, catalogue, published=date(2026, 11, 18))["9.5 billion yuan"].period == "2026"
    text = (
        "Third-quarter revenue of the firm rose 18% to 2.1 billion yuan.\n"
        "Gross margin improved to 44.1% from 41.6% in the matching quarter of 2025."
    )
    found = figures(text, catalogue, published=date(2026, 10, 29))
    assert (found["44.1%"].period, found["41.6%"].period) == ("2026-Q3", "2025-Q3")


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Exports from China's Guangdong province rose 5%.", "Guangdong"),
        ("Exports from China's southern city of Shenzhen rose 5%.", "Shenzhen"),
        ("China's exports rose 5%.", "China"),
    ],
)
def test_a_country_before_its_own_province_or_city_only_says_where_it_is(
    catalogue: MetricCatalogue, text: str, entity: str
) -> None:
    assert [o.entity for o in figures(text, catalogue).values()] == [entity]


def test_a_verb_or_an_adverb_before_a_trade_phrase_names_no_goods(catalogue: MetricCatalogue) -> None:
    text = (
        "Guangdong's shipments to Gabon came to 5.21 billion yuan, while purchases from the Central African "
        "country totalled 2.63 billion yuan, up 7.4 percent.\nOctober alone brought bilateral trade of 836 "
        "million yuan."
    )
    found = figures(text, catalogue, published=date(2026, 11, 18))
    assert (found["2.63 billion yuan"].metric, found["2.63 billion yuan"].segment) == ("imports", None)
    assert found["7.4 percent"].metric == "imports_growth"
    assert (found["836 million yuan"].metric, found["836 million yuan"].segment) == ("partner_trade", None)


def test_a_partners_trade_with_south_chinas_guangdong_is_that_partners(catalogue: MetricCatalogue) -> None:
    text = (
        "LIBREVILLE/GUANGZHOU, Nov. 17 (Xinhua) -- Goods traded between south China's Guangdong and Gabon "
        "were worth 7.84 billion yuan (about 1.1 billion U.S. dollars) in January-October, a gain of 12.6 "
        "percent on a year earlier.\nSome 214 Guangdong firms recorded trade with Gabon."
    )
    found = figures(text, catalogue, published=date(2026, 11, 18))
    assert [(o.metric, o.partner) for o in found.values()] == [
        ("partner_trade", "Gabon"),
        ("partner_trade", "Gabon"),
        ("partner_trade_growth", "Gabon"),
        ("import_export_enterprises", "Gabon"),
    ]
    text = "Zimbabwe's trade with south China's Guangdong grew 18.9 percent, reaching 5.47 billion yuan."
    found = figures(text, catalogue, published=date(2026, 10, 22))
    assert [(o.metric, o.partner) for o in found.values()] == [
        ("partner_trade_growth", "Zimbabwe"),
        ("partner_trade", "Zimbabwe"),
    ]


def test_the_same_months_of_an_earlier_year_are_the_base_not_the_period(catalogue: MetricCatalogue) -> None:
    text = (
        "Tile producers in Nanzhuang posted January-September output worth 41.3 billion yuan, 5.2 percent "
        "more than in those months of 2025."
    )
    found = figures(text, catalogue, published=date(2026, 10, 15))
    assert {o.period for o in found.values()} == {"2026-01..2026-09"}


def _metric_and_basis(found: dict[str, Observation]) -> dict[str, tuple[str | None, str | None]]:
    return {span: (o.metric, o.basis) for span, o in found.items()}


def test_a_rate_after_a_level_measures_that_levels_growth(catalogue: MetricCatalogue) -> None:
    text = (
        "Retail sales of consumer goods reached 432.6 billion yuan in September.\n"
        "That was up 2.8 percent from a year earlier and 1.1 percent from August."
    )
    assert _metric_and_basis(figures(text, catalogue)) == {
        "432.6 billion yuan": ("retail_sales", None),
        "2.8 percent": ("retail_sales_growth", "yoy"),  # the verb is written once, for both rates
        "1.1 percent": ("retail_sales_growth", "mom"),  # a month's rate against the month before
    }


def test_a_rate_of_a_level_in_its_own_sentence(catalogue: MetricCatalogue) -> None:
    found = figures("其中，6月份进出口8100亿元，同比增长5.2%，环比增长9.6%。", catalogue)
    assert _metric_and_basis(found) == {
        "8100亿元": ("foreign_trade_total", None),  # 6月份 before 进出口 is a time, not a part
        "5.2%": ("foreign_trade_growth", "yoy"),
        "9.6%": ("foreign_trade_growth", "mom"),
    }
    # the rate of a count the catalogue has no metric for takes no metric from an earlier sentence
    found = figures("全省出口增长5%。\n海铁联运箱量28.6万标箱，增长16.5%。", catalogue)
    assert found["16.5%"].metric is None


def test_a_phrase_named_once_measures_a_list_of_places(catalogue: MetricCatalogue) -> None:
    found = figures("Exports from Shenzhen and Dongguan grew 4.1% and 1.9%, respectively.", catalogue)
    assert [(o.metric, o.entity) for o in found.values()] == [
        ("exports_growth", "Shenzhen"),
        ("exports_growth", "Dongguan"),
    ]
    found = figures("Exports and online sales rose 5% and 3%, respectively.", catalogue)
    assert [o.metric for o in found.values()] == ["exports_growth", None]  # online sales: no metric


def test_a_multiple_of_a_value_takes_the_values_metric(catalogue: MetricCatalogue) -> None:
    found = figures("Exports of industrial robots were 2.4 times the level of a year earlier.", catalogue)
    assert [(o.metric, o.kind, o.segment) for o in found.values()] == [
        ("exports", "multiple", "industrial robots")
    ]
    # a multiple of a volume is not a multiple of the export value
    assert figures("廣東電動載人汽車出口量為2024年的1.8倍。", catalogue)["1.8倍"].metric is None


def test_a_companys_revenue_is_not_an_industrys(catalogue: MetricCatalogue) -> None:
    company = figures("前10月营收343.2亿元，增长15.3%。", catalogue, headline="家电企业粤澄电器营收增长")
    assert (company["343.2亿元"].entity, company["343.2亿元"].metric) == ("Yuecheng Appliances", None)
    industry = figures("The city's low-altitude economy generated revenue of 96 billion yuan.", catalogue)
    assert industry["96 billion yuan"].metric == "industry_revenue"


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("出口达到RMB1900。", "RMB1900"),
        ("出口达到1900元。", "1900元"),
        ("Exports reached US$2000.", "US$2000"),
    ],
)
def test_four_digits_after_or_before_a_currency_are_an_amount_not_a_year(
    catalogue: MetricCatalogue, text: str, span: str
) -> None:
    found = figures(text, catalogue)
    assert list(found) == [span]
    assert found[span].period is None


def test_rates_listed_after_their_levels_pair_with_them_in_order(catalogue: MetricCatalogue) -> None:
    for text in (
        "其中，出口6318.2亿元，进口2202.4亿元，分别增长14.9%和5.8%。",
        "Exports reached 4.2 trillion yuan and imports 2.3 trillion yuan, up 14.9 percent and 5.8 percent, "
        "respectively.",
    ):
        assert [o.metric for o in figures(text, catalogue).values()] == [
            "exports",
            "imports",
            "exports_growth",
            "imports_growth",
        ]


def test_the_sector_refers_back_to_the_part_the_article_is_about(catalogue: MetricCatalogue) -> None:
    text = (
        "Exports of new energy vehicles reached 132 billion yuan.\n"
        "Exports and imports of the sector grew 22.4 percent and 3.1 percent, respectively."
    )
    assert {o.segment for o in figures(text, catalogue).values()} == {"new energy vehicles"}


def test_a_value_compared_against_has_the_bases_period(catalogue: MetricCatalogue) -> None:
    found = figures(
        "The company shipped 14.2 million air conditioners in 2025, compared with 12.6 million in 2024.",
        catalogue,
    )
    assert [o.period for o in found.values()] == ["2025", "2024"]
    found = figures("三次产业结构由2024年的4.1:38.9:57.0调整为4.0:38.6:57.4。", catalogue)
    assert [o.period for o in found.values()][:3] == ["2024", "2024", "2024"]
    assert figures("海外出貨佔比升至35%，較2024年的22%上升13個百分點。", catalogue)["22%"].period == "2024"


def test_the_first_quarters_written_with_a_digit(catalogue: MetricCatalogue) -> None:
    found = figures("今年前3季廣東GDP為人民幣10.87兆元，年增4.5%。", catalogue)
    assert {o.period for o in found.values()} == {"2025-01..2025-09"}


def test_a_year_that_only_dates_a_narrower_period_does_not_stay_in_force(catalogue: MetricCatalogue) -> None:
    text = (
        "Foreign trade got off to a strong start this year, with imports and exports in the first quarter "
        "rising 5.1 percent to 2.24 trillion yuan.\nExports grew 7.8 percent."
    )
    assert {o.period for o in figures(text, catalogue, published=date(2025, 4, 17)).values()} == {"2025-Q1"}


def test_a_total_reached_in_a_finished_year_is_a_stock_at_its_end(catalogue: MetricCatalogue) -> None:
    text = "2025年全省新增专精特新中小企业5800家，总数增至3.52万家。"
    found = figures(text, catalogue, published=date(2026, 1, 9))
    assert [o.period for o in found.values()] == ["2025", "2025-12-31"]
    # a flow that "reached" a level is not a stock
    found = figures("2025年储能电池出货量达到28.6吉瓦时。", catalogue, published=date(2026, 3, 9))
    assert [o.period for o in found.values()] == ["2025"]


def test_a_chinese_clause_continues_the_nearest_subject_before_it(catalogue: MetricCatalogue) -> None:
    text = (
        "记者从海关总署广东分署获悉，今年前7个月，惠州市外贸进出口1862.4亿元，同比增长9.8%，增速居全省第一。"
    )
    assert {o.entity for o in figures(text, catalogue).values()} == {"Huizhou"}


def test_a_city_before_electronics_is_not_a_dateline(catalogue: MetricCatalogue) -> None:
    found = figures("今年上半年，惠州电子信息产业集群实现营业收入2716.3亿元。", catalogue)
    assert [o.entity for o in found.values()] == ["Huizhou"]


def test_the_company_a_headline_names_is_the_company_the_text_refers_to(catalogue: MetricCatalogue) -> None:
    found = figures(
        "总部位于中山的小家电企业粤澄电器披露年报。\n年报显示，公司全年实现营业收入186.4亿元，同比增长11.6%。",
        catalogue,
        headline="粤澄电器2024年营收增长11.6%",
    )
    assert {o.entity for o in found.values()} == {"Yuecheng Appliances"}


def test_months_ended_a_month_are_the_span_up_to_it(catalogue: MetricCatalogue) -> None:
    found = figures(
        "Net income rose 22% in the six months ended June.\n"
        "Revenue grew 9% in the nine months to September 30.",
        catalogue,
    )
    assert (found["22%"].period, found["9%"].period) == ("2025-H1", "2025-01..2025-09")


def test_a_lede_without_figures_that_opens_with_a_company_makes_it_the_topic(
    catalogue: MetricCatalogue,
) -> None:
    text = (
        "(Bloomberg) -- Harbourline Power Technology Co., a Huizhou-based maker of batteries, reported "
        "first-half earnings that beat estimates.\n"
        "Net income rose 22% to 1.38 billion yuan in the six months ended June, the company said."
    )
    found = figures(text, catalogue, headline="Harbourline Profit Climbs as Orders Surge")
    assert {o.entity for o in found.values()} == {"Harbourline Power"}


def test_a_month_before_a_reporting_clause_is_no_company(catalogue: MetricCatalogue) -> None:
    found = figures("Exports rose 4% in the half ended June, the company said.", catalogue)
    assert found["4%"].entity == "Guangdong"


def test_a_companys_profit_is_not_its_revenue(catalogue: MetricCatalogue) -> None:
    text = (
        "Harbourline Power Technology Co., a battery maker, said net profit rose 22% to 1.38 billion yuan, "
        "while revenue increased 15.8% to 16.4 billion yuan.\n"
        "Overseas revenue made up 47% of revenue, compared with 39% a year earlier.\n"
        "Its gross margin widened to 27.3%."
    )
    found = figures(text, catalogue)
    assert {span: o.segment for span, o in found.items()} == {
        "22%": "net profit",
        "1.38 billion yuan": "net profit",
        "15.8%": None,
        "16.4 billion yuan": None,
        "47%": "overseas business",
        "39%": "overseas business",
        "27.3%": "gross margin",
    }


def test_a_parts_revenue_is_the_parts(catalogue: MetricCatalogue) -> None:
    found = figures("其中，消费级无人机营收约410亿元，海外业务收入占总营收的40.7%。", catalogue)
    assert (found["410亿元"].segment, found["40.7%"].segment) == ("consumer drones", "overseas business")


def test_a_measure_written_once_over_a_list_of_parts_measures_each_part(catalogue: MetricCatalogue) -> None:
    english = figures(
        "Shenzhen's exports of integrated circuits, drones and lithium batteries increased 26.3 percent, "
        "17.5 percent and 9.8 percent, respectively.",
        catalogue,
    )
    chinese = figures("其中，家电、玩具、箱包产品出口分别增长7.2%、3.1%和12.8%。", catalogue)
    assert [(o.metric, o.segment) for o in english.values()] == [
        ("exports_growth", "integrated circuits"),
        ("exports_growth", "drones"),
        ("exports_growth", "lithium batteries"),
    ]
    # a part with no catalogued name keeps its own, as written, never its neighbour's
    assert [(o.metric, o.segment) for o in chinese.values()] == [
        ("exports_growth", "home appliances"),
        ("exports_growth", "toys"),
        ("exports_growth", "箱包产品"),
    ]
    traditional = figures("其中，家電、玩具、箱包產品出口分別增長7.2%、3.1%和12.8%。", catalogue)
    assert [o.segment for o in traditional.values()] == [o.segment for o in chinese.values()]


def test_a_conjunction_inside_a_list_item_does_not_shift_the_list(catalogue: MetricCatalogue) -> None:
    found = figures("从产品看，手机、电脑及零部件、家具分别出口312.4亿元、188.9亿元和71.5亿元。", catalogue)
    assert [(o.metric, o.segment) for o in found.values()] == [
        ("exports", "mobile phones"),
        ("exports", "电脑及零部件"),
        ("exports", "furniture"),
    ]


def test_a_target_verb_or_a_bound_word_keeps_the_growth_phrase_whole(catalogue: MetricCatalogue) -> None:
    found = figures(
        "The province will pursue GDP growth of around 5 percent.\n"
        "Guangdong aims for economic growth of around 4.5 percent this year.",
        catalogue,
    )
    assert [o.metric for o in found.values()] == ["gdp_growth", "gdp_growth"]


def test_a_rate_compared_with_a_growth_rate_is_that_growth(catalogue: MetricCatalogue) -> None:
    found = figures(
        "In the third quarter, GDP expanded 4.4 percent, quickening from 3.9 percent in the second quarter.\n"
        "Hengqin's GDP grew 6.3 percent in the period, outpacing Zhuhai's 3.8 percent.",
        catalogue,
    )
    assert {span: (o.metric, o.kind) for span, o in found.items()} == {
        "4.4 percent": ("gdp_growth", "change"),
        "3.9 percent": ("gdp_growth", "change"),
        "6.3 percent": ("gdp_growth", "change"),
        "3.8 percent": ("gdp_growth", "change"),
    }
    assert found["3.8 percent"].entity == "Zhuhai"
    # a share after a growth rate is no comparison with it
    share = figures("服务机器人产量增长21.4%，占全国的比重超过一半。", catalogue)
    assert share["一半"].kind == "share"


def test_taiwans_quarter_and_month_verbs_set_the_basis(catalogue: MetricCatalogue) -> None:
    found = figures("第3季GDP年增4.8%，季增1.1%。\n外銷訂單月減3.7%。\n1-5月增長2.1%。", catalogue)
    assert [o.basis for o in found.values()] == ["yoy", "qoq", "mom", "yoy"]


def test_a_holiday_dated_within_one_month_is_that_month(catalogue: MetricCatalogue) -> None:
    found = figures(
        "“五一”假期（5月1日至5日），全市重点监测的商贸企业实现销售额86.7亿元，同比增长8.9%。", catalogue
    )
    assert [o.period for o in found.values()] == ["2025-05", "2025-05"]


def test_a_count_at_the_years_end_is_a_stock_on_its_last_day(catalogue: MetricCatalogue) -> None:
    found = figures(
        "By year's end, the province wants to have 18,000 high-tech enterprises.\n"
        "到今年年底，全省高新技术企业力争达到8万家。",
        catalogue,
    )
    assert [o.period for o in found.values()] == ["2025-12-31", "2025-12-31"]


def test_has_now_dates_its_own_sentence_only(catalogue: MetricCatalogue) -> None:
    found = figures("第三季度，澄海现有玩具生产企业4000余家。\n澄海新增玩具跨境电商企业300多家。", catalogue)
    assert [o.period for o in found.values()] == ["2025-10-20", "2025-Q3"]


def test_a_company_described_by_what_it_makes_owns_its_figures(catalogue: MetricCatalogue) -> None:
    text = (
        "Tidewater Drones, which builds crop-spraying drones in Shenzhen, said its revenue reached 18.6 "
        "billion yuan last year.\n"
        "Net profit rose 31.2 percent, the company said in a filing."
    )
    assert {o.entity for o in figures(text, catalogue).values()} == {"Tidewater Drones"}


def test_the_fair_a_headline_names_owns_this_sessions_figures(catalogue: MetricCatalogue) -> None:
    found = figures(
        "【文匯報訊】記者廣州報道：第139屆廣交會於4月15日至5月5日在廣州舉行，昨日閉幕。\n"
        "本屆展會境外採購商到會逾32萬人，按年增長6.1%。",
        catalogue,
        headline="第139屆廣交會閉幕",
    )
    assert {o.entity for o in found.values()} == {"Canton Fair"}


def test_cross_border_e_commerce_exports_are_exports_of_that_channel(catalogue: MetricCatalogue) -> None:
    found = figures(
        "Cross-border e-commerce exports reached 231.5 billion yuan, up 16.2 percent.\n"
        "跨境电商进出口8520.6亿元。\n跨境电商出口680亿元。",
        catalogue,
    )
    assert {span: (o.metric, o.segment) for span, o in found.items()} == {
        "231.5 billion yuan": ("exports", "cross-border e-commerce"),
        "16.2 percent": ("exports_growth", "cross-border e-commerce"),
        "8520.6亿元": ("cross_border_ecommerce", None),
        "680亿元": ("exports", "cross-border e-commerce"),
    }


def test_what_a_firm_makes_is_not_a_part_of_its_revenue(catalogue: MetricCatalogue) -> None:
    found = figures(
        "Pearl Bay Appliances, a home appliance maker based in Foshan, said its revenue rose 9.7% to "
        "61.8 billion yuan last year.\n"
        "Appliance exports to Africa jumped 17.9 percent.",
        catalogue,
    )
    assert {span: o.segment for span, o in found.items()} == {
        "9.7%": None,
        "61.8 billion yuan": None,
        "17.9 percent": "home appliances",
    }


def test_the_measure_repeated_after_a_part_stays_the_parts(catalogue: MetricCatalogue) -> None:
    found = figures(
        "今年1—8月，广东出口新能源汽车43.2万辆，同比增长56.8%，出口额716.5亿元，增长44.3%。", catalogue
    )
    assert {o.segment for o in found.values()} == {"new energy vehicles"}


def test_hong_kong_and_singular_names_of_parts(catalogue: MetricCatalogue) -> None:
    found = figures(
        "Toy exports rose 4.2 percent.\n"
        "深圳掃地機械人製造商嶺秀智能收入按年增長29.4%。\n"
        "廣東工業機械人產量增長32.4%。",
        catalogue,
    )
    assert {span: (o.metric, o.segment) for span, o in found.items()} == {
        "4.2 percent": ("exports_growth", "toys"),
        "29.4%": (None, None),
        "32.4%": ("industrial_robot_output_growth", None),
    }


def test_a_share_of_a_partners_trade_keeps_the_partner(catalogue: MetricCatalogue) -> None:
    found = figures(
        "对“一带一路”沿线国家进出口8420.9亿元，增长10.3%，占比提升至46%。\n"
        "Trade with Belt and Road countries made up 53.4 percent of the total.\n"
        "Private firms made up 57.7 percent of the total.",
        catalogue,
    )
    assert {span: o.partner for span, o in found.items()} == {
        "8420.9亿元": "Belt and Road countries",
        "10.3%": "Belt and Road countries",
        "46%": "Belt and Road countries",
        "53.4 percent": "Belt and Road countries",
        "57.7 percent": None,
    }


def test_the_year_so_far_replaces_the_year_in_force(catalogue: MetricCatalogue) -> None:
    found = figures(
        "今年，全省共安排省重点项目1580个。\n1—10月，省重点项目累计完成投资8830亿元。\n其中，产业项目完成投资3260亿元。",
        catalogue,
    )
    assert [o.period for o in found.values()] == ["2025", "2025-01..2025-10", "2025-01..2025-10"]


def test_a_founding_year_dates_the_firm_not_its_figures(catalogue: MetricCatalogue) -> None:
    found = figures(
        "In the first nine months, the city exported 230,000 cars.\n"
        "Chenlong Automotive, a carmaker founded in 2016, shipped 74,500 vehicles overseas.",
        catalogue,
    )
    assert found["74,500"].period == "2025-01..2025-09"


def test_trade_alone_is_foreign_trade_but_not_in_a_compound_or_a_parts_name(
    catalogue: MetricCatalogue,
) -> None:
    found = figures(
        "In the first five months, the province's trade rose 5.1% to 3.72 trillion yuan.\n"
        "Sales under the trade-in programme reached 96 billion yuan.\n"
        "General trade accounted for 60.2 percent of the total.\n"
        "Private enterprises, the mainstay of the province's trade, saw imports and exports of "
        "1.21 trillion yuan.",
        catalogue,
    )
    assert {span: (o.metric, o.segment) for span, o in found.items()} == {
        "5.1%": ("foreign_trade_growth", None),
        "3.72 trillion yuan": ("foreign_trade_total", None),
        "96 billion yuan": (None, None),
        "60.2 percent": (None, "general trade"),
        "1.21 trillion yuan": ("foreign_trade_total", "private enterprises"),
    }


def test_an_industrys_added_value_follows_the_whole_under_its_own_name(catalogue: MetricCatalogue) -> None:
    found = figures(
        "1-9月，全省规模以上工业增加值增长4.2%。\n"
        "其中，计算机、通信和其他电子设备制造业增长9.6%，船舶制造业增长4.1%。",
        catalogue,
    )
    assert [(o.metric, o.segment) for o in found.values()] == [
        ("industrial_added_value_growth", None),
        ("industrial_added_value_growth", "electronic equipment manufacturing"),
        ("industrial_added_value_growth", "船舶制造业"),
    ]


def test_towns_and_world_regions_are_owners_and_partners(catalogue: MetricCatalogue) -> None:
    texts = [
        "中山古镇灯饰出口增长5.1%。",
        "澄海玩具对东南亚出口增长12%。",
        "Exports to Europe rose 32 percent.",
    ]
    found = [next(iter(figures(text, catalogue).values())) for text in texts]
    assert [(o.entity, o.partner, o.segment) for o in found] == [
        ("Guzhen", None, "lighting products"),
        ("Chenghai", "Southeast Asia", "toys"),
        ("Guangdong", "Europe", None),
    ]


def test_the_parts_listed_after_a_channels_whole_keep_the_channel(catalogue: MetricCatalogue) -> None:
    chinese = figures(
        "2025年广东跨境电商进出口8126.5亿元，同比增长16.8%。\n其中，出口6233.9亿元，增长19.4%。\n"
        "其中，广州跨境电商进出口2600亿元。",
        catalogue,
    )
    assert {span: (o.metric, o.segment) for span, o in chinese.items()} == {
        "8126.5亿元": ("cross_border_ecommerce", None),
        "16.8%": ("cross_border_ecommerce_growth", None),
        "6233.9亿元": ("exports", "cross-border e-commerce"),
        "19.4%": ("exports_growth", "cross-border e-commerce"),
        # the channel's own trade in one city is the channel's whole again, not a part of it
        "2600亿元": ("cross_border_ecommerce", None),
    }
    english = figures(
        "Guangdong's cross-border e-commerce trade reached 418 billion yuan in the first half.\n"
        "Exports via the channel rose 11.3 percent to 321 billion yuan.",
        catalogue,
    )
    assert english["11.3 percent"].segment == english["321 billion yuan"].segment == "cross-border e-commerce"


def test_the_parts_listed_after_a_part_keep_its_segment_but_another_whole_does_not(
    catalogue: MetricCatalogue,
) -> None:
    found = figures(
        "1-8月，广东家电出口2816亿元，增长6.2%。\n其中，对东盟出口增长二成，对欧盟出口增长4.6%。\n"
        "工业机器人、服务机器人产量分别增长33.5%和21.2%。\n其中，三季度GDP增长4.8%。",
        catalogue,
    )
    assert found["二成"].segment == found["4.6%"].segment == "home appliances"
    assert found["4.8%"].segment is None


def test_a_value_a_year_earlier_has_the_period_a_year_before(catalogue: MetricCatalogue) -> None:
    text = (
        "In the first three quarters, the U.S. share of Guangdong's exports dropped to 12.6% from 15.9% "
        "a year earlier.\nThe ratio of the three sectors stood at 3.9:39.6:56.5, compared with "
        "4.1:40.1:55.8 a year earlier."
    )
    found = figures(text, catalogue)
    assert (found["12.6%"].period, found["15.9%"].period) == ("2025-01..2025-09", "2024-01..2024-09")
    assert [found[part].period for part in ("3.9", "4.1", "40.1", "55.8")] == [
        "2025-01..2025-09",
        "2024-01..2024-09",
        "2024-01..2024-09",
        "2024-01..2024-09",
    ]


def test_a_span_from_one_day_to_another_is_the_period_not_a_base(catalogue: MetricCatalogue) -> None:
    text = "本屆廣交會由10月15日至11月4日分三期舉行，現場意向出口成交266.3億美元。"
    found = figures(text, catalogue, published=date(2025, 11, 5))
    assert found["266.3億美元"].period == "2025-10..2025-11"


def test_the_trade_with_each_partner_is_partner_trade(catalogue: MetricCatalogue) -> None:
    found = figures(
        "同期，广东对东盟、欧盟分别进出口1.71万亿元和1.06万亿元。\n"
        "全省与东盟、欧盟的进出口额分别为1.05万亿元和7318.6亿元，其中对东盟增长12.4%。\n"
        "Guangdong's imports and exports with ASEAN and the European Union came to 712.4 billion yuan and "
        "503.9 billion yuan, respectively.\n全省进出口6.93万亿元，增长3.8%。",
        catalogue,
    )
    assert {span: (o.metric, o.partner) for span, o in found.items()} == {
        "1.71万亿元": ("partner_trade", "ASEAN"),
        "1.06万亿元": ("partner_trade", "EU"),
        "1.05万亿元": ("partner_trade", "ASEAN"),
        "7318.6亿元": ("partner_trade", "EU"),
        "12.4%": ("partner_trade_growth", "ASEAN"),
        "712.4 billion yuan": ("partner_trade", "ASEAN"),
        "503.9 billion yuan": ("partner_trade", "EU"),
        "6.93万亿元": ("foreign_trade_total", None),
        "3.8%": ("foreign_trade_growth", None),
    }


def test_a_chinese_measure_reaches_a_part_written_around_it(catalogue: MetricCatalogue) -> None:
    found = figures(
        "前10个月，汕头市澄海区出口玩具286.4亿元。\n其中，“新三样”产品出口1980亿元。\n"
        "全市机器人产品出口额达86.7亿元。\n外资企业同期进出口2.06万亿元。\n"
        "电动汽车、锂电池、太阳能电池“新三样”合计出口1326.7亿元。",
        catalogue,
    )
    assert {span: (o.metric, o.segment) for span, o in found.items()} == {
        "286.4亿元": ("exports", "toys"),
        "1980亿元": ("exports", "new three products"),
        "86.7亿元": ("exports", "robots"),
        "2.06万亿元": ("foreign_trade_total", "foreign-invested enterprises"),
        "1326.7亿元": ("exports", "new three products"),
    }


def test_hong_kong_and_taiwan_own_their_own_trade(catalogue: MetricCatalogue) -> None:
    found = figures(
        "政府統計處公布，今年首7個月本港整體出口貨值按年上升11.6%。\n"
        "台灣經濟部統計顯示，同期台灣對廣東出口約新台幣1.05兆元。\n"
        "廣東對香港出口增長4.2%。",
        catalogue,
    )
    assert {span: (o.entity, o.partner) for span, o in found.items()} == {
        "11.6%": ("Hong Kong", None),
        # Guangdong is the home entity, not a trade partner in the gazetteer
        "新台幣1.05兆元": ("Taiwan", None),
        "4.2%": ("Guangdong", "Hong Kong"),
    }


def test_a_city_written_after_its_province_owns_the_figure(catalogue: MetricCatalogue) -> None:
    text = "（中央社記者陳怡台北16日電）廣東東莞市去年地區生產總值突破人民幣1.3兆元，年增4.1%。"
    found = figures(text, catalogue)
    assert found["人民幣1.3兆元"].entity == found["4.1%"].entity == "Dongguan"


def test_a_year_in_passing_or_in_a_base_dates_nothing_else(catalogue: MetricCatalogue) -> None:
    text = (
        "Guangdong grew 4.9% in the first quarter from a year earlier, slightly faster than the 4.7% pace in "
        "the final three months of 2025.\nGDP reached 3.39 trillion yuan in the three months through March.\n"
        "Exports fell 4.8% in the first two months of the year from the same period of 2024."
    )
    found = figures(text, catalogue, published=date(2026, 4, 22))
    assert {span: o.period for span, o in found.items()} == {
        "4.9%": "2026-Q1",
        "4.7%": "2025-Q4",
        "3.39 trillion yuan": "2026-Q1",
        "4.8%": "2026-01..2026-02",
    }


def test_a_share_price_is_dated_on_its_trading_day(catalogue: MetricCatalogue) -> None:
    text = (
        "In the first half, revenue rose 12% to 4.1 billion yuan.\n"
        "Shares of the company rose 6.2% in Shenzhen trading on Thursday.\n"
        "截至8月27日收盘，公司股价报42.18元。\n"
        "昱衡股價昨（7）日收在新台幣412.5元。\n"
        "嶺科家電股價昨收報18.96元。"
    )
    found = figures(text, catalogue, published=date(2025, 8, 29))  # a Friday
    assert {span: o.period for span, o in found.items()} == {
        "12%": "2025-H1",
        "4.1 billion yuan": "2025-H1",
        "6.2%": "2025-08-28",
        "42.18元": "2025-08-27",
        "新台幣412.5元": "2025-08-07",
        "18.96元": "2025-08-28",
    }


@pytest.mark.parametrize(
    ("sentence", "span", "day"),
    [
        # a firm's shares by name, in a session with no day written: the day of publication
        ("Willowmere shares fell 2.3 per cent to HK$7.64 in morning trade.", "HK$7.64", "2025-08-29"),
        (
            "Its Hong Kong-traded shares (2367.HK) closed down 3.2% at HK$7.46 on Wednesday.",
            "3.2%",
            "2025-08-27",
        ),
        ("Shares of Cradlebrook rose 2.7 per cent to HK$5.31 in Hong Kong trading.", "HK$5.31", "2025-08-29"),
        ("Its Shanghai-listed shares (603958.SS) rose 3.1% to 24.86 yuan.", "24.86 yuan", "2025-08-29"),
        ("Its shares rose 6.8% to close at HK$48.20.", "6.8%", "2025-08-29"),
        ("Ferncastle (02935) shares gained 4.8 per cent to HK$6.32 yesterday.", "HK$6.32", "2025-08-28"),
        ("Shares of Dunmere rose 3.1 per cent to HK$12.64 at Wednesday's close.", "HK$12.64", "2025-08-27"),
        (
            "The stock, traded in Shenzhen as 301998.SZ, ended 4.6% higher at 87.35 yuan.",
            "87.35 yuan",
            "2025-08-29",
        ),
        # a day of the month opening the clause, a day in brackets after 前日, press time, traditional 收報
        ("28日，砚川科技股价收涨3.7%，报96.52元。", "96.52元", "2025-08-28"),
        ("風馳摩托股價前日（27日）升3.8%，收報28.46元。", "3.8%", "2025-08-27"),
        ("截至发稿，公司股价报94.60元。", "94.60元", "2025-08-29"),
        ("嶺南汽車H股昨日收跌3.2%，報7.46港元。", "7.46港元", "2025-08-28"),
        # the year so far is the publication year's, not the results' year in force
        ("截至8月28日收盘，公司股价报32.45元，今年以来累计上涨26.3%。", "26.3%", "2025"),
    ],
)
def test_a_share_move_is_dated_on_its_session(
    catalogue: MetricCatalogue, sentence: str, span: str, day: str
) -> None:
    text = "In 2024, revenue rose 12% to 4.1 billion yuan.\n" + sentence
    found = figures(text, catalogue, published=date(2025, 8, 29))  # a Friday
    assert found[span].period == day
    assert found["4.1 billion yuan"].period == "2024"


@pytest.mark.parametrize(
    ("sentence", "span", "base"),
    [
        ("Gross margin was 33.8 per cent, against 32.1 per cent a year earlier.", "32.1 per cent", "2024-Q3"),
        ("Sales abroad made up 62% of revenue, against 55% twelve months before.", "55%", "2024-Q3"),
        ("Margin rose to 34.8% from 31.5% in the July-September quarter of last year.", "31.5%", "2024-Q3"),
        # a half's payout "up from" a number with no time word: the same half a year before
        ("The board proposed an interim payout of 9.5 HK cents, up from 8 HK cents.", "8 HK cents", "2024-H1"),  # noqa: E501
    ],
)  # fmt: skip
def test_a_base_stated_as_its_own_number_is_dated_a_year_earlier(
    catalogue: MetricCatalogue, sentence: str, span: str, base: str
) -> None:
    found = figures("In the third quarter, revenue rose 12% to 4.1 billion yuan.\n" + sentence, catalogue)
    assert (found["4.1 billion yuan"].period, found[span].period) == ("2025-Q3", base)


@pytest.mark.parametrize(
    ("text", "span", "base"),
    [
        ("上半年，广东出口5亿元，去年同期为4亿元。", "4亿元", "2024-H1"),
        ("上半年，集團宣派中期息每股3港仙，去年同期為2港仙。", "2港仙", "2024-H1"),
        ("前三季度，出口5亿元，上年同期则为4亿元。", "4亿元", "2024-01..2024-09"),
    ],
)
def test_the_value_of_the_same_period_last_year_is_dated_then(
    catalogue: MetricCatalogue, text: str, span: str, base: str
) -> None:
    assert figures(text, catalogue)[span].period == base


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        # metrics-3.1.0: a count against an earlier moment is things added or gone, an increment
        ("Some 43 farms are registered, three fewer than at the start of the year.", "three", -3.0),
        ("佛山有進出口實績企業1.52萬家，較去年同期增加1180家。", "1180", 1180.0),
        ("全市有进出口实绩的企业1108家，同比增加96家。", "96", 96.0),
    ],
)
def test_a_count_against_an_earlier_moment_is_an_increment(
    catalogue: MetricCatalogue, text: str, span: str, expected: float
) -> None:
    found = figures(text, catalogue)[span]
    assert (found.kind, found.value) == ("increment", expected)


@pytest.mark.parametrize(
    ("text", "span", "basis"),
    [
        # metrics-3.1.0: a month's or a quarter's rate against the one before, written as that one
        ("In October, trade reached 1.07 billion yuan, up 4.9 percent on September.", "4.9 percent", "mom"),
        ("In October, exports were up 24.6% on October 2025.", "24.6%", "yoy"),
        ("10月进口金额6.12亿元，比9月增长11.3%，比去年10月增长3.8%。", "11.3%", "mom"),
        ("10月进口金额6.12亿元，比9月增长11.3%，比去年10月增长3.8%。", "3.8%", "yoy"),
        ("三季度贸易额16.8亿元，比二季度增长4.2%。", "4.2%", "qoq"),
        (
            "July-September trade came to 1.42 billion yuan, 8.1 percent above the April-June total.",
            "8.1 percent",
            "qoq",
        ),
        ("October's trade reached 3.40 billion yuan, up 3.4% on the month.", "3.4%", "mom"),
    ],
)
def test_a_rate_against_the_period_before_has_that_basis(
    catalogue: MetricCatalogue, text: str, span: str, basis: str
) -> None:
    assert figures(text, catalogue, published=date(2026, 11, 20))[span].basis == basis


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Okra fetched HK$9.5 a catty yesterday, HK$0.8 less than a week earlier.", "HK$0.8", -0.8),
        ("Spring onions fetched HK$11.5 a catty, down HK$0.8 from the same day last week.", "HK$0.8", -0.8),
        ("The trade surplus narrowed by 68 billion yuan to 341 billion yuan.", "68 billion yuan", -68e9),
        ("紅蘿蔔批發價每斤5.2元，較一周前同日平0.4元。", "0.4元", -0.4),
        ("Gross margin narrowed 1.3 percentage points to 58.2 per cent.", "1.3 percentage points", -1.3),
        ("Import prices eased 3.1% from September.", "3.1%", -3.1),
    ],
)
def test_a_drop_against_a_base_is_a_negative_change(
    catalogue: MetricCatalogue, text: str, span: str, value: float
) -> None:
    found = figures(text, catalogue)[span]
    assert (found.value, found.kind) == (value, "change")


def test_a_share_of_world_exports_is_no_share_price(catalogue: MetricCatalogue) -> None:
    text = "In 2024, Guangdong's shares of world exports rose to 3.1% from 2.9% as toy makers expanded."
    found = figures(text, catalogue, published=date(2025, 8, 29))
    assert found["3.1%"].period == "2024"


def test_points_of_a_share_are_not_a_growth_rate(catalogue: MetricCatalogue) -> None:
    text = (
        "Trade with Belt and Road countries accounted for 51.7 percent of the total, "
        "up 1.9 percentage points.\n"
        "民营企业进出口4.31万亿元，占全省外贸总值的63.6%，比去年同期提升1.4个百分点。\n"
        "全市灯饰出口168.7亿元，同比增长6.3%，增速比去年同期加快2.5个百分点。"
    )
    found = figures(text, catalogue)
    assert (found["1.9 percentage points"].metric, found["1.4个百分点"].metric) == (None, None)
    assert found["2.5个百分点"].metric == "exports_growth"


def test_a_products_metric_is_for_that_product_only(catalogue: MetricCatalogue) -> None:
    text = (
        "Output of industrial robots jumped 32.4 percent, and that of new energy vehicles 21.7 percent.\n"
        "Output of industrial robots surged 32.6 percent, while that of service robots rose 18.9 percent.\n"
        "规模以上工业增加值增长4.4%，其中新能源汽车产量增长28.3%。\n"
        "其中，工业机器人、无人机出口分别增长41.6%和23.9%。\n"
        "出口無人機、工業機器人分別增長29.3%和41.7%。"
    )
    found = figures(text, catalogue)
    assert {span: (o.metric, o.segment) for span, o in found.items()} == {
        "32.4 percent": ("industrial_robot_output_growth", None),
        "21.7 percent": (None, "new energy vehicles"),
        "32.6 percent": ("industrial_robot_output_growth", None),
        "18.9 percent": ("service_robot_output_growth", None),
        "4.4%": ("industrial_added_value_growth", None),
        "28.3%": (None, "new energy vehicles"),
        "41.6%": ("exports_growth", "industrial robots"),
        "23.9%": ("exports_growth", "drones"),
        "29.3%": ("exports_growth", "drones"),
        "41.7%": ("exports_growth", "industrial robots"),
    }


def test_the_earlier_value_of_a_from_to_pair_is_the_same_measure(catalogue: MetricCatalogue) -> None:
    text = (
        "The U.S. share of Guangdong's exports dropped to 12.6% from 15.9% a year earlier.\n"
        "Exports rose 5.1% to 120 billion yuan from 114 billion yuan."
    )
    found = figures(text, catalogue)
    assert {span: (o.metric, o.kind, o.partner) for span, o in found.items()} == {
        "12.6%": (None, "share", "US"),
        "15.9%": (None, "share", "US"),
        "5.1%": ("exports_growth", "change", None),
        "120 billion yuan": ("exports", "level", None),
        "114 billion yuan": ("exports", "level", None),
    }


def test_how_a_change_is_told_from_a_share(catalogue: MetricCatalogue) -> None:
    text = (
        "The fair drew 310,000 buyers, representing 223 countries and regions, 6.1 per cent more than a year "
        "earlier.\nNet profit attributable to shareholders grew 14.1% to 2.86 billion yuan.\n"
        "Shares of the company rose 6.2% in Shenzhen trading on Thursday.\n"
        "民营企业进出口4.33万亿元，占全省外贸总值的63.1%，比重提升2.3个百分点。\n"
        "Private firms accounted for 61.2 percent of the total."
    )
    found = figures(text, catalogue, published=date(2025, 8, 29))
    assert {span: (o.kind, o.basis) for span, o in found.items() if o.unit in {"%", "pp"}} == {
        "6.1 per cent": ("change", "yoy"),
        "14.1%": ("change", "yoy"),
        "6.2%": ("change", None),  # a move on the day, against the last close
        "63.1%": ("share", None),
        "2.3个百分点": ("change", "yoy"),
        "61.2 percent": ("share", None),
    }


def test_a_change_against_something_other_than_a_year_before_has_no_basis(catalogue: MetricCatalogue) -> None:
    text = (
        "Intended export deals reached 25.9 billion U.S. dollars, up 2.7 percent from the previous session.\n"
        "The turnout was up 8.2 percent from the autumn session a year earlier.\n"
        "本届广交会线下出口意向成交263.7亿美元，较上届增长1.8%。\n"
        "活动带动全省1—5月出口同比增长6.3%，比一季度加快1.2个百分点。\n"
        "二季度，全省GDP增长3.8%，比一季度回落0.3个百分点。\n"
        "Overseas markets contributed 64% of sales, up from 58% a year earlier."
    )
    found = figures(text, catalogue)
    assert {span: (o.kind, o.basis) for span, o in found.items() if o.unit in {"%", "pp"}} == {
        "2.7 percent": ("change", None),
        "8.2 percent": ("change", "yoy"),
        "1.8%": ("change", None),
        "6.3%": ("change", "yoy"),
        "1.2个百分点": ("change", None),
        "3.8%": ("change", "yoy"),
        "0.3个百分点": ("change", "qoq"),
        "64%": ("share", None),
        "58%": ("share", None),
    }


def test_hong_kong_as_chinese_copy_abbreviates_it_is_a_partner(catalogue: MetricCatalogue) -> None:
    text = (
        "其中，廣東對港出口1.22萬億元；自港進口1415.6億元。\n8月份，粵港進出口1826.3億元。\n"
        "廣東對「一帶一路」沿線國家進出口約3.9萬億元。\n粤港澳大湾区GDP增长5%。\n深圳港集装箱吞吐量增长6%。"
    )
    found = figures(text, catalogue)
    assert {span: (o.metric, o.partner) for span, o in found.items()} == {
        "1.22萬億元": ("exports", "Hong Kong"),
        "1415.6億元": ("imports", "Hong Kong"),
        "1826.3億元": ("partner_trade", "Hong Kong"),
        "3.9萬億元": ("partner_trade", "Belt and Road countries"),
        "5%": ("gdp_growth", None),  # 粤港澳 is the Greater Bay Area, not Hong Kong
        "6%": (None, None),  # 深圳港 is a port, not Hong Kong
    }


def test_an_average_annual_rate_spans_the_years_it_averages(catalogue: MetricCatalogue) -> None:
    text = (
        "In 2025, Guangdong's GDP reached 14.6 trillion yuan.\n"
        "Over the five years, GDP grew at an average annual rate of 4.8 percent.\n"
        "R&D spending is set to grow at an average annual rate of 7 percent over the next five years."
    )
    found = figures(text, catalogue, published=date(2026, 2, 1))
    assert (found["4.8 percent"].period, found["7 percent"].period) == ("2021..2025", "2026..2030")


def test_a_year_compared_with_dates_nothing_after_it(catalogue: MetricCatalogue) -> None:
    text = (
        "Nansha now operates 178 international shipping routes, 21 more than at the end of 2024.\n"
        "Car exports surged: 218,000 vehicles were shipped overseas from January to September."
    )
    found = figures(text, catalogue, published=date(2025, 10, 28))
    assert found["218,000"].period == "2025-01..2025-09"


def test_a_day_month_year_date_puts_no_year_in_force(catalogue: MetricCatalogue) -> None:
    text = (
        "Published: 7:45pm, 5 Nov 2025\n"
        "The fair, held from October 15 to November 4, closed with export deals worth US$25.7 billion.\n"
        "The fair drew more than 310,000 buyers from abroad."
    )
    found = figures(text, catalogue, published=date(2025, 11, 5))
    assert found["310,000"].period == found["US$25.7 billion"].period == "2025-10..2025-11"


def test_a_measure_without_a_metric_names_its_rates_and_its_counts(catalogue: MetricCatalogue) -> None:
    text = "Container throughput at Zhanjiang Port rose 6.1 percent to 1.52 million TEUs in 2025."
    found = figures(text, catalogue)
    # the count in the measure's own unit and its rate are one key (docs/figure-labels-v2.md, 2026-12-06)
    assert (found["6.1 percent"].segment, found["1.52 million"].segment) == ("container throughput",) * 2


def test_a_listed_companys_share_moves_are_its_share_price(catalogue: MetricCatalogue) -> None:
    text = "Shares of the carmaker closed up 2.7% in Hong Kong on Tuesday."
    assert figures(text, catalogue)["2.7%"].segment == "share price"


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # the part described, then its measure in a clause of its own with no subject
        ("民营企业是全市外贸的主力军，一季度进出口1520.4亿元，增长7.3%。", "1520.4亿元"),
        # "their combined" refers back to the part across a clause naming the whole
        (
            "Private firms, which handle most of the city's trade, saw their combined imports and exports "
            "rise 6.2 percent in 2025.",
            "6.2 percent",
        ),
    ],
)
def test_a_part_described_by_the_whole_keeps_its_figures(
    catalogue: MetricCatalogue, text: str, span: str
) -> None:
    assert figures(text, catalogue)[span].segment == "private enterprises"


def test_an_ownership_breakdown_keeps_the_rate_in_force_and_names_each_part(
    catalogue: MetricCatalogue,
) -> None:
    text = (
        "今年1-5月，全市规模以上工业增加值同比增长5.2%。\n"
        "分经济类型看，国有控股企业、民营企业和外商及港澳台商投资企业分别增长2.4%、7.1%和3.3%。"
    )
    found = figures(text, catalogue)
    assert [(found[s].metric, found[s].segment) for s in ("2.4%", "7.1%", "3.3%")] == [
        ("industrial_added_value_growth", "state-owned enterprises"),
        ("industrial_added_value_growth", "private enterprises"),
        ("industrial_added_value_growth", "foreign-invested enterprises"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The added value of industrial enterprises above designated size rose 3.9% in 2025.",
        "Value added by major industrial firms rose 3.9% in 2025.",
        "Industrial added value of enterprises above designated size rose 3.9% in 2025.",
    ],
)
def test_the_statistics_whole_of_industry_is_industrial_added_value(
    catalogue: MetricCatalogue, text: str
) -> None:
    assert figures(text, catalogue)["3.9%"].metric == "industrial_added_value_growth"


def test_a_chinese_list_of_places_shares_the_measure_written_after_it(catalogue: MetricCatalogue) -> None:
    found = figures("1-6月，广州、深圳、佛山地区生产总值分别增长3.8%、5.1%和2.6%。", catalogue)
    assert [(o.entity, o.metric) for o in found.values()] == [
        ("Guangzhou", "gdp_growth"),
        ("Shenzhen", "gdp_growth"),
        ("Foshan", "gdp_growth"),
    ]


def test_the_sectors_named_by_what_they_are_split_gdp_growth(catalogue: MetricCatalogue) -> None:
    found = figures(
        "Value added in farming, industry and services rose 3.1%, 4.4% and 4.9%, respectively.", catalogue
    )
    assert [(o.metric, o.segment) for o in found.values()] == [
        ("gdp_growth", "primary sector"),
        ("gdp_growth", "secondary sector"),
        ("gdp_growth", "services"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "前三季度全省地区生产总值为10.53万亿元，按可比价计算比上年同期增长4.1%。",  # the method is no subject
        "廣東今年經濟成長目標訂為4.1%左右。",  # 成長: growth in Taiwanese copy
    ],
)
def test_gdp_growth_in_chinese_wordings(catalogue: MetricCatalogue, text: str) -> None:
    assert figures(text, catalogue)["4.1%"].metric == "gdp_growth"


@pytest.mark.parametrize(
    ("text", "span", "metric"),
    [
        ("全省货物进出口9.12万亿元，增长3.6%。", "9.12万亿元", "foreign_trade_total"),
        ("今年上半年，广州海关关区进出口总值6102.4亿元。", "6102.4亿元", "foreign_trade_total"),
        ("南沙港区、黄埔港区分别进出口2088.1亿元和1160.9亿元。", "1160.9亿元", "foreign_trade_total"),
        ("政府統計處公布，4月份香港整體出口貨值為4201億港元。", "4201億港元", "exports"),
        ("Exports totalled 482.3 billion yuan in the month.", "482.3 billion yuan", "exports"),
    ],
)
def test_the_whole_trade_of_a_place_office_or_zone(
    catalogue: MetricCatalogue, text: str, span: str, metric: str
) -> None:
    assert figures(text, catalogue)[span].metric == metric


def test_trade_with_hong_kong_written_as_china_hong_kong(catalogue: MetricCatalogue) -> None:
    found = figures("2025年，东莞对中国香港进出口2190.3亿元，下降2.4%。", catalogue)["2190.3亿元"]
    assert (found.entity, found.metric, found.partner) == ("Dongguan", "partner_trade", "Hong Kong")


def test_a_category_of_the_retail_breakdown_is_a_part_of_retail_sales(catalogue: MetricCatalogue) -> None:
    found = figures("其中，限额以上单位家用电器和音像器材类零售额增长28.4%。", catalogue)["28.4%"]
    assert (found.metric, found.segment) == ("retail_sales_growth", "home appliances")
    # online retail is a measure of its own: its categories are not parts of retail sales
    found = figures("家用电器、化妆品网络零售额分别增长22.6%和17.3%。", catalogue)["22.6%"]
    assert found.metric is None


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("今年1-8月，广东出口新能源汽车41.6万辆，同比增长52.4%，出口额702.3亿元，增长40.1%。", "52.4%"),
        ("Car exports through Nansha rose 96% to 204,000 vehicles in the first two months.", "96%"),
        ("Battery exports reached 20.4 gigawatt-hours, up 31% from a year earlier.", "31%"),
    ],
)
def test_the_growth_of_a_count_is_not_the_growth_of_a_value(
    catalogue: MetricCatalogue, text: str, rate: str
) -> None:
    found = figures(text, catalogue)
    assert found[rate].metric is None  # the count metrics have no growth metric (figure-labels-v2.md)
    if "40.1%" in found:
        assert found["40.1%"].metric == "exports_growth"


def test_a_product_the_catalogue_does_not_list_keeps_its_trade_and_names_itself(
    catalogue: MetricCatalogue,
) -> None:
    found = figures("据湛江海关统计，今年前11个月，湛江市冻虾出口52.4亿元，同比增长8.1%。", catalogue)
    assert [(o.metric, o.segment) for o in found.values()] == [
        ("exports", "冻虾"),
        ("exports_growth", "冻虾"),
    ]
    # a catalogued product is stored under its catalogue name, so English and Chinese reports meet
    found = figures("据湛江海关统计，今年前11个月，湛江市水产品出口52.4亿元，同比增长8.1%。", catalogue)
    assert [(o.metric, o.segment) for o in found.values()] == [
        ("exports", "aquatic products"),
        ("exports_growth", "aquatic products"),
    ]


@pytest.mark.parametrize(
    ("text", "span", "metric"),
    [
        (
            "Dongguan exported goods worth 598.1 billion yuan in the first 10 months.",
            "598.1 billion yuan",
            "exports",
        ),
        (
            "Outbound sales of electromechanical products gained 6.9 percent in 2025.",
            "6.9 percent",
            "exports_growth",
        ),
        # firms counted by their trade, an industry's turnover (metrics-2.45.0)
        (
            "As of the end of October, 1,326 Guangdong companies had trade records with Romania.",
            "1,326",
            "import_export_enterprises",
        ),
        (
            "Customs officials said more than 1,300 Guangdong firms now trade with Finland.",
            "1,300",
            "import_export_enterprises",
        ),
        ("Jade traders recorded turnover of 6.2 billion yuan.", "6.2 billion yuan", "industry_revenue"),
        # firms counted by the trade they did, and the change after such a count (metrics-2.47.0)
        (
            "Some 1,240 Guangdong firms traded with Liberia in the nine months, 186 more than a year "
            "earlier.",
            "186",
            "import_export_enterprises",
        ),
        (
            "As of the end of November, 52 Guangdong enterprises were exporting to Botswana.",
            "52",
            "import_export_enterprises",
        ),
        (
            "截至9月底，全省有对英国进出口实绩的企业达1.86万家，比去年同期增加1240家。",
            "1240",
            "import_export_enterprises",
        ),
        (
            "截至6月底，全省有进出口实绩的外贸企业达10.2万家，上半年新增5100家。",
            "5100",
            "import_export_enterprises",
        ),
    ],
)
def test_exports_written_as_a_verb_or_as_outbound_sales(
    catalogue: MetricCatalogue, text: str, span: str, metric: str
) -> None:
    assert figures(text, catalogue)[span].metric == metric


def test_industrial_added_value_of_larger_firms_abbreviated(catalogue: MetricCatalogue) -> None:
    found = figures("1—8月，我市规上工业增加值同比增长7.1%。", catalogue)["7.1%"]
    assert found.metric == "industrial_added_value_growth"


@pytest.mark.parametrize(
    ("text", "span", "segment"),
    [
        ("2025年全省一般公共预算收入1.38万亿元，增长2.2%。", "2.2%", "general public budget revenue"),
        (
            "Power consumption in the province rose 6.4 percent in 2025.",
            "6.4 percent",
            "electricity consumption",
        ),
        ("7月博彩毛收入210.3億澳門元，按年上升7.9%。", "7.9%", "gross gaming revenue"),
        ("2025年全省海洋生产总值2.1万亿元，增长5.3%。", "5.3%", "gross ocean product"),
    ],
)
def test_statistics_with_no_catalogue_metric_name_their_measure(
    catalogue: MetricCatalogue, text: str, span: str, segment: str
) -> None:
    found = figures(text, catalogue)[span]
    assert (found.metric, found.segment) == (None, segment)


def test_a_deadline_year_dates_only_its_target(catalogue: MetricCatalogue) -> None:
    text = (
        "Greenbay Furniture said its export orders rose about 30% in the third quarter, "
        "and that it would move 20% of its production to Vietnam by 2027."
    )
    assert figures(text, catalogue, published=date(2025, 11, 22))["30%"].period == "2025-Q3"


@pytest.mark.parametrize(
    ("text", "published", "period"),
    [
        (
            "第139届广交会5日在广州落下帷幕。本届广交会于4月15日开幕。\n本届广交会线下到会境外采购商31.9万人。",
            date(2026, 5, 6),
            "2026-04..2026-05",
        ),
        (
            "第138屆廣交會首期15日開幕、19日閉幕。\n首期境外採購商13.2萬人到會。",
            date(2025, 10, 20),
            "2025-10",
        ),
    ],
)
def test_an_event_dated_by_its_opening_and_closing_days_is_its_figures_period(
    catalogue: MetricCatalogue, text: str, published: date, period: str
) -> None:
    assert {o.period for o in figures(text, catalogue, published=published).values()} == {period}


def test_a_now_of_another_clause_does_not_date_a_flow(catalogue: MetricCatalogue) -> None:
    text = (
        "Guangdong's exports rose 2.9 percent in the first 10 months of this year.\n"
        "The province's exports to the Middle East grew 10.8 percent over the period, which means the region "
        "now takes about 6.4 percent of everything Guangdong sells abroad."
    )
    found = figures(text, catalogue, published=date(2025, 11, 21))
    assert found["10.8 percent"].period == "2025-01..2025-10"


@pytest.mark.parametrize(
    ("text", "span", "metric", "segment"),
    [
        (
            "In Xintang, denim exports fell 3.1 percent to 6.2 billion yuan in 2025.",
            "6.2 billion yuan",
            "exports",
            "denim",
        ),
        ("Guangdong's tea exports rose 17.9 percent in 2025.", "17.9 percent", "exports_growth", "tea"),
        ("Goods exports came in at 3.1 billion yuan in 2025.", "3.1 billion yuan", "exports", None),
    ],
)
def test_a_product_written_before_english_exports(
    catalogue: MetricCatalogue, text: str, span: str, metric: str, segment: str | None
) -> None:
    found = figures(text, catalogue)[span]
    assert (found.metric, found.segment) == (metric, segment)


@pytest.mark.parametrize(
    ("text", "span", "metric"),
    [
        ("2025年，县域社会消费品零售总额6890.2亿元，增长3.4%。", "3.4%", "retail_sales_growth"),
        (
            "政府統計處昨日公布，4月零售業總銷貨價值臨時估計為298億元，按年上升5.8%。",
            "5.8%",
            "retail_sales_growth",
        ),
    ],
)
def test_county_and_hong_kong_retail_sales(
    catalogue: MetricCatalogue, text: str, span: str, metric: str
) -> None:
    assert figures(text, catalogue)[span].metric == metric


@pytest.mark.parametrize(
    ("text", "span", "segment"),
    [
        ("2025年，县域社会消费品零售总额6890.2亿元，增长3.4%。", "6890.2亿元", "county areas"),
        ("液晶电视出口80.1亿元，下降1.2%。", "80.1亿元", "televisions"),
        ("全市药品出口50.3亿元，增长13.2%。", "50.3亿元", "medicines"),
    ],
)
def test_more_parts_of_the_whole(catalogue: MetricCatalogue, text: str, span: str, segment: str) -> None:
    assert figures(text, catalogue)[span].segment == segment


def test_more_trade_partners(catalogue: MetricCatalogue) -> None:
    found = figures(
        "在中东市场，对沙特阿拉伯、阿联酋出口分别增长14.1%和9.8%。对中亚五国出口231亿元。", catalogue
    )
    assert [(o.metric, o.partner) for o in found.values()] == [
        ("exports_growth", "Saudi Arabia"),
        ("exports_growth", "UAE"),
        ("exports", "Central Asia"),
    ]


def test_a_parts_trade_with_each_partner_of_a_list_keeps_the_trade_metric(catalogue: MetricCatalogue) -> None:
    found = figures("古镇灯饰对中东、非洲出口分别增长27.3%、19.8%。", catalogue)
    assert [(o.metric, o.partner, o.segment) for o in found.values()] == [
        ("exports_growth", "Middle East", "lighting products"),
        ("exports_growth", "Africa", "lighting products"),
    ]


def test_a_market_named_before_a_figure_is_its_partner(catalogue: MetricCatalogue) -> None:
    found = figures(
        "按地區劃分，歐洲市場收入增長32.4%；北美市場收入則下跌9.7%。其中東南亞市場收入增長26%。", catalogue
    )
    assert [o.partner for o in found.values()] == ["Europe", "North America", "Southeast Asia"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("廣東今年1至10月從台灣買進的自行車零組件達4.3億美元。", ("imports", "Taiwan")),
        ("全年廣東向台灣採購塑膠原料412億元。", ("imports", "Taiwan")),
        ("至10月底，與尼泊爾有生意往來的廣東企業達412家。", ("import_export_enterprises", "Nepal")),
        ("截至10月底，與喀麥隆有貿易往來的廣東企業有486家。", ("import_export_enterprises", "Cameroon")),
        ("對巴新出口18.6億元。", ("exports", "Papua New Guinea")),
    ],
)
def test_purchases_from_a_partner_and_firms_trading_with_it(
    catalogue: MetricCatalogue, text: str, expected: tuple[str, str]
) -> None:
    first = next(iter(figures(text, catalogue, published=date(2026, 11, 14)).values()))
    assert (first.metric, first.partner) == expected


def test_yici_lists_in_order_as_fenbie_does(catalogue: MetricCatalogue) -> None:
    found = figures("东盟、中东两地出口增幅依次为25.3%、31.9%。", catalogue)
    assert [(o.metric, o.partner) for o in found.values()] == [
        ("exports_growth", "ASEAN"),
        ("exports_growth", "Middle East"),
    ]


def test_in_that_order_lists_as_respectively_does(catalogue: MetricCatalogue) -> None:
    text = "Exports to Latin America and the Middle East climbed 18.6 percent and 12.1 percent in that order."
    assert [(o.metric, o.partner) for o in figures(text, catalogue).values()] == [
        ("exports_growth", "Latin America"),
        ("exports_growth", "Middle East"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the goods of the country they come from
        ("亚美尼亚白兰地进口额达4800万元。", ("imports", "Armenia", "白兰地")),
        ("泰国榴莲进口增长5%。", ("imports_growth", "Thailand", "榴莲")),
        # sold or sent to a partner; the partner is no part of the goods' name
        ("全区陶瓷卖往欧盟的货值增长12.4%。", ("exports_growth", "EU", "ceramics")),
        ("輸往美國的主機板出口值年減8.4%。", ("exports_growth", "US", "主机板")),
        # 扩大 is a rise; a bilateral goods trade is the partner's trade
        ("广东对亚美尼亚双边货物贸易总额较上年同期扩大23.4%。", ("partner_trade_growth", "Armenia", None)),
    ],
)
def test_goods_of_a_partner_and_trade_sold_or_sent_to_it(
    catalogue: MetricCatalogue, text: str, expected: tuple[str, str, str | None]
) -> None:
    first = next(iter(figures(text, catalogue).values()))
    assert (first.metric, first.partner, first.segment) == expected


def test_the_trade_between_guangdong_and_a_partner_in_chinese_and_its_traders(
    catalogue: MetricCatalogue,
) -> None:
    text = (
        "今年前10个月广东同毛里求斯之间的贸易规模攀升至21.6亿元，增幅为16.3%。\n"
        "单看10月份，两地贸易额为2.4亿元。\n"
        "到10月底为止，与毛里求斯有进出口记录的粤企共312家。"
    )
    found = figures(text, catalogue, published=date(2026, 11, 23))
    assert [(o.metric, o.partner) for o in found.values()] == [
        ("partner_trade", "Mauritius"),
        ("partner_trade_growth", "Mauritius"),
        ("partner_trade", "Mauritius"),
        ("import_export_enterprises", "Mauritius"),
    ]


def test_goods_listed_with_their_value_after_a_trade_share_its_flow(catalogue: MetricCatalogue) -> None:
    text = (
        "Outbound shipments reached 6.12 billion yuan, with automobiles worth 1.94 billion yuan and "
        "electromechanical products worth 2.86 billion yuan.\n服装出口额58.7亿元，涨幅13.5%。\n"
        "The fair signed deals worth 6.3 billion yuan."
    )
    found = figures(text, catalogue)
    assert [(o.metric, o.segment) for o in found.values()] == [
        ("exports", None),
        ("exports", "automobiles"),
        ("exports", "electromechanical products"),
        ("exports", "textiles and garments"),
        ("exports_growth", "textiles and garments"),
        (None, None),
    ]


def test_those_to_another_partner_share_the_move_of_the_clause_before(catalogue: MetricCatalogue) -> None:
    text = (
        "Exports to the EU rose 26.4 percent, and those to the United States 7.9 percent.\n"
        "Namibia's two-way trade with Guangdong expanded 14.2 percent to 3.86 billion yuan."
    )
    found = figures(text, catalogue)
    assert [(o.metric, o.partner, o.kind, o.segment) for o in found.values()] == [
        ("exports_growth", "EU", "change", None),
        ("exports_growth", "US", "change", None),
        ("partner_trade_growth", "Namibia", "change", None),
        ("partner_trade", "Namibia", "level", None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tanzania and Guangdong traded goods worth 9.74 billion yuan from January through September, 16.3 "
         "percent more than in the same part of 2025.",
         [("partner_trade", "Tanzania", "2026-01..2026-09"),
          ("partner_trade_growth", "Tanzania", "2026-01..2026-09")]),
        ("Senegal's two-way commerce with Guangdong Province came to 8.37 billion yuan in January-October, "
         "marking a gain of 14.6 percent.",
         [("partner_trade", "Senegal", "2026-01..2026-10"),
          ("partner_trade_growth", "Senegal", "2026-01..2026-10")]),
        ("From 2021-2025, Guangdong-Kyrgyzstan trade expanded by an average of 19.7 percent a year.",
         [("partner_trade_growth", "Kyrgyzstan", "2021..2025")]),
        ("1至10月广东同科特迪瓦的货物贸易额较上年同期增加23.4%。",
         [("partner_trade_growth", "Côte d'Ivoire", "2026-01..2026-10")]),
        ("1—10月，广东与斯里兰卡双边贸易额达到58.3亿元。\n广东对斯出口49.1亿元。",
         [("partner_trade", "Sri Lanka", "2026-01..2026-10"), ("exports", "Sri Lanka", "2026-01..2026-10")]),
    ],
)  # fmt: skip
def test_more_ways_of_writing_a_partners_trade(
    catalogue: MetricCatalogue, text: str, expected: list[tuple[str, str, str]]
) -> None:
    found = figures(text, catalogue, published=date(2026, 11, 24))
    assert [(o.metric, o.partner, o.period) for o in found.values()] == expected


def test_an_elliptical_clause_belongs_to_the_place_or_trade_it_names(catalogue: MetricCatalogue) -> None:
    text = (
        "Shenzhen contributed 71 percent of the province's mower exports and Dongguan 17 percent.\n"
        "Guangdong's sales to Cameroon rose 16.8 percent, and its purchases from that market edged up 6.9 "
        "percent.\nBy the end of October, 386 Guangdong companies had recorded business with Cameroon."
    )
    found = list(figures(text, catalogue, published=date(2026, 11, 21)).values())
    assert [o.entity for o in found[:2]] == ["Shenzhen", "Dongguan"]
    assert [o.metric for o in found[2:]] == ["exports_growth", "imports_growth", "import_export_enterprises"]
    assert found[-1].partner == "Cameroon"


def test_a_country_describing_guangdong_in_an_apposition_owns_nothing(catalogue: MetricCatalogue) -> None:
    text = (
        "COTONOU/GUANGZHOU, Nov. 24 (Xinhua) -- Benin's dealings with Guangdong, China's biggest trading "
        "province, were worth 7.46 billion yuan from January to October, up 14.2 percent."
    )
    found = figures(text, catalogue, published=date(2026, 11, 24))
    assert [(o.metric, o.entity, o.partner) for o in found.values()] == [
        ("partner_trade", "Guangdong", "Benin"),
        ("partner_trade_growth", "Guangdong", "Benin"),
    ]


def test_a_partner_written_with_brackets_is_found(catalogue: MetricCatalogue) -> None:
    found = figures("今年首三季，廣東對剛果（金）進出口總值52.4億元人民幣，按年增長21.3%。", catalogue)
    assert {(o.metric, o.partner) for o in found.values()} == {
        ("partner_trade", "DR Congo"),
        ("partner_trade_growth", "DR Congo"),
    }


@pytest.mark.parametrize(
    ("text", "partner"),
    [
        ("Trade with the five Central Asian countries as a whole rose 19.4 percent to 38.5 billion yuan.",
         "Central Asia"),
        ("Guangdong-Jordan trade grew 12.7 percent to 4.18 billion yuan.", "Jordan"),
        ("Guangdong's imports and exports with the six member states of the Gulf Cooperation Council rose "
         "10.7 percent to 318.6 billion yuan.", "GCC"),
        ("Trade with countries participating in the Belt and Road Initiative expanded 7.8 percent to 3.64 "
         "trillion yuan.", "Belt and Road countries"),
        ("广东对海合会国家进出口增长10.7%，达3186亿元。", "GCC"),
        ("广东对中东欧国家进出口增长10.7%，达3186亿元。", "Central and Eastern Europe"),
        ("广东对南亚进出口增长10.7%，达3186亿元。", "South Asia"),
        ("广东对东南亚进出口增长10.7%，达3186亿元。", "Southeast Asia"),  # not South Asia
    ],
)  # fmt: skip
def test_groups_of_partners_are_partners_with_their_article_and_count(
    catalogue: MetricCatalogue, text: str, partner: str
) -> None:
    found = list(figures(text, catalogue).values())
    assert [(o.metric, o.partner) for o in found[-2:]] == [
        ("partner_trade_growth", partner),
        ("partner_trade", partner),
    ]


@pytest.mark.parametrize(
    ("text", "published", "period"),
    [
        # the total a finished year's additions reached: a stock at that year's end
        ("The port added 21 international container routes during the year, bringing the total to 178.",
         date(2026, 1, 14), "2025-12-31"),
        ("Operators launched seven routes at the port over the year, taking its network to 52 routes.",
         date(2026, 1, 23), "2025-12-31"),
        # the total this year's additions reached so far: a stock on the day of the report
        ("Guangdong has added 214 such enterprises so far this year, bringing its total to 1,742.",
         date(2025, 10, 15), "2025-10-15"),
    ],
)  # fmt: skip
def test_a_total_reached_by_additions_is_a_stock(
    catalogue: MetricCatalogue, text: str, published: date, period: str
) -> None:
    found = extract_observations(
        text, published=published, catalogue=catalogue, headline="Port hits record in 2025"
    )
    assert found[-1].period == period


def test_what_a_sentence_opening_in_the_present_counts_exists_on_the_day(catalogue: MetricCatalogue) -> None:
    text = "The town is home to more than 3,800 furniture dealers, with over 180 exhibition halls."
    found = extract_observations(
        text, published=date(2026, 2, 12), catalogue=catalogue, headline="Lecong sales climb in 2025"
    )
    assert [o.period for o in found] == ["2026-02-12", "2026-02-12"]


@pytest.mark.parametrize(
    "text",
    [
        # a month span after the amount is its period, not a subject ("in the automotive sector" would be)
        "Lithium battery exports from Huizhou reached 31.7 billion yuan in the January-September period of "
        "2026, up 24.3 percent.",
        # the rate before the amount in its clause is no subject of the amount
        "Exports of small home appliances from Shunde, the Foshan district known for its kitchen gadgets, "
        "rose 11.4 per cent to 14.2 billion yuan.",
    ],
)
def test_an_amount_after_a_long_subject_keeps_its_metric(catalogue: MetricCatalogue, text: str) -> None:
    found = extract_observations(text, published=date(2026, 10, 26), catalogue=catalogue)
    assert sorted(str(o.metric) for o in found) == ["exports", "exports_growth"]


def test_a_second_list_of_rates_pairs_with_the_items_of_the_first(catalogue: MetricCatalogue) -> None:
    text = "刀剪、厨具和餐具分别出口31.2亿元、24.8亿元和13.5亿元，分别增长15.1%、9.6%和7.2%。"
    found = extract_observations(text, published=date(2026, 7, 26), catalogue=catalogue)
    assert [(o.metric, o.segment) for o in found][3:] == [
        ("exports_growth", "knives and scissors"),
        ("exports_growth", "厨具"),
        ("exports_growth", "餐具"),
    ]
    text = (
        "第一产业、第二产业、第三产业分别实现增加值186.2亿元、756.1亿元和848.3亿元，"
        "分别增长3.4%、5.8%和3.9%。"
    )
    found = extract_observations(text, published=date(2026, 7, 26), catalogue=catalogue)
    assert [(o.metric, o.segment) for o in found][3:] == [
        ("gdp_growth", "primary sector"),
        ("gdp_growth", "secondary sector"),
        ("gdp_growth", "services"),
    ]


def test_the_partner_of_a_ledes_trade_stays_for_the_trade_figures_after_it(
    catalogue: MetricCatalogue,
) -> None:
    found = figures(
        "Guangdong's trade with Zambia rose 12.4 percent to 18.6 billion yuan.\n"
        "Imports of refined copper, the biggest item, reached 5.12 billion yuan, up 31.5 percent.\n"
        "Exports to Kenya rose 9 percent.\n"
        "The province's total exports grew 4.4 percent.",
        catalogue,
    )
    assert {span: o.partner for span, o in found.items()} == {
        "12.4 percent": "Zambia",
        "18.6 billion yuan": "Zambia",
        "5.12 billion yuan": "Zambia",
        "31.5 percent": "Zambia",
        "9 percent": "Kenya",  # a partner written is that partner
        "4.4 percent": None,  # the whole again
    }


def test_a_ledes_trade_with_no_partner_puts_none_in_force(catalogue: MetricCatalogue) -> None:
    found = figures(
        "Guangdong's exports rose 6.1 percent.\nExports to ASEAN rose 9 percent.\nImports grew 2 percent.",
        catalogue,
    )
    assert [o.partner for o in found.values()] == [None, "ASEAN", None]


def test_a_total_brought_to_after_a_months_additions_is_at_their_end(catalogue: MetricCatalogue) -> None:
    found = figures(
        "The airport added 11 freight routes in the January-August period, bringing its total to 68.",
        catalogue,
    )
    assert found["68"].period == "2025-08-31"


def test_amounts_that_share_out_the_trade_read_before_take_its_measure(catalogue: MetricCatalogue) -> None:
    found = figures(
        "Zhanjiang exported 9.8 billion yuan of aquatic products.\n"
        "Latin America and the Middle East took 1.32 billion yuan and 870 million yuan, respectively.\n"
        "The city's fishing fleet's revenue was 2.2 billion yuan.\n"
        "Trawlers accounted for 1.1 billion yuan.",
        catalogue,
    )
    assert [
        (found[span].metric, found[span].partner)
        for span in ("1.32 billion yuan", "870 million yuan", "1.1 billion yuan")
    ] == [
        ("exports", "Latin America"),
        ("exports", "Middle East"),
        (None, None),  # a share of an amount that is no trade
    ]


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        # metrics-2.81.0: 各 ("each") before the verb pairs a list as 分别 does, and a second list of shares
        # after the whole they are of takes the same places
        ("佛山、中山两地各出口1520万台和980万台，在全省出口量中分别占39.4%和25.4%。",
         ["Foshan", "Zhongshan", "Foshan", "Zhongshan"]),
        ("就城市而言，東莞與深圳各占全省偏光板自台進口量的46%與31%。", ["Dongguan", "Shenzhen"]),
    ],
)  # fmt: skip
def test_each_pairs_a_list_with_its_figures(catalogue: MetricCatalogue, text: str, owners: list[str]) -> None:
    assert [o.entity for o in figures(text, catalogue).values()] == owners


def test_the_rates_after_a_list_of_volumes_keep_the_items_but_measure_no_value(
    catalogue: MetricCatalogue,
) -> None:
    found = figures("其中，对虾、金鲳鱼分别出口3.8万吨和1.6万吨，分别增长15.4%和9.1%。", catalogue)
    assert [(o.metric, o.segment) for o in found.values()][2:] == [(None, "对虾"), (None, "金鲳鱼")]


@pytest.mark.parametrize(
    ("text", "share"),
    [
        # metrics-2.82.0: a plan's year does not replace the period in force, and more wordings of a share of
        # plan: 已达全年目标的, 目标完成进度达, "of the town's 20-billion-yuan goal"
        ("全镇食品产业产值265亿元，已达全年目标的72.3%。", "72.3%"),
        ("全年产值目标完成进度达74.8%。", "74.8%"),
        ("That is 84 percent of the town's 20-billion-yuan goal for the year.", "84 percent"),
    ],
)
def test_a_share_of_plan_is_dated_by_the_period_in_force(
    catalogue: MetricCatalogue, text: str, share: str
) -> None:
    found = figures(
        "今年前三季度，庵埠镇食品出口16.8亿元。\n" + text + "\n糖果占出口额的35%。",
        catalogue,
        published=date(2026, 10, 15),
    )
    assert (found[share].basis, found[share].period) == ("share_of_plan", "2026-01..2026-09")
    assert found["35%"].period == "2026-01..2026-09"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # metrics-2.98.0: a balance exists at the moment named, and so does its growth
        ("9月末，全省金融机构本外币存款余额38.46万亿元，同比增长6.3%。", ["2025-09-30", "2025-09-30"]),
        ("截至6月底，公司在手订单12.4亿元。", ["2025-06-30"]),
        ("The yard's order book stood at 1.3 billion yuan at the end of June.", ["2025-06-30"]),
        # a day in English, as of which a count is taken
        ("The company had about 6,800 staff on its payroll as of June 30.", ["2025-06-30"]),
        ("As of June 30, the group employed 12,400 people.", ["2025-06-30"]),
        # a flow to the end of a month keeps its span
        ("截至9月底，前三季度累计出口12.4亿元。", ["2025-01..2025-09"]),
    ],
)
def test_a_stock_takes_the_moment_it_is_counted_at(
    catalogue: MetricCatalogue, text: str, expected: list[str]
) -> None:
    found = figures(text, catalogue, published=date(2025, 10, 20))
    assert [o.period for o in found.values()] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # metrics-2.99.0: "percent above" / "percent below" a base is a change
        ("Cashew imports were worth 1.12 billion yuan, 26.7 percent above the 2025 level.", 26.7),
        ("Imports were 14 percent below the same month last year.", -14.0),
    ],
)
def test_a_percent_above_or_below_a_base_is_a_change(
    catalogue: MetricCatalogue, text: str, expected: float
) -> None:
    [rate] = [o for o in figures(text, catalogue).values() if o.unit == "%"]
    assert (rate.kind, rate.value) == ("change", expected)


def test_a_list_counted_again_is_no_figure(catalogue: MetricCatalogue) -> None:
    # metrics-2.99.0: 两项 restates the list before it, as 两个市场 does
    assert list(figures("芝麻、腰果两项合计3.9亿元。", catalogue)) == ["3.9亿元"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # metrics-3.0.0: a month's end written as its close or its last day is a point
        ("At October's close, 2,310 enterprises had kettle export records.", ["2025-10-31"]),
        ("By October's end, roughly 520 firms were on record as trading with Kyrgyzstan.", ["2025-10-31"]),
        ("截止10月最后一天，深圳有此类相机出口实绩的企业412家。", ["2025-10-31"]),
        ("至10月末，全省具有电炖锅出口实绩的企业1100多家。", ["2025-10-31"]),
        # the year's opening months are its first ones
        ("Output value reached 7.9 billion yuan in the year's opening ten months.", ["2025-01..2025-10"]),
    ],
)
def test_month_ends_and_opening_months(catalogue: MetricCatalogue, text: str, expected: list[str]) -> None:
    found = figures(text, catalogue, published=date(2025, 11, 20))
    assert [o.period for o in found.values()] == expected


def test_a_reports_name_gives_way_to_the_period_its_figures_are_of(catalogue: MetricCatalogue) -> None:
    # metrics-3.0.0: 公布三季报 names the report; 第三季度 dates its figures and the next sentence's
    text = "翊澈科技公布三季报，第三季度营收6.84亿元，同比提高32.4%。\n归母净利润7120万元，同比增幅41.7%。"
    found = figures(text, catalogue, published=date(2026, 10, 23))
    assert {o.period for o in found.values()} == {"2026-Q3"}


@pytest.mark.parametrize(
    ("text", "segment"),
    [
        # metrics-3.4.0: an industry's scale after its goods is the industry's revenue, named by the goods
        ("今年，新会区力争陈皮产业规模突破320亿元。", "陈皮"),
        ("该镇计划到2028年将发饰产业规模提升至80亿元。", "发饰"),
    ],
)
def test_an_industrys_scale_is_its_revenue(catalogue: MetricCatalogue, text: str, segment: str) -> None:
    [found] = figures(text, catalogue, published=date(2026, 10, 20)).values()
    assert (found.metric, found.segment) == ("industry_revenue", segment)
