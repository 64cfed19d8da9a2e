"""What a number measures: money (its currency and scale), a percent, percentage points, or a count.

A count's unit is the noun it counts ("60,000 firms" -> "firms", 2000家企业 -> 企业) or ``count``; see
:mod:`units` for how the noun is found. Counts are exact integers unless a scale word is used.
"""

from __future__ import annotations

import re

from gdwatch.extractors.figures import units
from gdwatch.extractors.figures.currencies import (
    CURRENCY_AFTER,
    CURRENCY_BEFORE,
    EN_SCALE,
    ZH_MORE,
    ZH_SCALE,
    currency_code,
)
from gdwatch.extractors.figures.figure import Figure
from gdwatch.extractors.figures.lexicon import SENTENCE_STARTERS_EN
from gdwatch.extractors.figures.numbers import SCALES_EN, SCALES_ZH, scale_value
from gdwatch.extractors.figures.qualifiers import FROM_BEFORE, TO_AFTER, is_to_high, strip_zh_count_lead
from gdwatch.extractors.figures.spans import is_label

_PERCENT = re.compile(r"\s*(?:%|percent(?![A-Za-z])|per cent(?![A-Za-z])|pct(?![A-Za-z]))|\s*(?:%)", re.I)
_PP = re.compile(r"\s*(?:percentage[ -]points?(?![A-Za-z])|ppts?(?![A-Za-z])|pp(?![A-Za-z]))|个?百分点", re.I)
_ZH_NOT_COUNT_AFTER = re.compile(r"(?:年|月|日|号|时|点|强|届|次会议|周年|岁|个月|个季度|季度|期|楼|层)")
_ZH_MEASURE = re.compile("|".join(units.ZH_SPECIFIC_MEASURES + units.ZH_GENERIC_MEASURES))
_MEGA_UNIT = re.compile(r"[瓦赫帕焦字比位伏欧]")
_DATE_UNIT = re.compile(r"\s*(?:年|月|日|号)")
_OF_THE = re.compile(r"\s+of\s+(?:the\s+)?")
_AND_NUMBER = re.compile(r"\s+and\s+[\d,.]+(?:\s+(?:thousand|million|billion))?")
_IN_YEAR = re.compile(r"\s+in\s+\d{4}")
_WORD_END = re.compile(r"([A-Za-z][A-Za-z'-]*)\s+$")


def measure(
    sentence: str,
    start: int,
    end: int,
    value: float,
    resolution: float,
    *,
    word: bool = False,
    chinese_numeral: bool = False,
    has_separator: bool = False,
) -> tuple[Figure, bool] | None:
    """Read what follows a number (scale, currency, percent, noun) and what precedes it (currency).

    Args:
        sentence: the sentence.
        start: where the number starts.
        end: where its digits or words end.
        value: the number as written.
        resolution: one unit of its last written digit.
        word: the number is an English word ("five").
        chinese_numeral: the number is a Chinese numeral (五).
        has_separator: the digits have thousands commas.

    Returns:
        None when the number is not a figure; else the figure and whether it is a bare number, which
        is a figure only as the low end of a range ("5-6%").
    """
    scale = 1.0
    pos = end
    scaled = False
    size_class = False
    en_scale = EN_SCALE.match(sentence, pos)
    if en_scale and not chinese_numeral:
        if sentence[en_scale.end() : en_scale.end() + 1] == "-":
            size_class = True
        else:
            scale = SCALES_EN[en_scale.group(1).lower()]
            pos = en_scale.end()
            scaled = True
    elif not word:
        zh_scale = ZH_SCALE.match(sentence, pos)
        if zh_scale and zh_scale.group() == "兆" and _MEGA_UNIT.match(sentence, zh_scale.end()):
            return None  # why: 兆瓦, 兆赫 are mega-units (100兆瓦 is 100 MW), not 100 trillion
        if zh_scale:
            if sentence[zh_scale.end() : zh_scale.end() + 1] == "级":
                return None  # why: a size class (万亿级集群), not an amount
            scale = SCALES_ZH[zh_scale.group()]
            pos = zh_scale.end()
            scaled = True
    more = ZH_MORE.match(sentence, pos) if not word else None
    after_more = more.end() if more else pos
    currency_before = CURRENCY_BEFORE.search(sentence, max(0, start - 5), start)
    currency_after = None if size_class else CURRENCY_AFTER.match(sentence, after_more)
    base = scale_value(value, scale)
    res = scale_value(resolution, scale)
    if currency_after:
        code = currency_code(currency_after)
        begin = currency_before.start() if currency_before and currency_before.group("c") in {"¥"} else start
        figure = Figure(begin, currency_after.end(), base, code, res, "currency")
    elif currency_before:
        figure = Figure(currency_before.start(), pos, base, currency_code(currency_before), res, "currency")
    elif (pp := _PP.match(sentence, after_more)) and not scaled:
        figure = Figure(start, pp.end(), value, "pp", resolution, "pp")
    elif (percent := _PERCENT.match(sentence, after_more)) and not scaled:
        figure = Figure(start, percent.end(), value, "%", resolution, "percent")
    else:
        counted = _count(sentence, start, end, pos, after_more, scaled, word, chinese_numeral, has_separator)
        if counted is None:
            if word or chinese_numeral or scaled:
                return None
            return Figure(start, end, value, "count", resolution, "count"), True
        figure = Figure(start, pos, base, counted[0], res, counted[1])
        figure.noun_after = counted[2]
    if more:
        figure.qualifier, figure.qualifier_own = "over", True
    return figure, False


