"""The laptop's addresses on the venue network, offered when the room is opened.

Phones reach the laptop by its IPv4 address typed as digits: a venue's Wi-Fi rarely resolves the
laptop's name, and phones do not resolve ``.local`` names reliably. The standard library has no
list of interfaces, so cheap sources are combined: the address a UDP socket would use for the
default route (no packet is sent), and each interface's address on Linux or the addresses of the
host's own name elsewhere.
"""

from __future__ import annotations

import ipaddress
import socket
import struct
import sys
from contextlib import suppress

__all__ = ["LOOPBACK", "is_loopback", "lan_addresses"]

LOOPBACK = "127.0.0.1"
#: A documentation address (RFC 5737): connecting a UDP socket to it picks the route, sends nothing.
_PROBE = ("192.0.2.1", 9)
_SIOCGIFADDR = 0x8915


def _default_route_address() -> list[str]:
    with suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(_PROBE)
        return [probe.getsockname()[0]]
    return []


def _host_name_addresses() -> list[str]:
    with suppress(OSError, UnicodeError):
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET, socket.SOCK_STREAM)
        return [str(info[4][0]) for info in infos]
    return []


def _interface_addresses() -> list[str]:
    if not sys.platform.startswith("linux"):
        return []
    import fcntl

    found = []
    with suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        for _index, name in socket.if_nameindex():
            with suppress(OSError):
                request = struct.pack("256s", name.encode()[:15])
                answer = fcntl.ioctl(sock.fileno(), _SIOCGIFADDR, request)
                found.append(socket.inet_ntoa(answer[20:24]))
    return found


def is_loopback(address: str) -> bool:
    """Whether an address reaches only this computer (a rehearsal, not the room)."""
    with suppress(ValueError):
        return ipaddress.ip_address(address).is_loopback
    return address == "localhost"


def lan_addresses() -> list[str]:
    """IPv4 addresses phones on the same network could use, the likeliest first.

    Private addresses (192.168…, 10…, 172.16–31…) come first, the default route's among them
    first of all; loopback and link-local (169.254…) addresses are left out.
    """
    # Looking up the host's own name can wait on a DNS server that a venue network does not have;
    # Linux lists its interfaces instead, so the name is asked for only elsewhere.
    by_interface = _interface_addresses()
    by_name = [] if sys.platform.startswith("linux") else _host_name_addresses()
    candidates = dict.fromkeys([*_default_route_address(), *by_interface, *by_name])
    usable = []
    for text in candidates:
        with suppress(ValueError):
            address = ipaddress.IPv4Address(text)
            if not (address.is_loopback or address.is_link_local or address.is_unspecified):
                usable.append(address)
    return [str(a) for a in sorted(usable, key=lambda a: not a.is_private)]
