"""Figures and times for people: "9.49 trillion yuan", "9.49万亿元", "US$41.5 billion", "+1.2 pp".

SQL output stays raw (base units, UTC); everything a person reads in the report, the run summary and
the CLI's tables goes through here. Numbers are formatted by babel for the figure's language; the scale
words are chosen by a small rule of our own, because babel's compact forms round to whole numbers and
cannot keep the precision the article wrote.

The scale rule:

- English (short scale): a value of at least 10^12 is written in trillions, 10^9 in billions, 10^6 in
  millions; smaller values are written out with digit grouping ("60,000 firms").
- Chinese (万/亿/万亿, the way the Chinese press writes figures): a value of at least 10^12 is written in
  万亿 (9.49万亿元), 10^8 in 亿 (5900亿元, 415亿美元), 10^4 in 万 (6万); smaller values are written out
  without grouping (1500).
- Decimals: as many as the figure's resolution (one unit of its last written digit) needs in the
  chosen scale, so "9.50 trillion" keeps its zero; at most three. Without a resolution, up to three,
  trailing zeros dropped.

Currencies: English puts "yuan" after CNY amounts and an unambiguous symbol before the others (US$,
HK$, €, JP¥); Chinese puts the currency's name after the number (元, 美元, 港元, 欧元). Percents read
"4.4%", percentage points "+1.2 pp" / "+1.2个百分点" (always signed: they are changes). Qualifiers:
approx -> "about"/"约", over -> "over"/"超过", under -> "nearly"/"近" (the extractor's `under` is
mostly "nearly"/"近"/"接近"); projections are prefixed "target:"/"目标：".
"""

from __future__ import annotations

import math
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Literal
from zoneinfo import ZoneInfo

from babel.numbers import format_decimal, get_currency_name, get_currency_symbol

Language = Literal["en", "zh"]

EN_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
ZH_SCALES = ((1e12, "万亿"), (1e8, "亿"), (1e4, "万"))
MAX_DECIMALS = 3

_LOCALES: dict[Language, str] = {"en": "en", "zh": "zh_Hans_CN"}
_EN_SYMBOL_LOCALE = "en_HK"
"""babel's en_HK symbols tell the dollars and yens apart (US$, HK$, JP¥); plain en writes $ and ¥."""
_ZH_CURRENCY = {"CNY": "元", "RMB": "元"}
_QUALIFIERS: dict[Language, dict[str, str]] = {
    "en": {"approx": "about ", "over": "over ", "under": "nearly "},
    "zh": {"approx": "约", "over": "超过", "under": "近"},
}
_UNITS_ZH = {"years": "年", "count": ""}
_UNITS_EN = {"count": ""}


def language_of(language: str | None, text: str | None = None) -> Language:
    """The language to write a figure in: the article's language, else Chinese when its quote has Han."""
    if language:
        return "zh" if language.lower().startswith("zh") else "en"
    if text and any("\u4e00" <= ch <= "\u9fff" for ch in text):
        return "zh"
    return "en"


def format_number(value: float, lang: Language = "en", *, resolution: float = 0.0) -> str:
    """A plain number in the language's scale words: "9.49 trillion", "9.49万亿", "60,000", "1500".

    Args:
        value: the number in base units.
        lang: "en" or "zh".
        resolution: one unit of the last written digit in base units (0: unknown).
    """
    if math.isnan(value):
        return "n/a"
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    magnitude = abs(value)
    scales = EN_SCALES if lang == "en" else ZH_SCALES
    for size, word in scales:
        if magnitude >= size:
            scaled = _decimal(value / size, _decimals(resolution / size if resolution else 0.0))
            grouping = "#,##0" if lang == "en" else "0"  # a zh scaled number is below 10,000: no grouping
            number = format_decimal(scaled, format=_pattern(scaled, grouping), locale=_LOCALES[lang])
            return f"{number} {word}" if lang == "en" else f"{number}{word}"
    scaled = _decimal(value, _decimals(resolution))
    grouping = "#,##0" if lang == "en" else "0"
    return format_decimal(scaled, format=_pattern(scaled, grouping), locale=_LOCALES[lang])


def format_value(
    value: float, unit: str, lang: Language = "en", *, resolution: float = 0.0, unit_text: str | None = None
) -> str:
    """A value with its unit, for people: "9.49 trillion yuan", "US$41.5 billion", "4.4%", "+1.2 pp".

    Args:
        value: the value in base units (`observations.value`).
        unit: `observations.unit`: an ISO currency code, `%`, `pp`, `years`, `count` or a counted noun.
        lang: the figure's language.
        resolution: `observations.resolution` (0: unknown).
        unit_text: `observations.unit_text`, the unit as the article wrote it: a Chinese figure of a counted
            noun says the article's noun ("6万企业") rather than the catalogue's English one.
    """
    if unit == "%":
        return f"{format_number(value, lang, resolution=resolution)}%"
    if unit == "pp":
        sign = "+" if value > 0 else ""
        number = sign + format_number(value, lang, resolution=resolution)
        return f"{number} pp" if lang == "en" else f"{number}个百分点"
    if _is_currency(unit):
        return _format_money(value, unit, lang, resolution)
    number = format_number(value, lang, resolution=resolution)
    if lang == "zh":
        word = unit_text if unit_text and _is_han(unit_text) else _UNITS_ZH.get(unit, unit)
        return f"{number}{word}" if _is_han(word) or not word else f"{number} {word}"
    word = _UNITS_EN.get(unit, unit)
    if word == "years" and value == 1:
        word = "year"
    return f"{number} {word}".rstrip()


