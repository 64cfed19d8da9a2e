"""Which catalogue metric a figure measures: the nearest catalogue phrase that fits its unit and role.

The phrase is looked for right after the figure ("60,000 firms", "a 5% increase in exports"), then before
it in its clause, around it, and in an earlier clause when the figure's own clause names no subject of
its own. A phrase that names a subset ("exports of drones", 无人机出口, "overseas revenue") gives no
metric unless the part is named: catalogued, or a traded product written as such (reader._traded_product).
A change in percentage points keeps the metric of the percent before it. See docs/architecture.md ("Metric
keys").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from gdwatch.config.models import MetricDefinition
from gdwatch.extractors.figures.facts import ListItem, SentenceFacts
from gdwatch.extractors.figures.figure import Figure
from gdwatch.extractors.figures.lexicon import (
    BEFORE_WHOLE_PHRASE_EN,
    INDUSTRY_WORDS_EN,
    INDUSTRY_WORDS_ZH,
    MONTHS,
    NOT_SUBJECT_EN,
    NOT_SUBJECT_ZH,
    PERIOD_WORD_EN,
    RATE_COMPARED_EN,
    RATE_COMPARED_ZH,
    VERBS_AND_ADVERBS_EN,
    WITH_GUANGDONG_ZH,
    alternation,
)
from gdwatch.extractors.figures.matcher import PhraseHit
from gdwatch.extractors.figures.segments import parts
from gdwatch.extractors.figures.subjects import SubjectGrammar
from gdwatch.extractors.records import Observation

_UNIT_KINDS = {
    "currency": {"currency", "any"},
    "percent": {"percent", "ratio", "any"},
    "pp": {"percent", "pp", "ratio", "any"},
    "count": {"count", "any"},
    "years": {"years", "any"},
    # "2.4 times the level of a year earlier", 是去年的2.4倍: a multiple of a level measures that level
    "times": {"times", "currency", "count", "any"},
}
# "..., and those of high-tech products climbed 9.1 percent": the measure of the clause before, for a part
_THOSE_OF = re.compile(r"\b(?:those|that)\s+(?:of|to|from)\b", re.I)
_ADJACENT_WORD = re.compile(r"[A-Za-z&'’-]\s*$")
_GENERIC_GOODS = re.compile(r"^\s+of\s+(?:[\w-]+\s+){0,2}?(?:goods|products|commodities|services)\b", re.I)
# "exports of drones" names a part; "foreign trade of south China's Guangdong Province" names the whole
# ("growth of around 5 percent": a bound word before the number)
_SUBSET_OF = re.compile(
    r"^\s+of\s+(?!the\b|its\b|their\b|south\b|southern\b|\d|[A-Z]"
    r"|(?:about|around|roughly|approximately|some|nearly|almost|over|more than|at least|up to)\s+[\d$¥]"
    # "added value of industrial enterprises above designated size": the statistics' whole, not a part
    r"|(?:(?:industrial|major industrial|large industrial|larger industrial)\s+)?"
    r"(?:enterprises|firms|companies)\s+(?:above|with annual)|industry\b)[a-z]"
)
_IN_AFTER = re.compile(
    r"^\s*(?:(?:increase|rise|growth|decline|drop)\s+)?in\s+(?:the\s+)?(?:[\w&-]+\s+){0,3}$", re.I
)
_IN_SUBJECT = re.compile(
    r"^\s+in\s+(?!the\s+(?:first|second|third|fourth|same|past|last|next|end|month|quarter|half|year|period|"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+months|"
    rf"week|reporting|(?i:{alternation(MONTHS)}))\b|(?:spring|summer|autumn|winter|"
    rf"total|all|{alternation(MONTHS)})\b)[a-z]"
)
_ZH_NO_SUBJECT = re.compile(f"^(?:{alternation(NOT_SUBJECT_ZH)})")
_GENERIC_DENOMINATOR = re.compile(
    r"^\s*(?:of\s+(?:the\s+|its\s+|their\s+|[A-Z][a-z]+'s\s+|the\s+(?:country|province|city|nation)'s\s+)*"
    r"(?:total|output|national|whole|them|it|all|country|nation|province|production)\b|$|[,;.)。；，！？!?]|的(?:份额|比重))"
)


# is_whole's patterns, compiled once instead of looked up in re's cache for every phrase
_WORDS_BEFORE = re.compile(r"[A-Za-z][A-Za-z&'’-]*")
_HAN_RUN_END = re.compile(r"[\u4e00-\u9fff、“”「」]*$")
_QUOTES_ZH = re.compile(r"[“”「」]")
_PREPOSITIONS_ZH = tuple("对与向从同自")
_PERIOD_REST_ZH = re.compile(r"^(?:季度|季|月份|月|年)")
# 对, 自 or 向 and one character of the partner's name, right before the trade: 对阿出口, 自阿进口
PARTNER_CUT_TO_ONE_CHARACTER = re.compile(r"[对自向]([\u4e00-\u9fff])")
# the same with 方 ("side") after the character, at the end of the words before the trade: 粤企向乌方出口
PARTNER_SIDE_AT_END = re.compile(r"[对自向从]([\u4e00-\u9fff])方$")
_GUANGDONG_AND_ONE_CHARACTER = re.compile(r"粤[\u4e00-\u9fff](?:两地|双边)?")
_PREFIX_BREAK = re.compile(r"[、是的了在个有为和及]")
_REPORTING_VERB_END = re.compile(r"(?:共|累计|合计)?(?:实现|完成|达到|达)$")


def role_of(metric: MetricDefinition) -> str:
    """The role a metric's key declares: "growth" (``*_growth``), "share" (``*_share``) or "level"."""
    if metric.key.endswith("_growth"):
        return "growth"
    if metric.key.endswith("_share"):
        return "share"
    return "level"


