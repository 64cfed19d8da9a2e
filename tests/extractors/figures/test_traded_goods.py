"""The goods a trade figure is about, as English copy writes them: a product opening the sentence, a
conversion between an amount and its goods, goods named with "products", and the part a lede's sentence
puts in force (docs/figure-labels-v2.md, rule 10; docs/architecture.md, "Segments")."""

from __future__ import annotations

from datetime import date

import pytest

from gdwatch.config.loader import load_gazetteer, load_metrics
from gdwatch.extractors.figures import FigureExtractor
from gdwatch.extractors.figures.lexicon import BEFORE_WHOLE_PHRASE_EN
from gdwatch.extractors.figures.numbers import normalize
from gdwatch.extractors.figures.segments import headline_written_part, plural_product, traded_object_zh
from gdwatch.extractors.figures.sentences import clause_bounds

PUBLISHED = date(2026, 1, 29)


def segments(extractor: FigureExtractor, text: str) -> dict[str, str | None]:
    found = extractor.extract(text, published=PUBLISHED)
    return {text[o.start : o.end]: o.segment for o in found}


@pytest.mark.parametrize(
    ("written", "named"),
    [
        ("motorcycle", "motorcycles"),
        ("battery", "batteries"),
        ("ceramic", "ceramics"),
        ("agricultural", "agricultural products"),
        ("tea", "tea"),
        ("furniture", "furniture"),
        ("drones", "drones"),
        ("kitchenware", "kitchenware"),
        ("watch", "watches"),
        ("kiwifruit", "kiwifruit"),
        ("knife", "knives"),
        ("salmon", "salmon"),
    ],
)
def test_a_noun_adjunct_names_its_goods_in_the_plural(written: str, named: str) -> None:
    assert plural_product(written) == named


def test_a_product_opening_the_sentence_is_the_part_and_a_place_is_not(extractor: FigureExtractor) -> None:
    text = (
        "HONG KONG, June 18 (Reuters) - Motorcycle exports from the southern Chinese city of Jiangmen rose "
        "22.7% in the first five months of the year."
    )
    assert segments(extractor, text) == {"22.7%": "motorcycles"}
    assert segments(extractor, "Guangdong exports rose 4.1% in May.") == {"4.1%": None}


def test_goods_after_a_conversion_stay_the_part_for_the_article(extractor: FigureExtractor) -> None:
    text = (
        "Guangdong exported 21.8 billion yuan ($3.1bn) of pet products last year, up 13.4%, according to "
        "customs data.\nIn December alone, exports reached 2.3 billion yuan."
    )
    assert set(segments(extractor, text).values()) == {"pet products"}


@pytest.mark.parametrize("goods", ["毛衣", "沙发", "雨伞", "箱包", "拖鞋"])
def test_chinese_goods_of_more_endings_are_a_part(extractor: FigureExtractor, goods: str) -> None:
    found = extractor.extract(f"首三季乐从{goods}出口87.4亿元，按年增长9.1%。", published=PUBLISHED)
    assert [(o.metric, o.segment) for o in found] == [("exports", goods), ("exports_growth", goods)]


def test_chinese_goods_after_the_trade_verb_are_the_part(extractor: FigureExtractor) -> None:
    text = (
        "首10个月广东出口箱包类612.4亿元人民币。\n"
        "东莞、揭阳分别出口箱包类168.2亿元和95.4亿元。\n"
        "对东盟箱包类出口增长9.4%。"
    )
    found = {
        text[o.start : o.end]: (o.metric, o.segment) for o in extractor.extract(text, published=PUBLISHED)
    }
    assert found == {
        "612.4亿元": ("exports", "箱包类"),
        "168.2亿元": ("exports", "箱包类"),
        "95.4亿元": ("exports", "箱包类"),
        "9.4%": ("exports_growth", "箱包类"),  # the partner before the goods is no part of their name
    }


def test_a_kind_of_anything_is_no_category_of_goods() -> None:
    assert traded_object_zh("出口鞋类612亿元", 4) == (2, 4)
    assert traded_object_zh("出口各类612亿元", 4) is None  # 各类 is "every kind"


@pytest.mark.parametrize(
    ("text", "segment"),
    [
        ("罗定市肉桂出口4.6亿元，增长23.1%。", "肉桂"),  # farm goods before the trade verb
        ("上半年，中山市灯具、照明装置及零件出口86.2亿元。", "lighting products"),  # one customs category
    ],
)
def test_goods_before_the_trade_verb_keep_the_trade_metric(
    extractor: FigureExtractor, text: str, segment: str
) -> None:
    found = extractor.extract(text, published=PUBLISHED)
    assert (found[0].metric, found[0].segment) == ("exports", segment)
    # a list that "respectively" pairs with its amounts is still read item by item
    listed = extractor.extract("钢材、水产品出口分别增长3.1%和5.2%。", published=PUBLISHED)
    assert [o.segment for o in listed] == ["钢材", "aquatic products"]


