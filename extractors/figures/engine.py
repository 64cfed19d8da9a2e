"""Extract the figures an article reports as :class:`extractors.records.Observation` records.

Build one :class:`FigureExtractor` from the metrics catalogue and the gazetteer at the entry point (a run,
a worker process, the CLI) and call :meth:`FigureExtractor.extract` for every article: it is pure, does no
I/O, never raises on any string, and shares nothing mutable between calls, so threads and processes may use
one extractor each or the same one. :func:`extract_observations` is a convenience for one-off calls and tests:
it compiles an extractor every time.

The article is split into sentences (:mod:`sentences`); the figures of each are found (:mod:`finder`), and
each gets its context (:mod:`reader`): the nearest catalogue phrase that fits its unit and role (metric), the
period in force for it, who it is about (entity), the part of the whole (segment), the trade partner, its
kind and basis, and whether it is a projection. What earlier sentences tell later ones is kept in
:mod:`document`.
"""

from __future__ import annotations

import datetime
import re

from gdwatch.config.models import Gazetteer, MetricCatalogue
from gdwatch.extractors.figures.companies_zh import find_introduced
from gdwatch.extractors.figures.document import DocumentState
from gdwatch.extractors.figures.entities import (
    COMPANY_ANAPHORS,
    EntityMention,
    find_entities,
    introduced_towns,
    may_name_a_company,
    received_from_home,
    short_name,
)
from gdwatch.extractors.figures.entity_choice import TOPIC_KINDS
from gdwatch.extractors.figures.facts import Vocabulary
from gdwatch.extractors.figures.finder import TRIGGER as FIGURE_TRIGGER
from gdwatch.extractors.figures.finder import find_figures
from gdwatch.extractors.figures.lexicon import BEFORE_WHOLE_PHRASE_EN
from gdwatch.extractors.figures.matcher import CatalogueMatcher, match_text
from gdwatch.extractors.figures.numbers import normalize, same_length_wording
from gdwatch.extractors.figures.partners import (
    headline_flow,
    headline_partners,
    source_partner,
    supplied_partner,
    trade_partner,
)
from gdwatch.extractors.figures.periods import TRIGGER as PERIOD_TRIGGER
from gdwatch.extractors.figures.periods import find_periods
from gdwatch.extractors.figures.places import PlaceIndex
from gdwatch.extractors.figures.reader import read_figures, sentence_facts
from gdwatch.extractors.figures.scan import TriggerIndex, shared_trigger_starts, word_union
from gdwatch.extractors.figures.segments import SegmentIndex, headline_traded_part, headline_written_part
from gdwatch.extractors.figures.sentences import Sentence, split_sentences
from gdwatch.extractors.figures.subjects import SubjectGrammar
from gdwatch.extractors.records import Observation

EXTRACTOR_VERSION = "metrics-3.15.0"

_LOWER = str.maketrans({chr(c): chr(c + 32) for c in range(65, 91)})
_TRIGGERS = (FIGURE_TRIGGER, PERIOD_TRIGGER)


class FigureExtractor:
    """The figure engine, compiled once from a metrics catalogue and a gazetteer."""

    def __init__(self, catalogue: MetricCatalogue, gazetteer: Gazetteer) -> None:
        """Compile the catalogue's phrases and the gazetteer's names.

        Args:
            catalogue: the metrics catalogue (``config.loader.load_metrics()``).
            gazetteer: places, companies and partners (``config.loader.load_gazetteer()``).
        """
        places = PlaceIndex.build(gazetteer)
        self.catalogue = catalogue
        self.vocabulary = Vocabulary(
            matcher=CatalogueMatcher(catalogue, places),
            places=places,
            subjects=SubjectGrammar.build(places),
            metrics={metric.key: metric for metric in catalogue.metrics},
            segments=SegmentIndex.build(catalogue.segments),
        )
        self._trigger_words = word_union(_TRIGGERS)

    def extract(
        self, text: str, *, published: datetime.date | None, headline: str | None = None
    ) -> list[Observation]:
        """Extract every figure an article's text reports.

        Args:
            text: the cleaned article text (paragraphs separated by newlines).
            published: publication date, against which "last year", "currently", 今年 are read.
            headline: the article's title: a period it states is in force for the text. Its own figures
                are not returned (offsets refer to ``text``).

        Returns:
            One Observation per figure, in text order. ``text[o.start:o.end]`` is the figure as written.
        """
        if not text:
            return []
        normalized = same_length_wording(normalize(text))
        lowered = full_lower = normalized.lower()
        if len(lowered) != len(normalized):  # why: a few non-ASCII capitals lower-case to two characters
            lowered = normalized.translate(_LOWER)
        home = self.vocabulary.places.home
        figure_starts, period_starts = shared_trigger_starts(_TRIGGERS, self._trigger_words, lowered)
        state = DocumentState(
            lowered=lowered,
            matchable=match_text(lowered),
            figure_starts=TriggerIndex(FIGURE_TRIGGER, lowered, figure_starts),
            period_starts=TriggerIndex(PERIOD_TRIGGER, lowered, period_starts),
            last_entity=home,
            topic=home,
        )
        # why: a company named in a sentence with no figure matters only to a later "the company"; most
        # articles never say it, and the scan of every such sentence would cost them a tenth of their time
        state.refers_to_companies = any(words in lowered for words in COMPANY_ANAPHORS)
        if "该公司" in normalized or "该企业" in normalized:
            state.places_before_companies = self.vocabulary.places.place_names_zh
        cited = _read_jurisdiction(headline or "", normalized, state, self.vocabulary.places)
        title = normalize(headline) if headline else ""
        # the headline and the first two lines (a byline or "Published:" line may come first)
        lede = "\n".join(line[:_SUPPLY_REACH] for line in normalized.split("\n", 2)[:2])
        state.supplied_partner = supplied_partner(title + "\n" + lede)
        named_in_title = headline_partners(title, self.vocabulary.places)
        state.source_partner = source_partner(title, named_in_title)
        state.trade_partner = trade_partner(title, named_in_title)
        if (
            "粤" in normalized
            or "粤" in title
            or any(
                not self.vocabulary.places.is_partner_zh(side.group()[1:])
                for side in _PARTNER_SIDE.finditer(normalized)
            )
        ):
            # why: only an article that cuts a partner to 粤X or X方 needs every partner it names
            named = [*named_in_title, *self.vocabulary.places.find_partners(state.matchable)]
            state.named_partners = tuple(dict.fromkeys(name for _, _, name in named))
        if headline:
            _read_headline(title, published, state, self.vocabulary, jurisdiction_cited=cited)
        for sentence in split_sentences(normalized, full_lower):
            if sentence.paragraph != state.paragraph:
                state.start_paragraph(sentence.paragraph)
            _read_sentence(text, normalized, sentence, published, self.vocabulary, state)
        return state.observations


