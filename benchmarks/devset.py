"""Load the labelled figure-extraction sets and score an extractor's observations against them.

Two record versions are read. Version 1 (``tests/data/devset`` before labels version 2, the retired
``tests/data/heldout``) matches an observation to a label by overlapping offsets, equal value and unit class,
and scores qualifier, period, metric, entity, partner and projection. Version 2 (``"labels": 2``, see
``docs/figure-labels-v2.md``) matches by position (the label's span at its occurrence) and scores every
field, value and unit included, on the matched figures; it also reports per script and for the figures whose
period is stated only in the headline or lede (tag ``period-lede``).

Score a set from the command line::

    python -m benchmarks.devset --set devset          # the development set
    python -m benchmarks.devset --set heldout         # the held-out set (score it once per extractor change)
    python -m benchmarks.devset --set DIR --system labels   # the labels scored against themselves
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Protocol

DATA_DIR = Path(__file__).resolve().parent.parent / "tests" / "data"
DEVSET_DIR = DATA_DIR / "devset"
HELDOUT_DIR = DATA_DIR / "heldout-v69"
"""The current held-out set: scored once per extractor change, then retired into the dev set."""
NAMED_SETS = {"devset": DEVSET_DIR, "heldout": HELDOUT_DIR}
LANGS = ("en", "zh")
# Version-2 sets: one file per script, in this order.
SCRIPT_FILES = {"latin": "en.jsonl", "simplified": "zh-hans.jsonl", "traditional": "zh-hant.jsonl"}
SCRIPTS = tuple(SCRIPT_FILES)
SCRIPT_LANG = {"latin": "en", "simplified": "zh", "traditional": "zh"}
KINDS = ("level", "change", "share", "increment", "multiple")
BASES = ("yoy", "mom", "qoq", "avg_annual", "share_of_plan")

QUALIFIERS = ("exact", "approx", "over", "under")
NON_COUNT_UNITS = ("%", "pp", "years")
CURRENCY_RE = re.compile(r"[A-Z]{3}")
PERIOD_RE = re.compile(
    r"\d{4}(-Q[1-4]|-H[12]|-(0[1-9]|1[0-2])(-\d{2})?|-(0[1-9]|1[0-2])\.\.\d{4}-(0[1-9]|1[0-2])|\.\.\d{4})?"
)

FIGURE_PHENOMENA = (
    "thousands-separator", "decimal", "full-width", "scale-word", "scale-word-zh",
    "currency-before-glued", "currency-before-spaced", "currency-after-glued", "currency-after-spaced",
    "conversion", "percent", "percentage-points", "word-number", "fraction", "range", "from-to",
    "respectively", "bound-list", "bound-trap", "decline", "qualifier-approx", "qualifier-over",
    "qualifier-under", "projection", "period-year", "period-quarter", "period-half", "period-month",
    "period-month-range", "period-plan", "period-current", "period-relative", "period-inherited",
    "period-none", "entity-city", "entity-company", "entity-country", "partner", "count-noun", "years-unit",
)  # fmt: skip
# Tags added by labels version 2 (docs/figure-labels-v2.md, "Phenomenon tags added in version 2").
FIGURE_PHENOMENA_V2 = (
    "period-lede", "period-base", "period-streak", "period-point", "dateline", "back-reference", "segment",
    "respectively-entity", "respectively-partner", "basis-mom", "basis-qoq", "basis-avg-annual",
    "basis-plan", "increment", "multiple", "traditional", "compact-notation", "spaced-scale",
    "measure-word", "tenths", "approx-zh", "streak", "ratio", "label-colon",
)  # fmt: skip
NON_FIGURE_PHENOMENA = (
    "date", "time", "ordinal", "session-name", "plan-name", "citation", "list-label", "product-name",
    "year-alone", "phone", "address", "size-class", "boilerplate-byline", "boilerplate-caption",
    "boilerplate-qr", "boilerplate-other",
)  # fmt: skip
# Non-figure tags used by version-2 records besides the version-1 ones.
NON_FIGURE_PHENOMENA_V2 = ("dateline", "ranking", "paywall", "traditional")


class _Absent:
    """Marks an attribute the extractor does not produce: it never equals a label, not even null."""

    def __repr__(self) -> str:
        return "ABSENT"


ABSENT: Any = _Absent()


class Extracted(Protocol):
    """What the scorer reads from an observation; read-only, so frozen Observation and Prediction fit."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def value(self) -> float: ...
    @property
    def unit(self) -> str: ...
    @property
    def qualifier(self) -> Any: ...
    @property
    def period(self) -> Any: ...
    @property
    def metric(self) -> Any: ...
    @property
    def entity(self) -> Any: ...
    @property
    def partner(self) -> Any: ...
    @property
    def projection(self) -> Any: ...


