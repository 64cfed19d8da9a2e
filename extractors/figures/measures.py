"""What a number measures: money (its currency and scale), a percent, percentage points, a multiple, a
streak, or a count.

A count's noun is what it counts ("60,000 firms" -> "firms", 2000家企业 -> 企业; :mod:`units` finds it);
its unit is the canonical name of that noun (:mod:`count_units`: "enterprises" for both), and the noun as
written is kept in ``Figure.unit_text``. Counts are exact integers unless a scale word is used.

Notations read here besides the plain ones: a scale word after a space (8.6 万亿元, "86,300 亿元"), after
多 (二百六十多万元), glued or hyphenated ("RMB9.1tn", "14t yuan", "a 4-trillion-yuan", "4.9-percent");
tenths (四成 = 40 %); multiples (增长4倍 = +400 %, 是去年的4倍 = 4 ``times``, "3.5 times that of");
streaks (连续8个季度, "eight consecutive quarters", "a 33-year run").
"""

from __future__ import annotations

import re

from gdwatch.extractors.figures import units
from gdwatch.extractors.figures.count_units import STREAKS, canonical_unit
from gdwatch.extractors.figures.currencies import (
    CURRENCY_AFTER,
    CURRENCY_BEFORE,
    EN_SCALE,
    GLUED_BEFORE,
    GLUED_SCALE,
    GLUED_SCALES,
    ZH_MORE,
    ZH_SCALE,
    closing_currency,
    currency_code,
)
from gdwatch.extractors.figures.figure import MULTIPLE_KIND, Figure
from gdwatch.extractors.figures.lexicon import SENTENCE_STARTERS_EN
from gdwatch.extractors.figures.numbers import SCALES_EN, SCALES_ZH, scale_value
from gdwatch.extractors.figures.qualifiers import (
    FROM_BEFORE,
    TO_AFTER,
    is_to_high,
    may_follow_from,
    strip_zh_count_lead,
)
from gdwatch.extractors.figures.scan import may_end_with
from gdwatch.extractors.figures.spans import is_label

_PERCENT = re.compile(r"(?:\s*|-)(?:%|percent(?![A-Za-z])|per[ -]cent(?![A-Za-z])|pct(?![A-Za-z]))", re.I)
_PP = re.compile(r"\s*(?:percentage[ -]points?(?![A-Za-z])|ppts?(?![A-Za-z])|pp(?![A-Za-z]))|个?百分点", re.I)
_ZH_NOT_COUNT_AFTER = re.compile(
    r"(?:年|月|日|号|时|点|强|届|次会议|次产业|周年|岁|个月|个季度|季度|期|楼|层)"
)
_ZH_MEASURE = re.compile("|".join(units.ZH_SPECIFIC_MEASURES + units.ZH_GENERIC_MEASURES))
_MEGA_UNIT = re.compile(r"[瓦赫帕焦字比位伏欧]")
_DATE_UNIT = re.compile(r"\s*(?:年|月|日|号)")
_OF_THE = re.compile(r"\s+of\s+(?:the\s+)?")
_AND_NUMBER = re.compile(r"\s+and\s+[\d,.]+(?:\s+(?:thousand|million|billion))?")
_IN_YEAR = re.compile(r"\s+in\s+\d{4}")
_WORD_END = re.compile(r"([A-Za-z][A-Za-z'-]*)\s+$")
_SPACE_BEFORE_SCALE = re.compile(r" {1,2}(?=万亿|千亿|百亿|十亿|千万|百万|十万|万|亿|兆)")
"""8.6 万亿元: a space between digits and a Chinese scale word (the scale still belongs to the number)."""
_STREAK_BEFORE_ZH = re.compile(r"连续(?:第)?$")
_STREAK_ZH = re.compile(r"年|个季度|季度|个月")
_STREAK_COMPACT = re.compile(
    r"-(year|quarter|month)(?=\s+(?:winning\s+|growth\s+|unbroken\s+)?(?:run|streak|stretch)\b)", re.I
)
"""A streak written as a compound adjective in digits: "a 33-year run", "a 10-quarter streak"."""
_UP_FROM = re.compile(r"\b(?:up|down|rising|falling|increasing|decreasing)\s+from\s+$", re.I)
_RANKING_ZH = re.compile(r"名|位|强|大|家|甲|个(?!月|季度)")
_RANKING_BEFORE = re.compile(r"(?<![目此之以提当空眼日年月事会节战面从往向])前$")
"""前五名, 前10家: a ranking, not a count."""
_PAYWALL_BEFORE = re.compile(r"(?:剩余|还剩|剩下|未读|已读|阅读了|已阅读)\s*$")
_PAYWALL_AFTER = re.compile(r"\s*(?:未读|内容|未阅读|待阅读)")
_TENTHS = re.compile(r"成(?P<tenth>[一二三四五六七八九1-9半])?(?![本交功立员果熟就长都品型绩效不])")
"""四成 = 40 %, 八成五 = 85 %, 一成半 = 15 %; not 成本, 成交, 成功, 一成不变, ... after a number."""
_MULTIPLE_ZH = re.compile(r"倍")
_GROWTH_BY_MULTIPLE = re.compile(
    r"(?:增长|增加|提高|提升|扩大|上涨|增|成长)了?(?:近|约|超过|超|逾|将近|接近|达|达到)?$"
)
"""增长4倍, and Taiwan's 成长1.3倍: a change of +400 % (the multiple is the growth, not the level)."""
_TIMES_EN = re.compile(
    r"(?:\s+|-)times(?=\s+(?:that\s+of|those\s+of|as\s+(?:much|many|large|high|big)|the\b|higher|larger|"
    r"bigger|greater|more|over|what)\b)",
    re.I,
)
"""3.5 times that of, "four times as many": a multiple of a level."""


