"""Who a figure is about (its entity): the subject named in its clause, else earlier in its sentence.

The entity is ``Guangdong`` unless the sentence makes a city, company or country the subject
("Shenzhen's exports", "China's GDP" -> ``Shenzhen``, ``China``); see docs/architecture.md ("entity").
"""

from __future__ import annotations

import re

from gdwatch.extractors.figures.entities import EntityMention, find_entities, has_anaphor, has_company_anaphor
from gdwatch.extractors.figures.facts import SentenceFacts
from gdwatch.extractors.figures.figure import Figure
from gdwatch.extractors.figures.lexicon import PRICE_WORDS
from gdwatch.extractors.figures.markets import MARKET_ANAPHOR, is_market


def choose_entity(
    facts: SentenceFacts, figure: Figure, earlier_subject: str, topic: str, last_company: str | None = None
) -> str:
    """Who a figure is about: the subject named in its clause, else earlier in its sentence.

    A company beats a place in the same stretch of text. A clause that refers back ("its imports", 其中)
    and names nobody takes ``earlier_subject``; any other figure is about Guangdong.

    Args:
        facts: the figure's sentence.
        figure: the figure.
        earlier_subject: the entity of the sentence's first figure, else of the previous figure read.
        topic: whom the article is about (the lede's subject), for a figure whose sentence names nobody.
        last_company: the company the article named last, for a clause saying "the company".

    Returns:
        The entity's name.
    """
    clause_start, clause_end = facts.clause(figure.start)
    valid = [m for m in facts.entities if m.valid]
    in_clause = [m for m in valid if clause_start <= m.start < clause_end]
    chosen = _pick(in_clause, facts.body)
    if chosen is not None and _completes_a_place_before(facts, valid, clause_start, chosen):
        chosen = None  # "Zhanlong town in Puning, Jieyang produced": the city ends the place named before it
    if chosen is None:
        earlier = [m for m in valid if m.start < clause_start]
        if not facts.body[:1].isascii():
            # a Chinese clause continues the nearest subject before it: "…广东分署获悉，惠州市外贸进出口
            # 1862.4亿元，同比增长9.8%"; an English sentence's subject comes first ("Exports from Guangdong,
            # China's biggest export province, rose 7.3%")
            earlier.reverse()
        chosen = _pick(earlier, facts.body)
    if chosen is not None:
        return _resolve(facts, chosen, topic)
    if last_company is not None and has_company_anaphor(facts.body[:clause_end]):
        return last_company  # "The company sold 1.6 million air coolers", the company named last
    if (
        last_company is not None
        and is_market(last_company)
        and MARKET_ANAPHOR.search(facts.body, 0, clause_end)
    ):
        return last_company  # "The market now houses 2,340 businesses", 市场内经营户: the market named last
    if has_anaphor(facts.body[: figure.start]) or has_anaphor(facts.body[clause_start:clause_end]):
        if earlier_subject == facts.vocabulary.places.home and _PLACE_ANAPHOR_ZH.search(
            facts.body, 0, clause_end
        ):
            return topic  # "记者从小榄镇获悉，…该镇五金锁具出口…": 该镇 is a town, never the province
        return earlier_subject
    return topic


def _completes_a_place_before(
    facts: SentenceFacts, valid: list[EntityMention], clause_start: int, chosen: EntityMention
) -> bool:
    """Whether a clause opens with the city that completes a place written before its comma ("Zhanlong town in
    Puning, Jieyang produced 96 million pairs"): the address of the subject, not another owner."""
    if chosen.kind != "city" or facts.body[clause_start : chosen.start].strip():
        return False
    before = facts.body[:clause_start].rstrip()
    if not before.endswith(","):
        return False
    place_end = len(before) - 1
    return any(m.end == place_end and m.kind in {"district", "city"} for m in facts.entities) and any(
        m.start < clause_start and m.kind == "district" for m in valid
    )


