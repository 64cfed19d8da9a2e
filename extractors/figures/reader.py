"""Read the figures of one sentence into observations: each figure gets its sign, metric, partner, entity,
period, projection and unit from the module that decides it.

======================  =============================================
decision                module
======================  =============================================
growth / share / level  :mod:`roles` (and the sign of a decline)
metric and subject      :mod:`metric_choice`
"respectively" lists    :mod:`respectively`
partner                 :mod:`partners`
entity                  :mod:`entity_choice`
period                  :mod:`period_choice`
projection              :mod:`projection`
======================  =============================================
"""

from __future__ import annotations

import calendar
import datetime
import re

from gdwatch.config.models import MetricDefinition
from gdwatch.extractors.figures.document import DocumentState
from gdwatch.extractors.figures.entities import find_entities
from gdwatch.extractors.figures.entity_choice import (
    choose_entity,
    entity_kind,
    local_price_owner,
    makes_topic,
)
from gdwatch.extractors.figures.facts import ListItem, SentenceFacts, Vocabulary
from gdwatch.extractors.figures.figure import Figure
from gdwatch.extractors.figures.headline_goods import subject_goods_zh
from gdwatch.extractors.figures.industries import industry_earnings, industry_of_revenue
from gdwatch.extractors.figures.kinds import kind_and_basis
from gdwatch.extractors.figures.lexicon import (
    ABROAD_WORDS_EN,
    BEFORE_WHOLE_PHRASE_EN,
    DATELINE_EN,
    HANDLED_WORDS_EN,
    MONTHS,
    NOT_IN_GOODS_EN,
    NOT_OTHER_GOODS_EN,
    NOT_PRODUCT_HEADS_EN,
    NOT_TRADERS_GOODS_EN,
    PERIOD_WORD_EN,
    PRICE_WORDS,
    SENT_ABROAD_VERBS_EN,
    alternation,
)
from gdwatch.extractors.figures.markets import is_market
from gdwatch.extractors.figures.matcher import PhraseHit
from gdwatch.extractors.figures.metric_choice import (
    PARTNER_CUT_TO_ONE_CHARACTER,
    PARTNER_SIDE_AT_END,
    choose_hit,
    choose_metric,
    compared_rate_metric,
    growth_counterpart,
    growth_metric_in_force,
    is_whole,
    measures_something_else,
    rate_of_the_level_before,
)
from gdwatch.extractors.figures.partners import choose_partner, share_partner, with_partner_before_period
from gdwatch.extractors.figures.period_choice import (
    base_period,
    choose_period,
    plan_share_period,
    price_day,
    trading_day,
)
from gdwatch.extractors.figures.periods import PeriodMention
from gdwatch.extractors.figures.projection import has_cue, is_projection, projection_cues
from gdwatch.extractors.figures.respectively import respectively_items
from gdwatch.extractors.figures.roles import figure_role, is_decline, is_level_drop
from gdwatch.extractors.figures.script import has_traditional
from gdwatch.extractors.figures.segments import (
    SegmentMention,
    choose_segment,
    counted_segment,
    find_segments,
    inside_a_part,
    names_part,
    opening_product_en,
    parts,
    plural_product,
    shipped_product_en,
    traded_object_zh,
    written_industry,
    written_product,
    written_product_after_en,
    written_product_en,
)
from gdwatch.extractors.figures.sentences import Sentence, among_examples, clause_breaks
from gdwatch.extractors.figures.written_measures import (
    counted_things_en,
    written_measure_en,
    written_measure_zh,
)
from gdwatch.extractors.records import Observation

_HAN_CHARACTER = re.compile(r"[\u3400-\u9fff]")


def sentence_facts(
    normalized: str,
    sentence: Sentence,
    state: DocumentState,
    vocabulary: Vocabulary,
    periods: list[PeriodMention],
    figures: list[Figure],
) -> SentenceFacts:
    """Read once what every decision about a sentence's figures looks up.

    Args:
        normalized: the whole normalized text.
        sentence: the sentence.
        state: the article read so far.
        vocabulary: the extractor's compiled catalogue and gazetteer.
        periods: the sentence's period mentions.
        figures: its figures (:func:`finder.find_figures`).

    Returns:
        The sentence's facts.
    """
    body = normalized[sentence.start : sentence.end]
    matchable = state.matchable[sentence.start : sentence.end]
    segments = _not_descriptions(
        body,
        _not_examples(body, find_segments(state.lowered[sentence.start : sentence.end], vocabulary.segments)),
    )
    partners = vocabulary.places.find_partners(matchable)
    # the catalogue's phrases that measure something here, then the measures written around words a phrase
    # cannot spell: an industry's earnings, a partner before a period, goods sent abroad, 粤X贸易
    hits = [h for h in vocabulary.matcher.find(matchable) if _is_measure(body, h, segments, vocabulary)]
    hits = industry_earnings(matchable, hits, vocabulary.matcher)
    hits = with_partner_before_period(matchable, hits, partners, vocabulary.matcher)
    hits = _with_sent_abroad(matchable, hits, figures, vocabulary)
    hits = _with_guangdong_and_partner(body, hits, state.named_partners, vocabulary)
    return SentenceFacts(
        vocabulary=vocabulary,
        normalized=normalized,
        sentence=sentence,
        body=body,
        matchable=matchable,
        figures=figures,
        hits=hits,
        partners=partners,
        entities=find_entities(body, vocabulary.places, state.companies, state.towns),
        periods=[m for m in periods if not m.base],
        bases=[m for m in periods if m.base],
        cues=projection_cues(state.lowered[sentence.start : sentence.end]),
        breaks=clause_breaks(body),
        segments=segments,
    )


def _flow_of_the_goods_named(facts: SentenceFacts, figure: Figure) -> tuple[PhraseHit, str | None] | None:
    """The trade flow and the goods of the clause before a bare amount (铝材是广东从巴林采购的主要商品，
    金额3.9亿元; 葡萄酒位居广东自摩购入商品首位，金额4100万元): the amount of the goods that clause opens
    with, which are a part of the flow, never its whole."""
    clause_start, _ = facts.clause(figure.start)
    if not clause_start or not _BARE_AMOUNT_ZH.fullmatch(facts.body, clause_start, figure.start):
        return None
    previous_start, _ = facts.clause(clause_start - 1)
    flows = [
        h
        for h in facts.hits
        if previous_start <= h.start
        and h.end <= clause_start
        and all(m.key in _FLOWS for m in h.metrics)
        and h.partner is not None
    ]
    if not flows:
        return None
    if _HOME_OPENS_ZH.match(facts.body, previous_start):
        return flows[-1], None  # 广东从塞国买入的以铜材、橄榄油居多，金额1.7亿元: the whole flow
    opening = _GOODS_THAT_ARE_ZH.match(facts.body, previous_start)
    if opening is None or opening.end() > flows[-1].start:
        return None
    catalogued = [m.segment for m in facts.segments if previous_start <= m.start and m.end <= opening.end(1)]
    return flows[-1], catalogued[-1] if catalogued else opening.group(1)


_HOME_OPENS_ZH = re.compile(r"\s*(?:广东|廣東|全省)(?:从|自|向|对|對|輸往|输往|销往|銷往)")
# the goods a clause opens with and what they are: 铝材是…, 葡萄酒位居…, 原油为…
_GOODS_THAT_ARE_ZH = re.compile(r"\s*([\u4e00-\u9fff]{1,8}?)(?:是|为|位居|居|仍是|稳居)")


# a clause that is only an amount's word: 金额, 货值, 金额为
_BARE_AMOUNT_ZH = re.compile(r"\s*(?:金额|货值|价值)(?:为|达|达到|约|约为)?\s*")
_LIST_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|[、和及与])\s*")
_SENT_ABROAD = re.compile(
    rf"\b(?:{alternation(SENT_ABROAD_VERBS_EN)})\b(?=(?:[^.;:!?]|\.(?=\d)){{0,90}}?\b(?:{alternation(ABROAD_WORDS_EN)})\b)"
)


# what an article on a supply also reports that is no part of the supply: the harvest, the area grown, the
# farms registered to supply, a market's turnover, exports elsewhere
_NOT_THE_SUPPLY = re.compile(
    r"产量|产值|面积|出栏|采摘|收成|交易额|商户|基地|养殖场|果园|鸡场|存栏|出口|仓储|全港|"
    r"\b(?:output|harvest|area|registered|exports?)\b",
    re.I,
)
# a sentence about goods traded, for a figure with no measure of its own in an article on one partner's trade
_TRADED_IN = re.compile(
    r"出口|进口|贸易|供港|供澳|输港|\b(?:exports?|imports?|exported|imported|trade|traded|sold|bought|shipped|"
    r"shipments|purchases|sales|supplied|supply|deliveries|sent)\b"
)
# what an article on the trade with one partner also reports that is no part of that trade
_NOT_THE_TRADE = re.compile(r"产量|产值|面积|\b(?:output|harvest|gdp|population)\b", re.I)
# goods named before the apposition that says they are the biggest of a flow: "Mobile phone parts, Heyuan's
# largest export, rose 10.9%"
_RANKED_EXPORT = (
    "signature export",
    "largest export",
    "biggest export",
    "top export",
    "main export",
    "leading export",
)
_GOODS_IN_APPOSITION = re.compile(
    r"\s*([A-Za-z][a-z]+(?:[ -][a-z]+){0,4}),\s+(?:the\s+[a-z]+['’]s|[A-Z][a-z]+['’]s|its|their|the)\s+$"
)
# "purchases" in an article on one partner's trade or on imports: Guangdong's imports
_PURCHASES_BEFORE = re.compile(r"\bpurchases\b")
# words that name goods moved either way; an article on imports moves them in
_SHIPMENTS_EITHER_WAY = frozenset({"shipments", "deliveries"})
_INBOUND = {"exports": "imports", "exports_growth": "imports_growth"}
_VALUE_OF_THE_GOODS_EN = re.compile(
    r"\s*(?:the\s+|their\s+|its\s+)?value(?:\s+of\s+(?:the|those|these)\s+[a-z]+)?\b"
)
# what an amount is when it exists at a moment rather than flowing over a span
_BALANCE = re.compile(
    r"余额|在手订单|存量|\b(?:outstanding|order book|orders on hand|balance|deposits|stood at)\b", re.I
)
# a market's purchase right before the amount (its clause has no other trade phrase)
_BOUGHT_BY_A_MARKET = re.compile(
    r"\b(?:bought|buying|buys|took|taking|takes|purchased|purchasing|absorbed|paid)\s+"
    r"(?:(?:about|around|some|nearly|roughly|more than|over)\s+)?$",
    re.I,
)
_THE_COUNTRY_OPENS_EN = re.compile(
    r"\s*The\s+(?:[A-Z][\w-]*\s+){0,3}(?:country|nation|kingdom|island\s+nation|island|islands|archipelago|republic)\s"
)
_FLOW_SIDE_OPENING = re.compile(r"\s*(?:on the (import|export) side\b|(进口|出口)方面)", re.I)
_WORTH_BEFORE = re.compile(r"\bworth\s+(?:about\s+|around\s+|some\s+)?$")


def _with_sent_abroad(
    matchable: str, hits: list[PhraseHit], figures: list[Figure], vocabulary: Vocabulary
) -> list[PhraseHit]:
    """The hits, with a verb that ships goods abroad as an exports phrase ("Chenghai shipped 33.4 billion yuan
    worth of toys abroad"): the catalogue's "sold abroad", which a phrase cannot spell around its object.
    Only for goods shipped by value: "shipped 612,000 vehicles abroad, 31.2 percent more" counts units, and
    their growth is no growth of exports' value."""
    if "abroad" not in matchable and "overseas" not in matchable:
        return hits
    added = []
    for found in _SENT_ABROAD.finditer(matchable):
        if any(h.start <= found.start() < h.end for h in hits):
            continue
        shipped = next((f for f in figures if f.start >= found.end()), None)
        if shipped is not None and shipped.kind != "currency":
            # "shipped 16.8 million baby monitors abroad ..., worth 3.92 billion yuan": the value after it
            shipped = next(
                (f for f in figures if f.start > shipped.end and _WORTH_BEFORE.search(matchable, 0, f.start)),
                None,
            )
        if shipped is None or shipped.kind != "currency":
            continue
        hit = vocabulary.matcher.verb_hit("sold abroad", found.start(), found.end())
        if hit is not None:
            added.append(hit)
    return sorted([*hits, *added], key=lambda h: h.start) if added else hits


# 粤, a partner's first character and the trade: 粤乌贸易, 粤文贸易规模, 粤尼两地贸易额
_GUANGDONG_AND_PARTNER_TRADE = re.compile(
    r"粤([\u4e00-\u9fff])(?:两地|双边)?(?:货物)?(?:贸易|进出口)(?:总额|总值|规模|额|值)?"
)
# a partner cut to one character with 方 ("side") or 国 after it, in a trade written around it: 输往莫方,
# 销往塞国, 自莫方采购, 同莫方有贸易往来的 (向乌方出口 is read by the trade phrase after it) -> the phrase it
# stands for
_PARTNER_SIDE_TRADE = (
    (re.compile(r"(?:输往|销往|运往|卖往|出口至|出口到)([\u4e00-\u9fff])[方国]"), "出口"),
    (re.compile(r"[自从向]([\u4e00-\u9fff])[方国](?:采购|购入|买入|购进|买进)"), "进口"),
    (re.compile(r"[同与]([\u4e00-\u9fff])[方国]有(?:贸易|生意)往来的"), "外贸企业"),
)
_DENOMINATOR_OPENS = re.compile(r"占(?:同期|全年|当期|同年)?$")


