"""Named SQL statements of the warehouse, one statement per .sql file, loaded with importlib.resources."""

from __future__ import annotations

from functools import cache
from importlib import resources


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