# What can open each pattern matched right after a number, besides a space where the pattern allows one
# (``\s``): a test on that character before the match (tests/extractors/figures/test_pretests.py)
_EN_SCALE_FIRST = frozenset("-tmbTMB")
_GLUED_SCALE_FIRST = frozenset("tb")
_ZH_MORE_CHARACTERS = frozenset("多余几")
_ZH_SCALE_FIRST = frozenset(scale[0] for scale in SCALES_ZH)
_CURRENCY_AFTER_FIRST = frozenset("-yrRCUdHeEpGJM美港澳欧日英人新元")
_PP_FIRST = frozenset("pP个百")
_CENTS_FIRST = frozenset("港仙")
# a currency's hundredths after an amount: Hong Kong's cents (HK cents, 港仙, 仙 in Hong Kong copy), US cents
_CENTS = re.compile(r"\s?(?:(?:HK|Hong Kong)\s+cents|(?P<us>US|U\.S\.)\s+cents|港仙|仙)(?![A-Za-z])")
_PERCENT_FIRST = frozenset("-%pP")


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
    more_inside = False
    digits = not (word or chinese_numeral)
    currency_before = CURRENCY_BEFORE.search(sentence, max(0, start - 5), start)
    # why: each pattern matched after the number is tried only when the next character can start it
    first = sentence[pos : pos + 1]
    en_scale = EN_SCALE.match(sentence, pos) if first in _EN_SCALE_FIRST or first.isspace() else None
    if en_scale and not chinese_numeral:
        hyphenated = sentence.startswith("-", pos)
        if sentence.startswith("-", en_scale.end()) and not hyphenated:
            size_class = True  # why: "trillion-yuan clusters" is a class of size, not an amount
        else:
            scale = SCALES_EN[en_scale.group(1).lower()]
            pos = en_scale.end()
            scaled = True
    elif digits and first in _GLUED_SCALE_FIRST and (glued := GLUED_SCALE.match(sentence, pos)):
        if not (currency_before or CURRENCY_AFTER.match(sentence, glued.end())):
            return None  # why: "14t" alone may be tonnes; a one-letter scale is read only next to money
        scale, pos, scaled = GLUED_SCALES[glued.group(1)], glued.end(), True
    elif not word:
        scale_at = pos
        if digits and first == " " and (spaced := _SPACE_BEFORE_SCALE.match(sentence, pos)):
            scale_at = spaced.end()
        elif (
            first in _ZH_MORE_CHARACTERS
            and (more_first := ZH_MORE.match(sentence, pos))
            and ZH_SCALE.match(sentence, more_first.end())
        ):
            scale_at, more_inside = more_first.end(), True
        zh_scale = (
            ZH_SCALE.match(sentence, scale_at)
            if sentence[scale_at : scale_at + 1] in _ZH_SCALE_FIRST
            else None
        )
        if zh_scale and zh_scale.group() == "兆" and _MEGA_UNIT.match(sentence, zh_scale.end()):
            zh_scale = None  # why: 兆瓦, 兆赫 are mega-units (100兆瓦 is 100 MW, a measure word), not 10^14
        if zh_scale:
            if sentence[zh_scale.end() : zh_scale.end() + 1] == "级":
                return None  # why: a size class (万亿级集群), not an amount
            scale = SCALES_ZH[zh_scale.group()]
            pos = zh_scale.end()
            scaled = True
        else:
            more_inside = False
    more = (
        ZH_MORE.match(sentence, pos) if not word and sentence[pos : pos + 1] in _ZH_MORE_CHARACTERS else None
    )
    after_more = more.end() if more else pos
    after = sentence[after_more : after_more + 1]
    spaced_after = after.isspace()
    currency_after = (
        CURRENCY_AFTER.match(sentence, after_more)
        if not size_class and (after in _CURRENCY_AFTER_FIRST or spaced_after)
        else None
    )
    base = scale_value(value, scale)
    res = scale_value(resolution, scale)
    if currency_after:
        code = closing_currency(currency_before, currency_after)
        begin = (
            currency_before.start()
            if currency_before and currency_before.group("c") in GLUED_BEFORE
            else start
        )
        figure = Figure(begin, currency_after.end(), base, code, res, "currency")
        _written(figure, currency_after, "z" if currency_after.group("z") else "c")
    elif currency_before:
        figure = Figure(currency_before.start(), pos, base, currency_code(currency_before), res, "currency")
        _written(figure, currency_before, "c")
    # why: each match below is tried only where its first character can be (成, 倍, a space or "-")
    elif (
        digits
        and not scaled
        and (after in _CENTS_FIRST or spaced_after)
        and (cents := _CENTS.match(sentence, after_more))
    ):
        # "6.5 HK cents a share", 每股派6.5港仙: a dividend in the currency's hundredths
        code = "USD" if cents.group("us") else "HKD"
        figure = Figure(start, cents.end(), value / 100, code, resolution / 100, "currency")
        figure.unit_text, figure.unit_start = (
            cents.group().strip(),
            cents.start() + len(cents.group()) - len(cents.group().lstrip()),
        )
    elif not scaled and (after in _PP_FIRST or spaced_after) and (pp := _PP.match(sentence, after_more)):
        figure = Figure(start, pp.end(), value, "pp", resolution, "pp")
        _written(figure, pp, None)
    elif (
        not scaled
        and (after in _PERCENT_FIRST or spaced_after)
        and (percent := _PERCENT.match(sentence, after_more))
    ):
        if _PAYWALL_BEFORE.search(sentence, max(0, start - 6), start) or _PAYWALL_AFTER.match(
            sentence, percent.end()
        ):
            return None  # why: "剩余70%" is how much of a paywalled article is left to read
        figure = Figure(start, percent.end(), value, "%", resolution, "percent")
        _written(figure, percent, None)
    elif (
        not word
        and not scaled
        and sentence.startswith("成", after_more)
        and (tenths := _TENTHS.match(sentence, after_more))
    ):
        if sentence.startswith("为", tenths.end()) and value == 1 and tenths.group("tenth") is None:
            return None  # why: 统一成为 is "become", not one tenth
        return _tenths(start, value, tenths), False
    elif (
        not scaled
        and sentence.startswith("倍", after_more)
        and (multiple := _MULTIPLE_ZH.match(sentence, after_more))
    ):
        return _multiple(sentence, start, multiple.end(), value, resolution, more is not None), False
    elif (
        not scaled
        and (sentence[pos : pos + 1].isspace() or sentence.startswith("-", pos))
        and (times := _TIMES_EN.match(sentence, pos))
    ):
        figure = Figure(start, times.end(), value, "times", resolution, MULTIPLE_KIND)
        _written(figure, times, None)
        return figure, False
    elif (
        digits
        and not scaled
        and sentence.startswith("-", pos)
        and (streak := _STREAK_COMPACT.match(sentence, pos))
    ):
        unit = streak.group(1).lower() + "s"
        figure = Figure(start, streak.end(), value, unit, resolution, "years")
        figure.unit_text, figure.unit_start = streak.group(1), streak.start(1)
        return figure, False
    else:
        counted = _count(sentence, start, end, pos, after_more, scaled, word, chinese_numeral, has_separator)
        if counted is None:
            if word or chinese_numeral or scaled:
                return None
            return Figure(start, end, value, "count", resolution, "count"), True
        written, kind, noun_after, measure_word, written_at = counted
        unit = STREAKS.get(written, written) if kind == "years" else canonical_unit(written, measure_word)
        figure = Figure(start, pos, base, unit, res, "years" if kind == "years" else "count")
        figure.noun_after = noun_after
        if written != "count":
            figure.unit_text, figure.unit_start = written, written_at
    if more or more_inside:
        figure.qualifier, figure.qualifier_own = "over", True
    return figure, False


