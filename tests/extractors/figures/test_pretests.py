"""The cheap pre-tests of the speed passes agree with the slow checks they stand in front of.

Each pre-test may only skip work that cannot find anything: these tests compare it with the full check on
the development and held-out texts, and on windows cut from them at every offset.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Callable
from decimal import Decimal

import pytest

from benchmarks.devset import DEVSET_DIR, HELDOUT_DIR, DevDoc, load_v2_set
from gdwatch.config.loader import load_gazetteer
from gdwatch.extractors.figures import (
    currencies,
    entities,
    finder,
    measures,
    numbers,
    periods,
    scan,
    sentences,
)
from gdwatch.extractors.figures.matcher import match_text
from gdwatch.extractors.figures.numbers import normalize
from gdwatch.extractors.figures.places import PlaceIndex

EXAMPLES = (
    "Kestrel Power Technology Co., a Huizhou-based maker of lithium batteries, reported net income.",
    "SkyReach Technology, a consumer drone maker based in Shenzhen, said. Tidewell Drones, which builds",
    "BYD Co. Ltd and Midea Group, the appliance giant, and Pearl Bay Appliances, an exporter; GAC Motors",
    "Orion Robotics,\ta startup, and Delta Logistics,  the operator, and Haiyun Shipping Holdings Corp.",
)


def _windows(texts: list[str], size: int, step: int) -> list[str]:
    """Windows of ``size`` characters cut from every text at every ``step``-th offset."""
    return [text[start : start + size] for text in texts for start in range(0, max(1, len(text) - 1), step)]


def _documents() -> list[DevDoc]:
    """The dev set, and the held-out set when one is committed (none between a retirement and the next)."""
    return load_v2_set(DEVSET_DIR) + (load_v2_set(HELDOUT_DIR) if HELDOUT_DIR.is_dir() else [])


@pytest.fixture(scope="module")
def texts() -> list[str]:
    """The normalized, lower-cased texts of the development and held-out sets, plus boilerplate lines."""
    docs = _documents()
    extra = [
        "Scan the QR code to download the China Daily app. [Photo provided to China Daily]",
        "扫描二维码下载客户端。来源：南方日报 责任编辑：李明 评论（3） 张三 摄）photo by AP",
        "for china daily | updated: 2026-01-20 | contact the writer at x@chinadaily.com.cn",
        "来源:新华社 评论(12) 李四 摄) comments (4) subscribe",
    ]
    return [normalize(doc.text).lower() for doc in docs] + [text.lower() for text in extra]


@pytest.fixture(scope="module")
def written() -> list[str]:
    """The normalized texts of the development and held-out sets (case kept), plus company examples."""
    docs = _documents()
    return [normalize(doc.text) for doc in docs] + list(EXAMPLES)


def _marks_by_regex(lowered: str) -> list[int]:
    """The reference: where ``finditer`` of the marks' alternation, in list order, finds a mark."""
    pattern = re.compile("|".join(re.escape(mark) for mark in sentences._BOILERPLATE_MARKS))
    return [match.start() for match in pattern.finditer(lowered)]


def test_mark_gates_are_inside_their_marks() -> None:
    for mark, gate in sentences._MARK_GATES.items():
        assert mark in sentences._BOILERPLATE_MARKS
        assert gate in mark
    for mark in sentences._BOILERPLATE_MARKS:
        assert mark.isascii() or sentences._HAN.search(mark), mark


def test_boilerplate_marks_agree_with_the_regex(texts: list[str]) -> None:
    found = 0
    for lowered in texts:
        expected = _marks_by_regex(lowered)
        assert sentences._boilerplate_marks(lowered) == expected
        found += len(expected)
    assert found > 10  # why: the comparison must see marks, not only texts without any


@pytest.mark.parametrize(
    ("gate", "pattern"),
    [
        (entities._GROUP_GATE.search, entities._GROUP_RE),
        (entities._TRADE_GATE.search, entities._TRADE_NAME_RE),
        (entities._APPOSITION_GATE.search, entities._APPOSITION_RE),
        (lambda text: any(word in text for word in entities._APPOSITION_WORDS), entities._APPOSITION_RE),
    ],
)
def test_company_gates_hold_wherever_the_pattern_matches(
    written: list[str], gate: Callable[[str], object], pattern: re.Pattern[str]
) -> None:
    matched = 0
    for window in _windows(written, 160, 3) + written:
        if pattern.search(window):
            matched += 1
            assert gate(window), window
    assert matched > 10


