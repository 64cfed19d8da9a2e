"""How copy words a trade with one partner, a rise or fall, and a volume's rate (metrics-3.5.0): the partner
cut to one character with 国, the partner written before 与广东 or before a period, rarer verbs of change, and
rates of a volume that are no value's growth (docs/figure-labels-v2.md, "A part of the whole";
docs/architecture.md, "Trade wording in metrics-3.5.0")."""

from __future__ import annotations

from datetime import date

import pytest

from gdwatch.extractors.figures import FigureExtractor

PUBLISHED = date(2026, 11, 24)


def read(extractor: FigureExtractor, text: str, headline: str | None = None) -> dict[str, tuple[object, ...]]:
    found = extractor.extract(text, published=PUBLISHED, headline=headline)
    return {text[o.start : o.end]: (o.metric, o.partner, o.kind) for o in found}


def test_a_partner_cut_to_one_character_with_guo_is_the_partner_the_article_names(
    extractor: FigureExtractor,
) -> None:
    text = (
        "塞浦路斯与广东之间的货物贸易今年1至10月达到21.3亿元，比去年同期多10.8%。\n"
        "广东销往塞国的货物价值19.6亿元。\n"
        "广东从塞国买入的以铜材、橄榄油居多，金额1.7亿元，增加3.2%。"
    )
    figures = read(extractor, text)
    assert figures["21.3亿元"] == ("partner_trade", "Cyprus", "level")
    assert figures["10.8%"] == ("partner_trade_growth", "Cyprus", "change")
    assert figures["19.6亿元"] == ("exports", "Cyprus", "level")
    assert figures["3.2%"] == ("imports_growth", "Cyprus", "change")


def test_a_countrys_own_name_ending_in_guo_is_not_read_as_a_cut_one(extractor: FigureExtractor) -> None:
    # 销往美国 names the United States itself, which the catalogue's phrase reads; read as 美 cut to one
    # character with 国 it would add an exports phrase that takes the shares' goods away
    text = (
        "粤企出口方面，大涌红木家具出口6.2亿元，主要销往美国、马来西亚和中国香港，"
        "分别占出口额的31%、22%和18%。"
    )
    found = {text[o.start : o.end]: o.segment for o in extractor.extract(text, published=PUBLISHED)}
    assert found == {"6.2亿元": "furniture", "31%": "furniture", "22%": "furniture", "18%": "furniture"}


@pytest.mark.parametrize(
    ("text", "amount", "partner"),
    [
        (
            "廣東與科特迪瓦今年首10個月的進出口貨值合共26.4億元人民幣，比去年同期多了15.2%。",
            "26.4億元",
            "Côte d'Ivoire",
        ),
        ("广东与多米尼加的货物贸易额达86.2亿元，较上年同期增长17.5%。", "86.2亿元", "Dominican Republic"),
        ("前10个月，广东对波黑进出口7.64亿元，同比增长21.6%。", "7.64亿元", "Bosnia and Herzegovina"),
    ],
)
def test_the_trade_with_a_partner_written_before_a_period_or_by_its_short_name(
    extractor: FigureExtractor, text: str, amount: str, partner: str
) -> None:
    assert read(extractor, text)[amount] == ("partner_trade", partner, "level")


def test_the_partner_before_a_trade_with_guangdong_is_no_goods(extractor: FigureExtractor) -> None:
    text = "中美洲国家尼加拉瓜与广东的贸易往来快速增长，1至10月双方进出口总值达23.5亿元人民幣。"
    found = extractor.extract(text, published=PUBLISHED)
    assert [(o.metric, o.partner, o.segment) for o in found] == [("partner_trade", "Nicaragua", None)]


