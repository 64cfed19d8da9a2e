"""Services trade is trade, uncatalogued traded products in a respectively list are each their own part,
and "value added in Chaozhou" is Chaozhou's (metrics-2.9.0); counts of a measure in its own unit name it
(metrics-2.10.0); parts written after their trade ("exports of prepared dishes"), zones and counted places
before a trade phrase, and percents written in words that are changes (metrics-2.11.0)."""

from __future__ import annotations

from datetime import date

import pytest

from gdwatch.config.loader import load_gazetteer, load_metrics
from gdwatch.extractors.figures import FigureExtractor


def fields(extractor: FigureExtractor, text: str, *names: str) -> list[tuple[object, ...]]:
    found = extractor.extract(text, published=date(2026, 2, 11))
    return [(text[o.start : o.end], *(getattr(o, name) for name in names)) for o in found]


def test_services_trade_is_a_part_of_trade_not_of_the_economy(extractor: FigureExtractor) -> None:
    text = (
        "Guangdong's trade in services reached 1.34 trillion yuan last year.\n"
        "Travel services trade recovered by 9.1 percent.\n"
        "其中，服务出口3214.6亿元，增长12.7%；服务进口3772.8亿元，增长6.2%。\n"
        "Services added value grew 5.1 percent."
    )
    assert fields(extractor, text, "metric", "segment") == [
        ("1.34 trillion yuan", "foreign_trade_total", "services"),
        ("9.1 percent", "foreign_trade_growth", "services"),
        ("3214.6亿元", "exports", "services"),
        ("12.7%", "exports_growth", "services"),
        ("3772.8亿元", "imports", "services"),
        ("6.2%", "imports_growth", "services"),
        ("5.1 percent", "gdp_growth", "services"),  # the sector's added value stays GDP by sector
    ]


def test_uncatalogued_traded_products_of_a_list_each_name_their_part(extractor: FigureExtractor) -> None:
    text = "今年1-7月，汕头家纺出口增长。\n床上用品、毛巾、窗帘出口分别增长5.8%、2.1%和7.6%。"
    assert fields(extractor, text, "metric", "segment")[-3:] == [
        ("5.8%", "exports_growth", "床上用品"),
        ("2.1%", "exports_growth", "毛巾"),
        ("7.6%", "exports_growth", "窗帘"),
    ]


def test_a_list_of_places_is_not_read_as_products(extractor: FigureExtractor) -> None:
    text = "广州、深圳分别增长3%和4%。"
    expected = [("3%", "Guangzhou", None), ("4%", "Shenzhen", None)]
    assert fields(extractor, text, "entity", "segment") == expected


def test_a_measure_in_a_place_is_the_places_own(extractor: FigureExtractor) -> None:
    text = "Industrial added value in Chaozhou and Jieyang rose 7.4 percent and 11.2 percent, respectively."
    assert fields(extractor, text, "metric", "entity") == [
        ("7.4 percent", "industrial_added_value_growth", "Chaozhou"),
        ("11.2 percent", "industrial_added_value_growth", "Jieyang"),
    ]


def test_shaoguans_districts_are_in_the_gazetteer(extractor: FigureExtractor) -> None:
    text = "曲江区、乐昌市、南雄市规上工业增加值分别增长9.1%、5.7%和4.2%。"
    assert [row[1] for row in fields(extractor, text, "entity")] == ["Qujiang", "Lechang", "Nanxiong"]


def test_a_rate_written_right_after_a_level_is_its_rate(extractor: FigureExtractor) -> None:
    text = (
        "Foshan exported home appliances worth 142.6 billion yuan last year, up 7.8 percent.\n"
        "Shantou's Chaonan district exported 6.78 billion yuan, up 8.7 percent."
    )
    assert [row[1] for row in fields(extractor, text, "metric")] == [
        "exports",
        "exports_growth",
        "exports",
        "exports_growth",
    ]


def test_a_places_growth_target_is_its_economys(extractor: FigureExtractor) -> None:
    text = "Guangdong has set a growth target of around 5% for 2026.\nBYD targets growth of 20 percent."
    assert fields(extractor, text, "metric") == [("5%", "gdp_growth"), ("20 percent", None)]


def test_hong_kong_writes_a_rise_or_fall_with_one_character(extractor: FigureExtractor) -> None:
    text = "港產品出口貨值25億港元，下跌4.1%，轉口跌3.2%，電訊設備出口升9.1%。"
    found = extractor.extract(text, published=date(2026, 2, 11))
    assert [(text[o.start : o.end], o.value, o.kind) for o in found][1:] == [
        ("4.1%", -4.1, "change"),
        ("3.2%", -3.2, "change"),
        ("9.1%", 9.1, "change"),
    ]


def test_rd_spending_as_a_percent_of_gdp_is_rd_intensity(extractor: FigureExtractor) -> None:
    text = (
        "Guangdong spent 571.2 billion yuan on research and development in 2025, "
        "about 3.9 percent of its GDP.\n"
        "R&D spending is targeted at 3.6 percent of GDP.\n"
        "Exports made up 60 percent of GDP."
    )
    assert fields(extractor, text, "metric")[1:] == [
        ("3.9 percent", "rd_intensity"),
        ("3.6 percent", "rd_intensity"),
        ("60 percent", None),
    ]


def test_firms_trading_abroad_are_counted_as_import_export_enterprises(extractor: FigureExtractor) -> None:
    text = "Guangzhou counted 31,460 firms with actual import and export business at the end of July."
    assert fields(extractor, text, "metric") == [("31,460", "import_export_enterprises")]


def test_industries_listed_after_the_wholes_added_value_keep_its_measure(extractor: FigureExtractor) -> None:
    text = (
        "全省规模以上工业增加值同比增长4.5%；先进制造业和高技术制造业分别增长6.8%和7.9%。\n"
        "其中，电池制造业、汽车制造业增加值分别增长21.7%和6.4%。"
    )
    assert fields(extractor, text, "metric", "segment") == [
        ("4.5%", "industrial_added_value_growth", None),
        ("6.8%", "industrial_added_value_growth", "advanced manufacturing"),
        ("7.9%", "industrial_added_value_growth", "high-tech manufacturing"),
        ("21.7%", "industrial_added_value_growth", "battery manufacturing"),
        ("6.4%", "industrial_added_value_growth", "automobile manufacturing"),
    ]