def measures_something_else(body: str, hit: PhraseHit) -> bool:
    """Whether a trade phrase heads the name of another measure: 出口交货值 (the delivery value of industry's
    exports) or 出口均价 (the price of the goods traded), whoever's goods they are; "outbound investment"."""
    if body[hit.start : hit.end].lower() == "outbound":
        # "outbound direct investment", "outbound trains", "outbound and inbound flows": not the goods sold
        return _NOT_OUTBOUND_GOODS.match(body, hit.end) is not None
    return body.startswith(("交货值", "均价", "单价", "价格", "平均单价", "平均价格"), hit.end)


_NOT_OUTBOUND_GOODS = re.compile(
    r"\s+(?:and\b|direct\b|investment|investors?\b|trains?\b|flights?\b|tourism|tourists?\b|travel|"
    r"passengers?\b|visits?\b|trips?\b|mergers?\b|acquisitions?\b|freight\b|flows?\b)",
    re.I,
)


def is_whole(body: str, hit: PhraseHit, subjects: SubjectGrammar) -> bool:
    """False for a phrase that names a subset: "exports of drones", 无人机出口, "overseas revenue".

    Args:
        body: the sentence.
        hit: a catalogue phrase found in it.
        subjects: the words that may stand before a Chinese phrase (:class:`subjects.SubjectGrammar`).

    Returns:
        True when the phrase names the whole quantity its metrics measure.
    """
    if all(metric.unit_kind == "count" or role_of(metric) == "share" for metric in hit.metrics):
        return True
    found = body[hit.start : hit.end]
    if found[:1].isascii():
        words = _WORDS_BEFORE.findall(body[max(0, hit.start - 30) : hit.start])
        if words:
            word = words[-1]
            lower = word.lower()
            adjacent = _ADJACENT_WORD.search(body, max(0, hit.start - 30), hit.start) is not None
            allowed = (
                lower in BEFORE_WHOLE_PHRASE_EN
                or lower in VERBS_AND_ADVERBS_EN
                or lower.endswith(("'s", "’s", "ed", "ing"))
                or word[0].isupper()
                or lower in INDUSTRY_WORDS_EN
                or PERIOD_WORD_EN.fullmatch(lower) is not None  # "fourth-quarter exports"
                or found.lower().startswith(INDUSTRY_WORDS_EN)
            )
            if adjacent and not allowed:
                return False
        rest = body[hit.end : hit.end + 40]
        return not (_SUBSET_OF.match(rest) and not _GENERIC_GOODS.match(rest))
    if measures_something_else(body, hit):
        return False
    if found.startswith(WITH_GUANGDONG_ZH):
        return True  # 塞浦路斯与广东之间的货物贸易: the trade of the partner before it with Guangdong, whole
    window = body[max(0, hit.start - 24) : hit.start]
    run = _HAN_RUN_END.search(window)
    prefix = _QUOTES_ZH.sub("", run.group() if run else "")
    if run is not None and run.start() and window[run.start() - 1].isdigit():
        # 第3季出口, 10月出口: the rest of a period written with a digit is no subject
        prefix = _PERIOD_REST_ZH.sub("", prefix, count=1)
    if body.startswith(("广东", "粤"), hit.end) and not prefix.startswith(_PREPOSITIONS_ZH):
        # 美国、欧盟和日本分别进口广东筋膜枪: the partners import Guangdong's goods; no Guangdong trade phrase
        return False
    prefix = subjects.partner_prefix.sub("", prefix)
    prefix = _PREFIX_BREAK.split(prefix)[-1]
    if found.startswith(("卖到", "销往", "卖往", "销到")):
        # 走跨境电商渠道卖到海外的皮具: the channel the goods were sold through is no part of their name
        prefix = _CHANNEL_BEFORE_ZH.sub("", prefix)
    if PARTNER_CUT_TO_ONE_CHARACTER.fullmatch(prefix) or _GUANGDONG_AND_ONE_CHARACTER.fullmatch(prefix):
        return True  # 对阿出口, 自阿进口, 粤尼贸易额: the trade with a partner the article names in full
    if PARTNER_CUT_TO_ONE_CHARACTER.fullmatch(prefix[-2:]) and subjects.allowed_prefix.fullmatch(prefix[:-2]):
        return True  # 广东对斯出口: the same, after the words a whole's trade may open with
    side = PARTNER_SIDE_AT_END.search(prefix)
    if side is not None and (not side.start() or subjects.allowed_prefix.fullmatch(prefix[: side.start()])):
        return True  # 粤企向乌方出口, 自乌方进口: the trade with the partner's side
    # 模具产业实现营业收入: the industry's measure, with the verb that reports it between; 陈皮产业规模: the
    # phrase names the industry itself, whatever its goods
    if (
        not prefix
        or _REPORTING_VERB_END.sub("", prefix).endswith(INDUSTRY_WORDS_ZH)
        or found.startswith("产业")
    ):
        return True
    return bool(subjects.allowed_prefix.fullmatch(prefix))