def _with_guangdong_and_partner(
    body: str, hits: list[PhraseHit], named: tuple[str, ...], vocabulary: Vocabulary
) -> list[PhraseHit]:
    """The hits, with 粤 and the first character of the one partner the article names that fits it before
    贸易 as that partner's trade ("乌干达 … 粤乌贸易年均增速达12.4%"): copy cuts both names to a
    character; and with the trade written around that character and 方 ("side": 输往莫方的商品,
    自莫方采购) as that partner's."""
    if not named:
        return hits
    written = [(_GUANGDONG_AND_PARTNER_TRADE, "双边贸易")] if "粤" in body else []
    if "方" in body or "国" in body:
        written += _PARTNER_SIDE_TRADE
    added = []
    for pattern, phrase in written:
        for found in pattern.finditer(body):
            if any(h.start < found.end() and found.start() < h.end for h in hits):
                continue
            if _DENOMINATOR_OPENS.search(body, max(0, found.start() - 6), found.start()):
                continue  # 占同期粤欧贸易的54%: the whole a part's share is of, not the figure's measure
            if vocabulary.places.is_partner_zh(body[found.start(1) : found.end(1) + 1]):
                continue  # 销往美国: a country's own name, which the catalogue's phrases read
            partner = _the_one_named_with_initial(found.group(1), named, vocabulary)
            if partner is None:
                continue
            hit = vocabulary.matcher.placed_hit(phrase, found.start(), found.end(), partner)
            if hit is not None:
                added.append(hit)
    return sorted([*hits, *added], key=lambda h: h.start) if added else hits


_DESCRIBED_BY_ITS_GOODS = re.compile(
    r"\b(?:famed|known|famous|renowned|noted|celebrated|best known)\s+(?:for|as)\s+(?:its\s+)?"
    r"(?:[a-z'-]+\s+){0,4}$|\bhome to\s+(?:[a-z'-]+\s+){0,5}$",
    re.I,
)
# "exported 3.48 billion yuan of the goods": the goods the description named are the figure's after all
_OF_THE_GOODS_DESCRIBED = re.compile(
    r"\bof (?:the|these|those) (?:goods|garments|products|items|makers)\b", re.I
)


def _not_descriptions(body: str, segments: list[SegmentMention]) -> list[SegmentMention]:
    """The segment mentions that do not describe a place by its goods: "Huangjiang, a Dongguan town famed for
    mobile phone cases, sold 4.62 billion yuan worth of goods abroad" is about the town's exports, not the
    phones'."""
    if not any(
        word in body for word in ("famed", "known", "famous", "renowned", "noted", "celebrated", "home to")
    ) or _OF_THE_GOODS_DESCRIBED.search(body):
        return segments
    return [
        m
        for m in segments
        if not _DESCRIBED_BY_ITS_GOODS.search(body[max(0, body.rfind(",", 0, m.start) + 1) : m.start])
    ]


def _not_examples(body: str, segments: list[SegmentMention]) -> list[SegmentMention]:
    """The segment mentions that are not examples given after "such as": "Exports of pet supplies such as
    leashes, beds and toys rose 8.2 percent" is about the pet supplies, not the toys."""
    if "such as" not in body:
        return segments
    return [m for m in segments if not among_examples(body, m.start)]


def _is_measure(body: str, hit: PhraseHit, segments: list[SegmentMention], vocabulary: Vocabulary) -> bool:
    """Whether a catalogue phrase measures something here: a whole, or a part named next to it; not a
    part's own name ("general trade", "processing trade") or the head of a compound word ("trade-in"); not
    the head of another measure's name (出口均价)."""
    if measures_something_else(body, hit):
        return False
    if not (
        is_whole(body, hit, vocabulary.subjects)
        or names_part(body, segments, hit.start, hit.end)
        or _traded_product(body, hit, vocabulary) is not None
    ):
        return False
    if inside_a_part(segments, hit.start, hit.end):
        return False
    return not (body[hit.end : hit.end + 1] == "-" and body[hit.end + 1 : hit.end + 2].isalpha())