@pytest.mark.parametrize(
    ("text", "rate", "metric", "value"),
    [
        ("牛仔服装外销58.2亿元，较去年同期增多11.9%。", "11.9%", "exports_growth", 11.9),
        ("自比利时进口94.2亿元，微增1.3%。", "1.3%", "imports_growth", 1.3),
        ("出口27.8亿元，扩大23.6%。", "23.6%", "exports_growth", 23.6),
        ("进口额为2.6亿元，微降1.5%。", "1.5%", "imports_growth", -1.5),
    ],
)
def test_rarer_verbs_of_change_make_a_rate_the_levels_growth(
    extractor: FigureExtractor, text: str, rate: str, metric: str, value: float
) -> None:
    found = {text[o.start : o.end]: o for o in extractor.extract(text, published=PUBLISHED)}
    assert (found[rate].metric, found[rate].kind, found[rate].value) == (metric, "change", value)


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("10月单月出口激光雕刻机21.3万台，较9月增加6.8%。", "6.8%"),
        ("10月份全省电火锅出口312万台，比9月份多16.5%。", "16.5%"),
        ("1至10月，广东累计外销蓝牙音箱1.06亿台，同比多出9.6%。", "9.6%"),
        (
            "In October alone, shipments reached 1.18 million units, 14.6 percent more than in September.",
            "14.6 percent",
        ),
        ("美国、欧盟市场分别消化了深圳平板出口量的28.6%和24.1%。", "28.6%"),
        ("新西兰和澳大利亚两个来源地分别贡献了进口量的45.3%与22.8%。", "22.8%"),
    ],
)
def test_the_rate_or_share_of_a_volume_is_no_growth_of_the_trades_value(
    extractor: FigureExtractor, text: str, rate: str
) -> None:
    found = {text[o.start : o.end]: o for o in extractor.extract(text, published=PUBLISHED)}
    assert found[rate].metric is None


def test_the_rate_after_a_value_keeps_the_values_metric(extractor: FigureExtractor) -> None:
    # the guard above reads the volume only: a value's rate after "比9月多" stays the value's growth
    text = "10月份全省电火锅出口额为9.2亿元，比9月份多16.5%。"
    found = {text[o.start : o.end]: o for o in extractor.extract(text, published=PUBLISHED)}
    assert found["16.5%"].metric == "exports_growth"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # metrics-3.6.0: the partners listed as one run before a respectively list's figures, whatever the
        # list's other words split into
        ("销往东盟与中东的鞋类，增幅分别达到18.3%与25.1%。", ["ASEAN", "Middle East"]),
        ("新西兰和澳大利亚两个来源地分别贡献了进口量的45.3%与22.8%。", ["New Zealand", "Australia"]),
        ("美國、比利時及南韓貨分別佔進口量41%、23%及18%。", ["US", "Belgium", "South Korea"]),
        (
            "ASEAN and Middle Eastern buyers increased their purchases by 24.6 percent and 19.8 percent "
            "respectively.",
            ["ASEAN", "Middle East"],
        ),
    ],
)
def test_a_run_of_partners_pairs_with_a_respectively_list_in_order(
    extractor: FigureExtractor, text: str, expected: list[str]
) -> None:
    found = [o for o in extractor.extract(text, published=PUBLISHED) if o.unit == "%"]
    assert [o.partner for o in found] == expected


def test_a_country_of_a_region_is_not_the_region(extractor: FigureExtractor) -> None:
    text = (
        "Guangdong-Jordan trade grew 12.7 percent to 4.18 billion yuan over January-August.\n"
        "Exports to the Middle Eastern kingdom rose 15.9 percent to 3.02 billion yuan."
    )
    found = {text[o.start : o.end]: o.partner for o in extractor.extract(text, published=PUBLISHED)}
    assert found["15.9 percent"] == "Jordan"


@pytest.mark.parametrize(
    ("text", "rate", "partner"),
    [
        ("U.S.-bound shipments grew 18.4 percent.", "18.4 percent", "US"),
        ("Shipments to Japan rose 7.2 percent, while EU-bound ones grew 16.9 percent.", "16.9 percent", "EU"),
        (
            "EU-bound exports fell 3.6 percent, while those to the Middle East rose 52 percent.",
            "52 percent",
            "Middle East",
        ),
    ],
)
def test_goods_bound_for_a_partner_and_those_to_another_are_exports_to_it(
    extractor: FigureExtractor, text: str, rate: str, partner: str
) -> None:
    found = {text[o.start : o.end]: o for o in extractor.extract(text, published=PUBLISHED)}
    assert (found[rate].metric, found[rate].partner) == ("exports_growth", partner)


def test_an_apposition_on_the_subject_keeps_the_subjects_measure(extractor: FigureExtractor) -> None:
    text = (
        "Outbound shipments from Guangdong, mainly motorbikes, solar panels and textiles, increased 17.8 "
        "percent "
        "to 498 million yuan."
    )
    found = [(o.metric, o.segment) for o in extractor.extract(text, published=PUBLISHED)]
    assert found == [("exports_growth", None), ("exports", None)]


def test_an_apposition_after_a_figure_still_ends_its_clause(extractor: FigureExtractor) -> None:
    text = "Exports rose 5 percent, mainly to the EU, and imports fell 2 percent."
    found = [(o.metric, o.value) for o in extractor.extract(text, published=PUBLISHED)]
    assert found == [("exports_growth", 5.0), ("imports_growth", -2.0)]