class ExtractedV2(Extracted, Protocol):
    """The version-2 fields the scorer reads as well; an observation without one is scored as ABSENT.

    The scorer reads every attribute with ``getattr(observation, name, ABSENT)``, so a version-1 observation
    (an ``Extracted``) is accepted too: the fields it lacks never equal a label.
    """

    @property
    def segment(self) -> Any: ...
    @property
    def basis(self) -> Any: ...
    @property
    def kind(self) -> Any: ...


@dataclass(frozen=True, slots=True)
class Prediction:
    """An observation from a system that is not gdwatch's; attributes it lacks stay ABSENT."""

    start: int
    end: int
    value: float
    unit: str
    qualifier: Any = ABSENT
    period: Any = ABSENT
    metric: Any = ABSENT
    entity: Any = ABSENT
    partner: Any = ABSENT
    projection: Any = ABSENT
    segment: Any = ABSENT
    basis: Any = ABSENT
    kind: Any = ABSENT


@dataclass(frozen=True, slots=True)
class Label:
    """One labelled figure, positioned in its document's text."""

    doc_id: str
    lang: str
    span: str
    start: int
    end: int
    value: float
    unit: str
    qualifier: str
    period: str | None
    metric: str | None
    entity: str
    partner: str | None
    projection: bool
    conversion: bool
    phenomena: tuple[str, ...]
    # Version 2 only (None in a version-1 record).
    unit_text: str | None = None
    segment: str | None = None
    basis: str | None = None
    kind: str | None = None
    script: str | None = None
    labels: int = 1

    @property
    def part(self) -> bool:
        """Whether the figure is about a part of its entity's whole (it has a segment), whatever its name."""
        return self.segment is not None


@dataclass(frozen=True, slots=True)
class NonFigure:
    """A labelled number that is not a figure (date, ordinal, phone number, ...)."""

    doc_id: str
    lang: str
    span: str
    start: int
    end: int
    phenomena: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DevDoc:
    id: str
    lang: str
    published: date
    text: str
    figures: tuple[Label, ...]
    non_figures: tuple[NonFigure, ...]
    labels: int = 1
    script: str | None = None
    headline: str | None = None


def span_position(text: str, span: str, occurrence: int) -> int:
    """Offset of the occurrence-th match of span (scanning from one past the previous match), or -1."""
    pos = -1
    for _ in range(occurrence):
        pos = text.find(span, pos + 1)
        if pos < 0:
            return -1
    return pos


def devset_files(directory: Path = DEVSET_DIR) -> list[Path]:
    return sorted(directory.glob("*.jsonl"))


def devset_sha256(directory: Path = DEVSET_DIR) -> dict[str, str]:
    """SHA-256 of every dev set file, by file name (the gate pins these)."""
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in devset_files(directory)}


def read_records(directory: Path = DEVSET_DIR) -> list[dict[str, Any]]:
    """The raw JSON records of all files, in file then line order (each with ``_where``: file and line)."""
    records = []
    for path in devset_files(directory):
        records += _records_of(path)
    return records


def load_devset(
    directory: Path = DEVSET_DIR, langs: Iterable[str] | None = None, scripts: Iterable[str] | None = None
) -> list[DevDoc]:
    """Load a labelled set (version-1 or version-2 records), resolving every span to character offsets.

    ``langs`` keeps the records of these languages (``en``, ``zh``); ``scripts`` keeps the version-2
    records of these scripts (``latin``, ``simplified``, ``traditional``; version-1 records have none and
    are dropped).

    Raises:
        ValueError: a span does not occur as often as its occurrence says.
    """
    return [_doc(record) for record in _selected(read_records(directory), langs, scripts)]


