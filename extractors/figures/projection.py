"""Whether a figure is a projection (a target, plan or forecast) rather than an actual.

A figure is a projection when its period starts after the publication year, an actual when its period
ended before it, and otherwise when a projection word ("expected to", "aims to", "will", 预计, 力争, 将)
comes before it in its sentence or after it in its clause. The starting point of a change ("from X to Y")
is never a projection. See docs/architecture.md ("projection").
"""

from __future__ import annotations

import datetime
import re

from gdwatch.extractors.figures.facts import SentenceFacts
from gdwatch.extractors.figures.figure import Figure
from gdwatch.extractors.figures.lexicon import PROJECTION_WORDS_EN, PROJECTION_WORDS_ZH
from gdwatch.extractors.figures.periods import PeriodMention
from gdwatch.extractors.figures.scan import literal_pattern

# The alternation of the literals, longest first ("预计|预期|…" never compete at one offset), written as
# a trie (word boundaries checked in projection_cues): fast to scan.
PROJECTION_RE = re.compile(literal_pattern([*PROJECTION_WORDS_EN, *PROJECTION_WORDS_ZH]))


def projection_cues(lowered: str) -> list[int]:
    """Offsets of the words that mark a projection (expected, aims to, will, 预计, 力争, 将).

    Args:
        lowered: the sentence with ASCII letters lower-cased (same length as the sentence).

    Returns:
        Start offsets of the cue words.
    """
    cues = []
    for match in PROJECTION_RE.finditer(lowered):
        start = match.start()
        previous = lowered[start - 1 : start] if start else ""
        following = lowered[match.end() : match.end() + 1]
        if match.group() == "将" and (previous == "即" or following == "近"):
            continue
        if match.group().isascii() and (previous.isalpha() or following.isalpha()):
            continue
        cues.append(start)
    return cues


def has_cue(facts: SentenceFacts, figure: Figure) -> bool:
    """Whether a projection word comes before the figure in its sentence, or after it in its clause.

    Args:
        facts: the figure's sentence.
        figure: the figure.

    Returns:
        True when the figure is written as a projection.
    """
    _, clause_end = facts.clause(figure.start)
    return any(cue < figure.start or figure.end <= cue < clause_end for cue in facts.cues)


def in_projection_clause(facts: SentenceFacts, mention: PeriodMention) -> bool:
    """Whether a period is named in a clause that has a projection word.

    Args:
        facts: the sentence.
        mention: one of its periods.

    Returns:
        True for "by 2030" in "aims to ... by 2030".
    """
    start, end = facts.clause(mention.start)
    return any(start <= cue < end for cue in facts.cues)


def is_projection(figure: Figure, cue: bool, period: str | None, published: datetime.date | None) -> bool:
    """Whether a figure is a projection, from its period and publication date, else from its cue.

    Args:
        figure: the figure.
        cue: :func:`has_cue` for it.
        period: its period.
        published: the publication date, or None.

    Returns:
        True for a target, plan or forecast.
    """
    if figure.from_low:
        return False
    first, last = _period_years(period)
    if published is not None and first is not None:
        if first > published.year:
            return True
        if last is not None and last < published.year:
            return False
    return cue


def _period_years(period: str | None) -> tuple[int | None, int | None]:
    if not period or not period[:4].isdigit():
        return None, None
    last = period.rsplit("..", 1)[-1]
    return int(period[:4]), int(last[:4]) if last[:4].isdigit() else None