@pytest.mark.parametrize(
    "text",
    [
        "Guangzhou customs expects full-year trade to approach 3 billion yuan.",
        "Customs officers in Guangzhou see full-year trade with the islands topping 1.6 billion yuan.",
        "Meat traders in Guangzhou said November arrivals could exceed 70,000 tonnes.",
        "Importers in Dongguan and Shenzhen expect November arrivals to climb by about 10% from October.",
    ],
)
def test_the_place_of_those_who_forecast_is_not_the_figures_owner(
    extractor: FigureExtractor, text: str
) -> None:
    # metrics-3.7.0: the customs office or the traders of a city speak for the province's trade
    assert {o.entity for o in extractor.extract(text, published=PUBLISHED)} == {"Guangdong"}


def test_the_place_of_those_who_sell_is_the_figures_owner(extractor: FigureExtractor) -> None:
    text = "Jade traders in Sihui sold goods worth 1.18 billion yuan during the holiday."
    assert {o.entity for o in extractor.extract(text, published=PUBLISHED)} == {"Sihui"}


def test_places_listed_before_an_apposition_pair_with_a_respectively_list(extractor: FigureExtractor) -> None:
    text = (
        "Foshan and Zhongshan, the two main production bases, exported 1.72 billion yuan and 1.31 billion "
        "yuan worth of the cookers, respectively."
    )
    found = [o.entity for o in extractor.extract(text, published=PUBLISHED)]
    assert found == ["Foshan", "Zhongshan"]


@pytest.mark.parametrize(
    ("text", "segment"),
    [
        ("Guangdong's video game industry earned 124.6 billion yuan in 2025.", "video game"),
        ("The smart home appliance cluster earned 1,865.4 billion yuan.", "smart home appliances"),
        ("Sihui's jade industry posted revenue of 32 billion yuan last year.", "jade"),
        ("The city aims to build a yacht industry worth 10 billion yuan by 2030.", "yachts"),
    ],
)
def test_what_an_industry_earns_is_its_revenue(extractor: FigureExtractor, text: str, segment: str) -> None:
    found = extractor.extract(text, published=PUBLISHED)
    assert [(o.metric, o.segment) for o in found] == [("industry_revenue", segment)]


def test_an_industrys_output_value_is_no_revenue(extractor: FigureExtractor) -> None:
    text = "Guangdong's prepared dish industry reported an output value of 86.2 billion yuan last year."
    assert [o.metric for o in extractor.extract(text, published=PUBLISHED)] == [None]


@pytest.mark.parametrize(
    ("text", "partner"),
    [
        ("Some 1,320 Guangdong enterprises now trade with Morocco.", "Morocco"),
        ("Some 130 Guangdong firms now do business with Rwanda.", "Rwanda"),
        ("By the end of October, 412 companies from Guangdong were trading with Fiji.", "Fiji"),
    ],
)
def test_firms_that_trade_with_a_partner_are_its_trading_firms(
    extractor: FigureExtractor, text: str, partner: str
) -> None:
    found = extractor.extract(text, published=PUBLISHED)
    assert [(o.metric, o.partner) for o in found] == [("import_export_enterprises", partner)]


@pytest.mark.parametrize(
    ("text", "segment"),
    [
        # metrics-3.8.0: goods the catalogue does not list, written before "exports", named in the plural
        ("In November, pet supply exports stood at 1.92 billion yuan.", "pet supplies"),
        ("In the period, processed food exports grew to 1.2 billion yuan.", "processed food"),
        ("Guangdong's sewing machine exports reached 2.93 billion yuan.", "sewing machines"),
        ("The county's aquatic exports reached 2.1 billion yuan.", "aquatic products"),
        ("In the period, bonded online imports totalled 21.3 billion yuan.", "bonded online"),
        # metrics-3.13.0: "product" after the goods' own word, and mass nouns, stay as written
        ("Dongguan's pet product exports stood at 1.46 billion yuan.", "pet products"),
        ("In the period, camping gear exports reached 4 billion yuan.", "camping gear"),
    ],
)
def test_goods_written_before_a_flow_are_its_part(
    extractor: FigureExtractor, text: str, segment: str
) -> None:
    found = extractor.extract(text, published=PUBLISHED)
    assert [o.segment for o in found] == [segment]
    assert found[0].metric in {"exports", "imports"}


def test_outbound_goods_are_exports_and_outbound_investment_is_not(extractor: FigureExtractor) -> None:
    text = (
        "Outbound solar cells and textiles and garments grew 47.5 percent and 9.3 percent, respectively.\n"
        "Guangdong's outbound direct investment reached 18.2 billion US dollars."
    )
    found = [(o.metric, o.segment) for o in extractor.extract(text, published=PUBLISHED)]
    assert found == [
        ("exports_growth", "solar cells"),
        ("exports_growth", "textiles and garments"),
        (None, "outbound direct investment"),
    ]


