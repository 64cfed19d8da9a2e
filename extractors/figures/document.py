"""What earlier sentences of an article tell later ones: the paragraph's period and year, the last
entity, and what is computed once for the whole text (lower-cased text, where numbers and periods may
start)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from gdwatch.extractors.figures.entities import DEFAULT_ENTITY
from gdwatch.extractors.figures.periods import PeriodMention, explicit_year, find_periods
from gdwatch.extractors.figures.scan import TriggerIndex
from gdwatch.extractors.figures.sentences import Sentence
from gdwatch.extractors.records import Observation


@dataclass
class DocumentState:
    """The article read so far."""

    lowered: str
    """The whole text with ASCII letters lower-cased (same offsets)."""
    matchable: str
    """The whole text as :func:`matcher.match_text` returns it."""
    figure_starts: TriggerIndex
    period_starts: TriggerIndex
    paragraph: int = -1
    paragraph_period: str | None = None
    """The last own period of the paragraph's sentences read so far."""
    paragraph_year: int | None = None
    """The last year they named, for "the third quarter" without a year."""
    last_entity: str = DEFAULT_ENTITY
    """The entity of the last figure read, for "its imports" in a sentence naming nobody."""
    observations: list[Observation] = field(default_factory=list)
    pending: list[Sentence] = field(default_factory=list)
    """Sentences of the current paragraph whose periods are not read yet."""

    def start_paragraph(self, paragraph: int) -> None:
        """Forget what the previous paragraph said about periods.

        Args:
            paragraph: the index of the new paragraph.
        """
        self.paragraph = paragraph
        self.paragraph_period = None
        self.paragraph_year = None
        self.pending.clear()

    def read_pending(self, normalized: str, published: datetime.date | None) -> None:
        """Read the periods of the paragraph's sentences put aside so far, in order.

        Args:
            normalized: the whole normalized text.
            published: the publication date, or None.
        """
        for earlier in self.pending:
            self.remember_periods(self.read_periods(normalized, earlier, published))
        self.pending.clear()

    def read_periods(
        self, normalized: str, sentence: Sentence, published: datetime.date | None
    ) -> list[PeriodMention]:
        """The periods a sentence names, read against the paragraph's year.

        Args:
            normalized: the whole normalized text.
            sentence: the sentence.
            published: the publication date, or None.

        Returns:
            The sentence's period mentions (nothing is remembered: see :meth:`remember_periods`).
        """
        starts = self.period_starts.between(sentence.start, sentence.end)
        if not starts:
            return []
        body = normalized[sentence.start : sentence.end]
        lowered = self.lowered[sentence.start : sentence.end]
        return find_periods(body, published, self.paragraph_year, lowered, starts)

    def remember_periods(self, periods: list[PeriodMention]) -> None:
        """Make a sentence's own periods the paragraph's, for the sentences after it.

        Args:
            periods: the sentence's period mentions.
        """
        own = [m for m in periods if not m.base]
        if own:
            self.paragraph_period = own[-1].period
            self.paragraph_year = explicit_year(own) or self.paragraph_year
