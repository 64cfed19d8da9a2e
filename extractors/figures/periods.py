"""Find the periods a sentence names (years, quarters, halves, months, plans, "last year", 目前).

Periods are written as in docs/architecture.md: ``2025``, ``2025-Q3``, ``2025-H1``, ``2025-07``,
``2025-01..2025-10``, ``2021..2025`` and an ISO date for "currently"/"now". A quarter, half or month
without a year takes the year written in the same sentence, else the year of the paragraph so far,
else the latest such period that had ended when the article was published.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from gdwatch.extractors.figures.currencies import CURRENCY_NAMES_EN
from gdwatch.extractors.figures.holidays import find_holidays, find_seasons
from gdwatch.extractors.figures.lexicon import (
    MONTH_ABBREVIATIONS,
    MONTH_NUMBERS,
    MONTHS,
    YEAR_PREPOSITIONS_EN,
    alternation,
)
from gdwatch.extractors.figures.numbers import parse_chinese_numeral, small_number
from gdwatch.extractors.figures.scan import literal_trigger, may_end_with, scan, trigger_starts

_MONTH = f"(?:{alternation(MONTHS)}|" + "|".join(rf"{word}\.?" for word in MONTH_ABBREVIATIONS) + ")"
# why: "may" alone is read as the verb; it is a month only in a date or a range ("May 5", "May-June")
_MONTH_ALONE = alternation(month for month in MONTHS if month != "may")
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip
# Matched against lower-cased text, case-sensitively and without leading look-behinds: that lets the
# regex engine skip ahead by first character, which makes the scan many times faster.
_ATOMS = re.compile(
    # "the six months ended June", "nine months to September 30": the months up to and including that one
    # "exports climb through September": the year so far, to that month (a range "July through September" is
    # read from its first month)
    rf"(?P<thru>(?<![a-z])through\s+(?P<thm>{_MONTH})(?![a-z]))|"
    # "the half year ended June", "in the year through October": the half, the year so far
    rf"(?P<monthsto>(?:(?P<mtn>[a-z]+|\d{{1,2}})\s+months|(?P<mth>half[- ]year)|(?<=the\s)(?P<mty>year))"
    rf"\s+(?:ended|ending|to|through)\s+(?:in\s+)?(?P<mtm>{_MONTH}))"
    # 圣诞及新年期间, "for Christmas and New Year": the holiday season, December into January
    r"|(?P<xmas>圣诞节?(?:及|至|和|与|、)?新年|christmas(?: and (?:the )?|-)new year)"
    # 截至6月底止6个月, 截至今年6月的半年业绩: the months up to and including that one (Hong Kong results)
    r"|(?P<zmonthsto>截至(?:今年)?(?P<ztm>\d{1,2})月(?:底|末|\d{1,2}日)?止?的?"
    r"(?:(?P<ztn>\d{1,2}|[一二三四五六七八九十]{1,2})个月|(?P<zth>半年)))"
    rf"|(?P<monthyear>(?P<mym>{_MONTH})\s+(?:of\s+)?(?P<myy>(?:19|20)\d{{2}})(?![\d%]))"
    rf"|(?P<drange>(?:from\s+|between\s+)?(?P<dm1>{_MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?\s*(?:-|to|through|and|until)\s*"
    rf"(?:(?P<dm2>{_MONTH})\s+)?\d{{1,2}}(?:st|nd|rd|th)?(?!\d|\.\d)(?!\s*(?:%|percent|per cent))"
    rf"|(?P<zdm1>\d{{1,2}})月\d{{1,2}}[日号]?\s*[-~至到—–]\s*(?:(?P<zdm2>\d{{1,2}})月)?\d{{1,2}}[日号])"
    rf"|(?P<date>{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?!\d|\.\d)(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?![a-z])(?:,?\s+\d{{4}})?"
    r"|\d{4}-\d{1,2}-\d{1,2}|(?:\d{4}年)?\d{1,2}月\d{1,2}[日号])"
    r"|(?P<plan>(?P<plan_n>\d{1,2})(?:st|nd|rd|th)\s+five-year\s+plan|十(?P<plan_zh>[一二三四五六七八九])五)"
    r"|(?P<yrange>(?:between|from)\s+(?P<y1>(?:19|20)\d{2})\s+(?:and|to|through)\s+(?P<y2>(?:19|20)\d{2})"
    r"|(?P<y3>(?:19|20)\d{2})\s*[-~至到]\s*(?P<y4>(?:19|20)\d{2})年?"
    # 2021年到2025年这五年; not 2023年至2025年收入分别为…, each year's own figure
    r"|(?P<y5>(?:19|20)\d{2})年\s*[至到]\s*(?P<y6>(?:19|20)\d{2})年(?![^，,。；;]{0,12}?(?:分别|分別|依次)))"
    rf"|(?P<mrange>(?:from\s+|between\s+)?(?P<m1>{_MONTH})\s*(?:-|to|through|and)\s*(?P<m2>{_MONTH})"
    # 1-4月, 3月至5月 (and 3月至5月中旬: the span runs into that month)
    # 12月至明年1月: into the next year
    r"|(?P<zm1>\d{1,2}|[一二三四五六七八九十]{1,2})(?:月份?)?\s*[-~至到]\s*(?P<znext>明年|次年|翌年)?"
    r"(?P<zm2>\d{1,2}|十[一二]|[一二三四五六七八九十])月"
    r"(?:[上中下]旬)?)"
    # "the first nine months", and a headline's "trade tops 20b yuan in nine months" (never "within", nor a
    # record's "the highest in eight months")
    # "for the nine months" and "in the nine months", as a report on the months so far writes them
    # "the year's opening ten months", "the opening nine months of the year"
    r"|(?P<firstn>(?:(?:first|past|opening)\s+|(?<=in\s)(?<!within\s)(?<!est\sin\s)|(?<=in\sthe\s)|(?<=for\sthe\s))"
    r"(?P<fn>[a-z]+|\d{1,2})\s+months(?!\s+(?:running|in\s+a\s+row|straight))"
    # 头10个月 (头 only with 个: 汕头10月 is Shantou's October)
    r"|(?:[前首]|头(?=(?:\d{1,2}|[一二两三四五六七八九十]+)个))(?P<zfn>\d{1,2}|[一二两三四五六七八九十]+)个?月)"
    r"|(?P<firstq>(?:first\s+|(?<=in\s)(?<!within\s))(?P<fq>two|three)\s+quarters(?!\s+(?:running|in\s+a\s+row|straight))|[前首](?P<zfq>[二两三23])(?:个)?季度?"
    # 三季报: the report on the first three quarters
    r"|(?<!第)(?P<zfq3>三)季(?=报|度报告))"
    # "the final three months of 2025": the year's last quarter (only with its year: "the last three months"
    # alone are the ones before the article)
    r"|(?P<lastq>(?:final|last)\s+three\s+months(?=\s+of\s+(?:19|20)\d{2}))"
    r"|(?P<quarter>(?P<qn>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+quarter|q(?P<qd>[1-4])(?![a-z0-9])"
    r"|第?(?P<zq>[一二三四1-4])季度|第(?P<zq2>[一二三四1-4])季|(?P<zq1>首)季度?|(?P<zq4>一)季(?=报))"
    # 2025年半年报 / 半年度报告 / 中报: a listed company's interim report covers the first half
    r"|(?P<half>(?P<hn>first|second)[\s-]+half|h(?P<hd>[12])(?![a-z0-9])|(?P<zh>[上下])半年"
    r"|(?<![上下])(?P<zhr>半年)(?=报|度报告|度业绩)|(?P<zmid>中)(?=报|期报告|期业绩|期股息|期息|期纯利|期盈利|期净利|期收入|期营收)"
    r"|(?P<interim>interim)(?=\s+(?:results|report|earnings|profit|net profit|revenue|payout|dividend|sales))"
    r"(?![a-z]))"
    rf"|(?P<month>(?P<mon>{_MONTH_ALONE})(?![a-z])"
    r"|(?:(?<=in )|(?<=of )|(?<=for )|(?<=during )|(?<=since ))(?P<may>may)(?![a-z])|(?P<zmon>\d{1,2})月份?"
    # 十月份, 一月 written in Chinese numerals (Hong Kong and Macao copy), opening a clause or after 年; never
    # a date (一月一日), 三个月 or a word's last character (统一月度)
    r"|(?:(?<![\u4e00-\u9fff])|(?<=年))(?P<zmonc>十[一二]|[一二三四五六七八九十])月份?"
    r"(?![一二三四五六七八九十\d]+[日号]|度)"
    r")"
    # a year is never an amount: "RMB1900", "$2000", "1900元"
    r"|(?<!rmb)(?<!\$)(?<!¥)(?<!￥)(?<!币)(?<!幣)"
    # a number with a Chinese measure word after it is a count (增加2000亩, 进口2060公吨), not a year
    r"(?P<year>(?P<yv>(?:19|20)\d{2})(?![\d%/]|\.\d|年\d|-\d|(?![年财財底末春夏秋冬上下第全首前])[\u4e00-\u9fff]"
    r"|\s*[万亿千百多余家个名户人架台辆艘项次宗座件吨米元]"
    rf"|\s+(?:{CURRENCY_NAMES_EN.lower()})\b)年?(?:底|末)?)"
    # "last month", 上月, 本月: the month before or of publication
    r"|(?P<relmonth>(?:last|this|next)\s+month(?![a-z])|上个?月|上個月|本月|今个月|今個月|下个?月|下個月)"
    r"|(?P<rel>last year|this year|next year|year's end|year-end|end of the year|"
    r"去年|(?<![以向])上年(?![度级])|今年(?!以来)|明年|年底|年末)"
    r"|(?P<fullyear>全年|for the (?:(?:full|whole) )?year"
    r"(?![-\s](?:on-year|ago|earlier|before|to date|ended|ending|through|of)\b)|full-year(?= [a-z]))"
    r"|(?P<now>(?:currently|now|at present|presently)(?![a-z])|截至目前|目前|当前|现在|现时|现有|眼下)"
    # a total reached "so far this year" is dated on the day of the report (docs/figure-labels-v2.md)
    # (and "so far this season", "Sales so far have brought in": the harvest or the year up to the report)
    r"|(?P<sofar>so far this (?:year|season|harvest)|so far(?= ha(?:ve|s) )|(?:由|从|自)?年初(?:至今|以来)"
    r"|今年以来)"
)
TRIGGER = literal_trigger(
    [
        *"0123456789",
        "from",
        "between",
        "first",
        "opening",
        "through",
        "half",
        "second",
        "third",
        "fourth",
        "final",
        "past",
        *("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"),
        "last",
        "this",
        "next",
        "year",
        "end of",
        "currently",
        "now",
        "so far",
        "at present",
        "for the full",
        "for the year",
        "full-year",
        "for the whole",
        "presently",
        "interim",
        "q1",
        "q2",
        "q3",
        "q4",
        "h1",
        "h2",
        *"十前首头第一二三四五六七八九上下去今明年截目当现眼全半中本圣",
        "christmas",
        *MONTHS,
        *MONTH_ABBREVIATIONS,
    ]
)
# "over" opening a sentence or a clause names the span it covers, not a base ("growth over 2024")
_SPAN_OVER = re.compile(r"(?:^|[,;]\s*)over\s+(?:the\s+)?$", re.I)
# "From 2021-2025, trade expanded by an average of ...": a span of years opening the sentence is its own
_SPAN_FROM = re.compile(r"(?:^|[,;]\s*)(?:from|between)\s+$", re.I)
_LOWER = str.maketrans({chr(c): chr(c + 32) for c in range(65, 91)})
_BASE_BEFORE = re.compile(
    r"(?:\bfrom|\bthan|\bwith|\bover|\bsince|\bversus|\bvs\.?|\bagainst|比|较|与|同|自|由|是|完成|实现"
    # a founding date dates the firm, not its figures: "a carmaker founded in 2016", 成立于2016年
    r"|\bfounded|\bestablished|\bset up|\bincorporated|成立于|创立于|创办于|始建于"
    r"|\b(?:same|matching|corresponding|comparable|equivalent)"
    r" (?:period|quarter|month|months|half|weeks?|stretch|span|season|point|time|date|part)(?: of| in)?"
    # "8.7 percent above September", "up 12.6% on September": a rate's other side
    r"|(?<=[%t])\s+(?:above|below|on)"
    # "5.2 percent more than in those months of 2025": the months just named, of the base year
    r"|\b(?:than|from|over|against) (?:in |during )?(?:those|these)"
    r" (?:months|weeks|quarters|days)(?: of| in)?"
    # "2.5 times as many as in ...", "1.6 times the amount of 2024": a multiple's base
    r"|\btimes (?:the|its|that) (?:amount|figure|level|total|value|number|volume|size|tally)(?: of| in)?"
    r"|\bas (?:many|much) as(?: in)?"
    # "up 11.2 percent from the previous edition in 2024": the fair's last edition is the base
    r"|\b(?:previous|last|prior|preceding) (?:edition|session|show|fair|expo) (?:in|of)"
    # "revenue grew 6.1% on the April-June period", "grew 7.9 percent on the first three months"
    r"|(?<=[%t])\s+on\s+the"
    r"|\bcompared to|\bcompared with)\s*(?:in\s+)?(?:the\s+)?[“\"「]?$",
    re.I,
)
_BASE_ENDS = (
    "from", "than", "with", "over", "since", "versus", "vs", "vs.", "against", "比", "较", "与", "同", "自",
    "由", "是", "完成", "实现", "founded", "established", "set up", "incorporated", "于", "period", "quarter",
    "month", "half", "of", "to", "the", "in", "above", "below", "on", "months", "weeks", "week", "stretch",
    "span", "season", "point", "time", "date", "part",
)  # fmt: skip
"""What :data:`_BASE_BEFORE` may end with before its spaces and quote (see :func:`scan.may_end_with`)."""
# "去年同期", "2024年同期": the same period of another year is the base of a comparison
_BASE_AFTER = re.compile(r"^(?:同期|同比|以来|起|\s+levels?\b|\s+figures?\b)")
# "compared with 12.6 million in 2024", "than 300 in 2021": the other side of a comparison
# "up from about 1,500 at the end of 2023", "21 more than at the end of 2024": the earlier side's date
_BASE_BEFORE_FIGURE = re.compile(
    r"(?:\bcompared (?:with|to)|\bthan|\bversus|\bup from|\bdown from)\s+(?:[^,;]{1,30}?\s+)?"
    r"(?:in|at the end of)\s+$"
    # "rose to 52%, from 44% in September": a bare "from" before a number is the other side too
    r"|\bfrom\s+(?:about\s+|around\s+)?(?:US\$|HK\$|\$|RMB)?\d[\d.,]*\s*"
    r"(?:%|percent|per cent|[a-z]+(?:\s+yuan)?)?\s+(?:in|at the end of)\s+$",
    re.I,
)
# "截至6月底", "as of the end of June": a point in time, the last day of the period named
_POINT_BEFORE = re.compile(
    r"(?:截至|截止|截止到|到|至|\bas of(?: the end of)?|\b(?:at|by) the (?:end|close) of)\s*$", re.I
)
# "it would move 20% of its production to Vietnam by 2027": a deadline dates its own target, not the
# quarter or month written elsewhere in the sentence ("export orders rose 30% in the third quarter")
_DEADLINE_BEFORE = re.compile(r"(?:\bby|\bbefore|\buntil)\s+$", re.I)
_YEAR_SPAN = re.compile(r"\d{4}\.\.\d{4}")
_OVER_THIS_YEARS_SPAN = re.compile(r"\bover\s+(?:the\s+)?$", re.I)


def _in_year_of(period: str, published: date | None) -> bool:
    """Whether a period lies in the publication's year: a month span then is the report's own, never the
    base it is compared with (bases are earlier)."""
    return published is not None and period.startswith(str(published.year))


_RANGE_MARK = re.compile(r"[-~至到—–]")
_YEAR_END_WORDS = frozenset({"year's end", "year-end", "end of the year", "年底", "年末"})
# 年末全省有效发明专利量…, "By year's end, ...": the end of the year opening a sentence or a clause
_OPENING_YEAR_END = re.compile(r"(?:^|[，,；;：:]|\bby(?: the)?|\bat(?: the)?|今年|\d{4}年)\s*$", re.I)
_POINT_AFTER = re.compile(r"^年?(?:底|末)|^的?最后一天")  # 截至6月底, 到今年年底, 截止10月最后一天
_OPENING_POINT_BEFORE = re.compile(r"(?:^|[，,。;；:：]\s*)$")
# "As October closed, 186 firms ...", "When August ended, 286 companies ...": the month's last day
_MONTH_CLOSED_AFTER = re.compile(r"^\s+(?:closed|ended|came to an end|drew to a close)\b", re.I)
_AS_WHEN_BEFORE = re.compile(r"\b(?:as|when|once|by the time)\s+$", re.I)
# "At October's close", "By October's end": the month's last day
_MONTH_END_AFTER = re.compile(r"^(?:'s|’s)\s+(?:close|end)\b", re.I)
_AT_BY_BEFORE = re.compile(r"\b(?:at|by|as of|until)\s+$", re.I)
_ATTACH_SUFFIX = re.compile(r"^\s*(?:[Oo]f\s+(?:the\s+)?|[Ii]n\s+)?$")
_NAME_BEFORE = re.compile(r"([A-Z][A-Za-z]+)\s+$")


@dataclass(frozen=True, slots=True)
class PeriodMention:
    """A period named in a sentence, offsets relative to the sentence."""

    start: int
    end: int
    period: str
    base: bool
    """True for comparison bases ("from 2024", "than last year"): never a figure's own period."""
    point: bool = False
    """True for a point in time ("as of the end of June", 截至6月底, "now"): stocks take it, flows do not."""
    span: str = ""
    """The period as a span: for a point at a period's end, that period ("2025" for 截至2025年底)."""
    local: bool = False
    """True for a holiday: it dates what follows only when no other period is in force yet (a lede's "over
    the May Day holiday"), not after a headline's or lede's own ("前三季度…" then "国庆黄金周期间…")."""

    @property
    def flow_period(self) -> str:
        """The period a flow (trade, output) gets from this mention."""
        return self.span or self.period