def test_spending_on_rd_and_a_rise_after_a_converted_level(extractor: FigureExtractor) -> None:
    text = (
        "Huawei spent 179.7 billion yuan on research and development in 2025.\n"
        "Guangdong posted foreign trade of 4.47 trillion yuan (about 623 billion U.S. dollars) "
        "in the first six months of 2025, a year-on-year rise of 3.9 percent, customs data showed."
    )
    # a company's R&D spending is one of its own measures (labels v2, "A company's measures"): no metric,
    # segment r&d expenditure (metrics-2.27.0; the region's R&D spending keeps rd_investment)
    assert fields(extractor, text, "segment")[0][1] == "r&d expenditure"
    assert [row[1] for row in fields(extractor, text, "metric")] == [
        None,
        "foreign_trade_total",
        "foreign_trade_total",
        "foreign_trade_growth",
    ]


def test_a_companys_plant_and_a_second_partner_are_not_owners(extractor: FigureExtractor) -> None:
    text = (
        "鼎翊電子表示，東莞廠去年出貨量約占集團總出貨的六成。\n"
        "5月台灣對中國大陸及香港出口為126.3億美元。\n"
        "東莞與佛山去年出口分別年增5.6%與2.2%。"
    )
    entities = [row[1] for row in fields(extractor, text, "entity")]
    assert "Dongguan" not in entities[:1] and "Hong Kong" not in entities[1:2]
    assert entities[2:] == ["Dongguan", "Foshan"]


def test_where_another_place_lies_or_comes_from_is_no_owner(extractor: FigureExtractor) -> None:
    text = (
        "Macao's visitor arrivals reached 9.86 million in the quarter.\n"
        "Mainland visitors accounted for 72.6 percent, of whom 48.1 percent came from Guangdong."
    )
    assert [row[1] for row in fields(extractor, text, "entity")] == ["Macao", "Macao", "Macao"]


def test_a_count_in_the_measures_own_unit_names_the_measure(extractor: FigureExtractor) -> None:
    text = (
        "汕头港完成集装箱吞吐量186万标箱，比2024年增长9.7%。\n"
        "The fair drew 305,400 overseas buyers from 217 countries and regions."
    )
    assert fields(extractor, text, "segment") == [
        ("186万", "container throughput"),
        ("9.7%", "container throughput"),
        ("305,400", "overseas buyers"),
        ("217", None),  # countries and regions are not buyers
    ]


def test_travellers_crossing_both_ways_are_not_visitor_arrivals(extractor: FigureExtractor) -> None:
    text = "首10個月經大橋口岸出入境旅客達2,845.2萬人次。其中，「港車北上」車輛5.82萬輛次。"
    assert fields(extractor, text, "segment") == [
        ("2,845.2萬", "passenger crossings"),
        ("5.82萬", None),  # vehicles listed after the travellers are not travellers
    ]


def test_newly_added_urban_jobs_are_not_zengchengs(extractor: FigureExtractor) -> None:
    assert fields(extractor, "上半年，广州新增城镇就业16.2万人。", "entity") == [("16.2万", "Guangzhou")]


def test_a_product_written_after_exports_of_is_the_part(extractor: FigureExtractor) -> None:
    text = (
        "Exports of prepared dishes rose 21.7 percent to 9.8 billion yuan in the first half.\n"
        "Exports of tea from the province rose 7.2 percent,"
        " while exports of preserved fruit fell 3.9 percent.\n"
        "Exports of pickles and sauces rose 9.6 percent."
    )
    assert fields(extractor, text, "metric", "segment") == [
        ("21.7 percent", "exports_growth", "prepared dishes"),
        ("9.8 billion yuan", "exports", "prepared dishes"),
        ("7.2 percent", "exports_growth", "tea"),
        ("3.9 percent", "exports_growth", "preserved fruit"),
        ("9.6 percent", "exports_growth", "pickles and sauces"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The province is targeting export growth of about 3 per cent this year.",
        "Exports of goods and services rose 3 percent.",
        "Exports of the province rose 3 percent.",
    ],
)
def test_what_follows_of_is_no_part_when_it_names_the_whole_or_a_bound(
    extractor: FigureExtractor, text: str
) -> None:
    [(_, metric, segment)] = fields(extractor, text, "metric", "segment")
    assert (metric, segment) == ("exports_growth", None)


def test_a_conjunction_before_shipments_is_no_product(extractor: FigureExtractor) -> None:
    text = "Exports grew 4.4 per cent, although shipments to the US fell by a fifth."
    assert fields(extractor, text, "metric", "segment", "kind")[-1] == (
        "a fifth",
        "exports_growth",
        None,
        "change",
    )


def test_a_zone_or_a_count_of_places_before_trade_names_the_whole(extractor: FigureExtractor) -> None:
    text = (
        "澄海全区外贸进出口236.8亿元，增长10.1%。\n"
        "前海综合保税区进出口1856亿元，增长21.3%。\n"
        "揭阳、汕尾两市外贸进出口分别为489.3亿元和163.5亿元。"
    )
    assert fields(extractor, text, "metric", "entity", "segment") == [
        ("236.8亿元", "foreign_trade_total", "Chenghai", None),
        ("10.1%", "foreign_trade_growth", "Chenghai", None),
        ("1856亿元", "foreign_trade_total", "Qianhai", None),
        ("21.3%", "foreign_trade_growth", "Qianhai", None),
        ("489.3亿元", "foreign_trade_total", "Jieyang", None),
        ("163.5亿元", "foreign_trade_total", "Shanwei", None),
    ]


def test_a_percent_written_in_chinese_words_keeps_its_decimals_and_its_direction(
    extractor: FigureExtractor,
) -> None:
    text = "横琴进出口213亿元，增长百分之十五点二；出口下降百分之零点五，进口占百分之三十。"
    assert fields(extractor, text, "value", "metric", "kind") == [
        ("213亿元", 2.13e10, "foreign_trade_total", "level"),
        ("百分之十五点二", 15.2, "foreign_trade_growth", "change"),
        ("百分之零点五", -0.5, "exports_growth", "change"),
        ("百分之三十", 30.0, None, "share"),
    ]


