"""Where a number starts in a sentence, and the contexts that make it no figure at all.

Not figures: dates, times, years, ordinals, citation markers, list labels, product codes (5G, 3C,
Mate 70), phone numbers and addresses. The bare year is left to :mod:`periods`.
"""

from __future__ import annotations

import re

from gdwatch.extractors.figures.currencies import CURRENCY_BEFORE, CURRENCY_NAMES_EN
from gdwatch.extractors.figures.lexicon import MONTH_ABBREVIATIONS, MONTHS, alternation
from gdwatch.extractors.figures.numbers import WORD_TENS, WORD_UNITS
from gdwatch.extractors.figures.scan import literal_trigger, may_end_with

_ONES = [word for word, value in WORD_UNITS.items() if 0 < value < 10]
_WORDS = f"(?:{'|'.join(WORD_TENS)})(?:-(?:{'|'.join(_ONES)}))?|{'|'.join(WORD_UNITS)}"
# Matched against lower-cased text, without leading look-behinds or \b (checked in starts_cleanly):
# that lets the regex engine skip ahead by first character.
CORE = re.compile(
    r"(?P<inevery>(?:one|1)\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<ied>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})(?![a-z0-9]))"
    # 3亿2000万元: a number in 亿 and 万 together; 3兆8,215億元 in Taiwanese copy, in 兆 (10^12) and 亿
    r"|(?P<zhmixed>\d{1,4}亿\d{1,4}万|\d{1,4}兆(?:\d,\d{3}|\d{1,4})亿)"
    r"|(?P<digits>(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?)"
    r"|(?P<frac>(?P<fnum>one|a|two|three|four|five|six|seven|eight|nine)[\s-](?P<fden>halves|half|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)(?![a-z]))"
    r"|(?P<half>half(?![a-z]))"
    rf"|(?P<word>(?:{_WORDS})(?![a-z]))"
    r"|(?P<zhfrac>(?P<zden>[一二三四五六七八九十]+|\d+)分之(?P<znum>[一二三四五六七八九十]+|\d+))"
    r"|(?P<zhpct>百分之(?P<zpn>[零〇一二两三四五六七八九十百]+)(?:点(?P<zpd>[零〇一二三四五六七八九]+))?)"
    r"|(?P<zhhalf>一半|半数)"
    r"|(?P<zhbare>(?:万亿|千亿|百亿)(?=元|美元|港元|欧元))"
    r"|(?P<zhdouble>翻(?:了)?(?P<zdn>一|两|二|三|\d)番|翻番)"
    r"|(?P<zhsome>[数几](?P<zss>十万|百万|千万|十|百|千|万|亿)(?![零〇一二两三四五六七八九]))"
    r"|(?P<zhround>(?:万|亿)(?=[家个名人项座台辆元美港欧多余]))"
    # 三亿二千万, 十八亿六千万, 两万三千: a Chinese numeral written across 亿 and 万
    r"|(?P<zhcompound>[零〇一二两三四五六七八九十百千]+(?:亿[零〇一二两三四五六七八九十百千]+万"
    r"[零〇一二两三四五六七八九十百千]*|万[零〇一二两三四五六七八九十百千]+))"
    r"|(?P<zhnum>[零〇一二两三四五六七八九十百千]+)"
)
"""One number core: digits, an English or Chinese number word, a fraction ("one-third", 四分之三)."""
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
        "翻",
        "数",
        "几",
        "万",
        "亿",
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
        *WORD_TENS,
        *WORD_UNITS,
    ]
)
"""Where a number core may start (see :mod:`scan`)."""

