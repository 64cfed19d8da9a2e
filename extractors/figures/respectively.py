"""Pair the figures of a "respectively" / 分别 list with the list of subjects written before them.

"Exports to ASEAN and the EU rose 5% and 3%, respectively" gives 5% the partner ASEAN and 3% the EU;
"exports and imports grew 4% and 2%, respectively" gives each figure its own catalogue phrase. A list
whose items name a phrase for some figures but not others leaves those others without one, unless the
phrase is named once, first, over a list of places or parts ("exports from Shenzhen and Dongguan").
"""

from __future__ import annotations

import itertools
import re

from gdwatch.extractors.figures.facts import ListItem, SentenceFacts
from gdwatch.extractors.figures.matcher import CatalogueMatcher, PhraseHit
from gdwatch.extractors.figures.metric_choice import choose_hit, is_whole
from gdwatch.extractors.figures.segments import INDUSTRIES, inside_a_part, parts

# 各 ("each") before the verb of a paired list: "佛山、中山两地各出口1520万台和980万台",
# "东莞与深圳各占…的46%与31%"
_RESPECTIVELY = re.compile(
    r"\brespectively\b|分别|(?<=[\u4e00-\u9fff])各(?=占|出口|进口|进出口|增长|增加|下降|实现|完成|达)"
)
_LIST_SPLIT = re.compile(r"\s*,\s*and\s+|\s*,\s*|\s+and\s+|[、和及与]")
_COARSE_SPLIT = re.compile(r"、")
_CONTINUE_LIST = re.compile(
    r"^(?:\s*[A-Za-z\u4e00-\u9fff]{0,6})?(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+|[、和及与])"
    r"(?:(?:rose|fell|grew|dropped|declined|increased|decreased|rise|fall|grow|drop|decline)\s+(?:by\s+)?)?$"
)


_TRADED = re.compile(r"出口|进口|\bexports\b|\bimports\b", re.I)


def _names_a_product(hit: PhraseHit) -> bool:
    return all(metric.product for metric in hit.metrics)