def test_a_fraction_after_a_move_is_a_change_and_after_made_up_a_share(extractor: FigureExtractor) -> None:
    text = (
        "Shantou's toy exports rose by more than a third to 10.26 billion yuan last year.\n"
        "Cross-border e-commerce trade reached 850 billion yuan,"
        " making up about one-fifth of the national total."
    )
    got = fields(extractor, text, "kind", "metric")
    assert got[0] == ("a third", "change", "exports_growth")
    assert got[-1][:2] == ("one-fifth", "share")


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("风驰摩托（603917）披露年报，2025年公司实现营业收入146.2亿元。", "Fengchi Motorcycle"),
        (
            "廣州藥企雲泰生物醫藥（6931）昨日公布中期業績，上半年純利5.12億元人民幣。",
            "Yuntai Biopharmaceutical",
        ),
        (
            "Guangzhou-based Yuntai Biopharmaceutical said its first-half net profit rose 31.7%.",
            "Yuntai Biopharmaceutical",
        ),
        (
            "HONG KONG, Sept 15 (Reuters) - Hong Kong welcomed 4.62 million visitor arrivals in August.",
            "Hong Kong",
        ),
        ("今年首8個月，訪港旅客累計3385萬人次。", "Hong Kong"),
        ("今年上半年，本港轉口原產地為廣東的貨品總值6524億元。", "Hong Kong"),
        ("經香港轉口的廣東貨物約佔廣東出口總額的兩成。", "Guangdong"),
        ("丹霞山全年接待遊客286.5萬人次。", "Danxia Mountain"),
        (
            "巴西、墨西哥和智利是广东在拉美的前三大贸易伙伴，分别进出口836亿元、721亿元和312亿元。",
            "Guangdong",
        ),
        ("【大公報訊】深圳海關昨日公布，今年首10個月廣東與非洲貿易總值2187億元人民幣。", "Guangdong"),
        ("企业层面，飞屿航空上半年交付电动垂直起降飞行器86架。", "Feiyu Aviation"),
        ("天舟互动去年海外收入32亿元，增长63%。", "Tianzhou Interactive"),
        ("新塘一家名为锦衡制衣的牛仔企业负责人说，今年公司订单增长约两成。", "Jinheng Garments"),
    ],
)
def test_the_owner_of_a_figure(extractor: FigureExtractor, text: str, owner: str) -> None:
    """Companies named by their trade (摩托, 生物医药, "Biopharmaceutical"), Hong Kong as the subject of a
    Reuters lede or of 访港 / 本港转口 but not of goods re-exported via it, a scenic area around a district's
    name (丹霞山 is not Xiashan); 拉美的 is Latin America's, not Midea (美的); a customs office that
    published the figures does not own them; a firm opening a clause with its period, or introduced by 名为,
    does."""
    assert {entity for _, entity in fields(extractor, text, "entity")} == {owner}


def test_parts_listed_after_a_measure_continue_it(extractor: FigureExtractor) -> None:
    """其中 and 分经济类型看 lists: each firm type's clause continues the measure of the clause before, for
    its own part; in English a later clause's part is the figure's, not the part written with the phrase."""
    text = (
        "全市规模以上工业增加值增长6.1%，其中民营企业增长7.4%，国有企业增长2.9%。\n"
        "分经济类型看，国有控股企业增加值增长3.2%，民营企业增长6.4%，外商及港澳台商投资企业增长2.7%。\n"
        "税收收入693.2亿元，其中增值税下降2.1%。"
    )
    got = fields(extractor, text, "metric", "segment")
    assert got[:6] == [
        ("6.1%", "industrial_added_value_growth", None),
        ("7.4%", "industrial_added_value_growth", "private enterprises"),
        ("2.9%", "industrial_added_value_growth", "state-owned enterprises"),
        ("3.2%", "industrial_added_value_growth", "state-owned enterprises"),
        ("6.4%", "industrial_added_value_growth", "private enterprises"),
        ("2.7%", "industrial_added_value_growth", "foreign-invested enterprises"),
    ]
    assert [metric for _, metric, _ in got[6:]] == [None, None]  # a measure of its own is never continued


def test_a_count_of_teus_is_container_throughput_unless_its_clause_names_a_part(
    extractor: FigureExtractor,
) -> None:
    text = (
        "Shenzhen Port handled 17.9 million twenty-foot equivalent units (TEUs) in the first half,"
        " up 6.4 percent year on year and 2.6 percent from the second half of last year.\n"
        "Its sea-rail intermodal volume reached 286,000 TEUs.\n"
        "深圳港上半年完成1790万标箱，增长6.4%。\n"
        "主要指标——铁水联运量：46.2万标箱。\n"
        "外贸集装箱吞吐量887.5万标箱。\n"
        "香港港口首十個月貨櫃吞吐量為1,123萬個標準箱，按年減少4.5%。"
    )
    assert fields(extractor, text, "unit", "segment", "entity") == [
        ("17.9 million", "TEU", "container throughput", "Shenzhen Port"),
        ("6.4 percent", "%", "container throughput", "Shenzhen Port"),
        ("2.6 percent", "%", "container throughput", "Shenzhen Port"),
        ("286,000", "TEU", "sea-rail intermodal volume", "Shenzhen Port"),  # the part, as written (2.14.0)
        ("1790万", "TEU", "container throughput", "Shenzhen Port"),
        ("6.4%", "%", "container throughput", "Shenzhen Port"),
        ("46.2万", "TEU", None, "Shenzhen Port"),
        ("887.5万", "TEU", "foreign trade containers", "Shenzhen Port"),
        ("1,123萬", "TEU", "container throughput", "Hong Kong Port"),
        ("4.5%", "%", "container throughput", "Hong Kong Port"),
    ]


