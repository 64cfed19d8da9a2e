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
from gdwatch.extractors.figures.figure import MULTIPLE_KIND, Figure
from gdwatch.extractors.figures.measures import measure
from gdwatch.extractors.figures.numbers import (
    SCALES_ZH,
    compound_number,
    parse_chinese_numeral,
    parse_decimal,
    parse_word_number,
)
from gdwatch.extractors.figures.pairs import build_hyphen_chain, finish_number, link_conversions
from gdwatch.extractors.figures.qualifiers import attach_qualifier, spread_list_bounds
from gdwatch.extractors.figures.ratios import build_ratio
from gdwatch.extractors.figures.scan import scan
from gdwatch.extractors.figures.spans import CORE, TRIGGER, is_bare_year, is_not_a_figure, starts_cleanly

__all__ = ["TRIGGER", "Figure", "find_figures"]

_LOWER = str.maketrans({chr(c): chr(c + 32) for c in range(65, 91)})
_ONE_AS_FIGURE = re.compile(r"\s*(?:%|percent|per cent|thousand|million|billion|trillion|yuan|dollars)", re.I)
# "the two sides", "its three main plants", "The ten months' turnover": a word number after a determiner
# refers to things named or known, it counts nothing new (none of 173 such in the labelled sets is a figure)
_DETERMINER_BEFORE_WORD = re.compile(r"\b(?:the|its|their)\s+$", re.I)
# "the province's two biggest production bases" (but "The county's nine sugar mills have produced" counts)
_POSSESSIVE_BEFORE_WORD = re.compile(r"[A-Za-z]['’]s\s+$")
_RANKING_AFTER_WORD = re.compile(
    r"\s+(?:biggest|largest|main|major|top|leading|key|chief|principal|best-selling|top-selling)\b", re.I
)
_ZH_ONE_AS_FIGURE = re.compile(r"[倍成]")
# a list of places or markets counted right after it is written: 东盟、中东两个市场, 佛山、中山两市
_RESTATES_A_LIST = re.compile(r"个?(?:市场|大市场|国家|地区|城市|区域|地|国|市|区|县|镇|项|类|种|样)")
_LIST_BEFORE_ZH = re.compile(r"[\u4e00-\u9fff]{1,8}[、和及与][\u4e00-\u9fff（）()]{1,10}$")
"""一倍, 一成: one is a figure only as a multiple or a tenth."""
_SIZE_CLASS_AFTER = re.compile(r"的(?:有|企业|公司|集群|产业|项目|城市|品牌|龙头)")
_ROUND_OVER = "上过破"
"""上千, 过百, 破万: more than the round number."""
_SOME_SCALES = {
    "十": 10.0,
    "百": 100.0,
    "千": 1000.0,
    "万": 1e4,
    "十万": 1e5,
    "百万": 1e6,
    "千万": 1e7,
    "亿": 1e8,
}
_DOUBLINGS = {"一": 1, "两": 2, "二": 2, "三": 3}


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
    unmeasured: list[re.Match[str]] = []
    cursor = 0
    lowered = sentence.translate(_LOWER) if lowered is None else lowered
    for match in scan(TRIGGER, CORE, lowered, starts):
        if match.start() < cursor or not starts_cleanly(lowered, match):
            continue
        built = _build(sentence, match)
        if not built:
            if match.lastgroup in {"digits", "word"}:
                unmeasured.append(match)
            continue
        for figure in built:
            figures.append(figure)
        cursor = max(cursor, built[-1].end)
    if unmeasured and figures:
        figures = _with_elided_counts(sentence, lowered, figures, unmeasured)
    link_conversions(sentence, figures)
    spread_list_bounds(sentence, figures)
    return figures


# Where English leaves out the noun of a count named just before: "312 enterprises ..., 26 more than at the
# end of last year", "5,000 ceramics enterprises, 612 of them above designated size", "the total to 178"
_ELIDED_AFTER = re.compile(r"\s+(?:(?P<same>more|fewer|less)\s+than\b|of\s+(?:them|which|whom)\b)")
_ELIDED_BEFORE = re.compile(
    r"(?:\b(?P<same>(?:bringing|taking|raising|lifting)\s+(?:its|the|their)\s+(?:total|number|tally)\s+to)"
    r"|\bincluding|\bhaving\s+added|,\s+and)\s+$"
)