def load_v2_set(
    directory: Path = DEVSET_DIR, langs: Iterable[str] | None = None, scripts: Iterable[str] | None = None
) -> list[DevDoc]:
    """Load a version-2 set: ``en.jsonl``, ``zh-hans.jsonl``, ``zh-hant.jsonl`` (those present), in order.

    Used for the dev set and for the held-out set (``tests/data/heldout-v69``).

    Raises:
        ValueError: no version-2 file in the directory, a record that is not version 2, a record whose
            script does not match its file, or a span that does not occur as often as its occurrence says.
    """
    paths = [directory / name for name in SCRIPT_FILES.values() if (directory / name).exists()]
    if not paths:
        raise ValueError(f"{directory}: none of {', '.join(SCRIPT_FILES.values())}")
    records = []
    for path in paths:
        for record in _records_of(path):
            if record.get("labels") != 2:
                raise ValueError(f"{record['_where']}: not a version-2 record")
            if SCRIPT_FILES.get(record.get("script", "")) != path.name:
                raise ValueError(f"{record['_where']}: script {record.get('script')!r} in {path.name}")
            records.append(record)
    return [_doc(record) for record in _selected(records, langs, scripts)]


def resolve_set(name_or_dir: str | Path) -> Path:
    """A set's directory from its name (``devset``, ``heldout``) or a path."""
    if isinstance(name_or_dir, str) and name_or_dir in NAMED_SETS:
        return NAMED_SETS[name_or_dir]
    return Path(name_or_dir)


def _records_of(path: Path) -> list[dict[str, Any]]:
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            record = json.loads(line)
            record["_where"] = f"{path.name}:{number}"
            records.append(record)
    return records


def _selected(
    records: list[dict[str, Any]], langs: Iterable[str] | None, scripts: Iterable[str] | None
) -> list[dict[str, Any]]:
    wanted_langs = set(langs) if langs is not None else None
    wanted_scripts = set(scripts) if scripts is not None else None
    return [
        r
        for r in records
        if (wanted_langs is None or r["lang"] in wanted_langs)
        and (wanted_scripts is None or r.get("script") in wanted_scripts)
    ]


def _doc(record: dict[str, Any]) -> DevDoc:
    """One record as a document with every span resolved to offsets."""
    text = record["text"]
    doc_id, lang = record["id"], record["lang"]
    version, script = int(record.get("labels", 1)), record.get("script")

    def locate(item: dict[str, Any], text: str = text, where: str = record["_where"]) -> tuple[int, int]:
        start = span_position(text, item["span"], item["occurrence"])
        if start < 0:
            raise ValueError(f"{where}: span {item['span']!r} #{item['occurrence']} not in the text")
        return start, start + len(item["span"])

    figures = []
    for item in record["figures"]:
        start, end = locate(item)
        figures.append(
            Label(
                doc_id=doc_id,
                lang=lang,
                span=item["span"],
                start=start,
                end=end,
                value=float(item["value"]),
                unit=item["unit"],
                qualifier=item["qualifier"],
                period=item["period"],
                metric=item["metric"],
                entity=item["entity"],
                partner=item["partner"],
                projection=bool(item["projection"]),
                conversion=bool(item["conversion"]),
                phenomena=tuple(item["phenomena"]),
                unit_text=item.get("unit_text"),
                segment=item.get("segment"),
                basis=item.get("basis"),
                kind=item.get("kind"),
                script=script,
                labels=version,
            )
        )
    non_figures = []
    for item in record["non_figures"]:
        start, end = locate(item)
        non_figures.append(NonFigure(doc_id, lang, item["span"], start, end, tuple(item["phenomena"])))
    return DevDoc(
        id=doc_id,
        lang=lang,
        published=date.fromisoformat(record["published"]),
        text=text,
        figures=tuple(figures),
        non_figures=tuple(non_figures),
        labels=version,
        script=script,
        headline=record.get("headline"),
    )


def unit_class(unit: str) -> str:
    """Currencies, %, pp and years compare exactly; every counted noun is the same class."""
    if unit in NON_COUNT_UNITS or CURRENCY_RE.fullmatch(unit):
        return unit
    return "count"


