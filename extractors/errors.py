"""Extractor errors: a feed or archive listing that cannot be parsed.

GdwatchError
└── ExtractionError (.url)
    └── FeedParseError       a feed, sitemap or GDELT answer yielded nothing parseable

A page that cannot be cleaned is not an error: :func:`extractors.pages.clean_article` returns the reason.
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
