"""Fractions and shares written in words: "one-quarter", "a third", "half", "one in every five", 四分之三,
百分之三十, 一半. Each is a percent with resolution 0 (docs/architecture.md "unit")."""

from __future__ import annotations

import re

from gdwatch.extractors.figures.figure import Figure
from gdwatch.extractors.figures.lexicon import FRACTION_CUES_EN, HALF_CUES_EN, alternation
from gdwatch.extractors.figures.numbers import (
    DENOMINATORS,
    fraction_percent,
    parse_chinese_numeral,
    parse_word_number,
    small_number,
)
from gdwatch.extractors.figures.qualifiers import attach_qualifier

KINDS = frozenset(["inevery", "frac", "half", "zhfrac", "zhpct", "zhhalf"])
"""The :data:`spans.CORE` groups read here."""
_FRACTION_CUE = re.compile(rf"\b(?:{alternation(FRACTION_CUES_EN)})$")
_HALF_CUE = re.compile(rf"\b(?:{alternation(HALF_CUES_EN)})$")


def build_fraction(sentence: str, match: re.Match[str]) -> list[Figure]:
    """Turn a fraction core (one of :data:`KINDS`) into a figure, or none.

    Args:
        sentence: the sentence.
        match: the :data:`spans.CORE` match.

    Returns:
        Zero or one figure.
    """
    kind = match.lastgroup
    if kind == "inevery":
        denominator = small_number(match.group("ied"))
        if not denominator:
            return []
        return [_fraction(sentence, match.start(), match.end(), fraction_percent(1, denominator))]
    if kind == "frac":
        return _build_word_fraction(sentence, match)
    if kind == "half":
        return _build_half(sentence, match)
    if kind == "zhfrac":
        denominator = small_number(match.group("zden"))
        numerator = small_number(match.group("znum"))
        if not denominator or numerator is None or numerator > denominator:
            return []
        return [_fraction(sentence, match.start(), match.end(), fraction_percent(numerator, denominator))]
    if kind == "zhpct":
        value = parse_chinese_numeral(match.group("zpn"))
        if value is None:
            return []
        decimals = match.group("zpd")  # 百分之十五点二: the digits after 点 are read one by one
        if decimals:
            return [_fraction(sentence, match.start(), match.end(), float(f"{value}.{_digits(decimals)}"))]
        return [_fraction(sentence, match.start(), match.end(), float(value))]
    if kind == "zhhalf":
        return [_fraction(sentence, match.start(), match.end(), 50.0)]
    return []


def _digits(numerals: str) -> str:
    """零一二 -> "012": Chinese digits written one by one after 点."""
    return "".join(str(parse_chinese_numeral(ch) or 0) for ch in numerals)


def _fraction(sentence: str, start: int, end: int, value: float) -> Figure:
    figure = Figure(start, end, value, "%", 0.0, "percent")
    attach_qualifier(sentence, figure)
    return figure


def _build_word_fraction(sentence: str, match: re.Match[str]) -> list[Figure]:
    numerator_word = match.group("fnum").lower()
    denominator = DENOMINATORS[match.group("fden").lower()]
    before = sentence[: match.start()].rstrip().lower()
    if before.endswith(("first", "second", "third", "fourth", "last", "past", "next", "final")):
        return []
    if numerator_word == "a":
        after = sentence[match.end() : match.end() + 4].lower()
        if not (after.startswith(" of") or _FRACTION_CUE.search(before)):
            return []
        numerator = 1
    else:
        numerator = parse_word_number(numerator_word) or 0
    if not numerator or numerator >= denominator:
        return []
    return [_fraction(sentence, match.start(), match.end(), fraction_percent(numerator, denominator))]


def _build_half(sentence: str, match: re.Match[str]) -> list[Figure]:
    before = sentence[: match.start()].rstrip().lower()
    after = sentence[match.end() : match.end() + 4].lower()
    if before.endswith(("first", "second", "a", "and a", "-")) or after.startswith("-"):
        return []
    if not (after.startswith(" of") or _HALF_CUE.search(before)):
        return []
    return [_fraction(sentence, match.start(), match.end(), 50.0)]