def values_agree(label: float, predicted: float) -> bool:
    """Whether a predicted value is the label's. Labels write a fraction's percent with two decimals ("a
    third" is 33.33, tests/data/devset/README.md), so a value that rounds to such a label agrees with it."""
    if math.isclose(label, predicted, rel_tol=1e-6, abs_tol=1e-12):
        return True
    written = repr(label)
    return "e" not in written and len(written.partition(".")[2]) == 2 and round(predicted, 2) == label


def normalise_period(period: Any) -> Any:
    """Quarters and halves as month ranges, so "2025-H1" and "2025-01..2025-06" are the same period."""
    if not isinstance(period, str):
        return period
    match = re.fullmatch(r"(\d{4})-([QH])([1-4])", period)
    if match is None:
        return period
    year, kind, n = match.group(1), match.group(2), int(match.group(3))
    months = 3 if kind == "Q" else 6
    first, last = (n - 1) * months + 1, n * months
    return f"{year}-{first:02d}..{year}-{last:02d}"


def _entity_agrees(label: str, predicted: Any) -> bool:
    # why: "GAC" and "GAC Group" name the same firm; a containment test accepts the longer name
    if not isinstance(predicted, str) or not predicted.strip():
        return False
    a, b = label.casefold(), predicted.casefold().strip()
    return a == b or a in b or b in a


def _partner_agrees(label: str | None, predicted: Any) -> bool:
    if predicted is ABSENT:
        return False
    if label is None or predicted is None:
        return label is None and predicted is None
    return _entity_agrees(label, predicted)


ATTRIBUTES = ("qualifier", "period", "metric", "entity", "partner", "projection")
# Fields scored on the matched figures of a version-2 record (docs/figure-labels-v2.md, "Scoring").
# "part" scores the segment's presence alone (part or whole, whatever its name): what keeps a part's figure
# from being compared with the whole's, while "segment" also asks for the labeller's name of the part.
V2_FIELDS = (
    "value", "unit", "qualifier", "period", "metric", "entity", "partner", "segment", "part", "basis",
    "kind", "projection",
)  # fmt: skip
PERIOD_LEDE = "period-lede"


def _segment_key(value: Any) -> Any:
    return value.strip().lower() if isinstance(value, str) else value


def attribute_agrees(name: str, label: Label, predicted: Extracted) -> bool:
    """Whether the observation's field equals the label's; an ABSENT field never does."""
    got = predicted_field(predicted, name)
    if got is ABSENT:
        return False
    if name == "value":
        return isinstance(got, int | float) and values_agree(label.value, float(got))
    if name == "unit":
        return got == label.unit
    if name == "period":
        return normalise_period(label.period) == normalise_period(got)
    if name == "entity":
        return _entity_agrees(label.entity, got)
    if name == "partner":
        return _partner_agrees(label.partner, got)
    if name == "segment":
        return _segment_key(label.segment) == _segment_key(got)
    if name == "part":
        return (got is not None) == label.part
    if name == "projection":
        return bool(got) == label.projection
    return bool(getattr(label, name) == got)


def predicted_field(predicted: Extracted, name: str) -> Any:
    """An observation's field as scored ("part" is read from the segment); ABSENT when it has none."""
    return getattr(predicted, "segment" if name == "part" else name, ABSENT)


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return min(a_end, b_end) - max(a_start, b_start)


def matches(label: Label, predicted: Extracted) -> bool:
    """Version 1: overlapping offsets, the same value and a compatible unit."""
    return (
        _overlap(label.start, label.end, predicted.start, predicted.end) > 0
        and values_agree(label.value, float(predicted.value))
        and unit_class(label.unit) == unit_class(str(predicted.unit))
    )


def matches_v2(label: Label, predicted: Extracted) -> bool:
    """Version 2: the observation's offsets overlap the label's span at its occurrence.

    Value and unit are fields scored on the matched figures, not conditions of the match.
    """
    return _overlap(label.start, label.end, predicted.start, predicted.end) > 0


def fields_of(label: Label) -> tuple[str, ...]:
    """The fields scored for a label: version-1 attributes or every version-2 field."""
    return V2_FIELDS if label.labels >= 2 else ATTRIBUTES


