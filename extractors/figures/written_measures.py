"""What a figure with no catalogue metric measures, as its sentence names it.

"Output of 3D printing equipment soared 42.7 percent" and "全省水泥产量1.52亿吨" have no metric in
config/metrics.toml; without a segment such a figure would say only "Guangdong, 2025: 1.52 亿". The
labelling rules (docs/figure-labels-v2.md: product output and rates with no catalogue metric) name what it
measures in ``segment``. English copy gives it as the subject of the figure's clause ("3d printing
equipment"), Chinese copy as the measure written right before the figure (水泥产量, kept in simplified
Chinese like the other written segments). Nothing is given when the subject is the owner ("The province
had ..."), a company's revenue (its whole), a list of measures "respectively", or longer than a short name.
Such figures have no metric, so they are never compared in conflicts: the segment tells a reader what
they are.
"""

from __future__ import annotations

import re

from gdwatch.extractors.figures.entities import EntityMention
from gdwatch.extractors.figures.lexicon import (
    AFTER_THINGS_EN,
    MEASURE_ENDINGS_ZH,
    MEASURE_WORDS_EN,
    NOT_A_COUNT_NAME_START_EN,
    NOT_A_MEASURE_EN,
    NOT_COUNTED_EN,
    NOT_IN_A_MEASURE_EN,
    REPORTING_VERBS_EN,
    alternation,
)

_MAX_WORDS_EN = 5
_MAX_CHARACTERS_ZH = 14


def _spaced(phrases: tuple[str, ...]) -> str:
    return alternation(phrases).replace(r"\ ", r"\s+")


_REPORTING_VERB = re.compile(rf"\s+(?:(?:has|have|had)\s+)?(?:{_spaced(REPORTING_VERBS_EN)})\b", re.I)
# what a sentence may open with before its subject: a dateline, a period or place, a linking word
_OPENING = re.compile(
    r"^(?:[A-Z][A-Za-z .]*,\s+[A-Z][a-z]{2,4}\.?\s+\d{1,2}\s+\([A-Za-z ]+\)\s+--\s+)?"
    r"(?:(?:in|during|for|over|from|between|by|as\s+of|at|since|after|under|with|according\s+to|meanwhile|"
    r"however|also|besides|separately|overall|in\s+addition|of\s+(?:these|them|this|the\s+total)|among\s+them|"
    r"specifically|likewise)\b[^,]{0,60},\s+)?",
    re.I,
)
# a clause of its own: "and steel exports surged ...", "while flights increased ...", "of which ..."
_CLAUSE_OPENING = re.compile(
    r"\s*(?:(?:and|but|while|whereas|of\s+which|of\s+whom|among\s+(?:them|which))\s+)?", re.I
)
# a clause that goes on with the sentence's figure: ", up 4.2 percent", ", or 66.1 percent of the total"
_GOES_ON = re.compile(
    r"\s*(?:and\s+)?(?:up|down|an?\s+(?:increase|rise|decrease|decline|drop|jump|gain)\s+of|rising|falling|"
    r"growing|increasing|or|accounting\s+for|making\s+up|representing|equal\s+to|compared\s+with)?\s*"
    r"(?:by\s+)?(?:about|nearly|almost|more\s+than|over|some|around|roughly|a\s+record)?\s*",
    re.I,
)
# where the measure's name ends: where it happened, to whom, through what ("Parcels shipped to ...")
_TAIL = re.compile(
    r"\s+(?i:in|at|across|from|to|for|with|via|through|on|under|within|among|by|over|during|which|that|who|"
    r"of\s+the\s+(?:city|province|country|company|group))\b"
)
_LEAD_WORDS = re.compile(
    r"^(?:(?:the|its|their|this|that|these|those|a|an|total|combined|overall|annual|[a-z][a-z.&-]*['’]s)\s+)+"
)
_OUTPUT_OF = re.compile(r"^(?:output|production)\s+of\s+")  # "output of 3D printing equipment": the product
_TRAILING_WORDS = re.compile(r"(?:\s+(?:also|alone|too|combined|together|as\s+a\s+whole|each|both|all))+$")
_POSSESSIVE = re.compile(r"['’]s\b")
_WORD = re.compile(r"[a-z][a-z&-]*|\d[a-z]+")
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)