def test_a_volume_of_goods_is_of_them_whatever_the_verb(extractor: FigureExtractor) -> None:
    text = "Zhanjiang's mills produced 986,000 tonnes of sugar, an increase of 9.1 percent."
    assert segments(extractor, text) == {"986,000": "sugar", "9.1 percent": "sugar"}
    # a count of things that are no goods is not "of" anything: it counts its own things
    text = "The port opened 12 routes of the new network."
    assert segments(extractor, text) == {"12": "routes"}


@pytest.mark.parametrize(
    ("text", "rate", "value_rate"),
    [
        ("今年前7月广东出口汽车38.7万辆，年增46.2%，出口值人民币612.4亿元，年增39.8%。", "46.2%", "39.8%"),
        (
            "Jiangmen exported 1.48 million motorcycles, up 22.7%, worth 9.6 billion yuan, up 18.1%.",
            "22.7%",
            "18.1%",
        ),
    ],
)
def test_the_rate_of_a_traded_volume_is_not_the_growth_of_its_value(
    extractor: FigureExtractor, text: str, rate: str, value_rate: str
) -> None:
    found = {text[o.start : o.end]: o for o in extractor.extract(text, published=PUBLISHED)}
    assert found[rate].metric is None and found[rate].segment is not None
    assert found[value_rate].metric == "exports_growth"


def test_goods_written_before_worth_are_the_part(extractor: FigureExtractor) -> None:
    text = "Guangdong exported photovoltaic products worth 31.7 billion yuan in the first half, down 8.4%."
    assert segments(extractor, text) == {
        "31.7 billion yuan": "photovoltaic products",
        "8.4%": "photovoltaic products",
    }
    # a verb and its preposition are no goods
    text = "Goods exported on the service were worth 6.8 billion yuan."
    assert segments(extractor, text) == {"6.8 billion yuan": None}


def test_a_partners_share_of_a_parts_trade_keeps_the_part(extractor: FigureExtractor) -> None:
    text = (
        "Furniture exports slid 8.6% to 21.4 billion yuan, with shipments to the U.S. down 23.1%, while "
        "those to ASEAN and the Middle East rose 15.2% and 11.7%, respectively."
    )
    assert set(segments(extractor, text).values()) == {"furniture"}


def test_a_share_of_the_total_does_not_end_the_part_in_force(extractor: FigureExtractor) -> None:
    text = (
        "Ceramics exports from Chaozhou rose 7.9 percent to 16.4 billion yuan in the first half.\n"
        "Exports to Belt and Road countries climbed 12.4 percent to 9.8 billion yuan, making up 59.8 percent "
        "of the total.\n"
        "The province's total exports rose 3.1 percent."
    )
    found = segments(extractor, text)
    assert found["12.4 percent"] == found["9.8 billion yuan"] == "ceramics"
    assert found["3.1 percent"] is None  # the whole named again


def test_goods_supplied_to_hong_kong_are_exports_to_it(extractor: FigureExtractor) -> None:
    # metrics-2.34.0: 供港 / 输港 / 销往 name the exports and their partner; a volume's rate has no metric
    found = extractor.extract("今年前9个月，广东供港蔬菜货值5.7亿元，增长19.6%。", published=PUBLISHED)
    assert [(o.metric, o.partner, o.segment) for o in found] == [
        ("exports", "Hong Kong", "vegetables"),
        ("exports_growth", "Hong Kong", "vegetables"),
    ]
    found = extractor.extract("9月份，广东供港蔬菜7.1万吨，按月增长8.4%。", published=PUBLISHED)
    assert [o.metric for o in found] == [None, None]  # tonnes and their growth: no value metric
    found = extractor.extract("全年销往欧盟的家具12亿元。", published=PUBLISHED)
    assert [(o.metric, o.partner) for o in found] == [("exports", "EU")]


def test_goods_a_headline_trades_are_the_part_of_figures_naming_none(extractor: FigureExtractor) -> None:
    headline = "Guangdong robotic lawn mower exports surge in first eight months"
    text = (
        "GUANGZHOU -- Guangdong shipped 1.86 million mowers abroad, with export value at 7.42 billion yuan.\n"
        "Exports to Germany and the Netherlands rose 74.1 percent and 55.8 percent, respectively."
    )
    found = extractor.extract(text, published=PUBLISHED, headline=headline)
    parts = {text[o.start : o.end]: o.segment for o in found if o.metric is not None}
    assert parts == {
        "7.42 billion yuan": "robotic lawn mowers",
        "74.1 percent": "robotic lawn mowers",
        "55.8 percent": "robotic lawn mowers",
    }


def test_the_ledes_own_words_for_the_headlines_goods_win(extractor: FigureExtractor) -> None:
    headline = "广东榨汁机出口前8月增长逾两成"
    text = "今年前8个月，广东出口榨汁机27.8亿元，增长23.6%。\n对欧盟出口9.1亿元。"
    found = extractor.extract(text, published=PUBLISHED, headline=headline)
    assert {text[o.start : o.end]: o.segment for o in found} == {
        "27.8亿元": "榨汁机",
        "23.6%": "榨汁机",
        "9.1亿元": "榨汁机",
    }


