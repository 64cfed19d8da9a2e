"""What earlier sentences of an article tell later ones: the period in force, the last entity, and what is
computed once for the whole text (lower-cased text, where numbers and periods may start).

The period in force is the one a reader carries from the headline, the lede and earlier paragraphs to a
figure whose sentence names none (docs/figure-labels-v2.md, rules 1, 2 and 6): a sentence's first own
period that is not a comparison base, not a target's date and not a passing "last year" puts it in force
until another one comes. A point in time ("as of the end of June") is in force for counts only; flows
keep the last span.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from gdwatch.config.models import MetricDefinition
from gdwatch.extractors.figures.periods import PeriodMention, explicit_year, find_periods, period_bounds
from gdwatch.extractors.figures.projection import projection_cues
from gdwatch.extractors.figures.scan import TriggerIndex
from gdwatch.extractors.figures.sentences import Sentence
from gdwatch.extractors.records import Observation

# "澄海现有玩具生产企业4000余家": "has now" dates its own sentence's count, not the paragraphs after it
_OWN_SENTENCE_POINTS = frozenset({"现有", "现时"})
_PASSING = re.compile(r"last year|去年|上年")
_YEAR_SPAN = re.compile(r"\d{4}\.\.\d{4}")
_OPENING = 12
"""A period within this many characters of a sentence's start opens it ("In 2024, ..."): never in passing."""


# 于4月15日开幕, "5月5日，第139届广交会在广州落下帷幕", 15日開幕、19日閉幕: an event's first and last day
_EVENT_OPENS = re.compile(r"(?:(\d{1,2})月)?(\d{1,2})日[，,]?[^。；;，,]{0,20}?(?:开幕|启幕|开展|揭幕)")
_EVENT_CLOSES = re.compile(
    r"(?:(\d{1,2})月)?(\d{1,2})日[，,]?[^。；;]{0,20}?(?:闭幕|落幕|落下帷幕|结束|收官|闭展)"
)


_YEAR = re.compile(r"\d{4}")


def _within(inner: str, outer: str) -> bool:
    """Whether a period lies inside another and is shorter ("2025-09" in "2025-01..2025-09")."""
    inner_bounds, outer_bounds = period_bounds(inner), period_bounds(outer)
    if inner_bounds is None or outer_bounds is None or inner_bounds == outer_bounds:
        return False
    return outer_bounds[0] <= inner_bounds[0] and inner_bounds[1] <= outer_bounds[1]


def _year_to_date(inner: str, outer: str) -> bool:
    """Whether a period is the year so far inside the year in force ("今年…" then "1—10月…", "2026年半年报"
    then "上半年…"): the report's cumulative period, in force from then on, not a part for one sentence."""
    bounds = period_bounds(inner)
    return bool(_YEAR.fullmatch(outer)) and bounds is not None and bounds[0].endswith("-01")


# a period that names a report (三季报, 半年报, 年报, 中报): the figures after it may be of another period
_REPORT_AFTER = re.compile(r"度?(?:报|业绩报告)")
# a plan or target the period is the year of: 全年目标, 全年产值目标, 年度计划, "this year's target"
_PLAN_AFTER_PERIOD = re.compile(
    r"的?(?:(?!完成|实现|达)[\u4e00-\u9fff]){0,10}?(?:目标|计划|任务)|(?:'s|’s)?\s+(?:target|goal|plan)\b"
)