@dataclass
class Counts:
    """Tallies for one slice (all, one language, one script, period-lede): detection and field agreement.

    A slice of labels chosen by tag (``period-lede``) has no observations of its own: its precision is
    meaningless and stays 0; read its recall and field accuracies.
    """

    labels: int = 0
    observations: int = 0
    matched: int = 0
    fp_on_non_figures: int = 0
    non_figures: int = 0
    non_figures_hit: int = 0
    attribute_correct: Counter[str] = field(default_factory=Counter)
    attribute_scored: Counter[str] = field(default_factory=Counter)

    @property
    def precision(self) -> float:
        return self.matched / self.observations if self.observations else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.labels if self.labels else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, attribute: str) -> float:
        """Share of the matched figures scored on this field that have it right (0.0 when none is)."""
        scored = self.attribute_scored[attribute]
        return self.attribute_correct[attribute] / scored if scored else 0.0

    def add_pair(self, label: Label, prediction: Extracted) -> None:
        for name in fields_of(label):
            self.attribute_scored[name] += 1
            self.attribute_correct[name] += attribute_agrees(name, label, prediction)

    def as_dict(self, fields: Sequence[str] = ATTRIBUTES) -> dict[str, Any]:
        out: dict[str, Any] = {
            "labels": self.labels,
            "observations": self.observations,
            "matched": self.matched,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "false_positives_on_non_figures": self.fp_on_non_figures,
            "non_figures": self.non_figures,
            "non_figures_hit": self.non_figures_hit,
        }
        out.update({f"{name}_accuracy": self.accuracy(name) for name in fields})
        return out


@dataclass(frozen=True, slots=True)
class Miss:
    label: Label
    reason: str


@dataclass(frozen=True, slots=True)
class FalsePositive:
    doc_id: str
    lang: str
    surface: str
    value: float
    unit: str
    non_figure: NonFigure | None


@dataclass(frozen=True, slots=True)
class WrongAttribute:
    label: Label
    attribute: str
    predicted: Any


@dataclass
class Report:
    """Scores of one system on a labelled set: overall, per language, per script, period-lede, per tag."""

    overall: Counts
    by_lang: dict[str, Counts]
    phenomenon_labels: Counter[str]
    phenomenon_found: Counter[str]
    non_figure_phenomenon_total: Counter[str]
    non_figure_phenomenon_hit: Counter[str]
    misses: list[Miss]
    false_positives: list[FalsePositive]
    wrong_attributes: list[WrongAttribute]
    documents: int
    by_script: dict[str, Counts] = field(default_factory=dict)
    period_lede: Counts = field(default_factory=Counts)

    def phenomenon_recall(self) -> dict[str, float]:
        return {tag: self.phenomenon_found[tag] / n for tag, n in sorted(self.phenomenon_labels.items())}


def _miss_reason(label: Label, predictions: Sequence[Extracted]) -> str:
    overlapping = [p for p in predictions if _overlap(label.start, label.end, p.start, p.end) > 0]
    if not overlapping:
        return "no observation at this position"
    if label.labels >= 2:
        return "observation already matched to another label"
    p = overlapping[0]
    if not values_agree(label.value, float(p.value)):
        return f"value {p.value!r} instead of {label.value!r}"
    if unit_class(label.unit) != unit_class(str(p.unit)):
        return f"unit {p.unit!r} instead of {label.unit!r}"
    return "observation already matched to another label"


def _best_prediction(label: Label, predictions: Sequence[Extracted], used: set[int]) -> int | None:
    """The unused observation matching the label with the largest overlap (for version 2, ties go to an
    observation with the right value)."""
    best, best_key = None, (0, False)
    for index, prediction in enumerate(predictions):
        if index in used:
            continue
        if label.labels >= 2:
            if not matches_v2(label, prediction):
                continue
            key = (
                _overlap(label.start, label.end, prediction.start, prediction.end),
                attribute_agrees("value", label, prediction),
            )
        else:
            if not matches(label, prediction):
                continue
            key = (_overlap(label.start, label.end, prediction.start, prediction.end), True)
        if key > best_key:
            best, best_key = index, key
    return best


