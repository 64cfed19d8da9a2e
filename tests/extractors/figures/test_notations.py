"""Every way a figure is written parses back to its value, or is refused; none is read silently wrong.

The table of notations is ``benchmarks/notations.py`` (also the source of docs/benchmarks.md,
"Notations"); the properties below render random numbers in each notation and read them back.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.notations import NOTATIONS, Notation, read_notation
from gdwatch.extractors.figures.finder import find_figures
from gdwatch.extractors.figures.numbers import normalize
from gdwatch.extractors.figures.script import to_simplified

FULL_WIDTH = str.maketrans("0123456789.,%", "０１２３４５６７８９．，％")
SPLIT_AT_DECIMAL = "出口额为1. 5万亿元。"
"""A decimal point broken by a space: "1." is no sentence end, and the whole is refused."""


@pytest.mark.parametrize("notation", NOTATIONS, ids=lambda n: n.written)
def test_each_notation_is_parsed_or_refused_as_expected(notation: Notation) -> None:
    outcome = read_notation(notation)
    assert outcome.result == ("refused" if notation.value is None else "parsed"), outcome.found


def test_a_decimal_point_broken_by_a_space_is_refused_in_the_whole_text() -> None:
    [notation] = [n for n in NOTATIONS if n.sentence == SPLIT_AT_DECIMAL]
    assert read_notation(notation).result == "refused"


def test_a_decimal_point_broken_by_a_space_is_refused_in_its_sentence() -> None:
    assert find_figures(normalize(SPLIT_AT_DECIMAL)) == []


def figures(sentence: str) -> list[tuple[str, float, str]]:
    return [(sentence[f.start : f.end], f.value, f.unit) for f in find_figures(normalize(sentence))]


def close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0)


@st.composite
def decimals(draw: st.DrawFn) -> tuple[str, float]:
    """A decimal as news writes it (maybe with thousands commas) and its value."""
    integer = draw(st.integers(min_value=1, max_value=99_999))
    places = draw(st.integers(min_value=0, max_value=2))
    fraction = draw(st.integers(min_value=0, max_value=10**places - 1)) if places else 0
    whole = f"{integer:,}" if draw(st.booleans()) else str(integer)
    written = f"{whole}.{fraction:0{places}d}" if places else whole
    return written, float(written.replace(",", ""))


ZH_SCALES = {"万": 1e4, "亿": 1e8, "万亿": 1e12, "千亿": 1e11, "百亿": 1e10}
ZH_TRADITIONAL = {"万": "萬", "亿": "億", "万亿": "萬億", "千亿": "千億", "百亿": "百億"}


@given(
    decimals(),
    st.sampled_from(sorted(ZH_SCALES)),
    st.sampled_from(["", " ", "  "]),
    st.booleans(),
    st.booleans(),
)
@settings(max_examples=200, deadline=None)
def test_chinese_amounts_parse_back_spaced_full_width_or_traditional(
    number: tuple[str, float], scale: str, space: str, full_width: bool, traditional: bool
) -> None:
    digits, value = number
    written = f"{digits}{space}{ZH_TRADITIONAL[scale] if traditional else scale}元"
    if full_width:
        written = written.translate(FULL_WIDTH)
    sentence = f"進出口總值{written}，增長4.4%。"
    found = figures(sentence)
    assert found[0][0] == written
    assert found[0][2] == "CNY"
    assert close(found[0][1], value * ZH_SCALES[scale])


EN_COMPACT = {"tn": 1e12, "trillion": 1e12, "bn": 1e9, "bln": 1e9, "billion": 1e9, "mn": 1e6, "million": 1e6}


@given(
    decimals(),
    st.sampled_from(sorted(EN_COMPACT)),
    st.sampled_from(
        [("RMB{d}{s}", "CNY"), ("US${d} {s}", "USD"), ("${d}{s}", "USD"), ("{d}-{s}-yuan", "CNY")]
    ),
)
@settings(max_examples=200, deadline=None)
def test_compact_english_amounts_parse_back(
    number: tuple[str, float], scale: str, style: tuple[str, str]
) -> None:
    digits, value = number
    template, code = style
    if len(scale) > 3 and "{d}{s}" in template:
        template = template.replace("{d}{s}", "{d} {s}")  # why: a whole word is never glued ("RMB1billion")
    written = template.format(d=digits, s=scale)
    sentence = f"It passed a {written} milestone."
    [(span, got, unit)] = figures(sentence)
    assert (span, unit) == (written, code)
    assert close(got, value * EN_COMPACT[scale])


@given(decimals(), st.sampled_from(["%", " percent", "-percent", " per cent", "-per-cent", "％"]))
@settings(max_examples=100, deadline=None)
def test_percents_parse_back_hyphenated_or_not(number: tuple[str, float], sign: str) -> None:
    digits, value = number
    sentence = f"Sales saw a {digits}{sign} increase."
    [(span, got, unit)] = figures(sentence)
    assert (span, unit) == (f"{digits}{sign}", "%")
    assert close(got, value)


def chinese_numeral(number: int) -> str:
    """Write 1..9999 as a Chinese numeral (二百六十, 一千零五, 十二)."""
    digits = "零一二三四五六七八九"
    parts: list[str] = []
    zero = False
    for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // unit_value % 10
        if digit:
            if zero and parts:
                parts.append("零")
            parts.append(("" if unit == "十" and number < 20 else digits[digit]) + unit)
            zero = False
        elif parts:
            zero = True
    return "".join(parts)


@given(
    st.integers(min_value=2, max_value=9999), st.sampled_from(["", "多"]), st.sampled_from(["万元", "家企业"])
)
@settings(max_examples=200, deadline=None)
def test_chinese_numerals_parse_back(number: int, more: str, unit: str) -> None:
    numeral = chinese_numeral(number)
    sentence = f"全年共计{numeral}{more}{unit}。"
    [(span, got, canonical)] = figures(sentence)
    if unit == "万元":
        assert (span, canonical) == (f"{numeral}{more}万元", "CNY")
        assert close(got, number * 1e4)
    else:
        assert (span, canonical) == (numeral, "enterprises")
        assert close(got, number)


@given(st.integers(min_value=1, max_value=9), st.booleans())
@settings(max_examples=30, deadline=None)
def test_tenths_are_shares_in_percent(tenths: int, digits: bool) -> None:
    written = f"{tenths if digits else chinese_numeral(tenths) if tenths > 1 else '一'}成"
    [(span, got, unit)] = figures(f"民营企业出口占比近{written}。")
    assert (span, got, unit) == (written, tenths * 10.0, "%")


@given(st.integers(min_value=2, max_value=50), st.sampled_from(["增长{}倍", "是去年的{}倍"]))
@settings(max_examples=50, deadline=None)
def test_multiples_are_changes_after_a_growth_word_and_levels_otherwise(times: int, template: str) -> None:
    written = f"{times}倍"
    [(span, got, unit)] = figures("出口额" + template.format(times) + "。")
    expected = (times * 100.0, "%") if template.startswith("增长") else (float(times), "times")
    assert (span, got, unit) == (written, *expected)


@given(
    st.integers(min_value=1, max_value=9),
    st.integers(min_value=0, max_value=9),
    st.integers(min_value=0, max_value=999),
    st.sampled_from(["万亿元", "亿元", " trillion yuan"]),
)
@settings(max_examples=200, deadline=None)
def test_broken_digits_are_refused_never_misread(whole: int, fraction: int, rest: int, scale: str) -> None:
    scale_value = {"万亿元": 1e12, "亿元": 1e8, " trillion yuan": 1e12}[scale]
    for broken, meant in [
        (f"{whole} .{fraction}", f"{whole}.{fraction}"),
        (f"{whole}. {fraction}", f"{whole}.{fraction}"),
        (f"{whole} {rest:03d}", f"{whole}{rest:03d}"),
    ]:
        sentence = f"出口额为{broken}{scale}。"
        for _, got, _ in figures(sentence):
            assert close(got, float(meant) * scale_value), (sentence, got)


@given(st.integers(min_value=1, max_value=900), st.integers(min_value=1, max_value=98))
@settings(max_examples=50, deadline=None)
def test_a_ratio_of_sector_shares_is_three_percent_figures_with_their_parts(first: int, second: int) -> None:
    middle = 1 + second * (998 - first) // 98  # why: at least 1, at most 999 - first: the last part >= 1
    parts = [first, middle, 1000 - first - middle]
    written = ":".join(f"{p / 10:.1f}" for p in parts)
    found = find_figures(normalize(f"三次产业结构调整为{written}。"))
    assert [(f.value, f.unit, f.part) for f in found] == [
        (p / 10, "%", part)
        for p, part in zip(parts, ["primary sector", "secondary sector", "services"], strict=True)
    ]


@given(st.text(alphabet="萬億個進出口增長與廣東企業元兆成倍數十百千多餘逾近上0123456789., ：:", max_size=60))
@settings(max_examples=200, deadline=None)
def test_traditional_and_simplified_text_give_the_same_figures(text: str) -> None:
    simplified = to_simplified(text)
    assert len(simplified) == len(text)
    assert [(f.start, f.end, f.value, f.unit) for f in find_figures(normalize(text))] == [
        (f.start, f.end, f.value, f.unit) for f in find_figures(normalize(simplified))
    ]


def test_a_word_ending_in_yue_bounds_nothing() -> None:
    [figure] = find_figures(normalize("签约仪式在广州举行，签约12宗。"))
    assert (figure.value, figure.unit, figure.qualifier) == (12.0, "cases", "exact")


NOTATION_PIECES = st.lists(
    st.sampled_from(
        [
            *"0123456789０１２３ .,:：%-年月个家成倍番翻数几上近逾约多余万亿兆萬億元的前名连续季度",
            "-percent",
            "-trillion-yuan",
            "tn",
            "t yuan",
            "bn",
            "$",
            "RMB",
            " times that of",
            "-year run",
            " consecutive quarters",
            "增长",
            "是去年的",
            "人民币",
            "吉瓦时",
            "兆瓦",
            "标箱",
            "剩余",
            "三次产业结构",
            "至",
            " to ",
            "up from ",
            "eight",
        ]
    ),
    max_size=40,
).map("".join)


@given(NOTATION_PIECES)
@settings(max_examples=300, deadline=None)
def test_any_mix_of_notations_never_raises_and_spans_stay_in_the_sentence(text: str) -> None:
    for figure in find_figures(normalize(text)):
        assert 0 <= figure.start < figure.end <= len(text)
        if figure.unit_start is not None:
            assert 0 <= figure.unit_start < len(text)


def test_a_currency_named_before_a_bare_yuan_decides_the_unit() -> None:
    text = normalize(to_simplified("營收新台幣186億元，港幣12億元，人民幣3.2萬億元。"))
    found = find_figures(text, text.lower())
    assert [(f.value, f.unit) for f in found] == [(1.86e10, "TWD"), (1.2e9, "HKD"), (3.2e12, "CNY")]


@pytest.mark.parametrize("written", ["1900 US dollars", "2000 U.S. dollars", "1950 HK dollars", "2010 yuan"])
def test_four_digits_before_a_currency_are_an_amount_not_a_year(written: str) -> None:
    text = normalize(f"Exports reached {written}.")
    assert [f.value for f in find_figures(text, text.lower())] == [float(written[:4])]
