"""Figures that come in pairs: ranges (a low and a high end) and conversions (one amount restated).

- A range ("5 to 6 percent", "5-6%", "5%至6%", "between 4 and 5 percent", 2至3个) gives two figures: the low
  end with qualifier ``over`` and the high end with qualifier ``under``. A low end written without its
  unit ("5-6%") takes the unit and scale of the high end; its span is the bare number ("5").
- A figure in parentheses (or after ", or") in another currency restates the figure before it
  (``conversion_of``); it keeps its own bound word (about, 约合) or else inherits the first one's.

:func:`finish_number` is where a measured number (:func:`measures.measure`) becomes its figures: a range,
or a single figure with its bound words.
"""

from __future__ import annotations

import re

from gdwatch.extractors.figures.figure import Figure
from gdwatch.extractors.figures.lexicon import CONVERSION_BOUNDS, QUALIFIER_OF, alternation
from gdwatch.extractors.figures.measures import measure
from gdwatch.extractors.figures.numbers import parse_decimal, scale_value
from gdwatch.extractors.figures.qualifiers import FROM_BEFORE, attach_qualifier, mark_from_to, may_follow_from
from gdwatch.extractors.figures.scan import may_end_with
from gdwatch.extractors.figures.spans import CORE

_CHAIN = re.compile(r"-\d+(?:-\d+)?")
_RANGE_CONNECTOR = re.compile(r"\s*(?:-|~|to|至|到)\s*", re.I)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.I)
_AND_CONNECTOR = re.compile(r"\s+and\s+", re.I)
_PLAIN_DIGITS = re.compile(r"[\d,]+(?:\.\d+)?")
_CONVERSION_GAP = re.compile(rf"^\s*(?:\(\s*|,\s*or\s+)(?P<q>{alternation(CONVERSION_BOUNDS)})?\s*$", re.I)


def finish_number(sentence: str, measured: tuple[Figure, bool] | None) -> list[Figure]:
    """The figures a measured number gives: none, one, or two when it opens a range.

    Args:
        sentence: the sentence.
        measured: what :func:`measures.measure` read for the number.

    Returns:
        The figures in order.
    """
    if measured is None:
        return []
    figure, bare = measured
    if bare:
        return _maybe_range(sentence, figure) or _maybe_list_member(sentence, figure) or []
    range_figures = _maybe_range(sentence, figure)
    if range_figures:
        return range_figures
    attach_qualifier(sentence, figure)
    mark_from_to(sentence, figure)
    return [figure]


def build_hyphen_chain(sentence: str, match: re.Match[str]) -> list[Figure] | None:
    """ "3-4%" is a range; "2021-2025", "1-11月", "020-8737" and "2026-01-05" are not figures.

    Args:
        sentence: the sentence.
        match: a digits core of :data:`spans.CORE`.

    Returns:
        None when no hyphen and digits follow the number; else its figures (maybe none).
    """
    chain = _CHAIN.match(sentence, match.end())
    if chain is None:
        return None
    end = match.end() + len(chain.group())
    if chain.group().count("-") != 1 or sentence[end : end + 1] in {"-", "/"}:
        return []
    high_start = match.end() + 1
    high_match = CORE.match(sentence, high_start)
    if high_match is None or high_match.lastgroup != "digits":
        return []
    parsed = parse_decimal(high_match.group()) or (0, 0)
    high = finish_number(sentence, measure(sentence, high_start, high_match.end(), *parsed))
    if len(high) != 1 or high[0].kind not in {"percent", "pp", "currency"}:
        return []
    return _make_range(sentence, match.start(), match.end(), high[0])


def _make_range(sentence: str, low_start: int, low_end: int, high: Figure) -> list[Figure]:
    low = _in_unit_of(sentence, low_start, low_end, high)
    if low is None or low.value >= high.value:
        return []
    return _finish_range(sentence, low, high)


def _in_unit_of(sentence: str, start: int, end: int, written: Figure) -> Figure | None:
    """The bare number at ``start:end`` in the unit and scale of a figure written with them: the low end of
    "5-6%", a member of "34, 29 and 15 percent"."""
    parsed = parse_decimal(sentence[start:end])
    if parsed is None:
        return None
    value, resolution = parsed
    scale = written.resolution / _digit_resolution(sentence, written)
    bare = Figure(
        start, end, scale_value(value, scale), written.unit, scale_value(resolution, scale), written.kind
    )
    bare.unit_text = written.unit_text
    return bare


def _digit_resolution(sentence: str, figure: Figure) -> float:
    digits = re.search(r"\d[\d,]*(?:\.\d+)?", sentence[figure.start : figure.end])
    parsed = parse_decimal(digits.group()) if digits else None
    return parsed[1] if parsed else 1.0