@dataclass(slots=True)
class _Atom:
    start: int
    end: int
    kind: str
    year: int | None = None
    months: tuple[int, int] | None = None
    label: str | None = None
    relative: bool = False
    dated: bool = False
    """Written with days ("April 15 to May 5"): the span may end in the month of publication."""


def find_periods(
    sentence: str,
    published: date | None,
    context_year: int | None = None,
    lowered: str | None = None,
    starts: list[int] | None = None,
    context_is_earlier: bool = False,
) -> list[PeriodMention]:
    """Find the periods a sentence names.

    Args:
        sentence: one normalized sentence.
        published: the publication date relative words are read against, or None.
        context_year: the year named earlier in the paragraph, for "the third quarter" without a year.
        context_is_earlier: whether that year was named in an earlier paragraph: a span without a year that
            has ended in the publication's year is then read against the publication date instead
            ("2025年，英德红茶…" then, in a later paragraph of a May 2026 article, "1—4月" is 2026).
        lowered: the same sentence with ASCII letters lower-cased, when the caller has it.
        starts: where periods may start (see :data:`TRIGGER`), when the caller has them.

    Returns:
        Period mentions in order of appearance.
    """
    lowered = sentence.translate(_LOWER) if lowered is None else lowered
    # why: most digits and words start no period, and _ATOMS is slow to fail; a start where it cannot match
    # never moves the scan's cursor, so dropping it changes nothing
    months = "months" in lowered
    parts = "quarter" in lowered or "half" in lowered
    starts = [
        start
        for start in (trigger_starts(TRIGGER, lowered) if starts is None else starts)
        if (
            _may_open_a_period(lowered, start)
            if "0" <= lowered[start] <= "9"
            else _may_open_at_a_word(lowered, start, months, parts)
        )  # why: inline, not may_open_a_period, which costs one more call per digit
    ]
    atoms = [
        atom
        for match in scan(TRIGGER, _ATOMS, lowered, starts)
        if _starts_cleanly(lowered, match.start()) and (atom := _atom(sentence, match, published))
    ]
    merged = _merge(sentence, atoms)
    # a comparison base's year dates nothing else: "in the first two months from the same period of 2024"
    based = [_is_base(sentence, atom) for atom in merged]  # why: both loops below ask for every atom
    years = [
        atom.year
        for atom, is_base in zip(merged, based, strict=True)
        if atom.kind == "year"
        and atom.year
        and not atom.relative
        and not is_base
        and not _DEADLINE_BEFORE.search(sentence, max(0, atom.start - 10), atom.start)
    ]
    mentions = []
    # why: the cue words are rare; the search runs only when a span's year is left to the publication date
    cues = [m.start() for m in _AHEAD_RE.finditer(lowered)] if merged and published else []
    for atom, is_base in zip(merged, based, strict=True):
        ahead = any(cue < atom.start for cue in cues)
        period = _render(atom, years, context_year, published, context_is_earlier, ahead)
        if period is None:
            continue
        before = sentence[max(0, atom.start - 20) : atom.start]
        after = sentence[atom.end : atom.end + 8]
        base = is_base
        if base and before.endswith("到") and not before.endswith(("达到", "相当于到")):
            # why: 到 ends 截至/到…底 (a point) and "from ... to": never a comparison base (but
            # "达到去年同期的1.9倍" reaches a multiple of the base)
            base = False
        if base and _SPAN_OVER.search(before):
            base = False  # "Over the 14th Five-Year Plan period, ...": the span a clause opens with
        if base and atom.kind == "range" and _SPAN_FROM.search(before):
            base = False  # "From 2021-2025, ...": the years a clause opens with
        over_a_span = ".." in period and _OVER_THIS_YEARS_SPAN.search(before) is not None
        if base and over_a_span and _in_year_of(period, published):
            base = False  # "hit 2.86 billion yuan over January-September 2026": the span, not a comparison
        if base and re.search(r"[由从自]\s*$", before) and _RANGE_MARK.search(sentence, atom.start, atom.end):
            base = False  # "由10月15日至11月4日举行": the span the period covers, not a comparison
        point = _point_of(atom, period, before, after, sentence[atom.start : atom.end])
        # "今年以来，…": the year so far dates its own figures and leaves the period in force alone
        local = atom.kind == "sofar"
        mentions.append(
            PeriodMention(atom.start, atom.end, point or period, base, point is not None, period, local=local)
        )
    seasons = find_seasons(sentence)
    for season in seasons:
        # "the 2025-26 crushing season": one period, not the years "2025" and "26" read apart
        mentions = [m for m in mentions if not (m.start < season.end and season.start < m.end)]
        base = _is_base(sentence, _Atom(season.start, season.end, "season"))
        mentions.append(PeriodMention(season.start, season.end, season.period, base))
    # "12月，受春节备货带动", "10月1日至8日国庆中秋假期": a period written out dates the sentence
    holidays = [] if any(not m.base for m in mentions) else find_holidays(sentence, published)
    for holiday in holidays:
        # why: not _is_base, whose "over" would make "over the National Day holiday" a comparison
        if _HOLIDAY_BASE_BEFORE.search(sentence, max(0, holiday.start - 20), holiday.start):
            continue  # "up 16 per cent on last year's holiday", 比去年春节: another year's holiday, a base
        mentions.append(PeriodMention(holiday.start, holiday.end, holiday.period, False, local=True))
    return sorted(mentions, key=lambda mention: mention.start) if seasons or holidays else mentions


