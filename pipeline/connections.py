"""The fetcher's sockets: every connection goes to a checked address, and every request meets its deadline.

httpx's timeouts bound each single read, so a server that sends one byte per second can hold a request
for as long as it likes. `GuardedBackend` is an httpcore network backend that

- resolves the host itself, refuses addresses the `AddressPolicy` forbids, and connects to exactly the
  address it checked;
- caps every connect, TLS handshake, read and write at the time left before the calling thread's
  deadline, so headers and body together cannot outlast `politeness.request_deadline_s`.

`guarded_transport` puts it under an httpx transport.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import httpcore
import httpx

from gdwatch.pipeline.addresses import AddressPolicy

SocketOption = Any  # httpcore's SOCKET_OPTION union; only passed through


class UnresolvableHost(httpcore.ConnectError):
    """The host name does not resolve (DNS): unlike a refused connection, every URL of the host fails."""


class DeadlineExceeded(Exception):
    """The request's wall-clock deadline passed before the exchange finished."""


class _Deadlines(threading.local):
    """The deadline of the request the current thread is making (None outside a request).

    NOTE: per thread because one Fetcher serves several threads and httpcore reads a response in the thread
    that asked for it; a pooled connection may serve threads in turn, so the deadline cannot live on it.
    """

    at: float | None = None


class GuardedBackend(httpcore.NetworkBackend):
    """An httpcore network backend that checks addresses before connecting and enforces deadlines."""

    def __init__(self, policy: AddressPolicy, clock: Callable[[], float]) -> None:
        """Wrap the standard synchronous backend.

        Args:
            policy: which addresses may be connected to.
            clock: the monotonic clock deadlines are measured on.
        """
        self._policy = policy
        self._clock = clock
        self._deadlines = _Deadlines()
        self._sockets = httpcore.SyncBackend()

    @contextmanager
    def deadline(self, seconds: float) -> Iterator[None]:
        """Give the current thread's next exchange `seconds` of wall-clock time, from now."""
        previous = self._deadlines.at
        self._deadlines.at = self._clock() + seconds
        try:
            yield
        finally:
            self._deadlines.at = previous

    def capped(self, timeout: float | None) -> tuple[float | None, bool]:
        """The timeout to use for one socket operation, and whether the deadline is what limits it.

        Raises:
            DeadlineExceeded: the deadline has already passed.
        """
        at = self._deadlines.at
        if at is None:
            return timeout, False
        remaining = at - self._clock()
        if remaining <= 0:
            raise DeadlineExceeded
        if timeout is None or remaining < timeout:
            return remaining, True
        return timeout, False

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.NetworkStream:
        """Resolve, check, then connect to the first allowed address that answers.

        Raises:
            BlockedAddress: no address of the host may be connected to (nothing was sent).
            DeadlineExceeded: the deadline passed while connecting.
            httpcore.ConnectError, httpcore.ConnectTimeout: as the standard backend.
        """
        # NOTE: checking here, at connect time, and then connecting to the very address checked closes the
        # DNS-rebinding gap a check in the fetcher would leave (name checked, then resolved again by the
        # socket layer to something else). Doing it in the network backend rather than by rewriting the URL
        # to the IP keeps TLS verification and the connection pool keyed on the real host name.
        try:
            addresses = self._policy.addresses(host, port)
        except OSError as exc:
            raise UnresolvableHost(f"cannot resolve {host}: {exc}") from exc
        failure: Exception | None = None
        for address in addresses:
            limit, by_deadline = self.capped(timeout)
            try:
                stream = self._sockets.connect_tcp(address, port, limit, local_address, socket_options)
            except httpcore.ConnectTimeout as exc:
                if by_deadline:
                    raise DeadlineExceeded from exc
                failure = exc
            except httpcore.ConnectError as exc:
                failure = exc
            else:
                return _DeadlineStream(stream, self)
        assert failure is not None  # addresses() never returns an empty list
        raise failure

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("the fetcher does not connect to unix sockets")

    def sleep(self, seconds: float) -> None:
        self._sockets.sleep(seconds)


class _DeadlineStream(httpcore.NetworkStream):
    """A connected stream whose every operation ends by the current thread's deadline."""

    def __init__(self, stream: httpcore.NetworkStream, backend: GuardedBackend) -> None:
        self._stream = stream
        self._backend = backend

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        limit, by_deadline = self._backend.capped(timeout)
        try:
            return self._stream.read(max_bytes, limit)
        except httpcore.ReadTimeout as exc:
            if by_deadline:
                raise DeadlineExceeded from exc
            raise

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        limit, by_deadline = self._backend.capped(timeout)
        try:
            self._stream.write(buffer, limit)
        except httpcore.WriteTimeout as exc:
            if by_deadline:
                raise DeadlineExceeded from exc
            raise

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self,
        ssl_context: Any,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        limit, by_deadline = self._backend.capped(timeout)
        try:
            stream = self._stream.start_tls(ssl_context, server_hostname, limit)
        except httpcore.ConnectTimeout as exc:
            if by_deadline:
                raise DeadlineExceeded from exc
            raise
        return _DeadlineStream(stream, self._backend)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _GuardedTransport(httpx.HTTPTransport):
    """httpx's transport over a connection pool that uses a `GuardedBackend`."""

    def __init__(self, backend: GuardedBackend) -> None:
        ssl_context = httpx.create_ssl_context()
        super().__init__(verify=ssl_context)
        # NOTE: httpx.HTTPTransport takes no network backend, so its pool is replaced by an identical one
        # that has ours (the defaults of httpx 0.28, which pyproject pins). No proxy is configured: through
        # a proxy the address checked would not be the one connected to.
        limits = httpx.Limits(max_connections=100, max_keepalive_connections=20, keepalive_expiry=5.0)
        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=backend,
        )


def guarded_transport(backend: GuardedBackend) -> httpx.HTTPTransport:
    """An httpx transport whose every connection goes through `backend`."""
    return _GuardedTransport(backend)
