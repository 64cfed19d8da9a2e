"""is_relevant: English whole words (case-insensitive), Chinese substrings, NFKC normalisation."""

from __future__ import annotations

import pytest

from gdwatch.extractors.pages.relevance import is_relevant

EN = ("Guangdong", "Pearl River Delta", "GD", "Canton Fair")
ZH = ("广东", "粤港澳大湾区", "广货")


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("Guangdong's exports rise", "", True),
        (None, "Trade in GUANGDONG province grew.", True),
        ("Factories", "in the Pearl\n River   Delta expanded", True),
        ("Weather", "The Canton Fair opened on Oct 15.", True),
        ("GDP grows", "China's GDP rose 5.2 percent.", False),
        ("Outlook", "GD-made robots sold well", True),
        ("Cantonese food", "Guangdongese is not a word we match", False),
        (None, "今年前三季度，广东外贸进出口6.8万亿元。", True),
        ("粤港澳大湾区建设", "", True),
        (None, "广货行天下", True),
        (None, "广州市外贸增长", False),
        (None, "Trade in Ｇｕａｎｇｄｏｎｇ (full-width) rose", True),
        (None, "", False),
    ],
)
def test_is_relevant(title: str | None, text: str, expected: bool) -> None:
    assert is_relevant(title, text, terms_en=EN, terms_zh=ZH) is expected


def test_term_lists_may_be_empty_or_lists() -> None:
    assert is_relevant(None, "广东 exports", terms_en=[], terms_zh=["广东"]) is True
    assert is_relevant(None, "Guangdong exports", terms_en=["guangdong"], terms_zh=[]) is True
    assert is_relevant(None, "Guangdong exports", terms_en=[], terms_zh=[]) is False


def test_regex_metacharacters_in_terms_are_literal() -> None:
    assert is_relevant(None, "the C++ industry", terms_en=["C++"], terms_zh=()) is True
    assert is_relevant(None, "the CXX industry", terms_en=["C.."], terms_zh=()) is False
