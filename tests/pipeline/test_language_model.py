"""py3langid's model read from gdwatch's cache is py3langid's own: the same arrays, types and scores; a
damaged or unwritable cache falls back to decompressing the model, as py3langid does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import py3langid
import pytest
from py3langid.langid import _get_identifier

from gdwatch.extractors.pages.language import _ArrayIdentifier
from gdwatch.pipeline.language_model import (
    ARRAYS,
    CACHE_ENV,
    _cached,
    _write,
    cache_path,
    decompressed_arrays,
    identifier_from,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
TEXTS = [
    "",
    "a",
    "Guangdong's foreign trade reached RMB9.1 trillion in 2025, up 4.4 percent year-on-year.",
    "今年前三季度，广东省外贸进出口总值6.8万亿元，同比增长4.4%。",
    "廣東省外貿進出口總值６．８萬億元，同比增長４．４％。",
    "Le commerce extérieur du Guangdong a progressé de 4,4 % sur un an.",
    "Внешняя торговля провинции Гуандун выросла на 4,4 процента.",
]


def assert_same_model(ours: object, theirs: object) -> None:
    for name in ("nb_ptc", "nb_pc"):
        mine, own = getattr(ours, name), getattr(theirs, name)
        assert type(mine) is type(own) and mine.dtype == own.dtype and mine.shape == own.shape, name
        assert mine.tobytes() == own.tobytes(), name
    for name in ("nb_classes", "tk_output", "_rowbase"):
        assert getattr(ours, name) == getattr(theirs, name), name
    for name in ("tk_nextmove", "tk_row"):
        mine, own = getattr(ours, name), getattr(theirs, name)
        assert type(mine) is type(own) and mine.typecode == own.typecode and mine == own, name


def test_the_cached_model_is_py3langids_own(tmp_path: Path) -> None:
    path = cache_path(tmp_path)
    _write(path, decompressed_arrays())
    arrays = _cached(path)
    assert arrays is not None and sorted(arrays) == sorted(ARRAYS)
    cached = identifier_from(arrays)
    own = _get_identifier()
    assert_same_model(cached, own)
    ours = _ArrayIdentifier(cached)
    for text in TEXTS:
        assert ours._decide(text).tobytes() == own._decide(text).tobytes(), text
        assert ours.classify(text)[0] == py3langid.classify(text)[0], text


def test_a_damaged_cache_is_not_read(tmp_path: Path) -> None:
    path = cache_path(tmp_path)
    _write(path, decompressed_arrays())
    nextmove = path / "nextmove.npy"
    nextmove.write_bytes(nextmove.read_bytes()[: nextmove.stat().st_size // 2])
    assert _cached(path) is None
    assert _cached(tmp_path / "missing") is None


def test_the_cache_is_named_after_the_installed_model(tmp_path: Path) -> None:
    name = cache_path(tmp_path).name
    assert name.startswith("py3langid-")
    assert str(os.stat(Path(py3langid.__file__).parent / "data" / "model.npz.xz").st_size) in name


def run_warm_up(cache: Path) -> str:
    """A fresh process's warm-up (what a run does before forking its page workers), with ``cache``."""
    code = (
        "from gdwatch.config.loader import load_config\n"
        "from gdwatch.extractors.figures import FigureExtractor\n"
        "from gdwatch.extractors.pages import language\n"
        "from gdwatch.pipeline.workers import warm_up\n"
        "config = load_config()\n"
        "warm_up(FigureExtractor(config.metrics, config.gazetteer))\n"
        "print(language._model is not None, language.classify('广东省外贸进出口总值6.8万亿元'))\n"
    )
    env = {**os.environ, CACHE_ENV: str(cache)}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


@pytest.mark.parametrize("damage", ["none", "cut short", "not a folder"])
def test_the_warm_up_reads_the_cache_and_writes_it_when_missing(tmp_path: Path, damage: str) -> None:
    cache = tmp_path / "cache"
    assert run_warm_up(cache) == "True zh"  # written: no cache yet
    (folder,) = cache.iterdir()
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{name}.npy" for name in ARRAYS)
    if damage == "cut short":
        ptc = folder / "ptc.npy"
        ptc.write_bytes(ptc.read_bytes()[:1000])
    elif damage == "not a folder":
        for file in folder.iterdir():
            file.unlink()
        folder.rmdir()
        folder.write_text("not a cache")
    assert run_warm_up(cache) == "True zh"
    arrays = _cached(folder)
    assert arrays is not None  # a damaged cache is written again
    assert np.array_equal(arrays["pc"], decompressed_arrays()["pc"])


def test_an_unwritable_cache_still_gives_the_model(tmp_path: Path) -> None:
    blocked = tmp_path / "a file"
    blocked.write_text("the cache folder cannot be made under a file")
    assert run_warm_up(blocked / "cache") == "True zh"
