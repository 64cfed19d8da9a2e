"""A figure's bound words: its qualifier, the ends of a change ("from X to Y"), and a bound a list shares.

- The qualifier comes from a bound word before the figure ("more than", 约) or after it ("or more",
  以上, 左右); see :data:`lexicon.QUALIFIER_OF` and docs/architecture.md ("qualifier").
- "from X ... to Y" is not a range but a change: X is marked ``from_low`` and Y ``to_high``, each keeps
  its own qualifier.
- A bound word before the first item of a list ("more than 20 trillion yuan in revenue, 5 trillion
  yuan in added value and 2 trillion yuan in profits", 分别超过…、…和…) covers every item.
"""

from __future__ import annotations

import re

from gdwatch.extractors.figures.figure import Figure
from gdwatch.extractors.figures.lexicon import (
    COUNT_LEAD_ZH,
    FROM_BOUNDS_EN,
    LIST_BREAKERS_EN,
    QUALIFIER_OF,
    QUALIFIERS_AFTER_EN,
    QUALIFIERS_AFTER_ZH,
    QUALIFIERS_BEFORE_EN,
    QUALIFIERS_BEFORE_ZH,
    TO_BOUNDS_EN,
    alternation,
)
from gdwatch.extractors.figures.scan import may_end_with


def _all(table: dict[str, tuple[str, ...]]) -> str:
    return alternation(word for words in table.values() for word in words)


_EN_QUALIFIER = re.compile(rf"(?:^|[^A-Za-z])(?P<q>{_all(QUALIFIERS_BEFORE_EN)})\s+(?:the\s+)?$", re.I)
# why: 签约, 合约, 节约 end with 约 but bound nothing ("签约12宗" is exact)
_ZH_QUALIFIER = re.compile(
    rf"(?<![签合节预制公条契])(?P<q>{_all(QUALIFIERS_BEFORE_ZH)})(?:占[\u4e00-\u9fff]{{0,10}}?的?)?$"
)
_ZH_QUALIFIER_AFTER = re.compile(
    rf"(?:人次|标箱|[家个名条架款项座种所位批辆套台户人吨宗次列艘米倍])?(?P<q>{_all(QUALIFIERS_AFTER_ZH)})"
)
_EN_QUALIFIER_AFTER = re.compile(rf"\s+(?P<q>{_all(QUALIFIERS_AFTER_EN)})\b", re.I)
# why: what the two qualifier patterns before a number can end with (see scan.may_end_with), and the first
# characters of the Chinese words, so that most windows skip the searches
_EN_QUALIFIER_ENDS = (*(word for words in QUALIFIERS_BEFORE_EN.values() for word in words), "the")
_ZH_QUALIFIER_FIRST = re.compile(
    "[" + "".join(sorted({word[0] for words in QUALIFIERS_BEFORE_ZH.values() for word in words})) + "]"
)
_ZH_COUNT_LEAD = re.compile(f"(?:{alternation(COUNT_LEAD_ZH)})+$")

_TO_BOUND = f"(?:{alternation(TO_BOUNDS_EN)})"
FROM_BEFORE = re.compile(
    rf"(?:\bfrom\s+(?:(?:{alternation(FROM_BOUNDS_EN)})\s+)?"
    r"|(?:从|由)(?:\d{4}年(?:底|末)?的?)?)$",
    re.I,
)
"""A change's starting point before a number: "from", "from about", 从, 由2024年的."""


def may_follow_from(before: str) -> bool:
    """Whether :data:`FROM_BEFORE` may match the text before a number: it holds "from", 从 or 由.

    Args:
        before: the text before the number.

    Returns:
        False when the search cannot match (it is tried at every offset, so this test comes first).
    """
    return "从" in before or "由" in before or "from" in before.lower()


_TO_BEFORE = re.compile(
    rf"(?:\bto\s+(?:{_TO_BOUND}\s+)?"
    r"|(?:增至|增加到|增长到|提高到|升至|降至|达到|到|至)(?:\d{4}年(?:底|末)?的?)?)$",
    re.I,
)
TO_AFTER = re.compile(
    rf".{{0,40}}?(?:\bto\s+(?:{_TO_BOUND}\s+)?[\d一-龥a-z]|增至|增加到|增长到|提高到|到|至)"
)
"""A change's end point after a number ("from 3 billion to 5 billion", 从…增至…)."""
_FROM_WORD = re.compile(r"\bfrom\b|从|由")
_QUALIFIER_END = re.compile(rf"{_TO_BOUND}\s+$", re.I)
_TO_BOUND_ENDS = tuple(TO_BOUNDS_EN)