def candidates(hit: PhraseHit, figure: Figure, role: str) -> list[MetricDefinition]:
    """The metrics of a phrase that fit a figure's unit and role, the best first.

    Args:
        hit: a catalogue phrase.
        figure: the figure.
        role: its role (:func:`roles.figure_role`).

    Returns:
        The fitting metrics.
    """
    if hit.verb and figure.kind in {"percent", "pp"} and role != "growth":
        return []  # "shipped ... overseas, or 90.7 percent of the city's exports": a verb measures no share
    kinds = _UNIT_KINDS[figure.kind]
    fitting = [m for m in hit.metrics if m.unit_kind in kinds]
    if figure.kind in {"percent", "pp"}:
        fitting = [m for m in fitting if role_of(m) in {role, "level"} or role == "level"]
        fitting.sort(key=lambda m: (role_of(m) != role, role_of(m) != "level"))
    return fitting


def choose_hit(
    facts: SentenceFacts,
    index: int,
    figure: Figure,
    role: str,
    item: ListItem | None,
    list_start: int | None = None,
) -> PhraseHit | None:
    """The catalogue phrase a figure belongs to (its subject), or None.

    Args:
        facts: the figure's sentence.
        index: the figure's index in the sentence.
        figure: the figure.
        role: its role (:func:`roles.figure_role`).
        item: what a "respectively" list pairs with the figure, if it is in one.
        list_start: where that list's first figure starts.

    Returns:
        The phrase, or None.
    """
    if item is not None and item.hit is not None:
        return item.hit if candidates(item.hit, figure, role) else None
    if item is not None and item.unnamed:
        return None
    found = _chosen_hit(facts, index, figure, role)
    if found is None and item is not None and list_start is not None:
        # "Exports to the US, the EU and ASEAN amounted to 6.83 billion yuan, 4.27 billion yuan and 3.15
        # billion yuan, respectively": items that name no phrase share the one written before the list;
        # also one that measured an amount before the list that the list splits ("surged to 3.26 billion
        # yuan, with Europe and Southeast Asia taking 1.47 billion yuan and 0.92 billion yuan"), but not for
        # rates, which are then shares ("with ASEAN and the Middle East taking 46 percent and 19 percent")
        previous_end = max((f.end for f in facts.figures if f.end <= list_start), default=0)
        if figure.kind == "currency":
            previous_end = 0
        shared = [
            h
            for h in facts.hits
            if previous_end <= h.start and h.end <= list_start and candidates(h, figure, role)
        ]
        found = shared[-1] if shared else None
    return found