_SPECIFIC = {"company": 0, "event": 1, "district": 2, "region": 3}
_PLACE_ANAPHOR_ZH = re.compile(r"该[镇区县市]")
# what stands between a place and its part written after it: 南海区金沙镇, 中山小榄, 仲恺高新区潼湖镇
_PART_AFTER_ITS_PLACE = re.compile(r"(?:高新区|开发区|新区|[区县市])?")


def _pick(mentions: list[EntityMention], body: str) -> EntityMention | None:
    """The first company named, else event, district, region, else the first mention; of two places of one
    rank written together, the part after the place it is in (南海区金沙镇: Jinsha, not Nanhai)."""
    best: EntityMention | None = None
    for mention in mentions:
        rank = _SPECIFIC.get(mention.kind)
        if rank is None:
            continue
        more_specific = best is None or rank < _SPECIFIC.get(best.kind, 9)
        part_of_best = (
            best is not None
            and rank == _SPECIFIC.get(best.kind)
            and mention.kind != "company"
            and best.end <= mention.start
            and _PART_AFTER_ITS_PLACE.fullmatch(body, best.end, mention.start) is not None
        )
        if more_specific or part_of_best:
            best = mention
    if best is not None:
        return best
    return mentions[0] if mentions else None


def _resolve(facts: SentenceFacts, mention: EntityMention, topic: str) -> str:
    """The name a mention stands for: "the city" is the last city named before it, else the city the
    headline is about ("Shenzhen's foreign trade hits record" ... "The foreign trade of the city")."""
    if mention.kind == "city_ref":
        # why: the answer depends only on the sentence, the mention and the topic, and every figure of the
        # sentence asks; the search before the sentence reads the whole text up to it
        key = (mention.start, topic)
        city = facts.city_refs.get(key)
        if city is None:
            city = facts.city_refs[key] = _city_referred_to(facts, mention, topic)
        return city
    return mention.name


def _city_referred_to(facts: SentenceFacts, mention: EntityMention, topic: str) -> str:
    """The city a "the city" mention stands for (see :func:`_resolve`)."""
    # "Shenzhen-based DJI ... The city's": a city named as an attribute is still the city referred to
    # "在台山，上半年全市…": a county-level city just named is the city meant
    # ("Shenzhen's Nanshan district … the city's" is still Shenzhen)
    earlier = [
        m
        for m in facts.entities
        if m.start < mention.start
        and (m.kind == "city" or (m.kind == "district" and not facts.body[m.start : m.end].isascii()))
    ]
    if earlier:
        return earlier[-1].name
    # why: "the city" is rare, so earlier sentences are searched for a city only when it is used
    places = facts.vocabulary.places
    if topic not in places.city_names and topic in facts.normalized and _county_level_city(topic, facts):
        return topic  # "Sihui, a county-level city in Zhaoqing" ... "in the city": Sihui
    if facts.entities_before is None:  # why: the same for every figure of the sentence
        facts.entities_before = find_entities(facts.normalized[: facts.sentence.start], places)
    before = facts.entities_before
    text_before = facts.normalized[: facts.sentence.start]
    # "Foshan, the manufacturing city west of Guangzhou": a city named to place another is not referred to
    cities = [
        m
        for m in before
        if _a_city(m, text_before, topic)
        and not _PLACES_ANOTHER.search(text_before, max(0, m.start - 24), m.start)
    ]
    if cities:
        return cities[-1].name
    # "Zhanjiang Port ... handled 341 million tonnes. The city's foreign trade": the port's city
    city_names = places.city_names
    in_names = [m.name.split()[0] for m in before if m.kind in {"region", "district"} and m.name]
    named = [name for name in in_names if name in city_names]
    if named:
        return named[-1]
    return topic if topic in city_names else places.home


def _county_level_city(name: str, facts: SentenceFacts) -> bool:
    """Whether the article calls a place in no city list a county-level city ("Sihui, a county-level city
    in Zhaoqing", "the county-level city of Sihui")."""
    text = facts.normalized
    return "county-level city" in text and (
        re.search(
            rf"\b{re.escape(name)},? an? county-level city\b|\bcounty-level city of {re.escape(name)}\b", text
        )
        is not None
    )