@pytest.mark.parametrize(
    ("headline", "flow", "goods"),
    [
        ("廣東智慧貓砂盆出口前10月年增36%", "exports", "智慧猫砂盆"),  # a name no ending tells as goods
        ("顺德小家电上半年出口增长12%", "exports", "小家电"),  # a period between the goods and the flow word
        ("廣東前10月自台進口矽晶圓年增18%", "imports", "矽晶圆"),  # goods after the flow word
        ("廣東自台灣進口被動元件 前3季年增12%", "imports", "被动元件"),
        ("粵自台進口工具機年增14%", "imports", "工具机"),
        ("廣東自台進口自行車零組件 前10月年增14.2%", "imports", "自行车零组件"),  # 自 opening a name
        ("廣東前10月POS機出口年增12.6%", "exports", "POS机"),
    ],
)
def test_a_chinese_headline_names_goods_in_its_flow_slot(headline: str, flow: str, goods: str) -> None:
    vocabulary = FigureExtractor(load_metrics(), load_gazetteer()).vocabulary
    title = normalize(headline)
    assert headline_written_part(title, frozenset(), vocabulary.subjects.leading_words) == (flow, goods)


@pytest.mark.parametrize(
    "headline",
    [
        "前三季度广东对土耳其进出口增长12%",  # two-way trade
        "金石镇香精香料产业前三季度出口增长近两成",  # a town's industry: the town's exports
        "广货对中东出口增长两成",  # Guangdong's goods to a partner: the whole
        "本澳货物出口增长5.6%",  # goods as a whole
        "广东上月出口增长近两成",  # a period and a move
        "前10月广东出口逆势增长",  # an adverb
        "广东民营企业出口增长8%",  # traders
    ],
)
def test_a_chinese_headline_naming_no_goods_in_its_flow_slot(headline: str) -> None:
    vocabulary = FigureExtractor(load_metrics(), load_gazetteer()).vocabulary
    traded = headline_written_part(normalize(headline), frozenset(), vocabulary.subjects.leading_words)
    assert traded is None


def test_the_headlines_goods_named_again_keep_the_lede_on_them(extractor: FigureExtractor) -> None:
    headline = "前10个月广东头盔出口增长22%"
    text = (
        "第一财经记者 杜晓明 广州报道 据广州海关统计，广东出口头盔38.6亿元，同比增长22.3%。\n"
        "对欧盟、美国出口分别增长18.6%和9.2%。"
    )
    found = extractor.extract(text, published=PUBLISHED, headline=headline)
    assert {text[o.start : o.end]: o.segment for o in found} == {
        "38.6亿元": "头盔",
        "22.3%": "头盔",
        "18.6%": "头盔",
        "9.2%": "头盔",
    }


def test_a_count_of_the_headlines_goods_states_the_part(extractor: FigureExtractor) -> None:
    headline = "顯示卡出口東協熱 廣東前三季出口值年增逾3成"
    text = (
        "中國海關總署廣東分署統計，前三季廣東出口顯示卡1940萬片，年增22.4%；出口值人民幣486億元，年增31.7%。"
    )
    found = extractor.extract(text, published=PUBLISHED, headline=headline)
    assert {text[o.start : o.end]: (o.metric, o.segment) for o in found} == {
        "1940萬": (None, "显示卡"),
        "22.4%": (None, "显示卡"),
        "人民幣486億元": ("exports", "显示卡"),
        "31.7%": ("exports_growth", "显示卡"),
    }


def test_an_english_lede_naming_the_headlines_goods_stays_on_them(extractor: FigureExtractor) -> None:
    headline = "Guangdong heat pump exports warm up in first 8 months"
    text = (
        "Guangdong exported 1.27 million heat pump units, worth 6.9 billion yuan, customs data showed.\n"
        "Exports to ASEAN and the Middle East grew 41 percent and 35 percent, respectively."
    )
    found = extractor.extract(text, published=PUBLISHED, headline=headline)
    parts = {text[o.start : o.end]: o.segment for o in found if o.metric is not None}
    assert parts == {"6.9 billion yuan": "heat pumps", "41 percent": "heat pumps", "35 percent": "heat pumps"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Imports from Hungary, mainly auto parts and medicines, came to 3.5 billion yuan.", None),
        ("Exports, led by motorcycles, mobile phones and solar cells, rose 38.6 percent.", None),
        ("Sales to the country, dominated by household appliances, grew 4.9 percent.", None),
        # the apposition goes on about its item: the figure is the item's
        (
            "Exports grew 24.3 percent, led by electromechanical products, which rose 29.1 percent.",
            "29.1 percent",
        ),
    ],
)
def test_what_a_whole_is_made_of_is_no_part_of_its_figure(
    extractor: FigureExtractor, text: str, expected: str | None
) -> None:
    found = extractor.extract(text, published=PUBLISHED)
    assert [text[o.start : o.end] for o in found if o.segment is not None] == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "每股盈利16.2港仙，派中期息每股5港仙。",
            {"16.2港仙": "earnings per share", "5港仙": "interim dividend per share"},
        ),
        (
            "末期息每股3.2港仙，上年同期為4.5港仙。",
            {"3.2港仙": "final dividend per share", "4.5港仙": "final dividend per share"},
        ),
        (
            "The board declared an interim dividend of 6.5 HK cents, against 5 HK cents a year earlier.",
            {"6.5 HK cents": "interim dividend per share", "5 HK cents": "interim dividend per share"},
        ),
    ],
)
def test_a_dividend_per_share_is_named_by_its_half(
    extractor: FigureExtractor, text: str, expected: dict[str, str]
) -> None:
    found = extractor.extract(text, published=PUBLISHED)
    assert {text[o.start : o.end]: o.segment for o in found} == expected
    assert {o.unit for o in found} == {"HKD"}