def read_figures(
    text: str,
    facts: SentenceFacts,
    state: DocumentState,
    published: datetime.date | None,
    version: str,
) -> None:
    """Append one observation per figure of a sentence to ``state.observations``.

    Args:
        text: the article text as given (observations quote it).
        facts: the sentence's facts.
        state: the article read so far; its observations and last entity are updated.
        published: the publication date, or None.
        version: the extractor version the observations carry.
    """
    first_index = len(state.observations)
    sentence_observations: list[Observation] = []
    quote = text[facts.sentence.start : facts.sentence.end]
    groups = respectively_items(facts, facts.vocabulary.matcher)
    state.company_entities.update(m.name for m in facts.entities if m.kind == "company" and m.name)
    sentence_entity: str | None = None
    # "其中，出口…", "Of these, ...": the parts listed after a whole keep the whole's segment
    lists_parts = _LISTS_PARTS.match(facts.body) is not None
    inherited = state.whole_segment if lists_parts else None
    inherited_partner = state.whole_partner if lists_parts else None
    # why: the same for every figure of the sentence; a verb ("shipped ... abroad") names no other subject
    whole_hits = [(h.start, h.end) for h in facts.hits if not h.verb]
    refers_back: bool | None = None  # why: asks about the whole sentence, so read once, when first needed
    counts_a_flow_in_the_period: bool | None = None  # why: the same, for the counts of the sentence
    counts_capacity: bool | None = None
    # why: _CUMULATIVE tries every offset before each figure; without its words it cannot match
    may_be_cumulative = "umulative" in facts.body or "since " in facts.body
    for index, figure in enumerate(facts.figures):
        start = facts.sentence.start + figure.start
        end = facts.sentence.start + figure.end
        if figure.conversion_of is not None:
            original = sentence_observations[figure.conversion_of]
            observation = Observation(
                metric=original.metric,
                subject=original.subject,
                entity=original.entity,
                partner=original.partner,
                period=original.period,
                value=figure.value,
                unit=figure.unit,
                qualifier=figure.qualifier,  # type: ignore[arg-type]
                projection=original.projection,
                quote=original.quote,
                start=start,
                end=end,
                extractor_version=version,
                resolution=figure.resolution,
                conversion_of=first_index + figure.conversion_of,
                segment=original.segment,
                basis=original.basis,
                kind=original.kind,
                unit_text=_written_unit(text, facts, figure) or figure.unit,
            )
        else:
            before = facts.window_before(index)
            after = facts.body[figure.end : figure.end + 40]
            role = figure_role(figure, before, after)
            if role == "level" and index in groups:
                # why: "rose 4.1% and 1.9%, respectively": the later items share the first one's verb (the
                # first of their own kind: a second list, of rates after amounts, has its own verb)
                first_index = min(i for i in groups if facts.figures[i].kind == figure.kind)
                first = facts.figures[first_index]
                if first_index != index:
                    first_before = facts.window_before(first_index)
                    role = figure_role(first, first_before, facts.body[first.end : first.end + 40])
            if (
                role == "level"
                and figure.kind == "percent"
                and index
                and index <= len(sentence_observations)
                and sentence_observations[index - 1].kind == "change"
                and facts.figures[index - 1].kind == "percent"
                and _LIST_SEPARATOR.fullmatch(facts.body, facts.figures[index - 1].end, figure.start)
            ):
                # "grew respectively by 23.4 percent, 17.2 percent and 12.8 percent": the rates listed after a
                # rate share its verb
                role = "growth"
            rate_falls = (
                figure.kind == "pp" or (figure.kind == "percent" and role == "growth")
            ) and is_decline(before, after)
            level_drops = (
                figure.kind in {"currency", "count"} and role == "level" and is_level_drop(before, after)
            )
            value = -figure.value if rate_falls or level_drops else figure.value
            item = groups.get(index)
            compared = None if item else compared_rate_metric(facts, index, figure, sentence_observations)
            if compared is not None:
                # "quickening from 3.9 percent": the rate it is compared with is a growth rate
                role = "growth"
            list_start = facts.figures[min(groups)].start if item is not None else None
            hit = choose_hit(facts, index, figure, role, item, list_start)
            goods_named: str | None = None
            if hit is None and item is None and figure.kind == "currency":
                named = _flow_of_the_goods_named(facts, figure)
                if named is not None:
                    hit, goods_named = named
            metric = choose_metric(facts, index, figure, role, hit, sentence_observations) or compared
            rate_of_a_volume = (
                metric is not None
                and not metric.product
                and (
                    _rate_of_a_count(facts, index, figure, role)
                    # 进口量按年增长两成, 美国买走了出口量的38.1%: the growth or a share of the volume the
                    # phrase names, not of the trade's value
                    or (figure.kind == "percent" and hit is not None and facts.body.startswith("量", hit.end))
                )
            )
            # the trade a volume's rate is of: what keeps its goods in force for the article
            volume_of = metric if rate_of_a_volume else None
            if rate_of_a_volume:
                metric = (
                    None  # "出口新能源汽车43.2万辆，同比增长56.8%": the count's growth, which has no metric
                )
            if metric is None and item is None and role == "growth":
                metric = rate_of_the_level_before(facts, figure, sentence_observations)
            # a list of parts with no measure of their own ("…增长4.5%；先进制造业和高技术制造业分别增长…")
            parts_listed = item is not None and item.segment is not None and item.hit is None
            if (
                metric is None
                and (hit is None or parts_listed)
                and (item is None or (item.hit is None and not item.unnamed))
            ):
                metric = growth_metric_in_force(
                    facts, figure, role, state.growth_metric, sentence_observations
                )
            if metric is None and parts_listed and index != min(groups):
                # the later parts of the list measure what the first one does ("分别增长6.8%和7.9%")
                first_metric = sentence_observations[min(groups)].metric
                if first_metric and role == "growth":
                    metric = facts.vocabulary.metrics.get(first_metric)
            if metric is None and figure.kind == "count" and index and item is None:
                metric = _count_changed_after_its_level(facts, index, sentence_observations)
            if (
                metric is None
                and hit is None
                and figure.kind == "currency"
                and state.flow_in_force is not None
                # a list's items share the verb before its first amount ("took A and B, respectively")
                and _SHARES_OUT.search(
                    facts.body, max(0, (list_start or figure.start) - 40), list_start or figure.start
                )
            ):
                # "Frozen shrimp and tilapia fillets accounted for 4.05 billion yuan and 1.37 billion yuan,
                # respectively": parts of the trade reported before, in its own measure, unless the verb or
                # what follows says which flow ("shipped", "of that export income")
                metric = facts.vocabulary.metrics.get(_flow_shared_out(facts, figure, state.flow_in_force))
            if (
                metric is None
                and hit is None
                and figure.kind == "currency"
                and index
                and facts.figures[index - 1].kind == "currency"
                and (earlier_metric := sentence_observations[index - 1].metric) in _TRADE_LEVELS
                and _NEXT_AMOUNT.fullmatch(facts.body, facts.figures[index - 1].end, figure.start)
            ):
                # "accounted for 160 million yuan and 50 million yuan, respectively": the list's later amounts
                # share the verb and the flow of its first
                metric = facts.vocabulary.metrics.get(earlier_metric)
            if metric is not None:
                counterpart = growth_counterpart(metric, facts.vocabulary.metrics)
                state.growth_metric = counterpart or state.growth_metric
                if figure.kind == "currency":
                    # the trade amount read last is what a later part's share is of; any other amount ends it
                    state.flow_in_force = metric.key if metric.key in _TRADE_LEVELS else None
            entity = (item.entity if item else None) or choose_entity(
                facts, figure, sentence_entity or state.last_entity, state.topic, state.last_company
            )
            entity = local_price_owner(facts, figure, entity)
            if index and item is None:
                # "Shenzhen contributed 71 percent of the exports and Dongguan 17 percent": the place named
                # right before a figure of an elliptical clause owns it
                entity = _owner_of_an_ellipsis(facts, facts.figures[index - 1], figure) or entity
            sentence_entity = sentence_entity or entity
            goods_valued = False
            purchased_goods: str | None = None
            market: str | None = None
            # an amount or a growth rate, which a flow's level or growth metric can measure
            amount_or_rate = figure.kind == "currency" or (figure.kind == "percent" and role == "growth")
            if (
                metric is not None
                and state.article_flow == "imports"
                and hit is not None
                and not hit.partner
                and facts.matchable[hit.start : hit.end] in _SHIPMENTS_EITHER_WAY
            ):
                # "Guangdong's durian imports climb" … "The value of the shipments rose 18.9%": the article's
                # shipments come in
                metric = facts.vocabulary.metrics.get(_INBOUND.get(metric.key, metric.key), metric)
            if (
                metric is None
                and state.article_flow is not None
                and amount_or_rate
                and item is None
                and _VALUE_OF_THE_GOODS_EN.match(facts.matchable, facts.clause(figure.start)[0])
            ):
                # "Their value reached 14.7 billion yuan", "The value of the fruit reached 2.86 billion yuan":
                # the goods of an article on one flow
                metric = _flow_metric(facts, state.article_flow, figure)
                goods_valued = True
            if (
                metric is None
                and amount_or_rate
                and facts.body.isascii()
                and _BOUGHT_BY_A_MARKET.search(facts.body, facts.clause(figure.start)[0], figure.start)
                and (markets := _markets_before(facts, figure, state))
            ):
                # what a market buys is Guangdong's exports: "ASEAN was the largest market, buying 1.05
                # billion yuan worth", "The EU and the US bought 1.21 billion yuan and 560 million yuan"
                metric = _flow_metric(facts, "exports", figure)
                market = markets[-1]
            if (
                metric is None
                and amount_or_rate
                and (side := _FLOW_SIDE_OPENING.match(facts.body)) is not None
            ):
                # the side of the trade the sentence opens with: "On the import side, cashew nuts worth
                # 1.12 billion yuan arrived", 进口方面，煤炭以6.4亿元居首
                written_side = (side.group(1) or side.group(2)).lower()
                metric = _flow_metric(
                    facts, "imports" if written_side in {"import", "进口"} else "exports", figure
                )
            if (
                metric is None
                and amount_or_rate
                and item is None
                and (state.trade_partner or state.source_partner or state.article_flow == "imports")
                and (
                    purchases := _PURCHASES_BEFORE.search(
                        facts.matchable, facts.clause(figure.start)[0], figure.start
                    )
                )
            ):
                # "Sesame purchases reached 214 million yuan" in an article on trade with Burkina Faso: what
                # Guangdong bought, its imports
                metric = _flow_metric(facts, "imports", figure)
                purchased_goods = written_product_en(
                    facts.body.lower(), purchases.start(), BEFORE_WHOLE_PHRASE_EN
                )
            if metric is None and figure.kind == "currency" and _SPENT_ON_RD.match(facts.body, figure.end):
                metric = facts.vocabulary.metrics.get("rd_investment")  # "spent 571.2 billion yuan on R&D"
            if metric is None and figure.kind == "currency" and is_market(entity) and item is None:
                # 江南果菜批发市场实现交易额612.8亿元: a wholesale market's turnover is its trade's revenue
                clause_start, _ = facts.clause(figure.start)
                turnover = _MARKET_TURNOVER.search(facts.body, clause_start, figure.start)
                if turnover is not None and not _SALES_CHANNEL.search(
                    facts.body, clause_start, turnover.start()
                ):
                    metric = facts.vocabulary.metrics.get("industry_revenue")
            if (
                metric is None
                and figure.kind == "currency"
                and item is None
                and _VALUE_OF_THE_GOODS.search(facts.body, max(0, figure.start - 6), figure.start)
            ):
                flow = _traded_flow(facts, figure)  # 出口汽车9.86万辆，货值161.2亿元: the exports' value
                metric = facts.vocabulary.metrics.get(flow) if flow else None
            named_part = None
            if metric is not None and not metric.for_companies and _is_company(facts, state, entity):
                named_part = metric.named_part  # "its R&D spending": one of the company's own measures
                metric = None  # "粤澄电器营收48.6亿元": a company's revenue is not an industry's
            elif (
                metric is not None
                and hit is not None
                and facts.body[hit.start : hit.start + 6].lower() == "sales "
                and _is_company(facts, state, entity)
            ):
                # "Sales to the United States, its biggest market, climbed 19.8 per cent": the firm's foreign
                # revenue by market, not a place's exports
                metric, named_part = None, _OVERSEAS_BUSINESS
            elif metric is None and role == "growth" and hit is None and item is None:
                named_part = _growth_of_a_named_part(facts, figure)
            if (
                metric is None
                and role == "growth"
                and item is None
                and _GROWTH_TARGET.search(facts.body, 0, figure.start)
                and not _is_company(facts, state, entity)
            ):
                metric = facts.vocabulary.metrics.get("gdp_growth")  # "a growth target of around 5%"
            cue = has_cue(facts, figure)
            # a count of what exists (firms, bottlers) takes a point in force; a count of a flow (visits,
            # tonnes, TEUs) or one "in the period" takes the span in force; a running total is a stock
            # ("Cumulative remittances reached 146.2 billion yuan")
            if figure.kind == "count" and counts_capacity is None:
                counts_a_flow_in_the_period = _IN_THE_PERIOD.search(facts.body) is not None
                counts_capacity = _CAPACITY.search(facts.body) is not None
            counted_stock = figure.kind == "count" and (
                (figure.unit not in _FLOW_UNITS and not counts_a_flow_in_the_period)
                or bool(counts_capacity)  # "held 3.46 million tonnes of the capacity"
            )
            stock = counted_stock or (
                may_be_cumulative and bool(_CUMULATIVE.search(facts.body, 0, figure.start))
            )
            # an amount that exists at a moment (a balance, an order book) takes a point named with it
            balance = (
                figure.kind == "currency" and role == "level" and _BALANCE.search(facts.body) is not None
            )
            period = choose_period(
                facts, figure, cue, state.in_force_for(stock), published, role == "share" or balance
            )
            period = base_period(facts, figure, period)
            traded_on = trading_day(facts, figure, period, published)
            if traded_on == period:
                period = price_day(facts, figure, period, published)
                traded_on = period
            on_a_trading_day, period = traded_on != period, traded_on
            if figure.kind == "count":
                period = _stock_at_period_end(facts, figure, period, published)
                level_period = sentence_observations[index - 1].period if index else None
                if (
                    level_period
                    and len(level_period) == 10
                    and _changes_the_count_before(facts, index)
                    and not _span_of_its_own(facts, index)
                ):
                    period = level_period  # 目前…企业142家，今年新增18家: the change up to the level's day
            elif index and role == "growth" and period is not None:
                period = _date_of_the_stock_before(facts, index, period, sentence_observations)
            counted = (
                counted_segment(facts.segments, facts.body, figure.end) if figure.kind == "count" else None
            )
            clause_start, clause_end = facts.clause(figure.start)
            named_elsewhere = choose_segment(
                facts.segments,
                figure.start,
                (hit.start, hit.end) if hit else None,
                whole_hits,
                facts.clause,
                facts.body,
            )
            if named_elsewhere and not _owns_no_noun(figure):
                # "..., benefiting 12 million consumers": a count of other things, unless in the same clause
                same_clause = [
                    m for m in facts.segments if m.segment == named_elsewhere and m.start >= clause_start
                ]
                named_elsewhere = named_elsewhere if same_clause else None
            segment = (
                (item.segment if item else None) or figure.part or counted or named_elsewhere or named_part
            )
            if figure.kind == "count" and not facts.vocabulary.segments.may_count(segment, figure.unit):
                segment = None  # "drew buyers from 223 countries and regions": a count of something else
            if segment in facts.vocabulary.segments.in_money and _in_money(facts, figure):
                segment = facts.vocabulary.segments.in_money[segment]
            if segment is None and metric is None and hit is None:
                segment = _implied_measure(facts, figure, role, sentence_observations)
            if segment is None and metric is None and figure.kind == "currency":
                segment = _measure_after_amount(facts, figure)
            if (
                segment is None
                and item is None
                and hit is not None
                and metric is not None
                and metric.key in _TRADE_PARTS
            ):
                segment = _traded_product(facts.body, hit, facts.vocabulary)  # 水产品出口55.8亿元
            if segment is None and rate_of_a_volume:
                # the volume's goods: those of the volume before it, else as written with the trade phrase
                segment = next(
                    (o.segment for o in reversed(sentence_observations) if o.segment and o.segment != o.unit),
                    None,
                )
                if segment is None and hit is not None:
                    segment = _traded_product(facts.body, hit, facts.vocabulary)
            if segment is None and item is None and hit is not None and metric is not None:
                if metric.key == "import_export_enterprises":
                    segment = _traders_goods(facts, figure, hit)  # "312 gas appliance enterprises with ..."
                if (
                    segment is None
                    and figure.kind == "count"
                    and hit.end <= figure.start
                    and _SOME_OF_THEM.match(facts.body, figure.end)
                ):
                    # "1,300 enterprises with export records, about 420 of which sell abroad through ...":
                    # some of the things counted before, never the whole's count
                    metric = None
            if (
                segment is None
                and figure.kind == "currency"
                and index
                and facts.figures[index - 1].kind == "count"
                and (counted_goods := sentence_observations[index - 1].segment)
                and counted_goods.lower() in facts.matchable[facts.figures[index - 1].end : figure.start]
                and counted_goods != sentence_observations[index - 1].unit
                and _WORTH_BEFORE.search(facts.matchable, 0, figure.start)
            ):
                # "shipped 16.8 million baby monitors abroad ..., worth 3.92 billion yuan": the goods counted
                segment = sentence_observations[index - 1].segment
            if segment is None and figure.kind != "count" and refers_back is None:
                refers_back = _may_refer_back(facts.body) and _REFERS_BACK.search(facts.body) is not None
            if segment is None and figure.kind != "count" and refers_back:
                segment = state.segment  # "Exports of the sector grew 22.4 percent"
            if (
                segment is None
                and inherited
                and _part_of_whole(metric, state.whole_metric, inherited)
                and (figure.kind != "count" or facts.vocabulary.segments.may_count(inherited, figure.unit))
            ):
                segment = inherited
            if item is None and metric is not None and metric.key == "industrial_added_value_growth":
                # "汽车制造业下降1.9%": an industry's added value, never one key with the whole industry's
                segment = written_industry(facts.body, clause_start, figure.start) or segment
            if metric is None and role == "growth" and hit is None and item is None and index:
                other_goods = _another_part_of_the_trade(
                    facts, facts.figures[index - 1], figure, sentence_observations[index - 1]
                )
                if other_goods is not None:
                    # "Exports of building materials rose 18.6 percent, while motorcycles were up 9.8 percent"
                    metric = facts.vocabulary.metrics.get(sentence_observations[index - 1].metric or "")
                    segment = other_goods
            if metric is None and figure.kind in {"currency", "percent"}:
                goods = segment or (state.part_in_force[1] if state.part_in_force else None)
                segment = _trade_price(facts, clause_start, figure, goods) or segment
            if segment is not None:
                state.segment = segment
            metric = _economy_by_sector(facts, metric, segment, role, figure)
            if (
                figure.kind == "percent"
                and role in {"share", "level"}
                and (metric is None or metric.key == "rd_investment")
                and _RD_SHARE_OF_GDP.match(facts.body, figure.end, figure.end + 40)
                and _RD_WORDS.search(facts.body)
            ):
                # "571.2 billion yuan on R&D, about 3.9 percent of its GDP": R&D intensity
                metric = facts.vocabulary.metrics.get("rd_intensity", metric)
            if figure.kind == "pp" and item is None:
                metric = _share_change_metric(facts, figure, sentence_observations, metric)
            metric, segment = _not_another_parts(facts, figure, metric, segment, hit, role)
            if (
                segment is None
                and (item is None or item.segment is None)
                and (
                    (metric is not None and metric.key in _FLOWS)
                    or (figure.kind == "count" and (facts.hits or figure.unit in _CONTENT_UNITS))
                )
            ):
                segment = _object_product(facts, figure)  # "exported 15.3 billion yuan of drones"
                if segment is None and item is not None:
                    # 东莞、揭阳分别出口鞋类168.2亿元、95.4亿元: the goods before the list's first amount
                    segment = _object_product(facts, facts.figures[min(groups)])
            if purchased_goods and segment is None:
                segment = purchased_goods  # "Sesame purchases reached 214 million yuan"
            if goods_valued and segment is None and state.part_in_force is not None:
                # "Their value reached ...": the value of the article's goods
                segment = state.part_in_force[1]
            segment = _part_in_force(facts, state, metric or volume_of, segment, item, figure)
            if goods_named is not None and metric is not None:
                segment = goods_named  # "铝材是广东从巴林采购的主要商品，金额3.9亿元": the goods' amount
            if segment is None and item is None and _an_industrys_revenue(facts, figure, metric):
                segment = industry_of_revenue(
                    facts.body,
                    figure.start,
                    facts.normalized[: facts.sentence.start],
                    facts.vocabulary.segments,
                    tuple(mention.end for mention in facts.entities),
                )
            if metric is not None and metric.channel and segment is None:
                state.segment = metric.channel  # "exports via the channel" after the channel's whole
            if not sentence_observations and inherited is None:
                state.whole_segment = segment or (metric.channel if metric else None)
                state.whole_metric = metric.key if metric else None
            clause_start, clause_end = facts.clause(figure.start)
            clause = (facts.body[clause_start : figure.start], facts.body[figure.start : clause_end])
            kind, basis = kind_and_basis(figure, role, before, after, clause, period)
            if (
                kind == "share"
                and metric is not None
                and metric.key.endswith("_growth")
                and _PERCENT_OF.match(facts.body, figure.end)
            ):
                metric = None  # "or 41 percent of Zhanjiang's total": a share of a whole, not a growth rate
            if basis == "avg_annual":
                period = _years_averaged(facts.body, period)
            elif basis == "share_of_plan":
                period = plan_share_period(period, state.period_in_force, [m.period for m in facts.periods])
            a_days_move = on_a_trading_day or segment == "share price"
            if a_days_move and basis == "yoy" and not _YEAR_ON_YEAR.search(facts.body):
                basis = None  # a share price's move on the day is against the last close, not a year
            partner = choose_partner(facts, hit, item) or (
                share_partner(facts, figure.start, sentence_observations) if kind == "share" else None
            )
            if partner is None and inherited_partner and item is None and metric and metric.key in _FLOWS:
                partner = inherited_partner  # "其中，出口88.1亿元" after the trade with one partner
            if partner is None and hit is not None and state.last_partner is not None:
                partner = _partner_cut_to_one_character(facts, hit, state.last_partner)
            if (
                partner is None
                and state.named_partners
                and metric is not None
                and (metric.key in _WITH_A_PARTNER or metric.key in _WITH_A_PARTNER.values())
            ):
                partner = _partner_after_guangdong(facts, figure, state.named_partners)
            if partner is None and hit is None and item is None and metric is not None and index:
                level = sentence_observations[index - 1]
                counterpart = (
                    growth_counterpart(facts.vocabulary.metrics[level.metric], facts.vocabulary.metrics)
                    if level.metric
                    else None
                )
                if level.partner and counterpart is metric:
                    partner = level.partner  # "进出口总额为21.4亿元，高出上年同期18.7%": the level's rate
            if partner is None and item is None:
                partner = _market_before(facts, figure)  # 欧洲市场收入增长32.4%: the market's sales
            those_of = (
                _partner_of_those(facts, facts.figures[index - 1], figure) if item is None and index else None
            )
            if those_of is not None:
                # "Exports to the EU rose 26.4 percent, and those to the United States 7.9 percent": the
                # partner named in the clause, the move of the clause before
                partner = those_of
                previous = sentence_observations[index - 1]
                if kind == "share" and previous.kind == "change":
                    kind, basis = "change", previous.basis
            if not sentence_observations and not lists_parts:
                # one partner's trade; never a list of partners ("对美国、欧盟分别出口…": 其中 is the total's)
                state.whole_partner = partner if item is None else None
            if (
                partner is None
                and figure.kind == "count"
                and metric is None
                and (item is None or not item.partner)
            ):
                partner = _partner_of_traded_volume(facts, figure)  # 供港蔬菜58.6万吨: the volume's partner
            if segment is None and partner is not None and (item is None or item.segment is None) and metric:
                segment = _part_the_sentence_trades(metric, sentence_observations)
            if (
                partner is None
                and state.last_partner
                and item is None
                and metric is not None
                and (metric.key in _TRADE_PARTS or metric.key in _WITH_A_PARTNER)
                and _PARTNER_ANAPHOR.search(facts.body)
            ):
                partner = state.last_partner  # "Exports to the North African kingdom climbed 17.5 percent"
            if metric is not None and (metric.key in _TRADE_PARTS or metric.key in _WITH_A_PARTNER):
                if not state.trade_read:
                    state.trade_read = True
                    state.partner_in_force = partner if item is None else None
                elif (
                    partner is None
                    and (item is None or _lists_only_parts(item))
                    and state.partner_in_force
                    and not facts.partners
                    and not _names_the_whole(facts.body)
                ):
                    partner = state.partner_in_force  # "Imports of refined copper reached 5.12 billion yuan"
            if partner is None and (item is None or not item.partner):
                # "Guangdong rice shipments to Hong Kong climb" … "In October, shipments rose 6.2 per cent":
                # the volumes, values and shares of an article on the supply are of the supply to that place;
                # so are those of an article on the imports from one partner (广东自台进口偏光板增17%)
                partner = _article_partner(
                    facts, figure, metric, entity, state.supplied_partner, _SUPPLY_METRICS
                )
                partner = partner or _article_partner(
                    facts, figure, metric, entity, state.source_partner, _SOURCE_METRICS
                )
                if partner is None and not _names_the_whole(facts.body):
                    # "Guangdong-Ghana trade up 18.4 pct" … "Motorcycles remained the largest export item at
                    # 6.3 billion yuan": every trade figure of an article on the trade with one partner
                    partner = _article_partner(
                        facts,
                        figure,
                        metric,
                        entity,
                        state.trade_partner,
                        _PARTNER_ARTICLE_METRICS | _bare_trade(facts, hit),
                        not_of_it=_NOT_THE_TRADE,
                        goods_traded_only=True,
                    )
            if partner is None and market is not None and item is None:
                partner = market  # the market that bought it
            if partner is not None:
                state.last_partner = partner
            if partner is not None and metric is not None and metric.key in _WITH_A_PARTNER:
                # "对东盟、欧盟分别进出口1.71万亿元和1.06万亿元": the trade with each partner, not the total
                metric = facts.vocabulary.metrics.get(_WITH_A_PARTNER[metric.key], metric)
            unit = _unit(facts.figures, index)
            if figure.kind == "currency":
                unit = _currency_in_force(text, facts, figure, unit, state, entity)
            pair = _from_side_of(facts, figure, sentence_observations, unit)
            if pair is not None:
                # "dropped to 12.6% from 15.9% a year earlier": the earlier value of the same measure
                metric = facts.vocabulary.metrics.get(pair.metric) if pair.metric else None
                kind, basis, partner, segment = pair.kind, pair.basis, pair.partner, pair.segment
            unit_text = _written_unit(text, facts, figure) or unit
            if figure.counts_the_same_as is not None:
                # "26 more than at the end of last year": the same things as the count before, whose
                # observation is already read (one per figure, in order)
                same = next(i for i, f in enumerate(facts.figures) if f is figure.counts_the_same_as)
                segment = sentence_observations[same].segment
            if (
                metric is not None
                and metric.key in _VALUE_GROWTH
                and hit is not None
                and item is None
                and pair is None
                and figure.kind == "percent"
                and 0 < index <= len(sentence_observations)
                and _grows_the_volume_before(facts, index, hit)
            ):
                # "广东出口汽车38.7万辆，年增46.2%，出口值612.4亿元": the rate of the volume, not of the value
                # that exports_growth measures, so never one key with the value's growth
                metric = None
                segment = sentence_observations[index - 1].segment or segment
            if (
                segment is None
                and metric is None
                and hit is None
                and item is None
                and pair is None
                and figure.kind == "percent"
                and 0 < index <= len(sentence_observations)
            ):
                # one observation per figure, in order: the one before is the previous figure's
                segment = _rate_of_the_level_before(facts, index, sentence_observations[index - 1])
            if segment is None and metric is None and hit is None and item is None and pair is None:
                if _HAN_CHARACTER.search(facts.body):
                    segment = written_measure_zh(
                        facts.body,
                        figure.start,
                        facts.clause(figure.start)[0],
                        facts.vocabulary.subjects.leading_words,
                    )
                else:
                    segment = written_measure_en(
                        facts.body,
                        figure.start,
                        facts.clause(figure.start)[0],
                        facts.entities,
                        [(h.start, h.end) for h in facts.hits],
                    )
                    if segment is None and figure.kind == "count":
                        segment = counted_things_en(facts.body, figure.end, figure.unit)
            if metric is not None and metric.unit_kind == "count" and metric.unit:
                unit = metric.unit  # one unit per metric, so English and Chinese reports meet
            if (
                metric is None
                and segment is not None
                and kind in {"level", "change"}
                and _may_name_output_value(segment, facts.vocabulary)
                and (
                    _OF_ITS_OUTPUT_VALUE.search(facts.body, clause_start, figure.start)
                    # "…output value reached 12 billion yuan, up 5 percent": the rate of the level before
                    or (index and sentence_observations[index - 1].segment == f"{segment} output value")
                )
            ):
                segment = f"{segment} output value"  # 陶瓷产值, "ceramics output value": not the goods' trade
            elif metric is None and segment is None and kind in {"level", "change"}:
                segment = _written_output_value_en(facts, clause_start, figure)  # "Knitwear output value"
                if segment is None and kind == "change" and index:
                    level = sentence_observations[index - 1]
                    if level.metric is None and (level.segment or "").endswith(" output value"):
                        segment = level.segment  # "…came to 28.4 billion yuan, rising 6.9 percent"
            observation = Observation(
                metric=metric.key if metric else None,
                subject=facts.body[hit.start : hit.end] if hit else (unit if figure.kind == "count" else ""),
                entity=entity,
                partner=partner,
                period=period,
                value=value,
                unit=unit,
                qualifier=figure.qualifier,  # type: ignore[arg-type]
                # why: a share of a plan completed (完成全年目标任务的82.5%) is an actual; 目标 names the plan
                projection=is_projection(figure, cue and basis != "share_of_plan", period, published),
                quote=quote,
                start=start,
                end=end,
                extractor_version=version,
                resolution=figure.resolution,
                conversion_of=None,
                segment=segment,
                basis=basis,
                kind=kind,
                unit_text=unit_text,
            )
            state.last_entity = entity
            if not state.topic_read:
                state.topic_read = True
                owner = entity_kind(facts, entity)
                # a headline's subject stays the topic unless the lede names a company as the owner, or a
                # town it introduces ("Dongguan town's camping gear" then "Gaobu, a town in Dongguan, ...")
                if makes_topic(owner, entity, facts.vocabulary.places.jurisdictions) and (
                    not state.headline_topic or owner == "company" or entity in state.towns.values()
                ):
                    state.topic = entity
        sentence_observations.append(observation)
        state.observations.append(observation)


