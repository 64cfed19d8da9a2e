"""Every record of the figure-extraction dev set is a well-formed version-2 record (docs/figure-labels-v2.md).

The checks are plain functions of a record (or of a list of records) so that
``test_heldout_format.py`` can run them on ``tests/data/heldout-v2`` too.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections import Counter
from datetime import date
from typing import Any

import pytest

from benchmarks.devset import (
    BASES,
    DEVSET_DIR,
    FIGURE_PHENOMENA,
    FIGURE_PHENOMENA_V2,
    KINDS,
    NON_FIGURE_PHENOMENA,
    NON_FIGURE_PHENOMENA_V2,
    PERIOD_RE,
    QUALIFIERS,
    SCRIPT_FILES,
    SCRIPT_LANG,
    devset_files,
    labels_as_predictions,
    load_v2_set,
    read_records,
    score,
    span_position,
)
from gdwatch.config.loader import METRICS_FILE, PACKAGED_CONFIG_DIR

RECORDS = read_records(DEVSET_DIR)
RECORD_KEYS = {"id", "labels", "lang", "script", "published", "headline", "text", "figures", "non_figures"}
FIGURE_KEYS = {
    "span", "occurrence", "value", "unit", "unit_text", "qualifier", "period", "metric", "entity", "partner",
    "segment", "basis", "kind", "projection", "conversion", "phenomena",
}  # fmt: skip
NON_FIGURE_KEYS = {"span", "occurrence", "phenomena"}
CURRENCIES = {"CNY", "USD", "HKD", "EUR", "GBP", "JPY", "MOP", "TWD"}
NON_COUNT_UNITS = {"%", "pp", "times", "years", "quarters", "months"}
ID_PREFIXES = {"latin": ("en-",), "simplified": ("zh-", "hans-"), "traditional": ("hant-",)}
# Tags of version 1 that version 2 replaces: period-inherited is period-lede now.
RETIRED_TAGS = {"period-inherited"}
MIN_EXAMPLES = 3
MIN_DOCUMENTS, MIN_FIGURES, MIN_TRADITIONAL_DOCUMENTS = 130, 900, 12
POINT_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _metric_kinds() -> dict[str, str]:
    path = PACKAGED_CONFIG_DIR / METRICS_FILE
    metrics = tomllib.loads(path.read_text(encoding="utf-8")).get("metrics", [])
    return {m["key"]: m.get("unit_kind", "") for m in metrics}


METRIC_KINDS = _metric_kinds()


def _where(record: dict[str, Any]) -> str:
    return str(record.get("_where", record.get("id")))


def _position(record: dict[str, Any], item: dict[str, Any]) -> tuple[int, int]:
    start = span_position(record["text"], item["span"], item["occurrence"])
    return start, start + len(item["span"])


# Checks of one record.


def check_record_shape(record: dict[str, Any]) -> None:
    assert set(record) - {"_where"} == RECORD_KEYS, f"{_where(record)}: record keys"
    assert record["labels"] == 2, f"{_where(record)}: not version 2"
    assert record["script"] in SCRIPT_FILES, f"{_where(record)}: script"
    assert record["lang"] == SCRIPT_LANG[record["script"]], f"{_where(record)}: lang"
    if "_where" in record:
        assert record["_where"].startswith(SCRIPT_FILES[record["script"]] + ":"), f"{_where(record)}: file"
    assert record["id"].startswith(ID_PREFIXES[record["script"]]), f"{_where(record)}: id prefix"
    date.fromisoformat(record["published"])
    headline = record["headline"]
    assert headline is None or (isinstance(headline, str) and headline.strip() and "\n" not in headline)
    assert isinstance(record["text"], str) and record["text"].strip(), f"{_where(record)}: text"
    assert record["figures"], f"{_where(record)}: a document needs at least one figure"
    for figure in record["figures"]:
        assert set(figure) == FIGURE_KEYS, f"{_where(record)}: figure keys"
    for non_figure in record["non_figures"]:
        assert set(non_figure) == NON_FIGURE_KEYS, f"{_where(record)}: non-figure keys"


def check_spans(record: dict[str, Any]) -> None:
    """Every span occurs at its occurrence, no two overlap, and a figure span never cuts a number."""
    text = record["text"]
    placed: list[tuple[int, int]] = []
    for index, item in enumerate(record["figures"] + record["non_figures"]):
        assert isinstance(item["occurrence"], int) and item["occurrence"] >= 1, f"{_where(record)}: #{index}"
        start, end = _position(record, item)
        assert start >= 0, f"{_where(record)}: item #{index} not found at its occurrence"
        for other_start, other_end in placed:
            assert end <= other_start or other_end <= start, f"{_where(record)}: item #{index} overlaps"
        placed.append((start, end))
    for index, item in enumerate(record["figures"]):
        start, end = _position(record, item)
        before, after = text[max(0, start - 2) : start], text[end : end + 2]
        cut = (
            before[-1:].isdigit()
            or (before[-1:] in ".,．" and before[:1].isdigit())
            or after[:1].isdigit()
            or (after[:1] in ".,．" and after[1:].isdigit())
        )
        assert not cut, f"{_where(record)}: figure #{index} cuts a number"


def check_figure_fields(record: dict[str, Any]) -> None:
    text = record["text"]
    tags_allowed = (set(FIGURE_PHENOMENA) | set(FIGURE_PHENOMENA_V2)) - RETIRED_TAGS
    for index, figure in enumerate(record["figures"]):
        where = f"{_where(record)}: figure #{index}"
        assert isinstance(figure["value"], int | float) and math.isfinite(figure["value"]), where
        unit = figure["unit"]
        assert (
            unit in CURRENCIES
            or unit in NON_COUNT_UNITS
            or unit in {"TEU", "m2", "km", "m", "kW", "MW", "GW", "kWh", "MWh", "GWh", "TWh"}
            or (unit == unit.lower() and unit.strip() == unit and unit and not re.search(r"[\d%]", unit))
        ), f"{where}: unit"
        assert unit.isascii(), f"{where}: a unit is canonical English, the word as written is unit_text"
        unit_text = figure["unit_text"]
        if unit_text is not None:
            start, end = _position(record, figure)
            assert isinstance(unit_text, str) and unit_text.strip(), f"{where}: unit_text"
            # why: the counted noun may come before the number ("Exhibitors numbered 31,200")
            paragraph = text[text.rfind("\n", 0, start) + 1 : (text.find("\n", end) + 1 or len(text) + 1) - 1]
            assert unit_text in paragraph, f"{where}: unit_text is not written in the span's paragraph"
        assert figure["qualifier"] in QUALIFIERS, f"{where}: qualifier"
        period = figure["period"]
        assert period is None or PERIOD_RE.fullmatch(period), f"{where}: period"
        assert figure["kind"] in KINDS, f"{where}: kind"
        basis = figure["basis"]
        assert basis is None or basis in BASES, f"{where}: basis"
        if basis == "share_of_plan":
            assert figure["kind"] == "share", f"{where}: share_of_plan is a share"
        elif basis is not None:
            assert figure["kind"] == "change", f"{where}: only a change has a basis"
        if figure["kind"] == "multiple":
            assert unit == "times" and basis is None, f"{where}: a multiple is in times, without basis"
        if figure["kind"] == "share":
            assert unit == "%", f"{where}: a share is in %"
        if unit == "pp":
            assert figure["kind"] == "change", f"{where}: percentage points are a change"
        metric = figure["metric"]
        if metric is not None:
            assert metric in METRIC_KINDS, f"{where}: metric not in the catalogue"
            kind = METRIC_KINDS[metric]
            if figure["kind"] == "multiple":
                pass  # why: a multiple takes the metric of the quantity it multiplies, in times
            elif kind == "currency":
                assert unit in CURRENCIES, f"{where}: currency metric"
            elif kind == "percent":
                assert unit in {"%", "pp", "times"}, f"{where}: percent metric"
            elif kind == "count":
                assert unit not in CURRENCIES | {"%", "pp"}, f"{where}: count metric"
            if metric in {"partner_trade", "partner_trade_growth"}:
                assert figure["partner"], f"{where}: partner metric without partner"
        assert isinstance(figure["entity"], str) and figure["entity"].strip(), f"{where}: entity"
        for name in ("partner", "segment"):
            value = figure[name]
            assert value is None or (isinstance(value, str) and value.strip() == value and value), where
        if figure["segment"] is not None:
            assert figure["segment"] == figure["segment"].lower(), f"{where}: segment is lower case"
        assert isinstance(figure["projection"], bool) and isinstance(figure["conversion"], bool), where
        tags = set(figure["phenomena"])
        assert tags and tags <= tags_allowed, f"{where}: unknown tags {sorted(tags - tags_allowed)}"
        if "period-point" in tags:
            assert period is not None and POINT_RE.fullmatch(period), f"{where}: period-point"
        if "period-lede" in tags:
            assert period is not None, f"{where}: period-lede without a period"
        assert ("period-none" in tags) == (period is None), f"{where}: period-none"
        if figure["segment"] is not None:
            assert "segment" in tags, f"{where}: segment tag"
        if figure["kind"] in ("increment", "multiple"):
            assert figure["kind"] in tags, f"{where}: kind tag"
        if record["script"] == "traditional":
            assert "traditional" in tags, f"{where}: traditional tag"


def check_non_figure_fields(record: dict[str, Any]) -> None:
    allowed = set(NON_FIGURE_PHENOMENA) | set(NON_FIGURE_PHENOMENA_V2)
    for index, item in enumerate(record["non_figures"]):
        tags = set(item["phenomena"])
        assert tags and tags <= allowed, f"{_where(record)}: non-figure #{index} tags"


def check_conversions(record: dict[str, Any]) -> None:
    figures = record["figures"]
    for index, figure in enumerate(figures):
        if figure["conversion"]:
            # The converted amount is the nearest earlier figure of the same kind: a growth
            # rate may stand between them ("4.34兆元，年增6.2%，約合新台幣18.6兆元").
            originals = [f for f in figures[:index] if not f["conversion"] and f["kind"] == figure["kind"]]
            assert originals, f"{_where(record)}: conversion #{index} converts nothing before it"
            original = originals[-1]
            assert original["unit"] != figure["unit"], _where(record)
            for key in ("metric", "entity", "partner", "segment", "period", "projection", "kind"):
                assert original[key] == figure[key], f"{_where(record)}: conversion #{index} {key}"


RECORD_CHECKS = [
    check_record_shape,
    check_spans,
    check_figure_fields,
    check_non_figure_fields,
    check_conversions,
]


# Checks of a whole set.


def check_ids_unique(records: list[dict[str, Any]]) -> None:
    ids = Counter(r["id"] for r in records)
    assert not [i for i, n in ids.items() if n > 1], "duplicate ids"


def check_scores_itself_perfectly(directory: Any) -> None:
    docs = load_v2_set(directory)
    report = score(docs, labels_as_predictions)
    assert report.overall.recall == report.overall.precision == 1.0
    assert not report.wrong_attributes, f"{len(report.wrong_attributes)} fields disagree with themselves"
    for doc in docs:
        for item in doc.figures + doc.non_figures:
            assert doc.text[item.start : item.end] == item.span, doc.id


# The dev set.


def _figures() -> list[dict[str, Any]]:
    return [f for r in RECORDS for f in r["figures"]]


def test_the_three_script_files_exist() -> None:
    assert [p.name for p in devset_files()] == sorted(SCRIPT_FILES.values())


def test_set_is_large_enough() -> None:
    assert len(RECORDS) >= MIN_DOCUMENTS
    assert len(_figures()) >= MIN_FIGURES
    assert sum(r["script"] == "traditional" for r in RECORDS) >= MIN_TRADITIONAL_DOCUMENTS
    for script in SCRIPT_FILES:
        assert sum(len(r["figures"]) for r in RECORDS if r["script"] == script) >= 100, script


def test_ids_unique() -> None:
    check_ids_unique(RECORDS)


@pytest.mark.parametrize("check", RECORD_CHECKS, ids=[c.__name__ for c in RECORD_CHECKS])
@pytest.mark.parametrize("record", RECORDS, ids=[r["id"] for r in RECORDS])
def test_record(record: dict[str, Any], check: Any) -> None:
    check(record)


@pytest.mark.parametrize("tag", sorted((set(FIGURE_PHENOMENA) | set(FIGURE_PHENOMENA_V2)) - RETIRED_TAGS))
def test_every_figure_phenomenon_has_examples(tag: str) -> None:
    count = sum(tag in f["phenomena"] for f in _figures())
    assert count >= MIN_EXAMPLES, f"{tag}: {count} examples"


@pytest.mark.parametrize("tag", NON_FIGURE_PHENOMENA)
def test_every_non_figure_phenomenon_has_examples(tag: str) -> None:
    count = sum(tag in n["phenomena"] for r in RECORDS for n in r["non_figures"])
    assert count >= MIN_EXAMPLES, f"{tag}: {count} examples"


def test_every_kind_and_basis_is_labelled() -> None:
    kinds = Counter(f["kind"] for f in _figures())
    bases = Counter(f["basis"] for f in _figures())
    assert all(kinds[k] >= MIN_EXAMPLES for k in KINDS), kinds
    assert all(bases[b] >= MIN_EXAMPLES for b in BASES), bases


def test_period_lede_figures_are_common() -> None:
    # why: wire copy states the period once, in the headline or lede; a quarter of the figures at least
    lede = sum("period-lede" in f["phenomena"] for f in _figures())
    assert lede >= len(_figures()) // 4, lede


def test_loader_and_scorer_agree_with_the_labels() -> None:
    check_scores_itself_perfectly(DEVSET_DIR)
