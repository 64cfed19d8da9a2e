"""A raw HTTP server on 127.0.0.1 that can send its answers one byte at a time.

`LocalSite` (tests/support/httpserver.py) answers whole; a hostile or broken server instead keeps a
connection alive by trickling bytes, each within the read timeout. A `TrickleSite` route sends the first
`instant` bytes of its answer at once and then one byte per `interval_s`. A trickle stops by itself when
the client hangs up, when the answer is sent, or when the site is closed, so no test outlives it.

Example:
    with TrickleSite() as site:
        site.add("/page", slow_body(b"x" * 100, interval_s=0.2))
        fetcher.fetch(site.url("/page"))   # cut off by the fetcher's deadline, long before 20 s
"""

from __future__ import annotations

import contextlib
import socket
import threading
from dataclasses import dataclass
from types import TracebackType


@dataclass(frozen=True)
class Answer:
    """The bytes of one answer on the wire, and how fast they are sent."""

    wire: bytes
    instant: int
    """Bytes sent at once; the rest goes one byte per interval."""
    interval_s: float = 0.0

    @property
    def trickle_s(self) -> float:
        """How long the whole answer takes to send to a client that keeps reading."""
        return (len(self.wire) - self.instant) * self.interval_s


def _head(status: str, headers: dict[str, str]) -> bytes:
    lines = [f"HTTP/1.0 {status}", *(f"{name}: {value}" for name, value in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def instant(body: bytes, *, status: str = "200 OK", content_type: str = "text/html") -> Answer:
    """A whole answer sent at once."""
    wire = _head(status, {"Content-Type": content_type, "Content-Length": str(len(body))}) + body
    return Answer(wire, instant=len(wire))


def redirect(location: str) -> Answer:
    """A 302 to `location`, sent at once."""
    wire = _head("302 Found", {"Location": location, "Content-Length": "0"})
    return Answer(wire, instant=len(wire))


def slow_body(body: bytes, *, interval_s: float, content_type: str = "text/html") -> Answer:
    """Headers (with the true Content-Length) at once, then the body one byte per interval."""
    head = _head("200 OK", {"Content-Type": content_type, "Content-Length": str(len(body))})
    return Answer(head + body, instant=len(head), interval_s=interval_s)


def slow_headers(padding: int, *, interval_s: float, body: bytes = b"<html></html>") -> Answer:
    """The status line at once, then a header of `padding` bytes one byte per interval."""
    status = b"HTTP/1.0 200 OK\r\n"
    rest = _head("200 OK", {"X-Padding": "a" * padding, "Content-Length": str(len(body))})
    return Answer(status + rest[len(status) :] + body, instant=len(status), interval_s=interval_s)


class TrickleSite:
    """A started raw HTTP/1.0 server on 127.0.0.1 with routes the test defines; unknown paths answer 404."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)
        self._port = self._listener.getsockname()[1]
        self._routes: dict[str, Answer] = {}
        self._hits: list[str] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="TrickleSite", daemon=True)

    @property
    def base_url(self) -> str:
        """The server's root, e.g. "http://127.0.0.1:54321"."""
        return f"http://127.0.0.1:{self._port}"

    def url(self, path: str) -> str:
        """The absolute URL of a path on this site."""
        return self.base_url + path

    def add(self, path: str, answer: Answer) -> None:
        """Answer `path` (without query) with `answer`, replacing any route."""
        with self._lock:
            self._routes[path] = answer

    def hits(self, path: str) -> int:
        """How many requests asked for a path."""
        with self._lock:
            return self._hits.count(path)

    def __enter__(self) -> TrickleSite:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._listener.close()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        with conn, contextlib.suppress(OSError):
            conn.settimeout(5.0)
            request = b""
            while b"\r\n\r\n" not in request and len(request) < 65536:
                data = conn.recv(4096)
                if not data:
                    return
                request += data
            path = request.split(b" ", 2)[1].decode("latin-1").split("?", 1)[0]
            with self._lock:
                self._hits.append(path)
                answer = self._routes.get(path) or instant(b"not found", status="404 Not Found")
            conn.sendall(answer.wire[: answer.instant])
            for i in range(answer.instant, len(answer.wire)):
                if self._stop.wait(answer.interval_s):
                    return
                conn.sendall(answer.wire[i : i + 1])  # raises once the client has hung up