def test_macao_patacas_and_what_is_not_a_part(extractor: FigureExtractor) -> None:
    """Patacas (澳門元, MOP) are a currency of their own; "non-gaming revenue" is not gaming revenue."""
    text = (
        "今年首三季本澳貨物出口總值103.6億澳門元，按年上升8.4%。\n"
        "Gross gaming revenue reached 228.4 billion patacas,"
        " while non-gaming revenue reached 12.4 billion patacas."
    )
    assert fields(extractor, text, "unit", "segment") == [
        ("103.6億澳門元", "MOP", None),
        ("8.4%", "%", None),
        ("228.4 billion patacas", "MOP", "gross gaming revenue"),
        ("12.4 billion patacas", "MOP", "non-gaming revenue"),
    ]


def test_bare_yuan_in_hong_kong_copy_is_the_owners_dollar(extractor: FigureExtractor) -> None:
    text = (
        "【文匯報訊】政府統計處昨日公布，今年8月份香港整體出口貨值為4386.2億元，按年上升12.6%。\n"
        "廣東今年前三季進出口總值1.2萬億元，按年增長4.2%。\n"
        "广州今年前三季进出口总值8000亿元。"
    )
    assert [(span, unit) for span, unit in fields(extractor, text, "unit") if unit != "%"] == [
        ("4386.2億元", "HKD"),
        ("1.2萬億元", "CNY"),  # Guangdong's own figure, in renminbi
        ("8000亿元", "CNY"),  # mainland copy
    ]


def test_chinese_products_written_before_their_trade(extractor: FigureExtractor) -> None:
    text = (
        "分产品看，厨房刀具出口52亿元，剪刀出口14亿元。\n"
        "动漫及衍生品出口183亿元，增长11.4%。\n"
        "太陽能電池出口215億元，下跌8.4%。\n"
        "医疗仪器及器械出口612亿元。"
    )
    assert fields(extractor, text, "metric", "segment") == [
        ("52亿元", "exports", "厨房刀具"),
        ("14亿元", "exports", "剪刀"),
        ("183亿元", "exports", "动漫及衍生品"),  # one customs category, named with 及
        ("11.4%", "exports_growth", "动漫及衍生品"),
        ("215億元", "exports", "solar cells"),
        ("8.4%", "exports_growth", "solar cells"),  # 下跌 opens the clause without a subject of its own
        ("612亿元", "exports", "医疗仪器及器械"),
    ]


def test_the_part_an_article_opens_with_stays_in_force_until_the_whole_is_named(
    extractor: FigureExtractor,
) -> None:
    text = (
        "Yangjiang's exports of knives and scissors reached 11.6 billion yuan in the first eight months.\n"
        "Exports to the European Union and ASEAN climbed 11.5 percent and 23.4 percent, respectively.\n"
        "The city's total exports rose 4.2 percent.\n"
        "Exports to the United States fell 2.1 percent."
    )
    assert fields(extractor, text, "metric", "segment") == [
        ("11.6 billion yuan", "exports", "knives and scissors"),
        ("11.5 percent", "exports_growth", "knives and scissors"),
        ("23.4 percent", "exports_growth", "knives and scissors"),
        ("4.2 percent", "exports_growth", None),  # the whole, named: the part is no longer in force
        ("2.1 percent", "exports_growth", None),
    ]


def test_a_place_before_the_trade_phrase_names_its_whole(extractor: FigureExtractor) -> None:
    text = "潮州陶瓷出口84.6亿元，增长4.3%。\n潮州出口对中东市场增长19.6%。\nZhuhai's exports rose 11.6%."
    assert [segment for _, segment in fields(extractor, text, "segment")] == [
        "ceramics",
        "ceramics",
        None,
        None,
    ]


def test_what_a_verb_traded_is_the_part(extractor: FigureExtractor) -> None:
    """ "exported 15.3 billion yuan of drones" is the drones' exports, never the whole's."""
    text = (
        "Shenzhen exported 15.3 billion yuan of drones in the period.\n"
        "Shunde exported 9.8 billion yuan worth of furniture.\n"
        "Meizhou exported 48,200 tonnes of pomelos worth 312 million yuan.\n"
        "Guangdong exported 2.1 trillion yuan of goods in the quarter.\n"
        "Customs issued 86,400 certificates of origin."
    )
    assert fields(extractor, text, "metric", "segment") == [
        ("15.3 billion yuan", "exports", "drones"),
        ("9.8 billion yuan", "exports", "furniture"),
        ("48,200", None, "pomelos"),
        ("312 million yuan", "exports", "pomelos"),
        ("2.1 trillion yuan", "exports", None),
        # not a product of the trade before it: the count's own things, as written after it
        ("86,400", None, "certificates"),
    ]


def test_periods_of_v14_shapes() -> None:
    """A month span ended this year is this year's even after an earlier paragraph named last year;
    3月至5月中旬 is one span; a count of a flow (visits) or one "in the period" takes the span in force, not
    the "now" of a stock named before it."""
    extractor = FigureExtractor(load_metrics(), load_gazetteer())
    text = (
        "今年3月至5月中旬，英德市春茶产量达4260吨，同比增长8.9%。\n"
        "2025年，英德红茶全产业链产值62亿元。\n"
        "据海关统计，1—4月，广东茶叶出口4.3亿元，增长21.6%。"
    )
    found = extractor.extract(text, published=date(2026, 5, 20))
    assert [(text[o.start : o.end], o.period) for o in found] == [
        ("4260", "2026-03..2026-05"),
        ("8.9%", "2026-03..2026-05"),
        ("62亿元", "2025"),
        ("4.3亿元", "2026-01..2026-04"),
        ("21.6%", "2026-01..2026-04"),
    ]
    text = (
        "Heyuan bottled 4.12 million tonnes of mineral water in the first nine months, up 14.6 percent.\n"
        "The city has 26 bottlers now.\n"
        "Heyuan received 32.64 million visits in the period, up 8.7 percent."
    )
    found = extractor.extract(text, published=date(2026, 10, 30))
    assert [(text[o.start : o.end], o.period) for o in found] == [
        ("4.12 million", "2026-01..2026-09"),
        ("14.6 percent", "2026-01..2026-09"),
        ("26", "2026-10-30"),
        ("32.64 million", "2026-01..2026-09"),
        ("8.7 percent", "2026-01..2026-09"),
    ]


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        (
            "Qiaowei CNC Machine Tool Co., a Foshan-based maker of machining centres, said its net income"
            " rose 21.8% last year.",
            "Qiaowei CNC Machine Tool",
        ),
        ("证券时报·e公司讯，侨威数控（301562）发布年报，公司营业收入达86.4亿元。", "Qiaowei CNC"),
        ("Airshow China closed with deals worth 31.8 billion U.S. dollars.", "Airshow China"),
        (
            "Aluminium profile makers in Foshan, the manufacturing city west of Guangzhou, found buyers.\n"
            "Exports of aluminium profiles from the city rose 11.4 per cent.",
            "Foshan",
        ),
    ],
)
def test_owners_of_v14_shapes(extractor: FigureExtractor, text: str, owner: str) -> None:
    """A five-word company name before its description; 数控 is a trade (CNC); the air show by its English
    name; "the city" is not the city named only to place another ("west of Guangzhou")."""
    assert {entity for _, entity in fields(extractor, text, "entity")} == {owner}


