"""Servers that trickle: the request deadline ends every exchange, headers and body, robots.txt included.

Each trickle sends one byte per 0.2 s, well within the 5 s read timeout, so only the 1 s deadline can stop
it; each would last at least 20 s otherwise. Bounds on elapsed time leave 4 s of slack over the deadline.
"""

from __future__ import annotations

import threading
import time

import pytest

from gdwatch.pipeline.fetching import Fetcher, FetchError
from gdwatch.pipeline.pages import is_transient
from tests.faults.conftest import DEADLINE_S, TRICKLE_INTERVAL_S, fault_settings
from tests.faults.trickle import Answer, TrickleSite, instant, redirect, slow_body, slow_headers

SLACK_S = 4.0
HTML = b"<html><body><p>Guangdong exports rose.</p></body></html>"


def _trickles_long_enough(answer: Answer) -> Answer:
    assert answer.trickle_s >= 10 * DEADLINE_S
    return answer


def _timed_fetch(fetcher: Fetcher, url: str) -> tuple[FetchError, float]:
    started = time.monotonic()
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(url)
    return caught.value, time.monotonic() - started


@pytest.mark.parametrize(
    "answer",
    [
        slow_body(b"x" * 100, interval_s=TRICKLE_INTERVAL_S),
        slow_headers(100, interval_s=TRICKLE_INTERVAL_S),
    ],
    ids=["slow-body", "slow-headers"],
)
def test_trickling_answer_is_cut_off_at_the_deadline(answer: Answer) -> None:
    with TrickleSite() as site, Fetcher(fault_settings(respect_robots=False)) as fetcher:
        site.add("/page", _trickles_long_enough(answer))
        error, took = _timed_fetch(fetcher, site.url("/page"))
        hits = site.hits("/page")

    assert DEADLINE_S * 0.9 <= took < DEADLINE_S + SLACK_S
    assert error.kind == "timeout" and is_transient(error)
    assert str(error) == (
        f"GET {site.url('/page')}: no complete answer within the 1 s request deadline (the server is too "
        "slow); it is tried again next run (raise politeness.request_deadline_s if the site is just slow)"
    )
    # Not retried within the run: another try would hold the thread for another deadline.
    assert hits == 1


def test_trickling_robots_txt_is_cut_off_and_does_not_stall_the_host() -> None:
    with TrickleSite() as site, Fetcher(fault_settings()) as fetcher:
        site.add("/robots.txt", _trickles_long_enough(slow_body(b"#" * 100, interval_s=TRICKLE_INTERVAL_S)))
        site.add("/a", instant(HTML))
        site.add("/b", instant(HTML))

        started = time.monotonic()
        first = fetcher.fetch(site.url("/a"))
        first_took = time.monotonic() - started
        started = time.monotonic()
        second = fetcher.fetch(site.url("/b"))
        second_took = time.monotonic() - started
        robots_hits = site.hits("/robots.txt")

    # An unreadable robots.txt counts as absent (RFC 9309 §2.3.1.3), once per host and run.
    assert (first.body, second.body) == (HTML, HTML)
    assert DEADLINE_S * 0.9 <= first_took < DEADLINE_S + SLACK_S
    assert second_took < DEADLINE_S * 0.9
    assert robots_hits == 1


def test_deadline_covers_each_redirect_hop() -> None:
    with TrickleSite() as site, Fetcher(fault_settings(respect_robots=False)) as fetcher:
        site.add("/start", redirect("/slow"))
        site.add("/slow", _trickles_long_enough(slow_body(b"x" * 100, interval_s=TRICKLE_INTERVAL_S)))
        error, took = _timed_fetch(fetcher, site.url("/start"))

    assert error.kind == "timeout"
    assert error.url == site.url("/slow")
    assert DEADLINE_S * 0.9 <= took < DEADLINE_S + SLACK_S


def test_deadline_is_per_request_when_threads_share_the_fetcher() -> None:
    with TrickleSite() as site, Fetcher(fault_settings(respect_robots=False)) as fetcher:
        site.add("/slow", _trickles_long_enough(slow_body(b"x" * 100, interval_s=TRICKLE_INTERVAL_S)))
        for i in range(20):
            site.add(f"/fast{i}", instant(HTML))
        slow_errors: list[tuple[FetchError, float]] = []

        def fetch_slow() -> None:
            slow_errors.append(_timed_fetch(fetcher, site.url("/slow")))

        slow = threading.Thread(target=fetch_slow)
        slow.start()
        # While the slow request trickles in the other thread, fast pages keep coming through.
        bodies = [fetcher.fetch(site.url(f"/fast{i}")).body for i in range(20)]
        slow.join(timeout=DEADLINE_S + SLACK_S)

    assert bodies == [HTML] * 20
    [(error, took)] = slow_errors
    assert error.kind == "timeout"
    assert DEADLINE_S * 0.9 <= took < DEADLINE_S + SLACK_S