@dataclass
class DocumentState:
    """The article read so far."""

    lowered: str
    """The whole text with ASCII letters lower-cased (same offsets)."""
    matchable: str
    """The whole text as :func:`matcher.match_text` returns it."""
    figure_starts: TriggerIndex
    period_starts: TriggerIndex
    last_entity: str
    """The entity of the last figure read, for "its imports" in a sentence naming nobody."""
    topic: str
    """Whom the article is about: the subject of its first figure sentence when that is a company, a
    district, an event or a city; figures of sentences naming nobody belong to it."""
    paragraph: int = -1
    period_in_force: str | None = None
    """The span stated last by the headline or an earlier sentence (see the module docstring)."""
    point_in_force: str | None = None
    """The point in time stated last ("截至6月底" -> 2025-06-30), for counts."""
    point_is_newer: bool = False
    """Whether the point in force was stated after the span in force."""
    paragraph_year: int | None = None
    """The last year named so far, for "the third quarter" without a year."""
    paragraph_year_paragraph: int = -1
    """The paragraph that named it."""
    topic_read: bool = False
    headline_topic: bool = False
    """Whether the topic was named by the headline ("Shenzhen's foreign trade hits record")."""
    growth_metric: MetricDefinition | None = None
    """The metric of the last growth rate read, for "一季度增长4.1%" after "GDP增长4.2%"."""
    segment: str | None = None
    """The segment of the last figure that had one, for "the sector", "the products", 该行业."""
    whole_segment: str | None = None
    """The segment of the last sentence that reported a whole (its first figure's segment, or the channel
    of a channel's trade), for the parts listed after it: "其中，出口…", "Of these, ..."."""
    whole_metric: str | None = None
    """The metric key of that sentence's first figure."""
    whole_partner: str | None = None
    """The partner of that sentence's first figure, for the flows listed after a trade with one partner:
    "广东与乌兹别克斯坦贸易额…。其中，出口88.1亿元…" (the exports to Uzbekistan, never the province's)."""
    article_flow: str | None = None
    """ "imports" or "exports", when the headline reports one flow ("Guangdong's durian imports climb",
    广东自台进口偏光板): the direction of the article's "shipments" and of "the value of" its goods."""
    headline_part: bool = False
    """Whether the headline names the goods the article is about ("广东伺服器电源出口…"): then a place's trade
    written later ("深圳出口人民币51.2亿元") is the place's trade in those goods, not its whole."""
    part_in_force: tuple[str, str] | None = None
    """(flow, part) when the article's first trade figure is a part's ("exports", "knives and scissors"):
    later trade figures of that flow naming no part are the part's, until a sentence names the whole."""
    part_in_force_from: int = -1
    """Where the sentence that put the part in force starts."""
    observations_with_flow: bool = False
    """Whether a trade figure (exports or imports) has been read."""
    companies: dict[str, str] = field(default_factory=dict)
    """Chinese companies the article has introduced, by written form (粤澄电器, 粤澄) -> English name."""
    company_entities: set[str] = field(default_factory=set)
    """Every entity the article has named as a company, so a later sentence's topic is known as one."""
    towns: dict[str, str] = field(default_factory=dict)
    """Places in no gazetteer the article introduced ("Henggang, a subdistrict in Shenzhen's Longgang
    district"), by written form."""
    refers_to_companies: bool = False
    """Whether the article says "the company" (or "the firm", ...) anywhere, so that the companies named in
    sentences with no figure are worth remembering."""
    places_before_companies: tuple[str, ...] = ()
    """The places a Chinese firm may follow at the start of a clause (深圳安屹医疗二季度营收…): the
    gazetteer's, when the article says 该公司 or 该企业; otherwise none, since a city is far more often
    followed by its industry (普宁牛仔服装前8个月…) than by a firm."""
    flow_in_force: str | None = None
    """The metric of the last trade amount read (exports, imports, a trade total), for the amounts that share
    it out after it ("Latin America and the Middle East took 1.32 billion yuan and 870 million yuan")."""
    partner_in_force: str | None = None
    """The partner of the article's first trade figure when its lede reports the trade with one partner
    ("Guangdong's trade with Cambodia rose 22.6 percent"): the later trade figures naming none are with it."""
    trade_read: bool = False
    """Whether a trade figure has been read (only the first one may put a partner in force)."""
    named_partners: tuple[str, ...] = ()
    """Every partner the article names, in order, for a partner it cuts to one character after 粤 (粤尼两地,
    粤喀贸易额), before or after naming it in full."""
    supplied_partner: str | None = None
    """Hong Kong or Macao, when the headline or lede reports Guangdong's supply to it ("rice shipments to Hong
    Kong", 广东上月供港活猪): the volumes, values and shares that follow are of that supply."""
    source_partner: str | None = None
    """The one partner a Chinese headline says Guangdong's imports come from (广东自台进口偏光板)."""
    trade_partner: str | None = None
    """The one partner a headline about trade names ("Guangdong-Ghana trade up 18.4 pct", 粤卢贸易…)."""
    last_partner: str | None = None
    """The trade partner of the last figure that had one, for "the country", "the North African kingdom",
    "from it", "bilateral trade" in a later sentence."""
    last_company: str | None = None
    """The company the article named last, in any sentence, for "The company sold ..." after a sentence
    that introduced it with no figure ("said Chen, general manager of Sunmoor Appliances, a fan maker")."""
    observations: list[Observation] = field(default_factory=list)
    pending: list[Sentence] = field(default_factory=list)
    """Sentences of the current paragraph whose periods are not read yet."""
    currency_in_force: str | None = None
    """The currency a traditional-script article first named for an amount in 元 (新台幣, 港元, 人民幣)."""
    event_days: dict[str, tuple[int | None, int]] = field(default_factory=dict)
    """The opening and closing day of the event the article reports ("opens"/"closes" -> (month, day))."""

    def note_event_days(self, body: str, published: datetime.date | None) -> None:
        """Put an event's span in force when the article dates its opening and its closing
        ("第139届广交会5日在广州落下帷幕。本届广交会于4月15日开幕。" -> 2026-04..2026-05), and no period is.

        Args:
            body: a normalized sentence.
            published: the publication date, or None.
        """
        if published is None or self.period_in_force is not None or "日" not in body:
            return
        for which, pattern in (("opens", _EVENT_OPENS), ("closes", _EVENT_CLOSES)):
            found = pattern.search(body)
            if found is not None and which not in self.event_days:
                month = int(found.group(1)) if found.group(1) else None
                self.event_days[which] = (month, int(found.group(2)))
        if len(self.event_days) < 2:
            return
        (open_month, open_day), (close_month, close_day) = self.event_days["opens"], self.event_days["closes"]
        if close_month is None and open_month is not None:
            close_month = open_month if close_day >= open_day else open_month % 12 + 1
        if close_month is None:
            close_month = published.month if close_day <= published.day else (published.month - 2) % 12 + 1
        if open_month is None:
            open_month = close_month if open_day <= close_day else (close_month - 2) % 12 + 1
        year = published.year if close_month <= published.month else published.year - 1
        start_year = year if open_month <= close_month else year - 1
        first, last = f"{start_year}-{open_month:02d}", f"{year}-{close_month:02d}"
        self.period_in_force = first if first == last else f"{first}..{last}"

    def start_paragraph(self, paragraph: int) -> None:
        """Start a paragraph: the periods in force carry over (wire copy states them once, in the lede).

        Args:
            paragraph: the index of the new paragraph.
        """
        self.paragraph = paragraph

    def in_force_for(self, count: bool) -> str | None:
        """The period in force for a figure whose sentence names none.

        Args:
            count: whether the figure counts things that exist at a moment (firms, clusters).

        Returns:
            The period, or None.
        """
        if count and self.point_in_force and (self.point_is_newer or self.period_in_force is None):
            return self.point_in_force
        return self.period_in_force

    def read_pending(self, normalized: str, published: datetime.date | None) -> None:
        """Read the periods of the paragraph's sentences put aside so far, in order.

        Args:
            normalized: the whole normalized text.
            published: the publication date, or None.
        """
        for earlier in self.pending:
            self.remember_periods(self.read_periods(normalized, earlier, published), earlier)
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
        earlier = self.paragraph_year_paragraph != self.paragraph
        return find_periods(body, published, self.paragraph_year, lowered, starts, earlier)

    def _passing(self, mention: PeriodMention, lowered: str) -> bool:
        """A period named in passing inside a sentence about the period in force, which stays in force.

        "5.9 percent last year", "after growing 4.4 percent in 2024" (a span that ended before the one in
        force), "during the 14th Five-Year Plan period" (a plan's span around the year in force).
        """
        if _PASSING.match(lowered[mention.start : mention.end]):
            return True
        in_force = period_bounds(self.period_in_force or "")
        bounds = period_bounds(mention.period)
        if in_force is None or bounds is None or mention.point:
            return False
        if bounds[1] < in_force[0] and mention.start > _OPENING:
            return True
        around = bounds[0] <= in_force[0] <= in_force[1] <= bounds[1]
        return around and bool(_YEAR_SPAN.fullmatch(mention.period))

    def remember_periods(
        self, periods: list[PeriodMention], sentence: Sentence | None = None, lowered: str | None = None
    ) -> None:
        """Put the period a sentence states for the whole in force, for the sentences after it.

        Args:
            periods: the sentence's period mentions (offsets relative to ``sentence``).
            sentence: the sentence, to tell a target's date ("aims to ... by 2030") and a passing "last
                year" from the period of the whole; None for the headline.
            lowered: the lower-cased text the offsets refer to when ``sentence`` is None (the headline).
        """
        own = [m for m in periods if not m.base and not (m.local and self.period_in_force is not None)]
        if not own:
            return
        if sentence is not None:
            lowered = self.lowered[sentence.start : sentence.end]
        lowered = lowered or ""
        cues = projection_cues(lowered)
        # a target's date ("aims to ... by 2030") is that target's only: it names no year for what follows; so
        # is the year of a plan ("已达全年目标的72.3%", "of this year's target")
        own = [
            m
            for m in own
            if not any(cue < m.start for cue in cues) and not _PLAN_AFTER_PERIOD.match(lowered, m.end)
        ]
        # why: a passing "last year" is a comparison, not the year the next "first quarter" belongs to
        dated = [m for m in own if not _PASSING.match(lowered[m.start : m.end])]
        self._put_in_force(own, sentence, lowered)
        if self.period_in_force is not None:
            # a year named in passing ("faster than the 4.7% pace in the final three months of 2025") dates
            # nothing after it: the next "three months through March" are the period in force's
            dated = [m for m in dated if m.start == 0 or not self._passing(m, lowered)]
        year = explicit_year(dated)
        if year is not None:
            self.paragraph_year, self.paragraph_year_paragraph = year, self.paragraph

    def _put_in_force(self, own: list[PeriodMention], sentence: Sentence | None, lowered: str) -> None:
        """Put the first of a sentence's own periods that is not in passing in force (see the module)."""
        spans = [m for m in own if not m.point]
        if len(spans) >= 2 and _YEAR.fullmatch(spans[0].period) and _within(spans[1].period, spans[0].period):
            # "got off to a strong start this year, with trade in the first quarter rising ...": the year
            # only dates the narrower period, which is the one the sentence reports
            own = [m for m in own if m is not spans[0]]
        for index, mention in enumerate(own):
            if self.period_in_force is not None and mention.start > 0 and self._passing(mention, lowered):
                continue
            if _REPORT_AFTER.match(lowered, mention.end) and any(not m.point for m in own[index + 1 :]):
                continue  # 公布三季报，第三季度营收…: the report's name, then the period its figures are of
            if mention.point:
                if lowered[mention.start : mention.end] not in _OWN_SENTENCE_POINTS:
                    self.point_in_force, self.point_is_newer = mention.period, True
                continue
            if (
                self.period_in_force
                and sentence is not None
                and _within(mention.period, self.period_in_force)
                and not _YEAR_SPAN.fullmatch(self.period_in_force)
                and not _year_to_date(mention.period, self.period_in_force)
            ):
                # "In September alone, ...": a part of the span in force, for that sentence only (a year
                # inside a plan's span in force is the year reported from then on)
                return
            self.period_in_force, self.point_is_newer = mention.period, False
            return
