"""Hygiene of the SQL the warehouse ships: append-only, headed files, every statement file used."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from gdwatch import warehouse

PACKAGE = Path(warehouse.__file__).resolve().parent
SQL_FILES = sorted(PACKAGE.rglob("*.sql"))
PY_FILES = sorted(PACKAGE.rglob("*.py"))


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
        "WarehouseError",
        "WarehouseBusyError",
        "MigrationError",
    }
    assert expected <= set(warehouse.__all__)
    assert all(hasattr(warehouse, name) for name in warehouse.__all__)
    assert issubclass(warehouse.WarehouseBusyError, warehouse.WarehouseError)
    assert issubclass(warehouse.MigrationError, warehouse.WarehouseError)
