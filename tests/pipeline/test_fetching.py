"""Fetcher against a real HTTP server on 127.0.0.1: statuses, retries, limits, robots, redirects, pacing."""

from __future__ import annotations

import gzip
import threading
import zlib
from collections.abc import Callable, Iterator

import brotli
import pytest

from gdwatch.config.models import PolitenessSettings
from gdwatch.pipeline.fetching import Fetcher, FetchError
from tests.support.httpserver import LocalSite, Response

UA = "gdwatch-test/1.0 (+https://example.org/gdwatch)"
HTML = "<html><head><title>Guangdong</title></head><body><p>广东外贸</p></body></html>"


def make_settings(**changes: object) -> PolitenessSettings:
    """Fast settings for tests: no pacing, no backoff, short timeouts; `changes` override."""
    base = {
        "user_agent": UA,
        "connect_timeout_s": 2.0,
        "read_timeout_s": 2.0,
        "retries": 2,
        "backoff_s": 0.0,
        "max_bytes": 100_000,
        "max_redirects": 3,
        "per_host_delay_s": 0.0,
        "respect_robots": True,
        "request_deadline_s": 30.0,
        # The LocalSite listens on loopback, which the fetcher refuses unless allowed.
        "allow_hosts": ["127.0.0.1", "localhost"],
    }
    base.update(changes)
    return PolitenessSettings(**base)  # type: ignore[arg-type]


