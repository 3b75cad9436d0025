"""``facilitator checkin CODE [--day N]``: check someone in from a terminal or a script.

Exit status 0 means accepted; 1 means refused (not a code of this workshop, unknown participant)
or a duplicate (already checked in that day), with the reason on stderr.
"""

from __future__ import annotations

import argparse
from typing import Any

from facilitator.app import checkin
from facilitator.cli.common import open_session

__all__ = ["register"]


def register(subparsers: Any) -> None:
    """Add the ``checkin`` subcommand."""
    parser = subparsers.add_parser("checkin", help="check a participant in by their QR code")
    parser.add_argument("code", metavar="CODE", help="the text of the QR code, e.g. LPB2019-42-K7QX3MZA")
    parser.add_argument(
        "--day", type=int, metavar="N", help="workshop day, from 1 (default: today's day, else 1)"
    )
    parser.set_defaults(func=_checkin)


def _checkin(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        day = args.day if args.day is not None else checkin.current_day(session)
        result = checkin.check_in_code(session, args.code, day)
    print(result.message)
    return 0
