"""The laptop's addresses offered for the room: usable LAN addresses only, likeliest first."""

from __future__ import annotations

import ipaddress

import pytest

from facilitator.room import network


def test_lan_addresses_leave_out_loopback_and_link_local() -> None:
    """Whatever this machine has, no loopback, link-local or unspecified address is offered."""
    for text in network.lan_addresses():
        address = ipaddress.IPv4Address(text)
        assert not (address.is_loopback or address.is_link_local or address.is_unspecified)


def test_private_addresses_come_first(monkeypatch: pytest.MonkeyPatch) -> None:
    """A venue's private address is offered before a public one, and duplicates once."""
    monkeypatch.setattr(network, "_default_route_address", lambda: ["81.2.69.160"])
    monkeypatch.setattr(network.sys, "platform", "linux")
    found = ["127.0.0.1", "169.254.3.3", "192.168.1.20", "192.168.1.20"]
    monkeypatch.setattr(network, "_interface_addresses", lambda: found)
    assert network.lan_addresses() == ["192.168.1.20", "81.2.69.160"]


def test_loopback_is_recognised() -> None:
    """127.0.0.1 and localhost are a rehearsal; a LAN address is not."""
    assert network.is_loopback("127.0.0.1") and network.is_loopback("localhost")
    assert not network.is_loopback("192.168.1.20")