def test_a_count_after_a_label_and_its_colon_counts_the_label(extractor: FigureExtractor) -> None:
    """新增航线：9条 counts routes; 政策措施20条 still counts measures."""
    text = "主要指标——新增航线：9条。\n出台政策措施20条。"
    assert fields(extractor, text, "unit") == [("9", "routes"), ("20", "measures")]


def test_a_wire_dateline_is_not_what_a_port_counted(extractor: FigureExtractor) -> None:
    text = (
        "GUANGZHOU, Jan. 13 (Xinhua) -- Guangzhou Port handled a record 27.1 million twenty-foot equivalent "
        "units (TEUs) of containers last year, up 4.5 percent year on year.\n"
        "ZHUHAI -- Gaolan Port in Zhuhai handled 2.86 million TEUs in the first 11 months, up 11.3 percent."
    )
    assert {segment for _, segment in fields(extractor, text, "segment")} == {"container throughput"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Fenmore Electric said its overseas sales climbed 31 percent to 4.7 billion yuan.",
            [("31 percent", "overseas business"), ("4.7 billion yuan", "overseas business")],
        ),
        ("Overseas sales made up 63% of revenue.", [("63%", "overseas business")]),
        (
            "Overseas sales surged 72.3% to 128,400 units.",
            [("72.3%", "overseas sales"), ("128,400", "overseas sales")],
        ),
        (
            "The company's overseas sales accounted for 34 percent of its deliveries.",
            [("34 percent", "overseas sales")],
        ),
        ("海外销量12.84万辆，增长72.3%。", [("12.84万", "overseas sales"), ("72.3%", "overseas sales")]),
    ],
)
def test_a_firms_overseas_sales_in_money_are_its_overseas_business(
    extractor: FigureExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert fields(extractor, text, "segment") == expected


@pytest.mark.parametrize(
    ("text", "segment"),
    [
        ("境外业务收入46.2亿元。", "overseas business"),
        ("外銷收入11.2億元。", "overseas business"),
        ("Sales outside mainland China made up 58% of the quarter's revenue.", "overseas business"),
        ("Guangdong used 168 billion yuan of foreign capital last year.", "utilised foreign investment"),
        ("新加坡对粤实际投资增长15.2%。", "utilised foreign investment"),
        ("花市期间累计接待市民游客612万人次。", "visitor arrivals"),
        ("中欧（中亚）班列开行781列。", "china-europe freight trains"),
        ("公司交付无人艇186艘。", "deliveries"),
        ("Digitally delivered services exports reached 245.1 billion yuan.", "digitally delivered services"),
        # Taiwan's and Hong Kong's words for the goods (metrics-2.43.0)
        ("廣東伺服器出口按年增長32%。", "servers"),
        ("筆電出口值新台幣820億元。", "laptops"),
        ("行動電源出口增長8%。", "power banks"),
        ("晶片出口年增12%。", "integrated circuits"),
    ],
)
def test_more_written_forms_of_catalogued_parts(extractor: FigureExtractor, text: str, segment: str) -> None:
    assert {found for _, found in fields(extractor, text, "segment")} == {segment}


def test_an_article_on_the_supply_to_hong_kong_keeps_hong_kong_as_the_partner(
    extractor: FigureExtractor,
) -> None:
    found = extractor.extract(
        "Published: 6:45pm, 13 Nov 2026\n"
        "Guangdong sent 48,600 tonnes of rice across the border from January to October, up 11.4 per cent.\n"
        "In October, shipments rose 6.2 per cent from September to 5,180 tonnes.\n"
        "A 5kg bag of Simiao rice sold for HK$98 at a Wan Chai supermarket yesterday.",
        published=date(2026, 11, 13),
        headline="Guangdong rice shipments to Hong Kong climb as fragrant varieties gain shelf space",
    )
    assert [o.partner for o in found] == ["Hong Kong"] * 4 + [None]  # the shop price is Hong Kong's own


def test_a_supply_to_hong_kong_named_later_in_chinese_is_only_that_figures(
    extractor: FigureExtractor,
) -> None:
    found = extractor.extract(
        "今年前10个月，新会区沙堆镇生蚝产量4.6万吨，产值9.3亿元。\n其中，供港生蚝1.2万吨，占产量的26.1%。",
        published=date(2026, 11, 26),
        headline="沙堆生蚝产值前10个月增长12.5%",
    )
    assert [o.partner for o in found][:2] == [None, None]


@pytest.mark.parametrize(
    "sentence",
    [
        "10月產值3.3億元，按月增長2.8%。",
        "昨日長沙灣批發市場基圍蝦批發價每斤138元，較上月同日上升6.2%。",
        "平均出口單價為每輛1283元人民幣，按年下降2.1%。",
    ],
)
def test_the_rate_of_an_output_value_or_a_price_is_no_trade_growth(
    extractor: FigureExtractor, sentence: str
) -> None:
    found = extractor.extract(
        "前三季度，廣東出口電動自行車45.6億元，按年增長12.3%。\n" + sentence, published=None
    )
    assert [o.metric for o in found] == ["exports", "exports_growth", None, None]


def test_a_partner_cut_to_one_character_before_the_trade_is_that_partner(extractor: FigureExtractor) -> None:
    found = extractor.extract(
        "前三季度，广东与英国进出口1285.3亿元，增长6.1%。\n其中，对英出口1015.7亿元，增长9.2%；自英进口270.6亿元。",
        published=None,
    )
    assert [(o.metric, o.partner) for o in found[2:]] == [
        ("exports", "UK"),
        ("exports_growth", "UK"),
        ("imports", "UK"),
    ]


@pytest.mark.parametrize(
    ("sentence", "metrics"),
    [
        ("10月出口126億元人民幣，月增5.8%，年增6.6%。", ["exports", "exports_growth", "exports_growth"]),
        ("第3季出口值季增8.4%。", ["exports_growth"]),  # a period written with a digit is no subject
        ("對東協出口年增24.1%。", ["exports_growth"]),  # 東協, as Taiwan's press writes ASEAN
    ],
)
def test_taiwans_press_writes_a_rate_with_its_basis_glued_to_the_verb(
    extractor: FigureExtractor, sentence: str, metrics: list[str]
) -> None:
    assert [o.metric for o in extractor.extract(sentence, published=None)] == metrics


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("對東協出口則成長1.3倍。", 130.0, "%"),  # grown by 1.3 times: +130 %, as 增长1.3倍
        ("對東協出口衰退4.1%。", -4.1, "%"),  # 衰退: a fall
    ],
)
def test_taiwans_press_writes_growth_as_cheng_zhang_and_a_fall_as_shuai_tui(
    extractor: FigureExtractor, sentence: str, value: float, unit: str
) -> None:
    [found] = extractor.extract(sentence, published=None)
    assert (found.value, found.unit, found.kind, found.metric) == (value, unit, "change", "exports_growth")


