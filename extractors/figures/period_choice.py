"""Which period a figure gets: the nearest one in its clause, else earlier in its sentence, else later in it,
else the period in force (:mod:`document`: stated by the headline, the lede or an earlier paragraph).

A point in time ("as of the end of June") is given as such to counts only; a flow named with it takes
the span it ends (截至2025年底 -> 2025). A later period in a projection clause ("..., and aims to ... by
2030") is given only to a figure that is itself written as a projection. See docs/architecture.md ("period").
"""

from __future__ import annotations

import datetime
import re
from datetime import timedelta

from gdwatch.extractors.figures.facts import SentenceFacts
from gdwatch.extractors.figures.figure import MULTIPLE_KIND, Figure
from gdwatch.extractors.figures.lexicon import PRICE_WORDS
from gdwatch.extractors.figures.periods import PeriodMention
from gdwatch.extractors.figures.projection import in_projection_clause
from gdwatch.extractors.figures.scan import may_end_with

_ATTACHING = re.compile(r"\s*(?:in|by|during|as of)\b")
# a count written in the present tense is what exists when the article appears
_PRESENT_STOCK = re.compile(
    r"\b(?:has|have|there are|there is|is home to|boasts|hosts)\b|拥有|现有|共有|已有|有", re.I
)

# a sentence opening with what exists: "The town is home to ..., with over 180 exhibition halls"
_PRESENT_STOCK_OPENING = re.compile(r"[^,;.，；。]{0,60}?\b(?:is home to|boasts|has|have|there are)\b", re.I)


def choose_period(
    facts: SentenceFacts,
    figure: Figure,
    cue: bool,
    in_force: str | None,
    published: datetime.date | None,
    stock: bool = False,
) -> str | None:
    """The period of a figure.

    Args:
        facts: the figure's sentence.
        figure: the figure.
        cue: whether the figure is written as a projection (:func:`projection.has_cue`).
        in_force: the period in force for the figure (:meth:`document.DocumentState.in_force_for`).
        published: the publication date: "the province has 12 clusters" counts what exists on that day.
        stock: whether the figure is a share of what exists at a moment (staff, firms), so that a point
            in time named with it is its period, as for a count.

    Returns:
        The period as written in docs/architecture.md, or None.
    """
    chosen = _mention(facts, figure, cue)
    if chosen is None:
        if (
            figure.kind == "count"
            and published
            and not cue
            and (
                _PRESENT_STOCK.search(facts.window_before_figure(figure))
                or _PRESENT_STOCK_OPENING.match(facts.body, 0, figure.start)
            )
        ):
            return published.isoformat()
        return in_force
    if chosen.point and (stock or figure.kind == "count"):
        return chosen.period
    clause_start, clause_end = facts.clause(figure.start)
    elsewhere = not clause_start <= chosen.start < clause_end
    if chosen.point and chosen.span == chosen.period and in_force is not None and elsewhere:
        # "exports grew 3.1 percent over the period, which means the Middle East now takes 6.5 percent":
        # a "now" of another clause dates what exists today, not the flow, which keeps the span in force
        return in_force
    return chosen.flow_period


def _mention(facts: SentenceFacts, figure: Figure, cue: bool) -> PeriodMention | None:
    if not facts.periods:
        return None
    clause_start, clause_end = facts.clause(figure.start)
    in_clause = [m for m in facts.periods if clause_start <= m.start < clause_end]
    if in_clause:
        end = _effective_end(facts.body, figure)
        return min(in_clause, key=lambda m: _distance(m, figure, end) - _attached_after(facts.body, m, end))
    earlier = [m for m in facts.periods if m.end <= figure.start]
    if earlier:
        return earlier[-1]
    later = [
        m for m in facts.periods if m.start >= figure.end and (cue or not in_projection_clause(facts, m))
    ]
    if later:
        return later[0]
    return None


def _attached_after(body: str, mention: PeriodMention, end: int) -> float:
    """Half a character of preference for "X in 2025" over "2021 to X": English dates follow figures."""
    return 0.5 if mention.start >= end and _ATTACHING.match(body[end:]) else 0.0


def _effective_end(body: str, figure: Figure) -> int:
    """Where a count's noun ends ("12 trillion-yuan clusters"), so "by 2028" after it is close."""
    if figure.kind == "count" and figure.noun_after and figure.unit_text:
        found = body.find(figure.unit_text, figure.end, figure.end + 60)
        if found != -1:
            return found + len(figure.unit_text)
    return figure.end


