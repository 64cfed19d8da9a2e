"""Small value rules shared by the load path and the read side, with no heavy imports."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime


def article_id_for(url: str) -> str:
    """Return the article id of a canonical URL: the first 16 hex digits of its SHA-256.

    Args:
        url: canonical URL (``Article.url``).

    Returns:
        A 16-character lower-case hex string.
    """
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]


def utc(value: datetime | None) -> datetime | None:
    """Return ``value`` as an aware UTC datetime; naive values are taken to be UTC already.

    Args:
        value: a datetime or None.

    Returns:
        The same instant in UTC, or None.
    """
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
