"""The trade partner of a bilateral trade figure ("trade with ASEAN" -> ``ASEAN``, 对东盟出口), else None.

The partner is written in the figure's catalogue phrase ("trade with {partner}"), right after it
("exports to the EU"), before it after 对/与/向/从/同 (对东盟、欧盟出口), or given by a "respectively" list.
"""

from __future__ import annotations

import re

from gdwatch.extractors.figures.facts import ListItem, SentenceFacts
from gdwatch.extractors.figures.lexicon import WITH_GUANGDONG_ZH
from gdwatch.extractors.figures.matcher import CatalogueMatcher, PhraseHit, match_text
from gdwatch.extractors.figures.places import PlaceIndex
from gdwatch.extractors.figures.segments import names_goods
from gdwatch.extractors.figures.subjects import TIME_WORDS_ZH
from gdwatch.extractors.records import Observation

# "exports to", "trade with", "imports of raw jadeite from", "exports bound for"
# "trade with the five Central Asian countries": an article and a count may stand before the partner's name
_LINK_AFTER = re.compile(
    r"\s+(?:of\s+(?:[a-z]+\s+){1,6}?)?(?:to|with|from|bound\s+for|destined\s+for)\s+(?:the\s+)?"
)
_LINK_WORDS = (" with", " to", " from")
_THE = re.compile(r"\s+(?:the\s+)?")
_ZH_LINK_BEFORE = re.compile(r"(?:[对与向从同自]|输往|销往|运往|卖往)(?:共建)?\s*$")
_POSSESSIVE_BETWEEN = re.compile(r"\s*['’]?s\s+")  # matchable text writes "Ghana's" as "ghana s"
_WITH_GUANGDONG_EN = (
    "commerce with guangdong",
    "trade with guangdong",
    "commerce with south china s guangdong",
    "trade with south china s guangdong",
    "two way trade with guangdong",
    "two way commerce with guangdong",
    "dealings with guangdong",
    "bilateral trade with guangdong",
    "goods trade with guangdong",
    "two way goods flows with guangdong",
    "goods flows with guangdong",
)
# 粤港进出口, 粤澳贸易: Guangdong's trade with the place the abbreviation joins to it
_WITH_GUANGDONG = frozenset({"粤港", "粤澳"})
_ZH_BETWEEN = re.compile(r"[\s、\u4e00-\u9fff]{0,12}")


def choose_partner(facts: SentenceFacts, hit: PhraseHit | None, item: ListItem | None) -> str | None:
    """The trade partner of a figure.

    Args:
        facts: the figure's sentence.
        hit: the figure's catalogue phrase (:func:`metric_choice.choose_hit`).
        item: what a "respectively" list pairs with the figure, if it is in one.

    Returns:
        The partner's canonical name ("ASEAN", "EU", ...), or None.
    """
    if item is not None and item.partner:
        return item.partner
    if hit is None:
        return None
    if hit.partner:
        return hit.partner
    text = facts.matchable
    for start, end, name in facts.partners:
        if hit.end <= start and _LINK_AFTER.fullmatch(text[hit.end : start]):
            return name
        if (
            hit.end < start
            and text.endswith(_LINK_WORDS, hit.start, hit.end)
            and _THE.fullmatch(text, hit.end, start)
        ):
            return name  # "firms now trade with Morocco": the phrase ends with its link word
        if (
            end <= hit.start
            and _POSSESSIVE_BETWEEN.fullmatch(text, end, hit.start)
            and text.startswith(_WITH_GUANGDONG_EN, hit.start)
        ):
            return name  # "Ghana's commerce with Guangdong": the partner owns Guangdong's trade with it
        if (
            end < hit.start
            and not text[end : hit.start].strip()
            and text.startswith("and guangdong", hit.start)
        ):
            return name  # "Tanzania and Guangdong traded goods worth ...": the two sides of the trade
        if end + 1 == hit.start and text.startswith("bound ", hit.start):
            return name  # "U.S.-bound shipments": the goods sent to the partner written before "-bound"
        if end == hit.start and (
            text[start:end] in _WITH_GUANGDONG or text.startswith(WITH_GUANGDONG_ZH, hit.start)
        ):
            return name  # 粤港贸易; 塞浦路斯与广东之间的货物贸易: the partner is the trade's other side
        if (
            end <= hit.start
            and _ZH_LINK_BEFORE.search(text[max(0, start - 4) : start])
            and _ZH_BETWEEN.fullmatch(text[end : hit.start])
        ):
            between = text[end : hit.start]
            pieces = between.split("、")[1:]
            if all(facts.vocabulary.places.find_partners(piece) for piece in pieces) or "、" not in between:
                return name
        if (
            end < hit.start
            and all(metric.key in _IMPORTS for metric in hit.metrics)
            and names_goods(text[end : hit.start])
            and not _ZH_LINK_BEFORE.search(text[max(0, start - 4) : start])
        ):
            return name  # 亚美尼亚白兰地进口额, 泰国榴莲进口: the goods of the country they come from
    return None


