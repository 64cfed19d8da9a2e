"""Links and redirects to addresses that are not public are refused before any connection is made.

Only 127.0.0.1 is ever connected to. Private names reach the fetcher through a MapResolver, and the
`loopback_only` guard fails a test that would resolve a real name or connect anywhere else.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from gdwatch.config.models import PolitenessSettings
from gdwatch.extractors.listing import parse_feed
from gdwatch.pipeline.fetching import Fetcher, FetchError
from gdwatch.pipeline.pages import failed_fetch, is_transient, page_skeleton
from tests.faults.conftest import ConnectLog, MapResolver, fault_settings
from tests.support.httpserver import LocalSite

HTML = "<html><body><p>Guangdong exports rose.</p></body></html>"
ADVICE = (
    "gdwatch fetches public addresses only: drop the link, or add the host to politeness.allow_hosts "
    "if it is yours and trusted"
)
NAMES = {
    "intranet.test": ["10.0.0.1"],
    "metadata.test": ["169.254.169.254"],
    "mapped.test": ["::ffff:10.0.0.1"],
}


def _fetch_error(fetcher: Fetcher, url: str) -> FetchError:
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(url)
    return caught.value


def test_loopback_is_refused_unless_allowed(http_server: LocalSite, loopback_only: ConnectLog) -> None:
    http_server.add("/page", HTML)
    settings = PolitenessSettings(respect_robots=False, per_host_delay_s=0.0)  # allow_hosts is empty

    with Fetcher(settings) as fetcher:
        error = _fetch_error(fetcher, http_server.url("/page"))

    assert error.kind == "blocked_address" and not is_transient(error)
    assert (
        str(error)
        == f"GET {http_server.url('/page')}: refused to connect: 127.0.0.1 is a loopback address; {ADVICE}"
    )
    assert http_server.hits("/page") == 0
    assert loopback_only.attempts == []


@pytest.mark.parametrize(
    ("host", "refusal"),
    [
        ("intranet.test", "intranet.test resolves to 10.0.0.1, a private address"),
        ("metadata.test", "metadata.test resolves to 169.254.169.254, a cloud metadata address"),
        (
            "mapped.test",
            "mapped.test resolves to ::ffff:10.0.0.1, a private address (IPv4 10.0.0.1 inside IPv6)",
        ),
        ("[::ffff:10.0.0.1]", "::ffff:10.0.0.1 is a private address (IPv4 10.0.0.1 inside IPv6)"),
        (
            "[::ffff:a9fe:a9fe]",
            "::ffff:a9fe:a9fe is a cloud metadata address (IPv4 169.254.169.254 inside IPv6)",
        ),
        ("10.0.0.1", "10.0.0.1 is a private address"),
        ("0.0.0.0", "0.0.0.0 is an unspecified address"),
        ("224.0.0.1", "224.0.0.1 is a multicast address"),
        ("[fe80::1]", "fe80::1 is a link-local address"),
        ("[::1]", "::1 is a loopback address"),
    ],
)
def test_redirect_to_an_address_that_is_not_public_is_refused_before_connecting(
    http_server: LocalSite, loopback_only: ConnectLog, host: str, refusal: str
) -> None:
    http_server.add_redirect("/go", f"http://{host}/secret", status=302)
    resolver = MapResolver(NAMES)

    with Fetcher(fault_settings(), resolver=resolver) as fetcher:
        error = _fetch_error(fetcher, http_server.url("/go"))

    assert error.kind == "blocked_address" and not is_transient(error)
    assert str(error) == (
        f"GET http://{host}/secret: refused redirect from {http_server.url('/go')}: {refusal}; {ADVICE}"
    )
    assert http_server.hits("/go") == 1
    # Nothing but the LocalSite itself was ever connected to.
    assert {address for address, _ in loopback_only.attempts} == {"127.0.0.1"}
    assert loopback_only.refused == []


def test_feed_item_pointing_at_a_private_address_is_recorded_as_no_article(
    http_server: LocalSite, loopback_only: ConnectLog
) -> None:
    items = "".join(
        f"<item><title>Story {i}</title><link>{link}</link><guid>{link}</guid></item>"
        for i, link in enumerate(
            [
                "http://intranet.test/admin",
                "http://169.254.169.254/latest/meta-data/",
                "http://[::ffff:10.0.0.1]/x",
                "http://mapped.test/y",
            ]
        )
    )
    http_server.add(
        "/feed.xml",
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>',
        content_type="application/rss+xml",
    )
    resolver = MapResolver(NAMES)

    with Fetcher(fault_settings(), resolver=resolver) as fetcher:
        listing = fetcher.fetch(http_server.url("/feed.xml"))
        feed = parse_feed(listing.body, feed_url=listing.final_url, content_type=listing.content_type)
        records = []
        for entry in feed.entries:
            skeleton = page_skeleton("local", entry.url, entry.url, None, datetime(2026, 1, 20, tzinfo=UTC))
            records.append(failed_fetch(skeleton, _fetch_error(fetcher, entry.url)))

    assert len(records) == 4
    assert [r.outcome for r in records] == ["no_article"] * 4
    assert all("refused to connect" in (r.error or "") for r in records)
    assert resolver.asked.count("intranet.test") == 2  # robots.txt, then the page: both refused
    assert {address for address, _ in loopback_only.attempts} == {"127.0.0.1"}


def test_robots_txt_redirect_to_a_private_address_is_not_followed(
    http_server: LocalSite, loopback_only: ConnectLog
) -> None:
    http_server.add_redirect("/robots.txt", "http://intranet.test/robots.txt", status=302)
    http_server.add("/page", HTML)
    resolver = MapResolver(NAMES)

    with Fetcher(fault_settings(), resolver=resolver) as fetcher:
        result = fetcher.fetch(http_server.url("/page"))

    # A robots.txt that cannot be read safely counts as absent, like a 404 (RFC 9309 §2.3.1.3).
    assert result.body.decode() == HTML
    assert resolver.asked == ["intranet.test"]
    assert {address for address, _ in loopback_only.attempts} == {"127.0.0.1"}
    assert loopback_only.refused == []


def test_connection_goes_to_the_address_that_was_checked(
    http_server: LocalSite, loopback_only: ConnectLog
) -> None:
    # "news.test" exists only in the resolver (the guard fails any real lookup), so a socket layer that
    # looked the name up again would fail: the fetcher must connect to the checked address itself. Of
    # the two answers only the allowed one is tried, whatever the order.
    http_server.add("/page", HTML)
    port = int(http_server.host.rsplit(":", 1)[1])
    resolver = MapResolver({"news.test": ["10.0.0.1", "127.0.0.1"]})

    with Fetcher(fault_settings(respect_robots=False), resolver=resolver) as fetcher:
        result = fetcher.fetch(f"http://news.test:{port}/page")

    assert result.body.decode() == HTML
    assert http_server.requests[-1][2]["Host"] == f"news.test:{port}"
    assert loopback_only.attempts == [("127.0.0.1", port)]


def test_allow_hosts_by_name(http_server: LocalSite, loopback_only: ConnectLog) -> None:
    http_server.add("/page", HTML)
    port = int(http_server.host.rsplit(":", 1)[1])
    resolver = MapResolver({"dev.test": ["127.0.0.1"]})
    settings = fault_settings(respect_robots=False, allow_hosts=["dev.test"])

    with Fetcher(settings, resolver=resolver) as fetcher:
        assert fetcher.fetch(f"http://dev.test:{port}/page").body.decode() == HTML
        error = _fetch_error(fetcher, http_server.url("/page"))

    assert error.kind == "blocked_address"
    assert http_server.hits("/page") == 1
