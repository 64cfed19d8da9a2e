"""Find the figures written in one normalized sentence: value, unit, own qualifier, ranges, conversions.

The finder scans for number cores (:mod:`spans`), reads each as a fraction (:mod:`fractions`) or as a
number with what it measures (:mod:`measures`, :mod:`currencies`), pairs ranges and conversions
(:mod:`pairs`), and gives every figure its bound words (:mod:`qualifiers`). The rules that are choices,
not facts of language, are documented in those modules; size classes ("trillion-yuan clusters",
万亿级, 超百亿元企业) are never figures.
"""

from __future__ import annotations

import re

from gdwatch.extractors.figures import fractions
from gdwatch.extractors.figures.currencies import CURRENCY_AFTER, currency_code
from gdwatch.extractors.figures.figure import Figure
from gdwatch.extractors.figures.measures import measure
from gdwatch.extractors.figures.numbers import (
    SCALES_ZH,
    parse_chinese_numeral,
    parse_decimal,
    parse_word_number,
)
from gdwatch.extractors.figures.pairs import build_hyphen_chain, finish_number, link_conversions
from gdwatch.extractors.figures.qualifiers import attach_qualifier, spread_list_bounds
from gdwatch.extractors.figures.scan import scan
from gdwatch.extractors.figures.spans import CORE, TRIGGER, is_bare_year, is_not_a_figure, starts_cleanly

__all__ = ["TRIGGER", "Figure", "find_figures"]

_LOWER = str.maketrans({chr(c): chr(c + 32) for c in range(65, 91)})
_ONE_AS_FIGURE = re.compile(r"\s*(?:%|percent|per cent|thousand|million|billion|trillion|yuan|dollars)", re.I)


def find_figures(sentence: str, lowered: str | None = None, starts: list[int] | None = None) -> list[Figure]:
    """Find every figure of one sentence of normalized text (see :func:`extractors.numbers.normalize`).

    Args:
        sentence: one sentence, full-width forms already mapped to ASCII.
        lowered: the same sentence with ASCII letters lower-cased, when the caller has it.
        starts: where numbers may start (see :data:`TRIGGER`), when the caller has them.

    Returns:
        The figures in order of appearance, offsets relative to ``sentence``.
    """
    figures: list[Figure] = []
    cursor = 0
    lowered = sentence.translate(_LOWER) if lowered is None else lowered
    for match in scan(TRIGGER, CORE, lowered, starts):
        if match.start() < cursor or not starts_cleanly(lowered, match):
            continue
        built = _build(sentence, match)
        if not built:
            continue
        for figure in built:
            figures.append(figure)
        cursor = max(cursor, built[-1].end)
    link_conversions(sentence, figures)
    spread_list_bounds(sentence, figures)
    return figures


def _build(sentence: str, match: re.Match[str]) -> list[Figure]:
    """Turn one number core into zero, one or two (a range) figures."""
    kind = match.lastgroup
    if kind == "digits":
        return _build_digits(sentence, match)
    if kind in fractions.KINDS:
        return fractions.build_fraction(sentence, match)
    if kind == "word":
        if match.group() == "one" and not _ONE_AS_FIGURE.match(sentence, match.end()):
            return []  # why: "one" is a figure only with a unit ("one percent"); otherwise it is a pronoun
        value = parse_word_number(match.group())
        if value is None:
            return []
        measured = measure(sentence, match.start(), match.end(), float(value), 1.0, word=True)
        return finish_number(sentence, measured)
    if kind == "zhbare":
        return _build_bare_scale(sentence, match)
    if kind == "zhnum":
        value = parse_chinese_numeral(match.group())
        if value is None or value < 2:
            return []
        measured = measure(sentence, match.start(), match.end(), float(value), 1.0, chinese_numeral=True)
        return finish_number(sentence, measured)
    return []


def _build_digits(sentence: str, match: re.Match[str]) -> list[Figure]:
    start, end = match.span()
    if is_bare_year(sentence, start, end):
        return []  # why: a bare year is never a value; the period reader handles it
    parsed = parse_decimal(match.group())
    if parsed is None or is_not_a_figure(sentence, start, end):
        return []
    value, resolution = parsed
    chained = build_hyphen_chain(sentence, match)
    if chained is not None:
        return chained
    measured = measure(sentence, start, end, value, resolution, has_separator="," in match.group())
    return finish_number(sentence, measured)


def _build_bare_scale(sentence: str, match: re.Match[str]) -> list[Figure]:
    """千亿元 / 万亿美元 without a digit: a figure unless it is a size class (超百亿元企业)."""
    currency = CURRENCY_AFTER.match(sentence, match.end())
    if currency is None:
        return []
    following = sentence[currency.end() : currency.end() + 1]
    if following and "\u4e00" <= following <= "\u9fff" and following != "的":
        return []
    scale = SCALES_ZH[match.group()]
    figure = Figure(match.start(), currency.end(), scale, currency_code(currency), scale, "currency")
    attach_qualifier(sentence, figure)
    return [figure]