# "全年新增…6300多家，总数达到12.8万家", "bringing the total to 11,000": the number of things that exist
# at the end of a year reported on, a point in time, not a flow over the year
# "Cumulative remittances under the scheme reached ...", "in total since its launch": a running total
# since a start, dated at a point (Chinese 累计 is usually this year's running total, a span: not here)
_CUMULATIVE = re.compile(r"\b[Cc]umulative(?:ly)?\b|\bsince (?:its|the scheme's|the programme's) launch\b")
_STOCK_TOTAL = re.compile(
    r"总数(?:达到|达|增至|增加到|升至|突破|超过)?$|增至$"
    r"|(?:bringing|taking|lifting|raising)\s+(?:the|its|their)\s+(?:total|network|tally|number|count)"
    r"(?:\s+of\s+[a-z-]+(?:\s+[a-z-]+)?)?\s+to\s*$"
    r"|(?:total|number)\s+(?:rose|grew|increased|climbed)\s+to\s*$",
    re.I,
)
_SO_FAR_THIS_YEAR = re.compile(r"\bso far this year\b|今年以来", re.I)


_YEAR = re.compile(r"\d{4}")
_MONTH_SPAN = re.compile(r"\d{4}-\d{2}\.\.(\d{4})-(\d{2})")
_BOUND_BEFORE = re.compile(r"(?:more than|over|about|nearly|some|约|近|超过|逾)\s*$", re.I)


def _stock_at_period_end(
    facts: SentenceFacts, figure: Figure, period: str | None, published: datetime.date | None
) -> str | None:
    """A count said to be the total reached in a finished year or month span is a stock at its end ("added 21
    routes during the year, bringing the total to 178"; "in the January-August period, bringing its total to
    68"); one reached so far this year is a stock on the day of the report ("added 214 so far this year,
    bringing its total to 1,742")."""
    if period is None or published is None:
        return period
    span = _MONTH_SPAN.fullmatch(period)
    if span is None and (not _YEAR.fullmatch(period) or int(period) > published.year):
        return period
    before = facts.body[max(0, figure.start - 48) : figure.start]
    if not _STOCK_TOTAL.search(_BOUND_BEFORE.sub("", before).rstrip()):
        return period
    if span is not None:
        # "added 11 routes in the January-August period, bringing its total to 68": the total at its end
        year, month = int(span.group(1)), int(span.group(2))
        end = datetime.date(year, month, calendar.monthrange(year, month)[1])
        return end.isoformat() if end <= published else period
    if int(period) < published.year:
        return f"{period}-12-31"
    return published.isoformat() if _SO_FAR_THIS_YEAR.search(facts.body, 0, figure.start) else period


# A sentence that lists the parts of the whole reported just before it
_LISTS_PARTS = re.compile(r"其中|(?:of|among)\s+(?:them|these|this|which|the total)\b", re.I)

# "新能源汽车产量增长28.3%", "output of new energy vehicles": a part's output, which no catalogue metric
# measures
_OUTPUT_WORDS = re.compile(r"产量|\boutput\b|\bproduction\b", re.I)


def _not_another_parts(
    facts: SentenceFacts,
    figure: Figure,
    metric: MetricDefinition | None,
    segment: str | None,
    hit: PhraseHit | None,
    role: str,
) -> tuple[MetricDefinition | None, str | None]:
    """No metric for a figure about a part that the metric does not measure: another product than a
    product's metric ("and that of new energy vehicles 21.7 percent" after industrial robots), or a part's
    output under the whole's added value ("其中新能源汽车产量增长28.3%"). A product's metric named nearer the
    figure than the part ("while that of service robots rose 18.9 percent") names the product itself."""
    if metric is None or segment is None:
        return metric, segment
    before = [m for m in facts.segments if m.segment == segment and m.end <= figure.start]
    mention = before[-1] if before else None
    if metric.product is not None:
        named_nearer = hit is not None and mention is not None and hit.start > mention.start
        return (metric, None) if metric.product == segment or named_nearer else (None, segment)
    output = mention is not None and _OUTPUT_WORDS.search(facts.body, mention.end, figure.start)
    if role != "share" and output:
        return None, segment
    return metric, segment


# A share named before a change in points ("占比提升1.5个百分点", "accounted for 51.7 percent of the
# total, up 1.9 percentage points"), unless a growth rate is named after it ("增速比去年同期加快2.5个百分点")
_SHARE_WORDS = re.compile(r"占比|比重|占[^，。；]{0,12}的?$|\bshare\b|accounted for|made up|比例", re.I)
_RATE_WORDS = re.compile(r"增速|增幅|增长|增長|growth|grew|rose|expanded|pace", re.I)


def _share_change_metric(
    facts: SentenceFacts, figure: Figure, earlier: list[Observation], metric: MetricDefinition | None
) -> MetricDefinition | None:
    """The metric of a change in percentage points: a share's points are the share's (a share metric, else
    none), never the growth rate of what the share is of; a growth rate's points keep its metric."""
    previous = next((o for o in reversed(earlier) if o.conversion_of is None), None)
    previous_end = previous.end - facts.sentence.start if previous else 0
    between = facts.body[previous_end : figure.start]
    share_word = _SHARE_WORDS.search(between)
    after_share = between[share_word.end() :] if share_word else between
    of_a_share = share_word is not None or (previous is not None and previous.kind == "share")
    if not of_a_share or _RATE_WORDS.search(after_share):
        return metric
    if previous is not None and previous.kind == "share" and previous.metric:
        return facts.vocabulary.metrics.get(previous.metric)
    return None


# "to 12.6% from 15.9%", "above 60% from 56.8%": the second value of a from-to pair
_TO_BEFORE = re.compile(r"(?:\bto|\babove|\bbelow|\bat)\s*$", re.I)
_FROM_BETWEEN = re.compile(r"(?:\s+of\s+[^,;]{1,40}?)?\s*,?\s*(?:(?:up|down)\s+)?from\s*", re.I)


_UP_OR_DOWN_FROM = re.compile(r"(?:up|down)\s+from", re.I)


def _from_side_of(
    facts: SentenceFacts, figure: Figure, earlier: list[Observation], unit: str
) -> Observation | None:
    """The observation a figure is the earlier value of ("dropped to 12.6% from 15.9%"), or None."""
    previous = next((o for o in reversed(earlier) if o.conversion_of is None), None)
    if previous is None or previous.unit != unit:
        return None
    start, end = previous.start - facts.sentence.start, previous.end - facts.sentence.start
    between = _FROM_BETWEEN.fullmatch(facts.body, end, figure.start)
    if between is None:
        return None
    # "made up 64% of sales, up from 58%": "up from" pairs the values without a "to"
    up_from = _UP_OR_DOWN_FROM.search(between.group()) is not None
    return previous if up_from or _TO_BEFORE.search(facts.body, max(0, start - 8), start) else None


# An average annual rate is over the years it averages: "over the five years" to the year in force,
# "over the next five years" or "through 2030" after it
_YEARS_AHEAD = re.compile(r"\b(?:next|coming)\s+five\s+years\b|未来五年|\bthrough\s+(20\d\d)\b", re.I)
_YEARS_BEHIND = re.compile(r"\b(?:past|last|the)\s+five\s+years\b|五年来|过去五年", re.I)


