"""The address policy: which resolved addresses the fetcher may connect to (no network involved)."""

from __future__ import annotations

import ipaddress

import pytest
from pydantic import ValidationError

from gdwatch.config.models import PolitenessSettings
from gdwatch.pipeline.addresses import AddressPolicy, BlockedAddress, refusal_reason


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("93.184.215.14", None),
        ("8.8.8.8", None),
        ("2606:4700::1111", None),
        ("2002:808:808::1", None),  # 6to4 of a public IPv4
        ("64:ff9b::808:808", None),  # NAT64 of a public IPv4
        ("10.0.0.1", "a private address"),
        ("172.16.5.4", "a private address"),
        ("192.168.1.1", "a private address"),
        ("127.0.0.1", "a loopback address"),
        ("127.8.9.10", "a loopback address"),
        ("169.254.169.254", "a cloud metadata address"),
        ("169.254.1.1", "a link-local address"),
        ("0.0.0.0", "an unspecified address"),
        ("224.0.0.251", "a multicast address"),
        ("240.0.0.1", "a private address"),
        ("100.64.0.1", "not a public address"),  # carrier-grade NAT
        ("::1", "a loopback address"),
        ("::", "an unspecified address"),
        ("fe80::1", "a link-local address"),
        ("fd00::1", "a private address"),
        ("fd00:ec2::254", "a cloud metadata address"),
        ("ff02::1", "a multicast address"),
        ("::ffff:10.0.0.1", "a private address (IPv4 10.0.0.1 inside IPv6)"),
        ("::ffff:127.0.0.1", "a loopback address (IPv4 127.0.0.1 inside IPv6)"),
        ("::ffff:169.254.169.254", "a cloud metadata address (IPv4 169.254.169.254 inside IPv6)"),
        ("2002:a00:1::", "a private address (IPv4 10.0.0.1 inside IPv6)"),
        ("64:ff9b::a00:1", "a private address (IPv4 10.0.0.1 inside IPv6)"),
        ("64:ff9b:1::1", "a local-use NAT64 address"),
    ],
)
def test_refusal_reason(address: str, reason: str | None) -> None:
    assert refusal_reason(ipaddress.ip_address(address)) == reason


def _policy(allow: list[str], names: dict[str, list[str]]) -> AddressPolicy:
    def resolve(host: str, port: int) -> list[str]:
        return names[host]

    return AddressPolicy(allow, resolve)


def test_only_allowed_addresses_are_returned() -> None:
    policy = _policy(
        [], {"mixed.test": ["10.0.0.1", "93.184.215.14"], "inside.test": ["10.0.0.1", "fd00::1"]}
    )

    assert policy.addresses("mixed.test", 80) == ["93.184.215.14"]
    with pytest.raises(BlockedAddress) as caught:
        policy.addresses("inside.test", 80)
    assert str(caught.value) == "inside.test resolves to 10.0.0.1, a private address"


def test_ip_literal_is_not_resolved() -> None:
    policy = _policy([], {})  # any lookup would raise KeyError

    assert policy.addresses("93.184.215.14", 80) == ["93.184.215.14"]
    with pytest.raises(BlockedAddress, match=r"^::ffff:10\.0\.0\.1 is a private address"):
        policy.addresses("::ffff:10.0.0.1", 80)


@pytest.mark.parametrize(
    ("allow", "host", "allowed"),
    [
        (["127.0.0.1"], "127.0.0.1", True),
        (["127.0.0.1"], "::ffff:127.0.0.1", True),
        (["127.0.0.1"], "127.0.0.2", False),
        (["127.0.0.0/8"], "127.0.0.2", True),
        (["10.1.0.0/16"], "10.1.2.3", True),
        (["10.1.0.0/16"], "10.2.0.1", False),
        (["::1"], "::1", True),
        (["dev.test"], "dev.test", True),
        (["DEV.test."], "dev.test", True),
        (["127.0.0.1"], "dev.test", True),
        (["other.test"], "dev.test", False),
    ],
)
def test_allow_hosts(allow: list[str], host: str, allowed: bool) -> None:
    settings = PolitenessSettings(allow_hosts=tuple(allow))
    policy = _policy(list(settings.allow_hosts), {"dev.test": ["127.0.0.1"]})
    if allowed:
        assert policy.addresses(host, 80)
    else:
        with pytest.raises(BlockedAddress):
            policy.addresses(host, 80)


def test_name_without_addresses_is_a_resolution_failure() -> None:
    with pytest.raises(OSError, match="resolves to no address"):
        _policy([], {"empty.test": []}).addresses("empty.test", 80)


@pytest.mark.parametrize("entry", ["127.0.0.1:8080", "10.0.0.0/33", " ", "[::1]:80"])
def test_bad_allow_hosts_entry_is_a_config_error(entry: str) -> None:
    with pytest.raises(ValidationError, match="allow_hosts"):
        PolitenessSettings(allow_hosts=(entry,))
