"""The README stays complete: every command, every setting and every public view is described."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from gdwatch.config.models import Settings
from gdwatch.flows.cli import app

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")


def _setting_keys(model: type[BaseModel], prefix: str = "") -> list[str]:
    keys = []
    for name, field in model.model_fields.items():
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            keys += _setting_keys(annotation, f"{prefix}{name}.")
        else:
            keys.append(prefix + name)
    return keys


def _command_names() -> list[str]:
    return [str(c.name or getattr(c.callback, "__name__", "")) for c in app.registered_commands]


@pytest.mark.parametrize("command", _command_names())
def test_every_command_is_in_the_readme(command: str) -> None:
    assert f"gdwatch {command}" in README


@pytest.mark.parametrize("key", _setting_keys(Settings))
def test_every_setting_is_in_the_readme(key: str) -> None:
    assert f"`{key}`" in README or f"`{key.rsplit('.', 1)[0]}.{key.rsplit('.', 1)[1]}`" in README


@pytest.mark.parametrize(
    "view",
    [
        "articles",
        "article_versions",
        "observations",
        "observation_history",
        "revisions",
        "conflicts",
        "conflict_history",
        "metric_timeline",
        "runs",
        "coverage",
    ],
)
def test_every_public_view_is_in_the_readme(view: str) -> None:
    assert f"`{view}`" in README


def test_readme_gives_the_setup_commands() -> None:
    for command in ("make run", "make test", "make demo"):
        assert command in README
