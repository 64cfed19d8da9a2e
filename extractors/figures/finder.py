"""Find the figures written in one normalized sentence: value, unit, own qualifier, ranges, conversions.

Rules that are choices, not facts of language:

- A range ("5 to 6 percent", "5-6%", "5%至6%", "between 4 and 5 percent") gives two figures: the low
  end with qualifier ``over`` and the high end with qualifier ``under``. A low end written without its
  unit ("5-6%") takes the unit and scale of the high end; its span is the bare number ("5").
- "from X ... to Y" is not a range but a change: two figures, each with its own qualifier.
- A figure in parentheses (or after ", or") in another currency restates the figure before it
  (``conversion_of``); it keeps its own bound word (about, 约合) or else inherits the first one's.
- A bound word before the first item of a list ("more than 20 trillion yuan in revenue, 5 trillion
  yuan in added value and 2 trillion yuan in profits", 分别超过…、…和…) covers every item.
- Not figures: dates, times, years, ordinals, citation markers, list labels, product codes (5G, 3C,
  Mate 70), phone numbers, addresses, size classes ("trillion-yuan clusters", 万亿级, 超百亿元企业).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gdwatch.extractors.figures import units as units
from gdwatch.extractors.figures.numbers import (
    DENOMINATORS,
    SCALES_EN,
    SCALES_ZH,
    fraction_percent,
    parse_chinese_numeral,
    parse_decimal,
    parse_word_number,
    scale_value,
)
from gdwatch.extractors.figures.scan import literal_trigger, scan

_WORDS = (
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen"
)
# Matched against lower-cased text, without leading look-behinds or \b (checked in _starts_cleanly):
# that lets the regex engine skip ahead by first character.
_CORE = re.compile(
    r"(?P<inevery>(?:one|1)\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<ied>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})(?![a-z0-9]))"
    r"|(?P<digits>(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?)"
    r"|(?P<frac>(?P<fnum>one|a|two|three|four|five|six|seven|eight|nine)[\s-](?P<fden>halves|half|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)(?![a-z]))"
    r"|(?P<half>half(?![a-z]))"
    rf"|(?P<word>(?:{_WORDS})(?![a-z]))"
    r"|(?P<zhfrac>(?P<zden>[一二三四五六七八九十]+|\d+)分之(?P<znum>[一二三四五六七八九十]+|\d+))"
    r"|(?P<zhpct>百分之(?P<zpn>[零〇一二两三四五六七八九十百]+))"
    r"|(?P<zhhalf>一半|半数)"
    r"|(?P<zhbare>(?:万亿|千亿|百亿)(?=元|美元|港元|欧元))"
    r"|(?P<zhnum>[零〇一二两三四五六七八九十百千]+)"
)
TRIGGER = literal_trigger(
    [
        *"0123456789",
        *"零〇一二两三四五六七八九十百千",
        "百分之",
        "一半",
        "半数",
        "万亿",
        "千亿",
        "百亿",
        "half",
        *(
            f"a{sep}{den}"
            for sep in " -"
            for den in (
                "half",
                "third",
                "quarter",
                "fourth",
                "fifth",
                "sixth",
                "seventh",
                "eighth",
                "ninth",
                "tenth",
            )
        ),
        *_WORDS.replace("(?:", "").replace(")?", "").replace(")", "").replace("-", "|").split("|"),
    ]
)
_LOWER = str.maketrans({chr(c): chr(c + 32) for c in range(65, 91)})
_EN_SCALE = re.compile(r"\s*(thousand|million|billion|trillion|mln|bln|bn|mn|tn)(?![A-Za-z])", re.I)
_ZH_SCALE = re.compile("|".join(SCALES_ZH))
_ZH_MORE = re.compile(r"[多余]")
_CURRENCY_AFTER = re.compile(
    r"\s*(?P<c>yuan|renminbi|RMB|CNY|U\.?S\.? dollars|US dollars|dollars|USD|HK dollars|Hong Kong dollars|HKD"
    r"|euros?|EUR|pounds|GBP|yen|JPY)(?![A-Za-z])"
    r"|(?P<z>美元|港元|港币|欧元|日元|英镑|人民币|元)"
)
_CURRENCY_BEFORE = re.compile(r"(?P<c>US\$|HK\$|RMB|Rmb|CNY|USD|HKD|EUR|GBP|JPY|\$|¥|€|£)\s?$")
_CURRENCY_CODES = {
    "yuan": "CNY",
    "renminbi": "CNY",
    "rmb": "CNY",
    "cny": "CNY",
    "¥": "CNY",
    "元": "CNY",
    "人民币": "CNY",
    "us$": "USD",
    "$": "USD",
    "usd": "USD",
    "dollars": "USD",
    "us dollars": "USD",
    "u.s. dollars": "USD",
    "美元": "USD",
    "hk$": "HKD",
    "hkd": "HKD",
    "hk dollars": "HKD",
    "hong kong dollars": "HKD",
    "港元": "HKD",
    "港币": "HKD",
    "euro": "EUR",
    "euros": "EUR",
    "eur": "EUR",
    "€": "EUR",
    "欧元": "EUR",
    "pounds": "GBP",
    "gbp": "GBP",
    "£": "GBP",
    "英镑": "GBP",
    "yen": "JPY",
    "jpy": "JPY",
    "日元": "JPY",
}
_PERCENT = re.compile(r"\s*(?:%|percent(?![A-Za-z])|per cent(?![A-Za-z])|pct(?![A-Za-z]))|\s*(?:%)", re.I)
_PP = re.compile(r"\s*(?:percentage[ -]points?(?![A-Za-z])|ppts?(?![A-Za-z])|pp(?![A-Za-z]))|个?百分点", re.I)
_MONTHS = (
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august"
    r"|september|october|november|december"
)
_MONTH_BEFORE = re.compile(rf"(?:^|[^A-Za-z])(?:{_MONTHS})\.?\s*$", re.I)
_MONTH_AFTER = re.compile(rf"\s*(?:{_MONTHS})\b", re.I)
_LABEL_BEFORE = re.compile(
    r"(?:^|[^A-Za-z])(?<!to )(?:no|nos|group|part|phase|article|section|chapter|model|top|fortune|global|"
    r"room|tel|phone|fax|hotline|line|metro|level|grade|tier|step|round|item|vol|issue|page|building|floor|hall|zone|"
    r"booth|gate|terminal|route|bus|flight|version|series|app|mate|pura|iphone|galaxy|pixel|windows|class|"
    r"figure|fig|table|district|road|street|avenue)\.?\s*#?$",
    re.I,
)
_LETTERS_BEFORE = re.compile(r"[A-Za-z]+$")
_ZH_NOT_COUNT_AFTER = re.compile(r"(?:年|月|日|号|时|点|强|届|次会议|周年|岁|个月|个季度|季度|期|楼|层)")
_ZH_MEASURE = re.compile("|".join(units.ZH_SPECIFIC_MEASURES + units.ZH_GENERIC_MEASURES))
_EN_QUALIFIER = re.compile(
    r"(?:^|[^A-Za-z])(?P<q>more than|over|above|at least|exceed|exceeded|exceeds|exceeding|surpass|surpassed|"
    r"surpasses|surpassing|to top|topped|tops|topping|in excess of|upwards of|no less than|not less than|"
    r"greater than|beyond|less than|fewer than|under|below|nearly|almost|close to|just under|no more than|"
    r"not more than|shy of|about|around|roughly|approximately|some|an estimated|approx\.|circa)"
    r"\s+(?:the\s+)?$",
    re.I,
)
_ZH_QUALIFIER = re.compile(
    r"(?P<q>超过|超出|超|逾|突破|多于|高于|不少于|不低于|至少有?|不到|不足|将近|接近|近|低于|少于|约合|大约|约|近乎)"
    r"(?:占[\u4e00-\u9fff]{0,10}?的?)?$"
)
_ZH_QUALIFIER_AFTER = re.compile(
    r"(?:人次|[家个名条架款项座种所位批辆套台户人吨])?(?P<q>以上|以下|左右|上下|以内|之多)"
)
_EN_QUALIFIER_AFTER = re.compile(r"\s+(?P<q>or more|or so|or above|and above|or less)\b", re.I)
_QUALIFIER_OF: dict[str, str] = {}
_PHRASES_EN = {
    "over": [
        "more than",
        "over",
        "above",
        "at least",
        "exceed",
        "exceeded",
        "exceeds",
        "exceeding",
        "surpass",
        "surpassed",
        "surpasses",
        "surpassing",
        "to top",
        "topped",
        "tops",
        "topping",
        "in excess of",
        "upwards of",
        "no less than",
        "not less than",
        "greater than",
        "beyond",
        "or more",
        "or above",
        "and above",
    ],
    "under": [
        "less than",
        "fewer than",
        "under",
        "below",
        "nearly",
        "almost",
        "close to",
        "just under",
        "no more than",
        "not more than",
        "shy of",
        "or less",
    ],
    "approx": [
        "about",
        "around",
        "roughly",
        "approximately",
        "some",
        "an estimated",
        "approx.",
        "circa",
        "or so",
    ],
}
_PHRASES_ZH = {
    "over": [
        "超过",
        "超出",
        "超",
        "逾",
        "突破",
        "多于",
        "高于",
        "不少于",
        "不低于",
        "至少",
        "至少有",
        "以上",
        "之多",
    ],
    "under": ["不到", "不足", "将近", "接近", "近", "低于", "少于", "以下", "以内"],
    "approx": ["约合", "大约", "约", "近乎", "左右", "上下"],
}
for _kind, _list in (*_PHRASES_EN.items(), *_PHRASES_ZH.items()):
    for _word in _list:
        _QUALIFIER_OF[_word] = _kind

_FROM_BEFORE = re.compile(r"(?:\bfrom\s+(?:about\s+|around\s+)?|(?:从|由)(?:\d{4}年(?:底|末)?的?)?)$", re.I)
_TO_BEFORE = re.compile(
    r"(?:\bto\s+(?:(?:over|more than|about|nearly|almost|around)\s+)?"
    r"|(?:增至|增加到|增长到|提高到|升至|降至|达到|到|至)(?:\d{4}年(?:底|末)?的?)?)$",
    re.I,
)
_GLUED_UNIT = re.compile(r"(?:bn|mn|mln|bln|tn|pct|pp)(?![A-Za-z])", re.I)
_DOT_DIGIT_OR_HYPHEN_WORD = re.compile(r"\.\d|-[A-Za-z]")
_DATE_UNIT = re.compile(r"\s*(?:年|月|日|号)")
_OF_THE = re.compile(r"\s+of\s+(?:the\s+)?")
_AND_NUMBER = re.compile(r"\s+and\s+[\d,.]+(?:\s+(?:thousand|million|billion))?")
_IN_YEAR = re.compile(r"\s+in\s+\d{4}")
_PLAIN_DIGITS = re.compile(r"[\d,]+(?:\.\d+)?")
_YEAR_ONLY = re.compile(
    r"(?:19|20)\d\d(?![\d.,%年万亿千百多余家个名户人辆台套元美港欧])"
    r"(?!\s*(?:percent|per cent|pct|yuan|dollars|euros|thousand|million|billion|trillion|bn|mn))",
    re.I,
)
_FROM_WORD = re.compile(r"\bfrom\b|从|由")
_QUALIFIER_END = re.compile(r"(?:over|more than|about|nearly|almost|around)\s+$", re.I)
_WORD_END = re.compile(r"([A-Za-z][A-Za-z'-]*)\s+$")
_TO_AFTER = re.compile(
    r".{0,40}?(?:\bto\s+(?:over\s+|more than\s+|about\s+)?[\d一-龥a-z]|增至|增加到|增长到|提高到|到|至)"
)
_ONE_AS_FIGURE = re.compile(r"\s*(?:%|percent|per cent|thousand|million|billion|trillion|yuan|dollars)", re.I)
_CHAIN = re.compile(r"-\d+(?:-\d+)?")
_RANGE_CONNECTOR = re.compile(r"\s*(?:-|~|to|至|到)\s*", re.I)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.I)
_AND_CONNECTOR = re.compile(r"\s+and\s+", re.I)
_CONVERSION_GAP = re.compile(
    r"^\s*(?:\(\s*|,\s*or\s+)(?P<q>about|around|approximately|roughly|some|nearly|almost|约合|约|合|折合)?\s*$",
    re.I,
)
_LIST_GAP_EN = re.compile(r"^(?:\s+[A-Za-z\"“”'’ -]{1,40}?)?\s*(?:,\s*and|,|and)\s+$")
_LIST_GAP_ZH = re.compile(r"^(?:[\u4e00-\u9fff]{0,2})?(?:、|和|及|以及)$")
_VERBISH = re.compile(
    r"\b(?:rose|grew|fell|reached|totaled|totalled|hit|up|down|was|were|is|are|has|have|had|increased|"
    r"decreased|dropped|jumped|surged|declined|exported|imported|earned|generated|while|with|from)\b",
    re.I,
)
_SENTENCE_STARTERS = frozenset(
    [
        "in",
        "by",
        "for",
        "with",
        "over",
        "about",
        "around",
        "some",
        "nearly",
        "almost",
        "more",
        "less",
        "only",
        "just",
        "the",
        "a",
        "an",
        "and",
        "but",
        "while",
        "roughly",
        "approximately",
        "at",
        "to",
        "of",
        "from",
        "between",
        "up",
        "down",
        "last",
        "this",
        "total",
        "since",
        "during",
        "as",
        "after",
        "before",
        "among",
    ]
)


@dataclass(slots=True)
class Figure:
    """One figure in a sentence, with offsets relative to that sentence."""

    start: int
    end: int
    value: float
    unit: str
    resolution: float
    kind: str
    """"currency", "percent", "pp", "count" or "years"."""
    qualifier: str = "exact"
    qualifier_own: bool = False
    range_role: str | None = None
    conversion_of: int | None = None
    from_low: bool = False
    to_high: bool = False
    noun_after: bool = False


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
    for match in scan(TRIGGER, _CORE, lowered, starts):
        if match.start() < cursor or not _starts_cleanly(lowered, match):
            continue
        built = _build(sentence, match)
        if not built:
            continue
        for figure in built:
            figures.append(figure)
        cursor = max(cursor, built[-1].end)
    _link_conversions(sentence, figures)
    _spread_list_bounds(sentence, figures)
    return figures


def _starts_cleanly(lowered: str, match: re.Match[str]) -> bool:
    """The left boundary the pattern leaves out (a word, a number, 第, a bare 千亿 after a digit)."""
    start = match.start()
    previous = lowered[start - 1] if start else ""
    kind = match.lastgroup
    if kind in {"inevery", "frac", "half", "word"} and lowered[start].isalpha():
        return not (previous.isascii() and previous.isalpha())
    if kind == "digits":
        return not (previous in {".", ","} and lowered[start - 2 : start - 1].isdigit())
    if kind == "zhbare":
        return not (previous.isdigit() or previous in ".万亿千百十")
    if kind == "zhnum":
        return previous != "第"
    return True


def _build(sentence: str, match: re.Match[str]) -> list[Figure]:
    """Turn one number core into zero, one or two (a range) figures."""
    kind = match.lastgroup
    if kind == "digits":
        return _build_digits(sentence, match)
    if kind == "inevery":
        denominator = _small_number(match.group("ied"))
        if not denominator:
            return []
        return [_fraction(sentence, match.start(), match.end(), fraction_percent(1, denominator))]
    if kind == "frac":
        return _build_fraction(sentence, match)
    if kind == "half":
        return _build_half(sentence, match)
    if kind == "word":
        if match.group() == "one" and not _ONE_AS_FIGURE.match(sentence, match.end()):
            return []  # why: "one" is a figure only with a unit ("one percent"); otherwise it is a pronoun
        value = parse_word_number(match.group())
        if value is None:
            return []
        return _finish_number(sentence, match.start(), match.end(), float(value), 1.0, word=True)
    if kind == "zhfrac":
        denominator = _small_number(match.group("zden"))
        numerator = _small_number(match.group("znum"))
        if not denominator or numerator is None or numerator > denominator:
            return []
        return [_fraction(sentence, match.start(), match.end(), fraction_percent(numerator, denominator))]
    if kind == "zhpct":
        value = parse_chinese_numeral(match.group("zpn"))
        if value is None:
            return []
        return [_fraction(sentence, match.start(), match.end(), float(value))]
    if kind == "zhhalf":
        return [_fraction(sentence, match.start(), match.end(), 50.0)]
    if kind == "zhbare":
        return _build_bare_scale(sentence, match)
    if kind == "zhnum":
        value = parse_chinese_numeral(match.group())
        if value is None or value < 2:
            return []
        return _finish_number(sentence, match.start(), match.end(), float(value), 1.0, chinese_numeral=True)
    return []


def _small_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    return parse_word_number(text) if text.isascii() else parse_chinese_numeral(text)


def _fraction(sentence: str, start: int, end: int, value: float) -> Figure:
    figure = Figure(start, end, value, "%", 0.0, "percent")
    _attach_qualifier(sentence, figure)
    return figure


def _build_fraction(sentence: str, match: re.Match[str]) -> list[Figure]:
    numerator_word = match.group("fnum").lower()
    denominator = DENOMINATORS[match.group("fden").lower()]
    before = sentence[: match.start()].rstrip().lower()
    if before.endswith(("first", "second", "third", "fourth", "last", "past", "next", "final")):
        return []
    if numerator_word == "a":
        after = sentence[match.end() : match.end() + 4].lower()
        if not (
            after.startswith(" of") or re.search(r"\b(?:by|about|nearly|almost|than|over|roughly)$", before)
        ):
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
    bounded = re.search(
        r"\b(?:nearly|almost|about|around|roughly|over|than|accounting for|accounted for|account for|"
        r"accounts for|made up|make up|makes up|by)$",
        before,
    )
    if not (after.startswith(" of") or bounded):
        return []
    return [_fraction(sentence, match.start(), match.end(), 50.0)]


def _build_bare_scale(sentence: str, match: re.Match[str]) -> list[Figure]:
    """千亿元 / 万亿美元 without a digit: a figure unless it is a size class (超百亿元企业)."""
    currency = _CURRENCY_AFTER.match(sentence, match.end())
    if currency is None:
        return []
    following = sentence[currency.end() : currency.end() + 1]
    if following and "\u4e00" <= following <= "\u9fff" and following != "的":
        return []
    scale = SCALES_ZH[match.group()]
    code = _CURRENCY_CODES[(currency.group("c") or currency.group("z")).lower()]
    figure = Figure(match.start(), currency.end(), scale, code, scale, "currency")
    _attach_qualifier(sentence, figure)
    return [figure]


def _build_digits(sentence: str, match: re.Match[str]) -> list[Figure]:
    start, end = match.span()
    if end - start == 4 and _YEAR_ONLY.match(sentence, start) and not sentence.startswith("-", end):
        return []  # why: a bare year is never a value; the period reader handles it
    parsed = parse_decimal(match.group())
    if parsed is None or _is_not_a_figure(sentence, start, end):
        return []
    value, resolution = parsed
    chain = _CHAIN.match(sentence, end)
    if chain:
        return _build_hyphen_chain(sentence, match, chain.group())
    return _finish_number(sentence, start, end, value, resolution, has_separator="," in match.group())


def _is_not_a_figure(sentence: str, start: int, end: int) -> bool:
    """Context that makes a digit run a date, time, code, label, citation or address."""
    before = sentence[max(0, start - 24) : start]
    after = sentence[end : end + 3]
    if before.endswith(("+", "/", "=", "_", "@", "#", ".", ":", "第")) or after.startswith(("/", ":")):
        return True
    glued_unit = _GLUED_UNIT.match(sentence, end)
    if after[:1].isalpha() and after[:1].isascii() and not glued_unit:
        return True
    if _DOT_DIGIT_OR_HYPHEN_WORD.match(after):
        return True
    letters = _LETTERS_BEFORE.search(before)
    if letters and not _CURRENCY_BEFORE.search(before):
        return True
    if before.endswith("[") and after.startswith("]"):
        return True
    if before.endswith(("(", "（")) and after.startswith((")", "）")):
        return True
    return bool(_MONTH_BEFORE.search(before) or _MONTH_AFTER.match(sentence, end))


def _build_hyphen_chain(sentence: str, match: re.Match[str], chain: str) -> list[Figure]:
    """ "3-4%" is a range; "2021-2025", "1-11月", "020-8737" and "2026-01-05" are not figures."""
    if chain.count("-") != 1 or sentence[match.end() + len(chain) : match.end() + len(chain) + 1] in {
        "-",
        "/",
    }:
        return []
    high_start = match.end() + 1
    high_match = _CORE.match(sentence, high_start)
    if high_match is None or high_match.lastgroup != "digits":
        return []
    high = _finish_number(
        sentence, high_start, high_match.end(), *parse_decimal(high_match.group()) or (0, 0)
    )
    if len(high) != 1 or high[0].kind not in {"percent", "pp", "currency"}:
        return []
    return _make_range(sentence, match.start(), match.end(), high[0])


def _make_range(sentence: str, low_start: int, low_end: int, high: Figure) -> list[Figure]:
    parsed = parse_decimal(sentence[low_start:low_end])
    if parsed is None:
        return []
    low_value, low_resolution = parsed
    scale = high.resolution / _digit_resolution(sentence, high)
    low = Figure(
        low_start,
        low_end,
        scale_value(low_value, scale),
        high.unit,
        scale_value(low_resolution, scale),
        high.kind,
    )
    if low.value >= high.value:
        return []
    return _finish_range(sentence, low, high)


def _digit_resolution(sentence: str, figure: Figure) -> float:
    digits = re.search(r"\d[\d,]*(?:\.\d+)?", sentence[figure.start : figure.end])
    parsed = parse_decimal(digits.group()) if digits else None
    return parsed[1] if parsed else 1.0


def _finish_range(sentence: str, low: Figure, high: Figure) -> list[Figure]:
    _attach_qualifier(sentence, low)
    if low.qualifier_own and low.qualifier == "approx":
        high.qualifier, high.qualifier_own = "approx", True
    else:
        low.qualifier, high.qualifier = "over", "under"
        low.qualifier_own = high.qualifier_own = True
    low.range_role, high.range_role = "low", "high"
    return [low, high]


def _finish_number(
    sentence: str,
    start: int,
    end: int,
    value: float,
    resolution: float,
    *,
    word: bool = False,
    chinese_numeral: bool = False,
    has_separator: bool = False,
) -> list[Figure]:
    """Read what follows a number (scale, currency, percent, noun) and what precedes it (currency)."""
    scale = 1.0
    pos = end
    scaled = False
    size_class = False
    en_scale = _EN_SCALE.match(sentence, pos)
    if en_scale and not chinese_numeral:
        if sentence[en_scale.end() : en_scale.end() + 1] == "-":
            size_class = True
        else:
            scale = SCALES_EN[en_scale.group(1).lower()]
            pos = en_scale.end()
            scaled = True
    elif not word:
        zh_scale = _ZH_SCALE.match(sentence, pos)
        if zh_scale:
            if sentence[zh_scale.end() : zh_scale.end() + 1] == "级":
                return []
            scale = SCALES_ZH[zh_scale.group()]
            pos = zh_scale.end()
            scaled = True
    more = _ZH_MORE.match(sentence, pos) if not word else None
    after_more = more.end() if more else pos
    currency_before = _CURRENCY_BEFORE.search(sentence, max(0, start - 5), start)
    currency_after = None if size_class else _CURRENCY_AFTER.match(sentence, after_more)
    base = scale_value(value, scale)
    res = scale_value(resolution, scale)
    if currency_after:
        code = _CURRENCY_CODES[(currency_after.group("c") or currency_after.group("z")).lower()]
        begin = currency_before.start() if currency_before and currency_before.group("c") in {"¥"} else start
        figure = Figure(begin, currency_after.end(), base, code, res, "currency")
    elif currency_before:
        code = _CURRENCY_CODES[currency_before.group("c").lower()]
        figure = Figure(currency_before.start(), pos, base, code, res, "currency")
    elif (pp := _PP.match(sentence, after_more)) and not scaled:
        figure = Figure(start, pp.end(), value, "pp", resolution, "pp")
    elif (percent := _PERCENT.match(sentence, after_more)) and not scaled:
        figure = Figure(start, percent.end(), value, "%", resolution, "percent")
    else:
        counted = _count(sentence, start, end, pos, after_more, scaled, word, chinese_numeral, has_separator)
        if counted is None:
            if word or chinese_numeral or scaled:
                return []
            bare = Figure(start, end, value, "count", resolution, "count")
            return _maybe_range(sentence, bare) or []
        figure = Figure(start, pos, base, counted[0], res, counted[1])
        figure.noun_after = counted[2]
    if more:
        figure.qualifier, figure.qualifier_own = "over", True
    range_figures = _maybe_range(sentence, figure)
    if range_figures:
        return range_figures
    _attach_qualifier(sentence, figure)
    _mark_from_to(sentence, figure)
    return [figure]


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
    measure = _ZH_MEASURE.match(sentence, after_more)
    if measure:
        if measure.group() in units.ZH_SPECIFIC_MEASURES:
            return measure.group(), "count", False
        noun = units.chinese_noun_after(sentence, measure.end())
        if noun:
            return noun, "count", True
        noun = units.chinese_noun_before(sentence, _strip_zh_qualifier(sentence, start))
        return noun or measure.group(), "count", False
    if chinese_numeral:
        return None
    if not word and not scaled and value_text.isdigit() and 1000 <= int(value_text) <= 2100:
        return None
    if _LABEL_BEFORE.search(before):
        return None
    previous = _WORD_END.search(before)
    if (
        previous
        and previous.group(1)[0].isupper()
        and not previous.group(1).endswith("'s")
        and previous.group(1).lower() not in _SENTENCE_STARTERS
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
    from_to = bool(_FROM_BEFORE.search(before) and _TO_AFTER.match(sentence, pos)) or _is_to_high(
        sentence, start
    )
    if scaled or has_separator or from_to:
        if word and (not from_to or value_text.lower() == "zero"):
            return None
        if not word and not (scaled or has_separator) and not _IN_YEAR.match(sentence, pos):
            return None
        return units.english_noun_before(sentence, start) or "count", "count", False
    return None


def _strip_zh_qualifier(sentence: str, start: int) -> int:
    match = re.search(
        r"(?:超过|超|逾|突破|不少于|至少有?|不到|不足|将近|接近|近|约|大约|达到|达|为|共计|力争达到)+$",
        sentence[:start],
    )
    return match.start() if match else start


def _is_to_high(sentence: str, start: int) -> bool:
    before = sentence[max(0, start - 160) : start]
    # why: the cheap test first; both are plain conditions, so the order does not change the result
    return bool(_FROM_WORD.search(before) and _TO_BEFORE.search(before))


def _maybe_range(sentence: str, low: Figure) -> list[Figure] | None:
    """ "5 to 5.5 percent", "5%至6%", "between 4 and 5 percent": the low end and the high end."""
    before = sentence[max(0, low.start - 30) : low.start]
    if _FROM_BEFORE.search(before):
        return None
    connector = None
    if _BETWEEN_BEFORE.search(before):
        connector = _AND_CONNECTOR.match(sentence, low.end)
    if connector is None:
        connector = _RANGE_CONNECTOR.match(sentence, low.end)
    if connector is None:
        return None
    high_match = _CORE.match(sentence, connector.end())
    if high_match is None or high_match.lastgroup != "digits":
        return None
    parsed = parse_decimal(high_match.group())
    if parsed is None:
        return None
    high = _finish_number(sentence, high_match.start(), high_match.end(), *parsed)
    if len(high) != 1:
        return None
    top = high[0]
    if low.kind in {"percent", "pp", "currency"}:
        if top.unit != low.unit or top.value <= low.value:
            return None
        return _finish_range(sentence, low, top)
    if (
        low.kind == "count"
        and top.kind in {"percent", "pp", "currency"}
        and low.end == _digits_end(sentence, low)
    ):
        return _make_range(sentence, low.start, low.end, top)
    return None


def _digits_end(sentence: str, figure: Figure) -> int:
    match = _PLAIN_DIGITS.match(sentence, figure.start)
    return match.end() if match else -1


def _attach_qualifier(sentence: str, figure: Figure) -> None:
    if figure.qualifier_own:
        return
    before = sentence[max(0, figure.start - 40) : figure.start]
    match = _EN_QUALIFIER.search(before) or _ZH_QUALIFIER.search(before)
    after = _ZH_QUALIFIER_AFTER.match(sentence, figure.end) or _EN_QUALIFIER_AFTER.match(sentence, figure.end)
    if after:
        match = after
    if match:
        word = re.sub(r"\s+", " ", match.group("q").lower())
        figure.qualifier = _QUALIFIER_OF.get(word, "exact")
        figure.qualifier_own = figure.qualifier != "exact"


def _mark_from_to(sentence: str, figure: Figure) -> None:
    before = sentence[max(0, figure.start - 30) : figure.start]
    qualifier_free = _QUALIFIER_END.sub("", before)
    figure.from_low = bool(_FROM_BEFORE.search(qualifier_free))
    figure.to_high = _is_to_high(sentence, figure.start)


def _link_conversions(sentence: str, figures: list[Figure]) -> None:
    for index in range(1, len(figures)):
        first, second = figures[index - 1], figures[index]
        if first.kind != "currency" or second.kind != "currency" or first.unit == second.unit:
            continue
        gap = _CONVERSION_GAP.match(sentence[first.end : second.start])
        if gap is None:
            continue
        second.conversion_of = index - 1 if first.conversion_of is None else first.conversion_of
        if gap.group("q"):
            second.qualifier = _QUALIFIER_OF.get(gap.group("q").lower(), "approx")
            second.qualifier_own = True
        elif not second.qualifier_own:
            second.qualifier = first.qualifier


def _spread_list_bounds(sentence: str, figures: list[Figure]) -> None:
    previous: Figure | None = None
    for figure in figures:
        if figure.conversion_of is not None:
            continue
        if (
            previous is not None
            and previous.qualifier != "exact"
            and previous.range_role is None
            and not figure.qualifier_own
            and figure.range_role is None
            and figure.kind == previous.kind
        ):
            gap = sentence[previous.end : figure.start]
            gap = re.sub(r"^\)\s*", "", gap)
            if (_LIST_GAP_EN.match(gap) and not _VERBISH.search(gap)) or _LIST_GAP_ZH.match(gap):
                figure.qualifier = previous.qualifier
        previous = figure
