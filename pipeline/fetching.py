"""Polite HTTP for every flow: conditional GET, retries, size and type limits, robots.txt, per-host pacing.

This is the only module of gdwatch that performs HTTP. One `Fetcher` serves a whole run and may be shared by
threads: robots.txt is read once per host, and requests to one host are spaced by `per_host_delay_s`.

Every request, robots.txt included, goes through the same safeguards:

- a wall-clock deadline (`request_deadline_s`) over connect, headers and body (`pipeline/connections.py`);
- connections only to public addresses, checked at connect time on every hop (`pipeline/addresses.py`);
- a size limit that holds after decompression, one content coding at most (`pipeline/content_decoding.py`);
- redirects followed by hand, each hop checked for scheme, robots.txt and pacing.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from types import TracebackType
from typing import Literal
from urllib.parse import urljoin, urlsplit

import httpx
from protego import Protego

from gdwatch.config.errors import GdwatchError
from gdwatch.config.models import PolitenessSettings
from gdwatch.extractors.pages.decode import looks_like_html
from gdwatch.pipeline.addresses import AddressPolicy, BlockedAddress, Resolver, system_resolver
from gdwatch.pipeline.connections import DeadlineExceeded, GuardedBackend, UnresolvableHost, guarded_transport
from gdwatch.pipeline.content_decoding import (
    ACCEPT_ENCODING,
    BodyCutShort,
    BodyNotDecodable,
    BodyTooLarge,
    read_body,
)

FetchErrorKind = Literal[
    "timeout",
    "http_status",
    "too_large",
    "bad_content_type",
    "robots",
    "bad_url",
    "too_many_redirects",
    "network",
    "dns",
    "blocked_address",
    "bad_encoding",
]
"""Why a fetch failed. pipeline/pages.is_transient decides which may pass: "timeout" (a deadline overrun
too), "network", "dns" (a name that does not resolve) and 5xx/429 statuses; a refused address or
encoding, or a body too large, will not."""

_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# RFC 9309 §2.5: crawlers may ignore robots.txt content beyond 500 KiB.
_ROBOTS_MAX_BYTES = 500 * 1024


@dataclass(frozen=True)
class FetchResult:
    """One completed GET: the final URL after redirects, status, body and the validators for the next run."""

    url: str
    """The URL asked for."""
    final_url: str
    """The URL that answered, after redirects."""
    status: int
    body: bytes
    """The decoded (un-gzipped) body; empty when not_modified."""
    content_type: str | None
    etag: str | None
    last_modified: str | None
    not_modified: bool
    """True when the server answered 304 to a conditional GET: the stored copy is current."""
    elapsed_s: float
    """Time from the first request to the end of the body, including retries and pauses."""
    attempts: int
    """Requests made for the final URL (1 + the retries used)."""


class FetchError(GdwatchError):
    """A GET failed for good: the message says which URL, what happened and what to do."""

    def __init__(self, url: str, kind: FetchErrorKind, problem: str, advice: str, status: int | None = None):
        self.url = url
        self.kind = kind
        self.status = status
        super().__init__(f"GET {url}: {problem}; {advice}")


class _Retryable(Exception):
    """An attempt failed in a way a later attempt may not (timeout, connection error, 5xx)."""

    def __init__(self, kind: FetchErrorKind, problem: str, status: int | None = None) -> None:
        self.kind = kind
        self.problem = problem
        self.status = status
        super().__init__(problem)


@dataclass(frozen=True)
class _Redirect:
    location: str


def _check_http_url(url: str, *, context: str) -> None:
    """Reject anything but absolute http(s) URLs with a host."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise FetchError(
            url, "bad_url", f"{context} is not an http(s) URL", "only http:// and https:// links are fetched"
        )