class SleepRecorder:
    """Records requested pauses instead of sleeping, so backoff delays can be asserted exactly."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(make_settings()) as f:
        yield f


def test_200_returns_body_type_and_validators(http_server: LocalSite, fetcher: Fetcher) -> None:
    http_server.add("/a.html", HTML, etag='"v1"', last_modified="Mon, 03 Nov 2025 08:00:00 GMT")

    result = fetcher.fetch(http_server.url("/a.html"), accept="text/html")

    assert (result.status, result.body.decode("utf-8"), result.not_modified) == (200, HTML, False)
    assert result.url == result.final_url == http_server.url("/a.html")
    assert result.content_type == "text/html; charset=utf-8"
    assert (result.etag, result.last_modified) == ('"v1"', "Mon, 03 Nov 2025 08:00:00 GMT")
    assert result.attempts == 1
    assert result.elapsed_s >= 0.0
    method, path, headers = http_server.requests[-1]
    assert (method, path, headers["user-agent"], headers["Accept"]) == ("GET", "/a.html", UA, "text/html")


def test_304_with_etag(http_server: LocalSite, fetcher: Fetcher) -> None:
    http_server.add("/feed.xml", "<rss/>", content_type="application/rss+xml", etag='"abc"')
    first = fetcher.fetch(http_server.url("/feed.xml"))

    second = fetcher.fetch(http_server.url("/feed.xml"), etag=first.etag)

    assert (second.status, second.not_modified, second.body, second.etag) == (304, True, b"", '"abc"')
    assert http_server.requests[-1][2]["If-None-Match"] == '"abc"'
    changed = fetcher.fetch(http_server.url("/feed.xml"), etag='"old"')
    assert (changed.status, changed.not_modified, changed.body) == (200, False, b"<rss/>")


def test_304_with_last_modified(http_server: LocalSite, fetcher: Fetcher) -> None:
    stamp = "Tue, 04 Nov 2025 10:00:00 GMT"
    http_server.add("/feed.xml", "<rss/>", last_modified=stamp)

    same = fetcher.fetch(http_server.url("/feed.xml"), last_modified=stamp)
    older = fetcher.fetch(http_server.url("/feed.xml"), last_modified="Mon, 03 Nov 2025 10:00:00 GMT")

    assert (same.status, same.not_modified) == (304, True)
    assert (older.status, older.not_modified, older.body) == (200, False, b"<rss/>")
    assert http_server.requests[-2][2]["If-Modified-Since"] == stamp


def test_500_then_success_is_retried_with_backoff(http_server: LocalSite) -> None:
    http_server.add_sequence("/flaky", [Response("down", status=500), Response(HTML)])
    sleeps = SleepRecorder()
    with Fetcher(make_settings(backoff_s=0.5), sleep=sleeps) as fetcher:
        result = fetcher.fetch(http_server.url("/flaky"))

    assert (result.status, result.attempts, result.body.decode()) == (200, 2, HTML)
    assert sleeps.calls == [0.5]
    assert http_server.hits("/flaky") == 2


def test_500_forever_fails_after_retries(http_server: LocalSite) -> None:
    http_server.add("/broken", "boom", status=503)
    sleeps = SleepRecorder()
    with (
        Fetcher(make_settings(retries=2, backoff_s=0.5), sleep=sleeps) as fetcher,
        pytest.raises(FetchError) as caught,
    ):
        fetcher.fetch(http_server.url("/broken"))

    assert (caught.value.kind, caught.value.status, caught.value.url) == (
        "http_status",
        503,
        http_server.url("/broken"),
    )
    assert "HTTP 503 after 3 attempts" in str(caught.value)
    assert sleeps.calls == [0.5, 1.0]
    assert http_server.hits("/broken") == 3


def test_404_is_not_retried(http_server: LocalSite, fetcher: Fetcher) -> None:
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(http_server.url("/missing"))

    assert (caught.value.kind, caught.value.status) == ("http_status", 404)
    assert "not retried" in str(caught.value)
    assert http_server.hits("/missing") == 1


def test_timeout_is_retried_then_raised(http_server: LocalSite) -> None:
    # The server holds its answer until the test has finished, so the read timeout is certain to fire
    # (a server delay would race the timeout).
    release = threading.Event()
    http_server.add("/slow", HTML, hold=release)
    try:
        with (
            Fetcher(make_settings(read_timeout_s=0.2, retries=1)) as fetcher,
            pytest.raises(FetchError) as caught,
        ):
            fetcher.fetch(http_server.url("/slow"))
    finally:
        release.set()

    assert (caught.value.kind, caught.value.status) == ("timeout", None)
    assert "timed out (ReadTimeout) after 2 attempts" in str(caught.value)
    assert http_server.hits("/slow") == 2


@pytest.mark.parametrize("send_length", [True, False], ids=["content-length", "streamed"])
def test_oversized_body_is_aborted(http_server: LocalSite, send_length: bool) -> None:
    http_server.add("/huge", b"x" * 3_000_000, send_length=send_length)
    with Fetcher(make_settings(max_bytes=50_000)) as fetcher:
        with pytest.raises(FetchError) as caught:
            fetcher.fetch(http_server.url("/huge"))
        # The connection was dropped mid-body; the server and the fetcher must stay usable.
        http_server.add("/ok", HTML)
        assert fetcher.fetch(http_server.url("/ok")).body.decode() == HTML

    assert caught.value.kind == "too_large"
    expected = "Content-Length 3000000 exceeds 50000" if send_length else "body exceeds 50000 bytes"
    assert expected in str(caught.value)


def test_content_type_outside_allowed_types_is_rejected(http_server: LocalSite, fetcher: Fetcher) -> None:
    http_server.add("/report.pdf", b"%PDF-1.7", content_type="application/pdf")
    http_server.add("/page", HTML, content_type="application/xhtml+xml; charset=utf-8")
    allowed = ["text/html", "application/xhtml+xml"]

    with pytest.raises(FetchError) as caught:
        fetcher.fetch(http_server.url("/report.pdf"), allowed_types=allowed)

    assert (caught.value.kind, caught.value.status) == ("bad_content_type", 200)
    assert fetcher.fetch(http_server.url("/page"), allowed_types=allowed).status == 200
    assert (
        fetcher.fetch(http_server.url("/report.pdf"), allowed_types=["text/*", "application/*"]).status == 200
    )


def test_robots_disallow_is_obeyed_and_read_once(http_server: LocalSite, fetcher: Fetcher) -> None:
    http_server.add(
        "/robots.txt",
        "User-agent: gdwatch-test\nDisallow: /private/\n\nUser-agent: *\nDisallow: /\n",
        content_type="text/plain",
    )
    http_server.add("/private/x.html", HTML)
    http_server.add("/news/1.html", HTML)

    with pytest.raises(FetchError) as caught:
        fetcher.fetch(http_server.url("/private/x.html"))
    assert fetcher.fetch(http_server.url("/news/1.html")).status == 200
    assert fetcher.fetch(http_server.url("/news/1.html")).status == 200

    assert caught.value.kind == "robots"
    assert http_server.hits("/private/x.html") == 0
    assert http_server.hits("/robots.txt") == 1


@pytest.mark.parametrize("robots_status", [404, 403])
def test_robots_4xx_allows_all(http_server: LocalSite, fetcher: Fetcher, robots_status: int) -> None:
    http_server.add("/robots.txt", "User-agent: *\nDisallow: /\n", status=robots_status)
    http_server.add("/news/1.html", HTML)

    assert fetcher.fetch(http_server.url("/news/1.html")).status == 200


def test_robots_not_consulted_when_disabled(http_server: LocalSite) -> None:
    http_server.add("/robots.txt", "User-agent: *\nDisallow: /\n", content_type="text/plain")
    http_server.add("/news/1.html", HTML)
    with Fetcher(make_settings(respect_robots=False)) as fetcher:
        assert fetcher.fetch(http_server.url("/news/1.html")).status == 200
    assert http_server.hits("/robots.txt") == 0


def test_robots_read_once_across_threads(http_server: LocalSite, fetcher: Fetcher) -> None:
    http_server.add("/robots.txt", "User-agent: *\nAllow: /\n", content_type="text/plain", delay_s=0.1)
    for i in range(6):
        http_server.add(f"/p{i}", f"page {i}")
    bodies: dict[int, bytes] = {}

    def get(i: int) -> None:
        bodies[i] = fetcher.fetch(http_server.url(f"/p{i}")).body

    threads = [threading.Thread(target=get, args=(i,)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert bodies == {i: f"page {i}".encode() for i in range(6)}
    assert http_server.hits("/robots.txt") == 1


def test_redirect_chain_is_followed(http_server: LocalSite, fetcher: Fetcher) -> None:
    http_server.add_redirect("/a", "/b", status=301)
    http_server.add_redirect("/b", http_server.url("/c"), status=302)
    http_server.add_redirect("/c", "d", status=308)
    http_server.add("/d", HTML)

    result = fetcher.fetch(http_server.url("/a"))

    assert (result.url, result.final_url, result.status) == (
        http_server.url("/a"),
        http_server.url("/d"),
        200,
    )
    assert [path for _, path, _ in http_server.requests] == ["/robots.txt", "/a", "/b", "/c", "/d"]


def test_too_many_redirects(http_server: LocalSite, fetcher: Fetcher) -> None:
    for i in range(5):
        http_server.add_redirect(f"/r{i}", f"/r{i + 1}")
    http_server.add("/r5", HTML)

    with pytest.raises(FetchError) as caught:
        fetcher.fetch(http_server.url("/r0"))

    assert caught.value.kind == "too_many_redirects"
    assert http_server.hits("/r3") == 1
    assert http_server.hits("/r4") == 0


@pytest.mark.parametrize("target", ["ftp://127.0.0.1/file.txt", "javascript:alert(1)", "file:///etc/passwd"])
def test_redirect_to_non_http_scheme_is_refused(
    http_server: LocalSite, fetcher: Fetcher, target: str
) -> None:
    http_server.add_redirect("/go", target, status=302)

    with pytest.raises(FetchError) as caught:
        fetcher.fetch(http_server.url("/go"))

    assert caught.value.kind == "bad_url"
    assert "redirect target" in str(caught.value)


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.org/x", "javascript:void(0)", "http:///x"]
)
def test_non_http_url_is_refused(fetcher: Fetcher, url: str) -> None:
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(url)
    assert (caught.value.kind, caught.value.url) == ("bad_url", url)


def test_connection_refused_is_a_network_error() -> None:
    with LocalSite() as site:
        url = site.url("/gone")
    # The site is closed: nothing listens on its port any more.
    with (
        Fetcher(make_settings(retries=1, respect_robots=False)) as fetcher,
        pytest.raises(FetchError) as caught,
    ):
        fetcher.fetch(url)
    assert caught.value.kind == "network"
    assert "after 2 attempts" in str(caught.value)


class FakeClock:
    """A monotonic clock that moves only when the fetcher sleeps, so pacing is asserted exactly."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def test_per_host_delay_spaces_requests_to_one_host(http_server: LocalSite) -> None:
    http_server.add("/x", HTML)
    clock = FakeClock()
    settings = make_settings(per_host_delay_s=0.2, respect_robots=False)
    with Fetcher(settings, sleep=clock.sleep, clock=clock) as fetcher:
        for _ in range(3):
            fetcher.fetch(http_server.url("/x"))
    assert clock.sleeps == [pytest.approx(0.2), pytest.approx(0.2)]