_ROUND_BOUNDS = "上近逾超约过破"
"""Bound characters a round 万 or 亿 stands alone after (上万家 = more than 10,000)."""
_MONTHS = alternation((*MONTH_ABBREVIATIONS, *MONTHS))
_MONTH_BEFORE = re.compile(rf"(?:^|[^A-Za-z])(?:{_MONTHS})\.?\s*$", re.I)
_MONTH_ENDS = (*MONTH_ABBREVIATIONS, *MONTHS)
_MONTH_AFTER = re.compile(rf"\s*(?:{_MONTHS})\b", re.I)
_LETTERS_BEFORE = re.compile(r"[A-Za-z]+$")
_LABEL_WORDS = (
    "no", "nos", "group", "part", "phase", "article", "section", "chapter", "model", "top", "fortune",
    "global", "room", "tel", "phone", "fax", "hotline", "line", "metro", "level", "grade", "tier", "step",
    "round", "item", "vol", "issue", "page", "building", "floor", "hall", "zone", "booth", "gate", "terminal",
    "route", "bus", "flight", "version", "series", "app", "mate", "pura", "iphone", "galaxy", "pixel",
    "windows", "class", "figure", "fig", "table", "district", "road", "street", "avenue",
)  # fmt: skip
_LABEL_BEFORE = re.compile(
    rf"(?:^|[^A-Za-z])(?<!to )(?:{'|'.join(_LABEL_WORDS)})\.?\s*#?$",
    re.I,
)
_GLUED_UNIT = re.compile(r"(?:bn|mn|mln|bln|tn|pct|pp|t|b)(?![A-Za-z])", re.I)
_COMPACT_AFTER = re.compile(
    r"-(?:percent|per-cent|pct|thousand|million|billion|trillion|mln|bln|mn|bn|tn|yuan|dollars?|times)(?![a-z])"
    r"|-(?:year|quarter|month)\s+(?:winning\s+|growth\s+|unbroken\s+)?(?:run|streak|stretch)\b",
    re.I,
)
"""Hyphenated compact notation: "4.9-percent", "a 4-trillion-yuan", "a 33-year run"."""
_LABEL_COLON = re.compile(r"[\u4e00-\u9fff]:$")
_BROKEN_DECIMAL_AFTER = re.compile(r"(?: +\. *| *\. +)\d")
_BROKEN_DECIMAL_BEFORE = re.compile(r"\d(?: +\. *| *\. +)$")
_SPACE_GROUPED = re.compile(r" \d{3}(?![\d,])")
_SPACE_GROUP_BEFORE = re.compile(r"(?<![\d.,])\d{1,3} $")
_DOT_DIGIT_OR_HYPHEN_WORD = re.compile(r"\.\d|-[A-Za-z]")
_YEAR_ONLY = re.compile(
    r"(?:19|20)\d\d(?![\d.,%年万亿千百多余家个名户人辆台套元美港欧架艘列座项宗次米吨条款种所位批件部颗只亩标])"
    r"(?!\s*(?:percent|per cent|pct|thousand|million|billion|trillion|bn|mn|bln|mln|tn"
    rf"|{CURRENCY_NAMES_EN}|万|亿|兆|[千百十][万亿]))",
    re.I,
)

# "RMB1900", "US$2000", 人民币1900: four digits after a currency are an amount, never a year
_CURRENCY_BEFORE = re.compile(r"(?:rmb|cny|\$|¥|￥|€|£|人民币|人民幣|港币|港幣|新台币|新台幣)\s*$", re.I)


def starts_cleanly(lowered: str, match: re.Match[str]) -> bool:
    """The left boundary the pattern leaves out (a word, a number, 第, a bare 千亿 after a digit).

    Args:
        lowered: the sentence with ASCII letters lower-cased.
        match: a :data:`CORE` match in it.

    Returns:
        True when the core starts a number of its own.
    """
    start = match.start()
    previous = lowered[start - 1] if start else ""
    kind = match.lastgroup
    if kind in {"inevery", "frac", "half", "word"} and lowered[start].isalpha():
        return not (previous.isascii() and previous.isalpha())
    if kind == "digits":
        return not (previous in {".", ","} and lowered[start - 2 : start - 1].isdigit())
    if kind == "zhbare":
        # why: after "1900 " the scale belongs to the number (a spaced scale), never stands alone
        nearest = lowered[:start].rstrip(" ")[-1:]
        return not (previous.isdigit() or previous in ".万亿千百十" or nearest.isdigit())
    if kind in {"zhnum", "zhcompound"}:
        return previous != "第"
    if kind == "zhround":
        return previous in _ROUND_BOUNDS  # why: 上万家, 近亿元; a 万 after anything else is a scale word
    if kind == "zhsome":
        return previous != "第"
    return True