_HOLIDAY_BASE_BEFORE = re.compile(r"(?:last year's|previous|去年|上年)\s*(?:the\s+)?$", re.I)


_AFTER_LEADING_DIGITS = frozenset("月季snrt-~至到")
"""What follows the one or two digits a period starts with, besides a space: 5月, 3季度, "1st", "1-3月"."""


def may_open_a_period(lowered: str, start: int, *, months: bool, parts: bool) -> bool:
    """A cheap test that :data:`_ATOMS` may match at a position: it never says False where the pattern
    matches, so dropping the other positions before the scan changes nothing.

    Args:
        lowered: the sentence, ASCII letters lower-cased.
        start: the position.
        months: whether "months" is in the sentence.
        parts: whether "quarter" or "half" is in the sentence.

    Returns:
        False when the pattern cannot match there.
    """
    if "0" <= lowered[start] <= "9":
        return _may_open_a_period(lowered, start)
    return _may_open_at_a_word(lowered, start, months, parts)


def _may_open_a_period(lowered: str, start: int) -> bool:
    """Whether :data:`_ATOMS` may match at a digit. Its branches that start with a digit are a year (19xx,
    20xx), one or two digits before 月, 季, a range mark or an ordinal's suffix, or before spaces and a month
    ("5 May"), "months" or a range mark, and four digits before "-" or 年 (2025-01-05, 2025年3月5日)."""
    if lowered.startswith(("19", "20"), start):
        return True
    first = lowered[start + 1 : start + 2]
    if first in _AFTER_LEADING_DIGITS:
        return True
    if first.isspace():
        return _AFTER_DIGITS_AND_SPACES.match(lowered, start + 1) is not None
    if not first.isdigit():
        return False
    second = lowered[start + 2 : start + 3]
    if second in _AFTER_LEADING_DIGITS:
        return True
    if second.isspace():
        return _AFTER_DIGITS_AND_SPACES.match(lowered, start + 2) is not None
    return lowered[start : start + 4].isdigit() and lowered[start + 4 : start + 5] in {"-", "年"}


