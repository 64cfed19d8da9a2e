"""The root of gdwatch's exception tree and the configuration error.

    GdwatchError
    ├── ConfigError                 config/ (bad file, key or value)          exit 2
    ├── UsageError                  a bad argument or query                   exit 2
    ├── extractors.errors.ExtractionError
    │   └── FeedParseError
    ├── pipeline.fetching.FetchError   (HTTP, robots, size, type)
    └── warehouse.errors.WarehouseError
        ├── MigrationError
        └── WarehouseBusyError

Every message says what went wrong, where (file, key, source or URL) and what to do next.
"""

from __future__ import annotations


class GdwatchError(Exception):
    """Base class of every error gdwatch raises on purpose."""


class ConfigError(GdwatchError):
    """A configuration file, key or value is missing or invalid."""

    def __init__(self, file: str, key: str, problem: str) -> None:
        self.file = file
        self.key = key
        self.problem = problem
        where = f"{file}: {key}" if key else file
        super().__init__(f"{where}: {problem}")


class UsageError(GdwatchError):
    """A command was given an argument it cannot use (a date window, a name, a query, a path)."""
