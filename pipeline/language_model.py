"""py3langid's model, decompressed once per machine instead of once per run.

py3langid ships its model LZMA-compressed (4.5 MB; 68 MB once decompressed) and decompresses it on the
first text a process identifies: about 0.45 s of CPU, which a run pays in its warm-up, before the first
page worker can start (docs/benchmarks.md, "Both cores"). Here the arrays of py3langid's model file are
kept as plain ``.npy`` files in a cache folder named after the model file; a run reads them in a few
hundredths of a second and builds the identifier exactly as py3langid's loader does (the same arrays, the
same types), so every score is py3langid's (`tests/pipeline/test_language_model.py`).

The cache lives in ``$GDWATCH_CACHE_DIR``, else ``$XDG_CACHE_HOME/gdwatch``, else ``~/.cache/gdwatch``. A
missing, damaged or unwritable cache only means the model is decompressed as before.
"""

from __future__ import annotations

import contextlib
import io
import lzma
import os
import shutil
from importlib.metadata import version
from pathlib import Path
from typing import Any

CACHE_ENV = "GDWATCH_CACHE_DIR"
ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")
"""The arrays of py3langid's model file (`py3langid.modelio.load_model` reads these six)."""


def cache_dir() -> Path:
    """Where gdwatch keeps files it can rebuild: ``$GDWATCH_CACHE_DIR``, else the user's cache folder."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "gdwatch"


def model_file() -> Path:
    """py3langid's packaged model (an LZMA-compressed npz)."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    return Path(MODEL_DIR) / MODEL_FILE


def cache_path(directory: Path | None = None) -> Path:
    """The cache folder of the installed model: its name changes with py3langid's version and the model
    file (its size and modification time: a reinstall writes a new file)."""
    stat = model_file().stat()
    name = f"py3langid-{version('py3langid')}-model-{stat.st_size}-{stat.st_mtime_ns}"
    return (directory or cache_dir()) / name


def load_language_model(directory: Path | None = None) -> bool:
    """Give the language identifier py3langid's model, from the cache (written first if it is not there).

    Returns True when the model was installed, False when one was in use already or it could not be
    built here (py3langid then loads it itself on the first text, as it always did).
    """
    from gdwatch.extractors.pages import language

    try:
        path = cache_path(directory)
    except OSError:
        return False
    arrays = _cached(path)
    if arrays is None:
        _remove(path)  # damaged (a file cut short), if there: written again below
        try:
            arrays = decompressed_arrays()
        except (OSError, ValueError, KeyError, lzma.LZMAError):
            return False
        _write(path, arrays)
    return language.use_model(identifier_from(arrays))


def decompressed_arrays() -> dict[str, Any]:
    """The arrays of py3langid's model file, decompressed as its loader does."""
    import numpy as np

    payload = lzma.decompress(model_file().read_bytes())
    with np.load(io.BytesIO(payload), allow_pickle=False) as data:
        return {name: data[name] for name in ARRAYS}


def identifier_from(arrays: dict[str, Any]) -> Any:
    """py3langid's `LanguageIdentifier.from_model_file`, from the model's arrays instead of its file."""
    import numpy as np
    from py3langid.langid import LanguageIdentifier
    from py3langid.modelio import _to_array

    return LanguageIdentifier(
        np.asarray(arrays["ptc"]),
        np.asarray(arrays["pc"]),
        arrays["classes"].tolist(),
        _to_array(arrays["nextmove"]),
        arrays["out_feat"].tolist(),
        tk_row=_to_array(arrays["nextmove_row"]),
    )


def _cached(path: Path) -> dict[str, Any] | None:
    """The model's arrays read from the cache folder, or None when it is not there or cannot be read."""
    import numpy as np

    if not path.is_dir():
        return None
    try:
        return {name: np.load(path / f"{name}.npy", allow_pickle=False) for name in ARRAYS}
    except (OSError, ValueError, EOFError):  # a damaged file: the arrays are decompressed again
        return None


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            path.unlink()


def _write(path: Path, arrays: dict[str, Any]) -> None:
    """Write the cache folder whole or not at all (another process may write or read it meanwhile)."""
    import numpy as np

    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    try:
        partial.mkdir(parents=True, exist_ok=True)
        for name, array in arrays.items():
            np.save(partial / f"{name}.npy", array, allow_pickle=False)
        os.replace(partial, path)
    except OSError:
        with contextlib.suppress(OSError):
            shutil.rmtree(partial)
