"""How a percent is written: as a growth rate, a share or a level; and whether a change is a decline.

A percent written as a change ("rose 6.1%") prefers metrics ending in ``_growth``, one written as a share
("accounted for 36.6 percent of") metrics ending in ``_share`` (docs/architecture.md "Metric keys"). A
decline is a negative value ("exports fell 2.1%", 下降2.1% -> -2.1).
"""

from __future__ import annotations

import re

from gdwatch.extractors.figures.figure import Figure
from gdwatch.extractors.figures.lexicon import (
    COMPARISON_WORDS_EN,
    DECLINE_AFTER_EN,
    DECLINE_CUES_EN,
    DECLINE_WORDS_ZH,
    GROWTH_NOUNS_EN,
    GROWTH_WORDS_EN,
    GROWTH_WORDS_ZH,
    MONTHS,
    RISE_CUES_EN,
    RISE_WORDS_ZH,
    alternation,
)
from gdwatch.extractors.figures.scan import may_end_with


def _before(english: tuple[str, ...], chinese: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(english)})\b|{alternation(chinese)}", re.I)


def _after(english: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"^\s*(?:{alternation(english)})\b", re.I)


_SHARE_BEFORE = re.compile(
    r"(?:account(?:ed|ing|s)? for|made up|make up|makes up|making up|represent(?:ed|ing|s)?|share of|"
    # "share" alone, not "shares of the company rose" or "profit attributable to shareholders grew"
    r"\bshare\b(?!\s+price)|proportion|, or|占比|占据|占|比重|份额)[^.;%]{0,60}$",
    re.I,
)
_SHARE_AFTER = re.compile(
    r"^\s*(?:of\s+(?:the|its|their|them|all|total|Guangdong|China|national|the country)|的份额|的比重)", re.I
)
_LEVEL_BEFORE = re.compile(r"(?:\bto|\bat|至|到|为|达)\s*$", re.I)
_GROWTH_BEFORE = _before(GROWTH_WORDS_EN, GROWTH_WORDS_ZH)
# a growth or decline word with at most "by", a bound and 了 between it and the number
_MOVE_WORDS_EN = alternation((*GROWTH_WORDS_EN, *DECLINE_CUES_EN))
_MOVE_WORDS_ZH = alternation((*GROWTH_WORDS_ZH, *DECLINE_WORDS_ZH))
_MOVE_WORD_RIGHT_BEFORE = re.compile(
    rf"(?:\b(?:{_MOVE_WORDS_EN})|{_MOVE_WORDS_ZH})"
    r"(?:\s+by)?(?:\s+(?:more|less)\s+than|\s+(?:nearly|almost|about|around|over|roughly|some))?\s*"
    r"(?:了|约|近|逾|超过|超)?\s*$",
    re.I,
)
_GROWTH_AFTER = _after(GROWTH_NOUNS_EN)
_DECLINE_BEFORE = _before(DECLINE_CUES_EN, DECLINE_WORDS_ZH)
_RISE_BEFORE = _before(RISE_CUES_EN, RISE_WORDS_ZH)
_DECLINE_AFTER = _after(DECLINE_AFTER_EN)
# "... up 2.8 percent from a year earlier and 1.1 percent from October": a comparison base right after a
# percent makes it a change even when its verb was written once, before the first rate
_BASE_AFTER = re.compile(
    r"^\s*(?:year[- ]on[- ]year|month[- ]on[- ]month|quarter[- ]on[- ]quarter|"
    rf"(?:{alternation(COMPARISON_WORDS_EN)})\s+"
    r"(?:a\s+year\s+(?:earlier|ago)|the\s+(?:same|previous|prior|preceding)\b|"
    rf"last\s+(?:year|month|quarter)|(?:{alternation(MONTHS)})\b))",
    re.I,
)


_SHARE_PIECES_EN = ("account", " up", "repre", "hare", "proport", ", or")
"""A piece of each English word of :data:`_SHARE_BEFORE`, with no letter (i, s, k) that a case-insensitive
match also reads from a non-ASCII letter."""


def _may_name_a_share(before: str) -> bool:
    """Whether :data:`_SHARE_BEFORE` may match: one of its words is there (it tries every offset)."""
    if "占" in before or "比重" in before or "份额" in before:
        return True
    lowered = before.lower()
    return any(piece in lowered for piece in _SHARE_PIECES_EN)