def respectively_items(facts: SentenceFacts, matcher: CatalogueMatcher) -> dict[int, ListItem]:
    """The list item of every figure in a "respectively"/分别 list.

    Args:
        facts: the sentence.
        matcher: the catalogue's phrase matcher.

    Returns:
        Figure index -> its item; empty when the sentence has no such list.
    """
    body = facts.body
    # why: the pattern starts with \b, so its scan tries every offset; the words are rarely there
    if "respectively" not in body and "分别" not in body and "各" not in body:
        return {}
    marker = _RESPECTIVELY.search(body)
    if marker is None:
        return {}
    group = _list_group(facts, marker.start())
    if len(group) < 2:
        return {}
    first = facts.figures[group[0]]
    clause_start, _ = facts.clause(first.start)
    previous_end = max((f.end for f in facts.figures[: group[0]]), default=0)
    # 埃及 (Egypt), 和平 (Heping): a list word inside a name splits nothing
    names = [(start, end) for start, end, _ in facts.partners] + [(m.start, m.end) for m in facts.entities]
    items = _list_items(body, max(clause_start, previous_end), first.start, keep=names)
    if len(items) < len(group):
        # why: an English list is written with commas, which also end clauses ("the primary, secondary
        # and tertiary sectors grew ..."): read it back to the previous figure instead
        items = _list_items(body, previous_end, first.start, keep=names)
    listed = _listed_partners(facts, group)
    if len(items) < len(group):
        return _partners_only(group, listed) if listed else _levels_before(facts, group)
    if len(items) > len(group):
        # "手机、电脑及零部件、家具分别出口…": 及 / 和 inside an item when 、 alone gives one item per figure
        coarse = _list_items(body, items[0][0], first.start, _COARSE_SPLIT)
        if len(coarse) == len(group):
            items = coarse
    if len(items) > len(group):
        # "国有控股企业、民营企业和外商及港澳台商投资企业分别增长…": never split inside a part's name
        whole_parts = [(m.start, m.end) for m in parts(facts.segments)]
        kept = _list_items(body, items[0][0], first.start, keep=whole_parts)
        if len(kept) == len(group):
            items = kept
    items = items[-len(group) :]
    # why: each item is matched on its own, so "exports and imports" splits into its two subjects; every
    # phrase is kept, whole or not, for a measure written once over a list of parts
    item_phrases = [
        [
            PhraseHit(h.start + s, h.end + s, h.metrics, h.partner)
            for h in matcher.find(facts.matchable[s:e])
            # 家用电器、化妆品网络零售额: online retail is a measure of its own, not the parts' retail
            # sales; "general trade and processing trade" are parts of trade
            if not inside_a_part(
                [m for m in facts.segments if m.segment in facts.vocabulary.segments.measures],
                h.start + s,
                h.end + s,
            )
        ]
        for s, e in items
    ]
    if _TRADED.search(body, max(0, items[0][0] - 4), items[-1][1] + 12):
        # "工业机器人、无人机出口分别增长…": the list's measure is the trade after it, not a product's output
        item_phrases = [[h for h in phrases if not _names_a_product(h)] for phrases in item_phrases]
    with_hits = [
        [h for h in phrases if is_whole(body, h, facts.vocabulary.subjects)] for phrases in item_phrases
    ]
    partners = [[p for p in facts.partners if s <= p[0] and p[1] <= e] for s, e in items]
    if listed and not all(partners):
        # "销往东盟与中东的鞋类，增幅分别达到18.3%与25.1%": the items found are not the partners, which the
        # sentence lists as one run before the figures
        return _partners_only(group, listed)
    # "Exports of e-bikes and heat pumps to Iceland grew 28 percent and 46 percent": written once after the
    # list, the partner is every item's, and the items are what the list names before it
    shared_partner = _partner_after_parts(body, items, partners)
    if shared_partner is not None:
        link = _TO_OR_FROM.search(body, items[-1][0], partners[-1][0][0])
        items[-1] = (items[-1][0], link.start() if link else items[-1][1])
        partners = [[] for _ in items]
    entities = [[m.name for m in facts.entities if m.valid and m.name and s <= m.start < e] for s, e in items]
    segments = [[m.segment for m in parts(facts.segments) if s <= m.start < e] for s, e in items]
    industries = _industry_items(body, items)
    if industries is not None and not any(entities) and not any(partners):
        # "先进制造业、高技术制造业增加值分别增长…": the industries' added value, the measure written once,
        # last; "先进制造业和高技术制造业分别增长…" after the whole's: the measure in force. An industry's own
        # name (先进制造业 also names its share of industry) is no measure here.
        last = [
            h
            for h in with_hits[-1]
            if h.end >= items[-1][1] - 4 and not _INDUSTRY_END.search(body, h.start, h.end)
        ]
        # a catalogued part keeps its catalogue name (第一产业 is the primary sector in every script)
        segments = segments if all(segments) else industries
        with_hits = [last[-1:]] * len(items)
    if not all(segments):
        segments = _sector_items(body, items) or industries or segments
    if not any(with_hits) and not any(partners) and not any(entities) and not any(segments):
        # "床上用品、毛巾、窗帘出口分别增长…": products the catalogue does not list, traded: each item is
        # its own part, as written, of the trade phrase written once over them
        segments = _written_traded_parts(body, items, item_phrases)
        if not segments:
            return _levels_before(facts, group)
    distribute_partners = all(partners)
    distribute_entities = all(entities) and len({names[-1] for names in entities}) == len(items)
    if not distribute_entities and not any(partners):
        # "Foshan and Zhongshan, the two main production bases, exported 1.72 billion yuan and 1.31 billion
        # yuan": the places listed as one run before the figures, an apposition between
        listed_entities = _listed_entities(facts, group)
        if listed_entities is not None:
            entities = [[name] for name in listed_entities]
            distribute_entities = True
    if any(segments) and not all(segments) and not any(entities) and not all(partners):
        # "家电、玩具、美妆产品出口分别增长": a list of parts where some have no catalogued name; each keeps
        # its own, written as it is, rather than the nearest known part's
        segments = [
            found or _written_part(body, span, phrases)
            for found, span, phrases in zip(segments, items, item_phrases, strict=True)
        ]
    distribute_segments = all(segments)
    if distribute_segments and not any(with_hits):
        # the measure written once over a list of parts: "exports of integrated circuits, drones and
        # lithium batteries", "家电、玩具、美妆产品出口"; it is a part's phrase, so it was not a whole
        with_hits = _shared_part_phrase(item_phrases)
    distribute_hits = any(with_hits) and not distribute_partners
    # "Exports from Shenzhen and Dongguan", "exports of toys and furniture": a phrase named once, in the
    # first item, measures every item when the items are places or parts
    shared = (
        distribute_hits
        and bool(with_hits[0])
        and not any(with_hits[1:])
        and (distribute_entities or distribute_segments)
    )
    # 广州、深圳、佛山地区生产总值分别增长…: in Chinese the measure follows the list, in its last item
    shared_last = (
        distribute_hits
        and not shared
        and bool(with_hits[-1])
        and not any(with_hits[:-1])
        and (distribute_entities or distribute_segments)
        and not body[items[0][0] : items[-1][1]].isascii()
    )
    if shared:
        with_hits = [with_hits[0]] * len(items)
    elif shared_last:
        with_hits = [with_hits[-1]] * len(items)
    result: dict[int, ListItem] = {}
    for index, figure_index in enumerate(group):
        item_hits = with_hits[index]
        hit = item_hits[-1] if (distribute_hits and item_hits) else None
        partner = partners[index][-1][2] if distribute_partners else shared_partner
        entity = entities[index][-1] if distribute_entities else None
        segment = segments[index][-1] if distribute_segments else None
        result[figure_index] = ListItem(
            hit=hit,
            partner=partner,
            entity=entity,
            segment=segment,
            unnamed=distribute_hits and not item_hits,
        )
    _repeat_for_a_second_list(facts, group, result)
    return result


