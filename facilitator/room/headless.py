"""The room without the window: ``facilitator room open`` for a rehearsal or a second laptop.

The command holds the workshop as its one writer ("the Facilitator room server" in the lock file,
so the window and other commands say who has it), and its main thread is the thread that owns the
writer session: it works through the phones' writes one by one while the server thread answers
them. Ctrl+C or SIGTERM stops the queue; the room is then closed and the file released cleanly.
"""

from __future__ import annotations

import json
import signal
import sys
from collections.abc import Callable
from dataclasses import replace
from typing import Any, TextIO

from facilitator.app.workshops import open_workshop
from facilitator.core.errors import WorkshopFileError
from facilitator.room.service import RoomService, RoomSettings
from facilitator.room.writers import QueueWriter

__all__ = ["ROOM_PROGRAM", "serve_room"]

#: How the headless room names itself in the workshop's lock file.
ROOM_PROGRAM = "the Facilitator room server"
_START_SECONDS = 30.0


def _describe(service: RoomService, out: TextIO) -> None:
    out.write(f"The room is open at {service.url} for the board '{service.board}'.\n")
    out.write("Phones: same Wi-Fi as this laptop; turn mobile data off.\n")
    for group in service.groups():
        out.write(
            f"  {group.name}: join code {group.join_code}, rapporteur code {group.rapporteur_code}\n"
            f"    join {group.join_url}\n    rapporteur {group.rapporteur_url}\n"
        )
    out.write("Press Ctrl+C to close the room.\n")


def serve_room(
    settings: RoomSettings,
    as_json: bool = False,
    out: TextIO = sys.stdout,
    ready: Callable[[RoomService], None] | None = None,
) -> int:
    """Open the room on a workshop and serve it until Ctrl+C or SIGTERM; returns the exit status.

    Args:
        settings: The workshop (held for writing while the room is open), address, port, board
            and budget.
        as_json: Print one line of JSON first: ``{"url", "board", "groups": [{"name",
            "join_url", "rapporteur_url", "join_code", "rapporteur_code"}]}``.
        out: Where the addresses are printed.
        ready: Called once the room listens (tests use it to stop the room).

    Raises:
        FacilitatorError: The workshop is held elsewhere, or the room cannot open.
    """
    session = open_workshop(settings.workshop, program=ROOM_PROGRAM)
    writer = QueueWriter(session)
    service = RoomService(replace(settings, workshop=session.path), writer)
    session.subscribe(service.notify)
    previous: dict[signal.Signals, Any] = {}
    try:
        # Before the addresses are printed: whoever reads them may stop the room at once, and a
        # stop that comes before serve() starts is kept in the queue and ends it straight away.
        for number in (signal.SIGINT, signal.SIGTERM):
            previous[number] = signal.signal(number, lambda _n, _f: writer.stop())
        try:
            service.start().result(_START_SECONDS)
        except TimeoutError as error:
            raise WorkshopFileError("The room did not start within 30 seconds.") from error
        if as_json:
            data = {
                "url": service.url,
                "board": service.board,
                "groups": [g.as_json() for g in service.groups()],
            }
            out.write(json.dumps(data, ensure_ascii=False) + "\n")
        else:
            _describe(service, out)
        out.flush()
        if ready is not None:
            ready(service)
        writer.serve()
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        service.stop()
        session.close()
    if not as_json:
        out.write("The room is closed.\n")
    return 0