PERIOD_EXAMPLES = (
    "in the six months ended june 30, the first two quarters, the final three months of 2025, past 9 months",
    "from 2021 to 2025, between 2020 and 2024, from march to may, between jan. 5 and feb. 9, from june 3-9",
    "last year, this year, next year, by year's end, the year-end rush, at the end of the year, now",
    "for the full year, for the whole year, full-year results, at present, presently, interim results, q3",
    "in may, marto june, janthrough march, sept. 5, 5 may 2024, 9 months to june, 1 - 3月, 2nd quarter",
    "the first half, second-half sales, the third quarter, fourth quarter, final quarter, first 10 months,",
    "market, decision, mayer, seconds, finals, from the, between them, this is, years ago, two thirds, ten",
)


def test_period_pretest_holds_wherever_a_period_opens(written: list[str]) -> None:
    """At every offset of windows cut from the texts (lower-cased), :func:`periods.may_open_a_period` says
    True wherever :data:`periods._ATOMS` matches."""
    matched = skipped = 0
    windows = _windows([text.lower() for text in written], 60, 11) + list(PERIOD_EXAMPLES)
    for lowered in windows:
        months = "months" in lowered
        parts = "quarter" in lowered or "half" in lowered
        for start in range(len(lowered)):
            opens = periods.may_open_a_period(lowered, start, months=months, parts=parts)
            if periods._ATOMS.match(lowered, start):
                matched += 1
                assert opens, (lowered, start)
            elif not opens:
                skipped += 1
    assert matched > 1000
    assert skipped > 1000  # why: the pre-test must also rule positions out, or it saves nothing


def test_scale_value_fast_path_agrees_with_decimal() -> None:
    """The string path of :func:`numbers.scale_value` gives what ``Decimal(repr(v)).scaleb(e)`` gives."""
    rng = random.Random(8)
    values = [0.1, 0.3, 1.1, 8.12, 9.1, 2.675, 123456.789, 0.000123, 5e-05, 1e16, 1.79e308, -4.4]
    values += [round(rng.uniform(0, 10_000), rng.randrange(0, 6)) for _ in range(3000)]
    values += [rng.uniform(0, 1) for _ in range(1000)]
    for value in values:
        for exponent in (-12, -4, -2, -1, 1, 2, 3, 4, 6, 8, 9, 12, 14, 16):
            expected = value * 10.0**exponent
            if math.isfinite(expected):
                expected = float(Decimal(repr(value)).scaleb(exponent))
            assert numbers.scale_value(value, 10.0**exponent) == expected, (value, exponent)


def test_partner_lookahead_finds_what_the_pattern_finds(written: list[str]) -> None:
    """``PlaceIndex.partner_re`` (with its look-ahead for a partner's first character) matches where the
    partner pattern alone matches, on the matchable form of every text and of windows cut from them."""
    places = PlaceIndex.build(load_gazetteer())
    reference = re.compile(r"(?<![a-z])" + places.partner_pattern + r"(?![a-z])")
    texts = [match_text(text.lower()) for text in written]
    texts += [
        "对港出口",
        "粤港澳大湾区",
        "港资企业",
        "对澳门出口",
        "自澳进口",
        "exports to the eu and asean rose",
    ]
    found = 0
    for text in texts + _windows(texts, 80, 37):
        expected = [match.span() for match in reference.finditer(text)]
        assert [match.span() for match in places.partner_re.finditer(text)] == expected, text
        found += len(expected)
    assert found > 100


def test_chinese_denominator_words_always_match(written: list[str]) -> None:
    """A window ending with one of ``entities._DENOMINATOR_ENDS_ZH`` (then spaces) matches
    ``entities._DENOMINATOR_BEFORE`` whatever precedes it, as the shortcut in ``_mention`` assumes."""
    assert set(entities._DENOMINATOR_ENDS_ZH) <= set(entities._DENOMINATOR_ENDS)
    for window in [*_windows(written, 30, 53)[:3000], "", "the ", "58 percent of ", "广东"]:
        for word in entities._DENOMINATOR_ENDS_ZH:
            for spaces in ("", " ", "  ", "\u3000"):
                assert entities._DENOMINATOR_BEFORE.search(window + word + spaces), window + word + spaces


def _is_abbreviation_by_regex(line: str, dot: int) -> bool:
    """The reference: the word before a dot found with ``sentences._WORD_BEFORE``'s search."""
    if not line[dot - 1 : dot].isalpha():
        return False
    word = sentences._WORD_BEFORE.search(line, max(0, dot - 12), dot)
    if word is None:
        return False
    token = word.group(1).lower().strip(".")
    return token in sentences.ABBREVIATIONS_EN or "." in token