# between the names of one list, partners or places: "ASEAN and the EU", "the US, the EU and Japan",
# 东盟与中东, 美國、比利時及南韓, "Foshan and Zhongshan"
_BETWEEN_LISTED_NAMES = re.compile(r"\s*(?:,\s*and|,|and|[、和及与])\s*(?:the\s+)?", re.I)


def _listed_partners(facts: SentenceFacts, group: list[int]) -> list[str] | None:
    """The partners the sentence writes as one list, the last before a respectively list's first figure, when
    there are as many as figures and no other partner stands between them and the figures; else None."""
    first_start = facts.figures[group[0]].start
    before = [p for p in facts.partners if p[1] <= first_start]
    if len(before) < len(group):
        return None
    run = [before[-1]]
    for partner in reversed(before[:-1]):
        if not _BETWEEN_LISTED_NAMES.fullmatch(facts.matchable, partner[1], run[0][0]):
            break
        run.insert(0, partner)
    names = [name for _, _, name in run]
    return names if len(names) == len(group) and len(set(names)) == len(names) else None


def _listed_entities(facts: SentenceFacts, group: list[int]) -> list[str] | None:
    """The places the sentence writes as one run opening it, as many as the respectively list's figures, with
    no other place before them or between them and the figures; else None."""
    first_start = facts.figures[group[0]].start
    before = [m for m in facts.entities if m.valid and m.name and m.end <= first_start]
    if len(before) != len(group) or facts.body[: before[0].start].strip():
        return None
    for earlier, later in itertools.pairwise(before):
        if not _BETWEEN_LISTED_NAMES.fullmatch(facts.body, earlier.end, later.start):
            return None
    names = [m.name for m in before]
    return names if len(set(names)) == len(names) else None


def _partners_only(group: list[int], partners: list[str]) -> dict[int, ListItem]:
    """Each figure of the list with its partner, in order, and nothing else the list would pair."""
    return {
        index: ListItem(hit=None, partner=partner, entity=None, segment=None, unnamed=False)
        for index, partner in zip(group, partners, strict=True)
    }


_TO_OR_FROM = re.compile(r"\s*\b(?:to|from|bound for|destined for)\s+(?:the\s+)?$")


def _partner_after_parts(
    body: str, items: list[tuple[int, int]], partners: list[list[tuple[int, int, str]]]
) -> str | None:
    """The partner written once after an English list of parts ("Imports of machine tools and industrial
    robots from Germany rose 15.2 percent and 9.6 percent, respectively"): every part's trade is with it."""
    if any(partners[:-1]) or len(partners[-1]) != 1 or not body[items[0][0] : items[-1][1]].isascii():
        return None
    start, _, name = partners[-1][0]
    return name if _TO_OR_FROM.search(body, items[-1][0], start) else None


# between a list's amounts and its rates: "分别出口31.2亿元、24.8亿元和13.5亿元，分别增长15.1%、9.6%和7.2%"
# "…各出口1520万台和980万台，在全省出口量中分别占39.4%和25.4%": the whole the shares are of, between them
_SECOND_LIST_AFTER = re.compile(
    r"[台件个只吨辆套张双头箱]?[，,；;]\s*(?:在[\u4e00-\u9fff]{1,12}中)?(?:同比|比上年|较上年|按年|较去年)?"
)