def score_document(doc: DevDoc, predictions: Sequence[Extracted], report: Report) -> None:
    """Match one document's observations to its labels and add the tallies to report."""
    slices = [report.overall, report.by_lang.setdefault(doc.lang, Counts())]
    if doc.script is not None:
        slices.append(report.by_script.setdefault(doc.script, Counts()))
    used: set[int] = set()
    pairs: list[tuple[Label, Extracted]] = []
    lede_labels = 0
    for label in sorted(doc.figures, key=lambda item: item.start):
        best = _best_prediction(label, predictions, used)
        for tag in label.phenomena:
            report.phenomenon_labels[tag] += 1
        lede_labels += PERIOD_LEDE in label.phenomena
        if best is None:
            report.misses.append(Miss(label, _miss_reason(label, predictions)))
            continue
        used.add(best)
        pairs.append((label, predictions[best]))
        for tag in label.phenomena:
            report.phenomenon_found[tag] += 1

    hit_non_figures: set[int] = set()
    fp_on_nf = 0
    for index, prediction in enumerate(predictions):
        if index in used:
            continue
        hit = None
        for nf_index, non_figure in enumerate(doc.non_figures):
            if _overlap(non_figure.start, non_figure.end, prediction.start, prediction.end) > 0:
                hit = non_figure
                hit_non_figures.add(nf_index)
        fp_on_nf += hit is not None
        surface = doc.text[max(prediction.start, 0) : max(prediction.end, 0)]
        report.false_positives.append(
            FalsePositive(doc.id, doc.lang, surface, float(prediction.value), str(prediction.unit), hit)
        )
    for index, non_figure in enumerate(doc.non_figures):
        for tag in non_figure.phenomena:
            report.non_figure_phenomenon_total[tag] += 1
            report.non_figure_phenomenon_hit[tag] += index in hit_non_figures

    for label, prediction in pairs:
        for name in fields_of(label):
            if not attribute_agrees(name, label, prediction):
                report.wrong_attributes.append(WrongAttribute(label, name, predicted_field(prediction, name)))
    for counts in slices:
        counts.labels += len(doc.figures)
        counts.observations += len(predictions)
        counts.matched += len(pairs)
        counts.fp_on_non_figures += fp_on_nf
        counts.non_figures += len(doc.non_figures)
        counts.non_figures_hit += len(hit_non_figures)
        for label, prediction in pairs:
            counts.add_pair(label, prediction)
    report.period_lede.labels += lede_labels
    for label, prediction in pairs:
        if PERIOD_LEDE in label.phenomena:
            report.period_lede.matched += 1
            report.period_lede.add_pair(label, prediction)
    report.documents += 1


def empty_report() -> Report:
    return Report(
        overall=Counts(),
        by_lang={},
        phenomenon_labels=Counter(),
        phenomenon_found=Counter(),
        non_figure_phenomenon_total=Counter(),
        non_figure_phenomenon_hit=Counter(),
        misses=[],
        false_positives=[],
        wrong_attributes=[],
        documents=0,
    )


def score(docs: Iterable[DevDoc], extract: Callable[[DevDoc], Sequence[Extracted]]) -> Report:
    """Run extract on every document and score the observations against the labels.

    ``extract`` gets the whole ``DevDoc`` (``text``, ``headline``, ``published``, ``lang``, ``script``) and
    returns observations with ``start``, ``end``, ``value`` and ``unit`` and any of the scored fields
    (``ExtractedV2``); a field it does not have is ABSENT and never equals a label.
    """
    report = empty_report()
    for doc in docs:
        score_document(doc, list(extract(doc)), report)
    return report


def labels_as_predictions(doc: DevDoc) -> list[Prediction]:
    """The labels themselves as observations: they score 1.0 on every field (a check of set and scorer)."""
    out = []
    for label in doc.figures:
        v2: dict[str, Any] = (
            {"segment": label.segment, "basis": label.basis, "kind": label.kind} if label.labels >= 2 else {}
        )
        out.append(
            Prediction(
                start=label.start,
                end=label.end,
                value=label.value,
                unit=label.unit,
                qualifier=label.qualifier,
                period=label.period,
                metric=label.metric,
                entity=label.entity,
                partner=label.partner,
                projection=label.projection,
                **v2,
            )
        )
    return out