_AFTER_DIGITS_AND_SPACES = re.compile(
    "\\s+[" + "".join(sorted({month[0] for month in (*MONTHS, *MONTH_ABBREVIATIONS)} | {"m"})) + "\\-~至到]"
)
"""After one or two digits and spaces, a period goes on with a month ("5 may"), "months" ("9 months ended
june") or a range mark ("1 - 3月")."""
_WORD = re.compile("[a-z]+")
_MONTH_WORDS = frozenset((*MONTHS, *MONTH_ABBREVIATIONS))
# a forecast's words before a span whose year is left to the publication date (see _render)
_AHEAD_RE = re.compile(
    r"预计|预期|估计|预料|有望|\b(?:expects?|expected|forecasts?|projected|anticipates?|anticipated|will)\b"
)
_OPENING_WORDS = _MONTH_WORDS | {"q", "h", "interim", "currently", "now", "presently", "christmas"}
"""Words a period may open with whatever follows them (months, q1, h2, "now"; the pattern decides)."""
_ORDINAL_WORDS = frozenset({"first", "second", "third", "fourth", "final"})
_OPENING_PHRASES = (
    "last year", "this year", "next year", "year's end", "year-end", "end of the year", "for the full year",
    "for the year", "for the whole year", "full-year ", "at present", "so far", "last month", "this month",
    "next month", "through ", "half year ", "half-year ", "year ended ", "year ending ", "year to ",
    "year through ",
)  # fmt: skip
_FROM_WHEN = re.compile(r"(?:from|between)\s+[" + "".join(sorted({m[0] for m in _MONTH_WORDS})) + "12]")
"""After "from" or "between", a period goes on with a month or a year of 19xx or 20xx."""
_GLUED_MONTH_RANGE = re.compile(f"(?:{alternation(_MONTH_WORDS)})(?:to|through|and)")


