"""The public views and the shared rules, one ``<name>.sql`` file each, re-created on every migrate.

Two kinds of file, both headed ``-- Grain: ...``:

- a **public view** ``<view>.sql`` creates the table macro ``<view>_as_of(max_run)`` (the warehouse as it
  was after run ``max_run``) and the view ``<view>`` over ``<view>_as_of(as_of_run())``;
- a **rule** ``<rule>.sql`` creates the QUALIFY predicate ``is_<rule>(...)``, and may create the table macro
  ``<rule>(max_run)`` that applies it to the whole warehouse: the one copy of a rule that the views and the
  writer's statements share (``latest_version``, ``current_extraction``, ``open_conflict``). A predicate
  lets the writer's statements narrow the rows to a batch's articles before the rule's window runs.

Every statement is ``CREATE OR REPLACE``, so re-running the files is idempotent and changing a view is a
one-file diff. The creation order is derived: a file that calls another file's macro is created after it.
NOTE: removing or renaming a file leaves the old object in existing warehouses; drop it in a numbered
migration (as 0009_drop_public_views.sql did for the views 0008 created).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from importlib import resources

import duckdb

from gdwatch.warehouse.errors import MigrationError

_COMMENT = re.compile(r"--[^\n]*")
_CREATE = re.compile(r"\bCREATE\s+OR\s+REPLACE\s+(MACRO|VIEW)\s+(\w+)", re.I)


@dataclass(frozen=True)
class ViewFile:
    """One file of ``warehouse/views``: a public view with its as-of macro, or a rule."""

    name: str
    """File stem: the view's name, or the rule's name."""
    sql: str

    @cached_property
    def code(self) -> str:
        """The SQL without its comments."""
        return _COMMENT.sub("", self.sql)

    @cached_property
    def creates(self) -> list[tuple[str, str]]:
        """The objects the file creates or replaces, in order: ``("MACRO" | "VIEW", name)``."""
        return [(kind.upper(), name) for kind, name in _CREATE.findall(self.code)]

    @cached_property
    def macros(self) -> list[str]:
        """The macros (table macros and predicates) the file creates."""
        return [name for kind, name in self.creates if kind == "MACRO"]

    @property
    def public(self) -> bool:
        """Whether the file creates the public view named like it."""
        return ("VIEW", self.name) in self.creates

    def calls(self, other: ViewFile) -> bool:
        """Whether this file's SQL calls one of ``other``'s macros (so ``other`` must be created first)."""
        return any(re.search(rf"\b{macro}\s*\(", self.code) for macro in other.macros)


def load_views(package: str = "gdwatch.warehouse.views") -> list[ViewFile]:
    """Read the ``.sql`` files shipped in ``package``, each after the files whose macros it calls.

    Args:
        package: importable package holding the files.

    Returns:
        The files in creation order: of the files whose callees are all placed, the first by name comes next.

    Raises:
        MigrationError: some files call each other in a cycle.
    """
    pending = sorted(
        (
            ViewFile(entry.name.removesuffix(".sql"), entry.read_text(encoding="utf-8"))
            for entry in resources.files(package).iterdir()
            if entry.name.endswith(".sql")
        ),
        key=lambda view: view.name,
    )
    # why: each pair is compared once; comparing the pending files again in every round cost 0.14 s an open
    callees = {v.name: {o.name for o in pending if o is not v and v.calls(o)} for v in pending}
    ordered: list[ViewFile] = []
    while pending:
        waiting = {v.name for v in pending}
        ready = [v for v in pending if not callees[v.name] & waiting]
        if not ready:
            names = ", ".join(view.name for view in pending)
            raise MigrationError(
                f"views/{pending[0].name}.sql",
                f"cannot order {names}: some of them call each other in a cycle",
            )
        ordered.append(ready[0])
        pending.remove(ready[0])
    return ordered


def create_views(conn: duckdb.DuckDBPyConnection, views: Sequence[ViewFile] | None = None) -> list[str]:
    """Create or replace every view and rule macro, in one transaction.

    Args:
        conn: a read-write connection with no open transaction, its numbered migrations applied.
        views: the files to run, in creation order (default: :func:`load_views`).

    Returns:
        The names of the files run.

    Raises:
        MigrationError: a file failed; every view is left as it was.
    """
    todo = load_views() if views is None else views
    conn.execute("BEGIN TRANSACTION")
    for view in todo:
        try:
            conn.execute(view.sql)
        except duckdb.Error as exc:
            conn.execute("ROLLBACK")
            raise MigrationError(
                f"views/{view.name}.sql", f"failed and was rolled back ({exc}); fix the file and run again"
            ) from exc
    conn.execute("COMMIT")
    return [view.name for view in todo]