def _distance(mention: PeriodMention, figure: Figure, end: int) -> int:
    if mention.end <= figure.start:
        return figure.start - mention.end
    if mention.start >= end:
        return mention.start - end
    return 0


# The value a comparison is made against is the base's own figure: "compared with 12.6 million in 2024",
# 由2024年的4.1:38.9:57.0调整为…, 较2024年的22%上升, "4.1:40.1:55.8 a year earlier"
_COMPARED_BEFORE = re.compile(
    r"(?:compared (?:with|to)|versus|up from|down from|from|than|against)\s*$", re.I
)
_COMPARED_ENDS = ("with", "to", "versus", "from", "than", "against")
_BASE_THEN_FIGURE = re.compile(r"^的?(?:\d+(?:\.\d+)?:)*$")  # the ratio's later parts too
_BASE_WORD_BEFORE = re.compile(r"[由较比从]\s*$")
_IN_BASE_AFTER = re.compile(r"^\s*(?:[a-z]+\s+){0,2}?(?:in|at the end of|by the end of)\s+$", re.I)
_IN_THE_SAME_PART_OF = re.compile(
    r"^\s*in\s+the\s+(?:same|matching|corresponding|comparable)\s+(?:quarter|period|months?|half)\s+(?:of|in)\s+$",
    re.I,
)
_RATIO_PARTS_BEFORE = re.compile(r"(?:\d+(?:\.\d+)?[:∶])*$")
_RATIO_PARTS_AFTER = re.compile(r"(?:[:∶]\d+(?:\.\d+)?)*")
# "against 32.1 per cent a year earlier", "twelve months before", "in the July-September quarter of last year"
_YEAR_EARLIER_AFTER = re.compile(
    r"^\s*(?:[a-z]+\s+){0,2}?(?:a year|twelve months|12 months) (?:earlier|ago|before)\b"
    r"|^\s*(?:in|for) the (?:same |corresponding )?[\w-]+ (?:quarter|half|period|months?) (?:of|in) "
    r"last year\b"
    r"|^\s*(?:in|for) the same (?:quarter|half|period|months?) (?:a year (?:earlier|ago|before)|last year)\b",
    re.I,
)


def base_period(facts: SentenceFacts, figure: Figure, period: str | None) -> str | None:
    """The period of a figure that is itself the value a comparison is made against, else ``period``.

    Args:
        facts: the figure's sentence (its comparison bases are in ``facts.bases``).
        figure: the figure.
        period: the period chosen for it so far.

    Returns:
        The base's period for a base value, else ``period``.
    """
    body = facts.body
    # the other parts of a ratio ("4.1:40.1:55.8 a year earlier") share the first part's words
    # why: the search tries every offset before the figure; only a ratio's colon right before it (or a
    # newline, where the end anchor also matches) lets a match start before the figure
    parts_before = (
        _RATIO_PARTS_BEFORE.search(body, 0, figure.start)
        if body[figure.start - 1 : figure.start] in {":", "∶", "\n"}
        else None
    )
    parts_after = _RATIO_PARTS_AFTER.match(body, figure.end)
    ratio_start = parts_before.start() if parts_before else figure.start
    ratio_end = parts_after.end() if parts_after else figure.end
    window = body[max(0, ratio_start - 20) : ratio_start]
    compared = may_end_with(window, _COMPARED_ENDS) and bool(_COMPARED_BEFORE.search(window))
    for base in facts.bases:
        if (
            base.end <= figure.start
            and _BASE_THEN_FIGURE.match(body[base.end : figure.start])
            and _BASE_WORD_BEFORE.search(body[max(0, base.start - 2) : base.start])
        ):
            return base.flow_period
        if (
            compared
            and period is not None
            and base.start >= figure.end
            and _IN_THE_SAME_PART_OF.match(body[figure.end : base.start])
            and period[:4] == str(int(base.period[:4]) + 1)
        ):
            # "from 41.6% in the matching quarter of 2025": the quarter in force, a year earlier
            return year_earlier(period)
        if compared and base.start >= figure.end and _IN_BASE_AFTER.match(body[figure.end : base.start]):
            # "up from seven at the end of 2020": a count compared at a point keeps the point
            return base.period if base.point and figure.kind == "count" else base.flow_period
    if compared and period is not None and _YEAR_EARLIER_AFTER.match(body[ratio_end : ratio_end + 60]):
        return year_earlier(period)
    if (
        period is not None
        and figure.kind != MULTIPLE_KIND
        and _YEAR_EARLIER_BEFORE_ZH.search(body, max(0, ratio_start - 12), ratio_start)
    ):
        # "中期息每股3港仙，去年同期为2港仙": the value of the same period a year before
        return year_earlier(period)
    if (
        period is not None
        and _UP_FROM_BEFORE.search(window)
        and _CLAUSE_ENDS_AFTER.match(body, ratio_end)
        and _PART_OF_A_YEAR.fullmatch(period)
    ):
        # "an interim payout of 9.5 HK cents a share, up from 8 HK cents": a half's or a quarter's figure is
        # compared with the same part of the year before
        return year_earlier(period)
    return period