def test_sales_of_a_part_after_the_retail_sales_are_their_part(extractor: FigureExtractor) -> None:
    text = (
        "Retail sales of consumer goods reached 2.31 trillion yuan, up 2.8 percent.\n"
        "Sales of home appliances jumped 14.3 percent, driven by the trade-in programme."
    )
    found = {
        text[o.start : o.end]: (o.metric, o.segment) for o in extractor.extract(text, published=PUBLISHED)
    }
    assert found["14.3 percent"] == ("retail_sales_growth", "home appliances")


def test_a_quarters_growth_after_the_economy_is_its_growth(extractor: FigureExtractor) -> None:
    text = (
        "Guangdong's GDP grew 4.5% in the first three quarters to 10.81 trillion yuan.\n"
        "Third-quarter growth was 4.6%, up from 4.5% in the second quarter."
    )
    found = [(o.metric, o.period) for o in extractor.extract(text, published=date(2026, 10, 22))]
    assert found[2:] == [("gdp_growth", "2026-Q3"), ("gdp_growth", "2026-Q2")]


def test_inbound_shipments_are_imports_and_a_deficit_is_no_trade_total(extractor: FigureExtractor) -> None:
    # metrics-3.10.0
    text = (
        "Inbound shipments dropped 6.2% to 4.05 billion yuan, leaving the city with a trade deficit of 870 "
        "million yuan."
    )
    found = [(o.metric, o.segment) for o in extractor.extract(text, published=PUBLISHED)]
    assert found == [("imports_growth", None), ("imports", None), (None, "trade deficit")]


def test_a_volumes_rate_written_as_an_increase_has_no_metric(extractor: FigureExtractor) -> None:
    text = "Shipments in October came to 263,000 units, a 12.8 percent month-on-month increase."
    found = [(o.metric, o.basis) for o in extractor.extract(text, published=PUBLISHED)]
    assert found == [(None, None), (None, "mom")]


def test_commerce_between_the_two_is_the_partners_trade(extractor: FigureExtractor) -> None:
    text = (
        "Guangdong's trade with Uruguay rose 9.1 percent.\n"
        "Third-quarter commerce between the two came in at 2.31 billion yuan, up 4.2 percent from the "
        "April-June "
        "quarter."
    )
    found = {
        text[o.start : o.end]: (o.metric, o.partner) for o in extractor.extract(text, published=PUBLISHED)
    }
    assert found["2.31 billion yuan"] == ("partner_trade", "Uruguay")
    assert found["4.2 percent"] == ("partner_trade_growth", "Uruguay")


def test_a_block_of_streets_and_this_year_are_no_towns(extractor: FigureExtractor) -> None:
    text = (
        "今年1—10月，南海区平洲玉器街区玉器交易额累计146.8亿元，较去年同期多出9.2%。\n"
        "眼下狮岭镇的皮具生产企业有8600多家。\n"
        "今年镇里又冒出420家皮具企业。"
    )
    entities = {o.entity for o in extractor.extract(text, published=PUBLISHED)}
    assert entities <= {"Pingzhou", "Shiling", "Nanhai", "Guangdong"}
    assert "Yuqi" not in entities and "Jinnian" not in entities


def test_a_town_introduced_with_what_it_is_known_for_owns_its_figures(extractor: FigureExtractor) -> None:
    text = (
        "SHATOU, Foshan, Nov 18 -- Shatou, a Nanhai district town known across Foshan for its bathing suits, "
        "saw swimwear output worth 8.96 billion yuan over January-October."
    )
    assert [o.entity for o in extractor.extract(text, published=PUBLISHED)] == ["Shatou"]


def test_a_rate_after_an_adverb_and_le_is_the_levels_growth(extractor: FigureExtractor) -> None:
    text = "出口24.9亿元，增长14.1%；进口额6.8亿元，只增长了2.7%，增速低于出口。"
    found = {text[o.start : o.end]: o.metric for o in extractor.extract(text, published=PUBLISHED)}
    assert found["2.7%"] == "imports_growth"


def test_a_span_of_years_written_with_nian_twice(extractor: FigureExtractor) -> None:
    text = "2021年到2025年这五年，粤斯贸易的年均增速为7.9%。"
    assert [o.period for o in extractor.extract(text, published=PUBLISHED)] == ["2021..2025"]


