"""Number vocabulary and parsing for English and Chinese news text: digits, scale words, word numbers.

Offsets matter more than anything here: :func:`normalize` maps full-width digits and punctuation to
ASCII and traditional Chinese characters to simplified ones (:mod:`script`), one character for one
character, so an offset in the normalized text is an offset in the original text.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

from gdwatch.extractors.figures.script import traditional_to_simplified

_FULLWIDTH = {chr(0xFF01 + i): chr(0x21 + i) for i in range(0x5E)}
_EXTRA = {
    "\u3000": " ",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\uffe5": "¥",
    "\uff0e": ".",
}
_REPLACEMENT = traditional_to_simplified() | _FULLWIDTH | _EXTRA
NORMALIZE_TABLE = str.maketrans(_REPLACEMENT)
_NEEDS_NORMALIZING = re.compile("[" + "".join(re.escape(ch) for ch in sorted(_REPLACEMENT)) + "]")

SCALES_EN: dict[str, float] = {
    "thousand": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bln": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
# Longest first so that 万亿 is read before 万.
SCALES_ZH: dict[str, float] = {
    "万亿": 1e12,
    "千亿": 1e11,
    "百亿": 1e10,
    "十亿": 1e9,
    "千万": 1e7,
    "百万": 1e6,
    "十万": 1e5,
    "万": 1e4,
    "亿": 1e8,
    "兆": 1e12,  # why: Taiwanese copy writes 兆 for 万亿; 兆瓦 (megawatt) is refused in :mod:`measures`
}

WORD_UNITS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
WORD_TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
DENOMINATORS: dict[str, int] = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "ninth": 9,
    "ninths": 9,
    "tenth": 10,
    "tenths": 10,
}

ZH_DIGITS: dict[str, int] = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
ZH_UNITS: dict[str, int] = {"十": 10, "百": 100, "千": 1000}
ZH_NUMERAL_CHARS = "".join(ZH_DIGITS) + "".join(ZH_UNITS)


def normalize(text: str) -> str:
    """Map full-width forms to ASCII and traditional Chinese to simplified, without changing the length.

    Args:
        text: any text.

    Returns:
        The text with every full-width form replaced by its ASCII twin and every traditional character
        by its simplified one (萬億 -> 万亿, 個 -> 个), one character for one.
    """
    present = set(_NEEDS_NORMALIZING.findall(text))
    if len(present) > 8:
        return text.translate(NORMALIZE_TABLE)
    # why: replacing the few characters present is much faster than translating every character
    for char in present:
        text = text.replace(char, _REPLACEMENT[char])
    return text


_WORDING = {"依次": "分别", "in that order": " respectively"}
"""Words written one way for the reader, of the same length: 依次 and "in that order" list as 分别 and
"respectively" do."""
_WORDING_RE = re.compile("|".join(_WORDING))


def same_length_wording(normalized: str) -> str:
    """Write the few words that mean what another word means as that word (依次 -> 分别), offsets kept.

    Args:
        normalized: normalized text (:func:`normalize`).

    Returns:
        The text, of the same length.
    """
    if not any(word in normalized for word in _WORDING):
        return normalized
    return _WORDING_RE.sub(lambda match: _WORDING[match.group()], normalized)


def parse_decimal(digits: str) -> tuple[float, float] | None:
    """Read "1,865.4" or "12" as a value and the size of one unit of its last digit.

    Args:
        digits: ASCII digits with optional thousands commas and one decimal point.

    Returns:
        (value, resolution), e.g. (1865.4, 0.1); None if the string is not a finite number.
    """
    plain = digits.replace(",", "")
    if not plain or len(plain) > 24:
        return None
    try:
        value = float(plain)
    except ValueError:
        return None
    if not math.isfinite(value):
        return None
    decimals = len(plain.split(".", 1)[1]) if "." in plain else 0
    return value, 10.0**-decimals


def parse_word_number(words: str) -> int | None:
    """Read an English number word or hyphenated compound ("nine", "twenty-five") as an integer.

    Args:
        words: lower- or mixed-case number words.

    Returns:
        The integer, or None if the words are not a number below one hundred.
    """
    parts = words.lower().replace("-", " ").split()
    if len(parts) == 1:
        word = parts[0]
        return WORD_UNITS.get(word, WORD_TENS.get(word))
    if len(parts) == 2 and parts[0] in WORD_TENS and parts[1] in WORD_UNITS and 0 < WORD_UNITS[parts[1]] < 10:
        return WORD_TENS[parts[0]] + WORD_UNITS[parts[1]]
    return None


def parse_chinese_numeral(numeral: str) -> int | None:
    """Read a Chinese numeral below ten thousand ("十一", "三百二十", "九") as an integer.

    Args:
        numeral: characters from 零〇一二两三四五六七八九十百千.

    Returns:
        The integer, or None when the characters do not form a well-written numeral (十四五 is a plan
        name, not a number).
    """
    if not numeral or any(ch not in ZH_NUMERAL_CHARS for ch in numeral):
        return None
    total = 0
    digit: int | None = None
    last_unit = 10_000
    for index, ch in enumerate(numeral):
        if ch in "零〇" and digit is None and total > 0 and index + 1 < len(numeral):
            continue  # why: 一百零一 writes a zero for the empty tens place; it adds nothing
        if ch in ZH_DIGITS:
            if digit is not None:
                return None
            digit = ZH_DIGITS[ch]
        else:
            unit = ZH_UNITS[ch]
            if unit >= last_unit:
                return None
            total += (1 if digit is None else digit) * unit
            digit = None
            last_unit = unit
    if digit is not None:
        total += digit
    return total


def compound_number(written: str) -> int | None:
    """Read a number written across 亿 and 万 ("三亿二千万" -> 320000000, "两万三千" -> 23000, "3亿2000万" ->
    320000000) or across Taiwan's 兆 (10^12) and 亿 ("3兆8,215亿" -> 3821500000000), or None when a part is
    not a number below ten thousand.

    Args:
        written: the number, simplified.

    Returns:
        The integer, or None.
    """
    total = 0
    rest = written
    for scale_word, scale in (("兆", 10**12), ("亿", 100_000_000), ("万", 10_000)):
        head, found, tail = rest.partition(scale_word)
        if not found:
            continue
        head = (head.lstrip("零〇") if total else head).replace(",", "")
        part = int(head) if head.isdigit() else parse_chinese_numeral(head)
        if part is None or not 0 < part < 10_000:
            return None
        total += part * scale
        rest = tail
    rest = rest.lstrip("零〇")  # 一亿零五百万: a zero for the empty places before the next part
    if rest:
        last = int(rest) if rest.isdigit() else parse_chinese_numeral(rest)
        if last is None or not 0 <= last < 10_000:
            return None
        total += last
    return total


def scale_value(value: float, scale: float) -> float:
    """Multiply by a power of ten without binary noise (8.12 x 1e12 is 8.12e12, not 8119999999999.999).

    Args:
        value: the number as written.
        scale: a power of ten (1, 1e4, 1e12, 1e-2, ...).

    Returns:
        The product, correctly rounded.
    """
    if scale == 1.0 and type(value) is float and math.isfinite(value):
        return value  # why: a float's repr reads back as the same float, so this is the exact path's result
    exponent = round(math.log10(scale)) if scale > 0 else 0
    if scale <= 0 or 10.0**exponent != scale:
        return value * scale
    if not math.isfinite(value):
        return value * scale
    written = repr(value)
    if type(value) is float and "e" not in written:
        # why: float() of a decimal string is correctly rounded, as float() of a Decimal is, and "9.1e12" is
        # exactly Decimal("9.1").scaleb(12) (a float's repr has at most 17 digits: scaleb does not round)
        return float(f"{written}e{exponent}")
    return float(Decimal(written).scaleb(exponent))


def fraction_percent(numerator: int, denominator: int) -> float:
    """Express numerator/denominator as a percentage (one-third -> 33.33...).

    Args:
        numerator: the count of parts.
        denominator: the number of parts in the whole (non-zero).

    Returns:
        The percentage as a float.
    """
    return numerator * 100 / denominator


def small_number(text: str) -> int | None:
    """Read a small number written in digits, English words or Chinese numerals ("12", "three", 十二).

    Args:
        text: the number as written.

    Returns:
        The integer, or None if it is not a number.
    """
    if text.isdigit():
        return int(text)
    return parse_word_number(text) if text.isascii() else parse_chinese_numeral(text)