def _chosen_hit(facts: SentenceFacts, index: int, figure: Figure, role: str) -> PhraseHit | None:
    body = facts.body
    clause_start, clause_end = facts.clause(figure.start)
    next_start = facts.figures[index + 1].start if index + 1 < len(facts.figures) else len(body)
    right_limit = min(clause_end, next_start)
    # why: which phrases fit depends only on the figure's kind and role; asked once per sentence for each
    usable = facts.usable_hits.get((figure.kind, role))
    if usable is None:
        usable = facts.usable_hits[figure.kind, role] = [h for h in facts.hits if candidates(h, figure, role)]
    right = [h for h in usable if figure.end <= h.start < right_limit]
    after = body[figure.end : right_limit]
    if figure.kind == "count":
        if right:
            return right[0]
        if figure.noun_after:
            return None
    elif right and _IN_AFTER.match(body[figure.end : right[0].start]):
        return right[0]
    elif figure.kind == "currency" and _IN_SUBJECT.match(after):
        return None
    in_clause = [h for h in usable if clause_start <= h.start and h.end <= figure.start]
    if in_clause:
        return in_clause[-1]
    inside = [h for h in usable if h.start < figure.start < h.end]
    if inside:
        return inside[0]
    if role == "share" and figure.kind == "percent":
        if right:
            return right[0]
        if _own_share_subject(after):
            return None
    clause_before = body[clause_start : figure.start]
    for earlier_figure in reversed(facts.figures[:index]):
        if earlier_figure.start < clause_start:
            break
        # "rose 11.4 per cent to 14.2 billion yuan": a figure before is no subject of the clause
        offset = earlier_figure.start - clause_start
        clause_before = clause_before[:offset] + clause_before[earlier_figure.end - clause_start :]
    if clause_before.isascii():
        # "rose 7.6 percent in the first eight months to 13.8 billion yuan": a period is no subject either
        for mention in reversed([*facts.periods, *facts.bases]):
            if clause_start <= mention.start and mention.end <= figure.start:
                clause_before = clause_before.replace(facts.body[mention.start : mention.end], " ", 1)
    if (
        _THOSE_OF.search(clause_before)
        or not _has_own_subject(clause_before, facts.vocabulary.subjects)
        or _names_only_a_part(facts, clause_start, figure.start)
    ):
        earlier = [h for h in usable if h.end <= clause_start]
        if earlier:
            return earlier[-1]
    return None


def choose_metric(
    facts: SentenceFacts,
    index: int,
    figure: Figure,
    role: str,
    hit: PhraseHit | None,
    earlier: Sequence[Observation],
) -> MetricDefinition | None:
    """The metric of a figure: the best candidate of its phrase, or the metric a pp change inherits.

    Args:
        facts: the figure's sentence.
        index: the figure's index in the sentence.
        figure: the figure.
        role: its role (:func:`roles.figure_role`).
        hit: its phrase (:func:`choose_hit`).
        earlier: the observations of the sentence's earlier figures, one per figure.

    Returns:
        The metric, or None.
    """
    if figure.kind == "pp":
        inherited = _inherit_from_previous_percent(facts, index, earlier)
        if inherited is not None:
            return inherited
    if hit is None:
        return None
    fitting = candidates(hit, figure, role)
    if figure.kind == "times" and _multiplies_a_volume(facts, hit):
        fitting = [m for m in fitting if m.unit_kind != "currency"]
    return fitting[0] if fitting else None


