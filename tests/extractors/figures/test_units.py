"""A count's unit is canonical (rule 14 of docs/figure-labels-v2.md): English and Chinese counts of the same
thing share it, and the word as written is kept beside it."""

from __future__ import annotations

from datetime import date

import pytest

from gdwatch.config.loader import load_metrics
from gdwatch.extractors.figures import extract_observations
from gdwatch.extractors.figures.count_units import canonical_unit
from gdwatch.extractors.figures.finder import find_figures
from gdwatch.extractors.figures.numbers import normalize


@pytest.mark.parametrize(
    ("written", "measure_word", "unit"),
    [
        ("firms", None, "enterprises"),
        ("enterprises", None, "enterprises"),
        ("companies", None, "enterprises"),
        ("企业", "家", "enterprises"),
        ("外贸企业", "家", "enterprises"),
        ("家", "家", "enterprises"),
        ("clusters", None, "clusters"),
        ("产业集群", "个", "clusters"),
        ("TEUs", None, "TEU"),
        ("标箱", "标箱", "TEU"),
        ("tons", None, "tonnes"),
        ("吨", "吨", "tonnes"),
        ("sets", None, "units"),
        ("台", "台", "units"),
        ("辆", "辆", "units"),
        ("架", "架", "units"),
        ("艘", "艘", "units"),
        ("列", "列", "units"),
        ("无人机", "架", "units"),
        ("people", None, "people"),
        ("人", "人", "people"),
        ("人次", "人次", "person-times"),
        ("项", "项", "projects"),
        ("项目", "个", "projects"),
        ("政策", "项", "measures"),
        ("宗", "宗", "cases"),
        ("件", "件", "cases"),
        ("次", "次", "trips"),
        ("平方米", "平方米", "m2"),
        ("square metres", None, "m2"),
        ("公里", "公里", "km"),
        ("米", "米", "m"),
        ("buyers", None, "buyers"),
        ("境外采购商", "名", "buyers"),
        ("Booths", None, "booths"),
        ("count", None, "count"),
    ],
)
def test_the_unit_lexicon(written: str, measure_word: str | None, unit: str) -> None:
    assert canonical_unit(written, measure_word) == unit


@pytest.mark.parametrize(
    ("sentence", "unit", "unit_text"),
    [
        ("The province has 60,000 firms.", "enterprises", "firms"),
        ("The province has 60,000 foreign trade enterprises.", "enterprises", "enterprises"),
        ("全省外贸企业6万家。", "enterprises", "外贸企业"),
        ("全省有6万家外贸企业。", "enterprises", "外贸企业"),
        ("全省外貿企業6萬家。", "enterprises", "外贸企业"),
        ("It has ten trillion-yuan clusters.", "clusters", "clusters"),
        ("已拥有九个万亿级产业集群。", "clusters", "产业集群"),
        ("销售新能源汽车460万辆。", "units", "辆"),
        ("港口吞吐量2000万标箱。", "TEU", "标箱"),
    ],
)
def test_english_and_chinese_counts_of_one_thing_share_their_unit(
    sentence: str, unit: str, unit_text: str
) -> None:
    [figure] = find_figures(normalize(sentence))
    assert (figure.unit, figure.unit_text) == (unit, unit_text)
    assert figure.unit_start is not None
    assert normalize(sentence)[figure.unit_start :].startswith(unit_text)


@pytest.mark.parametrize(
    ("sentence", "unit", "unit_text"),
    [
        ("进出口总值9.1万亿元。", "CNY", "元"),
        ("Trade reached RMB9.1 trillion.", "CNY", "RMB"),
        ("Exports rose 6.1 percent.", "%", "percent"),
        ("提高0.9个百分点。", "pp", "个百分点"),
        ("出口额是去年的4倍。", "times", "倍"),
        ("出口连续8个季度增长。", "quarters", "个季度"),
    ],
)
def test_every_figure_keeps_its_unit_as_written(sentence: str, unit: str, unit_text: str) -> None:
    [figure] = find_figures(normalize(sentence))
    assert (figure.unit, figure.unit_text) == (unit, unit_text)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Yantian port handled 4.6 million TEUs in the four months.", "TEU"),
        ("Battery shipments reached 21.6 gigawatt-hours.", "GWh"),
        ("深圳港首十个月货柜吞吐量达2,756万个标准箱。", "TEU"),
    ],
)
def test_container_and_energy_counts_have_their_symbol(text: str, unit: str) -> None:
    found = extract_observations(text, published=date(2025, 11, 5), catalogue=load_metrics())
    assert [o.unit for o in found] == [unit]


def test_bare_yuan_in_taiwan_copy_is_the_currency_the_article_named_first() -> None:
    text = (
        "【記者王郁倫／台北報導】連接器廠晟鋒科技昨日公布首季財報，合併營收新台幣80.2億元，年增13.1%；"
        "稅後純益11.6億元，每股純益2.71元。"
    )
    found = extract_observations(text, published=date(2026, 5, 12), catalogue=load_metrics())
    assert [(text[o.start : o.end], o.unit) for o in found if o.unit != "%"] == [
        ("新台幣80.2億元", "TWD"),
        ("11.6億元", "TWD"),
        ("2.71元", "TWD"),
    ]


def test_a_conversion_or_mainland_copy_does_not_change_the_currency_of_yuan() -> None:
    text = (
        "廣東今年前10月進出口總值7.51兆元人民幣（約新台幣31.5兆元），年增3.6%。\n其中出口4.68兆元，年增5.9%。"
    )
    found = extract_observations(text, published=date(2025, 11, 10), catalogue=load_metrics())
    assert {text[o.start : o.end]: o.unit for o in found}["4.68兆元"] == "CNY"
    text = "佛山企业与香港零售商签订38亿港元的合作协议，美的集团海外营收达2180亿元。"
    found = extract_observations(text, published=date(2025, 11, 10), catalogue=load_metrics())
    assert {text[o.start : o.end]: o.unit for o in found}["2180亿元"] == "CNY"
