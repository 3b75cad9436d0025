"""``facilitator room open``: open the room to phones without the window."""

from __future__ import annotations

import argparse
from typing import Any

__all__ = ["register"]


def _number(low: int, high: int) -> Any:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = low - 1
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"expected a whole number from {low} to {high}, not '{text}'")
        return value

    return parse


def register(subparsers: Any) -> None:
    """Add the ``room`` subcommands."""
    parser = subparsers.add_parser("room", help="let phones on the venue Wi-Fi add cards and votes")
    commands = parser.add_subparsers(dest="room_command", metavar="ACTION", required=True)
    opened = commands.add_parser(
        "open",
        help="serve the room page until Ctrl+C or SIGTERM",
        description="Serve the room page to phones on the same network until Ctrl+C or SIGTERM. "
        "The workshop is held for writing meanwhile.",
    )
    opened.add_argument(
        "--bind",
        default="",
        metavar="ADDR",
        help="address to listen on: this laptop's LAN address (the default), 127.0.0.1 for a "
        "rehearsal, or 0.0.0.0 for every network",
    )
    opened.add_argument(
        "--port",
        type=_number(0, 65535),
        default=None,
        metavar="N",
        help="port (default 8765 or the next free one; 0: any)",
    )
    opened.add_argument("--board", default="labour-to-police", metavar="BOARD", help="board phones write to")
    opened.add_argument(
        "--dots-per-phone",
        type=_number(1, 99),
        default=2,
        metavar="N",
        help="dots one phone may place (default 2)",
    )
    opened.add_argument(
        "--json", action="store_true", help="print one line of JSON with the join links first"
    )
    opened.set_defaults(func=_open)


def _open(args: argparse.Namespace) -> int:
    from facilitator.app.workshops import default_workshop_path
    from facilitator.room.headless import serve_room
    from facilitator.room.service import RoomSettings

    workshop = args.workshop or default_workshop_path()
    settings = RoomSettings(workshop, args.board, args.bind, args.port, dots_per_phone=args.dots_per_phone)
    return serve_room(settings, as_json=args.json)
