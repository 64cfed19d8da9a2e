"""Load the configuration directory (gdwatch.toml, sources.toml, metrics.toml, gazetteer.toml, outlets.toml)
into typed models."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from gdwatch.config.errors import ConfigError
from gdwatch.config.models import Gazetteer, MetricCatalogue, OutletCatalogue, Settings, SourceCatalogue

PACKAGED_CONFIG_DIR = Path(__file__).resolve().parent
SETTINGS_FILE = "gdwatch.toml"
SOURCES_FILE = "sources.toml"
METRICS_FILE = "metrics.toml"
OUTLETS_FILE = "outlets.toml"
GAZETTEER_FILE = "gazetteer.toml"

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Config:
    """Everything a run needs from config/, loaded once at the entry point and passed down."""

    directory: Path
    settings: Settings
    sources: SourceCatalogue
    metrics: MetricCatalogue
    gazetteer: Gazetteer


def resolve_config_dir(explicit: Path | None = None) -> Path:
    """--config DIR, else $GDWATCH_CONFIG, else the packaged config/ directory."""
    if explicit is not None:
        return explicit
    env = os.environ.get("GDWATCH_CONFIG")
    return Path(env) if env else PACKAGED_CONFIG_DIR


def resolve_db_path(explicit: Path | None, settings: Settings) -> Path:
    """--db PATH, else $GDWATCH_DB, else warehouse.path from gdwatch.toml."""
    if explicit is not None:
        return explicit
    env = os.environ.get("GDWATCH_DB")
    return Path(env) if env else settings.warehouse.path


def load_config(directory: Path | None = None) -> Config:
    """Read and validate the three configuration files of a directory.

    Raises:
        ConfigError: a file is missing, is not valid TOML, or a key is unknown or has a bad value.
    """
    directory = resolve_config_dir(directory)
    if not directory.is_dir():
        raise ConfigError(str(directory), "", "config directory not found (check --config or GDWATCH_CONFIG)")
    settings = _load_model(directory / SETTINGS_FILE, Settings)
    sources = _load_model(directory / SOURCES_FILE, SourceCatalogue)
    metrics = load_metrics(directory / METRICS_FILE)
    gazetteer = load_gazetteer(directory)
    return Config(
        directory=directory, settings=settings, sources=sources, metrics=metrics, gazetteer=gazetteer
    )


def load_metrics(path: Path | None = None) -> MetricCatalogue:
    """Load the metrics catalogue alone (the packaged one by default)."""
    return _load_model(path or PACKAGED_CONFIG_DIR / METRICS_FILE, MetricCatalogue)


def load_gazetteer(directory: Path | None = None) -> Gazetteer:
    """Load the places, companies and partners of a config directory (``gazetteer.toml``), else the
    packaged ones.

    Raises:
        ConfigError: the file is not valid TOML, or a key is unknown or has a bad value.
    """
    path = resolve_config_dir(directory) / GAZETTEER_FILE
    return _load_model(path if path.is_file() else PACKAGED_CONFIG_DIR / GAZETTEER_FILE, Gazetteer)


def load_outlets(directory: Path | None = None) -> OutletCatalogue:
    """Load the outlet names of a config directory (``outlets.toml``), else the packaged ones.

    Raises:
        ConfigError: the file is not valid TOML, or a key is unknown or has a bad value.
    """
    path = resolve_config_dir(directory) / OUTLETS_FILE
    return _load_model(path if path.is_file() else PACKAGED_CONFIG_DIR / OUTLETS_FILE, OutletCatalogue)


def _load_model(path: Path, model: type[M]) -> M:
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(str(path), "", "file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), "", f"not valid TOML: {exc}") from None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        key = _dotted(first["loc"], data)
        raise ConfigError(str(path), key, _explain(first)) from None


def _dotted(loc: tuple[Any, ...], data: dict[str, Any]) -> str:
    """Turn a pydantic error location into a readable key, naming list items by their name/key."""
    parts: list[str] = []
    node: Any = data
    for item in loc:
        if isinstance(item, int) and isinstance(node, list) and item < len(node):
            node = node[item]
            label = node.get("name") or node.get("key") if isinstance(node, dict) else None
            parts[-1] = f"{parts[-1]}[{label or item}]" if parts else f"[{item}]"
        else:
            parts.append(str(item))
            node = node.get(item) if isinstance(node, dict) else None
    return ".".join(parts)


def _explain(error: Any) -> str:
    if error["type"] == "extra_forbidden":
        return "unknown key (check its spelling against docs/config in README.md)"
    if error["type"] == "missing":
        return "required key is missing"
    return str(error["msg"])
