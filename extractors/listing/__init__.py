"""Listings: what a source says it published (RSS/Atom/JSON feeds, news sitemaps, GDELT) and URL rules."""

from gdwatch.extractors.listing.feeds import parse_feed
from gdwatch.extractors.listing.gdelt import gdelt_query_url, is_saturated, parse_gdelt_artlist, split_window
from gdwatch.extractors.listing.sitemaps import SitemapListing, parse_sitemap
from gdwatch.extractors.listing.urls import canonical_url, google_news_target, is_http_url, url_date

__all__ = [
    "SitemapListing",
    "canonical_url",
    "gdelt_query_url",
    "google_news_target",
    "is_http_url",
    "is_saturated",
    "parse_feed",
    "parse_gdelt_artlist",
    "parse_sitemap",
    "split_window",
    "url_date",
]