def _repeat_for_a_second_list(facts: SentenceFacts, group: list[int], result: dict[int, ListItem]) -> None:
    """Give a second 分别 list right after the first the first's items, in order: the items' amounts, then
    their rates ("刀剪、厨具和餐具分别出口31.2亿元、24.8亿元和13.5亿元，分别增长15.1%、9.6%和7.2%")."""
    last_end = facts.figures[group[-1]].end
    second = _RESPECTIVELY.search(facts.body, last_end)
    if second is None or facts.body[second.start() : second.start() + 2] != "分别":
        return
    if not _SECOND_LIST_AFTER.fullmatch(facts.body[last_end : second.start()]):
        return
    again = _list_group(facts, second.start())
    if len(again) != len(group) or again[0] <= group[-1]:
        return
    # "分别出口3.8万吨和1.6万吨，分别增长15.4%和9.1%": the rates of volumes are no growth of the trade's value
    volumes = facts.figures[group[0]].kind != "currency"
    for first_index, second_index in zip(group, again, strict=True):
        item = result[first_index]
        result[second_index] = item._replace(hit=None, unnamed=False) if volumes else item


def _written_traded_parts(
    body: str, items: list[tuple[int, int]], item_phrases: list[list[PhraseHit]]
) -> list[list[str]]:
    """Each item's product as written, when every item is one and a trade phrase is written once over them
    (in the last item, or the first: "exports of towels and curtains"); else empty."""
    shared = _shared_part_phrase(item_phrases)
    if not shared[0] or not _TRADED.search(body, shared[0][0].start, shared[0][0].end):
        return []
    written = [_written_part(body, span, phrases) for span, phrases in zip(items, item_phrases, strict=True)]
    return written if all(written) and len({w[0] for w in written}) == len(written) else []


def _written_part(body: str, span: tuple[int, int], hits: list[PhraseHit]) -> list[str]:
    """An item's part as written, up to the measure after it, when short enough to be one ("beauty
    products", 美妆产品 in 美妆产品出口分别增长)."""
    start, end = span
    phrase_start = min([h.start for h in hits if start <= h.start < end] + [end])
    if (
        phrase_start < end
        and body[start:end].isascii()
        and not _ITEM_FILLER.sub("", body[start:phrase_start]).strip()
    ):
        # "exports of badminton rackets and ...": in English the measure comes first, the part after "of"
        phrase_end = min(h.end for h in hits if h.start == phrase_start)
        after_of = _OF.match(body, phrase_end, end)
        if after_of is None:
            return []
        start = after_of.end()
    else:
        end = phrase_start
    marker = _RESPECTIVELY.search(body, start, end)
    text = _ITEM_FILLER.sub("", body[start : marker.start() if marker else end]).strip().lower()
    text = _VERB_AFTER.sub("", text)
    if _PLACE_END.search(text):
        return []  # 北滘镇: a place the gazetteer does not know, not a part
    short = len(text.split()) <= 3 if text.isascii() else len(text) <= 6
    return [text] if text and short and not any(ch.isdigit() for ch in text) else []


_VERB_AFTER = re.compile(
    r"\s+(?:rose|grew|fell|increased|decreased|declined|dropped|jumped|climbed|were|was|accounted|made|"
    r"reached|totalled|totaled)\b.*$"
)
_PLACE_END = re.compile(r"[镇区市县省]$")
_OF = re.compile(r"\s+of\s+")
_ITEM_FILLER = re.compile(r"^(?:\s*(?:and|of|the|其中|以及)\s*)+|[，,：:]")


def _shared_part_phrase(item_phrases: list[list[PhraseHit]]) -> list[list[PhraseHit]]:
    """The one catalogue phrase written in the first or the last item of a list of parts, for every item."""
    in_first, in_last = item_phrases[0], item_phrases[-1]
    if bool(in_first) == bool(in_last) or any(item_phrases[1:-1]):
        return [[] for _ in item_phrases]
    hit = (in_first or in_last)[-1]
    return [[hit] for _ in item_phrases]


def _levels_before(facts: SentenceFacts, group: list[int]) -> dict[int, ListItem]:
    """ "出口6318.2亿元，进口2202.4亿元，分别增长14.9%和5.8%": a list of rates with no subjects of its own
    pairs, in order, with the levels written before it and takes their phrases."""
    levels = [
        i
        for i, f in enumerate(facts.figures[: group[0]])
        if f.kind not in {"percent", "pp"} and f.conversion_of is None
    ]
    if len(levels) < len(group):
        return {}
    hits = [choose_hit(facts, i, facts.figures[i], "level", None) for i in levels[-len(group) :]]
    if not all(hits) or len({(h.start, h.end) for h in hits if h}) < len(hits):
        return {}
    return {
        index: ListItem(hit=hit, partner=None, entity=None, segment=None, unnamed=False)
        for index, hit in zip(group, hits, strict=True)
    }