def _written(figure: Figure, match: re.Match[str], group: str | None) -> None:
    """Keep the unit as written (元, "yuan", "percent") and where it starts."""
    text = match.group(group) if group else match.group()
    stripped = text.strip(" -")
    figure.unit_text = stripped
    start = match.start(group) if group else match.start()
    figure.unit_start = start + text.index(stripped[:1]) if stripped else None


def _tenths(start: int, value: float, tenths: re.Match[str]) -> Figure:
    """四成 = 40 %, 八成五 = 85 %: a share written in tenths, the span ending after 成 (or its digit)."""
    extra = tenths.group("tenth")
    if extra:
        digit = (
            5 if extra == "半" else int(extra) if extra.isdigit() else "一二三四五六七八九".index(extra) + 1
        )
        figure = Figure(start, tenths.end(), value * 10 + digit, "%", 1.0, "percent")
    else:
        figure = Figure(start, tenths.end(), value * 10, "%", 10.0, "percent")
    figure.unit_text, figure.unit_start = "成", tenths.start()
    return figure


def _multiple(sentence: str, start: int, end: int, value: float, resolution: float, more: bool) -> Figure:
    """增长4倍 is a change of +400 %; 是去年的4倍 (and a bare 4倍) a level of 4 ``times``."""
    if _GROWTH_BY_MULTIPLE.search(sentence, max(0, start - 8), start):
        figure = Figure(start, end, scale_value(value, 100.0), "%", scale_value(resolution, 100.0), "percent")
    else:
        figure = Figure(start, end, value, "times", resolution, MULTIPLE_KIND)
    figure.unit_text, figure.unit_start = "倍", end - 1
    if more:
        figure.qualifier, figure.qualifier_own = "over", True
    return figure


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
) -> tuple[str, str, bool, str | None, int | None] | None:
    """What a count counts: (noun as written, "count" or "years", whether the noun follows the number,
    the Chinese measure word, where the noun is written), or None if the number is not a figure."""
    before = sentence[max(0, start - 30) : start]
    value_text = sentence[start:end]
    # why: the searches before the number end at its start; the cheap tests on their words come first
    if (
        not scaled
        and "连续" in before
        and _STREAK_BEFORE_ZH.search(before)
        and (streak := _STREAK_ZH.match(sentence, after_more))
    ):
        return streak.group(), "years", False, None, streak.start()
    if _DATE_UNIT.match(sentence, after_more) or _ZH_NOT_COUNT_AFTER.match(sentence, after_more):
        return None
    if (
        before.endswith(("前", "前\n"))
        and _RANKING_BEFORE.search(before)
        and _RANKING_ZH.match(sentence, after_more)
    ):
        return None  # why: 前五名, 前10家企业 rank; they count nothing
    measure_word = _ZH_MEASURE.match(sentence, after_more)
    if measure_word:
        word_written = measure_word.group()
        if word_written in units.ZH_SPECIFIC_MEASURES:
            return word_written, "count", False, word_written, measure_word.start()
        noun = units.chinese_noun_after(sentence, measure_word.end())
        if noun:
            noun_at = sentence.find(noun, measure_word.end())
            return noun, "count", True, word_written, noun_at if noun_at != -1 else None
        lead = strip_zh_count_lead(sentence, start)
        noun = units.chinese_noun_before(sentence, lead)
        if noun:
            noun_at = sentence.rfind(noun, 0, lead)
            return noun, "count", False, word_written, noun_at if noun_at != -1 else None
        return word_written, "count", False, word_written, measure_word.start()
    if chinese_numeral:
        return None
    if not word and not scaled and value_text.isdigit() and 1000 <= int(value_text) <= 2100:
        return None
    if is_label(before):
        return None
    previous = _WORD_END.search(before) if before[-1:].isspace() else None
    if (
        previous
        and previous.group(1)[0].isupper()
        and not previous.group(1).endswith("'s")
        and previous.group(1).lower() not in SENTENCE_STARTERS_EN
        and sentence[:start].strip() != previous.group(1)
    ):
        return None
    noun, is_streak = units.english_noun_after(sentence, pos)
    if is_streak and noun is not None:
        return noun, "years", False, None, sentence.find(noun, pos)
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
        return noun, "count", True, None, _find_word(sentence, noun, pos)
    if may_end_with(before, ("from",)) and _UP_FROM.search(before) and not scaled:  # why: see may_end_with
        noun = units.english_noun_before(sentence, start)
        if noun:  # why: "nine clusters, up from seven in 2020": the earlier count names what it counts
            return noun, "count", False, None, _find_word(sentence, noun, 0, start)
    from_to = bool(
        may_follow_from(before) and FROM_BEFORE.search(before) and TO_AFTER.match(sentence, pos)
    ) or is_to_high(sentence, start)
    if scaled or has_separator or from_to:
        if word and (not from_to or value_text.lower() == "zero"):
            return None
        if not word and not (scaled or has_separator) and not _IN_YEAR.match(sentence, pos):
            return None
        noun = units.english_noun_before(sentence, start)
        if noun:
            return noun, "count", False, None, _find_word(sentence, noun, 0, start)
        return "count", "count", False, None, None
    return None


def _find_word(sentence: str, noun: str, low: int, high: int | None = None) -> int | None:
    """Where a (lower-cased) noun is written in the sentence, case-insensitively, or None."""
    window = sentence[low:high].lower()
    found = window.rfind(noun) if high is not None else window.find(noun)
    return low + found if found != -1 else None