def extract_observations(
    text: str,
    *,
    published: datetime.date | None,
    catalogue: MetricCatalogue,
    headline: str | None = None,
    gazetteer: Gazetteer | None = None,
) -> list[Observation]:
    """Compile a :class:`FigureExtractor` and extract one article's figures (for one-off calls and tests).

    Args:
        text: the cleaned article text.
        published: publication date.
        catalogue: the metrics catalogue.
        headline: the article's title.
        gazetteer: places and partners; None reads the packaged ``config/gazetteer.toml``.

    Returns:
        As :meth:`FigureExtractor.extract`.
    """
    if gazetteer is None:
        from gdwatch.config.loader import load_gazetteer  # why: the one-off path only; runs pass theirs

        gazetteer = load_gazetteer()
    return FigureExtractor(catalogue, gazetteer).extract(text, published=published, headline=headline)


_SUPPLY_REACH = 120
"""How much of each of the first two lines is read for Guangdong's supply to Hong Kong or Macao."""
_TOWN_AFTER = re.compile(r"\s+(?:town|township|village)\b", re.I)
_LEDE_REACH = 300
"""How much of the first paragraph, after the headline, is read for the agency that reported it."""
_BYLINE_LENGTH = 40
_HOME_KINDS = frozenset({"province", "city", "district", "region"})


def _read_jurisdiction(headline: str, normalized: str, state: DocumentState, places: PlaceIndex) -> bool:
    """Make Taiwan, Hong Kong or Macao the topic when the headline or lede cites its own statistics agency
    or wire service ("（中央社记者…台北9日电）财政部今天公布5月出口值…") and names no place of home; True
    when it did."""
    paragraphs = normalized[:_LEDE_REACH].split("\n", 2)
    # a byline on its own line ("工商時報 記者 陳碧芬／台北報導") is not yet the lede
    lede = "\n".join(paragraphs[:2]) if len(paragraphs[0]) < _BYLINE_LENGTH else paragraphs[0]
    place = places.jurisdiction(normalize(headline) + "\n" + lede)
    if place is None:
        return False
    # why: the lede says whose figures follow; a headline may name home as a share of the place's
    # figures ("前10月對陸投資年減逾1成 廣東占比升至24%")
    if any(m.valid and m.kind in _HOME_KINDS for m in find_entities(lede, places)):
        return False
    if received_from_home(lede):
        return False  # "本港上月从广东输入西兰花5860吨": the goods Guangdong supplied, cited from Hong Kong
    state.topic = state.last_entity = place
    return True