def written_measure_en(
    body: str,
    figure_start: int,
    clause_start: int,
    entities: list[EntityMention],
    named: list[tuple[int, int]],
) -> str | None:
    """The measure a figure with no catalogue metric reports, as an English sentence names it before its
    verb ("Output of 3D printing equipment soared 42.7 percent" -> "3d printing equipment"), or None.

    The subject is the figure's own clause's ("..., while flights increased 4.1 percent"); a clause that only
    goes on with the figure (", up 4.2 percent", ", or 66.1 percent of the total") takes the sentence's.

    Args:
        body: the sentence.
        figure_start: where the figure starts.
        clause_start: where the figure's clause starts.
        entities: the places and companies the sentence names (a subject that is one owns the figure,
            it does not measure it).
        named: spans of the catalogue's phrases in the sentence (a subject holding one is the catalogue's
            measure, "GDP grew 4.6%, quickening 0.5 percentage points", not a measure of its own).

    Returns:
        The measure, lower case, at most five words.
    """
    if clause_start == 0:
        opening = _OPENING.match(body)
        return _subject_en(body, opening.end() if opening else 0, figure_start, entities, named)
    own = _CLAUSE_OPENING.match(body, clause_start)
    own_start = own.end() if own else clause_start
    if _REPORTING_VERB.search(body, own_start, figure_start):
        return _subject_en(body, own_start, figure_start, entities, named)
    if not _GOES_ON.fullmatch(body, clause_start, figure_start):
        return None
    opening = _OPENING.match(body)
    return _subject_en(body, opening.end() if opening else 0, clause_start, entities, named)


def _subject_en(
    body: str, start: int, end: int, entities: list[EntityMention], named: list[tuple[int, int]]
) -> str | None:
    """The measure named between ``start`` and the first reporting verb before ``end``, or None."""
    verb = _REPORTING_VERB.search(body, start, end)
    if verb is None:
        return None
    tail = _TAIL.search(body, start, verb.start())
    name_end = tail.start() if tail else verb.start()
    subject = body[start:name_end]
    if (
        "," in subject
        or ";" in subject
        or any(start <= s < name_end for s, _ in named)
        or any(
            start <= m.start < name_end and not _POSSESSIVE.match(body, m.end) for m in entities if m.valid
        )
    ):
        return None  # an appositive, a list, a catalogue measure, or the owner as the subject ("Foshan Port")
    phrase = _TRAILING_WORDS.sub("", subject.strip().lower())
    words = _OUTPUT_OF.sub("", _LEAD_WORDS.sub("", phrase)).split()
    if (
        not 0 < len(words) <= _MAX_WORDS_EN
        or not all(_WORD.fullmatch(w) for w in words)
        or words[0] in NOT_A_MEASURE_EN
        or words[-1] in NOT_A_MEASURE_EN
        or any(w in NOT_IN_A_MEASURE_EN or (w.endswith("ed") and w != "red") for w in words)
        or ("and" in words and _RESPECTIVELY.search(body))
    ):
        return None  # "Southbound and northbound remittances were ..., respectively": a list of measures
    return " ".join(words)


_ENDINGS_ZH = alternation(sorted(MEASURE_ENDINGS_ZH, key=len, reverse=True))
# a clause naming its measure right before the figure, and the verb between them ("石材产业实现总产值528亿元")
_MEASURE_ZH = re.compile(
    rf"^(.{{2,40}}?(?:{_ENDINGS_ZH}))(?:同比)?(?:达到|达|为|超过|突破|共|累计|合计)?(?:约|近|超过|超|逾)?$"
)
# a clause that goes on with the sentence's figure: "，同比增长9.1%", "，按年增長8.3%", "，占比67.4%"
_GOES_ON_ZH = re.compile(
    r"(?:同比|比上年|较上年|环比|按年|按月|按季|年|月)?"
    r"(?:增长|下降|增加|减少|提高|回落|上涨|下跌|占比|占)?(?:约|近)?"
)
_CLAUSE_MARKS_ZH = "，,；;"  # a normalized Chinese sentence may hold either form of the comma
_FIRST_DIGIT = re.compile(r"\d")
_VERBS_ZH = re.compile("实现|完成|录得|取得")
# a period written inside the measure's words (厚街鞋业前三季产值, 今年1至9月核准对中国大陆投资)
_INNER_PERIOD_ZH = re.compile(
    r"\d{1,2}(?:至|-|—|–)\d{1,2}月份?|[前首][一二三四1-4]季度?|[上下]半年|全年|当年|同期"
)
_ENDING_ALONE_ZH = re.compile(rf"(?:总|年|全)?(?:{_ENDINGS_ZH})")
_COMPANY_ZH = re.compile("^(?:公司|集团|该公司|企业)")
_NOT_A_NAME_ZH = re.compile(r"[，,、；;：:（）()“”将力争计划带动预计有望]")


