"""The held-out figure set is well formed, follows the dev set's conventions and shares no text with it.

The checks are the dev set's own (tests/extractors/test_devset_format.py), called on the held-out records:
the per-record checks take the record as an argument, and the whole-set checks read that module's
``RECORDS``, which is pointed at the held-out records for the duration of each test.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from benchmarks.devset import DEVSET_DIR, LANGS, devset_files, load_devset, read_records
from tests.extractors.figures import test_devset_format as checks

HELDOUT_DIR = Path(__file__).resolve().parents[2] / "data" / "heldout"
RECORDS = read_records(HELDOUT_DIR)
FIGURES = [(r["id"], f) for r in RECORDS for f in r["figures"]]
NON_FIGURES = [(r["id"], n) for r in RECORDS for n in r["non_figures"]]
MIN_DOCS_PER_LANG = 20
MIN_FIGURES = 120
MIN_NON_FIGURES = 30

SET_CHECKS: list[Callable[[], None]] = [
    checks.test_ids_unique_and_prefixed_by_language,
    checks.test_metric_units_match_metric_kind,
    checks.test_partner_metrics_have_a_partner,
    checks.test_conversions_follow_their_figure,
    checks.test_metric_keys_exist_in_catalogue,
]


def test_both_language_files_exist() -> None:
    assert [p.name for p in devset_files(HELDOUT_DIR)] == [f"{lang}.jsonl" for lang in sorted(LANGS)]


def test_set_is_large_enough() -> None:
    assert len(FIGURES) >= MIN_FIGURES
    assert len(NON_FIGURES) >= MIN_NON_FIGURES
    for lang in LANGS:
        assert sum(r["lang"] == lang for r in RECORDS) >= MIN_DOCS_PER_LANG, lang


@pytest.mark.parametrize("record", RECORDS, ids=[r["id"] for r in RECORDS])
def test_record_shape(record: dict[str, Any]) -> None:
    checks.test_record_shape(record)


@pytest.mark.parametrize("record", RECORDS, ids=[r["id"] for r in RECORDS])
def test_spans_found_and_disjoint(record: dict[str, Any]) -> None:
    checks.test_spans_found_and_disjoint(record)


@pytest.mark.parametrize("record", RECORDS, ids=[r["id"] for r in RECORDS])
def test_figure_spans_are_whole_numbers(record: dict[str, Any]) -> None:
    checks.test_figure_spans_are_whole_numbers(record)


@pytest.mark.parametrize("doc_id,figure", FIGURES, ids=[f"{i}:{f['span']}" for i, f in FIGURES])
def test_figure_fields(doc_id: str, figure: dict[str, Any]) -> None:
    checks.test_figure_fields(doc_id, figure)


@pytest.mark.parametrize("doc_id,item", NON_FIGURES, ids=[f"{i}:{n['span']}" for i, n in NON_FIGURES])
def test_non_figure_fields(doc_id: str, item: dict[str, Any]) -> None:
    checks.test_non_figure_fields(doc_id, item)


@pytest.mark.parametrize("check", SET_CHECKS, ids=[c.__name__ for c in SET_CHECKS])
def test_set_follows_devset_convention(check: Callable[[], None], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checks, "RECORDS", RECORDS)
    check()


def test_loader_resolves_every_span() -> None:
    docs = load_devset(HELDOUT_DIR)
    assert len(docs) == len(RECORDS)
    for doc in docs:
        for item in doc.figures + doc.non_figures:
            assert doc.text[item.start : item.end] == item.span


def _sentences(text: str) -> set[str]:
    parts = re.split(r"(?<=[.!?。！？])\s*|\n", text)
    return {" ".join(p.split()) for p in parts if len(p.strip()) >= 20}


def test_no_text_shared_with_devset() -> None:
    # why: a held-out sentence that is also a dev set sentence was seen in tuning and scores optimistically
    dev = set().union(*(_sentences(r["text"]) for r in read_records(DEVSET_DIR)))
    ids = {r["id"] for r in read_records(DEVSET_DIR)}
    for record in RECORDS:
        assert record["id"] not in ids, record["id"]
        shared = _sentences(record["text"]) & dev
        assert not shared, (record["id"], sorted(shared))
