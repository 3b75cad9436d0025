"""Open to the room: phones on the venue Wi-Fi add red flags, vote and write group notes.

On demand (never by default) the app serves a small web page on the venue's network. Participants
join their group by scanning its QR code (or typing its short code), with no account and no
personal data; rapporteurs get a code of their own for the group's notes. The desktop stays the
one source of truth: every phone's write runs the same application command as the window's, on
the thread that owns the workshop's writer session, as one transaction with its own undo entry.

This package has no Qt in it, so the window and ``facilitator room open`` share it:

* :mod:`~facilitator.room.access`: tokens, codes and signed-in phones;
* :mod:`~facilitator.room.limits`: per-phone rate limits, wrong-code limits;
* :mod:`~facilitator.room.views`: exactly what a phone is shown;
* :mod:`~facilitator.room.phone_commands`: what a phone may change, via the app's commands;
* :mod:`~facilitator.room.writers`: getting a write onto the writer session's thread;
* :mod:`~facilitator.room.reading`, :mod:`~facilitator.room.streams`,
  :mod:`~facilitator.room.guards`, :mod:`~facilitator.room.web`: the aiohttp server;
* :mod:`~facilitator.room.service`: that server on a thread of its own; start, stop, notify;
* :mod:`~facilitator.room.headless`: ``facilitator room open``.

aiohttp is imported only when a room opens, so the window starts as fast as before.
"""

from facilitator.room.access import MEMBER, RAPPORTEUR, Device, RoomAccess
from facilitator.room.network import LOOPBACK, lan_addresses
from facilitator.room.service import ANY_ADDRESS, DEFAULT_PORT, GroupLinks, RoomService, RoomSettings
from facilitator.room.writers import QueueWriter, Writer

__all__ = [
    "ANY_ADDRESS",
    "DEFAULT_PORT",
    "LOOPBACK",
    "MEMBER",
    "RAPPORTEUR",
    "Device",
    "GroupLinks",
    "QueueWriter",
    "RoomAccess",
    "RoomService",
    "RoomSettings",
    "Writer",
    "lan_addresses",
]
