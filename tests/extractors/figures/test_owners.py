"""Whose figures an article reports when the owner is implied: Hong Kong, Macao and Taiwan reporting their
own statistics, the statistics office that published a figure, towns, ports and crossings of the gazetteer
(docs/figure-labels-v2.md, rule 8; docs/architecture.md, "Entities")."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from gdwatch.config.loader import PACKAGED_CONFIG_DIR, load_config, load_gazetteer, load_metrics
from gdwatch.extractors.figures import FigureExtractor

PUBLISHED = date(2026, 6, 12)


def owners(extractor: FigureExtractor, text: str, headline: str | None = None) -> dict[str, str]:
    found = extractor.extract(text, published=PUBLISHED, headline=headline)
    return {text[o.start : o.end]: o.entity for o in found}


def test_a_taiwan_wire_report_that_names_no_place_is_taiwans(extractor: FigureExtractor) -> None:
    text = (
        "（中央社記者林佳穎台北11日電）財政部今天發布統計，5月出口值為482.6億美元，年增21.3%。\n"
        "進口值為371.9億美元，年增14.8%。\n"
        "累計前5月出口2105.7億美元。"
    )
    assert set(owners(extractor, text, "5月出口年增21.3%").values()) == {"Taiwan"}


def test_a_taiwan_wire_report_about_guangdong_stays_guangdong(extractor: FigureExtractor) -> None:
    text = (
        "（中央社記者林佳穎台北11日電）廣東省統計局公布，前5月廣東出口2.18兆元人民幣，年增6.4%。\n"
        "其中機電產品出口增長8.1%。"
    )
    assert set(owners(extractor, text).values()) == {"Guangdong"}


def test_hong_kong_statistics_stay_hong_kongs_after_the_first_figure(extractor: FigureExtractor) -> None:
    text = (
        "政府統計處昨日公布，5月份本港整體出口貨值為4102億港元，按年上升9.4%。\n"
        "進口貨值為4395億港元，上升7.7%。\n"
        "首5個月整體出口貨值按年上升8.2%。"
    )
    assert set(owners(extractor, text).values()) == {"Hong Kong"}


def test_hong_kong_opening_an_english_sentence_is_its_subject(extractor: FigureExtractor) -> None:
    text = (
        "Hong Kong residents made 42.7 million trips north in the first five months, up 9.3 per cent.\n"
        "Spending per trip fell 4 per cent."
    )
    assert set(owners(extractor, text).values()) == {"Hong Kong"}
    # an investor is not the investment's owner: the money went into Guangdong
    text = "Hong Kong investors put HK$31 billion into Guangdong's chip projects in the first five months."
    assert owners(extractor, text) == {"HK$31 billion": "Guangdong"}


def test_the_office_that_published_a_figure_is_not_its_owner(extractor: FigureExtractor) -> None:
    text = "据拱北海关统计，5月份，珠海市外贸进出口286.4亿元，同比增长6.1%。"
    assert set(owners(extractor, text).values()) == {"Zhuhai"}
    text = "拱北海关关区5月进出口增长6.1%。"
    assert set(owners(extractor, text).values()) == {"Gongbei Customs"}


def test_towns_ports_and_crossings_own_their_figures(extractor: FigureExtractor) -> None:
    text = (
        "今年前5月，中山市小榄镇五金产业产值增长9.4%。\n"
        "东莞厚街镇家具出口增长3.2%。\n"
        "Shekou Port handled 2.4 million TEUs, up 5.5 percent.\n"
        "深圳湾口岸出入境旅客1196.5万人次。"
    )
    assert set(owners(extractor, text).items()) == {
        ("9.4%", "Xiaolan"),
        ("3.2%", "Houjie"),
        ("2.4 million", "Shekou Port"),
        ("5.5 percent", "Shekou Port"),
        ("1196.5万", "Shenzhen Bay Port"),
    }


def test_a_jurisdiction_added_to_the_gazetteer_is_recognised(tmp_path: Path) -> None:
    text = "Statistics Singapore said on Friday that exports rose 4.1 percent in May."
    before = FigureExtractor(load_metrics(), load_gazetteer()).extract(text, published=PUBLISHED)
    assert [o.entity for o in before] == ["Guangdong"]
    directory = tmp_path / "config"
    shutil.copytree(PACKAGED_CONFIG_DIR, directory, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    gazetteer = directory / "gazetteer.toml"
    gazetteer.write_text(
        gazetteer.read_text(encoding="utf-8")
        + '\n[[jurisdictions]]\nname = "Singapore"\nen = ["Statistics Singapore"]\n'
        'zh_hans = ["新加坡统计局"]\nzh_hant = ["新加坡統計局"]\n',
        encoding="utf-8",
    )
    config = load_config(directory)
    after = FigureExtractor(config.metrics, config.gazetteer).extract(text, published=PUBLISHED)
    assert [o.entity for o in after] == ["Singapore"]


def test_macao_reports_in_patacas_are_macaos(extractor: FigureExtractor) -> None:
    text = "【明報專訊】澳門博彩監察協調局昨日公布，5月博彩毛收入204.1億澳門元，按年上升6.2%。"
    assert set(owners(extractor, text).values()) == {"Macao"}


def test_a_headline_naming_home_as_a_share_does_not_make_a_taiwan_report_home(
    extractor: FigureExtractor,
) -> None:
    text = (
        "（中央社記者曾智怡台北21日電）經濟部投資審議司今天公布，今年前9月核准對中國大陸投資金額25.1億美元，年減10.4%。\n"
        "其中對廣東省投資6.1億美元。"
    )
    found = owners(extractor, text, "前9月對陸投資年減1成 廣東占比升至24%")
    assert (found["25.1億美元"], found["10.4%"]) == ("Taiwan", "Taiwan")


def test_a_byline_paragraph_is_not_the_whole_lede(extractor: FigureExtractor) -> None:
    text = (
        "工商時報 記者 陳碧芬／台北報導\n據海關總署廣東分署公布，廣東今年前3季出口4.4兆元人民幣，年增5.1%。"
    )
    assert set(owners(extractor, text).values()) == {"Guangdong"}


def test_the_city_of_a_port_is_the_city_referred_to(extractor: FigureExtractor) -> None:
    text = (
        "Zhanjiang Port handled 330 million tonnes of cargo in 2025.\n"
        "The city's foreign trade rose 7.9 percent to 70.2 billion yuan."
    )
    assert owners(extractor, text)["70.2 billion yuan"] == "Zhanjiang"


def test_the_value_of_a_places_sales_is_that_places(extractor: FigureExtractor) -> None:
    text = "HONG KONG, April 30 (Reuters) - The value of Hong Kong's total retail sales rose 5.1% in March."
    assert owners(extractor, text) == {"5.1%": "Hong Kong"}
    # a share of a place's total is not that place's figure
    text = "Private firms handled 58 percent of Guangdong's trade in 2025."
    assert owners(extractor, text) == {"58 percent": "Guangdong"}


def test_a_fair_of_the_gazetteer_owns_its_figures(extractor: FigureExtractor) -> None:
    text = "The 21st China International SME Fair ended with intended deals worth 39.6 billion yuan."
    assert owners(extractor, text) == {"39.6 billion yuan": "China International SME Fair"}


def test_a_county_level_city_is_the_city_its_article_means(extractor: FigureExtractor) -> None:
    text = (
        "11月25日，记者从化州市农业农村局获悉，今年1—10月，化州市化橘红全产业链产值103.6亿元。\n"
        "全市化橘红种植面积达15.2万亩。\n"
        "在台山，上半年全市实现地区生产总值276.3亿元。"
    )
    # 从化州市 is "from Huazhou", not Conghua (从化); 全市 is the county-level city the article is about, or
    # the one just named in its sentence
    assert owners(extractor, text, "化州化橘红全产业链产值突破百亿元") == {
        "103.6亿元": "Huazhou",
        "15.2万": "Huazhou",
        "276.3亿元": "Taishan",
    }


def test_the_city_is_the_county_level_city_the_article_is_about(extractor: FigureExtractor) -> None:
    text = (
        "SIHUI, Guangdong, May 6 (GDToday) -- Jade traders in Sihui, a county-level city in Zhaoqing, sold "
        "goods worth 1.18 billion yuan during the May Day holiday.\n"
        "About 9,000 livestream rooms now operate in the city every night."
    )
    assert owners(extractor, text)["9,000"] == "Sihui"


def test_the_imports_of_the_sentence_before_are_its_owners(extractor: FigureExtractor) -> None:
    text = (
        "Guangdong imported 31,400 tonnes of green coffee beans in the first four months.\n"
        "The imports were valued at 1.27 billion yuan, up 55.1 percent."
    )
    found = owners(extractor, text, "Huangpu becomes coffee gateway as imports surge")
    assert found["1.27 billion yuan"] == "Guangdong"


def test_a_city_newspaper_is_the_outlet_and_a_town_anaphor_its_town(extractor: FigureExtractor) -> None:
    text = "中山日报讯 记者昨日从小榄镇获悉，今年前10个月，该镇五金锁具出口27.5亿元，同比增长7.9%。"
    found = owners(extractor, text, "中山小榄锁具出口保持增长")
    assert found == {"27.5亿元": "Xiaolan", "7.9%": "Xiaolan"}


def test_a_town_named_before_what_it_is_owns_its_figures(extractor: FigureExtractor) -> None:
    # metrics-2.28.0: after its city's possessive, or before the place it is in
    text = (
        "Shenzhen's Henggang subdistrict exported 8.34 billion yuan of eyewear in 2025, up 6.2 percent.\n"
        "Exports to the EU grew 9.7 percent."
    )
    assert set(owners(extractor, text).values()) == {"Henggang"}
    text = "Makers in Dalang town in Dongguan sold 12 billion yuan of knitwear last year."
    assert set(owners(extractor, text).values()) == {"Dalang"}


def test_a_listed_firm_owns_its_figures_whatever_its_trade(extractor: FigureExtractor) -> None:
    # metrics-2.28.0: four characters before a stock code name a firm even when its trade is not in the
    # lexicon: named in pinyin, never the province
    text = "曜川纺机(301958)披露半年报，公司实现营业收入28.64亿元，同比增长21.7%。"
    assert set(owners(extractor, text).values()) == {"Yaochuan Fangji"}
    # the form of a name is no name
    text = "粤海控股集团(000001)下属企业营业收入12亿元。"
    assert "Konggu Jituan" not in owners(extractor, text).values()


def test_the_growth_of_a_stock_is_dated_with_it(extractor: FigureExtractor) -> None:
    # metrics-2.28.0: a rate right after a count of what exists on a day written before it is that day's
    text = "截至2025年底，合作区实有澳资企业6218户，按年增长12.4%。"
    found = extractor.extract(text, published=PUBLISHED)
    assert [o.period for o in found] == ["2025-12-31", "2025-12-31"]


@pytest.mark.parametrize(
    ("text", "partner"),
    [
        # metrics-2.29.0: every sovereign state, in CLDR's names (babel)
        ("对香港、瑞士出口分别为38.7亿元和9.4亿元。", ["Hong Kong", "Switzerland"]),
        ("今年前8個月，廣東對卡達出口12.3億元。", ["Qatar"]),  # Taiwan's name for Qatar
        ("Exports to Ivory Coast rose 12 percent.", ["Côte d'Ivoire"]),
        # names inside other words or places are no partner
        ("内蒙古出口12亿元。", [None]),
        ("沿海地区出口增长5%。", [None]),
        ("企业增加纳税额3亿元。", [None]),
        # metrics-2.97.0: names that are common words too, read as a trade's partner only
        ("对黑山出口8.17亿元。", ["Montenegro"]),
        ("广东与也门贸易额12亿元。", ["Yemen"]),
        ("广东对海地出口增长12%。", ["Haiti"]),
        ("黑山村的荔枝产量3200吨。", [None]),
    ],
)
def test_every_country_is_a_trade_partner(
    extractor: FigureExtractor, text: str, partner: list[str | None]
) -> None:
    assert [o.partner for o in extractor.extract(text, published=PUBLISHED)] == partner


def test_the_flows_listed_after_one_partners_trade_are_with_that_partner(extractor: FigureExtractor) -> None:
    # metrics-2.31.0: "其中，出口…" after the trade with one partner: exports to it, never the province's
    text = (
        "今年前10个月，广东与乌兹别克斯坦贸易额96.3亿元，增长21.5%。\n"
        "其中，出口88.1亿元，增长24.3%；进口8.2亿元。"
    )
    found = extractor.extract(text, published=PUBLISHED)
    assert [(o.metric, o.partner) for o in found][2:] == [
        ("exports", "Uzbekistan"),
        ("exports_growth", "Uzbekistan"),
        ("imports", "Uzbekistan"),
    ]
    # after a list of partners, 其中 is of the total
    text = (
        "潮州婚纱礼服出口8.46亿元。\n对美国、欧盟分别出口3.12亿元和2.05亿元。\n"
        "其中，通过跨境电商出口1.9亿元。"
    )
    assert extractor.extract(text, published=PUBLISHED)[-1].partner is None


def test_a_partner_referred_to_again_is_the_partner(extractor: FigureExtractor) -> None:
    # metrics-2.33.0: "the North African kingdom", "from it", "bilateral trade" after a partner named before
    text = (
        "Guangdong's trade with Morocco rose 12.4 percent to 21.6 billion yuan in the first half.\n"
        "Exports to the North African kingdom climbed 17.5 percent to 16.9 billion yuan.\n"
        "In the second quarter, bilateral trade grew 4.2 percent from the first quarter."
    )
    found = extractor.extract(text, published=PUBLISHED)
    assert {o.partner for o in found} == {"Morocco"}
    # 加纳 and 蒙古 are partners where they are not parts of other words
    for text, partner in (("广东与加纳进出口58.7亿元。", "Ghana"), ("广东对蒙古出口12亿元。", "Mongolia")):
        assert [o.partner for o in extractor.extract(text, published=PUBLISHED)] == [partner]


def test_a_listed_firm_named_by_its_known_trade_or_its_form(extractor: FigureExtractor) -> None:
    # metrics-2.35.0: 澜厨电器 (厨电 hid 电器 from the trade scan), 雅澜控股 (a form), Hong Kong's codes
    for text, owner in (
        ("澜厨电器(603897)披露三季报，前三季度公司实现营收42.85亿元。", "Lanchu Appliances"),
        ("廣州化妝品生產商雅瀾控股（02618）公布全年業績，收入38.74億元人民幣。", "Yalan Holdings"),
        # a joint-stock firm (股份) is named without its form (metrics-2.48.0)
        ("佛山压缩机企业凌拓股份（301968）披露半年报，上半年公司实现营业收入64.2亿元。", "Lingtuo"),
    ):
        assert {o.entity for o in extractor.extract(text, published=PUBLISHED)} == {owner}
    # the form of a name written before it is no name
    found = extractor.extract("粤海控股集团(000001)下属企业营业收入12亿元。", published=PUBLISHED)
    assert "Konggu Group" not in {o.entity for o in found}


def test_a_town_with_an_apostrophe_is_named_with_it(extractor: FigureExtractor) -> None:
    text = (
        "Jun'an, a town in Foshan's Shunde district, shipped electric kettles worth 3.16 billion yuan abroad."
    )
    assert {o.entity for o in extractor.extract(text, published=PUBLISHED)} == {"Jun'an"}


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("云浮市新兴县不锈钢厨具出口42.6亿元。", "Xinxing"),
        ("肇慶廣寧縣竹製品出口6.8億元。", "Guangning"),
        ("河源市龙川县电子元器件产业产值86.5亿元。", "Longchuan"),
        ("Wuhua's stone industry output reached 6.38 billion yuan.", "Wuhua"),
        # bare names that are common words: 新兴 "emerging", 和平 "peace" (and 大埔 is Tai Po)
        ("新兴产业增加值增长9.1%。", "Guangdong"),
        ("和平发展大局下，全省出口增长6%。", "Guangdong"),
        # towns in pinyin placed in a district or called a town (metrics-2.40.0)
        (
            "GUANGZHOU -- Tanbu town in Guangzhou's Huadu district exported 1.27 billion yuan of goods.",
            "Tanbu",
        ),
        ("Luocun in Nanhai district exported 2.47 billion yuan of jeans, up 11.8 percent.", "Luocun"),
        ("Dali town, the industry's core area, contributed about 60 percent of the total.", "Dali"),
        ("Exports in Nanhai district rose 5 percent.", "Nanhai"),  # not a name in pinyin
        # a town written right after the place it is in (metrics-2.42.0)
        ("今年上半年，南海区金沙镇水暖阀门产业实现产值186.4亿元，同比增长7.9%。", "Jinsha"),
        ("中山小榄五金出口增长5%。", "Xiaolan"),
        # a town placed after a comma, in a part of a district, or followed by its city (metrics-2.48.0)
        (
            "Makers of bamboo kitchenware in Danshui, Huiyang district, Huizhou, exported goods worth 865 "
            "million yuan.",
            "Danshui",
        ),
        (
            "Makers of parcel lockers in Pingdi, in the east of Shenzhen's Longgang district, exported 1.74 "
            "billion yuan of products.",
            "Pingdi",
        ),
        ("Knife makers in Pinggang town, Yangjiang, exported products worth 1.64 billion yuan.", "Pinggang"),
    ],
)
def test_every_county_and_town_of_guangdong_owns_its_figures(
    extractor: FigureExtractor, text: str, owner: str
) -> None:
    assert set(owners(extractor, text).values()) == {owner}


def test_a_reuters_code_with_no_brackets_is_not_a_name(extractor: FigureExtractor) -> None:
    text = (
        "SHENZHEN, Oct 29 (Reuters) - Restora Wellness 301872.SZ, a Shenzhen-based maker of massage chairs, "
        "said on Thursday its revenue rose 9.6% to 1.42 billion yuan in the July-September quarter."
    )
    assert set(owners(extractor, text).values()) == {"Restora Wellness"}


def test_a_town_the_lede_introduces_is_the_topic_over_the_headlines_city(extractor: FigureExtractor) -> None:
    text = (
        "Gaobu, a town in Dongguan, exported camping gear worth 3.42 billion yuan, up 21.7 percent.\n"
        "Tents accounted for 46 percent of the total."
    )
    headline = "Dongguan town's camping gear finds buyers abroad"
    assert set(owners(extractor, text, headline).values()) == {"Gaobu"}


@pytest.mark.parametrize(
    "text",
    [
        "A 400-gram pack of Guangdong rice noodles retails at about HK$18 in Hong Kong supermarkets.",
        "Wholesale prices of large crabs at Cheung Sha Wan averaged HK$268 a catty yesterday, up 6 per cent.",
        "本港活豬批發價昨日每擔1680元。",
        "一盆5頭蝴蝶蘭在旺角花墟售價約280港元，較去年上升約一成。",
    ],
)
def test_a_price_quoted_in_a_hong_kong_market_is_hong_kongs(extractor: FigureExtractor, text: str) -> None:
    found = [o for o in extractor.extract(text, published=PUBLISHED) if o.unit != "count"]
    assert found and {o.entity for o in found} == {"Hong Kong"}


@pytest.mark.parametrize(
    "text",
    [
        # metrics-2.80.0: the move of a price quoted in the clause before; Central, the wet market (街市)
        "Choi sum fetched HK$8.6 a catty at Cheung Sha Wan yesterday, down HK$0.4 from a week before.",
        "A bag of lychees sold for HK$45 at a Yuen Long stall yesterday, up from HK$39 a week earlier.",
        "中環一間超市昨日日本蜜瓜每個售198元，較上月同日貴12元。",
        "昨日街市白菜零售價每斤9元至12元不等。",
    ],
)
def test_the_price_and_its_move_in_a_hong_kong_market_are_hong_kongs(
    extractor: FigureExtractor, text: str
) -> None:
    found = extractor.extract(text, published=PUBLISHED)
    assert len(found) >= 2 and {o.entity for o in found} == {"Hong Kong"}


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        # metrics-2.80.0: the places goods went to or through, and the office that counted them
        ("其中，经冷链直供香港、澳门的荔枝分别为920吨和310吨。", "Guangdong"),
        ("销往香港和澳门的鲜虾分别为4100吨和870吨。", "Guangdong"),
        ("对中国香港进出口1847.2亿元，下降3.1%。", "Guangdong"),
        ("惠州经深圳及珠海口岸输往香港、澳门的活猪分别为6.2万头和1.1万头。", "Huizhou"),
        ("广东经南沙及深圳口岸进口榴莲2.41万吨，同比增长36%。", "Guangdong"),
        ("其中经深圳口岸入境的旅客2860万人次。", "Shenzhen"),
        ("广州海关的数据表明，1至9月，广东与纳米比亚货物贸易总额为8.3亿元。", "Guangdong"),
        ("广州海关向记者提供的统计表明，前10个月广东同卢旺达的贸易额为5.1亿元。", "Guangdong"),
        ("广州海关预计，全年广东与卢旺达双边贸易有望突破7亿元。", "Guangdong"),
    ],
)
def test_where_goods_went_and_who_counted_them_own_nothing(
    extractor: FigureExtractor, text: str, owner: str
) -> None:
    assert set(owners(extractor, text).values()) == {owner}


def test_a_place_inside_a_foreign_datelines_city_is_not_the_owner(extractor: FigureExtractor) -> None:
    # 哈博罗内 (Gaborone) holds 博罗 (Boluo, a county of Huizhou)
    text = "新华社哈博罗内10月20日电 1至9月，广东与博茨瓦纳货物贸易总额为14.7亿元，同比增加19.2%。"
    assert set(owners(extractor, text).values()) == {"Guangdong"}


def test_a_price_quoted_in_guangdong_stays_guangdongs(extractor: FigureExtractor) -> None:
    found = extractor.extract("广东荔枝批发价每斤12元，较去年下降8%。", published=PUBLISHED)
    assert {o.entity for o in found} == {"Guangdong"}


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("本港活豬批發價昨日每擔1680元。", "2026-06-11"),
        ("A 5kg bag of rice sold for HK$98 at a Wan Chai supermarket yesterday.", "2026-06-11"),
        ("目前，每平方米普通大理石板材出廠價約180元。", "2026-06-12"),
        ("Yesterday, Taishan oysters sold for HK$68 a catty at a Sai Kung stall.", "2026-06-11"),
        ("当前，高州龙眼产地收购价为每斤4.5元。", "2026-06-12"),
    ],
)
def test_a_quoted_price_is_dated_on_the_day_it_was_seen(
    extractor: FigureExtractor, text: str, day: str
) -> None:
    text = "前10个月，广东出口大理石板材12亿元。\n" + text
    found = extractor.extract(text, published=PUBLISHED)
    assert found[-1].period == day  # not the trade's span in force


@pytest.mark.parametrize(
    "text",
    [
        "活雞批發價昨日每斤報48元，較上周同日上升2元。",
        "At Cheung Sha Wan, geese fetched HK$68 a catty yesterday, HK$4 more than a week earlier.",
    ],
)
def test_the_move_of_a_quoted_price_is_dated_with_it(extractor: FigureExtractor, text: str) -> None:
    found = extractor.extract("前5个月，广东供港活禽12亿元。\n" + text, published=PUBLISHED)
    moved = next(o for o in found if o.value in {2.0, 4.0})
    assert moved.period == "2026-06-11"  # the day before publication, like the price, not the flow's span


@pytest.mark.parametrize(
    "text",
    [
        "A chef's knife forged in the town retails for about 400 yuan.",
        "A sightseeing flight over the Pearl River estuary costs 1,280 yuan.",
        "Large-format slabs fetch about 260 yuan per square metre, dealers said.",
        "公司旗舰植保无人机售价为39999元。",
        "另據了解，樂昌香芋禮盒每盒售價約88元。",
    ],
)
def test_what_one_item_costs_with_no_time_word_has_no_period(extractor: FigureExtractor, text: str) -> None:
    text = "前5个月，广东出口大理石板材12亿元。\n" + text
    found = extractor.extract(text, published=PUBLISHED)
    assert (found[0].period, found[-1].period) == ("2026-01..2026-05", None)


def test_an_average_price_keeps_the_flows_span(extractor: FigureExtractor) -> None:
    text = "前5个月，广东进口榴莲12亿元。\n进口均价为每公斤18.1元，同比下降4.2%。"
    assert {o.period for o in extractor.extract(text, published=PUBLISHED)} == {"2026-01..2026-05"}


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("目前，钟落潭共有化妆品生产企业142家，今年新增18家。", "2026-06-12"),
        ("截至5月底，广东有对拉脱维亚进出口实绩的企业326家，较去年同期增加41家。", "2026-05-31"),
    ],
)
def test_the_change_of_a_count_runs_to_the_counts_day(
    extractor: FigureExtractor, text: str, day: str
) -> None:
    assert [o.period for o in extractor.extract(text, published=PUBLISHED)] == [day, day]


def test_the_change_of_a_count_over_a_span_of_its_own_keeps_it(extractor: FigureExtractor) -> None:
    text = "截至5月底，全省有进出口实绩的外贸企业达10.2万家，前5个月新增5100家。"
    assert [o.period for o in extractor.extract(text, published=PUBLISHED)] == [
        "2026-05-31",
        "2026-01..2026-05",
    ]


def test_a_wholesale_market_owns_its_turnover_tenants_and_target(extractor: FigureExtractor) -> None:
    # metrics-2.81.0: a market named in capitals, in the district it stands in, and "the market" after it
    text = (
        "Turnover at the Qiaoxi Footwear Market in Guangzhou's Baiyun district reached 9.2 billion yuan, an "
        "8.4 percent gain.\nWomen's shoes generated 5.1 billion yuan of the total.\n"
        "The market now houses 1,260 businesses, up by 40 since January."
    )
    found = extractor.extract(text, published=PUBLISHED)
    assert {o.entity for o in found} == {"Qiaoxi Footwear Market"}
    assert found[0].metric == "industry_revenue"  # a market's turnover is its traders' revenue


def test_a_chinese_wholesale_market_is_named_by_its_stem_in_pinyin(extractor: FigureExtractor) -> None:
    text = (
        "今年1—10月，位于白云区的广州江南果菜批发市场实现交易额612.8亿元，同比上涨6.9%。\n"
        "全市场果蔬交易量为1186万吨。\n目前，市场内经营户共2860户。"
    )
    assert set(owners(extractor, text).values()) == {"Jiangnan Market"}
    assert set(owners(extractor, "前10个月，一德路海味干货市场交易额达106.4亿元。").values()) == {
        "Yide Road Market"
    }


@pytest.mark.parametrize(
    "text",
    [
        "海外市场收入增长32.4%。",
        "电商渠道和批发市场销售额分别为7.6亿元和10.8亿元。",
        "目前市场内有经营户2380户。",
        "Exports to the European Market rose 12 percent.",
    ],
)
def test_markets_of_a_kind_or_a_region_name_no_market(extractor: FigureExtractor, text: str) -> None:
    assert not any(name.endswith("Market") for name in owners(extractor, text).values())


@pytest.mark.parametrize(
    "text",
    [
        # metrics-2.81.0: what Hong Kong took in from Guangdong is what Guangdong supplied
        "【明報專訊】本港上月從廣東輸入菜心4210噸，按月增加8.6%。",
        "Hong Kong received 2,310 tonnes of choi sum from Guangdong last month, up 8.6 per cent.",
        "據海關統計，經廣東口岸出口香港的盆栽植物達46.8萬盆。",
    ],
)
def test_what_hong_kong_received_from_guangdong_is_guangdongs(extractor: FigureExtractor, text: str) -> None:
    assert set(owners(extractor, text).values()) == {"Guangdong"}


def test_a_markets_english_name_keeps_the_goods_it_is_named_for(extractor: FigureExtractor) -> None:
    # metrics-2.87.0: 岭南花卉市场 is "Lingnan Flower Market"; the reporter learned its figures from it (获悉)
    text = (
        "记者昨日从岭南花卉市场获悉，今年1—10月，市场鲜花交易额68.3亿元，同比多9.7%。\n"
        "眼下，市场内经营户有3260户。"
    )
    headline = "岭南花卉市场前10月交易额增长近一成"
    assert set(owners(extractor, text, headline).values()) == {"Lingnan Flower Market"}
    # a market named after a place the gazetteer knows leaves the figures to the place
    assert set(owners(extractor, "华强北市场交易额达320亿元。").values()) == {"Huaqiangbei"}


def test_a_partner_cut_to_one_character_and_its_side_is_the_articles_partner(
    extractor: FigureExtractor,
) -> None:
    # metrics-2.99.0: 粤莫两地货物贸易值, 输往莫方, 自莫方采购, 同莫方有贸易往来的 after a headline
    # naming 莫桑比克
    headline = "前10个月广东与莫桑比克贸易额增长15.2%"
    text = (
        "今年头10个月粤莫两地货物贸易值合计58.7亿元，同比上升15.2%。\n"
        "其中，广东输往莫方的商品金额为44.9亿元；自莫方采购13.8亿元。\n"
        "到10月末，同莫方有贸易往来的粤企达930家。"
    )
    found = extractor.extract(text, published=PUBLISHED, headline=headline)
    assert [(o.metric, o.partner) for o in found] == [
        ("partner_trade", "Mozambique"),
        ("partner_trade_growth", "Mozambique"),
        ("exports", "Mozambique"),
        ("imports", "Mozambique"),
        ("import_export_enterprises", "Mozambique"),
    ]


@pytest.mark.parametrize(
    ("headline", "text", "expected"),
    [
        # metrics-2.99.0: trade named bare in an article on one partner's trade is that trade
        (
            "Guangdong-Lesotho trade surges on fabric and solar demand",
            "Across the 14th Five-Year Plan, the trade rose 12.3 percent a year on average.",
            ("partner_trade_growth", "Lesotho"),
        ),
        (
            "Guangdong-Lesotho trade surges on fabric and solar demand",
            "Guangdong's foreign trade rose 4 percent.",
            ("foreign_trade_growth", None),
        ),
        # a headline on the province's two-way trade that names a partner's exports beside it
        (
            "廣東前10月進出口年增3.6% 對美出口大減",
            "首10個月，廣東進出口增長3.6%。",
            ("foreign_trade_growth", None),
        ),
        # the goods supplied to Hong Kong leave Guangdong: their value is exports
        (
            "Mainland pumpkin supply to Hong Kong climbs as cooler weather lifts soup demand",
            "The value of the supply reached HK$28.4 million.",
            ("exports", "Hong Kong"),
        ),
    ],
)
def test_an_articles_partner_and_flow_from_its_headline(
    extractor: FigureExtractor, headline: str, text: str, expected: tuple[str, str | None]
) -> None:
    [found] = extractor.extract(text, published=PUBLISHED, headline=headline)
    assert (found.metric, found.partner) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # metrics-2.99.0: the side of the trade a sentence opens with
        ("On the import side, cashew nuts worth 1.12 billion yuan arrived.", ["imports"]),
        ("进口方面，莫桑比克煤炭以6.4亿元居首，芝麻、腰果两项合计3.9亿元。", ["imports", "imports"]),
        ("出口方面，摩托车以9.7亿元居首。", ["exports"]),
    ],
)
def test_a_sentence_opening_on_one_side_of_the_trade(
    extractor: FigureExtractor, text: str, expected: list[str]
) -> None:
    assert [o.metric for o in extractor.extract(text, published=PUBLISHED)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # metrics-3.3.0: what a market buys is Guangdong's exports to it
        ("ASEAN was the largest market, buying 1.05 billion yuan worth.", [("exports", "ASEAN")]),
        (
            "The United States and the European Union bought 1.21 billion yuan and 560 million yuan of the "
            "rackets, respectively.",
            [("exports", "US"), ("exports", "EU")],
        ),
        ("Montenegro bought 684 million yuan worth of goods from Guangdong.", [("exports", "Montenegro")]),
    ],
)
def test_what_a_market_buys_is_guangdongs_exports_to_it(
    extractor: FigureExtractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(o.metric, o.partner) for o in extractor.extract(text, published=PUBLISHED)] == expected
