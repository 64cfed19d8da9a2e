"""What sort of quantity a figure is (its kind) and what a change is measured against (its basis).

Kinds (docs/figure-labels-v2.md, rule 11): ``level`` (an amount or count), ``change`` (a growth rate or
the change of a level: "up 4.4 percent", "down 200 billion yuan"), ``share`` (a part of a whole in
percent), ``increment`` (things added in the period, not the total: 新增…家, "added 1,200 firms") and
``multiple`` (a level written as a multiple of another: 是去年的4倍). A mom and a yoy rate, or the firms
added and the firms there are, are different keys in the warehouse and are never compared.

Basis (rule 12): ``yoy`` by default for a change, ``mom`` / ``qoq`` when written (环比 for a month or a
quarter, "month-on-month"), ``avg_annual`` for 年均 / "average annual", ``share_of_plan`` for a share of the
annual plan or target (完成年度计划76.5%).
"""

from __future__ import annotations

import re

from gdwatch.extractors.figures.figure import Figure
from gdwatch.extractors.figures.lexicon import COMPARISON_WORDS_EN, MONTHS, alternation
from gdwatch.extractors.figures.scan import may_end_with
from gdwatch.extractors.records import Basis, FigureKind

_INCREMENT_BEFORE = re.compile(
    r"(?:新增|新设|新登记|新引进|新落地|新认定|新培育|新开通|新建成?|净增|再培育|再建设|再建|"
    r"\badd(?:ed|ing|s)?\b|\bnewly\b|\bcultivate another\b|\bnet (?:increase|addition) of\b)"
    r"[^,，;；。]{0,30}$",
    re.I,
)
# "500 new firms", "two to three more such clusters", "6,300 firms registered their first ..."
_INCREMENT_AFTER = re.compile(
    r"^\s*(?:more\s+(?:such\s+)?|new\s+(?!energy)|additional\s+|[\w-]+\s+registered\s+their\s+first\b)", re.I
)
# a percent whose clause has a change word is a change, else a share of a whole (rates, ratios, intensities)
_CHANGE_WORDS = re.compile(
    r"\b(?:rose|rise|rising|grew|grow|growing|growth|increased?|increasing|up|down|fell|fall|falling|"
    r"dropped|drop|declined?|declining|climbed|climbing|jumped|jumping|soared|soaring|surged|surging|"
    r"expanded|expanding|edged|slipped|gained|gain|gains|shrank|contracted|higher|lower|faster|slower|dipped|"
    r"plunged|tumbled)\b"
    r"|增长|增加|下降|减少|提高|提升|上升|回落|下滑|增速|增幅|降幅|年增|年减|成长|扩大",
    re.I,
)
_BY_BEFORE = re.compile(
    # "made up about a third" is a share: "up" after a form of "make" is no rise
    r"\b(?:rose|grew|increased|jumped|climbed|soared|surged|fell|dropped|declined"
    r"|(?<!made )(?<!make )(?<!makes )(?<!making )up|down)"
    r"(?:\s+by)?\s*(?:about|around|nearly|almost|more than|over)?\s*$|增长了?|下降了?$",
    re.I,
)
_CHANGE_BEFORE = re.compile(
    r"(?:\b(?:up|down|rose by|fell by|increased by|decreased by|grew by|dropped by|declined by|"
    r"an increase of|a decrease of|a rise of|a drop of|a decline of)|增加|减少|多|少)\s*$",
    re.I,
)
_CHANGE_ENDS = ("up", "down", "by", "of", "增加", "减少", "多", "少")
"""What :data:`_CHANGE_BEFORE` may end with before its spaces (see :func:`scan.may_end_with`)."""


def _may_be_increment(before: str) -> bool:
    """Whether :data:`_INCREMENT_BEFORE` may match: the text holds a piece of one of its words."""
    # why: the search tries every offset; these pieces hold no letter a case-insensitive match folds
    lowered = before.lower()
    return (
        "新" in before
        or "净增" in before
        or "再" in before
        or "add" in lowered
        or "newly" in lowered
        or "cult" in lowered
        or "net " in lowered
    )