@pytest.mark.parametrize(
    ("sentence", "metric", "partner"),
    [
        ("Guangdong's two-way commerce with Vanuatu reached 486 million yuan.", "partner_trade", "Vanuatu"),
        ("Bilateral commerce expanded 11.9 percent.", "partner_trade_growth", None),
        (
            "Exports rose 16.8 percent, while purchases from Vanuatu slipped 5.3 percent.",
            "imports_growth",
            "Vanuatu",
        ),
        (
            "Trade between Guangdong Province in south China and Nauru totaled 96.8 million yuan.",
            "partner_trade",
            "Nauru",
        ),
    ],
)
def test_commerce_and_purchases_are_trade_and_imports(
    extractor: FigureExtractor, sentence: str, metric: str, partner: str | None
) -> None:
    found = extractor.extract(sentence, published=None)
    assert (found[-1].metric, found[-1].partner) == (metric, partner)


def test_commerce_between_and_what_it_bought_are_trade_with_the_partner(extractor: FigureExtractor) -> None:
    found = extractor.extract(
        "Commerce between Guangdong and Namibia hit 4.37 billion yuan.\n"
        "Guangdong's sales to the southern African nation gained 19.2 percent, and what it bought from "
        "Namibia rose 6.8 percent.\n"
        "Across 2021-2025, Guangdong-Namibia trade grew 11.2 percent a year on average.",
        published=None,
    )
    assert [(o.metric, o.partner) for o in found] == [
        ("partner_trade", "Namibia"),
        ("exports_growth", "Namibia"),
        ("imports_growth", "Namibia"),
        ("partner_trade_growth", "Namibia"),
    ]


def test_a_partner_cut_to_one_character_is_the_partner_named_before(extractor: FigureExtractor) -> None:
    found = extractor.extract(
        "今年1至10月，广东同阿塞拜疆的进出口总额为21.4亿元，高出上年同期18.7%。\n"
        "其中，对阿出口17.9亿元，自阿进口3.5亿元。",
        published=None,
    )
    assert [(o.metric, o.partner, o.kind) for o in found] == [
        ("partner_trade", "Azerbaijan", "level"),
        ("partner_trade_growth", "Azerbaijan", "change"),
        ("exports", "Azerbaijan", "level"),
        ("imports", "Azerbaijan", "level"),
    ]


def test_a_partners_commerce_with_guangdong_is_their_trade(extractor: FigureExtractor) -> None:
    [found] = extractor.extract("Ghana's commerce with Guangdong reached 38.6 billion yuan.", published=None)
    assert (found.metric, found.partner) == ("partner_trade", "Ghana")


def test_a_partner_cut_to_one_character_after_guangdong_is_the_one_the_article_names(
    extractor: FigureExtractor,
) -> None:
    found = extractor.extract(
        "粵尼兩地今年首10個月的貿易往來明顯升溫，進出口合共二十三億元，較去年同期多26.8%。\n"
        "10月份粵尼貿易額為3.4億元。\n自尼泊爾進口手工地毯八千八百萬元。",
        published=None,
    )
    assert [(o.metric, o.partner, o.kind) for o in found] == [
        ("partner_trade", "Nepal", "level"),
        ("partner_trade_growth", "Nepal", "change"),
        ("partner_trade", "Nepal", "level"),
        ("imports", "Nepal", "level"),
    ]


def test_a_partner_cut_to_its_side_or_after_guangdong_is_the_partner_the_article_names(
    extractor: FigureExtractor,
) -> None:
    # metrics-2.81.0: 向乌方 / 自乌方 (the partner's "side"), 粤乌贸易 and 粤文贸易规模 with no 两地 or
    # 进出口, 从文莱买入 (bought from)
    text = (
        "今年前10个月，广东与乌干达进出口总值为15.8亿元。\n"
        "按流向看，粤企向乌方出口额为12.6亿元、同比上升24.8%；自乌方进口3.2亿元，增幅9.1%。\n"
        "在刚结束的“十四五”时期，粤乌贸易年均增速达12.4%。"
    )
    assert fields(extractor, text, "metric", "partner")[1:] == [
        ("12.6亿元", "exports", "Uganda"),
        ("24.8%", "exports_growth", "Uganda"),
        ("3.2亿元", "imports", "Uganda"),
        ("9.1%", "imports_growth", "Uganda"),
        ("12.4%", "partner_trade_growth", "Uganda"),
    ]
    text = "1至10月，广东与文莱贸易升温。\n粤文贸易规模增至28.7亿元。\n广东从文莱买入商品19.4亿元。"
    assert fields(extractor, text, "metric", "partner") == [
        ("28.7亿元", "partner_trade", "Brunei"),
        ("19.4亿元", "imports", "Brunei"),
    ]