def _years_averaged(body: str, period: str | None) -> str | None:
    """The span of years an average annual rate averages, when its sentence names it and the period chosen
    so far is one year ("grew at an average annual rate of 4.8 percent over the five years" in 2025 ->
    2021..2025)."""
    if period is None or not _YEAR.fullmatch(period):
        return period
    year = int(period)
    ahead = _YEARS_AHEAD.search(body)
    if ahead is not None:
        end = int(ahead.group(1)) if ahead.group(1) else year + 5
        return f"{end - 4}..{end}"
    if _YEARS_BEHIND.search(body):
        return f"{year - 4}..{year}"
    return period


_YEAR_ON_YEAR = re.compile(r"year[- ]on[- ]year|a year (?:earlier|ago|before)|同比|按年|年增", re.I)

# a partner named before, referred to again: "the country", "the North African kingdom", "from it", 双边
_PARTNER_ANAPHOR = re.compile(
    r"\b(?:the|that)\s+(?:[\w-]+\s+){0,3}(?:country|kingdom|nation|republic)\b|\b(?:to|from)\s+it\b"
    r"|\bbilateral\b|\btwo-way\s+trade\b|双边|两国|該國|该国|雙邊|兩國"
)
# The total's metrics and their counterparts for the trade with one partner
_WITH_A_PARTNER = {"foreign_trade_total": "partner_trade", "foreign_trade_growth": "partner_trade_growth"}

# What an article on Guangdong's supply to Hong Kong measures with the catalogue: the supply's value
_SUPPLY_METRICS = frozenset({"exports", "exports_growth"})
_SOURCE_METRICS = frozenset({"imports", "imports_growth"})
_PARTNER_ARTICLE_METRICS = frozenset(
    {"exports", "exports_growth", "imports", "imports_growth", "partner_trade", "partner_trade_growth"}
)


def _markets_before(facts: SentenceFacts, figure: Figure, state: DocumentState) -> list[str]:
    """The partners named before a figure; else the article's one partner when the sentence names it by what
    it is ("The Central American country bought 811 million yuan of goods from the province")."""
    named = [name for _, end, name in facts.partners if end <= figure.start]
    if named or not state.trade_partner or not _THE_COUNTRY_OPENS_EN.match(facts.body):
        return named
    return [state.trade_partner]


def _flow_metric(facts: SentenceFacts, flow: str, figure: Figure) -> MetricDefinition | None:
    """The flow's level metric for an amount ("exports"), its growth metric for a rate ("exports_growth")."""
    return facts.vocabulary.metrics.get(flow if figure.kind == "currency" else f"{flow}_growth")


# "trade" with nothing that makes it the province's whole: "July-September trade alone", "the trade rose"
# (English only: Chinese copy names the partner's trade with its own words, 粤X贸易, 两地进出口, and its bare
# 进出口 is a part's whole trade, 澳资企业进出口)
_BARE_TRADE_HIT = re.compile(r"trade", re.I)
_WHOLE_BEFORE_TRADE = re.compile(
    r"(?:foreign|overall|total|external|province's|guangdong's|china's|national)\s*$", re.I
)


def _bare_trade(facts: SentenceFacts, hit: PhraseHit | None) -> frozenset[str]:
    """The whole trade's metrics when the figure's phrase is trade named bare ("the trade rose 12.3 percent"),
    which in an article on the trade with one partner is that trade; else none."""
    if hit is None or not _BARE_TRADE_HIT.fullmatch(facts.matchable, hit.start, hit.end):
        return frozenset()
    if _WHOLE_BEFORE_TRADE.search(facts.matchable, max(0, hit.start - 16), hit.start):
        return frozenset()
    return frozenset(_WITH_A_PARTNER)


def _article_partner(
    facts: SentenceFacts,
    figure: Figure,
    metric: MetricDefinition | None,
    entity: str,
    article_partner: str | None,
    flows: frozenset[str],
    not_of_it: re.Pattern[str] = _NOT_THE_SUPPLY,
    goods_traded_only: bool = False,
) -> str | None:
    """The partner of the article's one flow, for a figure of that flow (or of none) whose sentence names no
    other partner and nothing that is no part of the flow (``not_of_it``: the harvest, the farms; a price).
    ``goods_traded_only``: a figure with no measure takes it only in a sentence about goods traded."""
    if (
        article_partner is None
        or entity == article_partner
        or (metric is not None and metric.key not in flows)
        or (metric is None and goods_traded_only and not _TRADED_IN.search(facts.matchable))
        or any(name != article_partner for _, _, name in facts.partners)
    ):
        return None
    clause_start, clause_end = facts.clause(figure.start)
    if not_of_it.search(facts.body, clause_start, figure.start) or PRICE_WORDS.search(
        facts.body, 0, clause_end
    ):
        return None
    return article_partner


# What the parts of a trade whole are measured as: its exports, imports and trade with a partner
_TRADE_PARTS = frozenset(
    {"exports", "exports_growth", "imports", "imports_growth", "partner_trade", "partner_trade_growth"}
)


def _part_of_whole(metric: MetricDefinition | None, whole_metric: str | None, segment: str) -> bool:
    """Whether a figure listed after a whole ("其中，…") measures a part of it, and so keeps its segment:
    no metric of its own, the whole's own measure, or a share of its trade ("其中，出口6233.9亿元" after
    cross-border e-commerce's trade). Not another whole ("其中，第3季GDP年增4.8%" after robots' output) and
    not the channel's own trade in one city ("其中，广州跨境电商进出口2600亿元")."""
    if metric is None:
        return True
    if metric.channel == segment:
        return False
    base = whole_metric.removesuffix("_growth") if whole_metric else None
    return metric.key in _TRADE_PARTS or metric.key.removesuffix("_growth") == base


# Words that refer back to the part the article was just about: its figures keep that part's segment
_REFERS_BACK = re.compile(
    r"\b(?:the|this|these|that)\s+(?:sector|channel|segment|products|goods|cluster)\b"
    r"|\btheir\s+(?:value(?!\s+added)|exports|output)\b"
    r"|该行业|该产业|这一渠道|此类产品|该类产品|这类产品|这些产品|该集群",
    re.I,
)

# A piece of each noun _REFERS_BACK ends with, with no letter (i, s, k) that a case-insensitive match also
# reads from a non-ASCII letter
_REFERS_BACK_PIECES = ("ector", "channel", "egment", "product", "good", "clu", "value", "export", "output")


def _may_refer_back(body: str) -> bool:
    """Whether :data:`_REFERS_BACK` may match: one of its nouns is there (its search tries every offset)."""
    if "该" in body or "这" in body or "此类产品" in body:
        return True
    lowered = body.lower()
    return any(piece in lowered for piece in _REFERS_BACK_PIECES)


# The three sectors of the economy: their value added is the gross domestic product by sector.
_SECTORS = frozenset({"primary sector", "secondary sector", "services"})
_SECTOR_METRICS = {"growth": "gdp_growth", "level": "gdp"}


# "…43.2万辆，同比增长56.8%", "218,000 vehicles, up 37%": a rate right after a count is the count's
_RATE_AFTER_COUNT = re.compile(
    r"^[^\d，,。；;]{0,12}[，,]\s*(?:同比|比上年同期|比去年同期|较上年同期)?(?:增长|下降|增加|减少|上升|下滑)$"
    r"|^[^\d,;.]{0,30},\s*(?:up|down)\s+$",
    re.I,
)
# "rose 112% to 218,000 vehicles": the count the rate grew to
_TO_A_COUNT = re.compile(
    r"^\s+to\s+(?:a\s+record\s+|about\s+|around\s+|nearly\s+|over\s+|more than\s+)?$", re.I
)


def _rate_of_a_count(facts: SentenceFacts, index: int, figure: Figure, role: str) -> bool:
    """Whether a growth rate measures a count written next to it (units, vehicles, TEUs), not a value."""
    if figure.kind != "percent" or role != "growth":
        return False
    figures = facts.figures
    before = figures[index - 1] if index else None
    if (
        before is not None
        and before.kind == "count"
        and _RATE_AFTER_COUNT.match(facts.body[before.end : figure.start])
    ):
        return True
    after = figures[index + 1] if index + 1 < len(figures) else None
    if (
        after is not None
        and after.kind == "count"
        and _TO_A_COUNT.match(facts.body[figure.end : after.start])
    ):
        return True
    return _pairs_with_a_count(facts, index)


_RATES_LISTED = re.compile(r"(?:同比|比上年|较上年|按年)?分别(?:增长|下降|上升|提高|减少|增加)")


def _pairs_with_a_count(facts: SentenceFacts, index: int) -> bool:
    """Whether a rate of a 分别 list pairs, in order, with a count written before the list:
    出口柚子4.6万吨，货值3.18亿元，同比分别增长18.2%和21.6% (the first rate is the volume's growth, the second
    the value's)."""
    figures = facts.figures
    first = index
    while (
        first
        and figures[first - 1].kind == "percent"
        and not _RATES_LISTED.search(facts.body, figures[first - 1].end, figures[first].start)
    ):
        first -= 1
    marker = _RATES_LISTED.search(facts.body, figures[first - 1].end if first else 0, figures[first].start)
    if marker is None or not first:
        return False
    rates = index - first
    last = first
    while last + 1 < len(figures) and figures[last + 1].kind == "percent":
        last += 1
    levels = [
        i
        for i in range(first)
        if figures[i].kind not in {"percent", "pp"} and figures[i].conversion_of is None
    ]
    count = last - first + 1
    if len(levels) < count:
        return False
    paired = levels[len(levels) - count + rates]
    kinds = {figures[i].kind for i in levels[len(levels) - count :]}
    return figures[paired].kind == "count" and "currency" in kinds


_FLOW_UNITS = frozenset(
    {"person-times", "visits", "visitors", "arrivals", "passengers", "trips", "flights", "tonnes", "TEU",
     "parcels", "kilowatt-hours", "kWh", "GWh"}
)  # fmt: skip
_CAPACITY = re.compile(r"\bcapacity\b|容量|库容|产能|装机", re.I)
_IN_THE_PERIOD = re.compile(r"\b(?:in|during|over) the (?:same )?period\b|同期", re.I)


def _part_in_force(
    facts: SentenceFacts,
    state: DocumentState,
    metric: MetricDefinition | None,
    segment: str | None,
    item: ListItem | None,
    figure: Figure,
) -> str | None:
    """The part an article's lede trades stays the part of its later trade figures that name none ("Yangjiang
    exported 11.6 billion yuan of knives and scissors ..." then "Exports to the EU climbed 11.5 percent"),
    until a sentence names the whole again ("the province's total exports"). A lede that trades a volume of
    goods sets the part too: "Maoming exported 3,860 tons of fresh lychees ..." then "The shipments were
    worth 118 million yuan"."""
    flow = _FLOWS.get(metric.key) if metric is not None else None
    # a part a headline put in force gives way to the part the article's first trade figure names
    # (广东咖啡机出口… then 广东出口咖啡机27.8亿元: the lede's own words for it)
    from_headline = state.part_in_force is not None and state.part_in_force_from < 0
    # a headline's goods no catalogue lists, named again by the sentence (廣東前10月智慧貓砂盆出口量達412萬台,
    # 广东出口头盔38.6亿元): the sentence is about them, not back on the whole
    goods_named = from_headline and _names_headline_goods(facts.body, state.part_in_force, figure)
    if flow is None:
        if segment is None and goods_named and figure.kind == "count" and state.part_in_force is not None:
            state.part_in_force_from = facts.sentence.start  # the sentence states the part: its value follows
            return state.part_in_force[1]
        if (
            (state.part_in_force is None or from_headline)
            and not state.observations_with_flow
            and metric is None
            and figure.kind == "count"
            and segment is not None
            and item is None
        ):
            traded = _traded_flow(facts, figure)
            if traded is not None:
                state.part_in_force = (traded, segment)
                state.part_in_force_from = facts.sentence.start
        return segment
    if state.part_in_force is None or (
        from_headline and segment is not None and item is None and not state.observations_with_flow
    ):
        if not state.observations_with_flow and segment is not None and item is None:
            state.part_in_force = (flow, segment)
            state.part_in_force_from = facts.sentence.start
        state.observations_with_flow = True
        return segment
    # the sentence that named the part is not one back on the whole ("Guangdong exported 21.8 billion yuan
    # of pet products last year, up 13.4%": the growth is the pet products')
    if not state.observations_with_flow and segment is None and from_headline and not goods_named:
        # "深圳首10月手机出口跌2.4%" then "深圳出口2.03万亿元": the lede opens on the whole, which the place's
        # later trade figures are of too
        state.headline_part = False
    state.observations_with_flow = True
    back_on_the_whole = (
        state.part_in_force_from != facts.sentence.start
        and not goods_named
        and (_names_the_whole(facts.body) or (_owner_before_a_phrase(facts) and not state.headline_part))
    )
    if segment is None and back_on_the_whole:
        state.part_in_force = None
        return segment
    part_flow, part = state.part_in_force
    if segment is None and (item is None or item.segment is None) and flow == part_flow:
        return part  # a list of partners or places ("to the EU and ASEAN, respectively") keeps the part
    return segment


def _names_headline_goods(body: str, part_in_force: tuple[str, str] | None, figure: Figure) -> bool:
    """Whether the sentence names the goods a headline put in force before the figure, in the figure's
    clause: as the headline wrote them (广东出口头盔38.6亿元), or, in English, with the head word in either
    number ("Guangdong exported 1.27 million heat pump units" after "Guangdong heat pump exports ...")."""
    if part_in_force is None:
        return False
    goods = part_in_force[1]
    if goods.isascii():
        before = body[max(body.rfind(";", 0, figure.start), 0) : figure.start].lower()
        return re.search(rf"\b{re.escape(_singular(goods))}", before) is not None
    clause_start = max(body.rfind(mark, 0, figure.start) for mark in "，,；;。") + 1
    return goods in body[clause_start : figure.start]


def _singular(goods: str) -> str:
    """The goods' name with the plural ending of its head word dropped ("heat pumps" -> "heat pump",
    "batteries" -> "batter", which starts "battery" too)."""
    for ending in ("ies", "es", "s"):
        if goods.endswith(ending) and len(goods) > len(ending) + 2:
            return goods[: -len(ending)]
    return goods