def _may_open_at_a_word(lowered: str, start: int, months: bool, parts: bool) -> bool:
    """Whether :data:`_ATOMS` may match at a position that is no digit: always in a sentence with "months"
    (which any word may open: "six months ended June") and at anything but a lower-case ASCII letter. The
    branches that open with such a letter open with a month, "from" or "between" before a month or a year,
    an ordinal before "quarter" or "half" (``parts``: the sentence has one of them), q1-q4, h1-h2,
    "interim", "now", or one of a few phrases ("last year", "year-end")."""
    if months or not "a" <= lowered[start] <= "z":
        return True
    word = _WORD.match(lowered, start)
    if word is None:
        return True
    written = word.group()
    if written in _OPENING_WORDS:
        return True
    if written in {"from", "between"}:
        return _FROM_WHEN.match(lowered, start) is not None
    if written in _ORDINAL_WORDS or written in {"two", "three"}:
        return parts  # "the first quarter", and a headline's "in three quarters"
    if lowered.startswith(_OPENING_PHRASES, start):
        return True
    return _GLUED_MONTH_RANGE.match(written) is not None  # "marto june": a month range written without spaces


def _compared_figure_before(window: str) -> bool:
    """ "compared with 12.6 million in 2024": the year is the other side of a comparison."""
    # why: the pattern is tried at every offset of the window; most windows lack its words
    lowered = window.lower()
    if not lowered.endswith(("in ", "in", "end of ", "end of")) or not (
        "compared" in lowered or "than" in lowered or "versus" in lowered or "from" in lowered
    ):
        return False
    return bool(_BASE_BEFORE_FIGURE.search(window))


