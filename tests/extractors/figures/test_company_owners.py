"""Companies in no gazetteer as the owners of figures: how English and Chinese copy introduces a firm,
names it again by its short form or "the company", and places it (docs/figure-labels-v2.md, rule 8;
docs/architecture.md, "Entities"). The companies below are fictitious."""

from __future__ import annotations

from datetime import date

import pytest

from gdwatch.config.loader import load_gazetteer, load_metrics
from gdwatch.extractors.figures import FigureExtractor
from gdwatch.extractors.figures.entities import find_entities, short_name

PUBLISHED = date(2026, 3, 28)


def owners(extractor: FigureExtractor, text: str, headline: str | None = None) -> dict[str, str]:
    found = extractor.extract(text, published=PUBLISHED, headline=headline)
    return {text[o.start : o.end]: o.entity for o in found}


@pytest.mark.parametrize(
    ("sentence", "company"),
    [
        ("Xinghai Shipbuilding, a Guangzhou-based builder of car carriers, said profit rose 12%.", "Xinghai"),
        ("Tamsin Microelectronics, a Shenzhen-based designer of chips, said revenue rose 40%.", "Tamsin"),
        ("Foshan-based Corvane Automation, one of the province's top robot makers, sold 9,800.", "Corvane"),
        ("Haiyue Cutlery shipped 2 million knives last year.", "Haiyue Cutlery"),
        ("Shares of Kestrel Power Technology Co. rose 6.2% on Thursday.", "Kestrel Power"),
    ],
)
def test_a_firm_in_no_gazetteer_is_found_by_its_trade_or_its_apposition(
    extractor: FigureExtractor, sentence: str, company: str
) -> None:
    mentions = find_entities(sentence, extractor.vocabulary.places)
    companies = [m.name for m in mentions if m.kind == "company" and m.valid]
    assert companies and companies[0].startswith(company)


def test_a_place_before_a_trade_names_the_places_industry_not_a_firm(extractor: FigureExtractor) -> None:
    sentence = "Chaozhou Ceramics exports rose 8% to 12 billion yuan."
    mentions = find_entities(sentence, extractor.vocabulary.places)
    assert [m.kind for m in mentions] == ["city"]


def test_the_short_form_and_the_company_name_the_firm_in_later_sentences(extractor: FigureExtractor) -> None:
    text = (
        "HONG KONG, March 27 (Reuters) - Ridgewave E-Mobility, a Jiangmen-based maker of electric bicycles, "
        "said on Friday its 2025 revenue rose 23.4 percent to 14.26 billion yuan.\n"
        "Ridgewave plans to expand annual capacity to 6 million units by 2027 with a new plant in Heshan.\n"
        "Shares of the company closed up 4.6 percent."
    )
    assert set(owners(extractor, text).values()) == {"Ridgewave E-Mobility"}


def test_the_company_is_the_firm_a_sentence_with_no_figure_introduced(extractor: FigureExtractor) -> None:
    text = (
        "Exports of household appliances from Guangdong rose 8.7 percent to 241.5 billion yuan.\n"
        '"Customers now order from us directly," said Chen Wei, general manager of Sunmoor Appliances, '
        "a maker of fans in Shunde district.\n"
        "The company sold 1.6 million air coolers in the Gulf states, 2.5 times as many as a year earlier."
    )
    found = owners(extractor, text)
    assert found["241.5 billion yuan"] == "Guangdong"
    assert found["1.6 million"] == "Sunmoor Appliances"


def test_a_city_placing_its_district_does_not_own_the_districts_figures(extractor: FigureExtractor) -> None:
    text = "Guangzhou's Baiyun district reported cosmetics revenue of 86.2 billion yuan, up 9.3 percent."
    assert set(owners(extractor, text).values()) == {"Baiyun"}
    text_zh = "大陸東莞松山湖高新區公布，2025年地區生產總值人民幣912.6億元，年增6.2%。"
    assert set(owners(extractor, text_zh).values()) == {"Songshan Lake"}


def test_a_chinese_firm_introduced_by_where_it_is_based_owns_its_figures(extractor: FigureExtractor) -> None:
    text = "总部位于深圳的鹏远汽车去年海外销量16.4万辆，同比增长78%。"
    assert set(owners(extractor, text).values()) == {"Pengyuan Motors"}


def test_a_year_word_before_a_trade_is_not_a_firm(extractor: FigureExtractor) -> None:
    text = "2025年全市珠宝玉器产业实现总产值486亿元。\n全年珠宝首饰出口38.6亿元，增长24.1%。"
    assert "Jewellery" not in " ".join(owners(extractor, text).values())