def _multiplies_a_volume(facts: SentenceFacts, hit: PhraseHit) -> bool:
    """ "exports reached 218,000 units, 2.1 times ...", 出口量是上年的1.8倍: a multiple of a volume, not of
    the value the phrase's currency metric measures."""
    return facts.body[hit.end : hit.end + 1] == "量" or any(f.kind == "count" for f in facts.figures)


def _inherit_from_previous_percent(
    facts: SentenceFacts, index: int, earlier: Sequence[Observation]
) -> MetricDefinition | None:
    """A change in percentage points right after a share or level keeps that figure's metric."""
    for previous in range(index - 1, -1, -1):
        figure = facts.figures[previous]
        if figure.conversion_of is not None:
            continue
        if figure.kind != "percent":
            return None
        observation = earlier[previous]
        return _metric_by_key(facts, observation.metric) if observation.metric else None
    return None


def _metric_by_key(facts: SentenceFacts, key: str) -> MetricDefinition | None:
    for hit in facts.hits:
        for metric in hit.metrics:
            if metric.key == key and role_of(metric) != "growth":
                return metric
    return None


def compared_rate_metric(
    facts: SentenceFacts, index: int, figure: Figure, earlier: Sequence[Observation]
) -> MetricDefinition | None:
    """The metric of the growth rate a rate with no phrase of its own is compared with, in its sentence:
    "grew 3.9 percent, slower than the national rate of 5.2 percent", "outpacing Zhuhai's 3.8 percent",
    "quickening from 3.9 percent in the second quarter", 年增4.8%，季增1.1%.

    Args:
        facts: the figure's sentence.
        index: the figure's index in the sentence.
        figure: the figure.
        earlier: the observations of the sentence's earlier figures, one per figure.

    Returns:
        The earlier rate's growth metric, or None.
    """
    if figure.kind != "percent":
        return None
    previous = next((i for i in range(index - 1, -1, -1) if facts.figures[i].conversion_of is None), None)
    key = earlier[previous].metric if previous is not None else None
    if previous is None or key is None or facts.figures[previous].kind != "percent":
        return None
    metric = facts.vocabulary.metrics.get(key)
    gap_start, gap_end = facts.figures[previous].end, figure.start
    if (
        metric is None
        or role_of(metric) != "growth"
        or gap_end - gap_start > _COMPARED_REACH
        or any(gap_start <= h.start < gap_end for h in facts.hits)
    ):
        return None
    gap = facts.body[gap_start:gap_end]
    if gap.isascii():
        return metric if _RATE_COMPARED.search(gap) else None
    return metric if any(word in gap for word in RATE_COMPARED_ZH) else None


_COMPARED_REACH = 90
_RATE_COMPARED = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in RATE_COMPARED_EN) + r")\b", re.I)


_BREAKDOWN = re.compile(
    r"(?:分|按|从)(?:经济类型|所有制|企业类型|登记注册类型|企业性质)(?:看|分)?[，,：:]"
    r"|by (?:type of )?ownership,|broken down by ownership,",
    re.I,
)


# what an amount measures when it is no trade: a price, an output value, sales, a profit
_NOT_A_TRADE_AMOUNT = re.compile(
    r"均价|均價|单价|單價|价|價|产值|產值|营收|營收|销售额|銷售額|交易额|交易額|利润|利潤"
    r"|\b(?:price|prices|priced|output value|revenue|sales|turnover|profit)\b",
    re.I,
)