@pytest.mark.parametrize(
    ("text", "basis"),
    [
        # metrics-3.11.0: the month or quarter before, written after the rate
        ("In October, exports rose 9.4% more than in September.", "mom"),
        ("Arrivals in October reached 7,420 tonnes, 18.6% above September's level.", "mom"),
        ("In October, supply was 6.9 per cent higher than in October last year.", "yoy"),
        ("Third-quarter exports rose 5.4 percent on April-June.", "qoq"),
        ("Third-quarter sales were 12.9% higher than in April-June.", "qoq"),
        ("10月份，深圳车载显示屏出口额比9月多出4.9%。", "mom"),
    ],
)
def test_the_month_or_quarter_before_as_a_rates_base(
    extractor: FigureExtractor, text: str, basis: str
) -> None:
    found = [o for o in extractor.extract(text, published=PUBLISHED) if o.unit == "%"]
    assert [o.basis for o in found] == [basis]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        # metrics-3.12.0: a number with a Chinese measure word after it is no year
        ("10月單月進口2060公噸，月增6.7%。", "2026-10"),
        ("全镇养殖面积3.6万亩，较去年增加2000亩。", None),
        ("为期5天的2026秋季古镇灯博会吸引采购商36800人。", "2026"),
    ],
)
def test_a_count_is_no_year(extractor: FigureExtractor, text: str, period: str | None) -> None:
    found = extractor.extract(text, published=PUBLISHED)
    assert found[-1].period == period


def test_goods_sold_abroad_through_a_channel_are_exports(extractor: FigureExtractor) -> None:
    text = "走跨境电商渠道卖到海外的皮具价值26.3亿元，增幅31.5%。"
    found = [(o.metric, o.segment) for o in extractor.extract(text, published=PUBLISHED)]
    assert found == [("exports", "leather goods"), ("exports_growth", "leather goods")]


def test_firms_doing_business_with_a_partner_are_its_trading_firms(extractor: FigureExtractor) -> None:
    text = "10月末时，同拉脱维亚做生意的广东企业累计312家。"
    found = [(o.metric, o.partner) for o in extractor.extract(text, published=PUBLISHED)]
    assert found == [("import_export_enterprises", "Latvia")]


def test_rates_listed_after_a_rate_share_its_verb(extractor: FigureExtractor) -> None:
    text = (
        "Mobile phone, motorcycle and construction material sales to the island grew respectively by 23.4 "
        "percent, 17.2 percent and 12.8 percent."
    )
    found = [(o.kind, o.basis, o.metric) for o in extractor.extract(text, published=PUBLISHED)]
    assert found == [("change", "yoy", "exports_growth")] * 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # metrics-3.14.0: a bare amount after the clause that names the goods and their flow is the goods' own
        ("铝材是广东从巴林采购的主要商品，金额3.9亿元。", ("imports", "Bahrain", "铝材")),
        ("广东从塞浦路斯买入的以铜材、橄榄油居多，金额1.7亿元。", ("imports", "Cyprus", None)),
    ],
)
def test_a_bare_amount_after_the_goods_and_their_flow(
    extractor: FigureExtractor, text: str, expected: tuple[str, str, str | None]
) -> None:
    found = [(o.metric, o.partner, o.segment) for o in extractor.extract(text, published=PUBLISHED)]
    assert found == [expected]


@pytest.mark.parametrize(
    ("text", "metric", "partner", "period"),
    [
        (
            "At the close of October, 57 Guangdong companies were doing business with Cabo Verde.",
            "import_export_enterprises",
            "Cape Verde",
            "2026-10-31",
        ),
        (
            "When October closed, 316 companies in the province had recorded trade with Estonia.",
            "import_export_enterprises",
            "Estonia",
            "2026-10-31",
        ),
        ("Sales abroad reached 12.7 billion yuan in October.", "exports", None, "2026-10"),
    ],
)
def test_english_trading_firms_and_sales_abroad(
    extractor: FigureExtractor, text: str, metric: str, partner: str | None, period: str
) -> None:
    found = [(o.metric, o.partner, o.period) for o in extractor.extract(text, published=date(2026, 11, 24))]
    assert found == [(metric, partner, period)]


def test_what_the_country_named_by_what_it_is_buys_is_exports_to_it(extractor: FigureExtractor) -> None:
    text = (
        "The Central American country bought 811 million yuan of goods from the province over January to "
        "October."
    )
    found = extractor.extract(text, published=PUBLISHED, headline="Guangdong-Belize trade grows 16.5%")
    assert [(o.metric, o.partner) for o in found] == [("exports", "Belize")]