def _with_elided_counts(
    sentence: str, lowered: str, figures: list[Figure], unmeasured: list[re.Match[str]]
) -> list[Figure]:
    """Bare numbers that count what the count before them counts, as figures in its unit."""
    added = []
    for match in unmeasured:
        start, end = match.span()
        # why: _ELIDED_BEFORE ends with whitespace and tries every offset of its window
        elided = _ELIDED_AFTER.match(lowered, end) or (
            _ELIDED_BEFORE.search(lowered, max(0, start - 40), start)
            if lowered[start - 1 : start].isspace()
            else None
        )
        if elided is None:
            continue
        before = [f for f in figures if f.end <= start]
        if not before or before[-1].kind != "count" or before[-1].unit == "count" or not before[-1].unit_text:
            continue
        if match.lastgroup == "digits":
            if is_bare_year(sentence, start, end) or is_not_a_figure(sentence, start, end):
                continue
            parsed = parse_decimal(match.group())
            if parsed is None:
                continue
            value, resolution = parsed
        else:
            word = parse_word_number(match.group())
            if word is None or match.group() == "one":
                continue
            value, resolution = float(word), 1.0
        figure = Figure(start, end, value, before[-1].unit, resolution, "count")
        attach_qualifier(sentence, figure)
        # why: "more than 5,000 enterprises, 612 of them ...": the bound of the count before is not this one's
        figure.qualifier_own = True
        if elided.group("same"):
            figure.counts_the_same_as = before[-1]  # not "612 of them", a part of what was counted
        added.append(figure)
    if not added:
        return figures
    return sorted(figures + added, key=lambda figure: figure.start)


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
        if value is None or _refers_to_things_known(sentence, match):
            return []
        measured = measure(sentence, match.start(), match.end(), float(value), 1.0, word=True)
        return finish_number(sentence, measured)
    if kind == "zhbare":
        return _build_bare_scale(sentence, match)
    if kind in {"zhmixed", "zhcompound"}:
        return _build_compound(sentence, match)
    if kind == "zhnum":
        value = parse_chinese_numeral(match.group())
        if value is None or (
            value < 2 and not (value == 1 and _ZH_ONE_AS_FIGURE.match(sentence, match.end()))
        ):
            return []
        if _RESTATES_A_LIST.match(sentence, match.end()) and _LIST_BEFORE_ZH.search(
            sentence, 0, match.start()
        ):
            return []  # 东盟、中东两个市场的出口增幅: the list just written, counted again, is no figure
        measured = measure(sentence, match.start(), match.end(), float(value), 1.0, chinese_numeral=True)
        figures = finish_number(sentence, measured)
        if match.group() in {"百", "千"}:
            _round_bound(sentence, match.start(), figures)
        return figures
    if kind in {"zhsome", "zhround"}:
        return _build_round(sentence, match)
    if kind == "zhdouble":
        return _build_doubling(sentence, match)
    return []


def _refers_to_things_known(sentence: str, match: re.Match[str]) -> bool:
    """Whether a word number after a determiner names things already known ("the two sides", "the city's
    two biggest export lines"), counting nothing new."""
    if _DETERMINER_BEFORE_WORD.search(sentence, max(0, match.start() - 7), match.start()):
        return True
    return bool(
        _POSSESSIVE_BEFORE_WORD.search(sentence, max(0, match.start() - 4), match.start())
        and _RANKING_AFTER_WORD.match(sentence, match.end())
    )


def _build_compound(sentence: str, match: re.Match[str]) -> list[Figure]:
    """三亿二千万元 (320 million), 两万三千多人 (over 23,000), 3亿2000万元: one number across 亿 and 万."""
    value = compound_number(match.group())
    if value is None:
        return []
    resolution = 1.0
    while value % (resolution * 10) == 0:
        resolution *= 10  # one unit of the last digit written: 三亿二千万 is read to the 10 million
    measured = measure(
        sentence,
        match.start(),
        match.end(),
        float(value),
        resolution,
        chinese_numeral=match.lastgroup == "zhcompound",
    )
    return finish_number(sentence, measured)


def _build_round(sentence: str, match: re.Match[str]) -> list[Figure]:
    """数十个 (more than 10), 上万家 (more than 10,000), 近亿元: a round number as a bound."""
    start, end = match.span()
    value = _SOME_SCALES[match.group("zss")] if match.lastgroup == "zhsome" else SCALES_ZH[match.group()]
    figures = finish_number(sentence, measure(sentence, start, end, value, value, chinese_numeral=True))
    if match.lastgroup == "zhsome":
        for figure in figures:
            figure.qualifier, figure.qualifier_own = "over", True
    else:
        _round_bound(sentence, start, figures)
    return figures


def _round_bound(sentence: str, start: int, figures: list[Figure]) -> None:
    if start and sentence[start - 1] in _ROUND_OVER:
        for figure in figures:
            figure.qualifier, figure.qualifier_own = "over", True


def _build_doubling(sentence: str, match: re.Match[str]) -> list[Figure]:
    """翻一番 is 2 times the level, 翻两番 4 times (a multiple, like 是去年的2倍); 翻番 alone doubles."""
    times = match.group("zdn")
    count = 1 if times is None else (int(times) if times.isdigit() else _DOUBLINGS[times])
    if not 1 <= count <= 5:
        return []
    figure = Figure(match.start(), match.end(), 2.0**count, "times", 1.0, MULTIPLE_KIND)
    figure.unit_text, figure.unit_start = "番", match.end() - 1
    attach_qualifier(sentence, figure)
    return [figure]


def _build_digits(sentence: str, match: re.Match[str]) -> list[Figure]:
    start, end = match.span()
    ratio = build_ratio(sentence, start)
    if ratio is not None:
        return ratio
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
    if _SIZE_CLASS_AFTER.match(sentence, currency.end()):
        return []  # why: 营收逾百亿元的有12家, 百亿元的企业: the firms of a size, not an amount
    scale = SCALES_ZH[match.group()]
    figure = Figure(match.start(), currency.end(), scale, currency_code(currency), scale, "currency")
    figure.unit_text, figure.unit_start = currency.group(), currency.start()
    attach_qualifier(sentence, figure)
    return [figure]