def format_details(report: Report) -> str:
    """Misses, false positives and wrong attributes, one per line, for --verbose."""
    lines = [f"misses ({len(report.misses)}):"]
    lines += [
        f"  {m.label.doc_id} {m.label.span!r} = {m.label.value:g} {m.label.unit}: {m.reason}"
        for m in report.misses
    ]
    lines.append(f"false positives ({len(report.false_positives)}):")
    for fp in report.false_positives:
        on = (
            f"  [non-figure {fp.non_figure.span!r}: {','.join(fp.non_figure.phenomena)}]"
            if fp.non_figure
            else ""
        )
        lines.append(f"  {fp.doc_id} {fp.surface!r} = {fp.value:g} {fp.unit}{on}")
    lines.append(f"wrong attributes ({len(report.wrong_attributes)}):")
    lines += [
        f"  {w.label.doc_id} {w.label.span!r} {w.attribute}: got {w.predicted!r}, "
        f"expected {getattr(w.label, w.attribute)!r}"
        for w in report.wrong_attributes
    ]
    return "\n".join(lines)


def format_report(report: Report, fields: Sequence[str] = V2_FIELDS) -> str:
    """The scores as a plain-text table: one row per slice (all, per script, per language, period-lede)."""
    slices: list[tuple[str, Counts]] = [("all", report.overall)]
    slices += [(f"script {name}", report.by_script[name]) for name in SCRIPTS if name in report.by_script]
    slices += [(f"lang {name}", counts) for name, counts in sorted(report.by_lang.items())]
    if report.period_lede.labels:
        slices.append((PERIOD_LEDE, report.period_lede))
    headers = ["slice", "labels", "matched", "precision", "recall", "f1", *fields]
    rows = []
    for name, counts in slices:
        lede = name == PERIOD_LEDE
        rows.append(
            [
                name,
                str(counts.labels),
                str(counts.matched),
                "-" if lede else f"{counts.precision:.3f}",
                f"{counts.recall:.3f}",
                "-" if lede else f"{counts.f1:.3f}",
                *(f"{counts.accuracy(f):.3f}" if counts.attribute_scored[f] else "-" for f in fields),
            ]
        )
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    out = [
        f"{report.documents} documents",
        "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)),
    ]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(out)


def _gdwatch_extract() -> Callable[[DevDoc], Sequence[Extracted]]:
    from gdwatch.config.loader import load_gazetteer, load_metrics
    from gdwatch.extractors.figures.engine import FigureExtractor

    extractor = FigureExtractor(load_metrics(), load_gazetteer())

    def extract(doc: DevDoc) -> Sequence[Extracted]:
        return extractor.extract(doc.text, published=doc.published, headline=doc.headline)

    return extract


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Score a figure extractor on a labelled set (version-1 or version-2 records).",
        epilog="Run from the repository root: python -m benchmarks.devset --set heldout",
    )
    parser.add_argument(
        "--set",
        dest="set_name",
        default="devset",
        metavar="NAME|DIR",
        help="devset (default), heldout (tests/data/heldout-v69), or a directory of .jsonl files",
    )
    parser.add_argument("--lang", choices=LANGS, help="score one language only")
    parser.add_argument("--script", choices=SCRIPTS, help="score one script only (version-2 records)")
    parser.add_argument(
        "--system",
        choices=["gdwatch", "labels"],
        default="gdwatch",
        help="gdwatch's extractor (default) or the labels themselves (checks the set and the scorer)",
    )
    parser.add_argument("--verbose", action="store_true", help="list misses, false positives, wrong fields")
    args = parser.parse_args(argv)
    directory = resolve_set(args.set_name)
    if not devset_files(directory):
        parser.error(f"--set {args.set_name}: no .jsonl files in {directory}")
    docs = load_devset(
        directory,
        langs=[args.lang] if args.lang else None,
        scripts=[args.script] if args.script else None,
    )
    extract = labels_as_predictions if args.system == "labels" else _gdwatch_extract()
    report = score(docs, extract)
    v2 = any(d.labels >= 2 for d in docs)
    print(f"Set {directory}: system {args.system}")
    print(format_report(report, V2_FIELDS if v2 else ATTRIBUTES))
    if args.verbose:
        print()
        print(format_details(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
