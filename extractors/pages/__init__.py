"""Pages: fetched bytes to a clean Article (decode, clean, relevance) and its near-duplicate fingerprint."""

from gdwatch.extractors.pages.clean import CLEANER_VERSION, CleanedPage, clean_article
from gdwatch.extractors.pages.decode import decode_html, looks_like_html
from gdwatch.extractors.pages.fingerprint import hamming_distance, simhash
from gdwatch.extractors.pages.relevance import is_relevant

__all__ = [
    "CLEANER_VERSION",
    "CleanedPage",
    "clean_article",
    "decode_html",
    "hamming_distance",
    "is_relevant",
    "looks_like_html",
    "simhash",
]