_UP_FROM_BEFORE = re.compile(r"\b(?:up|down)\s+from\s*$", re.I)
_YEAR_EARLIER_BEFORE_ZH = re.compile(r"(?:去年|上年)同期(?:则|仅|只|也)?(?:为|是|的)\s*(?:每股)?$")
_CLAUSE_ENDS_AFTER = re.compile(r"[^,;.\d]{0,20}(?:[.;]|$)")  # its unit words, then the end
_PART_OF_A_YEAR = re.compile(r"\d{4}-(?:H[12]|Q[1-4])|\d{4}-01\.\.\d{4}-(?:0[2-9]|1[01])")


def year_earlier(period: str) -> str:
    """The same period a year before ("2025-H1" -> "2024-H1", "2025-01..2025-09" -> "2024-01..2024-09")."""
    shifted = re.sub(r"\d{4}", lambda m: str(int(m.group()) - 1), period)
    return re.sub(r"-02-29\b", "-02-28", shifted)


# A share price and its move are dated on the trading day (docs/figure-labels-v2.md, "share price")
# the verbs of a share's move on the day; a price named by its close adds "closed", "ended", "finished"
_SHARE_MOVES = (
    "rose|fell|gained|jumped|climbed|surged|slipped|dropped|added|lost"
    "|slid|tumbled|soared|advanced|declined|edged"
)
_SHARE_PRICE = re.compile(
    r"\bshares?\s+(?:of|in)\b|\b(?:its|the company's|the firm's|[a-z]+-listed)\s+shares\b|\bthe stock\b"
    # a firm's shares by name ("Zaoyue's shares", "Willowmere shares", "Canopia's stock"), "the shares" and
    # "Hong Kong-traded shares" only when they move: "China's shares of world exports" is no share price
    r"|(?:(?-i:\b[A-Z][\w-]*(?:'s)?\s+(?:\(\d{4,6}\)\s+)?(?:H\s+)?(?:shares|stock))|\bthe\s+shares"
    r"|\b[a-z]+-traded\s+shares)\b"
    rf"(?=.{{0,80}}?\b(?:{_SHARE_MOVES}|closed|ended|finished|were\s+(?:up|down))\b)"
    r"|股价|股價|收盘|收盤|收市|收报|收報|收在|报收|報收|收[涨漲跌升]",
    re.I,
)
_SHARE_WORDS = (
    *("share", "Share", "SHARE", "stock", "Stock", "STOCK"),
    *(
        "股价",
        "股價",
        "收盘",
        "收盤",
        "收市",
        "收报",
        "收報",
        "收在",
        "报收",
        "報收",
        "收涨",
        "收漲",
        "收跌",
        "收升",
    ),
)
_YESTERDAY = re.compile(r"\byesterday\b|昨", re.I)
# 昨（7）日, 前日（27日）, and a day of the month opening the clause (28日，…股价收涨3.7%)
_DAY_IN_BRACKETS = re.compile(
    r"[昨前]\s*[（(]\s*(\d{1,2})\s*[)）]\s*日|[昨前]日\s*[（(]\s*(\d{1,2})\s*日\s*[)）]|(?<![月\d])(\d{1,2})日[，,]"
)
_SINCE = re.compile(r"以来|以來|\bthis year\b|\bso far\b|year[- ]to[- ]date", re.I)
# a move over the year so far (今年以来累计上涨18.4%) is the publication year's; 截至8月28日收盘…年内累计上涨
# keeps the closing day it is written with
_YEAR_SO_FAR = re.compile(r"今年以来|今年以來|\bthis year\b|year[- ]to[- ]date", re.I)
_DATE_ZH = re.compile(r"(\d{1,2})月(\d{1,2})[日号]")
_TODAY = re.compile(r"\btoday\b|今天|今日")
# "on Thursday", "at Wednesday's close"
_WEEKDAY = re.compile(r"\b(?:on|at)\s+(monday|tuesday|wednesday|thursday|friday)(?:'s)?\b", re.I)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday")


