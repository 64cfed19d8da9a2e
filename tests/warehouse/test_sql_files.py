"""Hygiene of the SQL the warehouse ships: append-only, headed files, every statement file used, one file
per public view, one copy of each shared rule."""

from __future__ import annotations

import re
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from gdwatch import warehouse
from gdwatch.warehouse.views import load_views

PACKAGE = Path(warehouse.__file__).resolve().parent
SQL_FILES = sorted(PACKAGE.rglob("*.sql"))
PY_FILES = sorted(PACKAGE.rglob("*.py"))
VIEW_FILES = sorted((PACKAGE / "views").glob("*.sql"))
_CREATE = re.compile(r"\bCREATE\s+(?:OR\s+REPLACE\s+)?(?:MACRO|VIEW)\s+(\w+)", re.I)


def strip_comments(sql: str) -> str:
    return re.sub(r"--[^\n]*", "", sql)


def test_no_update_or_delete_anywhere_in_warehouse_sql() -> None:
    assert SQL_FILES
    offenders = [
        p.name
        for p in SQL_FILES
        if re.search(r"\b(UPDATE|DELETE|TRUNCATE|MERGE)\b", strip_comments(p.read_text()), re.I)
    ]
    offenders += [
        p.name for p in PY_FILES if re.search(r"[\"'](UPDATE|DELETE FROM|TRUNCATE)\b", p.read_text())
    ]
    assert offenders == []


def test_every_sql_file_starts_with_a_header_comment() -> None:
    assert [p.name for p in SQL_FILES if not p.read_text().startswith("-- ")] == []


def test_every_statement_file_is_used_by_the_code() -> None:
    code = "\n".join(p.read_text() for p in PY_FILES)
    unused = [
        entry.name
        for entry in resources.files("gdwatch.warehouse.sql").iterdir()
        if entry.name.endswith(".sql") and f'"{entry.name[:-4]}"' not in code
    ]
    assert unused == []


def test_every_view_file_is_headed_with_its_grain() -> None:
    assert VIEW_FILES
    assert [p.name for p in VIEW_FILES if not p.read_text().startswith("-- Grain: ")] == []


def test_each_public_view_has_exactly_one_file_and_public_views_lists_them() -> None:
    created = [
        m.group(1)
        for p in SQL_FILES
        if p.parent.name != "migrations"
        for m in _CREATE.finditer(p.read_text())
    ]
    assert [name for name, count in Counter(created).items() if count > 1] == []
    public = {view.name for view in load_views() if view.public}
    assert public == set(warehouse.PUBLIC_VIEWS)
    assert len(warehouse.PUBLIC_VIEWS) == len(public)


@pytest.mark.parametrize("path", VIEW_FILES, ids=lambda p: p.name)
def test_a_view_file_creates_or_replaces_its_own_objects_only(path: Path) -> None:
    (view,) = [v for v in load_views() if v.name == path.stem]
    text = strip_comments(path.read_text())
    assert len(re.findall(r"\bCREATE\b", text, re.I)) == len(view.creates)  # every one CREATE OR REPLACE
    if path.stem in warehouse.PUBLIC_VIEWS:
        assert view.creates == [("MACRO", f"{path.stem}_as_of"), ("VIEW", path.stem)]
    else:  # a rule: its predicate, then optionally the table macro applying it to the whole warehouse
        assert view.creates in (
            [("MACRO", f"is_{path.stem}")],
            [("MACRO", f"is_{path.stem}"), ("MACRO", path.stem)],
        )


_ALIAS = r"(?:\w+\.)?"


@pytest.mark.parametrize(
    ("rule", "home"),
    [
        (rf"PARTITION BY {_ALIAS}article_id ORDER BY {_ALIAS}version DESC", "latest_version.sql"),
        (
            rf"ORDER BY {_ALIAS}run_id DESC, list_transform\(string_split\("
            rf"regexp_replace\({_ALIAS}extractor_version",
            "current_extraction.sql",
        ),
        (rf"PARTITION BY {_ALIAS}conflict_id ORDER BY {_ALIAS}event_id DESC", "open_conflict.sql"),
    ],
)
def test_each_shared_rule_is_written_once(rule: str, home: str) -> None:
    """The views and the writer's statements call the rule's predicate instead of restating it."""

    def written(path: Path) -> bool:
        return re.search(rule, " ".join(strip_comments(path.read_text()).split()), re.I) is not None

    assert [p.name for p in SQL_FILES if p.parent.name != "migrations" and written(p)] == [home]


def test_the_public_api_is_exported() -> None:
    expected = {
        "connect",
        "published_path",
        "publish",
        "PageRecord",
        "SourceFetch",
        "LoadBatch",
        "BatchCounts",
        "SourceState",
        "RawPage",
        "CoverageRow",
        "Warehouse",
        "query",
        "recent_runs",
        "source_health",
        "drift_warnings",
        "open_conflicts",
        "run_conflicts",
        "run_disagreements",
        "WarehouseError",
        "WarehouseBusyError",
        "MigrationError",
    }
    assert expected <= set(warehouse.__all__)
    assert all(hasattr(warehouse, name) for name in warehouse.__all__)
    assert issubclass(warehouse.WarehouseBusyError, warehouse.WarehouseError)
    assert issubclass(warehouse.MigrationError, warehouse.WarehouseError)
