"""Which network addresses the fetcher may connect to: public ones, plus the hosts the settings allow.

A feed item or a redirect can name any host, and a host name can resolve to anything, so every connection
is checked against the address it actually goes to (see `pipeline/connections.py`). Loopback, private,
link-local (cloud metadata at 169.254.169.254 among them), multicast, reserved and unspecified addresses
are refused, in IPv4 and IPv6, including IPv4 addresses wrapped in IPv6 (``::ffff:10.0.0.1``, 6to4,
NAT64). `politeness.allow_hosts` names the exceptions: tests and the demo allow 127.0.0.1.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

Resolver = Callable[[str, int], Sequence[str]]
"""Resolves (host, port) to IP address strings, in the order to try them; raises OSError when it cannot."""

# AWS, GCP, Azure and most clouds serve instance credentials here; named so the refusal says so.
_METADATA = frozenset(ipaddress.ip_address(a) for a in ("169.254.169.254", "fd00:ec2::254"))
# RFC 6052 well-known NAT64 prefix: on a NAT64 network 64:ff9b::a00:1 reaches 10.0.0.1.
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
# RFC 8215 local-use NAT64 prefix: translates to whatever the local operator chose, so never public.
_LOCAL_NAT64 = ipaddress.IPv6Network("64:ff9b:1::/48")


class BlockedAddress(Exception):
    """A host resolved only to addresses the policy refuses; nothing was connected."""

    def __init__(self, host: str, address: str, reason: str) -> None:
        self.host = host
        self.address = address
        self.reason = reason
        where = f"{address} is" if parse_address(host) is not None else f"{host} resolves to {address},"
        super().__init__(f"{where} {reason}")


def system_resolver(host: str, port: int) -> list[str]:
    """The operating system's resolver (getaddrinfo): every TCP address of a host, duplicates dropped."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def refusal_reason(address: IPAddress) -> str | None:
    """Why a connection to this address is refused, as a phrase ("a private address"); None when public."""
    embedded = _embedded_ipv4(address)
    if embedded is not None:
        reason = refusal_reason(embedded)
        return f"{reason} (IPv4 {embedded} inside IPv6)" if reason else None
    if address in _METADATA:
        return "a cloud metadata address"
    if isinstance(address, ipaddress.IPv6Address) and address in _LOCAL_NAT64:
        return "a local-use NAT64 address"
    checks = (
        (address.is_unspecified, "an unspecified address"),
        (address.is_loopback, "a loopback address"),
        (address.is_link_local, "a link-local address"),
        (address.is_multicast, "a multicast address"),
        (address.is_private, "a private address"),
        (address.is_reserved, "a reserved address"),
        (not address.is_global, "not a public address"),
    )
    return next((reason for failed, reason in checks if failed), None)


def _embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one stands for (IPv4-mapped, 6to4, NAT64), which is where it connects."""
    if not isinstance(address, ipaddress.IPv6Address):
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def parse_address(text: str) -> IPAddress | None:
    """An IP address from a host or resolver answer ("10.0.0.1", "[::1]", "fe80::1%eth0"), else None."""
    try:
        return ipaddress.ip_address(text.strip("[]").split("%", 1)[0])
    except ValueError:
        return None


def parse_allowed(entry: str) -> str | IPNetwork:
    """One `allow_hosts` entry: an IP network ("10.1.0.0/16", "127.0.0.1", "::1") or a lower-case host name.

    Raises:
        ValueError: the entry is empty, or looks like a network but is not one.
    """
    text = entry.strip().strip("[]").lower().rstrip(".")
    if not text:
        raise ValueError("an allow_hosts entry is empty")
    try:
        return ipaddress.ip_network(text, strict=False)
    except ValueError:
        if "/" in text or ":" in text:
            raise ValueError(f"{entry!r} is neither a host name nor an IP address or network") from None
        return text


class AddressPolicy:
    """Decides which of a host's addresses may be connected to."""

    def __init__(self, allow_hosts: Sequence[str], resolver: Resolver) -> None:
        """Read the allow list.

        Args:
            allow_hosts: host names, IP addresses or networks that may be connected to even though they
                are not public (`politeness.allow_hosts`).
            resolver: how host names become addresses; tests map names to private addresses with it.
        """
        parsed = [parse_allowed(entry) for entry in allow_hosts]
        self._names = frozenset(p for p in parsed if isinstance(p, str))
        self._networks = tuple(p for p in parsed if not isinstance(p, str))
        self._resolver = resolver

    def addresses(self, host: str, port: int) -> list[str]:
        """The addresses of a host that may be connected to, in the resolver's order.

        An IP literal is taken as it is (no lookup). Refused addresses are dropped; when none is left the
        connection is refused as a whole.

        Raises:
            BlockedAddress: every address of the host is refused (the first one names the reason).
            OSError: the name does not resolve.
        """
        literal = parse_address(host)
        candidates = [host.strip("[]")] if literal is not None else list(self._resolver(host, port))
        if not candidates:
            raise OSError(f"{host} resolves to no address")
        if host.lower().rstrip(".") in self._names:
            return candidates
        allowed: list[str] = []
        first_refusal: BlockedAddress | None = None
        for candidate in candidates:
            address = parse_address(candidate)
            reason = "not an IP address" if address is None else self._refusal(address)
            if reason is None:
                allowed.append(candidate)
            elif first_refusal is None:
                first_refusal = BlockedAddress(host, candidate, reason)
        if not allowed and first_refusal is not None:
            raise first_refusal
        return allowed

    def _refusal(self, address: IPAddress) -> str | None:
        unwrapped = _embedded_ipv4(address) or address
        if any(a in network for network in self._networks for a in (address, unwrapped)):
            return None
        return refusal_reason(address)