def _point_of(atom: _Atom, period: str, before: str, after: str, written: str) -> str | None:
    """The last day of a period named as a moment ("as of the end of June" -> 2025-06-30, "by year's end",
    年末 opening a sentence -> 2025-12-31), else None."""
    if atom.kind == "now":
        return period
    if not period[:4].isdigit():
        return None
    if written.lower() in _YEAR_END_WORDS and (
        _POINT_BEFORE.search(before) or _OPENING_YEAR_END.search(before)
    ):
        return f"{period[:4]}-12-31"
    as_it_closed = _MONTH_CLOSED_AFTER.match(after) is not None and _AS_WHEN_BEFORE.search(before) is not None
    at_its_end = _MONTH_END_AFTER.match(after) is not None and _AT_BY_BEFORE.search(before) is not None
    closed = as_it_closed or at_its_end
    lowered_before = before.lower()
    ends = (
        _POINT_AFTER.match(after)
        or written[-1:] in {"底", "末"}
        or "end of" in lowered_before
        # "At the close of October": a month's close (a year's close after "than" is a comparison base)
        or ("close of" in lowered_before and not written[:1].isdigit())
        or closed
    )
    # "10月底时，全省有…企业1210家", "8月末，…": a month's end opening the sentence is a moment too
    opening_end = (_POINT_AFTER.match(after) is not None or written[-1:] in {"底", "末"}) and (
        _OPENING_POINT_BEFORE.search(before) is not None
    )
    if not (ends and (_POINT_BEFORE.search(before) or opening_end or closed)):
        return None
    year = int(period[:4])
    last_month = int(period[-2:]) if "-" in period and period[-2:].isdigit() else 12
    if "-Q" in period:
        last_month = int(period[-1]) * 3
    elif "-H" in period:
        last_month = int(period[-1]) * 6
    elif ".." in period and "-" not in period:
        year = int(period[-4:])
    next_month = date(year + last_month // 12, last_month % 12 + 1, 1)
    return (next_month - timedelta(days=1)).isoformat()


def period_bounds(period: str) -> tuple[str, str] | None:
    """The first and last month (``YYYY-MM``) a period covers, or None for a point or an unknown form.

    Args:
        period: a period string (docs/figure-labels-v2.md, rule 5).

    Returns:
        (first month, last month); strings of one form compare in time order.
    """
    match = _PERIOD_FORM.fullmatch(period)
    if match is None:
        return None
    year = match.group("y")
    if match.group("q"):
        quarter = int(match.group("q"))
        return f"{year}-{3 * quarter - 2:02d}", f"{year}-{3 * quarter:02d}"
    if match.group("h"):
        half = int(match.group("h"))
        return f"{year}-{6 * half - 5:02d}", f"{year}-{6 * half:02d}"
    if match.group("m"):
        last = match.group("m2") or match.group("m")
        return f"{year}-{match.group('m')}", f"{match.group('y2') or year}-{last}"
    if match.group("y3"):
        return f"{year}-01", f"{match.group('y3')}-12"
    return f"{year}-01", f"{year}-12"


_PERIOD_FORM = re.compile(
    r"(?P<y>\d{4})(?:-Q(?P<q>[1-4])|-H(?P<h>[12])|-(?P<m>\d{2})(?:\.\.(?P<y2>\d{4})-(?P<m2>\d{2}))?"
    r"|\.\.(?P<y3>\d{4}))?"
)


def _starts_cleanly(text: str, start: int) -> bool:
    """The boundary the pattern leaves out: no letter before a word, no digit or sign before a number."""
    if start == 0:
        return True
    previous = text[start - 1]
    first = text[start]
    if first.isascii() and first.isalpha():
        return not (previous.isascii() and previous.isalpha())
    if first.isdigit():
        return not (
            previous.isdigit()
            or previous in ".$¥/"
            or (previous == "," and text[start - 2 : start - 1].isdigit())
        )
    return True


def explicit_year(mentions: list[PeriodMention]) -> int | None:
    """The last year a sentence's own (non-base) periods name, for the sentences after it.

    Args:
        mentions: the sentence's period mentions.

    Returns:
        A year, or None.
    """
    for mention in reversed(mentions):
        # why: a plan period (2021..2025) names no single year for "the third quarter" or 全年
        if not mention.base and mention.period[:4].isdigit() and not _YEAR_SPAN.fullmatch(mention.period):
            return int(mention.period[:4])
    return None


_ZH_DAY = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})[日号]")
# "as of June 30, 2026" (matched lower-cased): the month's name, the day, the year if written
_EN_DAY = re.compile(rf"({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?")
# "截至9月30日", "到9月30日", "9月30日时", "as of June 30": a day a count is taken on (never a day something
# happened on)
_AS_OF_DAY_BEFORE = re.compile(r"(?:截至|截止|截止到)了?$|\bas (?:of|at)\s+$", re.I)
_AS_OF_DAY_AFTER = re.compile(r"[时時]")