def _reports_share_price(facts: SentenceFacts) -> bool:
    """Whether a sentence reports a share price; asked for every figure, read once per sentence."""
    if facts.share_price is None:
        # why: the pattern starts with \b and has no literal prefix, so it is tried at every offset; a
        # share price is rare and always written with one of these words
        body = facts.body
        facts.share_price = (
            any(word in body for word in _SHARE_WORDS) and _SHARE_PRICE.search(body) is not None
        )
    return facts.share_price


# the firm's shares moved, by name or as "its shares" ("Its Shanghai-listed shares (603958.SS) rose 3.1%")
_SHARES_MOVED = re.compile(
    r"(?:(?-i:\b[A-Z][\w-]*(?:'s)?)|\bits|\bthe company's|\bthe firm's|\bthe)\s+"
    rf"(?:[\w-]+-(?:listed|traded)\s+)?(?:H\s+)?(?:shares|stock)\b.{{0,40}}?\b(?:{_SHARE_MOVES})\b",
    re.I,
)
# a move at the close or during the session, with no day named: the day of publication
_CLOSED = re.compile(
    r"closed|\bto close\b|\b(?:ended|finished)\b|\bin (?:[\w-]+ ){0,2}(?:trade|trading)\b"
    r"|\bby the (?:midday|lunch) break\b|收盘|收盤|收市|收报|收報|收在|报收|報收|截至发稿|截至發稿"
)


def trading_day(
    facts: SentenceFacts, figure: Figure, period: str | None, published: datetime.date | None
) -> str | None:
    """The trading day of a share price or its move, when its sentence names no period of its own.

    "Shares of the company rose 6.2% in Shenzhen trading on Thursday" is the Thursday before publication,
    "昨（7）日收在新台幣412.5元" the 7th, "股價昨收報18.96元" the day before, "closed up 3.2%" the day
    of publication; "截至3月27日收盘…报132.6元" keeps its date and "今年以来累计上涨18.4%" its year.

    Args:
        facts: the figure's sentence.
        figure: the figure.
        period: the period chosen so far.
        published: the publication date.

    Returns:
        The trading day (YYYY-MM-DD), else ``period``.
    """
    body = facts.body
    if published is None or not _reports_share_price(facts):
        return period
    clause_start, clause_end = facts.clause(figure.start)
    if _YEAR_SO_FAR.search(body, clause_start, figure.start):
        return str(published.year)  # a move over the year so far: 截至3月27日收盘…今年以来累计上涨18.4%
    if any(clause_start <= m.start < clause_end or m.end <= figure.start for m in facts.periods):
        return period  # a span of its own: "in the first half"
    if _SINCE.search(body, clause_start, figure.start):
        return period  # a move since another point: 上市以来
    if (dated := _DATE_ZH.search(body, 0, figure.start)) is not None:
        return _day_before(published, int(dated.group(1)), int(dated.group(2)), ahead=3) or period
    if (numbered := _DAY_IN_BRACKETS.search(body, 0, figure.start)) is not None:
        day = int(next(group for group in numbered.groups() if group))
        month = published.month if day <= published.day else published.month - 1 or 12
        return _day_before(published, month, day) or period
    if _YESTERDAY.search(body):
        return (published - timedelta(days=1)).isoformat()
    if (weekday := _WEEKDAY.search(body)) is not None:
        back = (published.weekday() - _WEEKDAYS.index(weekday.group(1).lower())) % 7
        return (published - timedelta(days=back)).isoformat()
    if _TODAY.search(body) or _CLOSED.search(body) or _SHARES_MOVED.search(body):
        # "rose 3.1% to 24.86 yuan" with no day written is reported on the day it happened
        return published.isoformat()
    return period


_NOW = re.compile(r"\b(?:now|currently)\b|目前|现时|现在|时下|当前", re.I)