@pytest.mark.parametrize(
    ("headline", "goods"),
    [
        ("Shuikou's faucet makers ride overseas demand", "faucets"),  # the makers' goods
        ("Jinli hardware exporters broaden reach", "hardware"),
        ("Guangdong's electric toothbrushes brush up global sales", "electric toothbrushes"),  # sold abroad
        ("Buji's silicone kitchenware heats up overseas", "silicone kitchenware"),
        ("Guangdong-made rice cookers find more buyers abroad", "rice cookers"),
        ("Massage chairs find new buyers abroad", "massage chairs"),
    ],
)
def test_an_english_feature_headline_names_its_goods_without_a_flow_word(headline: str, goods: str) -> None:
    vocabulary = FigureExtractor(load_metrics(), load_gazetteer()).vocabulary
    title = normalize(headline)
    assert headline_written_part(title, BEFORE_WHOLE_PHRASE_EN, vocabulary.subjects.leading_words) == (
        "exports",
        goods,
    )


@pytest.mark.parametrize(
    "headline",
    [
        "Humid summers abroad lift Guangdong's dehumidifier sales",  # sales of goods at home
        "Guangdong's October exports rise 6.1% m/m as holiday orders peak",  # a flow word, no goods before it
        "China's Guangdong exports rise 5.6% in Jan-Sept as firms diversify markets",
        "Pingshan's biomedicine cluster grows fast",  # nothing sold abroad
        "Guangdong's foreign trade grows 4.8 pct in first three quarters",
    ],
)
def test_an_english_headline_naming_no_goods_sold_abroad(headline: str) -> None:
    vocabulary = FigureExtractor(load_metrics(), load_gazetteer()).vocabulary
    traded = headline_written_part(
        normalize(headline), BEFORE_WHOLE_PHRASE_EN, vocabulary.subjects.leading_words
    )
    assert traded is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # metrics-3.2.0: goods of any name that open their clause as the flow's whole subject
        ("其中，LED灯串出口18.9亿元，增长21.3%。", [("exports", "LED灯串"), ("exports_growth", "LED灯串")]),
        ("分品类看，美甲灯出口12.8亿元；穿戴甲出口9.6亿元。", [("exports", "美甲灯"), ("exports", "穿戴甲")]),
        # a partner, an anaphor, a channel, a price or importers are no goods
        ("8月当月，广东对墨西哥出口118.4亿元。", [("exports", None)]),
        ("平均进口价每公斤10.6元。", [(None, None)]),
        ("线下出口成交264.8亿美元。", [(None, None)]),
    ],
)
def test_goods_opening_a_clause_are_its_trades_part(
    extractor: FigureExtractor, text: str, expected: list[tuple[str | None, str | None]]
) -> None:
    found = extractor.extract(text, published=PUBLISHED)
    assert [(o.metric, o.segment) for o in found] == expected


@pytest.mark.parametrize(
    "headline",
    [
        "Guangdong's third-quarter exports rise 4.6% from second quarter",  # when, not what
        "Guangdong-Germany trade grows as machinery imports pick up",  # the trade is the subject
        "GUANGDONG ROBOT EXPORTS SURGE",  # no product told from the names in capitals
    ],
)
def test_a_headline_naming_no_goods_puts_no_part_in_force(extractor: FigureExtractor, headline: str) -> None:
    text = "Guangdong's exports rose 6.3 percent to 150 billion yuan in the period."
    found = extractor.extract(text, published=PUBLISHED, headline=headline)
    assert [o.segment for o in found] == [None, None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("前4个月出口汽车9.86万辆，货值161.2亿元。", ("161.2亿元", "exports", "automobiles")),
        ("廣東出口月餅5860噸，貨值約3.42億元。", ("3.42億元", "exports", None)),
        ("进口大豆120万吨，货值约45亿元。", ("45亿元", "imports", None)),
    ],
)
def test_the_value_after_a_traded_volume_is_the_flows(
    extractor: FigureExtractor, text: str, expected: tuple[str, str, str | None]
) -> None:
    found = extractor.extract(text, published=PUBLISHED)
    span, metric, segment = expected
    value = next(o for o in found if text[o.start : o.end] == span)
    assert value.metric == metric
    assert segment is None or value.segment == segment


