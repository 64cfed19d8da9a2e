"""Traditional Chinese (Hong Kong, Taiwan) reads like simplified: numbers, scale words, cue words."""

from __future__ import annotations

import datetime

import pytest

from gdwatch.config.loader import load_metrics
from gdwatch.extractors.figures import extract_observations
from gdwatch.extractors.figures.numbers import normalize
from gdwatch.extractors.figures.script import has_traditional, to_simplified
from gdwatch.extractors.pages.relevance import is_relevant

PUBLISHED = datetime.date(2025, 11, 20)


def test_simplifying_keeps_every_offset() -> None:
    text = "前10個月，廣東進出口總值7.2萬億元，增長4.4%。"
    simplified = to_simplified(text)
    assert simplified == "前10个月，广东进出口总值7.2万亿元，增长4.4%。"
    assert len(simplified) == len(text)


def test_normalize_simplifies_and_maps_full_width_forms_in_one_pass() -> None:
    assert normalize("出口３．２萬億元，佔全國") == "出口3.2万亿元,占全国"


def test_simplified_and_english_text_are_left_as_they_are() -> None:
    for text in ["广东外贸进出口总值9.1万亿元。", "Guangdong's trade rose 4.4 percent.", ""]:
        assert to_simplified(text) == text
        assert not has_traditional(text)
    assert has_traditional("廣東")


def values(text: str) -> list[tuple[str, float, str]]:
    observations = extract_observations(text, published=PUBLISHED, catalogue=load_metrics())
    return [(text[o.start : o.end], o.value, o.unit) for o in observations]


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        (
            "前10個月，廣東外貿進出口總值7.23萬億元，同比增長4.4%，規模連續40年居全國首位。",
            "前10个月，广东外贸进出口总值7.23万亿元，同比增长4.4%，规模连续40年居全国首位。",
        ),
        (
            "其中，出口4.64萬億元，增長6.1%；進口2.59萬億元，下降1.2%。",
            "其中，出口4.64万亿元，增长6.1%；进口2.59万亿元，下降1.2%。",
        ),
        ("全省有進出口實績的外貿企業逾10萬家。", "全省有进出口实绩的外贸企业逾10万家。"),
        ("對東盟、歐盟分別進出口1.3萬億元和7600億元。", "对东盟、欧盟分别进出口1.3万亿元和7600亿元。"),
    ],
)
def test_traditional_text_gives_the_figures_of_its_simplified_twin(traditional: str, simplified: str) -> None:
    assert len(traditional) == len(simplified)
    found = extract_observations(traditional, published=PUBLISHED, catalogue=load_metrics())
    expected = extract_observations(simplified, published=PUBLISHED, catalogue=load_metrics())
    assert found
    assert [(o.start, o.end, o.value, o.unit, o.metric, o.period, o.qualifier) for o in found] == [
        (o.start, o.end, o.value, o.unit, o.metric, o.period, o.qualifier) for o in expected
    ]
    assert all(o.quote in traditional for o in found)  # the quote stays in the original script


def test_taiwanese_zhao_is_a_trillion() -> None:
    assert values("廣東出口額達3.2兆元新台幣。")[0][:2] == ("3.2兆元", 3.2e12)


def test_relevance_terms_match_either_script() -> None:
    assert is_relevant(None, "廣東前三季外貿增長", terms_en=["Guangdong"], terms_zh=["广东"])
    assert is_relevant("粤港澳大湾区", "", terms_en=[], terms_zh=["粵港澳大灣區"])
    assert not is_relevant(None, "臺北市", terms_en=["Guangdong"], terms_zh=["广东"])


def test_zhao_before_a_physical_unit_is_mega_not_a_trillion() -> None:
    assert values("新增裝機容量100兆瓦。") == [("100", 100.0, "MW")]