def _a_city(mention: EntityMention, text: str, topic: str) -> bool:
    """Whether a mention names the city "the city" refers to: a prefecture, or the county-level city the
    article is about, written as one (化州市…全市); a county-level city named in passing is not (兴宁市 in an
    article about Meizhou)."""
    # "四会市玉器市场" names the county-level city and its market (the topic "Sihui Market")
    about_it = mention.name == topic or topic.startswith(mention.name + " ")
    return mention.kind == "city" or (
        mention.kind == "district" and about_it and text[mention.end : mention.end + 1] == "市"
    )


_PLACES_ANOTHER = re.compile(
    r"\b(?:(?:north|south|east|west)(?:ern)?|north-?east|north-?west|south-?east|south-?west|near|outside|"
    r"next to|neighbouring|neighboring|close to)\s+(?:of\s+)?$",
    re.I,
)


TOPIC_KINDS = frozenset({"company", "district", "event", "region", "city"})
"""Kinds of entity that make an article's topic when its first figure is theirs."""


def makes_topic(kind: str | None, name: str, jurisdictions: frozenset[str]) -> bool:
    """Whether the owner of an article's first figure becomes the article's topic.

    Args:
        kind: the kind of the owner's mention (:func:`entity_kind`).
        name: the owner's name.
        jurisdictions: the places with statistics of their own (:attr:`places.PlaceIndex.jurisdictions`).

    Returns:
        True for a place, company or event, and for Hong Kong, Macao and Taiwan ("本港整體出口…"): their
        article's later figures are theirs too.
    """
    return kind in TOPIC_KINDS or (kind in {"foreign", "foreign_zh"} and name in jurisdictions)


def entity_kind(facts: SentenceFacts, name: str) -> str | None:
    """The kind of the mention of ``name`` in a sentence ("company", "city", ...), or None.

    Args:
        facts: the sentence.
        name: an entity name.

    Returns:
        The kind of its first mention there.
    """
    for mention in facts.entities:
        if mention.name == name:
            return "city" if mention.kind == "city_ref" else mention.kind
    return None


# a price quoted in a Hong Kong market: "retails at about HK$18 in Hong Kong supermarkets",
# 本港活猪批发价每担1680元
_HONG_KONG_MARKET = re.compile(
    r"\b(?:hong kong|hk\$|cheung sha wan|wan chai|mong kok|kowloon|sham shui po|causeway bay|yuen long|"
    r"tsuen wan|kwun tong|to kwa wan|yau ma tei)\b"
    # 街市 is Hong Kong's word for a wet market (the mainland says 菜市场)
    r"|本港|香港|港元|港币|旺角|长沙湾|花墟|湾仔|铜锣湾|深水埗|九龙|中环|街市|土瓜湾|北河街|元朗|荃湾|观塘|油麻地",
    re.I,
)


def local_price_owner(facts: SentenceFacts, figure: Figure, entity: str) -> str:
    """Hong Kong for a price quoted in a Hong Kong market (Hong Kong copy on goods Guangdong supplies quotes
    the shelf price at home), else ``entity``: the market that sets a price owns it, not the province the
    goods came from."""
    if entity != facts.vocabulary.places.home:
        return entity
    if figure.kind == "currency":
        clause_start, clause_end = facts.clause(figure.start)
        # "..., down HK$0.7 from the same day last week": the change of the price quoted before it
        quoted_before = any(f.kind == "currency" and f.end <= clause_start for f in facts.figures)
        if not PRICE_WORDS.search(facts.body, 0 if quoted_before else clause_start, clause_end):
            return entity
    elif figure.kind == "percent":
        # "..., up 6 per cent from a week earlier": the change of the price quoted before it
        if not any(f.kind == "currency" and f.end <= figure.start for f in facts.figures):
            return entity
        if not PRICE_WORDS.search(facts.body, 0, figure.start):
            return entity
    else:
        return entity
    return "Hong Kong" if _HONG_KONG_MARKET.search(facts.body) else entity