# "of the annual plan", "of this year's target", "of that goal", "of its output target for the year"
_PLAN_AFTER = re.compile(
    r"^\s*of\s+(?:the|its|their|this|that)\s+(?:(?:annual|full-year|yearly|year's|[\w'’-]+)\s+){0,2}?"
    r"(?:plan|target|goal)\b",
    re.I,
)
_PLAN_BEFORE = re.compile(
    r"(?:(?:完成|实现|达到|达|占)(?:了)?(?:年度|全年|今年)?(?:[\u4e00-\u9fff]{0,4}?)(?:计划|目标|任务){1,2}(?:的)?"
    # 全年产值目标完成进度达74.8%, 年度计划完成率为
    r"|(?:计划|目标|任务)完成(?:进度|率)(?:已)?(?:达到|达|为)?)\s*$"
)
_AVG_ANNUAL = re.compile(
    r"年均|average annual|annual average|annually on average|a year on average|on average each year"
    r"|average yearly|an average of [^,;.]{0,25}(?:a|per|each) year",
    re.I,
)
_MOM = re.compile(
    r"环比|month[- ]on[- ]month|from (?:the previous|a) month|\bon the month\b|\bsequential(?:ly)?\b"
    r"|\bm-o-m\b|\bmom\b|按月",
    re.I,
)
# Taiwan's press: 年增4.8%，季增1.1%, 月减3.7% (after simplification); never 第3季增长 or 1-5月增长
_QOQ_VERB_BEFORE = re.compile(r"(?<![\d一二三四第首])季[增减]\s*$")
_MOM_VERB_BEFORE = re.compile(r"(?<![\d一二三四五六七八九十份])月[增减]\s*$")
_QOQ = re.compile(r"quarter[- ]on[- ]quarter|from the previous quarter|\bq-o-q\b|\bqoq\b|按季", re.I)


# A base written right after the rate decides its basis before the clause's words do: "up 2.8 percent from
# a year earlier and 1.1 percent from October" is a yoy rate and a mom rate.
_COMPARED = rf"(?:{alternation(COMPARISON_WORDS_EN)})\s+"
_YOY_AFTER = re.compile(
    rf"^\s*(?:year[- ]on[- ]year|{_COMPARED}(?:a\s+year\s+(?:earlier|ago)|last\s+year|"
    r"the\s+same\s+(?:period|month|quarter)))",
    re.I,
)
# "more than in September", "12.9% higher than in April-June": the base after a comparative
_HIGHER_THAN = r"(?:more|less|fewer|higher|lower)\s+than\s+(?:in\s+)?"
# "October 2025", "October last year": the same month or months a year back, a year-on-year base
_A_YEAR_BACK = r",?\s+\d{4}|\s+(?:last|a)\s+year"
_MONTH_BASE_AFTER = re.compile(
    # "from October", "on September", "more than in September", "above September's level"
    rf"^\s*(?:{_HIGHER_THAN}|(?:above|below)\s+|"
    rf"{_COMPARED}|on\s+)(?:the\s+previous\s+month|(?:{alternation(MONTHS)})\b"
    # not a quarter (April-June) or the same month a year back (October last year, October 2025)
    rf"(?!{_A_YEAR_BACK}|-|\s+of\s+(?:last|the\s+previous)\s+year))",
    re.I,
)
# a quarter's rate compared with an earlier quarter: "from the second quarter", "above the April-June total"
_QUARTER_BASE_AFTER = re.compile(
    rf"^\s*(?:{_HIGHER_THAN}|"
    rf"{_COMPARED}|on\s+|over\s+|above\s+|below\s+)(?:the\s+)?(?:previous\s+quarter"
    rf"|(?:first|second|third)\s+quarter"
    rf"|(?:{alternation(MONTHS)})-(?:{alternation(MONTHS)})\b(?!{_A_YEAR_BACK}))",
    re.I,
)
# 比9月增长11.3%, 较9月扩大5.7%: a month's rate compared with an earlier month written before it (not
# 比去年10月)
_MONTH_BASE_BEFORE_ZH = re.compile(
    r"[较比](?:上个?月|\d{1,2}月份?|十[一二]月份?|[一二三四五六七八九十]月份?)"
    r"(?:增长|增加|下降|减少|扩大|回落|上升|提高|下滑|收窄|多出|高出|增多|微增|多|少)了?(?:约|近|逾|超过)?\s*$"
)

