"""Fixtures of the fault suite: loopback-only sockets, a name map instead of DNS, fast fetcher settings.

Every test here talks to servers on 127.0.0.1 only. Names such as "intranet.test" reach the fetcher through
a `MapResolver`, never through DNS, and the `loopback_only` guard makes any attempt to resolve a real name or
to connect anywhere but loopback fail the test instead of sending a packet.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from typing import Any

import pytest

from gdwatch.config.models import PolitenessSettings
from tests.pipeline.test_fetching import make_settings

DEADLINE_S = 1.0
"""The request deadline of these tests; every trickle lasts at least 10 times as long."""
READ_TIMEOUT_S = 5.0
"""Per-read timeout: 25 times the trickle interval, so only the deadline can cut a trickle off."""
TRICKLE_INTERVAL_S = 0.2


def fault_settings(**changes: object) -> PolitenessSettings:
    """The fetcher tests' settings (no pacing, 127.0.0.1 allowed) with the fault suite's deadline and read
    timeout; `changes` override."""
    base: dict[str, object] = {"read_timeout_s": READ_TIMEOUT_S, "request_deadline_s": DEADLINE_S}
    return make_settings(**{**base, "allow_hosts": ["127.0.0.1"], **changes})


class MapResolver:
    """Resolves host names from a fixed map, as DNS would; records every name asked."""

    def __init__(self, names: dict[str, list[str]]) -> None:
        self.names = names
        self.asked: list[str] = []

    def __call__(self, host: str, port: int) -> list[str]:
        self.asked.append(host)
        if host not in self.names:
            raise socket.gaierror(socket.EAI_NONAME, f"{host} is not in the test's name map")
        return self.names[host]


class ConnectLog:
    """Every (host, port) the code under test asked to connect to, and which of them were refused."""

    def __init__(self) -> None:
        self.attempts: list[tuple[str, int]] = []
        self.refused: list[tuple[str, int]] = []


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.split("%", 1)[0]).is_loopback
    except ValueError:
        return host == "localhost"


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[ConnectLog]:
    """Refuse, and record, any connection or name lookup that would leave this machine."""
    log = ConnectLog()
    real_connect = socket.create_connection
    real_getaddrinfo = socket.getaddrinfo

    def create_connection(address: tuple[str, int], *args: Any, **kwargs: Any) -> socket.socket:
        log.attempts.append(address)
        if not _is_loopback(address[0]):
            log.refused.append(address)
            raise AssertionError(f"test tried to connect to {address}: only loopback is allowed here")
        return real_connect(address, *args, **kwargs)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else str(host)
        if not _is_loopback(name):
            raise AssertionError(f"test tried to resolve {name!r}: use a MapResolver")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", create_connection)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    yield log
