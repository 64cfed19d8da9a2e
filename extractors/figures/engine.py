"""Extract the figures an article reports as :class:`extractors.records.Observation` records.

The public entry point is :func:`extract_observations`: pure, no I/O, never raises on any string.
Figures are found per sentence (:mod:`extractors.figures`), then each gets its context: the nearest
catalogue phrase that fits its unit and role (metric), the period attached to it (its clause, else
earlier in the sentence, else later in the sentence, else the paragraph), who it is about (entity),
the trade partner, and whether it is a projection. Range, conversion and list rules are documented
in :mod:`extractors.figures`; declines are negative ("fell 2.1%" -> -2.1).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from gdwatch.config.models import MetricCatalogue, MetricDefinition
from gdwatch.extractors.figures import context as ctx
from gdwatch.extractors.figures.finder import TRIGGER as FIGURE_TRIGGER
from gdwatch.extractors.figures.finder import Figure, find_figures
from gdwatch.extractors.figures.matcher import (
    PARTNERS,
    CatalogueMatcher,
    PhraseHit,
    compile_catalogue,
    find_partners,
    match_text,
)
from gdwatch.extractors.figures.numbers import normalize
from gdwatch.extractors.figures.periods import TRIGGER as PERIOD_TRIGGER
from gdwatch.extractors.figures.periods import PeriodMention, explicit_year, find_periods
from gdwatch.extractors.figures.scan import TriggerIndex
from gdwatch.extractors.figures.sentences import Sentence, clause_bounds, clause_breaks, split_sentences
from gdwatch.extractors.records import Observation

EXTRACTOR_VERSION = "metrics-1.0.0"

_UNIT_KINDS = {
    "currency": {"currency", "any"},
    "percent": {"percent", "ratio", "any"},
    "pp": {"percent", "pp", "ratio", "any"},
    "count": {"count", "any"},
    "years": {"years", "any"},
}
_ALLOWED_BEFORE_EN = frozenset(
    [
        "the",
        "its",
        "their",
        "his",
        "her",
        "our",
        "total",
        "national",
        "provincial",
        "nationwide",
        "global",
        "overall",
        "annual",
        "combined",
        "and",
        "of",
        "in",
        "on",
        "with",
        "while",
        "whereas",
        "that",
        "which",
        "as",
        "but",
        "by",
        "for",
        "to",
        "from",
        "whose",
        "year",
        "full-year",
        "quarterly",
        "monthly",
        "last",
        "this",
        "a",
        "an",
        "said",
        "where",
        "when",
        "province",
        "city",
        "country",
        "nation",
        "lift",
        "boost",
        "raise",
        "drive",
        "promote",
        "expand",
        "increase",
        "grow",
        "help",
        "support",
        "stabilise",
        "stabilize",
        "keep",
        "make",
    ]
)
_INDUSTRY_WORDS = ("industry", "industries", "cluster", "clusters", "sector", "sectors", "manufacturing")
_ZH_ALLOWED_PREFIX = re.compile(
    r"(?:全省|全市|全国|我国|中国|广东省|广东|其中|同期|目前|今年|去年|明年|\d{4}年|年|[上下]半年|前?[一二三四]季度|"
    r"\d+(?:-\d+)?月份?|实现|完成|全年|当年|外贸|货物贸易|消费品|总|"
    r"共建|一带一路|对|与|向|从|同|、|市|力争|预计|预期|有望|将|计划|争取|推动|实现|带动|拉动|促进|提升|提高|累计|合计|"
    + "|".join(ctx.CITIES.values())
    + "|"
    + "|".join(form for forms in ctx.COMPANIES.values() for form in forms if not form.isascii())
    + r"|集团)+$"
)
_ZH_PARTNER_PREFIX = re.compile(
    r"[对与向从同](?:共建)?(?:"
    + "|".join(v.replace(" ", "") for names in PARTNERS.values() for v in names if not v.isascii())
    + r")(?:、(?:"
    + "|".join(v.replace(" ", "") for names in PARTNERS.values() for v in names if not v.isascii())
    + r"))*$"
)
_ZH_INDUSTRY = ("产业", "集群", "工业", "行业", "制造业", "企业")
_GENERIC_GOODS = re.compile(r"^\s+of\s+(?:[\w-]+\s+){0,2}?(?:goods|products|commodities|services)\b", re.I)
_SUBSET_OF = re.compile(r"^\s+of\s+(?!the\b|its\b|their\b|\d|[A-Z])[a-z]")
_IN_AFTER = re.compile(
    r"^\s*(?:(?:increase|rise|growth|decline|drop)\s+)?in\s+(?:the\s+)?(?:[\w&-]+\s+){0,3}$", re.I
)
_IN_SUBJECT = re.compile(
    r"^\s+in\s+(?!the\s+(?:first|second|third|fourth|same|past|last|next|end)\b|(?:spring|summer|autumn|winter|"
    r"total|all|january|february|march|april|may|june|july|august|september|october|november|december)\b)[a-z]"
)
_EN_NO_SUBJECT = frozenset(
    [
        "while",
        "whereas",
        "and",
        "but",
        "up",
        "down",
        "rose",
        "grew",
        "fell",
        "hit",
        "reached",
        "totaled",
        "totalled",
        "came",
        "to",
        "was",
        "were",
        "is",
        "are",
        "growing",
        "rising",
        "accounting",
        "accounted",
        "for",
        "a",
        "an",
        "or",
        "with",
        "of",
        "the",
        "by",
        "increase",
        "percent",
        "could",
        "would",
        "reach",
        "remained",
        "stood",
        "at",
        "year-on-year",
        "higher",
        "lower",
        "compared",
        "than",
        "after",
        "expanding",
        "expanded",
        "climbed",
        "jumped",
        "surged",
        "dropped",
        "declined",
        "edged",
        "in",
        "its",
        "it",
        "their",
        "reaching",
        "worth",
        "now",
        "alone",
        "making",
        "made",
        "up",
        "over",
        "more",
        "about",
        "nearly",
        "almost",
        "around",
        "some",
        "roughly",
        "approximately",
        "less",
        "below",
        "above",
        "exceeded",
        "surpassed",
        "topped",
        "hitting",
        "totaling",
        "totalling",
    ]
)
_ZH_NO_SUBJECT = re.compile(
    r"^(?:同比|比上年|较上年|增长|下降|增|降|达到|达|占|约|为|是|其中|提高|提升|上升|实现|超过|超|突破|居|分别|累计|共计|"
    r"合计|减少|回落|下滑|比|较|逾|近|接近|将近|不到|不足|至少)"
)
_ZH_TIME_OR_PLACE = re.compile(
    r"(?:\d{4}年|前?[一二三四]季度|[上下]半年|\d+月份?|今年|去年|目前|同期|全省|全市|全国|"
    + "|".join(ctx.CITIES.values())
    + r"|市)+"
)
_GENERIC_DENOMINATOR = re.compile(
    r"^\s*(?:of\s+(?:the\s+|its\s+|their\s+|[A-Z][a-z]+'s\s+|the\s+(?:country|province|city|nation)'s\s+)*"
    r"(?:total|output|national|whole|them|it|all|country|nation|province|production)\b|$|[,;.)。；，！？!?]|的(?:份额|比重))"
)


def _has_own_subject(clause_before: str) -> bool:
    """Whether a clause names its own subject before the figure (then earlier clauses are not its subject)."""
    text = clause_before.strip()
    if not text:
        return False
    if text[0].isascii():
        words = re.findall(r"[A-Za-z][A-Za-z'’-]*", text)
        content = [w for w in words if w.lower() not in _EN_NO_SUBJECT and not w[0].isupper()]
        return bool(content)
    rest = _ZH_TIME_OR_PLACE.sub("", text.lstrip("，,；;"))
    for forms in ctx.COMPANIES.values():
        for form in forms:
            rest = rest.replace(form, "")
    return bool(rest) and not _ZH_NO_SUBJECT.match(rest)


def _own_share_subject(after: str) -> bool:
    """ "three-quarters of the city's exporters": the share names its own subject after the figure."""
    return not _GENERIC_DENOMINATOR.match(after)


_ADJACENT_WORD = re.compile(r"[A-Za-z&'’-]\s*$")
_LOWER = str.maketrans({chr(c): chr(c + 32) for c in range(65, 91)})
_RESPECTIVELY = re.compile(r"\brespectively\b|分别")
_LIST_SPLIT = re.compile(r"\s*,\s*and\s+|\s*,\s*|\s+and\s+|[、和及]")
_CONTINUE_LIST = re.compile(
    r"^(?:\s*[A-Za-z\u4e00-\u9fff]{0,6})?(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+|[、和及])$"
)


@dataclass
class _State:
    """What earlier sentences tell later ones, and what is computed once for the whole text."""

    lowered: str
    """The whole text with ASCII letters lower-cased (same offsets)."""
    matchable: str
    """The whole text as :func:`extractors.metrics_matcher.match_text` returns it."""
    figure_starts: TriggerIndex
    period_starts: TriggerIndex
    paragraph: int = -1
    paragraph_period: str | None = None
    paragraph_year: int | None = None
    last_entity: str = "Guangdong"
    observations: list[Observation] = field(default_factory=list)
    pending: list[Sentence] = field(default_factory=list)
    """Sentences of the current paragraph whose periods are not read yet."""


def extract_observations(
    text: str, *, published: datetime.date | None, catalogue: MetricCatalogue
) -> list[Observation]:
    """Extract every figure an article's text reports.

    Args:
        text: the cleaned article text (paragraphs separated by newlines).
        published: publication date, against which "last year", "currently", 今年 are read.
        catalogue: the metrics catalogue (``config.loader.load_metrics()``).

    Returns:
        One Observation per figure, in text order. ``text[o.start:o.end]`` is the figure as written.
    """
    if not text:
        return []
    matcher = compile_catalogue(catalogue)
    normalized = normalize(text)
    lowered = full_lower = normalized.lower()
    if len(lowered) != len(normalized):  # why: a few non-ASCII capitals lower-case to two characters
        lowered = normalized.translate(_LOWER)
    state = _State(
        lowered=lowered,
        matchable=match_text(lowered),
        figure_starts=TriggerIndex(FIGURE_TRIGGER, lowered),
        period_starts=TriggerIndex(PERIOD_TRIGGER, lowered),
    )
    for sentence in split_sentences(normalized, full_lower):
        if sentence.paragraph != state.paragraph:
            state.paragraph = sentence.paragraph
            state.paragraph_period = None
            state.paragraph_year = None
            state.pending.clear()
        _process_sentence(text, normalized, sentence, published, matcher, state)
    return state.observations


def _process_sentence(
    text: str,
    normalized: str,
    sentence: Sentence,
    published: datetime.date | None,
    matcher: CatalogueMatcher,
    state: _State,
) -> None:
    if sentence.boilerplate:
        return
    figure_starts = state.figure_starts.between(sentence.start, sentence.end)
    if not figure_starts:
        # why: a sentence without numbers matters only as period context for a later figure sentence
        # of its paragraph, so its periods are read only when such a sentence comes
        state.pending.append(sentence)
        return
    for earlier in state.pending:
        _read_periods(normalized, earlier, published, state)
    state.pending.clear()
    body = normalized[sentence.start : sentence.end]
    lowered = state.lowered[sentence.start : sentence.end]
    periods = _read_periods(normalized, sentence, published, state, update=False)
    figures = find_figures(body, lowered, figure_starts)
    if figures:
        entities = ctx.find_entities(body)
        reader = _SentenceReader(
            text, normalized, sentence, published, matcher, state, periods, entities, figures
        )
        reader.read()
    _remember_periods(periods, state)


def _read_periods(
    normalized: str, sentence: Sentence, published: datetime.date | None, state: _State, update: bool = True
) -> list[PeriodMention]:
    starts = state.period_starts.between(sentence.start, sentence.end)
    if not starts:
        return []
    body = normalized[sentence.start : sentence.end]
    lowered = state.lowered[sentence.start : sentence.end]
    periods = find_periods(body, published, state.paragraph_year, lowered, starts)
    if update:
        _remember_periods(periods, state)
    return periods


def _remember_periods(periods: list[PeriodMention], state: _State) -> None:
    own = [m for m in periods if not m.base]
    if own:
        state.paragraph_period = own[-1].period
        state.paragraph_year = explicit_year(own) or state.paragraph_year


class _SentenceReader:
    """Gives every figure of one sentence its metric, period, entity, partner and projection."""

    def __init__(
        self,
        text: str,
        normalized: str,
        sentence: Sentence,
        published: datetime.date | None,
        matcher: CatalogueMatcher,
        state: _State,
        periods: list[PeriodMention],
        entities: list[ctx.EntityMention],
        figures: list[Figure],
    ) -> None:
        body = normalized[sentence.start : sentence.end]
        self.text, self.body, self.sentence, self.published = text, body, sentence, published
        self.normalized = normalized
        self.state, self.entities, self.figures = state, entities, figures
        self.periods = [m for m in periods if not m.base]
        self.lowered = state.matchable[sentence.start : sentence.end]
        self.matcher = matcher
        self.hits = [h for h in matcher.find(self.lowered) if self._hit_is_whole(h)]
        self.partners = find_partners(self.lowered)
        self.first_index = len(state.observations)
        self.breaks = clause_breaks(body)
        self.cues = ctx.projection_cues(state.lowered[sentence.start : sentence.end])

    def _clause(self, position: int) -> tuple[int, int]:
        return clause_bounds(self.body, position, self.breaks)

    def read(self) -> None:
        groups = self._respectively_items()
        sentence_entity: str | None = None
        for index, figure in enumerate(self.figures):
            if figure.conversion_of is not None:
                self._emit_conversion(figure)
                continue
            before = self._window_before(index)
            after = self.body[figure.end : figure.end + 40]
            role = self._role(figure, before, after)
            value = figure.value
            if figure.kind in {"percent", "pp"} and role == "growth" and ctx.is_decline(before, after):
                value = -value
            item = groups.get(index)
            hit = self._choose_hit(index, figure, role, item)
            metric = self._choose_metric(index, figure, role, hit)
            partner = self._partner(figure, hit, item)
            entity = self._entity(figure, item, sentence_entity)
            sentence_entity = sentence_entity or entity
            cue = self._projection_cue(figure)
            period = self._period(figure, cue)
            projection = self._is_projection(figure, cue, period)
            unit = self._unit(index, figure)
            subject = self.body[hit.start : hit.end] if hit else (unit if figure.kind == "count" else "")
            self._emit(figure, value, unit, metric, subject, entity, partner, period, projection)

    def _emit(
        self,
        figure: Figure,
        value: float,
        unit: str,
        metric: MetricDefinition | None,
        subject: str,
        entity: str,
        partner: str | None,
        period: str | None,
        projection: bool,
        conversion_of: int | None = None,
    ) -> None:
        start = self.sentence.start + figure.start
        end = self.sentence.start + figure.end
        self.state.observations.append(
            Observation(
                metric=metric.key if metric else None,
                subject=subject,
                entity=entity,
                partner=partner,
                period=period,
                value=value,
                unit=unit,
                qualifier=figure.qualifier,  # type: ignore[arg-type]
                projection=projection,
                quote=self.text[self.sentence.start : self.sentence.end],
                start=start,
                end=end,
                extractor_version=EXTRACTOR_VERSION,
                resolution=figure.resolution,
                conversion_of=conversion_of,
            )
        )
        self.state.last_entity = entity

    def _emit_conversion(self, figure: Figure) -> None:
        original_index = self.first_index + (figure.conversion_of or 0)
        original = self.state.observations[original_index]
        self.state.observations.append(
            Observation(
                metric=original.metric,
                subject=original.subject,
                entity=original.entity,
                partner=original.partner,
                period=original.period,
                value=figure.value,
                unit=figure.unit,
                qualifier=figure.qualifier,  # type: ignore[arg-type]
                projection=original.projection,
                quote=original.quote,
                start=self.sentence.start + figure.start,
                end=self.sentence.start + figure.end,
                extractor_version=EXTRACTOR_VERSION,
                resolution=figure.resolution,
                conversion_of=original_index,
            )
        )

    # --- windows and roles -------------------------------------------------------------------

    def _window_before(self, index: int) -> str:
        figure = self.figures[index]
        clause_start, _ = self._clause(figure.start)
        previous_end = self.figures[index - 1].end if index else 0
        return self.body[max(clause_start, previous_end) : figure.start]

    def _role(self, figure: Figure, before: str, after: str) -> str:
        if figure.kind not in {"percent", "pp"}:
            return "level"
        if figure.resolution == 0.0 and figure.kind == "percent":
            return "share"
        return ctx.percent_role(before, after)

    # --- metric ------------------------------------------------------------------------------

    def _hit_is_whole(self, hit: PhraseHit) -> bool:
        """False for a phrase that names a subset: "exports of drones", 无人机出口, "overseas revenue"."""
        if all(metric.unit_kind == "count" or _role_of(metric) == "share" for metric in hit.metrics):
            return True
        found = self.body[hit.start : hit.end]
        if found[:1].isascii():
            words = re.findall(r"[A-Za-z][A-Za-z&'’-]*", self.body[max(0, hit.start - 30) : hit.start])
            if words:
                word = words[-1]
                lower = word.lower()
                adjacent = _ADJACENT_WORD.search(self.body, max(0, hit.start - 30), hit.start) is not None
                allowed = (
                    lower in _ALLOWED_BEFORE_EN
                    or lower.endswith(("'s", "’s", "ed", "ing"))
                    or word[0].isupper()
                    or lower in _INDUSTRY_WORDS
                    or found.lower().startswith(_INDUSTRY_WORDS)
                )
                if adjacent and not allowed:
                    return False
            rest = self.body[hit.end : hit.end + 40]
            return not (_SUBSET_OF.match(rest) and not _GENERIC_GOODS.match(rest))
        run = re.search(r"[\u4e00-\u9fff、“”]*$", self.body[max(0, hit.start - 16) : hit.start])
        prefix = (run.group() if run else "").replace("“", "").replace("”", "")
        prefix = _ZH_PARTNER_PREFIX.sub("", prefix)
        prefix = re.split(r"[、是的了在个有为和及]", prefix)[-1]
        if not prefix or prefix.endswith(_ZH_INDUSTRY):
            return True
        return bool(_ZH_ALLOWED_PREFIX.fullmatch(prefix))

    def _candidates(self, hit: PhraseHit, figure: Figure, role: str) -> list[MetricDefinition]:
        kinds = _UNIT_KINDS[figure.kind]
        fitting = [m for m in hit.metrics if m.unit_kind in kinds]
        if figure.kind in {"percent", "pp"}:
            fitting = [m for m in fitting if _role_of(m) in {role, "level"} or role == "level"]
            fitting.sort(key=lambda m: (_role_of(m) != role, _role_of(m) != "level"))
        return fitting

    def _choose_hit(self, index: int, figure: Figure, role: str, item: tuple | None) -> PhraseHit | None:
        if item is not None and item[0] is not None:
            return item[0] if self._candidates(item[0], figure, role) else None
        if item is not None and item[2]:
            return None
        clause_start, clause_end = self._clause(figure.start)
        next_start = self.figures[index + 1].start if index + 1 < len(self.figures) else len(self.body)
        right_limit = min(clause_end, next_start)
        right = [
            h for h in self.hits if figure.end <= h.start < right_limit and self._candidates(h, figure, role)
        ]
        after = self.body[figure.end : right_limit]
        if figure.kind == "count":
            if right:
                return right[0]
            if figure.noun_after:
                return None
        elif right and _IN_AFTER.match(self.body[figure.end : right[0].start]):
            return right[0]
        elif figure.kind == "currency" and _IN_SUBJECT.match(after):
            return None
        usable = [h for h in self.hits if self._candidates(h, figure, role)]
        in_clause = [h for h in usable if clause_start <= h.start and h.end <= figure.start]
        if in_clause:
            return in_clause[-1]
        inside = [h for h in usable if h.start < figure.start < h.end]
        if inside:
            return inside[0]
        if role == "share" and figure.kind == "percent":
            if right:
                return right[0]
            if _own_share_subject(after):
                return None
        if not _has_own_subject(self.body[clause_start : figure.start]):
            earlier = [h for h in usable if h.end <= clause_start]
            if earlier:
                return earlier[-1]
        return None

    def _choose_metric(
        self, index: int, figure: Figure, role: str, hit: PhraseHit | None
    ) -> MetricDefinition | None:
        if figure.kind == "pp":
            inherited = self._inherit_from_previous_percent(index)
            if inherited is not None:
                return inherited
        if hit is None:
            return None
        candidates = self._candidates(hit, figure, role)
        return candidates[0] if candidates else None

    def _inherit_from_previous_percent(self, index: int) -> MetricDefinition | None:
        """A change in percentage points right after a share or level keeps that figure's metric."""
        for previous in range(index - 1, -1, -1):
            figure = self.figures[previous]
            if figure.conversion_of is not None:
                continue
            if figure.kind != "percent":
                return None
            observation = self.state.observations[self.first_index + previous]
            return self._metric_by_key(observation.metric) if observation.metric else None
        return None

    def _metric_by_key(self, key: str) -> MetricDefinition | None:
        for hit in self.hits:
            for metric in hit.metrics:
                if metric.key == key and _role_of(metric) != "growth":
                    return metric
        return None

    # --- respectively ------------------------------------------------------------------------

    def _respectively_items(self) -> dict[int, tuple[PhraseHit | None, str | None, bool]]:
        """Pair the figures of a "respectively"/分别 list with the list of subjects before them."""
        # why: the pattern starts with \b, so its scan tries every offset; the words are rarely there
        if "respectively" not in self.body and "分别" not in self.body:
            return {}
        marker = _RESPECTIVELY.search(self.body)
        if marker is None:
            return {}
        group = self._list_group(marker.start())
        if len(group) < 2:
            return {}
        first = self.figures[group[0]]
        clause_start, _ = self._clause(first.start)
        previous_end = max((f.end for f in self.figures[: group[0]]), default=0)
        region_start = max(clause_start, previous_end)
        region = self.body[region_start : first.start]
        pieces = [(m.start(), m.end()) for m in _LIST_SPLIT.finditer(region)]
        bounds = [0, *[p[1] for p in pieces]]
        ends = [*[p[0] for p in pieces], len(region)]
        items = [(region_start + s, region_start + e) for s, e in zip(bounds, ends, strict=True)]
        if len(items) < len(group):
            return {}
        items = items[-len(group) :]
        result: dict[int, tuple[PhraseHit | None, str | None, bool]] = {}
        # why: each item is matched on its own, so "exports and imports" splits into its two subjects
        with_hits = [
            [
                shifted
                for h in self.matcher.find(self.lowered[s:e])
                if self._hit_is_whole(shifted := PhraseHit(h.start + s, h.end + s, h.metrics, h.partner))
            ]
            for s, e in items
        ]
        partners = [[p for p in self.partners if s <= p[0] and p[1] <= e] for s, e in items]
        distribute_partners = all(partners)
        distribute_hits = any(with_hits) and not distribute_partners
        for figure_index, item_hits, item_partners in zip(group, with_hits, partners, strict=True):
            hit = item_hits[-1] if (distribute_hits and item_hits) else None
            partner = item_partners[-1][2] if distribute_partners else None
            result[figure_index] = (hit, partner, distribute_hits and not item_hits)
        return result

    def _list_group(self, marker: int) -> list[int]:
        indexes = [i for i, f in enumerate(self.figures) if f.conversion_of is None]
        if self.body[marker : marker + 2] == "分别":
            chosen = [i for i in indexes if self.figures[i].start > marker]
        else:
            chosen = [i for i in indexes if self.figures[i].end <= marker]
            chosen.reverse()
        group: list[int] = []
        for index in chosen:
            if group:
                left, right = sorted((self.figures[group[-1]], self.figures[index]), key=lambda f: f.start)
                if not _CONTINUE_LIST.match(self.body[left.end : right.start]):
                    break
            group.append(index)
        return sorted(group)

    # --- partner, entity ---------------------------------------------------------------------

    def _partner(self, figure: Figure, hit: PhraseHit | None, item: tuple | None) -> str | None:
        if item is not None and item[1]:
            return item[1]
        if hit is None:
            return None
        if hit.partner:
            return hit.partner
        for start, end, name in self.partners:
            if hit.end <= start and re.fullmatch(r"\s+(?:to|with|from)\s+", self.lowered[hit.end : start]):
                return name
            if (
                end <= hit.start
                and re.search(r"[对与向从同](?:共建)?\s*$", self.lowered[max(0, start - 4) : start])
                and re.fullmatch(r"[\s、\u4e00-\u9fff]{0,12}", self.lowered[end : hit.start])
            ):
                between = self.lowered[end : hit.start]
                if all(find_partners(piece) for piece in between.split("、")[1:]) or "、" not in between:
                    return name
        return None

    def _entity(self, figure: Figure, item: tuple | None, sentence_entity: str | None) -> str:
        clause_start, clause_end = self._clause(figure.start)
        valid = [m for m in self.entities if m.valid]
        in_clause = [m for m in valid if clause_start <= m.start < clause_end]
        chosen = self._pick(in_clause)
        if chosen is None:
            earlier = [m for m in valid if m.start < clause_start]
            chosen = self._pick(earlier)
        if chosen is not None:
            return self._resolve(chosen)
        if ctx.has_anaphor(self.body[: figure.start]) or ctx.has_anaphor(self.body[clause_start:clause_end]):
            return sentence_entity or self.state.last_entity
        return "Guangdong"

    @staticmethod
    def _pick(mentions: list[ctx.EntityMention]) -> ctx.EntityMention | None:
        companies = [m for m in mentions if m.kind == "company"]
        if companies:
            return companies[0]
        return mentions[0] if mentions else None

    def _resolve(self, mention: ctx.EntityMention) -> str:
        if mention.kind == "city_ref":
            earlier = [m for m in self.entities if m.kind == "city" and m.valid and m.start < mention.start]
            if earlier:
                return earlier[-1].name
            # why: "the city" is rare, so earlier sentences are searched for a city only when it is used
            before = ctx.find_entities(self.normalized[: self.sentence.start])
            cities = [m for m in before if m.kind == "city" and m.valid]
            return cities[-1].name if cities else "Guangdong"
        return mention.name

    # --- period, projection ------------------------------------------------------------------

    def _projection_cue(self, figure: Figure) -> bool:
        _, clause_end = self._clause(figure.start)
        return any(cue < figure.start or figure.end <= cue < clause_end for cue in self.cues)

    def _period(self, figure: Figure, cue: bool) -> str | None:
        if not self.periods:
            return self.state.paragraph_period
        clause_start, clause_end = self._clause(figure.start)
        in_clause = [m for m in self.periods if clause_start <= m.start < clause_end]
        if in_clause:
            end = self._effective_end(figure)
            return min(
                in_clause, key=lambda m: _distance(m, figure, end) - self._attached_after(m, end)
            ).period
        earlier = [m for m in self.periods if m.end <= figure.start]
        if earlier:
            return earlier[-1].period
        later = [
            m for m in self.periods if m.start >= figure.end and (cue or not self._in_projection_clause(m))
        ]
        if later:
            return later[0].period
        return self.state.paragraph_period

    def _attached_after(self, mention: PeriodMention, end: int) -> float:
        """Half a character of preference for "X in 2025" over "2021 to X": English dates follow figures."""
        return (
            0.5 if mention.start >= end and re.match(r"\s*(?:in|by|during|as of)\b", self.body[end:]) else 0.0
        )

    def _effective_end(self, figure: Figure) -> int:
        """Where a count's noun ends ("12 trillion-yuan clusters"), so "by 2028" after it is close."""
        if figure.kind == "count" and figure.noun_after:
            found = self.body.find(figure.unit, figure.end, figure.end + 60)
            if found != -1:
                return found + len(figure.unit)
        return figure.end

    def _in_projection_clause(self, mention: PeriodMention) -> bool:
        start, end = self._clause(mention.start)
        return any(start <= cue < end for cue in self.cues)

    def _is_projection(self, figure: Figure, cue: bool, period: str | None) -> bool:
        if figure.from_low:
            return False
        first, last = _period_years(period)
        if self.published is not None and first is not None:
            if first > self.published.year:
                return True
            if last is not None and last < self.published.year:
                return False
        return cue

    def _unit(self, index: int, figure: Figure) -> str:
        if figure.to_high and figure.kind == "count":
            for previous in reversed(self.figures[:index]):
                if previous.from_low and previous.kind == "count":
                    return previous.unit
        return figure.unit


def _role_of(metric: MetricDefinition) -> str:
    if metric.key.endswith("_growth"):
        return "growth"
    if metric.key.endswith("_share"):
        return "share"
    return "level"


def _distance(mention: PeriodMention, figure: Figure, end: int) -> int:
    if mention.end <= figure.start:
        return figure.start - mention.end
    if mention.start >= end:
        return mention.start - end
    return 0


def _period_years(period: str | None) -> tuple[int | None, int | None]:
    if not period or not period[:4].isdigit():
        return None, None
    last = period.rsplit("..", 1)[-1]
    return int(period[:4]), int(last[:4]) if last[:4].isdigit() else None
