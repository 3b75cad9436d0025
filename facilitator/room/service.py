"""The room's server: aiohttp on a thread of its own, with its own event loop.

Nothing listens until a facilitator opens the room; :meth:`RoomService.stop` (switching it off,
quitting the app, Ctrl+C on ``facilitator room open``) closes every stream, forgets every phone and
frees the port. Measured on the venue-laptop class of machine, aiohttp on a background thread
served seventy phones with a few milliseconds of lag on the GUI thread (``make bench``).

Every method is safe to call from any thread: the GUI and the headless command call in, and what
must happen on the event loop is handed to it with ``call_soon_threadsafe``.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import threading
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from facilitator import paths
from facilitator.app.changes import AGENDA, BOARDS, GROUPS, TIMER, WORKSHOP, Changes
from facilitator.core.errors import ActionRefused, InputError
from facilitator.room.access import MEMBER, RAPPORTEUR, Device, RoomAccess, format_code
from facilitator.room.network import LOOPBACK, is_loopback, lan_addresses
from facilitator.room.writers import Writer

__all__ = ["ANY_ADDRESS", "DEFAULT_PORT", "GroupLinks", "RoomService", "RoomSettings"]

DEFAULT_PORT = 8765
ANY_ADDRESS = "0.0.0.0"
#: Ports tried after the default one when it is taken (and no port was asked for).
_PORT_TRIES = 10
_SHUTDOWN_SECONDS = 1.0


@dataclass(frozen=True, slots=True)
class RoomSettings:
    """How the room is opened.

    Attributes:
        workshop: The workshop file (the room reads it with a connection of its own).
        board: The board phones write to.
        bind: The address to listen on: one of :func:`lan_addresses`, ``127.0.0.1`` for a
            rehearsal, ``0.0.0.0`` for every network; empty for the likeliest LAN address.
        port: The port; None for :data:`DEFAULT_PORT` or the next free one; 0 for any free port.
        dots_per_phone: Dots one phone may place on a board (its group's budget still holds).
        access_log: The access log; None for ``room-access-<workshop>.log`` in the exports folder.
    """

    workshop: Path
    board: str
    bind: str = ""
    port: int | None = None
    dots_per_phone: int = 2
    access_log: Path | None = None


@dataclass(frozen=True, slots=True)
class GroupLinks:
    """A group's ways in, as the projector and ``room open --json`` give them."""

    name: str
    join_url: str
    rapporteur_url: str
    join_code: str
    rapporteur_code: str

    def as_json(self) -> dict[str, str]:
        """The group in ``facilitator room open --json`` (the first three keys are the contract)."""
        return {
            "name": self.name,
            "join_url": self.join_url,
            "rapporteur_url": self.rapporteur_url,
            "join_code": self.join_code,
            "rapporteur_code": self.rapporteur_code,
        }


def _hosts(bind: str, port: int) -> tuple[str, set[str]]:
    """The address to show phones, and every ``Host`` the room answers to."""
    addresses = [*lan_addresses(), LOOPBACK] if bind == ANY_ADDRESS else [bind]
    names = [*addresses, *(["localhost"] if any(is_loopback(a) for a in addresses) else [])]
    return addresses[0], {f"{name}:{port}".lower() for name in names}


class RoomService:
    """The room's server and what the desktop controls of it.

    Args:
        settings: Address, port, board and budget.
        writer: Runs phones' writes on the thread that owns the workshop's writer session.
        access: Ways in and phones (a fresh set by default).
    """

    def __init__(self, settings: RoomSettings, writer: Writer, access: RoomAccess | None = None) -> None:
        if settings.dots_per_phone < 1:
            raise InputError("Dots per phone: give each phone at least one dot.")
        self.settings = settings
        self.writer = writer
        self.access = access or RoomAccess()
        self.address = ""
        self.port = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._web: Any = None
        self._thread: threading.Thread | None = None
        self._stopped = threading.Event()

    # Starting and stopping ---------------------------------------------------------------------

    def start(self) -> Future[str]:
        """Start listening on a thread of its own; the future gives the room's address (URL).

        The future fails with a :class:`FacilitatorError` when the room cannot open (no groups,
        the port is taken, the address is not this computer's).
        """
        started: Future[str] = Future()
        self._thread = threading.Thread(target=self._run, args=(started,), name="room server", daemon=True)
        self._thread.start()
        return started

    @property
    def url(self) -> str:
        """The room's address as phones type it: ``http://192.168.1.20:8765``."""
        return f"http://{self.address}:{self.port}"

    @property
    def running(self) -> bool:
        """Whether the room is listening."""
        return self._thread is not None and self._thread.is_alive() and not self._stopped.is_set()

    def stop(self, wait: float | None = 5.0) -> None:
        """Close the room: end every stream, sign every phone out, stop listening.

        Args:
            wait: Seconds to wait for the server's thread to finish (None: do not wait, for the
                GUI thread, which must not block).
        """
        self._stopped.set()
        self.access.close()
        loop = self._loop
        if loop is not None:
            with contextlib.suppress(RuntimeError):  # the loop already ended
                loop.call_soon_threadsafe(loop.stop)
        if wait is not None and self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(wait)

    def _run(self, started: Future[str]) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        try:
            runner, log = loop.run_until_complete(self._open())
        except Exception as error:
            started.set_exception(error)
            loop.close()
            return
        self._loop = loop
        started.set_result(self.url)
        try:
            if not self._stopped.is_set():
                loop.run_forever()
        finally:
            self._loop = None
            loop.run_until_complete(self._close(runner, log))
            loop.close()

    async def _open(self) -> tuple[Any, TextIO]:
        from aiohttp import web

        from facilitator.room.guards import open_access_log
        from facilitator.room.reading import RoomReader
        from facilitator.room.web import RoomWeb

        settings = self.settings
        reader = RoomReader(settings.workshop, settings.board)
        try:
            reader.board_title()  # refuses an unknown board here, with the list of valid ones
            groups = reader.group_names()
            if not groups:
                raise ActionRefused(
                    "The room needs breakout groups: form a round on the Groups page (or with "
                    "'facilitator groups assign') before opening it."
                )
            self.access.add_groups(groups)
            stem = settings.workshop.stem
            log = open_access_log(settings.access_log or paths.exports_dir() / f"room-access-{stem}.log")
        except BaseException:
            reader.close()
            raise
        self._web = RoomWeb(
            self.access,
            self.writer,
            reader,
            settings.dots_per_phone,
            paths.sessions_dir() / "facilitator-error.log",
        )
        hosts: set[str] = set()
        app, options = self._web.application(hosts, log)
        runner = web.AppRunner(app, handle_signals=False, shutdown_timeout=_SHUTDOWN_SECONDS, **options)
        await runner.setup()
        try:
            await self._listen(runner, hosts)
        except BaseException:
            await runner.cleanup()
            reader.close()
            log.close()
            raise
        log.write(f"# Room opened at {self.url} for '{reader.board_title()}'\n")
        return runner, log

    async def _listen(self, runner: Any, hosts: set[str]) -> None:
        from aiohttp import web

        settings = self.settings
        bind = settings.bind or next(iter(lan_addresses()), LOOPBACK)
        first = DEFAULT_PORT if settings.port is None else settings.port
        tries = _PORT_TRIES if settings.port is None else 1
        for port in range(first, first + tries):
            site = web.TCPSite(runner, bind, port)
            try:
                await site.start()
            except OSError as error:
                if error.errno == errno.EADDRINUSE and port < first + tries - 1:
                    continue
                if error.errno == errno.EADDRINUSE:
                    raise ActionRefused(
                        f"Port {port} on {bind} is in use by another program. Choose another port."
                    ) from error
                raise ActionRefused(
                    f"The room cannot listen on {bind}: {error.strerror or error}. "
                    "Choose one of this laptop's addresses."
                ) from error
            actual = int(runner.addresses[-1][1])  # the port the system chose, when asked for any (0)
            self.address, names = _hosts(bind, actual)
            self.port = actual
            hosts.update(names)
            return

    async def _close(self, runner: Any, log: TextIO) -> None:
        self._web.streams.close()
        await asyncio.sleep(0)  # let the streams say "closed" before the connections go
        await runner.cleanup()
        self._web.reader.close()
        log.write("# Room closed\n")
        log.close()
        self._stopped.set()

    # From the desktop (any thread) -------------------------------------------------------------

    def _call(self, function: Any, *args: Any) -> None:
        loop = self._loop
        if loop is not None:
            with contextlib.suppress(RuntimeError):  # closing at this very moment
                loop.call_soon_threadsafe(function, *args)

    def notify(self, changes: Changes) -> None:
        """Tell phones the workshop changed (a session listener; any thread)."""
        if changes.touches(BOARDS, GROUPS, AGENDA, TIMER, WORKSHOP) and self._web is not None:
            self._call(self._web.changed, changes.touches(GROUPS, AGENDA, TIMER))

    def set_board(self, board_id: str) -> None:
        """Show phones another board (they write to it from then on)."""
        if self._web is not None:
            web = self._web
            self._call(lambda: (web.reader.set_board(board_id), web.changed(True)))

    @property
    def board(self) -> str:
        """The board phones see."""
        return str(self._web.reader.board_id) if self._web is not None else self.settings.board

    def groups(self) -> list[GroupLinks]:
        """Each group's links and codes."""
        links = []
        for name in self.access.groups():
            member, rapporteur = (self.access.group_pass(name, role) for role in (MEMBER, RAPPORTEUR))
            links.append(
                GroupLinks(
                    name,
                    f"{self.url}/j/{member.token}",
                    f"{self.url}/j/{rapporteur.token}",
                    format_code(member.code),
                    format_code(rapporteur.code),
                )
            )
        return links

    def devices(self) -> list[Device]:
        """The phones signed in."""
        return self.access.devices()

    def rotate(self, group: str) -> None:
        """New links and codes for a group; its old QR and code stop working."""
        self.access.rotate(group)

    def sign_out(self, device: Device) -> None:
        """Sign one phone out; its page says so at once."""
        self.access.sign_out(device.id)
        if self._web is not None:
            self._call(self._web.streams.wake, device.id)

    def sign_out_group(self, group: str) -> int:
        """Sign out every phone of a group; returns how many."""
        gone = [d for d in self.access.devices() if d.group == group]
        for device in gone:
            self.sign_out(device)
        return len(gone)
