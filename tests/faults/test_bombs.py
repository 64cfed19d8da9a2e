"""Decompression bombs: the size limit holds after decoding, and stacked codings are refused.

The functional tests serve 64 MiB bombs against a 100 KB limit. The memory test serves the full-size ones
(up to the 2.3 GB of the original report) in a child process and bounds its peak RSS.
"""

from __future__ import annotations

import pytest

from benchmarks.fault_memory import run_child
from gdwatch.pipeline.fetching import Fetcher, FetchError
from gdwatch.pipeline.pages import is_transient
from tests.faults import bombs
from tests.faults.conftest import fault_settings
from tests.support.httpserver import LocalSite

PEAK_RSS_LIMIT_MB = 500


@pytest.fixture(scope="module")
def small_bombs() -> dict[str, bombs.Bomb]:
    return {name: bombs.build(name, 64) for name in bombs.NAMES}


@pytest.mark.parametrize("name", ["gzip", "deflate", "br"])
def test_bomb_stops_inflating_at_max_bytes(
    http_server: LocalSite, small_bombs: dict[str, bombs.Bomb], name: str
) -> None:
    bomb = small_bombs[name]
    http_server.add("/page", bomb.body, headers={"Content-Encoding": bomb.content_encoding})

    with Fetcher(fault_settings()) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.fetch(http_server.url("/page"))

    assert len(bomb.body) < 100_000 < bomb.inflated
    assert (caught.value.kind, caught.value.status) == ("too_large", 200)
    assert not is_transient(caught.value)
    assert str(caught.value) == (
        f"GET {http_server.url('/page')}: body decodes to more than 100000 bytes (stopped inflating); "
        "raise politeness.max_bytes if such pages are legitimate"
    )
    assert http_server.hits("/page") == 1


@pytest.mark.parametrize("encoding", ["gzip, gzip", "gzip,deflate", "br, gzip", "zstd", "compress"])
def test_stacked_or_unknown_codings_are_refused(
    http_server: LocalSite, small_bombs: dict[str, bombs.Bomb], encoding: str
) -> None:
    http_server.add("/page", small_bombs["gzip-gzip"].body, headers={"Content-Encoding": encoding})

    with Fetcher(fault_settings()) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.fetch(http_server.url("/page"))

    assert caught.value.kind == "bad_encoding" and not is_transient(caught.value)
    problem = str(caught.value).split(": ", 1)[1]
    if "," in encoding:
        assert problem.startswith(f"stacked content codings {encoding!r} are refused")
    else:
        assert problem.startswith(f"unsupported content coding {encoding!r}")
    assert http_server.hits("/page") == 1


def test_bomb_as_robots_txt_is_truncated_not_inflated(
    http_server: LocalSite, small_bombs: dict[str, bombs.Bomb]
) -> None:
    bomb = small_bombs["gzip"]
    http_server.add("/robots.txt", bomb.body, content_type="text/plain", headers={"Content-Encoding": "gzip"})
    http_server.add("/page", "<html><p>ok</p></html>")

    with Fetcher(fault_settings(max_bytes=5_000_000)) as fetcher:
        assert fetcher.fetch(http_server.url("/page")).status == 200


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "mib"), [("gzip", 1024), ("deflate", 1024), ("br", 256), ("gzip-gzip", 2200)]
)
def test_peak_memory_of_a_full_size_bomb_stays_bounded(name: str, mib: int) -> None:
    # A child process serves and fetches the bomb; it reports its own peak RSS (VmHWM), which a
    # large parent such as this pytest process does not inflate.
    row = run_child(name, mib)

    assert row["outcome"] == ("bad_encoding" if name == "gzip-gzip" else "too_large")
    assert isinstance(row["peak_rss_mb"], int) and row["peak_rss_mb"] < PEAK_RSS_LIMIT_MB