@pytest.mark.parametrize(("goods", "written"), [("五金", "五金"), ("显示屏", "显示屏"), ("棉纱", "棉纱")])
def test_chinese_goods_ending_in_metal_screen_or_cloth_are_a_part(
    extractor: FigureExtractor, goods: str, written: str
) -> None:
    text = f"2025年，佛山{goods}出口112.3亿元。"
    found = extractor.extract(text, published=PUBLISHED)
    assert [(o.metric, o.segment) for o in found] == [("exports", written)]


def test_examples_after_such_as_are_not_the_part(extractor: FigureExtractor) -> None:
    text = "Exports of pet supplies such as leashes, beds and toys rose 8.2 percent to 14.8 billion yuan."
    assert [(o.metric, o.segment) for o in extractor.extract(text, published=PUBLISHED)] == [
        ("exports_growth", "pet supplies"),
        ("exports", "pet supplies"),
    ]


def test_a_comma_between_examples_does_not_end_the_clause() -> None:
    examples = "Exports of pet supplies such as leashes, beds and toys rose 8.2 percent."
    assert clause_bounds(examples, examples.index("8.2")) == (0, len(examples))
    apposition = "Exports of goods such as toys, which rose 8.2 percent, led."
    assert clause_bounds(apposition, apposition.index("8.2"))[0] == apposition.index(",") + 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sales to ASEAN grew by nearly 40 percent.", [("exports_growth", "ASEAN", None)]),
        ("Washed denim fabric sold abroad rose 21.9 percent.", [("exports_growth", None, None)]),
        # a firm's sales to a market are its foreign revenue by market, not a place's exports
        (
            "Restora Wellness, a Shenzhen-based maker of massage chairs, said sales to the United States "
            "climbed 19.8 per cent.",
            [(None, "US", "overseas business")],
        ),
    ],
)
def test_sales_to_a_partner_and_goods_sold_abroad_are_exports(
    extractor: FigureExtractor, text: str, expected: list[tuple[str | None, str | None, str | None]]
) -> None:
    found = extractor.extract(text, published=PUBLISHED)
    assert [(o.metric, o.partner, o.segment if o.metric is None else None) for o in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chenghai district, the city's toy-making hub, shipped 33.4 billion yuan worth of toys abroad, "
            "an increase of 10.6 percent.",
            [("33.4 billion yuan", "exports", "toys"), ("10.6 percent", "exports_growth", "toys")],
        ),
        (
            "Guangdong shipped Christmas decorations and artificial trees worth RMB9.86 billion overseas, up "
            "8.9 percent.",
            [
                ("RMB9.86 billion", "exports", "christmas decorations and artificial trees"),
                ("8.9 percent", "exports_growth", "christmas decorations and artificial trees"),
            ],
        ),
        # units shipped: their growth is no growth of the exports' value
        (
            "The province shipped 612,000 new-energy vehicles abroad, 31.2 percent more than a year earlier.",
            [("612,000", None, "new energy vehicles"), ("31.2 percent", None, "new energy vehicles")],
        ),
        # the verb's subject is the part; a share after it is no growth
        (
            "Private enterprises, which run most of the city's kilns, shipped 36.1 billion yuan worth of "
            "goods overseas, or 90.7 percent of the city's exports.",
            [
                ("36.1 billion yuan", "exports", "private enterprises"),
                ("90.7 percent", None, "private enterprises"),
            ],
        ),
    ],
)
def test_goods_shipped_abroad_by_value_are_exports(
    extractor: FigureExtractor, text: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    found = extractor.extract(text, published=PUBLISHED)
    assert [(text[o.start : o.end], o.metric, o.segment) for o in found] == expected


def test_a_period_between_the_phrase_and_the_amount_is_no_subject(extractor: FigureExtractor) -> None:
    text = (
        "Ceramic exports from Foshan, the manufacturing hub that makes most of the world's floor tiles, rose "
        "7.6 percent in the first eight months to 13.8 billion yuan."
    )
    found = extractor.extract(text, published=PUBLISHED)
    assert [(o.metric, o.segment) for o in found] == [("exports_growth", "ceramics"), ("exports", "ceramics")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Exports of badminton rackets and tennis rackets rose 6.2 percent and 11.5 percent, "
            "respectively.",
            [("exports_growth", "badminton rackets", None), ("exports_growth", "tennis rackets", None)],
        ),
        # a partner written once after the list of parts is every part's
        (
            "Imports of machine tools and industrial robots from Germany rose 15.2 percent and 9.6 percent, "
            "respectively.",
            [
                ("imports_growth", "machine tools", "Germany"),
                ("imports_growth", "industrial robots", "Germany"),
            ],
        ),
    ],
)
def test_a_list_of_goods_after_exports_of_splits_into_its_parts(
    extractor: FigureExtractor, text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    found = extractor.extract(text, published=PUBLISHED)
    assert [(o.metric, o.segment, o.partner) for o in found] == expected


def test_a_list_of_parts_keeps_the_partner_in_force(extractor: FigureExtractor) -> None:
    text = (
        "Guangdong's exports to Zambia rose 12.4 percent in the first eight months.\n"
        "Exports of trucks and mining machinery grew 42.1 percent and 17.6 percent, respectively."
    )
    found = extractor.extract(text, published=PUBLISHED)
    assert [(o.segment, o.partner) for o in found] == [
        (None, "Zambia"),
        ("trucks", "Zambia"),
        ("mining machinery", "Zambia"),
    ]


def test_goods_joined_by_and_after_exports_of_are_one_part(extractor: FigureExtractor) -> None:
    text = (
        "Guangdong's exports of gaming chairs and ergonomic office chairs rose 19.7 percent to 8.35 billion "
        "yuan."
    )
    found = extractor.extract(text, published=PUBLISHED)
    assert [(o.metric, o.segment) for o in found] == [
        ("exports_growth", "gaming chairs and ergonomic office chairs"),
        ("exports", "gaming chairs and ergonomic office chairs"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # 埃及 holds 及: a list word inside a partner's name splits nothing
        "对南非、尼日利亚和埃及分别进出口612.7亿元、384.5亿元和297.1亿元。",
        # a list long enough that 对 stands far before the phrase
        "对哈萨克斯坦、乌兹别克斯坦和吉尔吉斯斯坦分别进出口98.2亿元、61.5亿元和43.7亿元。",
        # partners listed bare, each the subject of its figure
        "巴西、墨西哥和埃及分别进出口83.6亿元、61.5亿元和43.7亿元。",
    ],
)
def test_each_partner_of_a_chinese_list_has_its_trade(extractor: FigureExtractor, text: str) -> None:
    found = extractor.extract(text, published=PUBLISHED)
    assert [o.metric for o in found] == ["partner_trade"] * 3
    assert len({o.partner for o in found}) == 3 and None not in {o.partner for o in found}


def test_partners_importing_guangdong_goods_are_no_guangdong_imports(extractor: FigureExtractor) -> None:
    found = extractor.extract(
        "美国、欧盟和日本分别进口广东筋膜枪11.2亿元、6.8亿元和2.9亿元。", published=PUBLISHED
    )
    assert "imports" not in {o.metric for o in found}


@pytest.mark.parametrize(
    "text", ["2025年，全省预制菜产业规模达812亿元。", "深圳低空經濟產業規模去年達960億元。"]
)
def test_an_industrys_scale_is_its_revenue(extractor: FigureExtractor, text: str) -> None:
    assert [o.metric for o in extractor.extract(text, published=PUBLISHED)] == ["industry_revenue"]


@pytest.mark.parametrize(
    ("text", "partners"),
    [
        ("廣東供港蔬菜58.6萬噸，按年增長約一成。", ["Hong Kong", "Hong Kong"]),
        ("深圳、惠州分別供港蔬菜21.4萬噸和12.7萬噸。", ["Hong Kong", "Hong Kong"]),
        # the bases that grow what is supplied are no volume supplied
        ("目前，廣東共有供港蔬菜備案種植基地386個。", [None]),
    ],
)
def test_a_volume_supplied_to_a_partner_is_the_partners(
    extractor: FigureExtractor, text: str, partners: list[str | None]
) -> None:
    assert [o.partner for o in extractor.extract(text, published=PUBLISHED)] == partners


@pytest.mark.parametrize(
    ("text", "partner", "segment"),
    [
        ("Exports of auto parts to Germany rose 23.9 percent.", "Germany", "auto parts"),
        ("Imports of raw jadeite from Myanmar fell 6.1 percent.", "Myanmar", "raw jadeite"),
        ("Exports of air fryers bound for India grew 27.8 percent.", "India", "air fryers"),
    ],
)
def test_the_partner_after_the_goods_of_a_trade_phrase(
    extractor: FigureExtractor, text: str, partner: str, segment: str
) -> None:
    found = extractor.extract(text, published=PUBLISHED)
    assert [(o.partner, o.segment) for o in found] == [(partner, segment)]


@pytest.mark.parametrize(
    ("text", "segment"),
    [
        ("今年前8个月，广东出口咖啡机27.8亿元。", "coffee machines"),
        ("前三季度，廣東出口電動自行車42.6億元。", "electric bicycles"),
        ("Guangdong's e-bike exports rose 12.1 percent.", "electric bicycles"),
        ("前10个月，东莞出口印刷电路板318亿元。", "printed circuit boards"),
    ],
)
def test_common_goods_have_one_name_in_every_script(
    extractor: FigureExtractor, text: str, segment: str
) -> None:
    assert [o.segment for o in extractor.extract(text, published=PUBLISHED)] == [segment]


@pytest.mark.parametrize(
    ("text", "partner"),
    [
        ("Goods trade between Liberia and Guangdong hit 2.86 billion yuan.", "Liberia"),
        ("Goods trade linking Guangdong Province and Finland amounted to 38.62 billion yuan.", "Finland"),
    ],
)
def test_trade_between_a_partner_and_guangdong_is_the_partners(
    extractor: FigureExtractor, text: str, partner: str
) -> None:
    found = extractor.extract(text, published=PUBLISHED)
    assert [(o.metric, o.partner) for o in found] == [("partner_trade", partner)]


def test_rates_listed_after_a_volume_and_its_value_pair_with_them_in_order(
    extractor: FigureExtractor,
) -> None:
    text = "今年前三季度，梅州市出口柚子4.6万吨，货值3.18亿元，同比分别增长18.2%和21.6%。"
    found = {
        text[o.start : o.end]: (o.metric, o.segment) for o in extractor.extract(text, published=PUBLISHED)
    }
    assert found["18.2%"] == (None, "pomelos")  # the volume's growth: no value metric, the volume's goods
    assert found["21.6%"] == ("exports_growth", "pomelos")
    # two values listed before the rates keep their own measures
    text = "出口6318.2亿元，进口2202.4亿元，分别增长14.9%和5.8%。"
    assert [o.metric for o in extractor.extract(text, published=PUBLISHED)] == [
        "exports",
        "imports",
        "exports_growth",
        "imports_growth",
    ]


def test_the_price_of_traded_goods_is_no_trade_figure(extractor: FigureExtractor) -> None:
    text = "广东出口电动自行车486万辆。\n出口均价为每辆2028元，较上年同期提高2.9%。"
    found = {
        text[o.start : o.end]: (o.metric, o.segment) for o in extractor.extract(text, published=PUBLISHED)
    }
    assert found["2028元"] == (None, "electric bicycles export price")
    assert found["2.9%"] == (None, "electric bicycles export price")


@pytest.mark.parametrize(
    ("sentence", "metric"),
    [
        # the goods' way out or in, or the flow named after the amounts, says which trade they share out
        ("Motorcycles and tyres shipped to Cuba earned 312 million yuan and 145 million yuan.", "exports"),
        ("Zhongshan and Jiangmen shipped 171 million yuan and 82 million yuan of the lights.", "exports"),
        ("Tyres and grills brought in 184 million yuan and 12 million yuan of export sales.", "exports"),
        ("Logs and sawn timber brought in from Pointe-Noire were worth 168 million yuan.", "imports"),
        # otherwise the trade read last
        ("Copper ore and cobalt accounted for 160 million yuan and 50 million yuan.", "imports"),
    ],
)  # fmt: skip
def test_amounts_sharing_out_a_trade_take_the_flow_they_are_of(
    extractor: FigureExtractor, sentence: str, metric: str
) -> None:
    text = (
        "Guangdong's exports to the country reached 1.42 billion yuan in the first 10 months.\n"
        "Imports from it totalled 310 million yuan.\n" + sentence
    )
    found = extractor.extract(text, published=date(2026, 11, 20))
    assert {o.metric for o in found[2:]} == {metric}


@pytest.mark.parametrize(
    ("text", "goods"),
    [
        ("今年前10月，广东相机模组出口1126亿元，同比增长8.9%。", "相机模组"),
        ("今年前10月，深圳光模块出口312亿元，同比增长8.9%。", "光模块"),
        ("今年前10月，潮州片式电感出口41亿元，同比增长8.9%。", "片式电感"),
        ("今年前10月，东莞数据线出口88亿元，同比增长8.9%。", "数据线"),
        ("今年前10月，汕头筋膜枪出口6亿元，同比增长8.9%。", "筋膜枪"),
        ("今年前10月，佛山美容仪出口9亿元，同比增长8.9%。", "美容仪"),
        ("今年前10月，广州月饼出口3亿元，同比增长8.9%。", "月饼"),
    ],
)
def test_goods_the_catalogue_does_not_list_are_named_as_written(
    extractor: FigureExtractor, text: str, goods: str
) -> None:
    found = extractor.extract(text, published=date(2026, 11, 20))
    assert [(o.metric, o.segment) for o in found] == [("exports", goods), ("exports_growth", goods)]


def test_freight_to_a_partner_is_no_export_of_containers(extractor: FigureExtractor) -> None:
    text = "物流成本偏高，一个40英尺集装箱运往巴西的运费一度超过6000美元。"
    found = {text[o.start : o.end]: o.metric for o in extractor.extract(text, published=PUBLISHED)}
    assert found == {"6000美元": None}


@pytest.mark.parametrize(
    "text",
    [
        "一部双镜头行车记录仪出口均价约58美元。",
        "前7个月广东太阳能电池出口量增价跌。\n出口平均价格下跌20.3%。",
        "前5个月揭东塑料鞋出口量增价稳。\n出口平均单价为每双19.3元，与去年同期基本持平。",
    ],
)
def test_a_price_named_after_the_trade_is_no_trade_figure_whatever_the_goods(
    extractor: FigureExtractor, text: str
) -> None:
    last = extractor.extract(text, published=PUBLISHED)[-1]
    assert last.metric is None
    assert last.segment is not None and last.segment.endswith("export price")


def test_other_goods_with_their_own_move_keep_the_trade_rate_before_them(extractor: FigureExtractor) -> None:
    text = (
        "Exports of air fryers jumped 42 per cent, coffee machines rose 17.5 per cent and electric kettles "
        "dipped 1.2 per cent.\nExports of toys rose 8 percent, while prices fell 2 percent."
    )
    found = [(o.value, o.metric, o.segment) for o in extractor.extract(text, published=PUBLISHED)]
    assert found[:3] == [
        (42.0, "exports_growth", "air fryers"),
        (17.5, "exports_growth", "coffee machines"),
        (-1.2, "exports_growth", "electric kettles"),
    ]
    assert found[4][:2] == (-2.0, None)  # prices are no goods


@pytest.mark.parametrize(
    ("text", "goods"),
    [
        # a rate after its level, with digits between that are no figure
        ("Guangdong exported 9.2 billion yuan of desktop printers in the first 10 months, up 37.5 percent.",
         "desktop printers"),
        ("Guangdong exported wigs and other hair products worth 4.28 billion yuan, up 21.6 percent.",
         "wigs and hair products"),
    ],
)  # fmt: skip
def test_a_rate_after_a_traded_level_is_that_trade_s_rate(
    extractor: FigureExtractor, text: str, goods: str
) -> None:
    found = extractor.extract(text, published=PUBLISHED)
    assert [(o.metric, o.segment) for o in found] == [("exports", goods), ("exports_growth", goods)]


def test_the_rate_of_a_traded_volume_keeps_its_goods_and_has_no_trade_metric(
    extractor: FigureExtractor,
) -> None:
    text = "广东冷冻鱿鱼进口量为3.86万吨，环比增长28.7%。\n进口额为4.12亿元，环比增长24.1%。"
    found = [(o.metric, o.segment) for o in extractor.extract(text, published=PUBLISHED)]
    assert found[1] == (None, "冷冻鱿鱼")
    assert found[2:] == [("imports", "冷冻鱿鱼"), ("imports_growth", "冷冻鱿鱼")]


def test_livestreamed_sales_are_the_livestream_channel(extractor: FigureExtractor) -> None:
    text = "Livestreamed sales of Xintang denim reached 2.3 billion yuan, up 41 percent.\n直播带货12亿元。"
    assert {o.segment for o in extractor.extract(text, published=PUBLISHED)} == {"livestream e-commerce"}


def test_a_percent_of_a_whole_after_a_trade_is_a_share_not_its_growth(extractor: FigureExtractor) -> None:
    text = (
        "Zhanjiang's seafood exports rose 12 percent.\n"
        "The exports were worth 2.93 billion yuan, or 41 percent of Zhanjiang's total."
    )
    share = extractor.extract(text, published=PUBLISHED)[-1]
    assert (share.value, share.kind, share.metric) == (41.0, "share", None)


@pytest.mark.parametrize(
    ("text", "segments"),
    [
        ("The town's ceramics output value reached 12 billion yuan, up 5 percent.",
         ["ceramics output value", "ceramics output value"]),
        ("今年前三季度，全市陶瓷产值达120亿元，增长5%。", ["ceramics output value", "ceramics output value"]),
        ("Knitwear output value in Dalang came to 28.4 billion yuan, rising 6.9 percent year-on-year.",
         ["knitwear output value", "knitwear output value"]),
        # the goods' trade keeps the goods' name; the whole's output value names no part
        ("陶瓷出口12亿元，增长5%。", ["ceramics", "ceramics"]),
        ("Industrial output value reached 1.2 trillion yuan.", [None]),
    ],
)  # fmt: skip
def test_the_output_value_of_goods_is_its_own_part(
    extractor: FigureExtractor, text: str, segments: list[str | None]
) -> None:
    assert [o.segment for o in extractor.extract(text, published=PUBLISHED)] == segments


def test_a_chinese_count_of_traded_goods_names_them(extractor: FigureExtractor) -> None:
    text = "进口方面，可可豆进口9.3万吨，增长1.2倍；天然橡胶进口额3.8亿元。\n8月当月，破壁机出口392万台。"
    found = [(o.metric, o.segment) for o in extractor.extract(text, published=PUBLISHED)]
    assert found == [(None, "可可豆"), (None, "可可豆"), ("imports", "天然橡胶"), (None, "破壁机")]


def test_goods_that_describe_a_place_are_not_the_part_of_its_trade(extractor: FigureExtractor) -> None:
    whole = (
        "Huangjiang, a Dongguan town famed for mobile phone cases and accessories, sold 4.62 billion yuan "
        "worth of goods abroad, a rise of 12.8 percent."
    )
    assert [o.segment for o in extractor.extract(whole, published=PUBLISHED)] == [None, None]
    described = (
        "Yanbu, a town in Foshan known as a hub for underwear, exported 3.48 billion yuan of the goods, up "
        "11.9 percent."
    )
    assert [o.segment for o in extractor.extract(described, published=PUBLISHED)] == [
        "underwear",
        "underwear",
    ]