# between a level and its rate: "发明专利授权量13.6万件，年增9.1%", "... 4.12 million tonnes, up 14.6 percent"
_RATE_AFTER_LEVEL = re.compile(
    r"[^\d，,。；;]{0,6}[，,]\s*(?:同比|环比|比上年|比去年|较上年|按年|按月|按季|年"
    # 出口312万台，比9月份多16.5%: against the month before, written out
    r"|(?:比|较)(?:\d{1,2}月份?|上月|上年同期|去年同期))?"
    r"(?:增长|下降|增加|减少|上升|下滑|回落|提高|下跌|上涨|增多|微增|上扬|多出|高出|多|少|增|减|大增|跌)(?:了)?"
    r"(?:近|约|逾|超过)?$"
    r"|[^\d,;.]{0,30},\s*(?:up|down|an?\s+(?:increase|rise|decrease|decline|drop|jump|gain)\s+of)\s+$",
    re.I,
)


_VALUE_GROWTH = frozenset({"exports_growth", "imports_growth"})


def _follows_its_level(facts: SentenceFacts, index: int) -> bool:
    """Whether the figure at ``index`` is a rate written right after the figure before it, which it grows."""
    previous_end, start = facts.figures[index - 1].end, facts.figures[index].start
    if _RATE_AFTER_LEVEL.fullmatch(facts.body[previous_end:start]) is not None:
        return True
    # "shipments reached 1.18 million units, 14.6 percent more than in September": the comparison after it
    return (
        _JUST_A_COMMA_EN.fullmatch(facts.body, previous_end, start) is not None
        and _MORE_OR_FEWER_AFTER_EN.match(facts.body, facts.figures[index].end) is not None
    )


_JUST_A_COMMA_EN = re.compile(r"(?:\s+[a-z]+){0,2},\s*(?:or\s+|an?\s+)?")
# "14.6 percent more than in September", "a 12.8 percent month-on-month increase"
_MORE_OR_FEWER_AFTER_EN = re.compile(
    r"\s+(?:more|fewer|less|higher|lower|above|below)\b"
    r"|\s+(?:(?:year|month|quarter)-on-(?:year|month|quarter)\s+)?(?:increase|rise|gain|jump|decrease|decline|drop|fall)\b"
)


def _grows_the_volume_before(facts: SentenceFacts, index: int, hit: PhraseHit) -> bool:
    """Whether a trade rate follows a traded volume it grows ("exported 1.48 million motorcycles, up 22.7%",
    出口汽车38.7万辆，年增46.2%): the volume is a count the trade phrase before it moved."""
    previous = facts.figures[index - 1]
    return previous.kind == "count" and hit.end <= previous.start and _follows_its_level(facts, index)


def _rate_of_the_level_before(facts: SentenceFacts, index: int, before: Observation) -> str | None:
    """The part a growth rate is of when it follows the level it grows ("国际及地区旅客830万人次，增长21.5%"):
    the level's part, when the level has no metric and names one."""
    if before.metric is not None or before.segment is None or facts.figures[index - 1].kind == "percent":
        return None
    return before.segment if _follows_its_level(facts, index) else None


_SOME_OF_THEM = re.compile(r"\s+of\s+(?:which|whom|them|these|those)\b", re.I)
_TRADERS_EN = re.compile(
    r"\s+(?:(?:more|about|some|over|nearly)\s+)?(?P<goods>(?:[a-z][a-z-]*\s+){1,3}?)"
    r"(?:enterprises|firms|companies|makers|manufacturers|businesses|exporters)\s+(?:in\s+[A-Z][\w-]*\s+)?"
    r"(?:with|had|have|has|posted)\b"
)


def _traders_goods(facts: SentenceFacts, figure: Figure, hit: PhraseHit) -> str | None:
    """The goods of the traders a count of traders counts, when the sentence names them: "312 gas appliance
    enterprises with export records", 全市有塑料制品进出口实绩企业628家; a part of all traders, never the
    whole."""
    body = facts.body
    if body[hit.start : hit.start + 1].isascii():
        found = _TRADERS_EN.match(body, figure.end, hit.start + 1) if figure.end <= hit.start else None
        if found is None:
            return None
        goods = " ".join(found.group("goods").split()).lower()
        if goods in NOT_TRADERS_GOODS_EN:
            return None
        index = facts.vocabulary.segments
        for written in (goods, plural_product(goods), goods + " enterprises"):
            catalogued = index.by_written.get(written)
            if catalogued:
                return catalogued
        return goods
    return _goods_named_before(facts, hit)


def _goods_named_before(facts: SentenceFacts, hit: PhraseHit) -> str | None:
    """The goods a Chinese trade phrase's clause names before it (塑料制品进出口实绩企业, 可可豆进口): the
    catalogued part written last, else the product as written right before the phrase, or None."""
    clause_start, _ = facts.clause(hit.start)
    named = [m.segment for m in parts(facts.segments) if clause_start <= m.start and m.end <= hit.start]
    if named:
        return named[-1]
    leading_words = facts.vocabulary.subjects.leading_words
    return written_product(facts.body, hit.start, leading_words) or _subject_goods(
        facts.body, hit, leading_words
    )


def _an_industrys_revenue(facts: SentenceFacts, figure: Figure, metric: MetricDefinition | None) -> bool:
    """Whether the figure is an industry's revenue or its growth ("Revenue of its packaged drinking water
    industry grew 16.2 percent": the rate has no metric of its own, docs/figure-labels-v2.md)."""
    if metric is not None:
        return metric.key == "industry_revenue"
    return figure.kind == "percent" and any(
        hit.end <= figure.start and any(m.key == "industry_revenue" for m in hit.metrics)
        for hit in facts.hits
    )


_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _date_of_the_stock_before(
    facts: SentenceFacts, index: int, period: str, earlier: list[Observation]
) -> str:
    """The day a growth rate is of when it follows a count or a balance of what exists on that day, the span
    it ends being its own period so far ("截至2025年底，实有澳资企业6218户，按年增长12.4%": the count's growth
    at the year's end, 2025-12-31, not over 2025; "9月末，…存款余额38.46万亿元，同比增长6.3%")."""
    before = earlier[index - 1] if index - 1 < len(earlier) else None
    if (
        before is None
        or facts.figures[index - 1].kind not in {"count", "currency"}
        or before.period is None
        or not _FULL_DATE.fullmatch(before.period)
        or not before.period.startswith(period)
        or not _follows_its_level(facts, index)
        # the day is written before the count ("截至2025年底，…"), not a day of something else after it
        or not any(m.point and m.end <= facts.figures[index - 1].start for m in facts.periods)
    ):
        return period
    return before.period


# ", while motorcycles were up", " and electric kettles dipped": the clause after a part's trade rate names
# only other goods and their move
_ANOTHER_PART_EN = re.compile(
    r"\s*(?:[,;]\s*)?(?:while|whereas|and|but)?\s*(?:those of\s+)?"
    r"(?P<goods>(?:[a-z][a-z-]*\s+){0,3}[a-z][a-z-]*)\s+(?:were\s+|was\s+)?"
    r"(?:up|down|rose|fell|grew|jumped|climbed|dipped|declined|dropped|increased|decreased|surged|slid|soared"
    r"|slipped|gained|expanded|shrank|contracted|edged\s+(?:up|down|higher|lower))\s+(?:by\s+)?(?:an?\s+)?"
)
_TRADE_GROWTHS = frozenset({"exports_growth", "imports_growth"})


def _another_part_of_the_trade(
    facts: SentenceFacts, rate_before: Figure, figure: Figure, before: Observation
) -> str | None:
    """The goods a rate is of when its clause names only them, right after another part's trade rate
    ("Exports of air fryers jumped 42 per cent, coffee machines rose 17.5 per cent and electric kettles dipped
    1.2 per cent": the kettles' exports), or None."""
    if before.metric not in _TRADE_GROWTHS or before.segment is None or before.partner is not None:
        return None
    if rate_before.kind != "percent":
        return None
    found = _ANOTHER_PART_EN.fullmatch(facts.body, rate_before.end, figure.start)
    if found is None:
        return None
    goods = found.group("goods")
    words = goods.split()
    if words[0] in NOT_PRODUCT_HEADS_EN or any(word in NOT_OTHER_GOODS_EN for word in words):
        return None
    named = [m.segment for m in parts(facts.segments) if found.start("goods") <= m.start < found.end("goods")]
    return named[0] if named else goods


_PERCENT_OF = re.compile(r"\s+of\s+(?:the|its|their|all|everything|[A-Z][\w-]*['’]s)\b")


_OF_ITS_OUTPUT_VALUE = re.compile(r"\boutput value\b|产值", re.I)
_OUTPUT_VALUE_EN = re.compile(r"\boutput value\b", re.I)
# the whole's output value: "industrial output value", "the town's total output value"
_NOT_GOODS_BEFORE_OUTPUT_EN = frozenset(
    {*BEFORE_WHOLE_PHRASE_EN, "industrial", "industry", "gross", "manufacturing", "economic", "agricultural"}
)


def _written_output_value_en(facts: SentenceFacts, clause_start: int, figure: Figure) -> str | None:
    """The output value of goods the catalogue does not list, named before it in the figure's clause
    ("Knitwear output value in Dalang came to 28.4 billion yuan"), or None."""
    found = _OUTPUT_VALUE_EN.search(facts.body, clause_start, figure.start)
    if found is None:
        return None
    product = written_product_en(facts.body.lower(), found.start(), _NOT_GOODS_BEFORE_OUTPUT_EN)
    return f"{product} output value" if product and "output" not in product else None


def _may_name_output_value(segment: str, vocabulary: Vocabulary) -> bool:
    """Whether a part's figures in a clause on output value are its output value: goods or an industry named
    in English, not a measure of its own (visitor arrivals), a company's measure or a price."""
    return (
        segment.isascii()
        and "output" not in segment
        and not segment.endswith(("price", "share"))
        and segment not in vocabulary.segments.measures
        and segment not in _COMPANY_MEASURES
    )


_COMPANY_MEASURES = frozenset(
    {"net profit", "gross margin", "earnings per share", "share price", "overseas business", "overseas sales"}
)


def _owner_of_an_ellipsis(facts: SentenceFacts, before: Figure, figure: Figure) -> str | None:
    """The place an elliptical clause names right before its figure, after the figure of another place ("…
    71 percent of the exports and Dongguan 17 percent"), or None."""
    for mention in facts.entities:
        if (
            mention.valid
            and mention.name
            and before.end <= mention.start
            and mention.end <= figure.start
            and not facts.body[mention.end : figure.start].strip()
            and _AND_BEFORE.search(facts.body, before.end, mention.start)
        ):
            return mention.name
    return None


_AND_BEFORE = re.compile(r"(?:,\s*|\s)and\s+(?:the\s+)?$|[、和及与]$")


def _partner_of_those(facts: SentenceFacts, before: Figure, figure: Figure) -> str | None:
    """The partner of an elliptical clause after another partner's figure ("…, and those to the Middle East
    19.7 percent"), or None."""
    if not _THOSE_TO.match(facts.body, before.end, figure.start):
        return None
    named = [name for start, end, name in facts.partners if before.end <= start and end <= figure.start]
    return named[-1] if len(named) == 1 else None


_THOSE_TO = re.compile(
    r"[^,;]{0,30},?\s+(?:and|while|whereas)\s+(?:those|that|shipments|exports|imports|sales)\s+(?:to|from|with|in)\s+"
    r"[^,;\d]{2,40}$"
)


def _market_before(facts: SentenceFacts, figure: Figure) -> str | None:
    """The partner whose market a figure's clause names before it ("欧洲市场收入增长32.4%", "sales in the
    European market rose"), or None."""
    clause_start = facts.clause(figure.start)[0]
    named = [
        name
        for start, end, name in facts.partners
        if clause_start <= start and end <= figure.start and _MARKET_AFTER.match(facts.matchable, end)
    ]
    return named[-1] if len(set(named)) == 1 else None


_MARKET_AFTER = re.compile(r"市场|\s+markets?\b")


def _growth_of_a_named_part(facts: SentenceFacts, figure: Figure) -> str | None:
    """The part a growth rate names when the phrase before it in its clause is a level's that has no growth
    metric ("R&D spending grew 9.4 percent" -> r&d expenditure), or None."""
    clause_start = facts.clause(figure.start)[0]
    before = [hit for hit in facts.hits if clause_start <= hit.start and hit.end <= figure.start]
    if not before:
        return None
    for metric in before[-1].metrics:
        if metric.named_part and growth_counterpart(metric, facts.vocabulary.metrics) is None:
            return metric.named_part
    return None


def _part_the_sentence_trades(metric: MetricDefinition, earlier: list[Observation]) -> str | None:
    """The part an earlier figure of the sentence trades in the same flow, for a figure of one partner
    ("Furniture exports slid 8.6% ..., with shipments to the U.S. down 23.1%": the furniture sent to the US),
    or None."""
    flow = _FLOWS.get(metric.key)
    if flow is None:
        return None
    for observation in reversed(earlier):
        if observation.metric is not None and _FLOWS.get(observation.metric) == flow:
            return observation.segment
    return None


def _traded_flow(facts: SentenceFacts, figure: Figure) -> str | None:
    """The flow a sentence's verb trades a counted volume in, when a trade phrase stands before the count
    ("exported 3,860 tons of ..." -> exports); None when no trade phrase does."""
    for hit in facts.hits:
        if hit.end <= figure.start:
            flows = {_FLOWS[m.key] for m in hit.metrics if m.key in _FLOWS}
            if len(flows) == 1:
                return flows.pop()
    return None


# units whose "of ..." names the goods measured: "48,200 tonnes of pomelos"
_CONTENT_UNITS = frozenset({"tonnes", "units", "pieces", "sets", "kilograms", "pairs"})
# "21.8 billion yuan ($3.1bn) of pet products": a conversion may stand between the amount and its goods
_OF_AFTER_AMOUNT = re.compile(r"\)?\s+(?:\([^()]{1,30}\)\s+)?(?:worth\s+)?(?=of\s)")
_OF_BEFORE_WORTH = re.compile(
    r"\b(?:of|exported|imported|shipped)\s+((?:[a-z][a-z-]*\s+){1,4}|(?:[a-z][a-z-]*\s+){1,3}and\s+other\s+"
    r"(?:[a-z][a-z-]*\s+){1,3})worth\s+"
    r"(?:about\s+|some\s+|nearly\s+|more\s+than\s+|over\s+)?$"
)