def is_bare_year(sentence: str, start: int, end: int) -> bool:
    """Whether four digits are a year written alone (never a value; :mod:`periods` reads it).

    Args:
        sentence: the sentence.
        start: where the digits start.
        end: where they end.

    Returns:
        True for "2025" in "in 2025", False for "2025 yuan" or "2021-2025".
    """
    return (
        end - start == 4
        and bool(_YEAR_ONLY.match(sentence, start))
        and not sentence.startswith("-", end)
        and not _CURRENCY_BEFORE.search(sentence, max(0, start - 8), start)
    )


def is_not_a_figure(sentence: str, start: int, end: int) -> bool:
    """Context that makes a digit run a date, time, code, label, citation or address.

    Args:
        sentence: the sentence.
        start: where the digits start.
        end: where they end.

    Returns:
        True when the digits are not a figure.
    """
    before = sentence[max(0, start - 24) : start]
    after = sentence[end : end + 3]
    if before.endswith(("+", "/", "=", "_", "@", "#", ".", "第")) or after.startswith(("/", ":")):
        return True
    # why: "($1 = 7.1046 yuan)", a wire story's exchange-rate line, states a rate, not a figure
    if before.rstrip(" ").endswith("=") or after.lstrip(" ").startswith("="):
        return True
    if before.endswith(":") and not _LABEL_COLON.search(before):
        return True  # why: a time (10:30) or a ratio; "某公司：8520万元" after a label colon is a figure
    # why: "1 .5万亿元" is OCR noise and "8 600亿元" groups digits with a space; reading 1, 5 or 600 alone
    # would be a silent error. The cheap test on the neighbouring character comes first.
    if after[:1] in {" ", "."} and (
        _BROKEN_DECIMAL_AFTER.match(sentence, end) or _SPACE_GROUPED.match(sentence, end)
    ):
        return True
    tail = before[-8:]
    if tail[-1:] in {" ", "."} and (_BROKEN_DECIMAL_BEFORE.search(tail) or _SPACE_GROUP_BEFORE.search(tail)):
        return True
    # why: each match below is tried only where its first character is (a letter, a dot or hyphen)
    first = after[:1]
    if first.isalpha() and first.isascii() and not _GLUED_UNIT.match(sentence, end):
        return True
    if (
        first in {".", "-"}
        and _DOT_DIGIT_OR_HYPHEN_WORD.match(after)
        and not _COMPACT_AFTER.match(sentence, end)
    ):
        return True
    # why: _LETTERS_BEFORE ends at the end of the text or before a final newline; most windows end in neither
    last = before[-2:].removesuffix("\n")[-1:]
    letters = last.isascii() and last.isalpha() and _LETTERS_BEFORE.search(before)
    if letters and not CURRENCY_BEFORE.search(before):
        return True
    if before.endswith("[") and after.startswith("]"):
        return True
    if before.endswith(("(", "（")) and after.startswith((")", "）")):
        return True
    # why: the search before tries every offset; most windows end with no month name
    month_before = may_end_with(before, _MONTH_ENDS, ".") and _MONTH_BEFORE.search(before)
    # a month name after spaces: a letter (or one a case-insensitive match folds to i, s, k) or a space
    month_next = first.isspace() or (first.isalpha() and (first.isascii() or first in "İıſK"))
    return bool(month_before or (month_next and _MONTH_AFTER.match(sentence, end)))


def is_label(before: str) -> bool:
    """Whether a number is a label ("No. 3", "Group 2", "Mate 70", "Fortune 500").

    Args:
        before: the text before the number.

    Returns:
        True for a label.
    """
    # why: the search tries every offset; most windows end with no label word
    return may_end_with(before, _LABEL_WORDS, ".#") and bool(_LABEL_BEFORE.search(before))