def _read_headline(
    title: str,
    published: datetime.date | None,
    state: DocumentState,
    vocabulary: Vocabulary,
    jurisdiction_cited: bool = False,
) -> None:
    """Put the period a headline states in force ("前三季度广东外贸增长3.7%"), and make the place, company
    or event it is about the article's topic ("Shenzhen's foreign trade hits record"), unless the lede cites
    Hong Kong's, Macao's or Taiwan's own statistics (澳门统计暨普查局…: a place of home the headline also
    names, 横琴, has the later figures its own paragraphs give it). ``title`` is the normalized headline."""
    lowered = title.translate(_LOWER)
    state.remember_periods(find_periods(title, published, None, lowered), None, lowered)
    traded = headline_traded_part(lowered, vocabulary.segments) or headline_written_part(
        title, BEFORE_WHOLE_PHRASE_EN, vocabulary.subjects.leading_words
    )
    if traded is not None:
        # "Jiangmen motorcycle exports hit record": the trade figures that name no goods are the motorcycles'
        state.part_in_force, state.headline_part = traded, True
    state.article_flow = traded[0] if traded is not None else headline_flow(lowered)
    state.companies.update(find_introduced(title, headline=True, places=state.places_before_companies))
    mentions = find_entities(title, vocabulary.places, state.companies)
    state.company_entities.update(m.name for m in mentions if m.kind == "company" and m.name)
    for mention in mentions:
        if mention.valid and mention.kind in TOPIC_KINDS:
            if jurisdiction_cited and mention.kind in _HOME_KINDS:
                break
            # "Shunde town hooks overseas anglers": a town of the district named, which the lede names
            a_town_of_it = _TOWN_AFTER.match(title, mention.end) is not None
            state.topic, state.headline_topic = mention.name, not a_town_of_it
            if mention.kind in {"company", "event"}:
                # "公司全年实现营业收入…", "本届展会…": the company or the fair the headline names
                state.last_entity = mention.name
            break


def _read_lede_company(body: str, state: DocumentState, vocabulary: Vocabulary) -> None:
    """Make a company the topic when a lede with no figure opens with it ("Kestrel Power Technology Co., a
    Huizhou-based maker of lithium batteries, reported first-half net income that beat estimates"): the
    figures after it are the company's ("Net income rose 22% ..., the company said")."""
    # why: only a mention starting in the first _LEDE_SUBJECT_REACH characters counts; the rest of a long
    # sentence is not searched (a name and its apposition starting there end well within this)
    lede = body[: 4 * _LEDE_SUBJECT_REACH]
    if not may_name_a_company(lede, vocabulary.places, state.companies):
        return  # why: most ledes name no company, and the whole scan for places and companies is slower
    mentions = find_entities(lede, vocabulary.places, state.companies)
    _note_companies(mentions, state, vocabulary)
    for mention in mentions:
        if mention.start > _LEDE_SUBJECT_REACH:
            return
        if mention.valid and mention.kind == "company":
            state.topic = state.last_entity = mention.name
            state.company_entities.add(mention.name)
            return


_PARTNER_SIDE = re.compile(r"[对自向从往至同与][\u4e00-\u9fff][方国]")
"""A partner cut to one character and 方 ("side"): 自莫方采购, 同莫方有贸易往来的."""
_LEDE_SUBJECT_REACH = 40
"""How far into a lede its subject may start: after a dateline and a wire credit ("(Bloomberg) -- ")."""


def _read_sentence(
    text: str,
    normalized: str,
    sentence: Sentence,
    published: datetime.date | None,
    vocabulary: Vocabulary,
    state: DocumentState,
) -> None:
    if sentence.boilerplate:
        return
    body = normalized[sentence.start : sentence.end]
    state.companies.update(find_introduced(body, places=state.places_before_companies))
    state.towns.update(introduced_towns(body, vocabulary.places))
    state.note_event_days(body, published)
    figure_starts = state.figure_starts.between(sentence.start, sentence.end)
    # find_figures reads nothing of the state, so it may come before the periods are read
    figures = (
        find_figures(body, state.lowered[sentence.start : sentence.end], figure_starts)
        if figure_starts
        else []
    )
    if not figures:
        # why: a sentence without figures matters only as period context for a later figure sentence, so
        # its periods are read, in order, only when such a sentence comes (none after the last one)
        state.pending.append(sentence)
        if not state.topic_read:
            _read_lede_company(body, state, vocabulary)
        elif state.refers_to_companies and may_name_a_company(body, vocabulary.places, state.companies):
            companies = find_entities(body, vocabulary.places, state.companies, places_too=False)
            _note_companies(companies, state, vocabulary)
        return
    state.read_pending(normalized, published)
    periods = state.read_periods(normalized, sentence, published)
    facts = sentence_facts(normalized, sentence, state, vocabulary, periods, figures)
    read_figures(text, facts, state, published, EXTRACTOR_VERSION)
    _note_companies(facts.entities, state, vocabulary)
    state.remember_periods(periods, sentence)


def _note_companies(mentions: list[EntityMention], state: DocumentState, vocabulary: Vocabulary) -> None:
    """Remember the companies a sentence names: the last one for "the company" in a later sentence, and
    each English name's short form for a later "Ridgewave plans ..." (see :func:`entities.short_name`)."""
    for mention in mentions:
        if mention.kind != "company" or not mention.name:
            continue
        state.last_company = mention.name
        short = short_name(mention.name, vocabulary.places)
        if short is not None:
            state.companies.setdefault(short, mention.name)