_COUNT_AFTER_ITS_TRADE = re.compile(r"(?:量|数量)?(?:为|达|约|达到|共)?$")


def _goods_before_their_trade(facts: SentenceFacts, figure: Figure) -> str | None:
    """The goods a Chinese count of a trade counts, written before the trade right before the count
    (可可豆进口9.3万吨), as catalogued or as written, or None."""
    for hit in facts.hits:
        if (
            hit.end <= figure.start
            and all(metric.key in _TRADE_PARTS for metric in hit.metrics)
            and _COUNT_AFTER_ITS_TRADE.match(facts.body[hit.end : figure.start])
        ):
            return _goods_named_before(facts, hit)
    return None


def _measure_after_amount(facts: SentenceFacts, figure: Figure) -> str | None:
    """The measure an amount is of, written right after it: "used 168 billion yuan of foreign capital" ->
    utilised foreign investment (a catalogued measure only; goods are :func:`_object_product`'s)."""
    after = _OF_AFTER_AMOUNT.match(facts.body, figure.end)
    if after is None:
        return None
    start = after.end() + len("of ")
    measures = facts.vocabulary.segments.measures
    return next((m.segment for m in facts.segments if m.start == start and m.segment in measures), None)


def _object_product(facts: SentenceFacts, figure: Figure) -> str | None:
    """What an amount or a volume is of when a verb traded it: "exported 15.3 billion yuan (worth) of drones",
    "48,200 tonnes of pomelos worth 312 million yuan", "exported photovoltaic products worth 31.7 billion
    yuan" -> the catalogued part written there, else the product as written."""
    body = facts.body
    goods = (
        traded_object_zh(body, figure.start) if not body[figure.start - 1 : figure.start].isascii() else None
    )
    if goods is not None:
        start, end = goods  # 出口鞋类612.4亿元
        named = [m.segment for m in parts(facts.segments) if start <= m.start < end]
        return named[0] if named else body[start:end]
    if figure.kind == "count" and not body[figure.start - 1 : figure.start].isascii():
        goods_before = _goods_before_their_trade(facts, figure)
        if goods_before is not None:
            return goods_before  # 可可豆进口9.3万吨, 破壁机出口392万台: the goods before the trade they count
    unit_end = figure.end
    if figure.kind == "count":
        if figure.unit not in _CONTENT_UNITS or figure.unit_start is None or figure.unit_start < figure.end:
            return None  # "86,400 certificates of origin": what the counted things are, not a product
        unit_end = figure.unit_start + len(figure.unit_text)  # "48,200 tonnes of pomelos"
    after = _OF_AFTER_AMOUNT.match(body, unit_end)
    if after is not None:
        product = written_product_after_en(body, after.end() - 1)
        if product is None:
            return None
        start, end = after.end(), after.end() + 3 + len(product)
    else:
        # why: the search tries every offset of its window, and "worth" is rarely there
        found = body.find("worth", max(0, figure.start - 60), figure.start) != -1
        before = _OF_BEFORE_WORTH.search(body, max(0, figure.start - 60), figure.start) if found else None
        if before is None:
            return None
        # "wigs and other hair products": the goods named, not the word that says they differ
        product = " ".join(before.group(1).split()).replace(" and other ", " and ")
        if (
            product.split()[0] in NOT_PRODUCT_HEADS_EN
            or product in {"goods", "products"}
            or any(word in NOT_IN_GOODS_EN for word in product.split())
        ):
            return None  # "Goods exported on the service were worth ...": no goods named
        start, end = before.start(1), before.end(1)
    named = [m.segment for m in parts(facts.segments) if start <= m.start < end]
    if not named and figure.kind == "count" and product in _CARGO_WORDS:
        # "Zhongshan Port handled 1.2 million tonnes of cargo": a port's tonnes of cargo are its throughput
        return _CARGO_THROUGHPUT if _CARGO_THROUGHPUT in facts.vocabulary.segments.measures else None
    return named[0] if named else product


_CARGO_WORDS = frozenset({"cargo", "freight", "goods"})
_CARGO_THROUGHPUT = "cargo throughput"


def _owner_before_a_phrase(facts: SentenceFacts) -> bool:
    """ "Zhuhai's exports rose", 廣東出口月增5.6%, 潮州外贸进出口: a place written right before a trade phrase
    names its whole trade."""
    for hit in facts.hits:
        for mention in facts.entities:
            gap = facts.body[mention.end : hit.start]
            if mention.end <= hit.start and len(gap) <= 3 and gap.strip() in {"", "'s", "’s", "的"}:
                return True
    return False


# the value of the goods a trade verb moved, written after their volume: 货值161.2亿元 (貨值 read simplified)
_VALUE_OF_THE_GOODS = re.compile(r"货值(?:约|达|为|达到|超过|近)?$")

_OVERSEAS_BUSINESS = "overseas business"
_TRADE_LEVELS = frozenset({"exports", "imports", "foreign_trade_total", "partner_trade"})
# a verb that gives a part its share of an amount reported before it
_SHARES_OUT = re.compile(
    r"\b(?:accounted for|took|contributed|made up|brought in|earned|shipped|exporting|exported|were worth"
    r"|was worth|topped the export list at"
    # "…, with automobiles worth 1.94 billion yuan": goods of the trade just reported, with their value
    r"|(?:,\s+with|\band)\s+(?:(?!deals\b|contracts\b|orders\b|deliveries\b|goods\b)[a-z][a-z-]*\s+){1,4}worth)"
    r"\s+(?:about |around |nearly |some |roughly |over )?$"
)

_NEXT_AMOUNT = re.compile(r",?\s*(?:and\s+)?")
_IMPORTED_SUBJECT = re.compile(
    r"\b(?:shipped into|brought in from|bought from|imported|purchases? from|arriving from)\b", re.I
)
_EXPORTED_SUBJECT = re.compile(
    r"\b(?:shipped to|sold to|shipped abroad|exported|exporting|export category|export list)\b"
    r"|\bshipped\s+\S*\s*$",
    re.I,
)
_FLOW_NAMED_AFTER = re.compile(r"\bof\s+(?:(?:that|the|this|their|its)\s+)?(export|import)", re.I)


def _flow_shared_out(facts: SentenceFacts, figure: Figure, flow_in_force: str) -> str:
    """The flow an amount shares out: what follows may name it ("brought in 1.84 billion yuan … of export
    sales"), the goods may be said to come in or go out ("Logs brought in from Pointe-Noire were worth",
    "Motorcycles shipped to Cuba earned", "Zhongshan and Jiangmen shipped 1.71 billion yuan"); else it is the
    trade amount read last."""
    named = _FLOW_NAMED_AFTER.search(facts.body, figure.end)
    if named is not None:
        return named.group(1).lower() + "s"
    before = facts.body[: figure.start]
    if _IMPORTED_SUBJECT.search(before):
        return "imports"
    if _EXPORTED_SUBJECT.search(before):
        return "exports"
    return flow_in_force


# the flow of each trade metric a traded product refines
_FLOWS = {
    "exports": "exports",
    "exports_growth": "exports",
    "imports": "imports",
    "imports_growth": "imports",
}


# a sentence back on the whole: "the province's total exports", 全省出口, "overall"
_WHOLE_NAMED = re.compile(
    r"\b(?:total|overall|as a whole|whole|entire)\b|province's|city's|全省|全市|整体|总值|总额|全国", re.I
)
# the whole named as what a share is of, not as the subject: "making up 59.8 percent of the total", 占…总额
_AS_THE_BASE_OF_A_SHARE = re.compile(r"\bof\s+(?:the\s+|its\s+)?$|占[^，,。；;]{0,8}$", re.I)


def _names_the_whole(body: str) -> bool:
    """Whether a sentence is back on the whole ("the province's total exports"), not only measuring a part's
    share of it."""
    return any(
        not _AS_THE_BASE_OF_A_SHARE.search(body[max(0, found.start() - 12) : found.start()])
        for found in _WHOLE_NAMED.finditer(body)
    )


def _implied_measure(
    facts: SentenceFacts, figure: Figure, role: str, earlier: list[Observation]
) -> str | None:
    """The measure a count's unit names alone ("the port handled 17.9 million TEUs": container throughput),
    and the change written right after that count in its sentence ("..., up 6.4 percent")."""
    implied = facts.vocabulary.segments.implied
    if figure.kind == "count":
        measure = implied.get(figure.unit)
        if measure is None:
            return None
        clause_start, _ = facts.clause(figure.start)
        # 外贸集装箱吞吐量：887.5万标箱: a measure named right before the clause's colon
        named = any(clause_start - 2 <= m.end <= figure.start for m in facts.segments)
        return measure if not named and _only_the_owner_handled(facts, figure) else None
    if figure.kind != "percent" or role == "share":  # "占全港的75.1%": a share of the measure, not it
        return None
    counts = [i for i, o in enumerate(earlier) if o.unit in implied]
    # the changes written after the count ("up 5.1% from a year earlier and 3.6% from May"), nothing else
    if not counts or any(o.unit != "%" for o in earlier[counts[-1] + 1 :]):
        return None
    count = earlier[counts[-1]]
    count_end = count.end - facts.sentence.start
    previous_end = earlier[-1].end - facts.sentence.start
    if figure.start - previous_end > 90 or any(count_end <= h.start < figure.start for h in facts.hits):
        return None
    return count.segment if count.segment == implied[count.unit] else None


def _in_money(facts: SentenceFacts, figure: Figure) -> bool:
    """Whether a figure is of money: a currency amount, or a rate or share in a sentence that counts no units
    sold ("overseas sales rose 22 percent to 460 million yuan", "Overseas sales made up 63% of revenue";
    not "surged 72.3% to 128,400 units", "accounted for 34 percent of its deliveries")."""
    if figure.kind in {"currency", "count"}:
        return figure.kind == "currency"
    counts = any(other.kind == "count" for other in facts.figures)
    return not counts and not _UNITS_SOLD.search(facts.body)


_UNITS_SOLD = re.compile(
    r"\b(?:deliveries|shipments|shipped|delivered|units|vehicles|volumes?)\b|销量|出货|交付|台|辆"
)


def _only_the_owner_handled(facts: SentenceFacts, figure: Figure) -> bool:
    """Whether the count's clause says only who handled it, and when ("Shenzhen Port handled", 深圳港上半年
    完成): a clause naming what was counted ("sea-rail intermodal volume reached") counts a part."""
    clause_start, _ = facts.clause(figure.start)
    while clause_start > 0 and facts.body[clause_start - 1 : clause_start] in {"：", ":"}:
        clause_start, _ = facts.clause(clause_start - 1)  # 铁水联运量：46.2万标箱: the label is the subject
    dateline = DATELINE_EN.match(facts.body)
    if dateline and clause_start < dateline.end():
        # "GUANGZHOU, Jan. 13 (Xinhua) -- Guangzhou Port handled": where the reporter was, not what it counted
        clause_start = dateline.end()
    before = facts.body[clause_start : figure.start]
    for mention in sorted(facts.entities, key=lambda m: m.start, reverse=True):
        if clause_start <= mention.start and mention.end <= figure.start:
            cut_start, cut_end = mention.start - clause_start, mention.end - clause_start
            before = before[:cut_start] + " " + before[cut_end:]
    if before.isascii():
        words = _WORDS_EN.findall(before.lower())
        return all(word in HANDLED_WORDS_EN or word in MONTHS for word in words)
    rest = facts.vocabulary.subjects.time_or_place.sub("", before)
    return bool(_HANDLED_ZH.fullmatch(rest))


_WORDS_EN = re.compile(r"[a-z][a-z'’-]*")
_HANDLED_ZH = re.compile(r"(?:港口?|码头|港区|全年|累计|共|合计|完成|实现|达到?|为|，|,|\s)*")


# between a trade phrase and the volume it moved: the goods (供港蔬菜58.6万吨), and a list's earlier volumes
_GOODS_BEFORE_VOLUME_ZH = re.compile(r"(?:分别)?[\u4e00-\u9fff]{0,8}(?:[^，,。；;]{1,12}?[、和及与])*")


_PLACES_THAT_SUPPLY_ZH = re.compile("基地")


def _partner_cut_to_one_character(facts: SentenceFacts, hit: PhraseHit, last_partner: str) -> str | None:
    """The partner named last, when the trade is written with 对 / 自 and one character of its name
    (阿塞拜疆 … 对阿出口17.9亿元，自阿进口3.5亿元), else None."""
    cut = PARTNER_CUT_TO_ONE_CHARACTER.fullmatch(facts.body, max(0, hit.start - 2), hit.start)
    if cut is None:
        cut = PARTNER_SIDE_AT_END.search(facts.body, max(0, hit.start - 3), hit.start)  # 向乌方出口
    if cut is None:
        return None
    initials = facts.vocabulary.places.partner_initials_zh.get(last_partner, frozenset())
    return last_partner if cut.group(1) in initials else None


# 粤 and the first character of a partner's name, before the trade: 粤尼两地, 粤喀贸易额, 粤塞双边贸易
_GUANGDONG_AND_PARTNER_INITIAL = re.compile(r"粤([\u4e00-\u9fff])(?=两地|双边|贸易|进出口)")


def _partner_after_guangdong(facts: SentenceFacts, figure: Figure, named: tuple[str, ...]) -> str | None:
    """The one partner the article names whose name starts with the character a trade figure's sentence writes
    after 粤 before the figure (尼泊尔 … 粤尼两地…进出口合共二十三亿元), else None."""
    cut = _GUANGDONG_AND_PARTNER_INITIAL.search(facts.body, 0, figure.start)
    return _the_one_named_with_initial(cut.group(1), named, facts.vocabulary) if cut else None