_IMPORTS = frozenset({"imports", "imports_growth"})


def share_partner(facts: SentenceFacts, figure_start: int, earlier: list[Observation]) -> str | None:
    """The partner whose share a share figure is: the partner of the sentence's trade before it
    (对"一带一路"沿线国家进出口8420.9亿元，…，占比46%), else the partner the sentence opens with ("Trade with
    Belt and Road countries made up 53.4 percent").

    Args:
        facts: the figure's sentence.
        figure_start: where the share starts.
        earlier: the observations of the sentence's earlier figures.

    Returns:
        The partner's canonical name, or None.
    """
    partners = [o.partner for o in earlier if o.partner and o.conversion_of is None]
    if partners:
        return partners[-1]
    for start, end, name in facts.partners:
        if end > figure_start:
            break
        if _SHARE_SUBJECT_BEFORE.search(facts.matchable[max(0, start - 12) : start]):
            return name
    return None


# "Trade with X", "Buyers from X", 对X, 与X: the partner is the subject; "of X" would be the whole
_SHARE_SUBJECT_BEFORE = re.compile(r"(?:^|\bwith|\bfrom|\bto|[对与同从])\s*(?:the\s+)?[“\"「]?$", re.I)


# Guangdong's supply of goods to Hong Kong or Macao, as an English headline or lede reports it ("rice
# shipments to Hong Kong climb", "Guangdong farms sent 186,000 live geese to Hong Kong"); Chinese copy
# names the supply (供港) at each figure that is of it, and a part of the whole as often
_SUPPLY_TO = (
    r"\b(?:sent|supplied|shipped|delivered|supply|supplies|shipments|deliveries)\b[^.\n]{0,80}?\bto\s+"
)
# "Hong Kong received 1,846 tonnes of spinach from Guangdong": the same supply, told from the other side
_RECEIVED = (
    r"\b(?:received|imported|took in|bought)\b[^.\n]{0,80}?\bfrom\s+(?:south\s+China's\s+)?Guangdong\b"
)
_SUPPLIED = {
    "Hong Kong": re.compile(_SUPPLY_TO + r"Hong\s+Kong\b|\bHong\s+Kong\s+" + _RECEIVED, re.I),
    "Macao": re.compile(_SUPPLY_TO + r"Maca[uo]\b|\bMaca[uo]\s+" + _RECEIVED, re.I),
}
# 广东供港豆苗, 向本港供应, 运抵本港, 本港从广东输入 (text simplified before matching)
_SUPPLIED_ZH = {
    "Hong Kong": re.compile(r"供港|输港|(?:向|运抵|输往|供应)本港"),
    "Macao": re.compile(r"供澳|输澳"),
}
_RECEIVED_ZH = {
    "Hong Kong": re.compile(
        r"(?:广东|粤)[^，。\n]{0,8}?(?:向|运抵|供应)本港|本港[^，。\n]{0,6}?[从自由]广东(?:输入|进口)"
    ),
    "Macao": re.compile(r"(?:广东|粤)[^，。\n]{0,8}?(?:向|运抵|供应)澳门"),
}


def supplied_partner(headline_and_lede: str) -> str | None:
    """The place an English headline and lede report Guangdong's supply to, if any.

    Args:
        headline_and_lede: the normalized headline, a newline, and the start of the normalized text.

    Returns:
        "Hong Kong", "Macao", or None.
    """
    if not headline_and_lede.isascii():
        # a Chinese article on the supply says so in its headline (广东豆苗供港量上月增), or its lede tells it
        # from Hong Kong's side (本港上月从广东输入, 由广东运抵本港); 供港 in a lede alone is often one line
        # of a report on the harvest
        headline, _, lede = headline_and_lede.partition("\n")
        for partner, pattern in _SUPPLIED_ZH.items():
            if pattern.search(headline) or _RECEIVED_ZH[partner].search(lede):
                return partner
        return None
    for partner, pattern in _SUPPLIED.items():
        if pattern.search(headline_and_lede):
            return partner
    return None


# 广东自台进口偏光板, 粤前10月自台购入被动元件, 台湾自行车零组件输往广东: where the headline's goods come from
_FROM_BEFORE_ZH = re.compile(r"[自从]$")
_IMPORTED_AFTER_ZH = re.compile(r"[^，。,\s]{0,8}?(?:进口|输入|购入|买入|采购)")
_SENT_TO_GUANGDONG_ZH = re.compile(r"[^，。,\s]{0,10}?(?:输往|销往|运往|出口到|出口至)(?:广东|粤)")


def headline_partners(title: str, places: PlaceIndex) -> list[tuple[int, int, str]]:
    """(start, end, name) of each partner a normalized headline names, for :func:`source_partner` and
    :func:`trade_partner`."""
    return places.find_partners(match_text(title)) if title else []


