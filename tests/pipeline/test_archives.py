"""Archive listings give up early when the network is not there, and say so."""

from __future__ import annotations

import socket
from datetime import date

from gdwatch.config.models import SourceDefinition
from gdwatch.pipeline.archives import MAX_NETWORK_FAILURES, list_gdelt_window, list_sitemap_window
from gdwatch.pipeline.fetching import Fetcher
from tests.pipeline.test_fetching import make_settings

GDELT = SourceDefinition.model_validate(
    {"name": "gdelt", "kind": "gdelt", "url": "http://gdelt.test/api/v2/doc/doc", "query": "Guangdong",
     "archive": True, "min_interval_s": 0.0}
)  # fmt: skip


def no_such_host(host: str, port: int) -> list[str]:
    raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_name_that_does_not_resolve_stops_the_listing_at_once() -> None:
    with Fetcher(make_settings(respect_robots=False), resolver=no_such_host) as fetcher:
        listing = list_gdelt_window(fetcher, GDELT, date(2026, 1, 1), date(2026, 1, 31), sleep=lambda s: None)
    assert listing.requests == 0 and len(listing.errors) == 1
    assert listing.stopped is not None and "the host name does not resolve" in listing.stopped
    assert "gdelt.test" in listing.errors[0]


def test_refused_connections_stop_the_listing_after_a_few_in_a_row() -> None:
    source = GDELT.model_copy(update={"url": f"http://127.0.0.1:{closed_port()}/api/v2/doc/doc"})
    settings = make_settings(respect_robots=False, retries=0, allow_hosts=["127.0.0.1"])
    with Fetcher(settings) as fetcher:
        listing = list_gdelt_window(
            fetcher, source, date(2026, 1, 1), date(2026, 1, 31), sleep=lambda s: None
        )
    assert len(listing.errors) == MAX_NETWORK_FAILURES  # of the 124 six-hour slices of January
    assert (
        listing.stopped is not None and f"{MAX_NETWORK_FAILURES} network failures in a row" in listing.stopped
    )


def test_a_sitemap_on_a_host_that_does_not_resolve_stops_too() -> None:
    source = SourceDefinition.model_validate(
        {"name": "sm", "kind": "sitemap", "url": "http://sitemap.test/sitemap.xml", "archive": True}
    )
    with Fetcher(make_settings(respect_robots=False), resolver=no_such_host) as fetcher:
        listing = list_sitemap_window(fetcher, source, date(2026, 1, 1), date(2026, 1, 2))
    assert listing.stopped is not None and listing.entries == []