def _the_one_named_with_initial(initial: str, named: tuple[str, ...], vocabulary: Vocabulary) -> str | None:
    """The one partner of those an article names whose Chinese name starts with ``initial``, else None."""
    initials = vocabulary.places.partner_initials_zh
    # why: ``named`` holds each partner once, so a single fitting name is an unambiguous one
    fitting = [name for name in named if initial in initials.get(name, frozenset())]
    return fitting[0] if len(fitting) == 1 else None


def _partner_of_traded_volume(facts: SentenceFacts, figure: Figure) -> str | None:
    """The partner of a volume of goods a Chinese trade phrase with a partner moves right before it
    (广东供港活蟹6840吨, 深圳、惠州分别供港蔬菜21.4万吨和12.7万吨), or None."""
    clause_start, _ = facts.clause(figure.start)
    before = [
        h
        for h in facts.hits
        if clause_start <= h.start
        and h.end <= figure.start
        and not facts.body[h.start : h.start + 1].isascii()
        and all(m.key in _TRADE_PARTS for m in h.metrics)
    ]
    if not before:
        return None
    hit = before[-1]
    if not _GOODS_BEFORE_VOLUME_ZH.fullmatch(facts.body, hit.end, figure.start):
        return None
    if _PLACES_THAT_SUPPLY_ZH.search(facts.body, hit.end, figure.start):
        return None  # 供港蔬菜备案基地38个: the bases that grow what is supplied, not a volume moved
    return choose_partner(facts, hit, None)


# a count's change after the count: "..., 186 more than a year earlier", "比去年同期增加1240家", "新增5100家"
_COUNT_CHANGE_BEFORE = re.compile(
    r"(?:比|较|同比|比年初|较年初|[^，,；;。]{0,10}?)(?:净)?(?:增加|新增|减少|增长|净增)(?:了)?$"
    r"|(?:a net increase of|an increase of|a net decrease of|up by|down by)\s+$",
    re.I,
)
# "..., 186 more than a year earlier"; "23 container routes, 5 of which opened this year"
_COUNT_CHANGE_AFTER = re.compile(
    r"\s+(?:more|fewer)\b|\s+(?:of which|of them)\s+(?:\w+\s+)?(?:opened|added|joined|new)\b", re.I
)


def _changes_the_count_before(facts: SentenceFacts, index: int) -> bool:
    """Whether a count is the change of the count of the same unit right before it ("Some 1,240 Guangdong
    firms traded with Liberia, 186 more than a year earlier"; 目前…企业142家，今年新增18家)."""
    if not index:
        return False
    previous, figure = facts.figures[index - 1], facts.figures[index]
    if previous.kind != "count" or figure.kind != "count" or previous.unit != figure.unit:
        return False
    between = facts.body[previous.end : figure.start]
    if any(mark in between for mark in "。；;"):
        return False
    return bool(_COUNT_CHANGE_BEFORE.search(between) or _COUNT_CHANGE_AFTER.match(facts.body, figure.end))


_THIS_YEAR = re.compile(r"今年|本年|\bthis year\b", re.I)


def _span_of_its_own(facts: SentenceFacts, index: int) -> bool:
    """Whether a count's change names a span of its own after the level before it (上半年新增5100家; "in
    the first seven months"), other than "this year", which runs to the level's day."""
    start, end = facts.figures[index - 1].end, facts.figures[index].end + 40
    return any(
        start <= m.start < end and not m.base and not _THIS_YEAR.fullmatch(facts.body[m.start : m.end])
        for m in facts.periods
    )


def _count_changed_after_its_level(
    facts: SentenceFacts, index: int, earlier: list[Observation]
) -> MetricDefinition | None:
    """The count metric of the level before a count that is its change (:func:`_changes_the_count_before`),
    or None."""
    level = earlier[index - 1]
    if level.metric is None or not _changes_the_count_before(facts, index):
        return None
    metric = facts.vocabulary.metrics.get(level.metric)
    return metric if metric is not None and metric.unit_kind == "count" else None


_TRADE_PRICE = re.compile(
    r"(出口|进口)(?:平均)?(?:均价|单价|价格)|\b(export|import)\s+prices?\b|\baverage\s+(export|import)\s+price\b",
    re.I,
)


def _trade_price(facts: SentenceFacts, clause_start: int, figure: Figure, goods: str | None) -> str | None:
    """What a price of traded goods measures, as its segment ("electric bicycles export price":
    出口均价为每辆2028元, "the average export price rose 2.3 percent"), or None where the clause names no such
    price: a price is no trade figure, and two goods' prices are not one key."""
    # the price's change may follow in the next clause ("出口均价为每辆2028元，较上年同期提高2.9%")
    start = (
        clause_start
        if figure.kind == "currency"
        else max(facts.body.rfind(m, 0, figure.start) for m in "；;")
    )
    found = _TRADE_PRICE.search(facts.body, max(start, 0), figure.start)
    if found is None:
        return None
    flow = (
        "export"
        if (found.group(1) or found.group(2) or found.group(3) or "").lower() in {"出口", "export"}
        else "import"
    )
    if goods is not None and goods.endswith(" price"):
        return goods
    return f"{goods} {flow} price" if goods else f"{flow} price"


def _lists_only_parts(item: ListItem) -> bool:
    """Whether a "respectively" item names only a part ("Exports of trucks and mining machinery grew 42.1
    percent and 17.6 percent, respectively"): the partner in force is still the trade's."""
    return item.segment is not None and item.partner is None and item.entity is None


def _traded_product(body: str, hit: PhraseHit, vocabulary: Vocabulary) -> str | None:
    """The product a trade phrase is of, as written, when the catalogue does not list it (水产品出口,
    "denim exports", "exports of prepared dishes")."""
    if hit.verb:
        return shipped_product_en(body, hit.end)
    if not all(m.key in _TRADE_PARTS for m in hit.metrics):
        return None
    if body[hit.start : hit.start + 1].isascii():
        named_before = (
            _GOODS_IN_APPOSITION.match(body, 0, hit.start)
            if body[hit.start : hit.end].lower().endswith(_RANKED_EXPORT)
            else None
        )
        if named_before is not None:
            return named_before.group(1).lower()  # "Ceramics, the city's biggest export, grew 12.6%"
        written = written_product_en(body, hit.start, BEFORE_WHOLE_PHRASE_EN)
        product = (
            # "sewing machine exports": the goods named as goods are, in the plural
            (plural_product(written) if written else None)
            or opening_product_en(body, hit.start, BEFORE_WHOLE_PHRASE_EN, vocabulary.places.names)
            or written_product_after_en(body, hit.end)
        )
        # "October trade between the two", "Third-quarter trade": the period of the trade, not its goods
        return None if product is not None and PERIOD_WORD_EN.fullmatch(product) else product
    leading_words = vocabulary.subjects.leading_words
    return written_product(body, hit.start, leading_words) or _subject_goods(body, hit, leading_words)


def _subject_goods(body: str, hit: PhraseHit, leading_words: re.Pattern[str]) -> str | None:
    """Goods of any name that are the whole subject of a flow phrase (液晶电视出口): exports, imports."""
    if body[hit.start : hit.start + 2] not in {"出口", "进口"}:
        return None
    return subject_goods_zh(body, hit.start, leading_words)


def _economy_by_sector(
    facts: SentenceFacts, metric: MetricDefinition | None, segment: str | None, role: str, figure: Figure
) -> MetricDefinition | None:
    """ "The secondary sector expanded 3.6 percent": GDP growth of a sector, not industrial value added."""
    if segment not in _SECTORS or figure.kind == "count":
        return metric
    if segment == "services" and _SERVICES_TRADE.search(facts.matchable):
        return _services_trade(facts, metric, role, figure)
    if metric is not None and not metric.key.startswith("industrial_added_value"):
        return metric
    if role == "growth" or (figure.kind in {"currency"} and role == "level"):
        return facts.vocabulary.metrics.get(_SECTOR_METRICS[role], metric)
    return metric


# "trade in services", 服务贸易, 服务进出口: the services part of foreign trade, not of the economy's output
_SERVICES_TRADE = re.compile(
    r"\btrade in services\b|\bservices? trade\b|\bservices? (?:exports|imports)\b"
    r"|\b(?:exports|imports) of services\b|服务贸易|服务进出口|服务出口|服务进口",
)
_SERVICES_FLOWS = (
    (re.compile(r"服务出口|services? exports|exports of services"), "exports"),
    (re.compile(r"服务进口|services? imports|imports of services"), "imports"),
)


def _services_trade(
    facts: SentenceFacts, metric: MetricDefinition | None, role: str, figure: Figure
) -> MetricDefinition | None:
    """A figure of services trade: its trade, or its exports or imports when the figure's clause names
    them ("其中，服务出口3214.6亿元"); a share or a multiple keeps what it was read as."""
    if metric is not None and metric.key in _TRADE_PARTS | {"foreign_trade_total", "foreign_trade_growth"}:
        return metric
    if role not in {"growth", "level"} or (role == "level" and figure.kind != "currency"):
        return metric
    # the flow named last before the figure, since the previous semicolon ("服务出口…，增长12.7%；服务进口…")
    before = facts.matchable[: figure.start]
    before = before[max(before.rfind("；"), before.rfind(";")) + 1 :]
    whole, last = "foreign_trade", -1
    for pattern, flow in _SERVICES_FLOWS:
        for found in pattern.finditer(before):
            if found.start() > last:
                whole, last = flow, found.start()
    key = (
        f"{whole}_growth"
        if role == "growth"
        else ("foreign_trade_total" if whole == "foreign_trade" else whole)
    )
    return facts.vocabulary.metrics.get(key, metric)


# A place's growth named as a target with no measure of its own ("set a growth target of around 5%", "targets
# growth of about 5.5 percent"): its economy's, as government work reports mean it
_GROWTH_TARGET = re.compile(
    r"(?:\b(?:set|sets|setting|has set|have set)\s+(?:an?\s+|its\s+)?(?:annual\s+)?growth\s+(?:target|goal)"
    r"|\b(?:targets?|targeting|targeted|aims? for|aiming for|pursue|pursues)\s+(?:annual\s+)?growth)"
    r"\s+(?:of\s+|at\s+)?(?:around\s+|about\s+|approximately\s+|roughly\s+|at least\s+|above\s+|over\s+)?$",
    re.I,
)


_RD_SHARE_OF_GDP = re.compile(
    r"\s*of\s+(?:its\s+|the\s+(?:city's|province's)\s+)?(?:GDP|gross domestic product)", re.I
)
_SPENT_ON_RD = re.compile(r"\s+on\s+(?:research and development|R&D)\b", re.I)
_RD_WORDS = re.compile(r"\bR&D\b|research and development|研发", re.I)


# a market's turnover, and the channels that are parts of it (线上交易额, 直播带货成交, 跨境电商)
_MARKET_TURNOVER = re.compile(r"(?:成交|交易)(?:额|规模)|\bturnover\b", re.I)
_SALES_CHANNEL = re.compile(r"线上|网上|直播|电商|online|livestream|e-commerce", re.I)


def _is_company(facts: SentenceFacts, state: DocumentState, entity: str | None) -> bool:
    """Whether a figure's entity is a company: in the gazetteer or named as one by the article (a wholesale
    market, named like one, is not: its turnover is its traders' revenue, as an industry cluster's)."""
    if entity is None or is_market(entity):
        return False
    return entity in facts.vocabulary.places.company_names or entity in state.company_entities


def _written_unit(text: str, facts: SentenceFacts, figure: Figure) -> str:
    """The unit as the article wrote it, in its own script (標箱, not the simplified 标箱 matched)."""
    if figure.unit_start is None or not figure.unit_text:
        return figure.unit_text
    start = facts.sentence.start + figure.unit_start
    return text[start : start + len(figure.unit_text)]


def _owns_no_noun(figure: Figure) -> bool:
    """Whether a figure can take a segment named elsewhere in its sentence: not a count of its own things
    ("benefiting 12 million consumers" after "sales of home appliances")."""
    return figure.kind != "count" or figure.unit in {"count", "units"}


# the currencies an article names for its amounts in 元, and how each is written next to the amount
_YUAN_CURRENCIES = {
    "TWD": ("新台币", "台币"),
    "HKD": ("港元", "港币"),
    "MOP": ("澳门元",),
    "CNY": ("人民币",),
}


def _currency_in_force(
    text: str, facts: SentenceFacts, figure: Figure, unit: str, state: DocumentState, entity: str
) -> str:
    """The currency of an amount in bare 元 in Hong Kong, Macao and Taiwan copy: the first one the article
    names for an amount ("合併營收新台幣86.5億元…稅後純益12.4億元" is New Taiwan dollars; "收入142.8億元人民幣
    （下同）" keeps the later 億元 renminbi), else the owner's own when the owner is Hong Kong or Macao
    ("香港整體出口貨值為4386.2億元" is in Hong Kong dollars). Mainland copy's 元 is always renminbi."""
    written = facts.body[max(0, figure.start - 4) : figure.end + 4]
    named = [code for code, forms in _YUAN_CURRENCIES.items() if any(form in written for form in forms)]
    if unit in named:
        if state.currency_in_force is None and figure.conversion_of is None:
            sentence = text[facts.sentence.start : facts.sentence.end]
            state.currency_in_force = unit if has_traditional(sentence) else "CNY"
        return unit
    bare = unit == "CNY" and not named and facts.body[figure.end - 1 : figure.end] == "元"
    if bare and state.currency_in_force:
        return state.currency_in_force
    if bare and entity in _OWN_DOLLARS and has_traditional(text[facts.sentence.start : facts.sentence.end]):
        return _OWN_DOLLARS[entity]
    return unit


_OWN_DOLLARS = {"Hong Kong": "HKD", "Macao": "MOP"}


def _unit(figures: list[Figure], index: int) -> str:
    """The end of a count's change takes the start's noun ("from 300 firms to 450" -> "firms")."""
    figure = figures[index]
    if figure.to_high and figure.kind == "count":
        for previous in reversed(figures[:index]):
            if previous.from_low and previous.kind == "count":
                return previous.unit
    return figure.unit