def test_a_short_form_is_never_a_place_or_a_single_word() -> None:
    places = FigureExtractor(load_metrics(), load_gazetteer()).vocabulary.places
    assert short_name("Ridgewave E-Mobility", places) == "Ridgewave"
    assert short_name("Pearl Bay Appliances", places) == "Pearl Bay"
    assert short_name("Huixian", places) is None
    assert short_name("Foshan Ceramics", places) is None
    assert short_name("粤澄电器", places) is None


def test_a_name_before_its_stock_code_is_a_listed_company(extractor: FigureExtractor) -> None:
    text = (
        "HONG KONG, March 27 (Reuters) - Haiyun Toys (2386.HK), a Shantou-based maker of building blocks, "
        "posted a 46.8% rise in net profit on Friday.\nRevenue rose 18.2% to 5.74 billion yuan."
    )
    assert set(owners(extractor, text).values()) == {"Haiyun Toys"}


def test_a_town_introduced_by_what_it_is_owns_its_figures_from_then_on(extractor: FigureExtractor) -> None:
    text = (
        "Henggang, a subdistrict in Shenzhen's Longgang district, turned out about 130 million pairs of "
        "glasses last year.\nIts eyewear exports climbed 11.2 percent to 7.8 billion yuan.\n"
        "Henggang currently has more than 400 eyewear companies."
    )
    assert set(owners(extractor, text).values()) == {"Henggang"}


def test_a_chinese_town_written_after_its_city_owns_its_figures(extractor: FigureExtractor) -> None:
    text = "中山市大涌镇日前发布数据，2025年全镇红木家具产值达132.6亿元。\n大涌红木家具出口6.2亿元。"
    assert set(owners(extractor, text).values()) == {"Dachong"}


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("前三季度，佛山市高明区明城镇新型建材产业实现产值72.4亿元。", "Mingcheng"),  # 城镇 inside a name
        ("截至目前，博罗县杨村镇今年已采摘柑橘4.2万吨。", "Yangcun"),
        ("今年前8个月，番禺区钟村街箱包产业完成产值52.7亿元。", "Zhongcun"),  # a subdistrict written 街
        ("今年前三季，陽江海陵島海產乾貨產量達3.8萬噸。", "Hailing"),  # an island, traditional script
        ("惠州仲愷高新區潼湖鎮今年首三季出口平板電腦864萬台。", "Tonghu"),  # after a high-tech zone
        ("GONGHE, Heshan, Nov. 20 (GDToday) -- Seasoning makers in Gonghe, a town in Heshan, Jiangmen, "
         "exported RMB684 million worth of hot pot bases.", "Gonghe"),  # not the dateline's district
        ("ZHISHAN, Heshan, Nov. 12 -- The door industry of Zhishan town in Heshan, Jiangmen, generated "
         "output value of 6.84 billion yuan.", "Zhishan"),
        ("The petrochemical base on Donghai Island, Zhanjiang, recorded industrial output value of "
         "68.5 billion yuan.", "Donghai Island"),
    ],
)  # fmt: skip
def test_towns_subdistricts_and_islands_own_their_figures(
    extractor: FigureExtractor, text: str, town: str
) -> None:
    assert set(owners(extractor, text).values()) == {town}


@pytest.mark.parametrize(
    ("text", "town"),
    [
        # metrics-2.80.0: a dateline's town in capitals, the district after it and the apposition's places
        ("SHUIKOU, Kaiping -- The faucet industry in Shuikou, a town in Kaiping, Jiangmen, reached output "
         "value of 21.6 billion yuan.\nExports accounted for 9.8 billion yuan of the total.", "Shuikou"),
        ("JINLI, Gaoyao -- Hardware makers in Jinli, a town in Zhaoqing's Gaoyao district, generated output "
         "value of 30.2 billion yuan.", "Jinli"),
        ("SHIYAN, Bao'an -- Lock makers in Shiyan, a subdistrict of Shenzhen's Bao'an district, exported "
         "2.87 billion yuan worth of locks.", "Shiyan"),
        ("SHIWAN, Foshan -- Shipments of art pottery from Shiwan reached 386 million yuan.\n"
         "The subdistrict has 312 studios.", "Shiwan"),
        # a town or subdistrict named alone after a break or a preposition; 长 of a place reads cháng
        ("中山日报讯 记者从大涌镇获悉，2025年大涌镇红木家具产业实现产值68.5亿元。", "Dachong"),
        ("今年前10个月，秋长街道电声器件产业实现产值142.8亿元。", "Qiuchang"),
    ],
)  # fmt: skip
def test_towns_the_text_introduces_alone_own_their_figures(
    extractor: FigureExtractor, text: str, town: str
) -> None:
    assert set(owners(extractor, text).values()) == {town}


@pytest.mark.parametrize(
    "text", ["2025年全镇红木家具产值达132.6亿元，占全镇工业产值的四成。", "在中心镇建成工业园3个。"]
)
def test_the_whole_town_and_a_kind_of_town_name_no_town(extractor: FigureExtractor, text: str) -> None:
    assert set(owners(extractor, text).values()) <= {"Guangdong"}