def _day_of_a_count(sentence: str, match: re.Match[str], published: date | None) -> _Atom | None:
    """A day written as the moment of a stock (截至9月30日, 9月30日时, "as of June 30"), else None."""
    written = match.group()
    chinese = _ZH_DAY.fullmatch(written)
    english = None if chinese else _EN_DAY.fullmatch(written.lower())
    if published is None:
        return None
    start, end = match.span()
    if not (
        _AS_OF_DAY_BEFORE.search(sentence, max(0, start - 6), start) or _AS_OF_DAY_AFTER.match(sentence, end)
    ):
        return None
    if sentence.startswith(("收盘", "收市"), end):
        return None  # 截至8月28日收盘: a trading day's close, which the share price's own reading dates
    day = chinese or english
    if day is None:
        return None
    written_year, number = day.group(3 if english else 1), int(day.group(2 if english else 3))
    month = (_month_number(day.group(1)) or 0) if english else int(day.group(2))
    year = (
        int(written_year)
        if written_year
        else published.year - ((month, number) > (published.month, published.day))
    )
    try:
        return _Atom(start, end, "now", label=date(year, month, number).isoformat())
    except ValueError:
        return None


def _atom(sentence: str, match: re.Match[str], published: date | None) -> _Atom | None:
    kind = match.lastgroup if match.lastgroup in _KINDS else _kind_of(match)
    start, end = match.span()
    if kind == "date":
        return _day_of_a_count(sentence, match, published)
    if kind == "fullyear":
        # 全年: the whole year of the year being reported, else the last year that has ended
        return _Atom(start, end, "months", months=(1, 12))
    if kind == "drange":
        # an event held over some days ("from April 15 to May 5"): the months it spans
        first_month = _month_number(match.group("dm1") or match.group("zdm1"))
        # "from Oct 1 to 8": the second day is in the first month
        last_month = _month_number(
            match.group("dm2") or match.group("zdm2") or match.group("dm1") or match.group("zdm1")
        )
        if not first_month or not last_month or first_month > last_month or last_month > 12:
            return None
        return _Atom(start, end, "months", months=(first_month, last_month), dated=True)
    if kind == "monthyear":
        month = _month_number(match.group("mym"))
        if not month:
            return None
        return _Atom(start, end, "month", year=int(match.group("myy")), months=(month, month))
    if kind == "plan":
        plan = (
            int(match.group("plan_n"))
            if match.group("plan_n")
            else 10 + (parse_chinese_numeral(match.group("plan_zh")) or 0)
        )
        if plan < 3:
            return None
        first = 1966 + 5 * (plan - 3)
        return _Atom(start, end, "range", label=f"{first}..{first + 4}")
    if kind == "yrange":
        low = int(match.group("y1") or match.group("y3") or match.group("y5"))
        high = int(match.group("y2") or match.group("y4") or match.group("y6"))
        return _Atom(start, end, "range", label=f"{low}..{high}") if low < high else None
    if kind == "mrange":
        first_month = _month_number(match.group("m1") or match.group("zm1"))
        last_month = _month_number(match.group("m2") or match.group("zm2"))
        if first_month and last_month and match.group("znext") and first_month > last_month and published:
            year = published.year if published.month >= 3 else published.year - 1
            return _Atom(start, end, "span", label=f"{year}-{first_month:02d}..{year + 1}-{last_month:02d}")
        if not first_month or not last_month or first_month >= last_month:
            return None
        return _Atom(start, end, "months", months=(first_month, last_month))
    if kind == "thru":
        last_month = _month_number(match.group("thm"))
        if not last_month or last_month < 2:
            return None
        return _Atom(match.start("thm"), end, "months", months=(1, last_month))
    if kind == "monthsto":
        last_month = _month_number(match.group("mtm"))
        count = (
            small_number(match.group("mtn"))
            if match.group("mtn")
            else 6
            if match.group("mth")
            else last_month
        )
        if not count or not last_month or not 1 < count <= last_month:
            return None
        return _Atom(start, end, "months", months=(last_month - count + 1, last_month))
    if kind == "xmas":
        if published is None:
            return None
        # a January article looks back on the season just past
        year = published.year if published.month >= 3 else published.year - 1
        return _Atom(start, end, "span", label=f"{year}-12..{year + 1}-01")
    if kind == "zmonthsto":
        last_month = int(match.group("ztm"))
        count = 6 if match.group("zth") else small_number(match.group("ztn"))
        if not count or not 1 < count <= last_month <= 12:
            return None
        return _Atom(start, end, "months", months=(last_month - count + 1, last_month))
    if kind == "firstn":
        text = match.group("fn") or match.group("zfn")
        count = small_number(text)
        if (
            count
            and count < 6
            and not match.group().lower().startswith(("first", "past", "opening"))
            and sentence[max(0, start - 8) : start].lower().endswith(("in the ", "for the "))
        ):
            return None  # "in the two months": the months in force, not the year's first two
        return _Atom(start, end, "months", months=(1, count)) if count and 1 < count <= 12 else None
    if kind == "firstq":
        count = small_number(match.group("fq") or match.group("zfq") or match.group("zfq3"))
        return _Atom(start, end, "months", months=(1, 3 * count)) if count else None
    if kind == "lastq":
        return _Atom(start, end, "quarter", months=(10, 12))
    if kind == "quarter":
        if match.group("zq1"):
            return _Atom(start, end, "quarter", months=(1, 3))
        groups = ("qn", "qd", "zq", "zq2", "zq4")
        text = next(match.group(name) for name in groups if match.group(name)).lower()
        quarter = _ORDINALS.get(text) or small_number(text)
        return _Atom(start, end, "quarter", months=(3 * quarter - 2, 3 * quarter)) if quarter else None
    if kind == "half":
        if match.group("zhr") or match.group("zmid") or match.group("interim"):
            return _Atom(start, end, "half", months=(1, 6))
        text = (match.group("hn") or match.group("hd") or match.group("zh")).lower()
        half = 1 if text in {"first", "1", "上"} else 2
        return _Atom(start, end, "half", months=(6 * half - 5, 6 * half))
    if kind == "month":
        month = _month_number(
            match.group("mon") or match.group("may") or match.group("zmon") or match.group("zmonc")
        )
        return _Atom(start, end, "month", months=(month, month)) if month and month <= 12 else None
    if kind == "year":
        name = _NAME_BEFORE.search(sentence, max(0, start - 20), start)
        if (
            name
            and name.group(1).lower() not in YEAR_PREPOSITIONS_EN
            and name.group(1).lower()[:3] not in MONTH_NUMBERS
        ):
            return None
        if sentence[end : end + 1] == "强":
            return None
        return _Atom(start, end, "year", year=int(match.group("yv")))
    if kind == "rel":
        if published is None:
            return None
        text = match.group().lower()
        offset = -1 if text in {"last year", "去年", "上年"} else 1 if text in {"next year", "明年"} else 0
        if text in {"年底", "年末"} and sentence[start - 1 : start] not in {"到", "至"}:
            return None
        return _Atom(start, end, "year", year=published.year + offset, label=None, relative=True)
    if kind == "relmonth":
        if published is None:
            return None
        text = match.group().lower()
        offset = -1 if text.startswith(("last", "上")) else 1 if text.startswith(("next", "下")) else 0
        index = published.year * 12 + published.month - 1 + offset
        month = index % 12 + 1
        return _Atom(start, end, "month", year=index // 12, months=(month, month), relative=True)
    if kind == "now":
        return _Atom(start, end, "now", label=published.isoformat()) if published else None
    if kind == "sofar":
        # not a point: the year's flows so far take the day too ("shipped 12,000 tonnes so far this year")
        return _Atom(start, end, "sofar", label=published.isoformat()) if published else None
    return None


_KINDS = frozenset(
    [
        "thru",
        "monthsto",
        "zmonthsto",
        "xmas",
        "monthyear",
        "fullyear",
        "drange",
        "date",
        "plan",
        "yrange",
        "mrange",
        "firstn",
        "firstq",
        "lastq",
        "quarter",
        "half",
        "month",
        "year",
        "relmonth",
        "rel",
        "now",
        "sofar",
    ]
)


def _kind_of(match: re.Match[str]) -> str:
    for name in _KINDS:
        if match.group(name) is not None:
            return name
    return ""


def _merge(sentence: str, atoms: list[_Atom]) -> list[_Atom]:
    """Join a sub-year period with the year written next to it ("first half of 2025", 2025年上半年)."""
    merged: list[_Atom] = []
    index = 0
    while index < len(atoms):
        atom = atoms[index]
        nxt = atoms[index + 1] if index + 1 < len(atoms) else None
        if (
            atom.months
            and nxt
            and nxt.kind == "year"
            and _ATTACH_SUFFIX.match(sentence[atom.end : nxt.start])
        ):
            atom.year, atom.end = nxt.year, nxt.end
            index += 2
        elif atom.kind == "year" and nxt and nxt.months and sentence[atom.end : nxt.start].strip() == "":
            nxt.year, nxt.start = atom.year, atom.start
            atom = nxt
            index += 2
        else:
            index += 1
        merged.append(atom)
    return merged


def _is_base(sentence: str, atom: _Atom) -> bool:
    """Whether a period is what a figure is compared with ("比2024年", "from the same period of")."""
    before = sentence[max(0, atom.start - 30) : atom.start]
    return bool(
        (may_end_with(before, _BASE_ENDS, '“"「') and _BASE_BEFORE.search(before))
        # ("2024 figures" are a base; "the full-year figure" is the year's own)
        or (_BASE_AFTER.match(sentence[atom.end : atom.end + 8]) and atom.months != (1, 12))
        or _compared_figure_before(sentence[max(0, atom.start - 50) : atom.start])
    )


def _render(
    atom: _Atom,
    years: list[int],
    context_year: int | None,
    published: date | None,
    context_is_earlier: bool,
    ahead: bool = False,
) -> str | None:
    if atom.label:
        return atom.label
    if atom.kind == "year":
        return str(atom.year)
    if atom.months is None:
        return None
    if (
        context_is_earlier
        and published is not None
        and context_year is not None
        and context_year < published.year
        and atom.months[1] < published.month
    ):
        context_year = None  # an older year of an earlier paragraph does not date a span ended this year
    year = atom.year or (years[-1] if years else None) or context_year
    if year is None:
        if published is None:
            return None
        ended = atom.months[1] < published.month or (atom.dated and atom.months[1] == published.month)
        if ahead and not atom.relative:
            # "管理层预计，下半年收入增幅可达18%": a forecast names the span still to come
            year = published.year + 1 if ended else published.year
        else:
            year = published.year if ended else published.year - 1
    low, high = atom.months
    # one notation per span: the first six months are H1, three months of one quarter a quarter
    if (low, high) == (1, 12):
        return str(year)
    if atom.kind == "half" or (high - low == 5 and high % 6 == 0):
        return f"{year}-H{high // 6}"
    if atom.kind == "quarter" or (high - low == 2 and high % 3 == 0):
        return f"{year}-Q{(high // 3)}"
    if low == high:
        return f"{year}-{low:02d}"
    return f"{year}-{low:02d}..{year}-{high:02d}"


def _month_number(text: str | None) -> int | None:
    if text is None:
        return None
    if not text.isascii():
        return small_number(text)  # 十二月
    if text.isdigit():
        return int(text)
    return MONTH_NUMBERS.get(text.lower()[:3])