def figure_role(figure: Figure, before: str, after: str) -> str:
    """The role of a figure: "level" for every non-percent, else as :func:`percent_role` reads it.

    Args:
        figure: the figure.
        before: the clause text before the figure (since the previous figure).
        after: the text right after the figure.

    Returns:
        "level", "share" or "growth"; a fraction written in words ("one-third") is a share.
    """
    if figure.kind not in {"percent", "pp"}:
        return "level"
    if figure.resolution == 0.0 and figure.kind == "percent":
        # "rose by more than a third", 增长百分之三十: a change written in words; anywhere else a share
        if _may_name_a_share(before) and _SHARE_BEFORE.search(before):
            return "share"  # "making up about one-fifth": "up" is no rise here
        return "growth" if _MOVE_WORD_RIGHT_BEFORE.search(before) else "share"
    return percent_role(before, after)


def percent_role(before: str, after: str) -> str:
    """Whether a percent figure is written as a growth rate, a share or a level.

    Args:
        before: the clause text before the figure (since the previous figure).
        after: the text right after the figure.

    Returns:
        "share", "level" or "growth".
    """
    if _GROWTH_AFTER.match(after):
        return "growth"  # "6.1 per cent more than a year earlier", even after "representing 223 countries"
    if (_may_name_a_share(before) and _SHARE_BEFORE.search(before)) or _SHARE_AFTER.match(after):
        return "share"
    if may_end_with(before, ("to", "at", "至", "到", "为", "达")) and _LEVEL_BEFORE.search(before):
        return "level"  # why: the search tries every offset; the cheap test on its words comes first
    if _GROWTH_BEFORE.search(before) or _GROWTH_AFTER.match(after) or _BASE_AFTER.match(after):
        return "growth"
    # why: the search tries every offset; it cannot match without one of its two characters
    if ("升" in before or "跌" in before) and _MOVE_RIGHT_BEFORE.search(before):
        return "growth"
    return "level"


# Hong Kong's press writes a rise or a fall with one character right before the rate: "出口升14.8%",
# "港產品出口跌4.1%", "按年升11.8%"; anywhere else in a clause 升 and 跌 are too common (升级) to mean one
_MOVE_RIGHT_BEFORE = re.compile(r"[升跌](?:了|约|逾|近)?$")
_FALL_RIGHT_BEFORE = re.compile(r"跌(?:了|约|逾|近)?$")


# a level's drop against a base: "down HK$0.8 from", "narrowed by 68 billion yuan", "HK$0.9 less than a week
# before", "four fewer than in 2023", 较一周前平0.4元 (Hong Kong's 平, cheaper), 减少68亿元
_LEVEL_DROP_BEFORE = re.compile(
    r"\b(?:down|fell|dropped|declined|decreased|narrowed|shrank|eased|slipped)(?:\s+by)?"
    r"(?:\s+(?:about|around|nearly|almost|some|roughly))?\s*$|(?:减少|下降|下跌|回落|收窄|(?<!持)平|跌|少)了?\s*$",
    re.I,
)
_LEVEL_DROP_AFTER = re.compile(r"^\s*(?:less|lower|cheaper|fewer|below)\b", re.I)


def is_level_drop(before: str, after: str) -> bool:
    """Whether an amount or a count is written as a drop against a base (then it is a negative change).

    Args:
        before: the clause text before the figure.
        after: the text right after it.
    """
    return _LEVEL_DROP_AFTER.match(after) is not None or _LEVEL_DROP_BEFORE.search(before[-24:]) is not None


def is_decline(before: str, after: str) -> bool:
    """Whether a growth figure is written as a decline ("fell 2.1%", 下降2.1%, "a 3% drop").

    Args:
        before: the clause text before the figure (since the previous figure).
        after: the text right after the figure.

    Returns:
        True for a decline.
    """
    if _DECLINE_AFTER.match(after) or ("跌" in before and _FALL_RIGHT_BEFORE.search(before)):
        return True
    declines = list(_DECLINE_BEFORE.finditer(before))
    if not declines:
        return False
    rises = list(_RISE_BEFORE.finditer(before))
    return not rises or rises[-1].start() < declines[-1].start()
