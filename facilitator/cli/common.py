"""What every subcommand needs: the workshop it works on, and JSON output."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import overload

from facilitator.app.session import WorkshopSession
from facilitator.app.workshops import default_workshop_path, open_workshop
from facilitator.core.errors import InputError

__all__ = ["checked_output", "open_reader", "open_session", "print_json"]


def _workshop_path(args: argparse.Namespace) -> Path:
    path: Path | None = args.workshop
    return path if path is not None else default_workshop_path()


def open_session(args: argparse.Namespace) -> WorkshopSession:
    """The workshop named by ``--workshop`` (or the default one), held for a command that writes.

    Raises:
        WorkshopLockedError: The GUI or another command holds it; the message says who.
    """
    return open_workshop(_workshop_path(args), program="the Facilitator command line")


def open_reader(args: argparse.Namespace) -> WorkshopSession:
    """The workshop, read only: works while the GUI holds it, and takes no backup."""
    return WorkshopSession.open_reader(_workshop_path(args))


def print_json(value: object) -> None:
    """Print a value as indented UTF-8 JSON (names in any script stay readable)."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


@overload
def checked_output(path: Path) -> Path: ...
@overload
def checked_output(path: None) -> None: ...
@overload
def checked_output(path: Path | None) -> Path | None: ...
def checked_output(path: Path | None) -> Path | None:
    """An output file named on the command line, refused before any work if it cannot be a file.

    Raises:
        InputError: The path names a folder, or lies under something that is not a folder.
    """
    if path is None:
        return None
    if path.is_dir():
        raise InputError(f"{path} is a folder. Name a file in it, for example {path / 'document.pdf'}.")
    for parent in path.parents:
        if parent.exists():
            if not parent.is_dir():
                raise InputError(
                    f"{parent} is a file, so {path} cannot be written under it. Choose a folder."
                )
            break
    return path