# A change against something other than the same period a year before has no basis (docs/figure-labels-v2.md):
# the previous fair session, an earlier cumulative period, the end of the last plan, ordinary days
_NO_BASIS = re.compile(
    r"上届|按届|(?:previous|last|spring|autumn)\s+(?:session|edition|fair|figure)(?!\s+a\s+year)"
    r"|[较比](?:一季度|首季|上半年|前三季度|去年全年|上年全年|年初|去年底|去年年底|平日)"
    r"|[较比]“?十[三四]五”?末|\bend of the 1[34]th five-year plan",
    re.I,
)

_EARLIER_QUARTER = re.compile(r"[较比](?:第?[一二三]季度|首季|上季度?)")

_BASIS_CUES = (
    "年均", "average", "annually", "a year on", "环比", "month", "quarter", "按月", "按季", "m-o-m", "q-o-q",
    "mom", "qoq", "sequential",
)  # fmt: skip


def kind_and_basis(
    figure: Figure, role: str, before: str, after: str, clause: tuple[str, str], period: str | None
) -> tuple[FigureKind, Basis | None]:
    """The kind of a figure and, for a change or a share of plan, its basis.

    Args:
        figure: the figure.
        role: "growth", "share" or "level" (:func:`roles.figure_role`).
        before: its clause before it (since the previous figure).
        after: the text right after it.
        clause: its clause before and after it (环比 or "month-on-month" may stand on either side; "rose 4%
            and 2%, respectively" says "rose" once).
        period: its period, to tell 环比 for a quarter (qoq) from 环比 for a month (mom).

    Returns:
        (kind, basis).
    """
    whole = clause[0] + clause[1]
    # why: the searches that end at the figure run only when their words are there (see scan.may_end_with)
    plan_before = ("目标" in before or "计划" in before or "任务" in before) and _PLAN_BEFORE.search(before)
    if figure.kind in {"percent", "pp"} and (_PLAN_AFTER.match(after) or plan_before):
        return "share", "share_of_plan"
    if figure.unit == "times" or figure.kind == "times":
        return "multiple", None
    if figure.kind == "pp" and role == "share":
        return "change", _basis(whole, period, after, before)  # "比重提升2.3个百分点": points are a change
    if role == "share":
        if figure.resolution == 0.0 and _BY_BEFORE.search(before):
            return "change", _basis(whole, period, before=before)  # "rose by a third"
        return "share", None
    if role == "growth" or figure.kind == "pp":
        if may_end_with(before, ("季增", "季减")) and _QOQ_VERB_BEFORE.search(before):
            return "change", "qoq"
        if may_end_with(before, ("月增", "月减")) and _MOM_VERB_BEFORE.search(before):
            return "change", "mom"
        return "change", _basis(whole, period, after, before)
    if figure.kind == "percent":
        # a percent that is not written as a growth rate: a rate or a part of a whole, unless its
        # clause still says it changed ("with that of high-tech manufacturing climbing 6.9 percent")
        if _CHANGE_WORDS.search(clause[0]):
            return "change", _basis(whole, period, before=before)
        return "share", None
    if figure.kind in {"currency", "count"}:
        if (_may_be_increment(before) and _INCREMENT_BEFORE.search(before)) or _INCREMENT_AFTER.match(after):
            return "increment", None
        change_before = may_end_with(before, _CHANGE_ENDS) and _CHANGE_BEFORE.search(before) is not None
        difference = (
            _DIFFERENCE_AFTER.match(after) is not None or _DIFFERENCE_BEFORE.search(before[-24:]) is not None
        )
        if (
            (change_before or difference)
            and figure.kind == "count"
            and figure.unit not in _MEASURED_UNITS
            and _COUNT_AGAINST_A_BASE.search(before[-20:] + after[:30])
        ):
            # 较去年同期增加37家, 比一年前多28家, "three fewer than at the start of the year": things added to
            # or gone from the count since a base, an increment (docs/figure-labels-v2.md)
            return "increment", None
        if change_before:
            return "change", _basis(whole, period, before=before)
        if difference:
            return "change", None  # "HK$0.9 less than a week before", "narrowed by 68 billion yuan"
    return "level", None