def test_abbreviation_test_agrees_with_the_regex(written: list[str]) -> None:
    lines = [line for text in written for line in text.split("\n")]
    lines += ["U.S. exports", "Mr. Li said", "Jan. 5", "Co. Ltd.", "é. x", "Ä.B. c", "a.b.c.d.e. x"]
    checked = abbreviations = 0
    for line in lines:
        for dot in (index for index, char in enumerate(line) if char == "."):
            expected = _is_abbreviation_by_regex(line, dot)
            assert sentences._is_abbreviation(line, dot) == expected, (line, dot)
            checked += 1
            abbreviations += expected
    assert checked > 1000
    assert abbreviations > 10


MEASURE_EXAMPLES = (
    "RMB9.1tn, 14t yuan, $3b, 4.6 trillion, 300 billion yuan, 41 bn, 8.6 万亿元, 2.1万亿元",
    "3万多家, 20余个, 十几个, 5人民币 5新台币 5-million-yuan, 100兆瓦, 1兆元, 3千万, 5百万",
    "5 percent, 5-percent, 5 per cent, 5pct, 4.9%, 0.3 percentage points, 2 ppts, 1.5pp, 3个百分点",
    "5 yuan, 5 renminbi, 5 RMB, 5 CNY, 5 U.S. dollars, 5 US dollars, 5 dollars, 5 USD, 5 HK dollars",
    "5 euros, 5 Hong Kong dollars, 5 HKD, 5 EUR, 5 pounds, 5 GBP, 5 yen, 5 JPY, 5美元 5港元 5港币",
    "5欧元 5日元 5英镑 5元 9十万, 1千亿, 2百亿, 3十亿\t6\u3000million 3百分点",
)


@pytest.mark.parametrize(
    ("pattern", "first", "spaces"),
    [
        (currencies.EN_SCALE, measures._EN_SCALE_FIRST, True),
        (currencies.GLUED_SCALE, measures._GLUED_SCALE_FIRST, False),
        (currencies.ZH_MORE, measures._ZH_MORE_CHARACTERS, False),
        (currencies.ZH_SCALE, measures._ZH_SCALE_FIRST, False),
        (currencies.CURRENCY_AFTER, measures._CURRENCY_AFTER_FIRST, True),
        (measures._PP, measures._PP_FIRST, True),
        (measures._PERCENT, measures._PERCENT_FIRST, True),
        (measures._SPACE_BEFORE_SCALE, frozenset(" "), False),
    ],
)
def test_measure_first_characters_open_every_match(
    written: list[str], pattern: re.Pattern[str], first: frozenset[str], spaces: bool
) -> None:
    """Wherever a pattern :func:`measures.measure` tries after a number matches, the character there is one
    of its first characters (or a space, when the pattern allows one), at every offset of the texts."""
    matched = skipped = 0
    for text in [*written, *MEASURE_EXAMPLES]:
        for position in range(len(text)):
            char = text[position]
            opens = char in first or (spaces and char.isspace())
            if pattern.match(text, position):
                matched += 1
                assert opens, (text[position : position + 20], position)
            elif not opens:
                skipped += 1
    assert matched > 10
    assert skipped > 10_000


def test_company_pretest_holds_wherever_a_company_is_found(written: list[str]) -> None:
    """:func:`entities.may_name_a_company` is True wherever :func:`entities.find_entities` finds a company,
    on lede-sized windows of the texts, with and without companies an article introduced."""
    places = PlaceIndex.build(load_gazetteer())
    introduced = {"粤澄电器": "Yuecheng Electric", "粤澄": "Yuecheng Electric", "岭秀": "Lingxiu"}
    windows = [*_windows(written, 160, 41), *EXAMPLES, "粤澄电器营收48.6亿元", "BYD sold 4 million cars"]
    found = ruled_out = 0
    for window in windows:
        for companies in ({}, introduced):
            named = any(m.kind == "company" for m in entities.find_entities(window, places, companies))
            may = entities.may_name_a_company(window, places, companies)
            if named:
                found += 1
                assert may, window
            elif not may:
                ruled_out += 1
    assert found > 10
    assert ruled_out > 1000


def test_trigger_character_runs_give_every_character(written: list[str]) -> None:
    """The offsets read from runs of a trigger's characters are those of each character, for the figure
    and period triggers, on every text (lower-cased)."""
    for trigger in (finder.TRIGGER, periods.TRIGGER):
        assert trigger.chars is not None
        for text in [text.lower() for text in written] + ["2025年1-11月, 三十五万", "", "12,345.67"]:
            assert scan._char_starts(trigger, text) == [m.start() for m in trigger.chars.finditer(text)]
