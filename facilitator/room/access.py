"""Who may use the room: a way in per group and role, and the phones that came in through it.

No accounts and no personal data: a group's QR code carries a join token of 144 random bits (a
rapporteur's, a separate one); the first visit exchanges it for a device cookie, and from then on
the cookie alone says which group the phone writes for. A short code (8 characters, about 40
bits) is offered for a phone that cannot scan; wrong codes are rate-limited by the server
(:mod:`facilitator.room.limits`), which makes guessing one hopeless within a workshop.

The facilitator can give a group new codes (the old QR and code stop working), sign a phone out,
or close the room, which forgets every phone. Every method is thread-safe: the server's event loop,
the GUI and the thread that writes the workshop all consult the same :class:`RoomAccess`.
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

__all__ = [
    "CODE_ALPHABET",
    "CODE_LENGTH",
    "MEMBER",
    "RAPPORTEUR",
    "TOKEN_BYTES",
    "Device",
    "GroupPass",
    "RoomAccess",
    "format_code",
    "normalise_code",
]

#: Random bytes in a join token (144 bits; the issue asks for at least 128).
TOKEN_BYTES = 18
#: Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L).
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 8

MEMBER = "member"
RAPPORTEUR = "rapporteur"

#: Phones one group may have signed in at once, and phones in the whole room: a bound on memory
#: that no real room reaches (a group is about ten people).
MAX_DEVICES_PER_GROUP = 60
MAX_DEVICES = 400


def normalise_code(typed: str) -> str:
    """A code as typed (any case, spaces or a dash in the middle) in its stored form."""
    return "".join(typed.split()).replace("-", "").upper()


def format_code(code: str) -> str:
    """A code as shown to people: two blocks of four (``K7QX-3MZA``)."""
    return f"{code[:4]}-{code[4:]}"


@dataclass(frozen=True, slots=True)
class GroupPass:
    """One way into the room: a group, the role it gives, its token and its short code."""

    group: str
    role: str
    token: str
    code: str


@dataclass(slots=True)
class Device:
    """A phone signed in to the room.

    Attributes:
        id: The cookie's value (never shown, never logged).
        group: The group it writes for.
        role: ``member`` or ``rapporteur``.
        number: Its number in the room, for the facilitator's list ("Phone 7").
        joined: Wall-clock time it signed in.
        last_seen: Wall-clock time of its last request.
        agent: A short description of its browser, for telling phones apart on the desktop.
        cards: Cards written from it.
        dots: Dots it placed, per (board, card) that received them.
    """

    id: str
    group: str
    role: str
    number: int
    joined: float
    last_seen: float
    agent: str = ""
    cards: int = 0
    dots: dict[tuple[str, int], int] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """How the desktop and the access log name the phone (no personal data)."""
        role = " (rapporteur)" if self.role == RAPPORTEUR else ""
        return f"{self.group}, phone {self.number}{role}"


def _browser(agent: str) -> str:
    """A few words about a User-Agent, enough to tell two phones of a group apart."""
    system = next(
        (
            name
            for key, name in (("iPhone", "iPhone"), ("iPad", "iPad"), ("Android", "Android"))
            if key in agent
        ),
        "computer",
    )
    browser = next(
        (
            name
            for key, name in (("Firefox", "Firefox"), ("EdgA", "Edge"), ("SamsungBrowser", "Samsung"))
            if key in agent
        ),
        "Chrome" if "Chrome" in agent else "Safari" if "Safari" in agent else "browser",
    )
    return f"{system}, {browser}"


class RoomAccess:
    """The room's ways in and the phones signed in.

    Args:
        clock: Wall-clock seconds (injectable for tests).
        random_token: Makes a token from a number of bytes (``secrets.token_urlsafe``).
    """

    def __init__(
        self,
        clock: Callable[[], float] = time.time,
        random_token: Callable[[int], str] = secrets.token_urlsafe,
    ) -> None:
        self._clock = clock
        self._random_token = random_token
        self._lock = threading.Lock()
        self._passes: dict[tuple[str, str], GroupPass] = {}
        self._devices: dict[str, Device] = {}
        self._numbers = 0
        self.closed = False

    # Ways in -----------------------------------------------------------------------------------

    def _new_pass(self, group: str, role: str) -> GroupPass:
        taken = {p.code for p in self._passes.values()}
        while True:
            code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
            if code not in taken:
                return GroupPass(group, role, self._random_token(TOKEN_BYTES), code)

    def add_groups(self, names: Iterable[str]) -> list[str]:
        """Give every new group its two ways in; returns the groups that were new."""
        added = []
        with self._lock:
            for name in names:
                if (name, MEMBER) not in self._passes:
                    for role in (MEMBER, RAPPORTEUR):
                        self._passes[name, role] = self._new_pass(name, role)
                    added.append(name)
        return added

    def groups(self) -> list[str]:
        """The groups that can join, in the order they were added."""
        with self._lock:
            return list(dict.fromkeys(group for group, _role in self._passes))

    def group_pass(self, group: str, role: str = MEMBER) -> GroupPass:
        """A group's way in for a role.

        Raises:
            KeyError: The group is not in the room.
        """
        with self._lock:
            return self._passes[group, role]

    def rotate(self, group: str) -> None:
        """Give a group new tokens and codes; the old QR codes and codes stop working.

        Phones already signed in stay (sign them out with :meth:`sign_out_group`).
        """
        with self._lock:
            for role in (MEMBER, RAPPORTEUR):
                self._passes[group, role] = self._new_pass(group, role)

    # Phones ------------------------------------------------------------------------------------

    def _find(self, wanted: str, key: Callable[[GroupPass], str]) -> GroupPass | None:
        # Compare with every pass in constant time: a token's first characters never leak.
        found = None
        for candidate in self._passes.values():
            if hmac.compare_digest(key(candidate).encode(), wanted.encode()):
                found = candidate
        return found

    def join(self, secret: str, agent: str = "", replaces: str | None = None) -> Device | None:
        """Sign a phone in with a token or a short code; None when neither is valid.

        Args:
            secret: The token from the QR link, or a code as typed.
            agent: The browser's User-Agent (kept only as a short description).
            replaces: The cookie the phone already had, if any: a phone is one device, so the old
                one is signed out (a phone that scans its group's rapporteur code changes role).
        """
        with self._lock:
            if self.closed or not secret or len(secret) > 64:
                return None
            found = self._find(secret, lambda p: p.token) or self._find(
                normalise_code(secret), lambda p: p.code
            )
            if found is None:
                return None
            if replaces:
                self._devices.pop(replaces, None)
            in_group = sum(1 for d in self._devices.values() if d.group == found.group)
            if in_group >= MAX_DEVICES_PER_GROUP or len(self._devices) >= MAX_DEVICES:
                return None
            self._numbers += 1
            now = self._clock()
            device = Device(
                secrets.token_urlsafe(32), found.group, found.role, self._numbers, now, now, _browser(agent)
            )
            self._devices[device.id] = device
            return replace(device, dots=dict(device.dots))

    def device(self, cookie: str | None) -> Device | None:
        """The phone a cookie belongs to (a copy), noting that it was seen; None if signed out."""
        if not cookie:
            return None
        with self._lock:
            device = self._devices.get(cookie)
            if device is None:
                return None
            device.last_seen = self._clock()
            return replace(device, dots=dict(device.dots))

    def devices(self) -> list[Device]:
        """Every phone signed in (copies), in the order they joined."""
        with self._lock:
            return sorted(
                (replace(d, dots=dict(d.dots)) for d in self._devices.values()), key=lambda d: d.number
            )

    def sign_out(self, device_id: str) -> bool:
        """Sign one phone out; it must scan or type a code again. Returns whether it was in."""
        with self._lock:
            return self._devices.pop(device_id, None) is not None

    def sign_out_number(self, number: int) -> bool:
        """Sign out the phone the desktop lists as "phone <number>"."""
        with self._lock:
            found = [key for key, device in self._devices.items() if device.number == number]
            for key in found:
                del self._devices[key]
            return bool(found)

    def sign_out_group(self, group: str) -> int:
        """Sign out every phone of a group; returns how many."""
        with self._lock:
            gone = [key for key, device in self._devices.items() if device.group == group]
            for key in gone:
                del self._devices[key]
            return len(gone)

    def close(self) -> None:
        """End every session and every way in: closing the room forgets all of it."""
        with self._lock:
            self.closed = True
            self._devices.clear()
            self._passes.clear()

    # What each phone did -----------------------------------------------------------------------

    def record_card(self, device_id: str) -> None:
        """Count a card written from a phone."""
        with self._lock:
            device = self._devices.get(device_id)
            if device is not None:
                device.cards += 1

    def record_dot(self, device_id: str, board: str, card: int, step: int) -> None:
        """Count a dot a phone placed (+1) or took back (−1) on a card."""
        with self._lock:
            device = self._devices.get(device_id)
            if device is None:
                return
            count = device.dots.get((board, card), 0) + step
            if count > 0:
                device.dots[board, card] = count
            else:
                device.dots.pop((board, card), None)
