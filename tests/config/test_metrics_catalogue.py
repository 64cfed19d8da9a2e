"""The metrics catalogue file: it loads, lists every documented key, and drives matching without code."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import opencc
import pytest

from gdwatch.config.errors import ConfigError
from gdwatch.config.loader import load_metrics
from gdwatch.extractors.figures.engine import extract_observations

ARCHITECTURE = Path(__file__).resolve().parents[2] / "docs" / "architecture.md"


def documented_keys() -> set[str]:
    """Every metric key in the table of docs/architecture.md ("| `a` / `b` | ... |" rows)."""
    text = ARCHITECTURE.read_text(encoding="utf-8")
    section = text.split("## Metric keys", 1)[1].split("\n## ", 1)[0]
    keys: set[str] = set()
    for line in section.splitlines():
        if line.startswith("| `"):
            keys.update(re.findall(r"`([a-z0-9_]+)`", line.split("|")[1]))
    return keys


def test_the_packaged_catalogue_loads_with_every_documented_key() -> None:
    catalogue = load_metrics()
    keys = {metric.key for metric in catalogue.metrics}
    assert len(documented_keys()) == 31
    assert documented_keys() <= keys
    for metric in catalogue.metrics:
        assert metric.description
        assert metric.phrases_en and metric.phrases_zh, metric.key


def test_unit_kinds_follow_the_documented_table() -> None:
    kinds = {metric.key: metric.unit_kind for metric in load_metrics().metrics}
    assert kinds["foreign_trade_total"] == kinds["rd_investment"] == kinds["industry_revenue"] == "currency"
    assert kinds["exports_growth"] == kinds["market_share"] == kinds["rd_intensity"] == "percent"
    assert kinds["trillion_yuan_clusters"] == kinds["little_giants"] == kinds["sme_count"] == "count"


def test_a_metric_added_to_the_file_is_matched_without_code_change(tmp_path: Path) -> None:
    packaged = (Path(__file__).resolve().parents[2] / "config" / "metrics.toml").read_text(encoding="utf-8")
    extra = (
        "\n[[metrics]]\n"
        'key = "drone_exports"\n'
        'description = "Value of drone exports."\n'
        'unit_kind = "currency"\n'
        'phrases_en = ["drone exports"]\n'
        'phrases_zh = ["无人机出口"]\n'
    )
    path = tmp_path / "metrics.toml"
    path.write_text(packaged + extra, encoding="utf-8")
    catalogue = load_metrics(path)
    text = "Guangdong's drone exports reached 40 billion yuan in 2025. 2025年，广东无人机出口56亿美元。"
    found = extract_observations(text, published=date(2026, 1, 10), catalogue=catalogue)
    assert [(o.metric, o.value, o.unit, o.period) for o in found] == [
        ("drone_exports", 40e9, "CNY", "2025"),
        ("drone_exports", 5.6e9, "USD", "2025"),
    ]
    without = extract_observations(text, published=date(2026, 1, 10), catalogue=load_metrics())
    # without it, both are exports of a part of the whole: the segment keeps them off the total's line
    assert [(o.metric, o.segment) for o in without] == [("exports", "drones"), ("exports", "drones")]


def test_every_part_is_written_in_both_chinese_scripts_and_they_agree() -> None:
    to_simplified = opencc.OpenCC("t2s")
    segments = load_metrics().segments
    names = {segment.name for segment in segments}
    assert {"private enterprises", "drones", "net profit", "cross-border e-commerce"} <= names
    for segment in segments:
        assert len(segment.zh_hant) == len(segment.zh_hans), segment.name
        for hans, hant in zip(segment.zh_hans, segment.zh_hant, strict=True):
            assert to_simplified.convert(hant) == hans, f"{segment.name}: {hant} is not {hans}"


def test_a_part_added_to_the_file_is_recognised_without_code_change(tmp_path: Path) -> None:
    packaged = (Path(__file__).resolve().parents[2] / "config" / "metrics.toml").read_text(encoding="utf-8")
    extra = (
        '\n[[segments]]\nname = "longans"\nen = ["longans", "dragon eyes"]\n'
        'zh_hans = ["龙眼"]\nzh_hant = ["龍眼"]\n'
    )
    path = tmp_path / "metrics.toml"
    path.write_text(packaged + extra, encoding="utf-8")
    text = "Exports of dragon eyes rose 12 percent in 2025. 2025年，广东龙眼出口增长9%。"
    published = date(2026, 1, 10)
    before = extract_observations(text, published=published, catalogue=load_metrics())
    after = extract_observations(text, published=published, catalogue=load_metrics(path))
    # without the table each part is kept as written (龙眼 opens its clause as the flow's subject)
    assert [o.segment for o in before] == ["dragon eyes", "龙眼"]
    assert [(o.metric, o.segment) for o in after] == [("exports_growth", "longans")] * 2


def test_a_part_listed_twice_is_one_readable_error(tmp_path: Path) -> None:
    packaged = (Path(__file__).resolve().parents[2] / "config" / "metrics.toml").read_text(encoding="utf-8")
    path = tmp_path / "metrics.toml"
    path.write_text(packaged + '\n[[segments]]\nname = "bots"\nen = ["robots"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"'robots' is listed under both 'robots' and 'bots'"):
        load_metrics(path)


def test_units_are_only_for_measures(tmp_path: Path) -> None:
    packaged = (Path(__file__).resolve().parents[2] / "config" / "metrics.toml").read_text(encoding="utf-8")
    path = tmp_path / "metrics.toml"
    extra = '\n[[segments]]\nname = "lychees"\nunits = ["tonnes"]\nen = ["lychees"]\nzh_hans = ["荔枝"]\n'
    path.write_text(packaged + extra, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"segment 'lychees': units are for measures"):
        load_metrics(path)


@pytest.mark.parametrize(
    ("tables", "error"),
    [
        (
            '\n[[segments]]\nname = "boxes"\nen = ["boxes"]\nmeasure = true\nunits = ["TEU"]\n'
            'implied_by = ["tonnes"]\n',
            r"segment 'boxes': implied_by lists only units of the measure",
        ),
        (
            '\n[[segments]]\nname = "boxes"\nen = ["boxes"]\nmeasure = true\nunits = ["TEU"]\n'
            'implied_by = ["TEU"]\n',
            r"unit 'TEU' is implied_by both 'container throughput' and 'boxes'",
        ),
        (
            '\n[[segments]]\nname = "boxes sold"\nen = ["boxes sold"]\nin_money = "box business"\n',
            r"segment 'boxes sold': in_money 'box business' is no segment",
        ),
    ],
)
def test_a_unit_implies_one_measure_of_its_own(tmp_path: Path, tables: str, error: str) -> None:
    packaged = (Path(__file__).resolve().parents[2] / "config" / "metrics.toml").read_text(encoding="utf-8")
    path = tmp_path / "metrics.toml"
    path.write_text(packaged + tables, encoding="utf-8")
    with pytest.raises(ConfigError, match=error):
        load_metrics(path)