def _finish_range(sentence: str, low: Figure, high: Figure) -> list[Figure]:
    attach_qualifier(sentence, low)
    if low.qualifier_own and low.qualifier == "approx":
        high.qualifier, high.qualifier_own = "approx", True
    else:
        low.qualifier, high.qualifier = "over", "under"
        low.qualifier_own = high.qualifier_own = True
    low.range_role, high.range_role = "low", "high"
    return [low, high]


def _maybe_range(sentence: str, low: Figure) -> list[Figure] | None:
    """ "5 to 5.5 percent", "5%至6%", "between 4 and 5 percent": the low end and the high end."""
    before = sentence[max(0, low.start - 30) : low.start]
    # why: both searches try every offset of the window; the cheap tests rule most windows out
    if may_follow_from(before) and FROM_BEFORE.search(before):
        return None
    connector = None
    if may_end_with(before, ("between",)) and _BETWEEN_BEFORE.search(before):
        connector = _AND_CONNECTOR.match(sentence, low.end)
    if connector is None:
        connector = _RANGE_CONNECTOR.match(sentence, low.end)
    if connector is None:
        return None
    high = _figures_at(sentence, connector.end())
    if high is None or len(high) != 1:
        return None
    top = high[0]
    if low.kind in {"percent", "pp", "currency"}:
        if top.unit != low.unit or top.value <= low.value:
            return None
        return _finish_range(sentence, low, top)
    if (
        low.kind == "count"
        and top.kind in {"percent", "pp", "currency"}
        and low.end == _digits_end(sentence, low)
    ):
        return _make_range(sentence, low.start, low.end, top)
    if (
        low.unit == "count"
        and top.kind == "count"
        and top.unit != "count"
        and connector.group().strip() != "-"
        and low.end == _digits_end(sentence, low)
    ):
        return _make_range(sentence, low.start, low.end, top)  # 2至3个集群: a range of counts
    return None


def _maybe_list_member(sentence: str, bare: Figure) -> list[Figure] | None:
    """ "accounted for 34, 29 and 15 percent", "rose 1.2, 3.4 and 5.6 billion yuan": a bare number in a list
    whose last member carries the unit takes that unit (and scale); each member is its own figure."""
    if bare.unit != "count" or not _BARE_DECIMAL.fullmatch(sentence, bare.start, bare.end):
        return None
    tail = _LIST_TAIL.match(sentence, bare.end)
    last = _figures_at(sentence, tail.end()) if tail else None
    if not last or len(last) != 1 or last[0].kind not in {"percent", "pp", "currency"} or last[0].range_role:
        return None
    member = _in_unit_of(sentence, bare.start, bare.end, last[0])
    if member is None:
        return None
    attach_qualifier(sentence, member)
    return [member]


def _figures_at(sentence: str, start: int) -> list[Figure] | None:
    """The figures the digits at ``start`` give (the high end of a range, the last member of a list), or
    None when no digits start there."""
    found = CORE.match(sentence, start)
    if found is None or found.lastgroup != "digits":
        return None
    parsed = parse_decimal(found.group())
    if parsed is None:
        return None
    return finish_number(sentence, measure(sentence, found.start(), found.end(), *parsed))


_BARE_DECIMAL = re.compile(r"\d+(?:\.\d+)?")
# ", 29 and " / "、17.6和": the rest of a list up to its last member (digits only in between); never ", or"
# ("numbered 613, or 56.5 percent of the exhibits" restates the number as a share)
_LIST_TAIL = re.compile(r"(?:\s*[,、]\s*\d[\d.]*)*\s*,?\s*(?:and|和|及|与)\s*(?=\d)", re.I)


def _digits_end(sentence: str, figure: Figure) -> int:
    match = _PLAIN_DIGITS.match(sentence, figure.start)
    return match.end() if match else -1


def link_conversions(sentence: str, figures: list[Figure]) -> None:
    """Mark a figure in another currency right after a figure as its conversion.

    Args:
        sentence: the sentence.
        figures: its figures in order, changed in place.
    """
    for index in range(1, len(figures)):
        first, second = figures[index - 1], figures[index]
        if first.kind != "currency" or second.kind != "currency" or first.unit == second.unit:
            continue
        gap = _CONVERSION_GAP.match(sentence[first.end : second.start])
        if gap is None:
            continue
        second.conversion_of = index - 1 if first.conversion_of is None else first.conversion_of
        if gap.group("q"):
            second.qualifier = QUALIFIER_OF.get(gap.group("q").lower(), "approx")
            second.qualifier_own = True
        elif not second.qualifier_own:
            second.qualifier = first.qualifier