def source_partner(title: str, named: list[tuple[int, int, str]]) -> str | None:
    """The one partner a Chinese headline says Guangdong's imports come from, or None.

    Args:
        title: the normalized headline.
        named: the partners it names (:func:`headline_partners`).

    Returns:
        The partner's name ("Taiwan" for 广东自台进口偏光板增17%).
    """
    if not title or title.isascii():
        return None
    found = {
        name
        for start, end, name in named
        if (_FROM_BEFORE_ZH.search(title, max(0, start - 1), start) and _IMPORTED_AFTER_ZH.match(title, end))
        or _SENT_TO_GUANGDONG_ZH.match(title, end)
    }
    return found.pop() if len(found) == 1 else None


# a headline about the two-way trade with one partner ("Guangdong-Ghana trade up 18.4 pct",
# 广东与博茨瓦纳贸易…), never one flow: "laptop exports to US slump" names a market, and later figures are
# the whole's
_TRADE_WORDS = re.compile(r"\b(?:trade|commerce)\b|贸易|进出口|经贸", re.I)


def trade_partner(title: str, named: list[tuple[int, int, str]]) -> str | None:
    """The one partner a headline about trade names, or None (two partners, none, no trade word).

    Args:
        title: the normalized headline.
        named: the partners it names (:func:`headline_partners`).

    Returns:
        The partner's name ("Ghana" for "Guangdong-Ghana trade up 18.4 pct").
    """
    if not title or not _TRADE_WORDS.search(title) or _THE_WHOLE_TOO.search(title):
        return None
    partner_ends = {end for _, end, _ in named}
    for whole in _TWO_WAY_ZH.finditer(title):
        # "廣東前10月進出口年增3.6% 對美出口大減": the province's two-way trade, a partner's exports beside it
        if whole.start() not in partner_ends and not _GUANGDONG_AND_INITIAL.search(title, 0, whole.start()):
            return None
    found = {
        name
        for _, end, name in named
        if not _INVESTORS_AFTER.match(title, end) and title[end - 1 : end] not in {"资", "商"}  # 港资, 港商
    }
    return found.pop() if len(found) == 1 else None


_TWO_WAY_ZH = re.compile(r"进出口")
_GUANGDONG_AND_INITIAL = re.compile(r"粤[\u4e00-\u9fff](?:两地|双边)?$")
# "粤首季外贸增4.8% 对东盟进出口增长逾一成": a headline on the whole that names a partner's part of it
_THE_WHOLE_TOO = re.compile(r"外贸|\bforeign trade\b|\btotal trade\b", re.I)
# 港资企业, "Macao firms", "Hong Kong-funded": the partner's investors, not its trade
_INVESTORS_AFTER = re.compile(r"资|商|\s*(?:-funded|firms|companies|investors|businesses)\b", re.I)


_IMPORTS_WORDS = re.compile(r"\bimports?\b|\bimported\b|进口|输入|购入")
# goods supplied to Hong Kong or Macao leave Guangdong: "pumpkin supply to Hong Kong climbs", 供港蔬菜
_EXPORTS_WORDS = re.compile(
    r"\bexports?\b|\bexported\b|\bsuppl(?:y|ies) to (?:hong kong|macao|macau)\b|出口|外销|供港|供澳"
)


def headline_flow(lowered_title: str) -> str | None:
    """The one flow a headline reports ("imports" for "guangdong's durian imports climb"), or None for both
    or neither.

    Args:
        lowered_title: the normalized headline, ASCII letters lower case.

    Returns:
        "imports", "exports" or None.
    """
    imports = _IMPORTS_WORDS.search(lowered_title) is not None
    exports = _EXPORTS_WORDS.search(lowered_title) is not None
    if imports == exports or "进出口" in lowered_title:
        return None
    return "imports" if imports else "exports"


# 广东与科特迪瓦今年首10个月的进出口: the partner, the period, then the trade; the period between keeps the
# catalogue's "与{partner}的进出口" from reading it
_PERIOD_BETWEEN_ZH = re.compile(rf"(?:今年|去年|同期|{TIME_WORDS_ZH}|1[至到]\d{{1,2}}月)+的")
_WHOLE_TRADE = frozenset({"foreign_trade_total", "foreign_trade_growth"})


def with_partner_before_period(
    matchable: str, hits: list[PhraseHit], partners: list[tuple[int, int, str]], matcher: CatalogueMatcher
) -> list[PhraseHit]:
    """The hits, with a whole's trade that follows 与/同/对 a partner and a period read as the trade with that
    partner (广东与科特迪瓦今年首10个月的进出口)."""
    if not partners:
        return hits
    read = []
    for hit in hits:
        if hit.partner is None and all(metric.key in _WHOLE_TRADE for metric in hit.metrics):
            for start, end, name in partners:
                if (
                    end < hit.start
                    and matchable[start - 1 : start] in ("与", "同", "对")
                    and _PERIOD_BETWEEN_ZH.fullmatch(matchable, end, hit.start)
                ):
                    placed = matcher.placed_hit("双边贸易", hit.start, hit.end, name)
                    hit = placed or hit
        read.append(hit)
    return read