def growth_metric_in_force(
    facts: SentenceFacts,
    figure: Figure,
    role: str,
    in_force: MetricDefinition | None,
    earlier: Sequence[Observation] = (),
) -> MetricDefinition | None:
    """The growth metric of the sentence before, for a rate whose sentence names no measure at all
    ("上半年GDP增长4.2%。分季度看，一季度增长4.1%").

    Args:
        facts: the figure's sentence.
        figure: the figure.
        role: its role.
        in_force: the growth metric of the last rate or level read, or None.
        earlier: the observations of the sentence's earlier figures, one per figure.

    Returns:
        That metric when the sentence has no catalogue phrase, no segment and no subject of its own.
    """
    if in_force is None or role != "growth":
        return None
    clause_start, _ = facts.clause(figure.start)
    if in_force.key == "industrial_added_value_growth" and _INDUSTRY_SUBJECT.search(
        facts.body[clause_start : figure.start]
    ):
        # "分行业看，…电子设备制造业增长9.6%，汽车制造业下降1.9%": industries' added value, after the whole's
        # (also in the whole's sentence: "…工业增加值增长4.5%；先进制造业和高技术制造业分别增长6.8%和7.9%")
        return in_force
    if facts.hits:
        return None
    if _BREAKDOWN.match(facts.body) and role_of(in_force) == "growth":
        # "分经济类型看，国有控股企业、民营企业…分别增长3.1%、6.2%": the parts of the rate just read
        return in_force
    if parts(facts.segments):
        if in_force.key == "retail_sales_growth" and _SALES_OF_A_PART.search(
            facts.body, clause_start, figure.start
        ):
            # "Sales of home appliances jumped 14.3 percent" after the retail sales: a part of them
            return in_force
        return None
    levels = [i for i, f in enumerate(facts.figures[: len(earlier)]) if f.kind not in {"percent", "pp"}]
    if levels:
        # "进出口8100亿元，同比增长5.2%" / "箱量28.6万标箱，增长16.5%": the rate of the level before it
        level_metric = earlier[levels[-1]].metric
        if level_metric is not None:
            return growth_counterpart(facts.vocabulary.metrics[level_metric], facts.vocabulary.metrics)
        level = facts.figures[levels[-1]]
        if level.kind == "count" or (
            level.kind == "currency" and _NOT_A_TRADE_AMOUNT.search(facts.body, *facts.clause(level.start))
        ):
            # a rate of a count, a price or an output value the catalogue has no metric for:
            # 產值3.3億元，按月增長2.8%, 批發價每斤138元，較上月同日上升6.2%
            return None
    if _has_own_subject(facts.body[clause_start : figure.start], facts.vocabulary.subjects):
        return None
    return in_force if role_of(in_force) == "growth" else None


# "exported 6.78 billion yuan, up 8.7 percent", "worth 142.6 billion yuan last year, up 7.8 percent",
# "出口41.5亿元，增长9.4%": the rate written right after a level, joined by a few words with no figure, a
# comma and its verb, is the level's rate; digits between are no figure ("of desktop 3D printers", "in the
# first 10 months of 2026": the figure before the rate is the level)
_RIGHT_AFTER_A_LEVEL = re.compile(
    r"\)?[^,，;；.。()]{0,60}(?:\([^()]{0,30}\))?"
    r"\s*[,，]\s*(?:(?:marking|representing|posting|recording)\s+)?(?:an?\s+)?(?:year[- ]on[- ]year\s+)?"
    # 进口额6.8亿元，只增长了2.7%: an adverb before the Chinese verb
    r"(?:只|仅|又|再|也|则|还|均|都)?"
    r"(?:up|down|rising|falling|growing|increasing|decreasing|rise of|increase of|decline of|drop of|gain of"
    r"|同比增长|同比下降|增长|下降|上升|增加|减少|(?:涨幅|增幅|升幅|降幅|跌幅)(?:为|达)?"
    r"|微增|微降|增多|上扬|攀升|跃升|抬升|走高|走低|下滑|回落|提高|提升|扩大"
    # a month's or a quarter's rate against the one before, and Taiwan's press: 月增5.8%, 季增6.5%, 年减2.1%
    r"|(?:环比|按年|按月|按季)(?:增长|下降|上升|减少)|[年月季](?:增|减)|成长|衰退"
    # 高出上年同期18.7%, 较上年同期多出27.3%: higher than the same months a year before
    r"|(?:较上年同期|较去年同期)?(?:高出|多出)(?:上年同期|去年同期)?)了?\s*(?:by\s+)?"
)


