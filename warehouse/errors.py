"""Errors raised by the warehouse: migrations, the writer lock and misuse of the read side."""

from __future__ import annotations

from gdwatch.config.errors import GdwatchError


class WarehouseError(GdwatchError):
    """Something about the DuckDB warehouse file or a statement run against it went wrong."""


class MigrationError(WarehouseError):
    """A schema migration failed, or an applied migration file no longer matches its recorded checksum."""

    def __init__(self, filename: str, problem: str) -> None:
        self.filename = filename
        self.problem = problem
        super().__init__(f"migration {filename}: {problem}")


class WarehouseBusyError(WarehouseError):
    """Another writer holds the warehouse lock."""

    def __init__(self, path: str, holder_pid: int | None, waited_s: float) -> None:
        self.path = path
        self.holder_pid = holder_pid
        holder = f"process {holder_pid}" if holder_pid is not None else "another process (pid unknown)"
        super().__init__(
            f"{path}: the warehouse is being written by {holder} (waited {waited_s:.1f} s); "
            "wait for that run to finish, or stop it if it is stuck, then retry"
        )
