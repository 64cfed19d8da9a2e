"""Every record of the figure-extraction dev set is well formed and follows the labelling conventions."""

from __future__ import annotations

import math
import re
import tomllib
from collections import Counter
from datetime import date
from typing import Any

import pytest

from benchmarks.devset import (
    FIGURE_PHENOMENA,
    LANGS,
    NON_FIGURE_PHENOMENA,
    PERIOD_RE,
    QUALIFIERS,
    devset_files,
    load_devset,
    read_records,
    span_position,
)
from gdwatch.config.loader import METRICS_FILE, PACKAGED_CONFIG_DIR

RECORDS = read_records()
FIGURE_KEYS = {
    "span", "occurrence", "value", "unit", "qualifier", "period", "metric", "entity", "partner",
    "projection", "conversion", "phenomena",
}  # fmt: skip
NON_FIGURE_KEYS = {"span", "occurrence", "phenomena"}
CURRENCIES = {"CNY", "USD", "HKD", "EUR", "GBP", "JPY", "MOP"}
# The architecture's metric table: the catalogue must contain at least these keys.
ARCHITECTURE_METRICS = {
    "foreign_trade_total", "foreign_trade_growth", "exports", "exports_growth", "imports", "imports_growth",
    "partner_trade", "partner_trade_growth", "gdp", "gdp_growth", "industrial_added_value",
    "industrial_added_value_growth", "advanced_manufacturing_share", "high_tech_manufacturing_share",
    "rd_investment", "rd_intensity", "trillion_yuan_clusters", "industry_revenue",
    "industrial_robot_output_growth", "service_robot_output_growth", "industrial_robot_national_share",
    "service_robot_national_share", "import_export_enterprises", "sme_count", "little_giants",
    "robotics_enterprises", "market_share", "retail_sales", "retail_sales_growth", "cross_border_ecommerce",
    "cross_border_ecommerce_growth",
}  # fmt: skip
MIN_EXAMPLES = 3


def _figures() -> list[tuple[str, dict[str, Any]]]:
    return [(r["id"], f) for r in RECORDS for f in r["figures"]]


def _non_figures() -> list[tuple[str, dict[str, Any]]]:
    return [(r["id"], n) for r in RECORDS for n in r["non_figures"]]


def test_both_language_files_exist() -> None:
    assert [p.name for p in devset_files()] == [f"{lang}.jsonl" for lang in sorted(LANGS)]


def test_set_is_large_enough() -> None:
    assert len(_figures()) >= 220
    assert len(_non_figures()) >= 60
    for lang in LANGS:
        assert sum(len(r["figures"]) for r in RECORDS if r["lang"] == lang) >= 100, lang


def test_ids_unique_and_prefixed_by_language() -> None:
    ids = [r["id"] for r in RECORDS]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
    for record in RECORDS:
        assert record["lang"] in LANGS, record["_where"]
        assert record["id"].startswith(record["lang"] + "-"), record["_where"]
        assert record["_where"].startswith(record["lang"] + ".jsonl"), record["_where"]


@pytest.mark.parametrize("record", RECORDS, ids=[r["id"] for r in RECORDS])
def test_record_shape(record: dict[str, Any]) -> None:
    assert set(record) == {"id", "lang", "published", "text", "figures", "non_figures", "_where"}
    date.fromisoformat(record["published"])
    assert record["text"].strip() and record["figures"], "a document needs text and at least one figure"
    for figure in record["figures"]:
        assert set(figure) == FIGURE_KEYS, figure
    for non_figure in record["non_figures"]:
        assert set(non_figure) == NON_FIGURE_KEYS, non_figure


@pytest.mark.parametrize("record", RECORDS, ids=[r["id"] for r in RECORDS])
def test_spans_found_and_disjoint(record: dict[str, Any]) -> None:
    text = record["text"]
    placed: list[tuple[int, int, str]] = []
    for item in record["figures"] + record["non_figures"]:
        assert isinstance(item["occurrence"], int) and item["occurrence"] >= 1
        start = span_position(text, item["span"], item["occurrence"])
        assert start >= 0, f"{item['span']!r} #{item['occurrence']} not in {record['id']}"
        end = start + len(item["span"])
        for other_start, other_end, other in placed:
            assert end <= other_start or other_end <= start, f"{item['span']!r} overlaps {other!r}"
        placed.append((start, end, item["span"]))