def test_a_share_of_the_trade_with_a_partner_cut_to_one_character_keeps_the_parts_segment(
    extractor: FigureExtractor,
) -> None:
    text = "首4个月，广东与欧盟贸易增长。\n民营企业对欧盟进出口1687.3亿元，占同期粤欧贸易的54%。"
    assert [segment for _, segment in fields(extractor, text, "segment")] == ["private enterprises"] * 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # metrics-2.81.0: how wire copy writes the direction of a partner's trade
        ("Goods sent from Guangdong to Guyana reached 5.12 billion yuan, rising 22.7 percent.",
         [("exports", "Guyana"), ("exports_growth", "Guyana")]),
        ("Sales from Guangdong into Mongolia amounted to 1.42 billion yuan.", [("exports", "Mongolia")]),
        ("Mongolia and Guangdong province traded goods worth 3.86 billion yuan in January-October.",
         [("partner_trade", "Mongolia")]),
    ],
)  # fmt: skip
def test_english_wordings_of_a_partners_trade(
    extractor: FigureExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [
        (metric, partner) for _, metric, partner in fields(extractor, text, "metric", "partner")
    ] == expected


def test_the_two_sides_trade_is_the_trade_with_the_partner_named_before(extractor: FigureExtractor) -> None:
    text = (
        "Mongolia and Guangdong province traded goods worth 3.86 billion yuan in January-October.\n"
        "For September by itself, the two sides traded goods worth 452 million yuan."
    )
    assert fields(extractor, text, "metric", "partner")[1] == (
        "452 million yuan",
        "partner_trade",
        "Mongolia",
    )


def test_a_partner_with_guangdong_described_after_it_is_guangdongs_partner(
    extractor: FigureExtractor,
) -> None:
    text = (
        "Guyana's two-way commerce with Guangdong, the factory province on China's southern coast, totaled "
        "7.36 billion yuan."
    )
    assert fields(extractor, text, "entity", "partner") == [("7.36 billion yuan", "Guangdong", "Guyana")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # metrics-2.83.0: the value a count of goods shipped abroad is worth, and products named with a digit
        ("Guangdong shipped 16.8 million baby monitors abroad in January-October, worth 3.92 billion yuan.",
         [("16.8 million", None, "baby monitors"), ("3.92 billion yuan", "exports", "baby monitors")]),
        ("Guangdong's exports of 3D printers reached RMB7.38bn.", [("RMB7.38bn", "exports", "3d printers")]),
        # a period before the trade phrase is no product
        ("October trade between the two came to 1.27 billion yuan.",
         [("1.27 billion yuan", "partner_trade", None)]),
        ("Makers expect fourth-quarter exports to grow 15 percent.",
         [("15 percent", "exports_growth", None)]),
    ],
)  # fmt: skip
def test_goods_worth_and_periods_before_a_trade_phrase(
    extractor: FigureExtractor, text: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    assert fields(extractor, text, "metric", "segment") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sierra Leone's goods trade with Guangdong totalled 5.86 billion yuan.", "partner_trade"),
        ("Guangdong's deliveries to Sierra Leone reached 4.71 billion yuan.", "exports"),
        (
            "Roughly 260 firms from Guangdong traded with Sierra Leone in the ten months.",
            "import_export_enterprises",
        ),
        ("The two sides' trade grew 11.4 percent a year on average.", "partner_trade_growth"),
    ],
)
def test_more_english_wordings_of_a_partners_trade(
    extractor: FigureExtractor, text: str, expected: str
) -> None:
    assert [metric for _, metric in fields(extractor, text, "metric")] == [expected]


def test_a_chinese_article_on_the_supply_to_hong_kong_gives_its_figures_that_partner(
    extractor: FigureExtractor,
) -> None:
    # metrics-2.84.0: the headline says 供港; the harvest and the farms registered are no part of the supply
    found = extractor.extract(
        "【明報專訊】漁護署資料顯示，上月廣東供港菜心4,120噸，按月增加7.5%。\n"
        "惠州及江門分別佔供應量的41%及22%。\n"
        "今年廣東菜心產量約38萬噸。\n"
        "目前廣東共有供港蔬菜備案基地87個。",
        published=date(2026, 11, 12),
        headline="上月廣東供港菜心增7.5%",
    )
    assert [o.partner for o in found] == ["Hong Kong"] * 4 + [None, None]


def test_hong_kongs_intake_from_guangdong_in_the_lede_is_the_supply(extractor: FigureExtractor) -> None:
    found = extractor.extract(
        "Hong Kong received 1,846 tonnes of spinach from Guangdong last month, up 12.3 per cent.",
        published=date(2026, 11, 17),
        headline="Guangdong spinach floods Hong Kong markets",
    )
    assert {(o.entity, o.partner) for o in found} == {("Guangdong", "Hong Kong")}


def test_an_article_on_imports_from_one_partner_gives_its_volumes_and_shares_that_partner(
    extractor: FigureExtractor,
) -> None:
    # metrics-2.84.0: 自台 (from Taiwan) in the headline; the production figure is no part of the imports
    found = extractor.extract(
        "（中央社記者林佳穎台北20日電）廣東前10月自台灣進口偏光板人民幣86.2億元，年增17%。\n"
        "進口量為9.8萬噸，年減7.1%。\n"
        "東莞與深圳分別佔進口值的52%與23%。\n"
        "廣東偏光板產量約120萬片。",
        published=date(2026, 11, 20),
        headline="廣東前10月自台進口偏光板增17%",
    )
    assert [o.partner for o in found] == ["Taiwan"] * 6 + [None]


