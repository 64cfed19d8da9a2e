"""Named SQL statements of the warehouse, one statement per .sql file, loaded with importlib.resources."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import duckdb


@cache
def read_sql(name: str) -> str:
    """Return the text of ``warehouse/sql/<name>.sql``.

    Args:
        name: file stem, e.g. ``"insert_article_versions"``.

    Returns:
        The SQL text (values are ``$named`` parameters, never interpolated).

    Raises:
        FileNotFoundError: no such statement file ships with the package.
    """
    return resources.files(__package__).joinpath(f"{name}.sql").read_text(encoding="utf-8")


def fetch_dicts(result: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Return the rows of an executed statement as dicts keyed by column name.

    Callers build records from the names (``SourceState(**row)``), never from the column order of the
    ``.sql`` file.

    Args:
        result: the connection a statement was just executed on.

    Returns:
        One dict per row, in the statement's order.
    """
    columns = [d[0] for d in result.description or []]
    return [dict(zip(columns, row, strict=True)) for row in result.fetchall()]
