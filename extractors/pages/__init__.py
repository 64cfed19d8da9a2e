"""Pages: fetched bytes to a clean Article (decode, clean, relevance) and its near-duplicate fingerprint.

The names below load their module on first use: `gdwatch sql` and the warehouse's fingerprinting import
one small module of this package, and must not pay for trafilatura, htmldate and the figure engine.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gdwatch.extractors.pages.clean import CLEANER_VERSION, CleanedPage, clean_article
    from gdwatch.extractors.pages.decode import decode_html, looks_like_html, looks_like_text
    from gdwatch.extractors.pages.fingerprint import hamming_distance, simhash
    from gdwatch.extractors.pages.relevance import is_relevant

_HOMES = {
    "CLEANER_VERSION": "clean",
    "CleanedPage": "clean",
    "clean_article": "clean",
    "decode_html": "decode",
    "looks_like_html": "decode",
    "looks_like_text": "decode",
    "hamming_distance": "fingerprint",
    "simhash": "fingerprint",
    "is_relevant": "relevance",
}

__all__ = [
    "CLEANER_VERSION",
    "CleanedPage",
    "clean_article",
    "decode_html",
    "hamming_distance",
    "is_relevant",
    "looks_like_html",
    "looks_like_text",
    "simhash",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
