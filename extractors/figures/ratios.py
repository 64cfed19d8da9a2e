"""Ratios of shares: "三次产业结构由2.1:45.3:52.6调整为1.9:44.8:53.3" is six shares, each of one part.

A run of two to four numbers joined by colons whose parts add up to 100 (give or take the rounding of
each part) is a list of shares in percent; any other colon run (a time, a score) is no figure. A ratio
of three parts in a sentence about the structure of the economy names its parts by sector, in the
order every statistics release writes them: primary, secondary, tertiary (services).
"""

from __future__ import annotations

import re

from gdwatch.extractors.figures.figure import Figure
from gdwatch.extractors.figures.numbers import parse_decimal

RATIO = re.compile(r"\d{1,3}(?:\.\d{1,2})?(?::\d{1,3}(?:\.\d{1,2})?){1,3}(?![\d:]|\.\d)")
_PART = re.compile(r"\d{1,3}(?:\.\d{1,2})?")
_SECTORS = ("primary sector", "secondary sector", "services")
"""Segment names of the three sectors (docs/figure-labels-v2.md, "Decisions")."""
_SECTOR_CONTEXT = re.compile(
    r"三次产业|产业结构|三产|three sectors|industrial structure|economic structure", re.I
)


def build_ratio(sentence: str, start: int) -> list[Figure] | None:
    """The shares of a ratio starting at ``start``, or None when no ratio of shares starts there.

    Args:
        sentence: the sentence (normalized: colons are ASCII).
        start: where a digit run starts.

    Returns:
        None when the digits do not start a colon run; an empty list for a colon run that is not a list
        of shares (a time, a score); else one percent figure per part.
    """
    if ":" not in sentence[start : start + 8]:
        return None  # why: the cheap test first; most numbers are no ratio
    if start and (sentence[start - 1].isdigit() or sentence[start - 1] in ":."):
        return None
    match = RATIO.match(sentence, start)
    if match is None or ":" not in match.group():
        return None
    parts = []
    for part in _PART.finditer(sentence, match.start(), match.end()):
        parsed = parse_decimal(part.group())
        if parsed is None:
            return []
        parts.append((part.start(), part.end(), *parsed))
    total = sum(value for _, _, value, _ in parts)
    slack = sum(resolution for _, _, _, resolution in parts) / 2 + 1e-9
    if abs(total - 100.0) > max(slack, 0.05):
        return []
    names: tuple[str | None, ...] = (None,) * len(parts)
    if len(parts) == 3 and _SECTOR_CONTEXT.search(sentence):
        names = _SECTORS
    figures = []
    for (begin, end, value, resolution), name in zip(parts, names, strict=True):
        figure = Figure(begin, end, value, "%", resolution, "percent")
        figure.part = name
        figures.append(figure)
    return figures
