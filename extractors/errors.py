"""Extractor errors: a feed or archive listing that cannot be parsed, a page that cannot be cleaned.

GdwatchError
└── ExtractionError (.url)
    ├── FeedParseError       a feed, sitemap or GDELT answer yielded nothing parseable
    └── ArticleCleanError    a page could not be decoded or cleaned
"""

from __future__ import annotations

from gdwatch.config.errors import GdwatchError


class ExtractionError(GdwatchError):
    """A document fetched from `url` could not be turned into records."""

    def __init__(self, url: str, problem: str, advice: str) -> None:
        self.url = url
        self.problem = problem
        self.advice = advice
        super().__init__(f"{url}: {problem}; {advice}")


class FeedParseError(ExtractionError):
    """A feed, sitemap or archive listing yielded no entries and was malformed or not a feed at all."""


class ArticleCleanError(ExtractionError):
    """A fetched page could not be decoded or cleaned into an article."""
