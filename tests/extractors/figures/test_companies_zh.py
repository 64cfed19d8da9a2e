"""Chinese companies that are in no gazetteer, recognised where the article introduces them."""

from __future__ import annotations

from datetime import date

import pytest

from gdwatch.config.loader import load_metrics
from gdwatch.config.models import MetricCatalogue
from gdwatch.extractors.figures import extract_observations
from gdwatch.extractors.figures.companies_zh import english_name, find_introduced, find_named


@pytest.mark.parametrize(
    ("text", "written", "english"),
    [
        ("家电企业粤澄电器上半年出口增长12%", "粤澄电器", "Yuecheng Appliances"),  # introduced by what it is
        ("锂电池制造商华南电池今年出货量翻番", "华南电池", "Huanan Battery"),
        ("湾区储能科技股份有限公司公布年报", "湾区储能", "Wanqu Energy Storage"),  # its registered form
        ("粤澄电器(002986.SZ)发布公告", "粤澄电器", "Yuecheng Appliances"),  # its stock code
        ("印刷电路板厂鸿展电路(6721)公布财报", "鸿展电路", "Hongzhan Circuit"),
        ("新式茶饮连锁茗岛茶饮(02693)公布业绩", "茗岛茶饮", "Mingdao Tea"),
    ],
)
def test_a_company_is_recognised_where_it_is_introduced(text: str, written: str, english: str) -> None:
    found = find_introduced(text)
    assert found[written] == english
    assert found[written[:2]] == english  # the bare trade name names it later in the article


def test_a_headline_may_start_with_the_company_and_its_results() -> None:
    assert find_introduced("岭秀智能去年多赚37%", headline=True) == {
        "岭秀智能": "Lingxiu Intelligent",
        "岭秀": "Lingxiu Intelligent",
    }
    # in body text a name opening a clause with its period is one too (天舟互动去年海外收入…); inside a
    # clause it needs an introduction
    assert find_introduced("企业层面，岭秀智能去年多赚37%")["岭秀"] == "Lingxiu Intelligent"
    assert find_introduced("记者获悉岭秀智能去年多赚37%") == {}


def test_a_company_may_open_a_clause_after_its_city_where_the_article_says_the_company() -> None:
    places = ("深圳", "惠州", "普宁")
    assert find_introduced("深圳安屹医疗二季度营收9.36亿元", places=places)["安屹"] == "Anyi Medical"
    assert (
        find_introduced("惠州市恒储新能源前8个月出货14.6GWh", places=places)["恒储"] == "Hengchu New Energy"
    )
    # without the places (an article that never says 该公司) a city's industry stays an industry
    assert find_introduced("普宁牛仔服装前8个月出口11.8亿元") == {}
    assert find_introduced("湛江糖业龙头南蔗糖业(002988)公告")["南蔗"] == "Nanzhe Sugar"


@pytest.mark.parametrize(
    "text",
    [
        "全省电子信息产品出口增长9.4%",  # a description, not a trade name
        "消费电子企业出口增长",
        "龙头企业带动智能家电出口",
        "广东汽车出口增长30%",
    ],
)
def test_descriptions_of_an_industry_are_not_companies(text: str) -> None:
    assert find_introduced(text) == {}


def test_mentions_are_found_longest_form_first() -> None:
    companies = {"粤澄电器": "Yuecheng Appliances", "粤澄": "Yuecheng Appliances"}
    text = "粤澄电器表示，粤澄的海外订单增长"
    assert find_named(text, companies) == [(0, 4, "Yuecheng Appliances"), (7, 9, "Yuecheng Appliances")]


def test_the_english_name_is_pinyin_and_the_trade_in_english() -> None:
    assert english_name("嘉禾", "玩具") == "Jiahe Toys"


@pytest.fixture(scope="module")
def catalogue() -> MetricCatalogue:
    return load_metrics()


def test_chinese_and_english_reports_of_one_company_share_its_entity(catalogue: MetricCatalogue) -> None:
    published = date(2025, 8, 20)
    chinese = extract_observations(
        "家电企业粤澄电器公布半年报。\n上半年，粤澄实现营业收入48.6亿元，同比增长11.6%。",
        published=published,
        catalogue=catalogue,
    )
    english = extract_observations(
        "Yuecheng Appliances said its revenue rose 11.6 percent to 4.86 billion yuan in the first half.",
        published=published,
        catalogue=catalogue,
    )
    assert {o.entity for o in chinese} == {"Yuecheng Appliances"}
    assert {o.entity for o in english} == {"Yuecheng Appliances"}


@pytest.mark.parametrize(
    ("headline", "text", "entity"),
    [
        (
            "澄溪卫浴上半年营收增长10.4%",
            "报告期内，公司实现营业收入41.2亿元，同比增长10.4%。",
            "Chengxi Sanitaryware",
        ),
        ("瀚海冷鏈首季收入增長9.3%", "公司首季錄得收入12.6億元，按年增長9.3%。", "Hanhai Cold Chain"),
    ],
)
def test_companies_of_more_trades_are_recognised_from_the_headline(
    headline: str, text: str, entity: str
) -> None:
    found = extract_observations(
        text, published=date(2025, 8, 29), catalogue=load_metrics(), headline=headline
    )
    assert {o.entity for o in found} == {entity}


def test_a_three_character_trade_is_read_before_its_last_two() -> None:
    assert find_introduced("惠炼新材料股份有限公司上半年营业收入186.4亿元") == {
        "惠炼新材料": "Huilian New Materials",
        "惠炼": "Huilian New Materials",
    }


def test_a_carmaker_is_named_motors() -> None:
    assert english_name("星湖", "汽车") == "Xinghu Motors"
