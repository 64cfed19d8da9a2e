"""Configuration: the shipped files load, and every kind of mistake names its file and key."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gdwatch.config.errors import ConfigError
from gdwatch.config.loader import PACKAGED_CONFIG_DIR, load_config, resolve_config_dir, resolve_db_path


@pytest.fixture
def config_dir(tmp_path: Path) -> Path:
    target = tmp_path / "config"
    target.mkdir()
    for name in ("gdwatch.toml", "sources.toml", "metrics.toml"):
        shutil.copy(PACKAGED_CONFIG_DIR / name, target / name)
    return target


def test_shipped_configuration_loads() -> None:
    config = load_config(PACKAGED_CONFIG_DIR)
    assert config.settings.schedule.cron == "0 6 * * *"
    assert config.settings.schedule.timezone == "Asia/Shanghai"
    assert {s.kind for s in config.sources.sources} == {"rss", "sitemap", "gdelt"}
    assert "广货" in config.settings.relevance.terms_zh
    assert "Guangdong" in config.settings.relevance.terms_en
    gdelt = config.sources.by_name("gdelt-guangdong")
    assert gdelt.max_records == 250 and gdelt.min_interval_s >= 5


@pytest.mark.parametrize(
    ("file", "old", "new", "key", "problem"),
    [
        ("gdwatch.toml", "retries = 2", "retrys = 2", "politeness.retrys", "unknown key"),
        ("gdwatch.toml", "retries = 2", "retries = -1", "politeness.retries", "greater than or equal to 0"),
        ("gdwatch.toml", 'cron = "0 6 * * *"', 'cron = "daily"', "schedule.cron", "five fields"),
        (
            "gdwatch.toml",
            'timezone = "Asia/Shanghai"',
            'timezone = "Mars/Olympus"',
            "schedule.timezone",
            "unknown time zone",
        ),
        ("sources.toml", 'kind = "gdelt"', 'kind = "gdlet"', "sources[gdelt-guangdong].kind", "'rss'"),
        (
            "sources.toml",
            'name = "xinhua-china"',
            'name = "chinadaily-business"',
            "sources",
            "duplicate source name",
        ),
        (
            "sources.toml",
            'url = "https://www.xinhuanet.com/english/rss/chinarss.xml"',
            'url = "not a url"',
            "sources[xinhua-china].url",
            "URL",
        ),
    ],
)
def test_bad_values_name_file_key_and_problem(
    config_dir: Path, file: str, old: str, new: str, key: str, problem: str
) -> None:
    path = config_dir / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(config_dir)
    assert caught.value.file == str(path)
    assert caught.value.key == key
    assert problem in caught.value.problem


def test_invalid_toml_and_missing_files(config_dir: Path) -> None:
    (config_dir / "gdwatch.toml").write_text("[politeness\nretries = 2\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(config_dir)
    (config_dir / "gdwatch.toml").unlink()
    with pytest.raises(ConfigError, match="file not found"):
        load_config(config_dir)
    with pytest.raises(ConfigError, match="config directory not found"):
        load_config(config_dir / "nope")


def test_gdelt_source_needs_a_query(config_dir: Path) -> None:
    path = config_dir / "sources.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("query =")] + text[text.index("language", text.index("query =")) :])
    with pytest.raises(ConfigError, match="needs a query"):
        load_config(config_dir)


def test_environment_overrides(monkeypatch: pytest.MonkeyPatch, config_dir: Path, tmp_path: Path) -> None:
    settings = load_config(config_dir).settings
    monkeypatch.delenv("GDWATCH_DB", raising=False)
    monkeypatch.delenv("GDWATCH_CONFIG", raising=False)
    assert resolve_db_path(None, settings) == Path("data/warehouse.duckdb")
    assert resolve_config_dir() == PACKAGED_CONFIG_DIR
    monkeypatch.setenv("GDWATCH_DB", str(tmp_path / "x.duckdb"))
    monkeypatch.setenv("GDWATCH_CONFIG", str(config_dir))
    assert resolve_db_path(None, settings) == tmp_path / "x.duckdb"
    assert resolve_db_path(tmp_path / "y.duckdb", settings) == tmp_path / "y.duckdb"
    assert resolve_config_dir() == config_dir
