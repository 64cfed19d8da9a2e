"""config/gazetteer.toml: it loads, its traditional names agree with its simplified ones, and adding a city,
a district or a partner is an edit of the file, not of code."""

from __future__ import annotations

import shutil
import threading
from datetime import date
from pathlib import Path

import opencc
import pytest

from gdwatch.config.errors import ConfigError
from gdwatch.config.loader import PACKAGED_CONFIG_DIR, load_config, load_gazetteer, load_metrics
from gdwatch.config.models import Gazetteer, GazetteerEntry
from gdwatch.extractors.figures import FigureExtractor
from gdwatch.extractors.figures.numbers import normalize

KINDS = ("cities", "districts", "regions", "events", "companies", "partners", "jurisdictions")


def entries(gazetteer: Gazetteer) -> list[tuple[str, GazetteerEntry]]:
    return [("home", gazetteer.home)] + [(kind, e) for kind in KINDS for e in getattr(gazetteer, kind)]


def test_the_packaged_gazetteer_loads_with_every_city_of_the_province() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.home.name == "Guangdong"
    assert len(gazetteer.cities) == 21
    assert {"ASEAN", "EU", "US", "Hong Kong"} <= {p.name for p in gazetteer.partners}
    assert load_config().gazetteer == gazetteer


def test_every_entry_has_both_chinese_scripts_and_they_agree() -> None:
    to_simplified = opencc.OpenCC("t2s")
    for kind, entry in entries(load_gazetteer()):
        assert len(entry.zh_hant) == len(entry.zh_hans), (
            f"{kind} {entry.name}: one traditional per simplified"
        )
        for hans, hant in zip(entry.zh_hans, entry.zh_hant, strict=True):
            assert to_simplified.convert(hant) == hans, f"{kind} {entry.name}: {hant} is not {hans}"


def test_every_entry_has_an_english_name_to_be_found_by() -> None:
    # a partner with no English form is never found in English copy ("Guangdong-Jordan trade")
    assert [f"{kind} {entry.name}" for kind, entry in entries(load_gazetteer()) if not entry.en] == []


def test_chinese_names_are_written_as_the_extractor_reads_text() -> None:
    # the extractor matches names in normalized text (ASCII brackets and digits, simplified): a name written
    # with full-width brackets (刚果（金）) would never be found
    for kind, entry in entries(load_gazetteer()):
        for written in entry.zh_hans:
            assert normalize(written) == written, (
                f"{kind} {entry.name}: write {written} as {normalize(written)}"
            )


def _config_with(tmp_path: Path, extra: str) -> Path:
    directory = tmp_path / "config"
    shutil.copytree(PACKAGED_CONFIG_DIR, directory, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    gazetteer = directory / "gazetteer.toml"
    gazetteer.write_text(gazetteer.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return directory


def test_a_district_and_a_partner_added_to_the_file_are_recognised(tmp_path: Path) -> None:
    # a made-up town: every real county-level division of Guangdong is in the packaged file
    text = "Qinglan's exports to Nordic countries rose 8 percent in 2025. 2025年，青岚对北欧国家出口增长8%。"
    before = FigureExtractor(load_metrics(), load_gazetteer()).extract(text, published=date(2026, 1, 10))
    assert {(o.entity, o.partner) for o in before} == {("Guangdong", None)}
    directory = _config_with(
        tmp_path,
        '\n[[districts]]\nname = "Qinglan"\nen = ["Qinglan"]\nzh_hans = ["青岚"]\nzh_hant = ["青嵐"]\n'
        '\n[[partners]]\nname = "Nordic countries"\nen = ["nordic countries"]\n'
        'zh_hans = ["北欧国家"]\nzh_hant = ["北歐國家"]\n',
    )
    config = load_config(directory)
    after = FigureExtractor(config.metrics, config.gazetteer).extract(text, published=date(2026, 1, 10))
    assert [(o.entity, o.partner, o.metric) for o in after] == [
        ("Qinglan", "Nordic countries", "exports_growth")
    ] * 2


def test_a_bad_gazetteer_is_one_readable_error(tmp_path: Path) -> None:
    directory = _config_with(tmp_path, '\n[[cities]]\nname = "Foshan"\nen = ["Foshan"]\n')
    with pytest.raises(ConfigError, match=r"gazetteer.toml.*Foshan.*listed twice"):
        load_config(directory)
    directory = _config_with(tmp_path / "b", '\n[[cities]]\nname = "Nowhere"\nspelling = ["x"]\n')
    with pytest.raises(ConfigError, match=r"cities\[Nowhere\]\.spelling: unknown key"):
        load_config(directory)


def test_one_extractor_serves_many_threads_with_the_same_results() -> None:
    extractor = FigureExtractor(load_metrics(), load_gazetteer())
    texts = [
        f"In the first half, Shenzhen's exports to ASEAN rose {n}.{n} percent.\n民营企业进出口{n}万亿元。"
        for n in range(1, 9)
    ]
    expected = [extractor.extract(t, published=date(2025, 7, 20)) for t in texts]
    results: dict[int, list[object]] = {}

    def work(index: int) -> None:
        for _ in range(20):
            results[index] = list(extractor.extract(texts[index], published=date(2025, 7, 20)))

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(texts))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [results[i] for i in range(len(texts))] == expected