@pytest.mark.parametrize("record", RECORDS, ids=[r["id"] for r in RECORDS])
def test_figure_spans_are_whole_numbers(record: dict[str, Any]) -> None:
    # why: a span that cuts a number ("6.1%" inside "16.1%") labels the wrong figure
    text = record["text"]
    for item in record["figures"]:
        start = span_position(text, item["span"], item["occurrence"])
        end = start + len(item["span"])
        before, after = text[max(0, start - 2) : start], text[end : end + 2]
        assert not before[-1:].isdigit(), item["span"]
        assert not (before[-1:] in ".,．" and before[:1].isdigit()), item["span"]
        assert not after[:1].isdigit(), item["span"]
        assert not (after[:1] in ".,．" and after[1:].isdigit()), item["span"]


@pytest.mark.parametrize("doc_id,figure", _figures(), ids=[f"{i}:{f['span']}" for i, f in _figures()])
def test_figure_fields(doc_id: str, figure: dict[str, Any]) -> None:
    assert isinstance(figure["value"], int | float) and math.isfinite(figure["value"])
    unit = figure["unit"]
    assert (
        unit in CURRENCIES
        or unit in {"%", "pp", "years", "count"}
        or (unit == unit.lower() and not re.search(r"[\d%]", unit) and unit.strip() == unit and unit)
    ), unit
    assert figure["qualifier"] in QUALIFIERS
    assert figure["period"] is None or PERIOD_RE.fullmatch(figure["period"]), figure["period"]
    assert figure["metric"] is None or figure["metric"] in ARCHITECTURE_METRICS, figure["metric"]
    assert isinstance(figure["entity"], str) and figure["entity"].strip()
    assert figure["partner"] is None or (isinstance(figure["partner"], str) and figure["partner"].strip())
    assert isinstance(figure["projection"], bool) and isinstance(figure["conversion"], bool)
    assert figure["phenomena"] and set(figure["phenomena"]) <= set(FIGURE_PHENOMENA), figure["phenomena"]


def test_metric_units_match_metric_kind() -> None:
    for doc_id, figure in _figures():
        metric = figure["metric"]
        if metric is None:
            continue
        unit = figure["unit"]
        if metric.endswith(("_growth", "_share", "_intensity")):
            assert unit in {"%", "pp"}, (doc_id, figure["span"])
        elif metric in {"trillion_yuan_clusters", "import_export_enterprises", "sme_count", "little_giants",
                        "robotics_enterprises"}:  # fmt: skip
            assert unit not in CURRENCIES and unit not in {"%", "pp", "years"}, (doc_id, figure["span"])
        else:
            assert unit in CURRENCIES, (doc_id, figure["span"])


def test_partner_metrics_have_a_partner() -> None:
    for doc_id, figure in _figures():
        if figure["metric"] in {"partner_trade", "partner_trade_growth"}:
            assert figure["partner"], (doc_id, figure["span"])


def test_conversions_follow_their_figure() -> None:
    for record in RECORDS:
        figures = record["figures"]
        for index, figure in enumerate(figures):
            if figure["conversion"]:
                assert index > 0, (record["id"], figure["span"])
                original = figures[index - 1]
                assert not original["conversion"] and original["unit"] != figure["unit"]
                for key in ("metric", "entity", "period", "projection"):
                    assert original[key] == figure[key], (record["id"], figure["span"], key)


def test_metric_keys_exist_in_catalogue() -> None:
    path = PACKAGED_CONFIG_DIR / METRICS_FILE
    if not path.exists():
        pytest.skip("config/metrics.toml is not written yet")
    keys = {m["key"] for m in tomllib.loads(path.read_text(encoding="utf-8")).get("metrics", [])}
    used = {f["metric"] for _, f in _figures() if f["metric"] is not None}
    assert used <= keys, sorted(used - keys)


@pytest.mark.parametrize("doc_id,item", _non_figures(), ids=[f"{i}:{n['span']}" for i, n in _non_figures()])
def test_non_figure_fields(doc_id: str, item: dict[str, Any]) -> None:
    assert item["phenomena"] and set(item["phenomena"]) <= set(NON_FIGURE_PHENOMENA), item["phenomena"]


@pytest.mark.parametrize("tag", FIGURE_PHENOMENA)
def test_every_figure_phenomenon_has_examples(tag: str) -> None:
    count = sum(tag in f["phenomena"] for _, f in _figures())
    assert count >= MIN_EXAMPLES, f"{tag}: {count} examples"


@pytest.mark.parametrize("tag", NON_FIGURE_PHENOMENA)
def test_every_non_figure_phenomenon_has_examples(tag: str) -> None:
    count = sum(tag in n["phenomena"] for _, n in _non_figures())
    assert count >= MIN_EXAMPLES, f"{tag}: {count} examples"


def test_loader_resolves_every_span() -> None:
    docs = load_devset()
    assert len(docs) == len(RECORDS)
    for doc in docs:
        for item in doc.figures + doc.non_figures:
            assert doc.text[item.start : item.end] == item.span