def test_per_host_delay_does_not_slow_other_hosts(http_server: LocalSite) -> None:
    http_server.add("/x", HTML)
    other_host = http_server.url("/x").replace("127.0.0.1", "localhost")
    clock = FakeClock()
    settings = make_settings(per_host_delay_s=0.3, respect_robots=False)
    with Fetcher(settings, sleep=clock.sleep, clock=clock) as fetcher:
        fetcher.fetch(http_server.url("/x"))
        fetcher.fetch(other_host)
        assert clock.sleeps == []
        clock.now += 0.1
        fetcher.fetch(http_server.url("/x"))
    assert clock.sleeps == [pytest.approx(0.2)]


def _deflate_raw(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush()


@pytest.mark.parametrize(
    ("encoding", "encode"),
    [
        ("gzip", gzip.compress),
        ("x-gzip", gzip.compress),
        ("deflate", zlib.compress),
        ("deflate", _deflate_raw),
        ("br", brotli.compress),
        ("identity", lambda data: data),
        ("GZIP", lambda data: gzip.compress(data[:40]) + gzip.compress(data[40:])),
    ],
    ids=["gzip", "x-gzip", "deflate", "raw-deflate", "br", "identity", "gzip-two-members"],
)
def test_compressed_body_is_decoded(
    http_server: LocalSite, fetcher: Fetcher, encoding: str, encode: Callable[[bytes], bytes]
) -> None:
    http_server.add("/a.html", encode(HTML.encode()), headers={"Content-Encoding": encoding})

    result = fetcher.fetch(http_server.url("/a.html"))

    assert result.body.decode() == HTML
    assert http_server.requests[-1][2]["Accept-Encoding"] == "gzip, deflate, br"


def test_corrupt_compressed_body_is_refused(http_server: LocalSite, fetcher: Fetcher) -> None:
    http_server.add("/a.html", HTML, headers={"Content-Encoding": "gzip"})

    with pytest.raises(FetchError) as caught:
        fetcher.fetch(http_server.url("/a.html"))

    assert (caught.value.kind, caught.value.status) == ("bad_encoding", 200)
    assert "corrupt gzip data" in str(caught.value)
    assert http_server.hits("/a.html") == 1


def test_compressed_body_cut_short_is_a_retried_network_error(
    http_server: LocalSite, fetcher: Fetcher
) -> None:
    http_server.add("/a.html", gzip.compress(HTML.encode())[:-12], headers={"Content-Encoding": "gzip"})

    with pytest.raises(FetchError) as caught:
        fetcher.fetch(http_server.url("/a.html"))

    assert caught.value.kind == "network"
    assert "the compressed body ended before its end marker after 3 attempts" in str(caught.value)


def test_decoded_size_limit(http_server: LocalSite) -> None:
    body = b"<p>" + b"a" * 60_000 + b"</p>"
    http_server.add("/a.html", gzip.compress(body), headers={"Content-Encoding": "gzip"})
    with Fetcher(make_settings(max_bytes=len(body))) as fetcher:
        assert fetcher.fetch(http_server.url("/a.html")).body == body
    with Fetcher(make_settings(max_bytes=len(body) - 1)) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.fetch(http_server.url("/a.html"))
    assert caught.value.kind == "too_large"
    assert f"body decodes to more than {len(body) - 1} bytes" in str(caught.value)


def test_robots_txt_redirect_is_followed(http_server: LocalSite, fetcher: Fetcher) -> None:
    http_server.add_redirect("/robots.txt", "/rules.txt", status=301)
    http_server.add("/rules.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    http_server.add("/news/1.html", HTML)

    with pytest.raises(FetchError) as caught:
        fetcher.fetch(http_server.url("/private/x.html"))
    assert fetcher.fetch(http_server.url("/news/1.html")).status == 200

    assert caught.value.kind == "robots"
    assert http_server.hits("/rules.txt") == 1


@pytest.mark.parametrize("content_type", ["application/octet-stream", "text/plain", ""])
def test_html_served_with_a_generic_type_is_sniffed_and_fetched(
    http_server: LocalSite, content_type: str
) -> None:
    http_server.add("/page", HTML, content_type=content_type)
    with Fetcher(make_settings()) as fetcher:
        result = fetcher.fetch(http_server.url("/page"), allowed_types=("text/html", "application/xhtml+xml"))
    assert result.body == HTML.encode()


def test_a_pdf_served_as_octet_stream_is_refused_saying_what_was_seen(http_server: LocalSite) -> None:
    http_server.add("/file", b"%PDF-1.7 binary...", content_type="application/octet-stream")
    with Fetcher(make_settings()) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.fetch(http_server.url("/file"), allowed_types=("text/html", "application/xhtml+xml"))
    assert caught.value.kind == "bad_content_type"
    assert "served as application/octet-stream and the body does not start like HTML" in str(caught.value)
    assert "%PDF" in str(caught.value)