# counts of a measure, not of things: an area or a volume grows by a change (比去年增加2000亩, 增加2.4万吨)
_MEASURED_UNITS = frozenset(
    {"mu", "hectares", "square metres", "tonnes", "kilograms", "litres", "TEU", "days"}
)
# the base a count is compared with: a year or a moment before (较去年同期, 比年初, 比去年底, "than at the
# start of the year", "than a year earlier")
_COUNT_AGAINST_A_BASE = re.compile(
    r"[较比](?:去年|上年|一年前|年初|上年末|去年底|上年底|前年)|同比"
    r"|\bthan\s+(?:at\s+the\s+(?:start|end|beginning)|a\s+year|last\s+year|in\s+\d{4}|the\s+same|in\s+january)",
    re.I,
)


# an amount or a count written as the difference from a base
_DIFFERENCE_AFTER = re.compile(r"^\s*(?:less|lower|cheaper|fewer|more|higher|dearer)\s+than\b", re.I)
_DIFFERENCE_BEFORE = re.compile(
    r"\b(?:narrowed|widened|shrank|eased|slipped)\s+by\s*$|(?<!持)平\s*$|(?:收窄|扩大|下跌|上涨|涨|跌)了?\s*$",
    re.I,
)


def _may_have_no_basis(near: str) -> bool:
    """Whether :data:`_NO_BASIS` may match: one of its words is there (a cheap test before its search)."""
    if "届" in near or "较" in near or "比" in near:
        return True
    lowered = near.lower()
    words = ("session", "edition", "fair", "figure", "end of the 1")
    # why: a case-insensitive match also reads İ, ı, ſ and K as ASCII letters, which lower() keeps apart
    return any(word in lowered for word in words) or any(char in near for char in "İıſK")


_CLAUSE_END = re.compile(r"[，,；;。]")


def _basis(clause: str, period: str | None, after: str = "", before: str = "") -> Basis | None:
    near = before[-24:] + " " + _CLAUSE_END.split(after[:40], maxsplit=1)[0]
    if period is not None and "-Q" in period and _EARLIER_QUARTER.search(near):
        return "qoq"  # "二季度…比一季度回落0.3个百分点"
    if _may_have_no_basis(near) and _NO_BASIS.search(near):
        return None
    if _YOY_AFTER.match(after):
        return "yoy"
    if (
        period is not None
        and len(period) == 7
        and "-Q" not in period  # 2026-Q3 is as long as a month
        and (_MONTH_BASE_AFTER.match(after) or _MONTH_BASE_BEFORE_ZH.search(before[-16:]))
    ):
        return "mom"  # a month's rate compared with an earlier month
    if period is not None and "-Q" in period and _QUARTER_BASE_AFTER.match(after):
        return "qoq"
    lowered = clause.lower()
    # why: most changes are year on year; the patterns run only when one of their words is there
    if not any(cue in lowered for cue in _BASIS_CUES):
        return "yoy"
    if _AVG_ANNUAL.search(clause):
        return "avg_annual"
    if _QOQ.search(clause):
        return "qoq"
    if _MOM.search(clause):
        quarter = period is not None and "-Q" in period
        return "qoq" if quarter and ("环比" in clause or "sequential" in lowered) else "mom"
    return "yoy"