_SECTOR_WORDS = {"primary": "primary sector", "secondary": "secondary sector", "tertiary": "services"}
_SECTOR_LIST_END = re.compile(r"^\s*(?:sectors?|industry|industries)\b", re.I)
_ZH_SECTOR_ITEMS = {"一": "primary sector", "二": "secondary sector", "三": "services"}


_SECTOR_NAMES = {
    "farming": "primary sector",
    "agriculture": "primary sector",
    "industry": "secondary sector",
    "services": "services",
}


_SECTOR_ORDINALS = re.compile(r"primary|secondary|tertiary")
_SECTOR_NAMED = re.compile(r"\b(?:farming|agriculture|industry|services)\b")
_SECTOR_DIGITS_ZH = re.compile(r"[一二三](?=[、和及产]|$)")
_SECTORS = re.compile(r"sectors?|industr|产业", re.I)


def _sector_items(body: str, items: list[tuple[int, int]]) -> list[list[str]] | None:
    """ "the primary, secondary and tertiary sectors", 第一、二、三产业: the three sectors of the economy."""
    found: list[list[str]] = []
    for start, end in items:
        text = body[start:end].strip().lower()
        words = _SECTOR_ORDINALS.findall(text)
        if words:
            found.append([_SECTOR_WORDS[words[-1]]])
            continue
        # "value added in farming, industry and services": the sectors by what they are
        named = _SECTOR_NAMED.findall(text)
        if named and len(text.split()) <= 4:
            found.append([_SECTOR_NAMES[named[-1]]])
            continue
        digits = _SECTOR_DIGITS_ZH.findall(body[start:end])
        if digits:
            found.append([_ZH_SECTOR_ITEMS[digits[-1]]])
            continue
        return None
    last_end = items[-1][1]
    if not _SECTORS.search(body[items[0][0] : last_end + 12]):
        return None
    return found


_INDUSTRY_END = re.compile(r"(?:制造业|行业|产业)$")
_INDUSTRY_ITEM = re.compile(r"(?:其中|以及|及|和)?([\u4e00-\u9fff、]{2,20}?(?:制造业|行业|产业))(?:增加值)?$")


def _industry_items(body: str, items: list[tuple[int, int]]) -> list[list[str]] | None:
    """ "先进制造业、高技术制造业增加值分别增长…": each item an industry, named as :func:`written_industry`
    names one (English for the statistics classification's common industries, else as written)."""
    found: list[list[str]] = []
    for start, end in items:
        marker = _RESPECTIVELY.search(body, start, end)
        text = body[start : marker.start() if marker else end].strip()
        match = _INDUSTRY_ITEM.search(text)
        if match is None or match.start(1) > 4:
            return None
        found.append([INDUSTRIES.get(match.group(1), match.group(1))])
    return found


def _list_items(
    body: str,
    region_start: int,
    region_end: int,
    split: re.Pattern[str] | None = None,
    keep: list[tuple[int, int]] | None = None,
) -> list[tuple[int, int]]:
    """The (start, end) of the items of a list written between two offsets, never split inside ``keep``."""
    region = body[region_start:region_end]
    pieces = [
        (m.start(), m.end())
        for m in (split or _LIST_SPLIT).finditer(region)
        if not any(start < region_start + m.start() < end for start, end in keep or ())
    ]
    bounds = [0, *[p[1] for p in pieces]]
    ends = [*[p[0] for p in pieces], len(region)]
    return [(region_start + s, region_start + e) for s, e in zip(bounds, ends, strict=True)]


def _list_group(facts: SentenceFacts, marker: int) -> list[int]:
    """The figures of the list next to the marker: after 分别, before "respectively"."""
    figures = facts.figures
    indexes = [i for i, f in enumerate(figures) if f.conversion_of is None]
    if facts.body[marker : marker + 2] == "分别" or facts.body[marker] == "各":
        chosen = [i for i in indexes if figures[i].start > marker]
    else:
        chosen = [i for i in indexes if figures[i].end <= marker]
        chosen.reverse()
    group: list[int] = []
    for index in chosen:
        if group:
            left, right = sorted((figures[group[-1]], figures[index]), key=lambda f: f.start)
            if not _CONTINUE_LIST.match(facts.body[left.end : right.start]):
                break
        group.append(index)
    return sorted(group)
