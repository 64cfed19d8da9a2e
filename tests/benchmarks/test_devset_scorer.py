"""The version-2 scorer of benchmarks/devset.py on synthetic documents and predictions."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from benchmarks.devset import (
    ABSENT,
    V2_FIELDS,
    DevDoc,
    Prediction,
    format_report,
    labels_as_predictions,
    load_devset,
    load_v2_set,
    main,
    normalise_period,
    score,
    values_agree,
)

EN_TEXT = (
    "GUANGZHOU, July 18 -- Guangdong's foreign trade rose in the first half.\n"
    "Exports reached 2.9 trillion yuan, up 4.1 percent.\n"
    "Private enterprises accounted for 58 percent of the total."
)
HANS_TEXT = "本报广州讯 上半年，佛山进出口3500亿元。\n其中，民营企业进出口2400亿元，环比增长1.2%。"
HANT_TEXT = "廣東首4個月進出口2.9萬億元，按年增長5.1%。"


def _figure(span: str, value: float, unit: str, **fields: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "span": span, "occurrence": 1, "value": value, "unit": unit, "unit_text": None,
        "qualifier": "exact", "period": "2025-H1", "metric": None, "entity": "Guangdong", "partner": None,
        "segment": None, "basis": None, "kind": "level", "projection": False, "conversion": False,
        "phenomena": ["period-lede"],
    }  # fmt: skip
    record.update(fields)
    return record


def _doc(doc_id: str, script: str, text: str, figures: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": doc_id, "labels": 2, "lang": "en" if script == "latin" else "zh", "script": script,
        "published": "2025-07-18", "headline": None, "text": text, "figures": figures,
        "non_figures": [],
    }  # fmt: skip


@pytest.fixture
def v2_dir(tmp_path: Path) -> Path:
    en = _doc(
        "en-t01",
        "latin",
        EN_TEXT,
        [
            _figure("2.9 trillion yuan", 2.9e12, "CNY", unit_text="yuan", metric="exports"),
            _figure("4.1 percent", 4.1, "%", metric="exports_growth", basis="yoy", kind="change"),
            _figure("58 percent", 58, "%", segment="private enterprises", kind="share"),
        ],
    )
    hans = _doc(
        "hans-t01",
        "simplified",
        HANS_TEXT,
        [
            _figure(
                "3500亿元",
                3.5e11,
                "CNY",
                unit_text="元",
                metric="foreign_trade_total",
                entity="Foshan",
                phenomena=["period-lede", "dateline"],
            ),
            _figure(
                "2400亿元",
                2.4e11,
                "CNY",
                unit_text="元",
                metric="foreign_trade_total",
                entity="Foshan",
                segment="private enterprises",
                phenomena=["segment"],
            ),
            _figure(
                "1.2%",
                1.2,
                "%",
                metric="foreign_trade_growth",
                entity="Foshan",
                segment="private enterprises",
                basis="mom",
                kind="change",
                phenomena=["basis-mom"],
            ),
        ],
    )
    hant = _doc(
        "hant-t01",
        "traditional",
        HANT_TEXT,
        [
            _figure(
                "2.9萬億元",
                2.9e12,
                "CNY",
                unit_text="元",
                period="2025-01..2025-04",
                metric="foreign_trade_total",
                phenomena=["traditional"],
            ),
            _figure(
                "5.1%",
                5.1,
                "%",
                period="2025-01..2025-04",
                metric="foreign_trade_growth",
                basis="yoy",
                kind="change",
                phenomena=["traditional"],
            ),
        ],
    )
    for name, record in (("en.jsonl", en), ("zh-hans.jsonl", hans), ("zh-hant.jsonl", hant)):
        (tmp_path / name).write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return tmp_path


def _changed(field: str, value: Any, span: str | None = None) -> Any:
    def extract(doc: DevDoc) -> list[Prediction]:
        out = []
        for label, prediction in zip(doc.figures, labels_as_predictions(doc), strict=True):
            if span is None or label.span == span:
                prediction = replace(prediction, **{field: value})
            out.append(prediction)
        return out

    return extract


def test_loader_reads_v2_fields_in_script_order(v2_dir: Path) -> None:
    docs = load_v2_set(v2_dir)
    assert [(d.id, d.script, d.labels) for d in docs] == [
        ("en-t01", "latin", 2),
        ("hans-t01", "simplified", 2),
        ("hant-t01", "traditional", 2),
    ]
    label = docs[1].figures[2]
    assert (label.segment, label.basis, label.kind, label.unit_text) == (
        "private enterprises",
        "mom",
        "change",
        None,
    )
    assert docs[1].text[label.start : label.end] == "1.2%"
    assert [d.id for d in load_devset(v2_dir, langs=["zh"])] == ["hans-t01", "hant-t01"]
    assert [d.id for d in load_v2_set(v2_dir, scripts=["traditional"])] == ["hant-t01"]


def test_loader_rejects_a_v1_record_or_a_wrong_script(v2_dir: Path) -> None:
    record = json.loads((v2_dir / "zh-hant.jsonl").read_text(encoding="utf-8"))
    record["script"] = "simplified"
    (v2_dir / "zh-hant.jsonl").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValueError, match="script"):
        load_v2_set(v2_dir)
    del record["labels"]
    record["script"] = "traditional"
    (v2_dir / "zh-hant.jsonl").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValueError, match="version-2"):
        load_v2_set(v2_dir)


def test_perfect_predictions_score_one_everywhere(v2_dir: Path) -> None:
    report = score(load_v2_set(v2_dir), labels_as_predictions)
    assert report.overall.labels == report.overall.matched == 8
    assert report.overall.precision == report.overall.recall == 1.0
    for counts in (report.overall, *report.by_script.values(), report.period_lede):
        assert all(counts.accuracy(name) == 1.0 for name in V2_FIELDS)
    assert not report.misses and not report.false_positives and not report.wrong_attributes


@pytest.mark.parametrize(
    "field,wrong",
    [("period", "2025"), ("segment", "foreign-invested enterprises"), ("basis", "yoy"), ("kind", "level"),
     ("value", 1.3), ("unit", "pp"), ("entity", "Guangzhou"), ("metric", "exports_growth")],
)  # fmt: skip
def test_a_wrong_field_is_counted_once(v2_dir: Path, field: str, wrong: Any) -> None:
    report = score(load_v2_set(v2_dir), _changed(field, wrong, span="1.2%"))
    assert report.overall.recall == 1.0, "a wrong field does not unmatch the figure"
    assert report.overall.accuracy(field) == 7 / 8
    assert report.by_script["simplified"].accuracy(field) == 2 / 3
    assert report.by_script["latin"].accuracy(field) == report.by_script["traditional"].accuracy(field) == 1.0
    assert [(w.label.span, w.attribute) for w in report.wrong_attributes] == [("1.2%", field)]


def test_absent_fields_never_equal_a_label(v2_dir: Path) -> None:
    def bare(doc: DevDoc) -> list[Prediction]:
        return [Prediction(f.start, f.end, f.value, f.unit) for f in doc.figures]

    report = score(load_v2_set(v2_dir), bare)
    assert report.overall.recall == 1.0
    assert report.overall.accuracy("value") == report.overall.accuracy("unit") == 1.0
    for name in (
        "qualifier",
        "period",
        "metric",
        "entity",
        "partner",
        "segment",
        "part",
        "basis",
        "kind",
        "projection",
    ):
        assert report.overall.accuracy(name) == 0.0, name
    assert Prediction(0, 1, 1.0, "%").segment is ABSENT


def test_a_null_label_needs_a_null_field(v2_dir: Path) -> None:
    report = score(load_v2_set(v2_dir), _changed("segment", "services", span="2.9 trillion yuan"))
    assert report.overall.accuracy("segment") == 7 / 8


def test_part_scores_whether_there_is_a_segment_whatever_its_name(v2_dir: Path) -> None:
    renamed = score(load_v2_set(v2_dir), _changed("segment", "foreign-invested enterprises", span="1.2%"))
    assert (renamed.overall.accuracy("segment"), renamed.overall.accuracy("part")) == (7 / 8, 1.0)
    dropped = score(load_v2_set(v2_dir), _changed("segment", None, span="1.2%"))
    assert (dropped.overall.accuracy("segment"), dropped.overall.accuracy("part")) == (7 / 8, 7 / 8)
    wrong = [(w.attribute, w.predicted) for w in dropped.wrong_attributes]
    assert wrong == [("segment", None), ("part", None)]
    added = score(load_v2_set(v2_dir), _changed("segment", "services", span="2.9 trillion yuan"))
    assert added.overall.accuracy("part") == 7 / 8


def test_halves_and_quarters_equal_their_month_span(v2_dir: Path) -> None:
    assert normalise_period("2025-H1") == "2025-01..2025-06"
    assert normalise_period("2025-Q2") == "2025-04..2025-06"
    as_months = score(load_v2_set(v2_dir), _changed("period", "2025-01..2025-06", span="4.1 percent"))
    assert as_months.overall.accuracy("period") == 1.0
    wrong_half = score(load_v2_set(v2_dir), _changed("period", "2025-H2", span="4.1 percent"))
    assert wrong_half.overall.accuracy("period") == 7 / 8


def test_segment_is_compared_lower_cased(v2_dir: Path) -> None:
    report = score(load_v2_set(v2_dir), _changed("segment", "Private Enterprises", span="58 percent"))
    assert report.overall.accuracy("segment") == 1.0


def test_period_lede_slice(v2_dir: Path) -> None:
    docs = load_v2_set(v2_dir)
    report = score(docs, _changed("period", None, span="3500亿元"))
    lede = report.period_lede
    assert lede.labels == 4 and lede.matched == 4
    assert lede.accuracy("period") == 3 / 4
    assert report.overall.accuracy("period") == 7 / 8
    missing = score(
        docs,
        lambda d: [p for p in labels_as_predictions(d) if d.text[p.start : p.end] != "2.9 trillion yuan"],
    )
    assert missing.period_lede.recall == 3 / 4 and missing.overall.recall == 7 / 8


def test_position_match_and_one_observation_per_label(v2_dir: Path) -> None:
    docs = load_v2_set(v2_dir)

    def shifted_and_doubled(doc: DevDoc) -> list[Prediction]:
        moved = [replace(p, start=p.start + 1) for p in labels_as_predictions(doc)]
        return moved + labels_as_predictions(doc)

    report = score(docs, shifted_and_doubled)
    assert report.overall.matched == 8 and report.overall.observations == 16
    assert report.overall.precision == 0.5 and len(report.false_positives) == 8
    elsewhere = score(docs, lambda d: [Prediction(0, 3, 1.0, "%")])
    assert elsewhere.overall.matched == 0 and len(elsewhere.misses) == 8


def test_report_and_command_line(v2_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = format_report(score(load_v2_set(v2_dir), labels_as_predictions))
    for row in ("script latin", "script simplified", "script traditional", "period-lede", "segment", "basis"):
        assert row in text
    assert main(["--set", str(v2_dir), "--system", "labels", "--script", "traditional"]) == 0
    out = capsys.readouterr().out
    assert "script traditional" in out and "script latin" not in out


def test_a_version_1_record_keeps_version_1_matching(tmp_path: Path) -> None:
    record = {
        "id": "en-v1", "lang": "en", "published": "2026-01-20", "text": "Exports rose 6.1% last year.",
        "figures": [{"span": "6.1%", "occurrence": 1, "value": 6.1, "unit": "%", "qualifier": "exact",
                     "period": "2025", "metric": "exports_growth", "entity": "Guangdong", "partner": None,
                     "projection": False, "conversion": False, "phenomena": ["percent"]}],
        "non_figures": [],
    }  # fmt: skip
    (tmp_path / "en.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    docs = load_devset(tmp_path)
    assert docs[0].labels == 1 and docs[0].figures[0].segment is None
    perfect = score(docs, labels_as_predictions)
    assert perfect.overall.recall == 1.0 and perfect.overall.accuracy("period") == 1.0
    assert perfect.overall.attribute_scored["segment"] == 0, "version-1 labels are not scored on v2 fields"
    wrong_value = score(docs, lambda d: [replace(p, value=7.0) for p in labels_as_predictions(d)])
    assert wrong_value.overall.matched == 0, "version 1 matches on value"


@pytest.mark.parametrize(
    ("label", "predicted", "agree"),
    [
        (33.33, 100 / 3, True),  # "a third", labelled with two decimals
        (66.67, 200 / 3, True),
        (33.33, 33.3, False),
        (33.3, 100 / 3, False),  # one decimal written: no rounding allowed
        (0.065, 0.065, True),
        (15.0, 15.004, False),
    ],
)
def test_a_value_agrees_with_a_label_written_to_two_decimals_when_it_rounds_to_it(
    label: float, predicted: float, agree: bool
) -> None:
    assert values_agree(label, predicted) is agree