_LIST_GAP_EN = re.compile(r"^(?:\s+[A-Za-z\"“”'’ -]{1,40}?)?\s*(?:,\s*and|,|and)\s+$")
_LIST_GAP_ZH = re.compile(r"^(?:[\u4e00-\u9fff]{0,2})?(?:、|和|及|以及)$")
_LIST_BREAKER = re.compile(rf"\b(?:{alternation(LIST_BREAKERS_EN)})\b", re.I)


_SPACES = re.compile(r"\s+")


def attach_qualifier(sentence: str, figure: Figure) -> None:
    """Give a figure the qualifier of the bound word before or after it, unless it has its own already.

    Args:
        sentence: the sentence.
        figure: a figure of it, changed in place.
    """
    if figure.qualifier_own:
        return
    before = sentence[max(0, figure.start - 40) : figure.start]
    match = (_EN_QUALIFIER.search(before) if may_end_with(before, _EN_QUALIFIER_ENDS) else None) or (
        _ZH_QUALIFIER.search(before) if _ZH_QUALIFIER_FIRST.search(before) else None
    )
    after = _ZH_QUALIFIER_AFTER.match(sentence, figure.end) or _EN_QUALIFIER_AFTER.match(sentence, figure.end)
    if after:
        match = after
    if match:
        word = _SPACES.sub(" ", match.group("q").lower())
        figure.qualifier = QUALIFIER_OF.get(word, "exact")
        figure.qualifier_own = figure.qualifier != "exact"


def strip_zh_count_lead(sentence: str, start: int) -> int:
    """Where a Chinese count's lead-in (逾, 约, 达到) starts, so the noun before it can be read.

    Args:
        sentence: the sentence.
        start: where the number starts.

    Returns:
        The offset before the lead-in words (``start`` when there are none).
    """
    match = _ZH_COUNT_LEAD.search(sentence[:start])
    return match.start() if match else start


def is_to_high(sentence: str, start: int) -> bool:
    """Whether a number is the end point of a change written "from X ... to Y" (从…增至…).

    Args:
        sentence: the sentence.
        start: where the number starts.

    Returns:
        True for Y.
    """
    before = sentence[max(0, start - 160) : start]
    # why: the cheap test first; both are plain conditions, so the order does not change the result
    has_from = (
        "从" in before or "由" in before or ("from" in before and _FROM_WORD.search(before) is not None)
    )
    return has_from and bool(_TO_BEFORE.search(before))


def mark_from_to(sentence: str, figure: Figure) -> None:
    """Mark a figure as the start (``from_low``) or end (``to_high``) of a change.

    Args:
        sentence: the sentence.
        figure: a figure of it, changed in place.
    """
    before = sentence[max(0, figure.start - 30) : figure.start]
    # why: both searches try every offset; most windows end with no bound word and hold no "from"
    qualifier_free = _QUALIFIER_END.sub("", before) if may_end_with(before, _TO_BOUND_ENDS) else before
    figure.from_low = may_follow_from(qualifier_free) and bool(FROM_BEFORE.search(qualifier_free))
    figure.to_high = is_to_high(sentence, figure.start)


_CLOSING_PARENTHESIS = re.compile(r"^\)\s*")


def spread_list_bounds(sentence: str, figures: list[Figure]) -> None:
    """Give the items of a list the bound word written before its first item.

    Args:
        sentence: the sentence.
        figures: its figures in order, changed in place.
    """
    previous: Figure | None = None
    for figure in figures:
        if figure.conversion_of is not None:
            continue
        if (
            previous is not None
            and previous.qualifier != "exact"
            and previous.range_role is None
            and not figure.qualifier_own
            and figure.range_role is None
            and figure.kind == previous.kind
        ):
            gap = sentence[previous.end : figure.start]
            gap = _CLOSING_PARENTHESIS.sub("", gap)
            if (_LIST_GAP_EN.match(gap) and not _LIST_BREAKER.search(gap)) or _LIST_GAP_ZH.match(gap):
                figure.qualifier = previous.qualifier
        previous = figure