def written_measure_zh(
    body: str, figure_start: int, clause_start: int, leading_words: re.Pattern[str]
) -> str | None:
    """The measure a figure with no catalogue metric reports, as a Chinese clause names it right before
    the figure (全省水泥产量1.52亿吨 -> 水泥产量; "，增长11.2%" after 观影人次1.62亿 -> 观影人次), or None.

    Args:
        body: the sentence (simplified).
        figure_start: where the figure starts.
        clause_start: where the figure's clause starts.
        leading_words: the places, periods and other words a subject may open with
            (:class:`subjects.SubjectGrammar`), stripped from the measure.

    Returns:
        The measure as written (simplified), or None.
    """
    written = body[clause_start:figure_start]
    if clause_start > 0 and _GOES_ON_ZH.fullmatch(written):
        previous_start = max(body.rfind(mark, 0, clause_start - 1) for mark in _CLAUSE_MARKS_ZH) + 1
        number = _FIRST_DIGIT.search(body, previous_start, clause_start)
        written = body[previous_start : number.start()] if number else ""
    found = _MEASURE_ZH.match(written.strip())
    if found is None:
        return None
    measure = leading_words.sub("", _INNER_PERIOD_ZH.sub("", found.group(1)))
    measure = _COMPANY_ZH.sub("", _VERBS_ZH.sub("", measure)).strip()
    if (
        not 2 <= len(measure) <= _MAX_CHARACTERS_ZH
        or _NOT_A_NAME_ZH.search(measure)
        or measure.startswith("其")
        or _ENDING_ALONE_ZH.fullmatch(measure)
    ):
        return None  # "计划总投资超过620亿元": the measure alone, not what it measures
    traded = _TRADED_VOLUME_ZH.fullmatch(measure)
    # 冷冻鱿鱼进口量3.86万吨: the goods are the part, as they are of the trade's value (冷冻鱿鱼进口4.12亿元)
    return traded.group(1) if traded else measure


_TRADED_VOLUME_ZH = re.compile(r"(.{2,}?)(?:出口|进口)数?量")


# what a count counts, written right after it: "32.64 million visits", "1.41 million cross-border trips"
_COUNTED_AFTER_EN = re.compile(r"\s+((?:[a-z][a-z-]*\s+){0,2}?[a-z][a-z-]*s)\b(?!\s*[-'’])")
_UNIT_ONLY = frozenset({"count", "times", "years", "months", "days"})
_OF_THINGS_EN = re.compile(r"\s+of\s+((?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*)\b(?!\s*[-'’])")


def _things_measured_en(body: str, end: int) -> list[str]:
    """The things a measure word measures, written after "of" ("pairs of jeans"), or [] when none is."""
    found = _OF_THINGS_EN.match(body, end)
    if found is None:
        return []
    words: list[str] = []
    for word in found.group(1).lower().split():
        if word in AFTER_THINGS_EN:
            break
        words.append(word)
    return words


def counted_things_en(body: str, figure_end: int, unit: str) -> str | None:
    """What an English count with no measure named counts, as written right after it ("Heyuan received
    32.64 million visits" -> visits; "handled 1.41 million cross-border trips" -> cross-border trips), or None
    for a bare number, a duration or a multiple: the counted things are the measure.

    Args:
        body: the sentence.
        figure_end: where the figure (its number and scale) ends.
        unit: the figure's canonical unit.

    Returns:
        The counted things, lower case, or None.
    """
    if unit in _UNIT_ONLY:
        return None
    found = _COUNTED_AFTER_EN.match(body, figure_end)
    if found is None:
        return None
    words = found.group(1).lower().split()
    if words[-1] in MEASURE_WORDS_EN:
        # "146 million pairs of jeans" -> jeans; "moving 2.51 million tonnes" keeps the measure word
        words = _things_measured_en(body, found.end()) or words
    if (
        words[-1] in NOT_COUNTED_EN
        or words[0] in NOT_A_COUNT_NAME_START_EN
        or any(word in NOT_IN_A_MEASURE_EN for word in words)
    ):
        return None
    return " ".join(words)