def test_an_article_on_the_trade_with_one_partner_gives_its_trade_figures_that_partner(
    extractor: FigureExtractor,
) -> None:
    # metrics-2.85.0: the headline names the two-way trade with Ghana; the province's overall trade keeps none
    found = extractor.extract(
        "Guangdong's trade with Ghana reached 21.6 billion yuan in January-October.\n"
        "The total was 14.2 percent higher than a year earlier, outpacing the province's overall "
        "foreign trade, which grew 4.6 percent.\n"
        "Motorcycles remained the largest export item at 6.3 billion yuan.\n"
        "Cocoa beans made up more than half of the purchases, and manganese ore imports grew 17.4 percent.",
        published=date(2026, 11, 20),
        headline="Guangdong-Ghana trade up 14.2 pct in first 10 months",
    )
    partners = {f"{o.value:g}": o.partner for o in found}
    assert partners == {
        "2.16e+10": "Ghana", "14.2": None, "4.6": None, "6.3e+09": "Ghana", "50": "Ghana", "17.4": "Ghana",
    }  # fmt: skip


@pytest.mark.parametrize(
    "headline",
    [
        "Guangdong laptop exports to US slump",  # one flow to a market: later figures are the whole's
        "粵首季外貿增4.8% 對東盟進出口增長逾一成",  # the whole, with a partner's part
        "廣東港資企業首三季進出口增5.1%",  # Hong Kong's investors, not its trade
    ],
)
def test_headlines_that_name_no_article_partner(extractor: FigureExtractor, headline: str) -> None:
    [found] = extractor.extract("Exports rose 6.4 percent.", published=date(2026, 11, 20), headline=headline)
    assert found.partner is None


def test_a_places_trade_in_an_article_on_the_headlines_goods_is_of_those_goods(
    extractor: FigureExtractor,
) -> None:
    # metrics-2.86.0: the headline's goods stay the part of a city's later trade, unless the lede opens on the
    # whole; the rest of a period written with digits (前10个月) is no part of the goods' name
    found = extractor.extract(
        "广东1至10月割草机出口额达86.4亿元，同比增长36.2%。\n深圳出口51.2亿元，占全省五成九。",
        published=date(2026, 11, 23),
        headline="前10个月广东割草机出口增长36%",
    )
    assert [o.segment for o in found][:3] == ["割草机"] * 3
    found = extractor.extract(
        "今年前10个月，深圳出口2.03万亿元，增长3.9%。\n深圳手机出口1260亿元，下降2.4%。\n10月当月，深圳出口增长0.9%。",
        published=date(2026, 11, 19),
        headline="深圳首10月手机出口跌2.4%",
    )
    assert [o.segment for o in found] == [None, None, "mobile phones", "mobile phones", None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # metrics-2.87.0: a currency named after a place is no partner; "in the nine months" is a period
        ("Guinea's goods trade with Guangdong totalled 9.36 billion yuan (about 1.32 billion U.S. dollars).",
         [("partner_trade", "Guinea"), ("partner_trade", "Guinea")]),
        ("Ghana and Guangdong traded goods worth 6.12 billion yuan in the nine months through September.",
         [("partner_trade", "Ghana")]),
    ],
)  # fmt: skip
def test_a_partners_trade_with_dollars_and_months_after_it(
    extractor: FigureExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [
        (metric, partner) for _, metric, partner in fields(extractor, text, "metric", "partner")
    ] == expected


def test_the_value_of_an_articles_goods_takes_the_headlines_flow(extractor: FigureExtractor) -> None:
    # metrics-2.88.0: the headline reports one flow; "shipments" move that way, "their value" is its goods'
    found = extractor.extract(
        "Guangdong imported 61,300 tonnes of durians in October.\n"
        "The value of the shipments rose 18.9% month on month to 612 million yuan.",
        published=date(2026, 11, 19),
        headline="China's Guangdong durian imports rise in October",
    )
    assert [(o.metric, o.segment) for o in found][1:] == [
        ("imports_growth", "durians"),
        ("imports", "durians"),
    ]
    found = extractor.extract(
        "Guangdong shipped 163 million electric fans abroad from January to August.\n"
        "Their value reached 14.7 billion yuan, an increase of 10.2 percent.",
        published=date(2026, 9, 22),
        headline="Guangdong electric fan exports keep up brisk pace",
    )
    assert [o.metric for o in found][1:] == ["exports", "exports_growth"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # metrics-2.89.0: goods named before an apposition that ranks them among a flow
        ("Mobile phone parts, Heyuan's largest export, rose 10.9% to 884 million yuan.",
         [("10.9%", "exports_growth", "mobile phone parts"),
          ("884 million yuan", "exports", "mobile phone parts")]),
        ("Ceramics, the city's biggest export, grew 12.6%.", [("12.6%", "exports_growth", "ceramics")]),
        ("For the first ten months, Shanwei's exports totalled 21.9 billion yuan.",
         [("21.9 billion yuan", "exports", None)]),
    ],
)  # fmt: skip
def test_goods_ranked_among_a_flow_in_an_apposition(
    extractor: FigureExtractor, text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert fields(extractor, text, "metric", "segment") == expected


def test_firms_with_trading_records_are_counted_as_traders(extractor: FigureExtractor) -> None:
    text = "When October ended, 263 Guangdong firms held active trading records involving Benin."
    assert [metric for _, metric in fields(extractor, text, "metric")] == ["import_export_enterprises"]


def test_purchases_in_an_article_on_one_partners_trade_are_imports(extractor: FigureExtractor) -> None:
    # metrics-2.90.0: what Guangdong bought, in an article on the trade with Burkina Faso
    found = extractor.extract(
        "Sesame purchases reached 214 million yuan.\nCotton yarn purchases climbed 41.5 percent.",
        published=date(2026, 11, 23),
        headline="Guangdong-Burkina Faso trade surges on cotton, solar",
    )
    assert [(o.metric, o.segment, o.partner) for o in found] == [
        ("imports", "sesame", "Burkina Faso"),
        ("imports_growth", "cotton yarn", "Burkina Faso"),
    ]


def test_sales_to_a_partner_described_are_exports_to_the_articles_partner(extractor: FigureExtractor) -> None:
    # metrics-2.92.0: "the landlocked Andean nation" stands for the partner the headline names
    found = extractor.extract(
        "Sales to the landlocked Andean nation came to 2.95 billion yuan, up 15.3 percent.",
        published=date(2026, 11, 20),
        headline="Guangdong-Bolivia trade rises in first ten months",
    )
    assert [(o.metric, o.partner) for o in found] == [("exports", "Bolivia"), ("exports_growth", "Bolivia")]
