"""What one sentence offers every decision about its figures: its clauses, figures, catalogue phrases,
partners, places and companies, periods and projection cues (offsets relative to the sentence), and what
a "respectively" list gives each of its figures."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from gdwatch.config.models import MetricDefinition
from gdwatch.extractors.figures.entities import EntityMention
from gdwatch.extractors.figures.figure import Figure
from gdwatch.extractors.figures.matcher import CatalogueMatcher, PhraseHit
from gdwatch.extractors.figures.periods import PeriodMention
from gdwatch.extractors.figures.places import PlaceIndex
from gdwatch.extractors.figures.segments import SegmentIndex, SegmentMention
from gdwatch.extractors.figures.sentences import Sentence, clause_bounds
from gdwatch.extractors.figures.subjects import SubjectGrammar


class ListItem(NamedTuple):
    """What a "respectively" list gives one of its figures."""

    hit: PhraseHit | None
    """The catalogue phrase of its item, when the items are told apart by phrase."""
    partner: str | None
    """The trade partner of its item, when the items are told apart by partner."""
    entity: str | None
    """The place or company of its item, when the items are told apart by who ("Guangzhou and Foshan")."""
    segment: str | None
    """The segment of its item, when the items are told apart by part (民营企业、外资企业分别...)."""
    unnamed: bool
    """True when other items have a phrase and this one has none: the figure gets no metric."""


@dataclass(frozen=True)
class Vocabulary:
    """What the extractor compiles once from its catalogue and gazetteer, looked up by every decision."""

    matcher: CatalogueMatcher
    places: PlaceIndex
    subjects: SubjectGrammar
    metrics: dict[str, MetricDefinition]
    """The catalogue's metrics by key."""
    segments: SegmentIndex
    """The catalogue's parts (:func:`segments.find_segments`)."""


@dataclass(slots=True)
class SentenceFacts:
    """One sentence with figures, read once; the deciding modules only look things up in it."""

    vocabulary: Vocabulary
    normalized: str
    """The whole normalized text (to look back before the sentence)."""
    sentence: Sentence
    body: str
    """The normalized sentence."""
    matchable: str
    """The sentence as :func:`matcher.match_text` returns it (lower case, hyphens and quotes as spaces)."""
    figures: list[Figure]
    hits: list[PhraseHit]
    """Catalogue phrases that name a whole quantity (see :func:`metric_choice.is_whole`)."""
    partners: list[tuple[int, int, str]]
    entities: list[EntityMention]
    periods: list[PeriodMention]
    """The sentence's own periods (comparison bases left out)."""
    bases: list[PeriodMention]
    """The sentence's comparison bases ("compared with 12.6 million in 2024", 由2024年的…)."""
    cues: list[int]
    """Where projection words start (:func:`projection.projection_cues`)."""
    segments: list[SegmentMention]
    """Segment phrases (:func:`segments.find_segments`)."""
    breaks: list[tuple[int, int]]
    """Clause breaks (:func:`sentences.clause_breaks`)."""
    clauses: dict[int, tuple[int, int]] = field(default_factory=dict)
    """Clauses looked up so far in this sentence, by position (every decision asks for a figure's)."""
    entities_before: list[EntityMention] | None = None
    """The places the text names before the sentence (:func:`entity_choice.choose_entity`), once asked."""
    share_price: bool | None = None
    """Whether the sentence reports a share price (:func:`period_choice.trading_day`), once asked."""
    usable_hits: dict[tuple[str, str], list[PhraseHit]] = field(default_factory=dict)
    """The hits with a metric fitting a figure, by its kind and role (:func:`metric_choice.choose_hit`)."""
    city_refs: dict[tuple[int, str], str] = field(default_factory=dict)
    """The city each "the city" mention stands for, by its start and the topic (:mod:`entity_choice`)."""

    def clause(self, position: int) -> tuple[int, int]:
        """(start, end) of the clause containing a position."""
        found = self.clauses.get(position)
        if found is None:
            found = self.clauses[position] = clause_bounds(self.body, position, self.breaks)
        return found

    def window_before_figure(self, figure: Figure) -> str:
        """The text of a figure's clause before it."""
        clause_start, _ = self.clause(figure.start)
        return self.body[clause_start : figure.start]

    def window_before(self, index: int) -> str:
        """The text of a figure's clause before it, since the previous figure."""
        figure = self.figures[index]
        clause_start, _ = self.clause(figure.start)
        previous_end = self.figures[index - 1].end if index else 0
        return self.body[max(clause_start, previous_end) : figure.start]
