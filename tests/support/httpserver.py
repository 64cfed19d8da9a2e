"""A real threaded HTTP server on 127.0.0.1 that serves canned responses to the tests.

Every network test talks to a `LocalSite`: timeouts, redirects, encodings, conditional GET and oversized
bodies are behaviours of real HTTP, so they are served over a real socket instead of being mocked.

Example:
    with LocalSite() as site:
        site.add("/feed.xml", rss_bytes, content_type="application/rss+xml")
        fetcher.fetch(site.url("/feed.xml"))
        assert site.hits("/feed.xml") == 1
"""

from __future__ import annotations

import contextlib
import email.utils
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType

# Errors a client disconnecting mid-response raises in the handler thread; the oversized-body and
# timeout tests provoke them on purpose, so they are not worth a traceback on stderr.
_DISCONNECTS = (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError)
_CHUNK = 64 * 1024
HOLD_LIMIT_S = 300.0


@dataclass
class Response:
    """One canned answer: body, status, content type, extra headers and an optional delay before answering."""

    body: bytes | str = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0
    etag: str | None = None
    last_modified: str | None = None
    send_length: bool = True
    """False omits Content-Length, so the body ends when the connection closes (tests streaming limits)."""
    hold: threading.Event | None = None
    """When set, the answer waits until the test sets the event (at most HOLD_LIMIT_S): a slow page whose
    length the test decides, instead of a delay that races a timeout."""

    def body_bytes(self) -> bytes:
        """The body as bytes (a str body is encoded as UTF-8)."""
        return self.body.encode("utf-8") if isinstance(self.body, str) else self.body


class RequestHeaders(Mapping[str, str]):
    """Headers of one recorded request; lookups ignore case like HTTP does."""

    def __init__(self, items: list[tuple[str, str]]) -> None:
        self._items = {name.lower(): (name, value) for name, value in items}

    def __getitem__(self, key: str) -> str:
        return self._items[key.lower()][1]

    def __iter__(self) -> Iterator[str]:
        return (name for name, _ in self._items.values())

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key.lower() in self._items

    def __repr__(self) -> str:
        return repr(dict(self.items()))


class _QuietServer(ThreadingHTTPServer):
    """A threaded server that does not print tracebacks when a client hangs up mid-answer."""

    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        exc = sys.exc_info()[1]
        if isinstance(exc, _DISCONNECTS):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


@dataclass
class _Route:
    responses: list[Response]
    served: int = 0

    def next_response(self) -> Response:
        """The next response of the sequence; the last one repeats."""
        response = self.responses[min(self.served, len(self.responses) - 1)]
        self.served += 1
        return response


def _not_modified(response: Response, headers: RequestHeaders) -> bool:
    """Whether the request's validators match the response (an If-None-Match match wins, as in RFC 9110)."""
    if_none_match = headers.get("If-None-Match")
    if response.etag is not None and if_none_match is not None:
        return response.etag in [tag.strip() for tag in if_none_match.split(",")] or if_none_match == "*"
    if_modified_since = headers.get("If-Modified-Since")
    if response.last_modified is not None and if_modified_since is not None:
        try:
            since = email.utils.parsedate_to_datetime(if_modified_since)
            modified = email.utils.parsedate_to_datetime(response.last_modified)
        except (TypeError, ValueError):
            return False
        return modified <= since
    return False