def format_figure(
    value: float,
    unit: str,
    lang: Language = "en",
    *,
    qualifier: str = "exact",
    projection: bool = False,
    resolution: float = 0.0,
    unit_text: str | None = None,
) -> str:
    """A figure as an article would say it: "over 9.5 trillion yuan", "约3.6%", "目标：10产业集群".

    Args:
        value: the value in base units.
        unit: its unit.
        lang: the figure's language.
        qualifier: `exact`, `approx`, `over` or `under`.
        projection: a target or forecast.
        resolution: one unit of its last written digit.
        unit_text: the unit as the article wrote it (see `format_value`).
    """
    text = _QUALIFIERS[lang].get(qualifier, "") + format_value(
        value, unit, lang, resolution=resolution, unit_text=unit_text
    )
    if projection:
        text = ("target: " if lang == "en" else "目标：") + text
    return text


def format_share(share: float | None) -> str:
    """A fraction as a whole percent for tables: 0.5714 -> "57%"; None -> "—"."""
    if share is None:
        return "—"
    return f"{share:.0%}"


def format_rate(rate: float | None) -> str:
    """A per-day rate with one decimal: 1.2857 -> "1.3"; None -> "—"."""
    if rate is None:
        return "—"
    return f"{rate:.1f}"


def format_time(moment: datetime | None, zone: ZoneInfo, *, seconds: bool = False) -> str:
    """A moment in the configured time zone: "2026-01-20 17:30 CST"; a naive moment is read as UTC.

    Args:
        moment: the time (None -> "—").
        zone: `schedule.timezone` as a ZoneInfo.
        seconds: keep the seconds.
    """
    if moment is None:
        return "—"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    local = moment.astimezone(zone)
    return local.strftime("%Y-%m-%d %H:%M:%S %Z" if seconds else "%Y-%m-%d %H:%M %Z")


def format_day(moment: datetime | date | None, zone: ZoneInfo) -> str:
    """The local day of a moment: "2026-01-20"; a date is shown as it is."""
    if moment is None:
        return "—"
    if isinstance(moment, datetime):
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.astimezone(zone).date().isoformat()
    return moment.isoformat()


def format_duration(seconds: float | None) -> str:
    """A run's length: "42 s", "3 min 5 s", "1 h 2 min"; None -> "—"."""
    if seconds is None:
        return "—"
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    minutes, secs = divmod(whole, 60)
    if minutes < 60:
        return f"{minutes} min {secs} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min"


def _format_money(value: float, code: str, lang: Language, resolution: float) -> str:
    number = format_number(value, lang, resolution=resolution)
    if lang == "zh":
        name = _ZH_CURRENCY.get(code) or get_currency_name(code, locale=_LOCALES["zh"])
        return f"{number}{name}"
    if code in ("CNY", "RMB"):
        return f"{number} yuan"
    symbol = get_currency_symbol(code, locale=_EN_SYMBOL_LOCALE)
    if symbol == code:
        return f"{code} {number}"
    sign = "-" if number.startswith("-") else ""
    return f"{sign}{symbol}{number.removeprefix('-')}"


def _is_currency(unit: str) -> bool:
    return len(unit) == 3 and unit.isascii() and unit.isupper()


def _is_han(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _decimals(step: float) -> int:
    """Decimals needed to show one `step` (the resolution in the chosen scale); -1 when unknown."""
    if step > 0:
        return max(0, min(MAX_DECIMALS, -math.floor(math.log10(step) + 1e-9)))
    return -1


def _decimal(value: float, decimals: int) -> Decimal:
    if decimals < 0:  # unknown resolution: up to MAX_DECIMALS, trailing zeros dropped
        return Decimal(str(round(value, MAX_DECIMALS))).normalize()
    return Decimal(str(round(value, decimals))).quantize(Decimal(1).scaleb(-decimals))


def _pattern(number: Decimal, grouping: str = "#,##0") -> str:
    exponent = number.as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return grouping + ("." + "0" * decimals if decimals else "")


def format_interval(
    low: float | None, high: float | None, unit: str, lang: Language = "en", *, resolution: float = 0.0
) -> str:
    """The interval a side of a disagreement allows: "9.05–9.15 trillion yuan", "over 9 trillion yuan".

    Args:
        low: lower end in base units (-inf: open).
        high: upper end in base units (inf: open).
        unit: the unit.
        lang: the figure's language.
        resolution: the rounding unit of the figures (0: unknown).
    """
    if low is None or high is None:
        return "—"
    step = resolution / 2 if resolution else 0.0
    if math.isinf(high) and math.isinf(low):
        return "any value" if lang == "en" else "任意值"
    if math.isinf(high):
        # an open bound is the written figure itself: its own resolution
        return _QUALIFIERS[lang]["over"] + format_value(low, unit, lang, resolution=resolution)
    if math.isinf(low):
        return ("under " if lang == "en" else "不到") + format_value(high, unit, lang, resolution=resolution)
    first = format_value(low, unit, lang, resolution=step)
    last = format_value(high, unit, lang, resolution=step)
    shared = 0  # the unit words both ends share are written once: "9.05–9.15 trillion yuan"
    while shared < min(len(first), len(last)) and first[-1 - shared] == last[-1 - shared]:
        shared += 1
    while shared and (first[-shared].isdigit() or first[-shared] in ".,"):
        shared -= 1
    return f"{first[: len(first) - shared].rstrip()}–{last}" if shared else f"{first}–{last}"


def format_units(unit: str, unit_text: str | None) -> str:
    """Both units of a figure, canonical and as written: "enterprises (家)"; one when they are the same."""
    if not unit_text or unit_text.casefold() == unit.casefold():
        return unit
    return f"{unit} ({unit_text})"
