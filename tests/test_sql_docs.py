"""docs/sql.md is the SQL contract: it must document exactly the live public views and their columns."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gdwatch.warehouse import PUBLIC_VIEWS, connect

DOC = Path(__file__).resolve().parent.parent / "docs" / "sql.md"
_HEADING = re.compile(r"^### `(\w+)`\s*$")
_ROW = re.compile(r"^\| `(\w+)` \| ([A-Z][A-Z ]*) \| (.+) \|\s*$")
_ALIASES = {"TIMESTAMPTZ": "TIMESTAMP WITH TIME ZONE"}


def documented_views(text: str) -> dict[str, list[tuple[str, str]]]:
    """Map each `### \\`view\\`` section of "## Views" to its (column, type) rows, in order."""
    section = text.split("\n## Views\n", 1)[1].split("\n## ", 1)[0]
    views: dict[str, list[tuple[str, str]]] = {}
    current: str | None = None
    for line in section.splitlines():
        heading = _HEADING.match(line)
        if heading:
            current = heading.group(1)
            views[current] = []
            continue
        row = _ROW.match(line)
        if row and current is not None:
            column, kind, meaning = row.groups()
            assert meaning.strip(), f"{current}.{column} has no meaning in docs/sql.md"
            views[current].append((column, _ALIASES.get(kind.strip(), kind.strip())))
    return views


@pytest.fixture(scope="module")
def live_views(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[str, str]]]:
    conn = connect(tmp_path_factory.mktemp("docs") / "w.duckdb")
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = 'main' AND table_type = 'VIEW' ORDER BY table_name"
            ).fetchall()
        ]
        return {
            name: conn.execute(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position",
                [name],
            ).fetchall()
            for name in names
        }
    finally:
        conn.close()


def test_the_documented_views_are_the_live_public_views(live_views: dict[str, list[tuple[str, str]]]) -> None:
    documented = documented_views(DOC.read_text(encoding="utf-8"))
    assert sorted(documented) == sorted(live_views) == sorted(PUBLIC_VIEWS)


@pytest.mark.parametrize("view", PUBLIC_VIEWS)
def test_every_column_is_documented_with_its_type(
    view: str, live_views: dict[str, list[tuple[str, str]]]
) -> None:
    documented = documented_views(DOC.read_text(encoding="utf-8"))
    assert documented[view] == live_views[view]


def test_the_docs_explain_consumers_publishing_and_as_of() -> None:
    text = DOC.read_text(encoding="utf-8")
    for needle in (
        "data/warehouse.read.duckdb",
        "read_only=True",
        "os.replace",
        "SET VARIABLE as_of_run",
        "known_on",
        "DuckLake",
        "Today's new conflicts",
        "Its history",
        "The latest value",
    ):
        assert needle in text, needle