class LocalSite:
    """A started HTTP server on 127.0.0.1 with routes the test defines; use it as a context manager.

    Paths may carry a query string: "/feed.xml?x=1" matches only that query, while "/feed.xml" also matches
    requests with any query. Unknown paths answer 404.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._routes: dict[str, _Route] = {}
        self._requests: list[tuple[str, str, RequestHeaders]] = []
        self._server = _QuietServer(("127.0.0.1", 0), self._handler_class())
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        """The server's root, e.g. "http://127.0.0.1:54321"."""
        host, port = self._server.server_address[:2]
        host = host.decode() if isinstance(host, bytes) else host
        return f"http://{host}:{port}"

    @property
    def host(self) -> str:
        """The "127.0.0.1:PORT" authority, as a fetcher's per-host bookkeeping sees it."""
        return self.base_url.removeprefix("http://")

    def url(self, path: str) -> str:
        """The absolute URL of a path on this site.

        Args:
            path: a path starting with "/", optionally with a query string.

        Returns:
            "http://127.0.0.1:PORT" + path.
        """
        return self.base_url + path

    @property
    def requests(self) -> list[tuple[str, str, RequestHeaders]]:
        """A copy of the (method, path with query, headers) of every request seen, in arrival order."""
        with self._lock:
            return list(self._requests)

    def add(
        self,
        path: str,
        body: bytes | str,
        *,
        status: int = 200,
        content_type: str = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        delay_s: float = 0.0,
        send_length: bool = True,
        hold: threading.Event | None = None,
    ) -> None:
        """Serve one response at a path, replacing any existing route.

        Args:
            path: the path (with or without a query string).
            body: the body; a str is sent as UTF-8.
            status: the HTTP status.
            content_type: the Content-Type header.
            headers: extra response headers.
            etag: sent as ETag; a request with a matching If-None-Match gets 304.
            last_modified: sent as Last-Modified; a request with If-Modified-Since at or after it gets 304.
            delay_s: seconds to wait before answering (timeouts).
            send_length: False omits Content-Length (the body then ends at connection close).
            hold: the answer waits until this event is set (see `Response.hold`).
        """
        response = Response(
            body=body,
            status=status,
            content_type=content_type,
            headers=dict(headers or {}),
            delay_s=delay_s,
            etag=etag,
            last_modified=last_modified,
            send_length=send_length,
            hold=hold,
        )
        self.add_sequence(path, [response])

    def add_sequence(self, path: str, responses: list[Response]) -> None:
        """Serve responses in order at a path (e.g. 500, 500, then 200); the last one repeats.

        Args:
            path: the path (with or without a query string).
            responses: at least one response.

        Raises:
            ValueError: the list is empty.
        """
        if not responses:
            raise ValueError(f"add_sequence({path!r}) needs at least one response")
        with self._lock:
            self._routes[path] = _Route(list(responses))

    def add_redirect(self, path: str, location: str, status: int = 301) -> None:
        """Answer a path with a redirect.

        Args:
            path: the path that redirects.
            location: the Location header (absolute URL or path).
            status: 301, 302, 303, 307 or 308.
        """
        self.add(path, b"", status=status, headers={"Location": location})

    def remove(self, path: str) -> None:
        """Forget a route; the path then answers 404.

        Args:
            path: the path as it was added.
        """
        with self._lock:
            self._routes.pop(path, None)

    def hits(self, path: str) -> int:
        """How many requests asked for a path.

        Args:
            path: a path; with a query string it counts that exact request, without one it counts every query.

        Returns:
            The number of requests seen so far.
        """
        with self._lock:
            return sum(1 for _, seen, _ in self._requests if _path_matches(path, seen))

    def start(self) -> LocalSite:
        """Start serving in a daemon thread (idempotent)."""
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._server.serve_forever,
                kwargs={"poll_interval": 0.02},
                name="LocalSite",
                daemon=True,
            )
            self._thread.start()
        return self

    def close(self) -> None:
        """Stop serving and close the listening socket."""
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._server.server_close()

    def __enter__(self) -> LocalSite:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _answer(self, method: str, path: str, headers: RequestHeaders) -> Response | None:
        """Record a request and pick its response (None for 404)."""
        with self._lock:
            self._requests.append((method, path, headers))
            route = self._routes.get(path) or self._routes.get(path.split("?", 1)[0])
            return route.next_response() if route is not None else None

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            # HTTP/1.0 closes the connection after each answer, which lets a response omit Content-Length.
            protocol_version = "HTTP/1.0"

            def do_GET(self) -> None:
                self._serve(send_body=True)

            def do_HEAD(self) -> None:
                self._serve(send_body=False)

            def handle(self) -> None:
                with contextlib.suppress(*_DISCONNECTS):
                    super().handle()

            def log_message(self, format: str, *args: object) -> None:
                """Silence the per-request access log."""

            def _serve(self, *, send_body: bool) -> None:
                headers = RequestHeaders(list(self.headers.items()))
                response = site._answer(self.command, self.path, headers)
                if response is None:
                    response = Response(body=b"not found", status=404, content_type="text/plain")
                if response.delay_s:
                    time.sleep(response.delay_s)
                if response.hold is not None:
                    response.hold.wait(HOLD_LIMIT_S)
                if _not_modified(response, headers):
                    self._send_head(304, response, body=b"", with_type=False)
                    return
                body = response.body_bytes()
                self._send_head(response.status, response, body=body, with_type=True)
                if send_body:
                    for start in range(0, len(body), _CHUNK):
                        self.wfile.write(body[start : start + _CHUNK])

            def _send_head(self, status: int, response: Response, *, body: bytes, with_type: bool) -> None:
                self.send_response(status)
                if with_type and response.content_type:
                    self.send_header("Content-Type", response.content_type)
                if response.etag is not None:
                    self.send_header("ETag", response.etag)
                if response.last_modified is not None:
                    self.send_header("Last-Modified", response.last_modified)
                for name, value in response.headers.items():
                    self.send_header(name, value)
                if response.send_length:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()

        return Handler


def _path_matches(route: str, requested: str) -> bool:
    """Whether a requested path (with query) counts as a hit of a route path."""
    if "?" in route:
        return requested == route
    return requested.split("?", 1)[0] == route