def _count(
    sentence: str,
    start: int,
    end: int,
    pos: int,
    after_more: int,
    scaled: bool,
    word: bool,
    chinese_numeral: bool,
    has_separator: bool,
) -> tuple[str, str, bool] | None:
    """The unit of a count (and whether it was written after the number), or None if not a figure."""
    before = sentence[max(0, start - 30) : start]
    value_text = sentence[start:end]
    if _DATE_UNIT.match(sentence, after_more):
        if sentence.startswith("年", after_more) and before.endswith("连续") and not scaled:
            return "years", "years", False
        return None
    if _ZH_NOT_COUNT_AFTER.match(sentence, after_more):
        return None
    measure_word = _ZH_MEASURE.match(sentence, after_more)
    if measure_word:
        if measure_word.group() in units.ZH_SPECIFIC_MEASURES:
            return measure_word.group(), "count", False
        noun = units.chinese_noun_after(sentence, measure_word.end())
        if noun:
            return noun, "count", True
        noun = units.chinese_noun_before(sentence, strip_zh_count_lead(sentence, start))
        return noun or measure_word.group(), "count", False
    if chinese_numeral:
        return None
    if not word and not scaled and value_text.isdigit() and 1000 <= int(value_text) <= 2100:
        return None
    if is_label(before):
        return None
    previous = _WORD_END.search(before)
    if (
        previous
        and previous.group(1)[0].isupper()
        and not previous.group(1).endswith("'s")
        and previous.group(1).lower() not in SENTENCE_STARTERS_EN
        and sentence[:start].strip() != previous.group(1)
    ):
        return None
    noun, is_years = units.english_noun_after(sentence, pos)
    if is_years:
        return "years", "years", False
    of_the = _OF_THE.match(sentence, pos)
    if noun is None and of_the and (word or not scaled):
        noun, _ = units.english_noun_after(sentence, of_the.end())
        noun = noun if noun and word else None
    if noun is None:
        list_noun = _AND_NUMBER.match(sentence, pos)
        if list_noun:
            noun, _ = units.english_noun_after(sentence, list_noun.end())
    if noun:
        if word and value_text.lower() == "one":
            return None
        return noun, "count", True
    from_to = bool(FROM_BEFORE.search(before) and TO_AFTER.match(sentence, pos)) or is_to_high(
        sentence, start
    )
    if scaled or has_separator or from_to:
        if word and (not from_to or value_text.lower() == "zero"):
            return None
        if not word and not (scaled or has_separator) and not _IN_YEAR.match(sentence, pos):
            return None
        return units.english_noun_before(sentence, start) or "count", "count", False
    return None
