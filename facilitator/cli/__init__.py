"""The ``facilitator`` command: no arguments opens the GUI; subcommands work headless.

Each capability registers its subcommands from its own module (``facilitator.cli.<name>``), listed
in ``COMMAND_MODULES``. Errors the user can fix are printed to stderr with exit status 1; usage
errors exit with 2; anything unexpected is reported in one line with the log file that holds the
details, never as a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from facilitator.core.errors import FacilitatorError
from facilitator.core.system_errors import describe_system_error

__all__ = ["COMMAND_MODULES", "main"]

#: Modules that each define ``register(subparsers)``; a subcommand sets ``func(args) -> int``.
COMMAND_MODULES = (
    "facilitator.cli.workshop_commands",
    "facilitator.cli.roster_commands",
    "facilitator.cli.export_commands",
    "facilitator.cli.agenda_commands",
    "facilitator.cli.board_commands",
    "facilitator.cli.checkin_commands",
    "facilitator.cli.groups_commands",
    "facilitator.cli.guidelines_commands",
    "facilitator.cli.room_commands",
)


class _Parser(argparse.ArgumentParser):
    """Argument parser whose usage errors read as plain sentences."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"facilitator: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """The full command-line grammar."""
    parser = _Parser(
        prog="facilitator",
        description="Run a multi-agency workshop offline. With no command, opens the window.",
    )
    parser.add_argument(
        "--workshop",
        type=Path,
        metavar="PATH",
        help="workshop file (default: the last one used in sessions/, or the sample)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def _report_crash(error: BaseException) -> int:
    from facilitator import paths

    log = paths.sessions_dir() / "facilitator-error.log"
    with log.open("a", encoding="utf-8") as handle:
        handle.write("".join(traceback.format_exception(error)))
    print(
        f"facilitator: unexpected error ({type(error).__name__}: {error}). "
        f"Nothing was changed by the failed command. Details were written to {log}.",
        file=sys.stderr,
    )
    return 3


def _window_request(args: list[str]) -> tuple[bool, Path | None]:
    """Whether the arguments ask only for the window (no command), and the workshop they name.

    Read by hand: building the command grammar imports every command module and argparse's
    translations, work the window does not need and that would slow its start.
    """
    if not args:
        return True, None
    if len(args) == 2 and args[0] == "--workshop" and not args[1].startswith("-"):
        return True, Path(args[1])
    if len(args) == 1 and args[0].startswith("--workshop=") and args[0] != "--workshop=":
        return True, Path(args[0].removeprefix("--workshop="))
    return False, None


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``facilitator`` console script."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    window_only, workshop = _window_request(args_list)
    if window_only:
        from facilitator.ui.application import run_gui

        return run_gui(workshop)
    import sqlite3  # here, not at the top: the window's start-up does not load SQLite before it draws

    args = build_parser().parse_args(args_list)
    if args.command is None:
        from facilitator.ui.application import run_gui

        return run_gui(args.workshop)
    try:
        result: int = args.func(args)
        return result
    except FacilitatorError as error:
        print(f"facilitator: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader (``| head``) stopped reading: what it wanted is printed, the rest is not needed.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("facilitator: interrupted.", file=sys.stderr)
        return 130
    except OSError as error:
        print(f"facilitator: {describe_system_error(error)}", file=sys.stderr)
        return 1
    except sqlite3.DatabaseError as error:
        print(f"facilitator: {_database_refusal(error)}", file=sys.stderr)
        return 1
    except Exception as error:
        return _report_crash(error)


def _database_refusal(error: Exception) -> str:
    """SQLite's refusal of a workshop in the middle of a command, said as what it means."""
    message = str(error)
    if "full" in message:
        return "the disk is full, so the workshop could not be written. Free some space and try again."
    if "readonly" in message or "read-only" in message:
        return "the workshop file or its folder is read-only. Copy it to a folder you can write to."
    return (
        f"the workshop file is damaged ({message}). Nothing was changed. Open it in the Facilitator "
        "window to be offered a copy of its newest good backup."
    )