def price_day(
    facts: SentenceFacts, figure: Figure, period: str | None, published: datetime.date | None
) -> str | None:
    """The day a quoted price of goods was seen, when its sentence names no period of its own:
    "本港活猪批发价昨日每担1680元" the day before publication, "目前…出厂价约180元" and "now retails at" the
    day of it. A price is a point in a market, never the trade flow's span in force.

    Args:
        facts: the figure's sentence.
        figure: the figure (an amount or its change).
        period: the period chosen so far.
        published: the publication date.

    Returns:
        The day (YYYY-MM-DD), else ``period``.
    """
    if published is None or figure.kind not in {"currency", "percent"}:
        return period
    clause_start, clause_end = facts.clause(figure.start)
    if figure.kind == "currency" and not (
        PRICE_WORDS.search(facts.body, clause_start, clause_end)
        # the move of a price just quoted: "…每斤報48元，較上周同日上升2元", "HK$4 more than a week earlier"
        or (
            PRICE_WORDS.search(facts.body, 0, figure.start)
            and any(f.kind == "currency" and f.end <= figure.start for f in facts.figures)
        )
    ):
        return period
    if figure.kind == "percent" and not (
        PRICE_WORDS.search(facts.body, 0, figure.start)
        and any(f.kind == "currency" and f.end <= figure.start for f in facts.figures)
    ):
        return period
    if any(not m.point for m in facts.periods):
        return period  # a span of its own: "the average price in October"
    if _YESTERDAY.search(facts.body):
        return (published - timedelta(days=1)).isoformat()
    if _NOW.search(facts.body) or _TODAY.search(facts.body):
        return published.isoformat()
    if (
        figure.kind == "currency"
        and _ITEM_PRICE.search(facts.body, clause_start, clause_end)
        and not _AVERAGE.search(facts.body, clause_start, clause_end)
    ):
        # "A chef's knife retails for 150 to 400 yuan", 公司旗舰植保无人机售价为39999元: what one item costs,
        # with no time word, is dated by nothing the text says (figure-labels-v2, v29)
        return None
    return period


# what one item of the goods costs; an average price (均价, "the average export price") is the flow's
_ITEM_PRICE = re.compile(
    r"\b(?:sells?|sold|selling|retails?|retailed|goes|went)\s+(?:\w+\s+)?(?:for|at)\b|\bpriced\s+(?:at|above|from)\b"
    r"|\bcosts?\b|\bfetch(?:es)?\b|\bleaves the factory at\b"
    r"|零售价|零售價|售价|售價|出厂价|出廠價|收购价|收購價",
    re.I,
)
_AVERAGE = re.compile(r"\baverage\b|\bmean\b|均价|均價|平均", re.I)


def _day_before(published: datetime.date, month: int, day: int, ahead: int = 0) -> str | None:
    """The date with that month and day on or before publication ("3月27日" in an article of 28 March), or
    at most ``ahead`` days after it (a release dated the day after the wire's date stamp)."""
    try:
        found = datetime.date(published.year, month, day)
        if found > published + timedelta(days=ahead):
            found = datetime.date(published.year - 1, month, day)
    except ValueError:
        return None
    return found.isoformat()


_MONTH_END = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")


def plan_share_period(period: str | None, in_force: str | None, stated: list[str]) -> str | None:
    """The period of a share of a plan completed: the months from the plan year's start to when it was
    measured ("had completed 68 percent of that goal by the end of August", 1-9月完成全年目标的77.6%), the
    span in force when the sentence names only the plan's year ("of this year's target").

    Args:
        period: the period chosen for the figure.
        in_force: the article's period in force.
        stated: the periods the figure's sentence states (not its bases).

    Returns:
        The span, or ``period`` where none applies (a day that ends no month, another year's plan).
    """
    if period is None:
        return None
    day = _MONTH_END.fullmatch(period)
    if day is not None:
        year, month_number, _ = (int(part) for part in day.groups())
        if period != _last_day(year, month_number):
            return period  # "so far" on a day of the month: the plan's share on that day
        return _months_to(year, month_number)
    month = _MONTH.fullmatch(period)
    if month is not None:
        return _months_to(int(month.group(1)), int(month.group(2)))
    if len(period) != 4:
        return period
    # "By the end of August, ... 68.2 percent of this year's target": the year names the plan, the month when
    measured = [
        p for p in stated if p.startswith(f"{period}-") and (_MONTH.fullmatch(p) or _MONTH_END.fullmatch(p))
    ]
    if measured:
        return plan_share_period(measured[-1], None, [])
    if in_force and in_force.startswith((f"{period}-01..", f"{period}-H1", f"{period}-Q1")):
        return in_force
    return period


def _last_day(year: int, month: int) -> str:
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return (following - datetime.timedelta(days=1)).isoformat()


def _months_to(year: int, month: int) -> str:
    return f"{year}-01" if month == 1 else f"{year}-01..{year}-{month:02d}"