def rate_of_the_level_before(
    facts: SentenceFacts, figure: Figure, earlier: Sequence[Observation]
) -> MetricDefinition | None:
    """The growth metric of the level written right before a rate ("exported 6.78 billion yuan, up 8.7
    percent"), when that level has a metric; else None."""
    index = len(earlier)
    if not index or index >= len(facts.figures) or facts.figures[index] is not figure:
        return None
    before = facts.figures[index - 1]
    level = earlier[index - 1].metric
    if before.kind in {"percent", "pp"} or level is None:
        return None
    if not _RIGHT_AFTER_A_LEVEL.fullmatch(facts.body, before.end, figure.start):
        return None
    return growth_counterpart(facts.vocabulary.metrics[level], facts.vocabulary.metrics)


_CHANNEL_BEFORE_ZH = re.compile(r"(?:经|经由|通过|走|借助|借)[\u4e00-\u9fff]{1,10}?(?:渠道|平台|电商)$")
_SALES_OF_A_PART = re.compile(
    r"\b(?:[Ss]ales|[Ss]pending)\s+(?:of|on)\b|\b[a-z]+\s+sales\s+(?:rose|grew|jumped|fell)"
)
_INDUSTRY_SUBJECT = re.compile(
    r"(?:制造业|行业|产业|工业)(?:增加值)?(?:分别)?(?:同比)?(?:增长|下降|回落|提高)?$"
    r"|\bmanufacturing\s+(?:rose|grew|fell|was up|was down|expanded)?\s*(?:by\s+)?$"
)


def growth_counterpart(
    metric: MetricDefinition, metrics: dict[str, MetricDefinition]
) -> MetricDefinition | None:
    """The growth metric of a level ("retail_sales" -> "retail_sales_growth"), for a rate that follows it
    ("Retail sales reached 432.6 billion yuan. That was up 2.8 percent ...").

    Args:
        metric: a metric just read.
        metrics: the catalogue's metrics by key.

    Returns:
        The metric itself when it is a growth rate, its growth metric when the catalogue has one, or None.
    """
    if role_of(metric) == "growth":
        return metric
    if role_of(metric) == "share" or metric.unit_kind not in {"currency", "count"}:
        return None
    stem = metric.key.removesuffix("_total")
    return metrics.get(f"{stem}_growth")


_WORDS = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _names_only_a_part(facts: SentenceFacts, start: int, end: int) -> bool:
    """ "…增加值增长6.1%，其中民营企业增长7.4%，国有企业增长2.9%": a Chinese clause whose only subject is a
    catalogued part continues the measure of the clause before it, for that part."""
    body = facts.body
    if body[start:end].isascii():
        return False
    # firms by ownership or size only: "税收", "贸易顺差" or "固定资产投资" would name measures of their own
    named = [
        m
        for m in parts(facts.segments)
        if start <= m.start and m.end <= end and body[m.end - 2 : m.end] == "企业"
    ]
    if not named:
        return False
    rest = body[start:end]
    for mention in sorted(named, key=lambda m: m.start, reverse=True):
        rest = rest[: mention.start - start] + rest[mention.end - start :]
    rest = _ZH_PART_FILLER.sub("", rest)
    return not _has_own_subject(rest, facts.vocabulary.subjects)


# what stands around a part's name in such a clause: 其中, 分经济类型看, the verb before the figure
_ZH_PART_FILLER = re.compile(
    r"其中|分[\u4e00-\u9fff]{1,4}看|[，,；;：:]|(?:分别)?(?:增长|下降|增加|减少|提高|回落|上升|实现|达到?)了?$"
)


def _has_own_subject(clause_before: str, subjects: SubjectGrammar) -> bool:
    """Whether a clause names its own subject before the figure (then earlier clauses are not its subject)."""
    text = clause_before.strip()
    if not text:
        return False
    if text[0].isascii():
        words = _WORDS.findall(text)
        content = [
            w
            for w in words
            if w.lower() not in NOT_SUBJECT_EN and not w[0].isupper() and not PERIOD_WORD_EN.fullmatch(w)
        ]
        return bool(content)
    rest = subjects.time_or_place.sub("", text.lstrip("，,；;"))
    for form in subjects.company_forms:
        rest = rest.replace(form, "")
    return bool(rest) and not _ZH_NO_SUBJECT.match(rest)


def _own_share_subject(after: str) -> bool:
    """ "three-quarters of the city's exporters": the share names its own subject after the figure."""
    return not _GENERIC_DENOMINATOR.match(after)
