"""Properties of the extractor: any rendering of a number parses back; no input makes it fail."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gdwatch.config.loader import load_metrics
from gdwatch.extractors.figures.engine import extract_observations
from gdwatch.extractors.figures.finder import find_figures
from gdwatch.extractors.figures.numbers import normalize

CATALOGUE = load_metrics()
NUMBER_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "half",
    "quarter",
    "third",
    "fifth",
    "eighth",
    "一",
    "二",
    "两",
    "三",
    "四",
    "五",
    "六",
    "七",
    "八",
    "九",
    "十",
    "百",
    "千",
    "万",
    "亿",
    "半",
]
EN_SCALES = {"": 1.0, " thousand": 1e3, " million": 1e6, " billion": 1e9, " trillion": 1e12}
ZH_SCALES = {
    "": 1.0,
    "万": 1e4,
    "亿": 1e8,
    "万亿": 1e12,
    "千亿": 1e11,
    "百亿": 1e10,
    "千万": 1e7,
    "百万": 1e6,
}
FULL_WIDTH = str.maketrans("0123456789.,%", "０１２３４５６７８９．，％")


def _digits(integer: int, decimals: int, cents: int, separators: bool) -> str:
    whole = f"{integer:,}" if separators else str(integer)
    return f"{whole}.{cents:0{decimals}d}" if decimals else whole


@st.composite
def rendered_amounts(draw: st.DrawFn) -> tuple[str, float, str]:
    """A currency amount written in one of the supported ways, its value and ISO code."""
    integer = draw(st.integers(min_value=1, max_value=999_999))
    decimals = draw(st.integers(min_value=0, max_value=2))
    cents = draw(st.integers(min_value=0, max_value=10**decimals - 1)) if decimals else 0
    digits = _digits(integer, decimals, cents, draw(st.booleans()))
    value = float(digits.replace(",", ""))
    style = draw(st.sampled_from(["en-prefix", "en-suffix", "zh"]))
    if style == "zh":
        scale = draw(st.sampled_from(sorted(ZH_SCALES)))
        currency, code = draw(
            st.sampled_from([("元", "CNY"), ("美元", "USD"), ("港元", "HKD"), ("欧元", "EUR")])
        )
        text = f"{digits}{scale}{currency}"
        if draw(st.booleans()):
            text = text.translate(FULL_WIDTH)
        return text, value * ZH_SCALES[scale], code
    scale = draw(st.sampled_from(sorted(EN_SCALES)))
    if style == "en-prefix":
        prefix, code = draw(
            st.sampled_from(
                [
                    ("RMB", "CNY"),
                    ("¥", "CNY"),
                    ("US$", "USD"),
                    ("$", "USD"),
                    ("HK$", "HKD"),
                    ("USD ", "USD"),
                    ("EUR ", "EUR"),
                ]
            )
        )
        return f"{prefix}{digits}{scale}", value * EN_SCALES[scale], code
    suffix, code = draw(st.sampled_from([(" yuan", "CNY"), (" US dollars", "USD"), (" euros", "EUR")]))
    return f"{digits}{scale}{suffix}", value * EN_SCALES[scale], code


@given(rendered_amounts(), st.sampled_from(["Exports reached {}.", "出口达到{}。", "It was {} last year."]))
@settings(max_examples=200, deadline=None)
def test_any_rendering_parses_back_to_its_value(amount: tuple[str, float, str], template: str) -> None:
    written, value, code = amount
    sentence = template.format(written)
    [figure] = find_figures(normalize(sentence))
    assert sentence[figure.start : figure.end] == written
    assert figure.unit == code
    assert abs(figure.value - value) <= 1e-9 * value


@given(
    st.integers(min_value=0, max_value=99_999),
    st.integers(min_value=1, max_value=9),
    st.sampled_from(["%", " percent", " per cent", "％"]),
    st.booleans(),
)
@settings(max_examples=200, deadline=None)
def test_percentages_parse_back(integer: int, tenths: int, sign: str, full_width: bool) -> None:
    written = f"{integer}.{tenths}{sign}"
    if full_width:
        written = written.translate(FULL_WIDTH)
    sentence = f"Exports grew {written} year-on-year."
    [figure] = find_figures(normalize(sentence))
    assert (sentence[figure.start : figure.end], figure.unit) == (written, "%")
    assert abs(figure.value - (integer + tenths / 10)) < 1e-9


TEXT = st.lists(
    st.sampled_from(
        [
            *"0123456789０１２３ .,%-()[]:/年月日万亿元的，。",
            " percent",
            " million",
            " yuan",
            "RMB",
            "$",
            "about ",
            "more than ",
            "from ",
            " to ",
            " and ",
            "respectively",
            "分别",
            "\n",
            "Jan. ",
            "2025",
            "first half",
            "last year",
            "目前",
            "one-quarter ",
            "half of ",
            "exports",
            "Shenzhen's ",
            "trade with ASEAN ",
            "近",
            "以上",
            "个百分点",
        ]
    ),
    max_size=80,
).map("".join)


@given(st.one_of(TEXT, st.text(max_size=300)), st.one_of(st.none(), st.dates()))
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_arbitrary_text_never_raises_and_offsets_hold(text: str, published: date | None) -> None:
    for observation in extract_observations(text, published=published, catalogue=CATALOGUE):
        assert 0 <= observation.start < observation.end <= len(text)
        written = text[observation.start : observation.end]
        lowered = written.lower()
        assert any(ch.isdigit() for ch in written) or any(word in lowered for word in NUMBER_WORDS)
        assert observation.quote and written in observation.quote
        if observation.conversion_of is not None:
            assert observation.conversion_of < len(text)