def test_the_customs_office_that_published_the_figures_is_not_their_owner(extractor: FigureExtractor) -> None:
    text = "广州海关最新统计显示，今年1至10月，广东出口帐篷及露营用品86.7亿元，同比增长17.3%。"
    assert set(owners(extractor, text).values()) == {"Guangdong"}


def test_a_town_addressed_by_its_county_and_city_owns_its_figures(extractor: FigureExtractor) -> None:
    text = "Zhanlong town in Puning, Jieyang produced 96 million pairs of jeans.\nThe town has 1,200 makers."
    assert set(owners(extractor, text).values()) == {"Zhanlong"}


def test_a_headlines_district_town_gives_way_to_the_town_the_lede_names(
    extractor: FigureExtractor,
) -> None:
    text = (
        "Rod and reel workshops in Jun'an, a Shunde town on Foshan's southern edge, turned out goods worth "
        "6.8 billion yuan.\nThe town made 18.6 million carbon fibre rods."
    )
    headline = "Shunde town hooks overseas anglers as tackle output climbs"
    assert set(owners(extractor, text, headline=headline).values()) == {"Jun'an"}


def test_hong_kong_island_is_not_a_town_of_guangdong(extractor: FigureExtractor) -> None:
    text = "Shops on Hong Kong Island, Wan Chai, sold HK$2.1 billion of Guangdong-made furniture."
    assert "Kong Island" not in set(owners(extractor, text).values())


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("深圳晶片设计商鹏芯微电子上半年营收34.6亿元，年增27.3%。", "Pengxin Microelectronics"),
        ("铸维增材（688791）披露半年报，上半年公司实现营业收入12.36亿元。", "Zhuwei Additive"),
    ],
)
def test_chinese_firms_of_more_kinds_introduced(extractor: FigureExtractor, text: str, company: str) -> None:
    assert set(owners(extractor, text).values()) == {company}


@pytest.mark.parametrize(
    ("text", "town"),
    [
        # a gazetteer town named later without its 镇 keeps the gazetteer's name
        ("今年前三季度，东莞长安镇模具产业实现营业收入312.4亿元。\n长安模具出口46.8亿元。", "Chang'an"),
        # a town in no gazetteer is written in pinyin, with its apostrophe before a syllable opening a vowel
        ("中山市西安镇日前发布数据，全镇灯饰产值达32.6亿元。\n西安灯饰出口6.2亿元。", "Xi'an"),
    ],
)
def test_a_chinese_town_keeps_its_written_name(extractor: FigureExtractor, text: str, town: str) -> None:
    assert set(owners(extractor, text).values()) == {town}


def test_a_lede_citing_macaos_statistics_keeps_macao_over_a_town_the_headline_names(
    extractor: FigureExtractor,
) -> None:
    found = extractor.extract(
        "【大公報訊】澳門統計暨普查局最新資料顯示，2025年全年共舉辦會展活動1418項，按年增加5.7%。",
        published=None,
        headline="澳門去年會展活動逾1400項 橫琴中醫藥產業園企業增至286家",
    )
    assert {o.entity for o in found} == {"Macao"}


def test_the_city_of_a_firm_that_forecasts_is_not_the_subject(extractor: FigureExtractor) -> None:
    found = extractor.extract(
        "Analysts at a Guangzhou brokerage expect the province's inverter exports to exceed 70 billion yuan.",
        published=None,
        headline="Guangdong inverter exports jump",
    )
    assert {o.entity for o in found} == {"Guangdong"}


def test_a_firm_named_after_where_it_is_based_or_its_trade_owns_its_figures() -> None:
    # metrics-2.30.0
    extractor = FigureExtractor(load_metrics(), load_gazetteer())
    text = "Zhuhai-based Sonaris Hearing, which listed in Hong Kong last year, said net profit rose 33.6%."
    assert [o.entity for o in extractor.extract(text, published=date(2026, 8, 26))] == ["Sonaris Hearing"]
    text = "The drone maker DJI holds about 70 percent of the market."
    assert [o.entity for o in extractor.extract(text, published=date(2026, 8, 26))] == ["DJI"]
    # where it is listed is no part of its name
    text = "Hong Kong-listed Canopia Holdings, which makes umbrellas, said net profit rose 40.3 per cent."
    assert [o.entity for o in extractor.extract(text, published=date(2026, 8, 26))] == ["Canopia"]


def test_a_headline_port_of_its_city_is_the_topic() -> None:
    extractor = FigureExtractor(load_metrics(), load_gazetteer())
    text = "New energy vehicles made up 71% of the total, up from 55% a year earlier."
    found = extractor.extract(
        text,
        published=date(2026, 3, 19),
        headline="Car exports through Guangzhou's Nansha port more than double",
    )
    assert {o.entity for o in found} == {"Nansha Port"}