def _caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    """Whether `exc` or an exception it was raised from is a `kind`."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, kind):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _media_type(content_type: str | None) -> str | None:
    return content_type.split(";", 1)[0].strip().lower() if content_type else None


# Media types that say nothing of the body; `looks_like_html` decides for them.
_GENERIC_TYPES = frozenset({None, "", "application/octet-stream", "binary/octet-stream", "text/plain"})


def _type_allowed(media_type: str | None, allowed: Sequence[str]) -> bool:
    """Whether a media type matches one of the allowed ones ("text/*" wildcards accepted).

    A response without a Content-Type passes: the caller sniffs the body (pages.looks_like_html).
    """
    if media_type is None:
        return True
    for pattern in allowed:
        pattern = pattern.lower()
        if pattern == media_type or (pattern.endswith("/*") and media_type.startswith(pattern[:-1])):
            return True
    return False


class Fetcher:
    """Fetches URLs politely; create one per run, share it between threads, close it at the end."""

    def __init__(
        self,
        politeness: PolitenessSettings,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        resolver: Resolver = system_resolver,
    ) -> None:
        """Open the HTTP client.

        Args:
            politeness: timeouts, deadline, retries, size limit, redirects, pacing, robots, allowed hosts
                and User-Agent.
            sleep: how to wait (backoff and per-host pauses); tests pass a recorder.
            clock: a monotonic clock in seconds (pacing and deadlines).
            resolver: host name to IP addresses; tests map names to private addresses without any DNS.
        """
        self._settings = politeness
        self._sleep = sleep
        self._clock = clock
        timeout = httpx.Timeout(
            connect=politeness.connect_timeout_s,
            read=politeness.read_timeout_s,
            write=politeness.read_timeout_s,
            pool=politeness.connect_timeout_s,
        )
        self._backend = GuardedBackend(AddressPolicy(politeness.allow_hosts, resolver), clock)
        # NOTE: redirects are followed by hand so every hop is checked for scheme, robots and pacing. Requests
        # go straight to the transport because httpx's client parses a Location header even when not
        # following it, and raises on "javascript:..." before we can report the redirect as refused.
        self._transport = guarded_transport(self._backend)
        self._client = httpx.Client(
            transport=self._transport,
            timeout=timeout,
            follow_redirects=False,
            headers={"User-Agent": politeness.user_agent, "Accept-Encoding": ACCEPT_ENCODING},
        )
        self._lock = threading.Lock()
        self._next_slot: dict[str, float] = {}
        self._robots: dict[str, Protego | None] = {}
        self._robots_locks: dict[str, threading.Lock] = {}

    def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str | None = None,
        allowed_types: Sequence[str] | None = None,
    ) -> FetchResult:
        """GET a URL, following redirects, with conditional headers when validators are given.

        Args:
            url: an absolute http(s) URL.
            etag: the ETag stored from the previous fetch (sent as If-None-Match).
            last_modified: the Last-Modified stored from the previous fetch (sent as If-Modified-Since).
            accept: the Accept header, e.g. "application/rss+xml, application/xml;q=0.9, */*;q=0.1".
            allowed_types: media types accepted for a 2xx body (e.g. ["text/html"]); None accepts any.

        Returns:
            The result; `not_modified` is True (and the body empty) when the server answered 304.

        Raises:
            FetchError: bad URL, robots.txt disallow, too many redirects, 4xx, 5xx or timeout after the
                retries, deadline overrun, network failure, a host that is not public, body over max_bytes
                (raw or decoded), a refused content coding, or a content type outside allowed_types.
        """
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        if accept:
            headers["Accept"] = accept
        started = self._clock()
        current = url
        for _hop in range(self._settings.max_redirects + 1):
            via = None if current == url else url
            _check_http_url(current, context="the URL" if via is None else f"redirect target of {url}")
            self._check_robots(current)
            outcome, attempts = self._with_retries(current, headers, allowed_types, via=via)
            if isinstance(outcome, _Redirect):
                current = urljoin(current, outcome.location)
                continue
            status, body, response_headers = outcome
            return FetchResult(
                url=url,
                final_url=current,
                status=status,
                body=body,
                content_type=response_headers.get("content-type"),
                etag=response_headers.get("etag"),
                last_modified=response_headers.get("last-modified"),
                not_modified=status == 304,
                elapsed_s=self._clock() - started,
                attempts=attempts,
            )
        raise FetchError(
            url,
            "too_many_redirects",
            f"more than {self._settings.max_redirects} redirects (last hop {current})",
            "check the URL for a redirect loop, or raise politeness.max_redirects",
        )

    def close(self) -> None:
        """Close the connection pool."""
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _with_retries(
        self, url: str, headers: dict[str, str], allowed_types: Sequence[str] | None, *, via: str | None
    ) -> tuple[_Redirect | tuple[int, bytes, httpx.Headers], int]:
        """Run attempts with exponential backoff while they fail with a retryable error."""
        tries = self._settings.retries + 1
        for attempt in range(1, tries + 1):
            try:
                return self._attempt(url, headers, allowed_types, via=via), attempt
            except _Retryable as failure:
                if attempt == tries:
                    raise self._give_up(url, failure, attempt) from None
                self._sleep(self._settings.backoff_s * 2 ** (attempt - 1))
        raise AssertionError("unreachable: the loop returns or raises")

    def _give_up(self, url: str, failure: _Retryable, attempts: int) -> FetchError:
        tried = f"{attempts} attempt{'s' if attempts > 1 else ''}"
        advice = {
            "timeout": "the server is slow or down; try again later or raise politeness.read_timeout_s",
            "http_status": "the server is failing; try again later",
            "network": "check the host name and the network connection, then try again",
            "dns": "the host name does not resolve: check its spelling and the machine's DNS and network",
        }[failure.kind]
        return FetchError(
            url, failure.kind, f"{failure.problem} after {tried}", advice, status=failure.status
        )

    @contextmanager
    def _exchange(self, url: str, headers: dict[str, str], *, via: str | None) -> Iterator[httpx.Response]:
        """One paced GET under the request deadline; the response (body unread) is closed on exit.

        Raises:
            FetchError: deadline overrun, an address that is not public, or an invalid URL.
            _Retryable: a timeout or a connection failure.
        """
        self._wait_for_host(url)
        deadline = self._settings.request_deadline_s
        try:
            with self._backend.deadline(deadline):
                request = self._client.build_request("GET", url, headers=headers)
                response = self._transport.handle_request(request)
                response.request = request
                try:
                    yield response
                finally:
                    response.close()
        except DeadlineExceeded:
            # NOTE: not retried: a server that trickled for the whole deadline would likely do it again, and
            # each try would hold this thread (and this host's pacing) that long. Kind "timeout" lets the
            # next run try the page again.
            raise FetchError(
                url,
                "timeout",
                f"no complete answer within the {deadline:g} s request deadline (the server is too slow)",
                "it is tried again next run (raise politeness.request_deadline_s if the site is just slow)",
            ) from None
        except BlockedAddress as blocked:
            target = f"refused redirect from {via}: " if via else "refused to connect: "
            raise FetchError(
                url,
                "blocked_address",
                target + str(blocked),
                "gdwatch fetches public addresses only: drop the link, or add the host to "
                "politeness.allow_hosts if it is yours and trusted",
            ) from None
        except httpx.TimeoutException as exc:
            raise _Retryable("timeout", f"timed out ({type(exc).__name__})") from exc
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
            raise FetchError(url, "bad_url", f"invalid URL ({exc})", "fix or drop the link") from exc
        except httpx.TransportError as exc:
            kind: FetchErrorKind = "dns" if _caused_by(exc, UnresolvableHost) else "network"
            raise _Retryable(kind, f"connection failed ({type(exc).__name__}: {exc})") from exc

    def _attempt(
        self, url: str, headers: dict[str, str], allowed_types: Sequence[str] | None, *, via: str | None
    ) -> _Redirect | tuple[int, bytes, httpx.Headers]:
        """One GET of a page; streams the body and stops as soon as it exceeds max_bytes."""
        with self._exchange(url, headers, via=via) as response:
            status = response.status_code
            if status in _REDIRECT_STATUSES and response.headers.get("location"):
                return _Redirect(response.headers["location"])
            if status == 304:
                return status, b"", response.headers
            if status >= 500:
                raise _Retryable("http_status", f"HTTP {status}", status=status)
            if status >= 400:
                advice = "the page is gone or forbidden; check the URL (4xx answers are not retried)"
                raise FetchError(url, "http_status", f"HTTP {status}", advice, status=status)
            if status >= 300:
                advice = "a redirect without a Location header cannot be followed; check the URL in a browser"
                raise FetchError(url, "http_status", f"HTTP {status}", advice, status=status)
            content_type = response.headers.get("content-type")
            media_type = _media_type(content_type)
            # Servers label HTML as octet-stream or text/plain, or send no type: such bodies are sniffed.
            sniff = (
                allowed_types is not None and media_type in _GENERIC_TYPES and "text/html" in allowed_types
            )
            if allowed_types is not None and not sniff and not _type_allowed(media_type, allowed_types):
                raise FetchError(
                    url,
                    "bad_content_type",
                    f"content type {content_type!r} is not one of {list(allowed_types)}",
                    "the link is not the kind of document expected (e.g. a PDF or an image); skip it",
                    status=status,
                )
            limit = self._settings.max_bytes
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limit:
                raise self._too_large(url, f"Content-Length {declared} exceeds {limit} bytes", status)
            body = self._read_body(url, response, limit=limit)
            if sniff and not looks_like_html(content_type, body):
                raise FetchError(
                    url,
                    "bad_content_type",
                    f"served as {content_type or 'no content type'} and the body does not start like HTML "
                    f"(it starts {body[:16]!r})",
                    "the link is not a web page (e.g. a PDF or a download); skip it",
                    status=status,
                )
            return status, body, response.headers

    def _read_body(self, url: str, response: httpx.Response, *, limit: int, truncate: bool = False) -> bytes:
        """The decoded body, read raw and inflated here so the limit holds after decompression."""
        try:
            return read_body(
                response.iter_raw(), response.headers.get("content-encoding"), limit=limit, truncate=truncate
            )
        except BodyTooLarge as exc:
            raise self._too_large(url, str(exc), response.status_code) from None
        except BodyNotDecodable as exc:
            raise FetchError(
                url,
                "bad_encoding",
                str(exc),
                "the server sent a body gdwatch will not decode; skip the link",
                status=response.status_code,
            ) from None
        except BodyCutShort as exc:
            raise _Retryable("network", str(exc)) from None

    @staticmethod
    def _too_large(url: str, problem: str, status: int) -> FetchError:
        return FetchError(
            url,
            "too_large",
            problem,
            "raise politeness.max_bytes if such pages are legitimate",
            status=status,
        )

    def _wait_for_host(self, url: str) -> None:
        """Reserve the next request slot of the URL's host and sleep until it comes."""
        host = urlsplit(url).netloc.lower()
        with self._lock:
            now = self._clock()
            slot = max(now, self._next_slot.get(host, now))
            self._next_slot[host] = slot + self._settings.per_host_delay_s
        if slot > now:
            self._sleep(slot - now)

    def _check_robots(self, url: str) -> None:
        """Raise FetchError("robots") when the host's robots.txt disallows the URL for our user agent."""
        if not self._settings.respect_robots:
            return
        parts = urlsplit(url)
        origin = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        with self._lock:
            host_lock = self._robots_locks.setdefault(origin, threading.Lock())
        # NOTE: a per-origin lock so that threads fetching one host read its robots.txt exactly once.
        with host_lock:
            if origin not in self._robots:
                self._robots[origin] = self._load_robots(origin)
            rules = self._robots[origin]
        if rules is not None and not rules.can_fetch(url, self._settings.user_agent):
            raise FetchError(
                url,
                "robots",
                f"{origin}/robots.txt disallows this URL for our user agent",
                "respect it: drop the source or link, or ask the site owner to allow gdwatch",
            )

    def _load_robots(self, origin: str) -> Protego | None:
        """Read an origin's robots.txt like any page (deadline, address policy, checked redirects).

        Returns None (allow all) when it cannot be had: 4xx, 5xx, a network error, a deadline overrun, a
        refused redirect or more than max_redirects of them.
        """
        # Unreachable or absent robots.txt means no rules (RFC 9309 §2.3.1.3); being stricter on 5xx would
        # block a whole daily run on one flaky host, and the page fetch itself then retries.
        robots_url = current = origin + "/robots.txt"
        try:
            for _hop in range(self._settings.max_redirects + 1):
                via = None if current == robots_url else robots_url
                _check_http_url(current, context="robots.txt" if via is None else f"redirect target of {via}")
                with self._exchange(current, {}, via=via) as response:
                    location = response.headers.get("location")
                    if response.status_code in _REDIRECT_STATUSES and location:
                        current = urljoin(current, location)
                        continue
                    if response.status_code != 200:
                        return None
                    data = self._read_body(current, response, limit=_ROBOTS_MAX_BYTES, truncate=True)
                return Protego.parse(data.decode("utf-8", errors="replace"))
        except (FetchError, _Retryable):
            return None
        return None
