"""Load the labelled figure-extraction development set and score an extractor's observations against it."""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Protocol

DEVSET_DIR = Path(__file__).resolve().parent.parent / "tests" / "data" / "devset"
LANGS = ("en", "zh")

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
NON_FIGURE_PHENOMENA = (
    "date", "time", "ordinal", "session-name", "plan-name", "citation", "list-label", "product-name",
    "year-alone", "phone", "address", "size-class", "boilerplate-byline", "boilerplate-caption",
    "boilerplate-qr", "boilerplate-other",
)  # fmt: skip


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
    """The raw JSON records of all files, in file then line order."""
    records = []
    for path in devset_files(directory):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                record = json.loads(line)
                record["_where"] = f"{path.name}:{number}"
                records.append(record)
    return records


def load_devset(directory: Path = DEVSET_DIR, langs: Iterable[str] | None = None) -> list[DevDoc]:
    """Load the dev set, resolving every span to character offsets.

    Raises:
        ValueError: a span does not occur as often as its occurrence says.
    """
    wanted = set(langs) if langs is not None else None
    docs = []
    for record in read_records(directory):
        if wanted is not None and record["lang"] not in wanted:
            continue
        text = record["text"]
        doc_id, lang = record["id"], record["lang"]

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
                )
            )
        non_figures = []
        for item in record["non_figures"]:
            start, end = locate(item)
            non_figures.append(NonFigure(doc_id, lang, item["span"], start, end, tuple(item["phenomena"])))
        docs.append(
            DevDoc(
                id=doc_id,
                lang=lang,
                published=date.fromisoformat(record["published"]),
                text=text,
                figures=tuple(figures),
                non_figures=tuple(non_figures),
            )
        )
    return docs


def unit_class(unit: str) -> str:
    """Currencies, %, pp and years compare exactly; every counted noun is the same class."""
    if unit in NON_COUNT_UNITS or CURRENCY_RE.fullmatch(unit):
        return unit
    return "count"


def values_agree(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-12)


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


def attribute_agrees(name: str, label: Label, predicted: Extracted) -> bool:
    got = getattr(predicted, name, ABSENT)
    if got is ABSENT:
        return False
    if name == "period":
        return normalise_period(label.period) == normalise_period(got)
    if name == "entity":
        return _entity_agrees(label.entity, got)
    if name == "partner":
        return _partner_agrees(label.partner, got)
    if name == "projection":
        return bool(got) == label.projection
    return getattr(label, name) == got


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return min(a_end, b_end) - max(a_start, b_start)


def matches(label: Label, predicted: Extracted) -> bool:
    """Overlapping offsets, the same value and a compatible unit."""
    return (
        _overlap(label.start, label.end, predicted.start, predicted.end) > 0
        and values_agree(label.value, float(predicted.value))
        and unit_class(label.unit) == unit_class(str(predicted.unit))
    )


@dataclass
class Counts:
    """Tallies for one slice (all, one language): detection and attribute agreement."""

    labels: int = 0
    observations: int = 0
    matched: int = 0
    fp_on_non_figures: int = 0
    non_figures: int = 0
    non_figures_hit: int = 0
    attribute_correct: Counter[str] = field(default_factory=Counter)

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
        return self.attribute_correct[attribute] / self.matched if self.matched else 0.0

    def as_dict(self) -> dict[str, Any]:
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
        out.update({f"{name}_accuracy": self.accuracy(name) for name in ATTRIBUTES})
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
    """Scores of one system on the dev set, overall, per language and per phenomenon."""

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

    def phenomenon_recall(self) -> dict[str, float]:
        return {tag: self.phenomenon_found[tag] / n for tag, n in sorted(self.phenomenon_labels.items())}


def _miss_reason(label: Label, predictions: Sequence[Extracted]) -> str:
    overlapping = [p for p in predictions if _overlap(label.start, label.end, p.start, p.end) > 0]
    if not overlapping:
        return "no observation at this position"
    p = overlapping[0]
    if not values_agree(label.value, float(p.value)):
        return f"value {p.value!r} instead of {label.value!r}"
    if unit_class(label.unit) != unit_class(str(p.unit)):
        return f"unit {p.unit!r} instead of {label.unit!r}"
    return "observation already matched to another label"


def score_document(doc: DevDoc, predictions: Sequence[Extracted], report: Report) -> None:
    """Match one document's observations to its labels and add the tallies to report."""
    slices = (report.overall, report.by_lang.setdefault(doc.lang, Counts()))
    used: set[int] = set()
    pairs: list[tuple[Label, Extracted]] = []
    for label in sorted(doc.figures, key=lambda item: item.start):
        best, best_overlap = None, 0
        for index, prediction in enumerate(predictions):
            if index in used or not matches(label, prediction):
                continue
            overlap = _overlap(label.start, label.end, prediction.start, prediction.end)
            if overlap > best_overlap:
                best, best_overlap = index, overlap
        for tag in label.phenomena:
            report.phenomenon_labels[tag] += 1
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
        for name in ATTRIBUTES:
            if not attribute_agrees(name, label, prediction):
                report.wrong_attributes.append(WrongAttribute(label, name, getattr(prediction, name, ABSENT)))
    for counts in slices:
        counts.labels += len(doc.figures)
        counts.observations += len(predictions)
        counts.matched += len(pairs)
        counts.fp_on_non_figures += fp_on_nf
        counts.non_figures += len(doc.non_figures)
        counts.non_figures_hit += len(hit_non_figures)
        for label, prediction in pairs:
            for name in ATTRIBUTES:
                counts.attribute_correct[name] += attribute_agrees(name, label, prediction)
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
    """Run extract on every document and score the observations against the labels."""
    report = empty_report()
    for doc in docs:
        score_document(doc, list(extract(doc)), report)
    return report


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
