"""What every subcommand needs: the workshop it works on, and JSON output."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from facilitator.app.session import WorkshopSession
from facilitator.app.workshops import default_workshop_path, open_workshop

__all__ = ["open_session", "print_json"]


def open_session(args: argparse.Namespace) -> WorkshopSession:
    """The workshop named by ``--workshop``, or the default one."""
    path: Path | None = args.workshop
    return open_workshop(path if path is not None else default_workshop_path())


def print_json(value: object) -> None:
    """Print a value as indented UTF-8 JSON (names in any script stay readable)."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")
