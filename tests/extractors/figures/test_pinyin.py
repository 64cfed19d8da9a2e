"""Names in pinyin take the readings Guangdong's place and company names use (figures/pinyin.py)."""

from __future__ import annotations

from datetime import date

import pytest

from gdwatch.extractors.figures import FigureExtractor
from gdwatch.extractors.figures.pinyin import name_syllables

PUBLISHED = date(2026, 11, 20)


@pytest.mark.parametrize(
    ("written", "place", "syllables"),
    [
        ("新圩", True, ["xin", "xu"]),
        ("高陂", True, ["gao", "pi"]),
        ("六都", True, ["liu", "du"]),
        ("大涌", True, ["da", "chong"]),
        ("金涌", False, ["jin", "yong"]),  # a firm's 涌 is "surging"
        ("晟锋", False, ["sheng", "feng"]),
        ("石碁", True, ["shi", "ji"]),
        ("峤岳", False, ["qiao", "yue"]),
    ],
)
def test_a_name_is_read_as_names_are(written: str, place: bool, syllables: list[str]) -> None:
    assert name_syllables(written, place=place) == syllables


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("惠州市新圩镇五金产业产值86.4亿元。", "Xinxu"),
        ("电梯企业宏逸电梯(603121)前三季度营收42.6亿元。", "Hongyi Elevator"),
        ("晟科半导体(688731)前三季度营收12.6亿元。", "Shengke Semiconductor"),
    ],
)
def test_towns_and_firms_are_named_in_the_pinyin_of_names(
    extractor: FigureExtractor, text: str, owner: str
) -> None:
    assert {o.entity for o in extractor.extract(text, published=PUBLISHED)} == {owner}
