"""config/outlets.toml and the [conflicts] settings: loaded and validated."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gdwatch.config.errors import ConfigError
from gdwatch.config.loader import PACKAGED_CONFIG_DIR, load_config, load_outlets


def test_the_shipped_outlets_load_and_official_releasers_are_marked() -> None:
    outlets = {o.name: o for o in load_outlets(PACKAGED_CONFIG_DIR).outlets}
    assert "21世纪经济报道" in outlets["21st Century Business Herald"].aliases
    assert outlets["Guangdong Provincial Bureau of Statistics"].official
    assert not outlets["Xinhua"].official


def test_a_directory_without_outlets_uses_the_packaged_ones(tmp_path: Path) -> None:
    assert load_outlets(tmp_path) == load_outlets(PACKAGED_CONFIG_DIR)


def test_one_name_for_two_outlets_is_refused(tmp_path: Path) -> None:
    (tmp_path / "outlets.toml").write_text(
        '[[outlets]]\nname = "A"\naliases = ["Same"]\n\n[[outlets]]\nname = "B"\naliases = ["same"]\n',
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match="names both"):
        load_outlets(tmp_path)


def test_unknown_outlet_key_names_file_and_key(tmp_path: Path) -> None:
    (tmp_path / "outlets.toml").write_text('[[outlets]]\nname = "A"\ndomain = "a.com"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_outlets(tmp_path)
    assert "outlets.toml" in str(caught.value) and "domain" in str(caught.value)


def test_conflict_settings_default_and_bounds(tmp_path: Path) -> None:
    assert load_config(PACKAGED_CONFIG_DIR).settings.conflicts.stock_window_days == 31
    directory = tmp_path / "config"
    shutil.copytree(PACKAGED_CONFIG_DIR, directory, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    settings = directory / "gdwatch.toml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(
        text.replace("near_copy_similarity = 0.5", "near_copy_similarity = 1.5"), encoding="utf-8"
    )
    with pytest.raises(ConfigError, match=r"conflicts\.near_copy_similarity"):
        load_config(directory)
