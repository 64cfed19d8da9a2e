"""The industry a revenue figure is about: "Zhuhai's aviation industry posted revenue of 51.2 billion yuan",
"Revenue of its packaged drinking water industry grew 16.2 percent", 江门新型储能产业实现营业收入486亿元.

An industry's revenue is a part of the economy, never the whole: its segment is the industry, named as the
catalogue names it when the catalogue knows it (so "semiconductor and integrated-circuit industry" and
半导体与集成电路产业 meet), else as written. "The industry's revenue" names the industry of an earlier
sentence.
"""

from __future__ import annotations

import re

from gdwatch.extractors.figures.lexicon import NOT_IN_AN_INDUSTRY_NAME_EN
from gdwatch.extractors.figures.matcher import CatalogueMatcher, PhraseHit
from gdwatch.extractors.figures.segments import SegmentIndex, find_segments

_INDUSTRY_EN = re.compile(r"\b(?:industry|industries|cluster|sector)\b", re.I)
_WORD_EN = re.compile(r"[a-z][a-z-]*$")
_INDUSTRY_ZH = re.compile(r"(?:产业集群|产业|行业)")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{1,12}$")
# a place, a period, a pronoun or a verb of intent before the industry's name: 佛山市家电产业, 全市陶瓷产业,
# 2025年, 该市, 其, 力争陈皮产业规模, 将发饰产业规模
_ZH_OWNER = re.compile(r"^.*(?:[市省区县镇年季将]|全市|全省|该市|其|的|力争|计划|预计|有望|争取|推动|打造)")
# words that qualify industries without naming one: 重点产业, 支柱产业, 万亿级产业集群
_NOT_A_NAME_ZH = re.compile(
    r"^(?:重点|主导|支柱|新兴|战略性新兴|传统|优势|特色|相关|上述|这些|各)$|拥有|已|个|级"
)
_ANAPHOR_ZH = re.compile(r"该产业|该行业|这一产业|该集群")


def _name_en(body: str, industry_start: int) -> str | None:
    words: list[str] = []
    for token in reversed(body[:industry_start].split()[-6:]):
        if (
            token.endswith(("'s", "’s"))
            or not _WORD_EN.match(token)
            or token.lower() in NOT_IN_AN_INDUSTRY_NAME_EN
        ):
            if token.lower() == "and" and words:
                words.append(token)  # "paper and packaging industry"
                continue
            break
        words.append(token)
    while words and words[-1].lower() == "and":
        words.pop()
    while words and words[0].lower() in {"industry", "industries"}:
        words.pop(0)  # "hardware and cutlery industry cluster"
    return " ".join(reversed(words)).lower() or None


def _name_zh(body: str, industry_start: int, places: tuple[int, ...] = ()) -> str | None:
    run = _CJK_RUN.search(body[:industry_start])
    if run is None:
        return None
    start = max([run.start(), *(end for end in places if run.start() < end <= industry_start)])
    name = _ZH_OWNER.sub("", body[start:industry_start])
    if not 2 <= len(name) <= 10 or _NOT_A_NAME_ZH.search(name):
        return None
    return name


def _canonical(name: str, index: SegmentIndex) -> str:
    """The catalogue's name of an industry written as a modifier ("motorcycle industry" -> motorcycles)."""
    for written in (name, name + "s", name + "es", name + " economy", name + " industries"):
        lowered = written.replace("-", " ")
        for mention in find_segments(lowered, index):
            if mention.segment and mention.end == len(lowered) and mention.start <= len(lowered) // 2:
                return mention.segment
    return name


def _last_industry(text: str, end: int, index: SegmentIndex, places: tuple[int, ...] = ()) -> str | None:
    """The last industry named in text[:end], by its catalogued name if it has one: the industry words are
    read back from the last, and the first that names one wins."""
    found = [(m.start(), False) for m in _INDUSTRY_EN.finditer(text, 0, end)]
    found += [(m.start(), True) for m in _INDUSTRY_ZH.finditer(text, 0, end)]
    for start, chinese in sorted(found, reverse=True):
        name = _name_zh(text, start, places) if chinese else _name_en(text, start)
        if name is not None:
            return _canonical(name, index)
    return None


def industry_of_revenue(
    body: str, figure_start: int, text_before: str, index: SegmentIndex, places: tuple[int, ...] = ()
) -> str | None:
    """The industry whose revenue a figure reports, or None when the sentence names none.

    Args:
        body: the figure's sentence.
        figure_start: where the figure starts in the sentence.
        text_before: the document before the sentence (for "the industry's revenue").
        index: the catalogue's parts.
        places: where the sentence's place names end (佛山家电产业: the name starts after 佛山).

    Returns:
        The industry's catalogued name, or its name as written.
    """
    named = _last_industry(body, figure_start, index, places)
    if named is not None:
        return named
    # "the industry's revenue", "targets industry revenue of ...": the industry an earlier sentence named
    if _INDUSTRY_EN.search(body, 0, figure_start) or _ANAPHOR_ZH.search(body, 0, figure_start):
        return _last_industry(text_before, len(text_before), index)
    return None


# "the video game industry earned 124.6 billion yuan", "the appliance cluster earned ...", "an industry
# scale of 250 billion yuan", "a yacht industry worth 10 billion yuan": what an industry takes in, written as
# a verb after its name; the hit starts at the verb, after the industry's name. Output value is no revenue
# ("reported an output value of": docs/figure-labels-v2.md names it as a segment)
_INDUSTRY_EARNED_EN = re.compile(
    r"\b(?:industry|industries|cluster|clusters)\s+"
    r"(?P<verb>(?:(?:has|have|had)\s+)?(?:generated|earned|posted|recorded|reported|achieved|brought\s+in)(?!\s+(?:an\s+)?output)"
    r"(?:\s+(?:revenue|revenues|sales|turnover|income)\s+of)?"
    r"|scale\s+of|worth)\s",
    re.I,
)


def industry_earnings(matchable: str, hits: list[PhraseHit], matcher: CatalogueMatcher) -> list[PhraseHit]:
    """The hits, with an English industry's earnings written as a verb after its name read as its revenue."""
    if "industr" not in matchable and "cluster" not in matchable:
        return hits
    for found in _INDUSTRY_EARNED_EN.finditer(matchable):
        start, end = found.span("verb")
        if any(h.start < end and start < h.end and not (start <= h.start and h.end <= end) for h in hits):
            continue  # a phrase reaching outside the verb reads the words its own way
        hit = matcher.placed_hit("industry revenue", start, end, None)
        if hit is not None:
            # "posted revenue of": the phrase the catalogue finds inside the verb is the same revenue
            kept = [h for h in hits if not (start <= h.start and h.end <= end)]
            hits = sorted([*kept, hit], key=lambda h: h.start)
    return hits
