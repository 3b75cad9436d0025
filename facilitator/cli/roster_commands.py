"""``facilitator roster import|export``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from facilitator.app import roster
from facilitator.cli.common import checked_output, open_reader, open_session
from facilitator.core.errors import InputError, RosterImportError

__all__ = ["register"]

#: How to read a column whose heading was not recognised, added to a refused import.
_MAP_HINT = "A column with another heading can be read with --map, for example --map 'Participant'=name."


def register(subparsers: Any) -> None:
    """Add the ``roster`` subcommands."""
    parser = subparsers.add_parser("roster", help="import or export the roster")
    commands = parser.add_subparsers(dest="roster_command", metavar="ACTION", required=True)
    importer = commands.add_parser("import", help="import a CSV, TSV or XLSX registration list")
    importer.add_argument("file", type=Path, metavar="FILE")
    importer.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help="map a column onto a roster field (FIELD empty to ignore the column); repeatable",
    )
    importer.add_argument("--replace", action="store_true", help="replace the whole roster")
    importer.set_defaults(func=_import)
    exporter = commands.add_parser("export", help="write the roster as CSV or XLSX")
    exporter.add_argument("file", type=Path, metavar="FILE")
    exporter.set_defaults(func=_export)


def _parse_map(pairs: list[str]) -> dict[str, str]:
    mapping = {}
    for pair in pairs:
        column, sep, field = pair.partition("=")
        if not sep or not column.strip():
            raise InputError(f"--map {pair}: write it as COLUMN=FIELD, for example --map 'Full name'=name.")
        mapping[column.strip()] = field.strip()
    return mapping


def _import(args: argparse.Namespace) -> int:
    mapping = _parse_map(args.map)
    with open_session(args) as session:
        try:
            result = roster.import_roster(session, args.file, mapping, args.replace)
        except RosterImportError as error:
            raise InputError(f"{error}\n{_MAP_HINT}") from error
    replaced = f" (replacing {result.replaced})" if args.replace else ""
    print(f"Imported {result.added} participants from {args.file}{replaced}.")
    for note in result.notes:
        print(f"  check: {note}", file=sys.stderr)
    return 0


def _export(args: argparse.Namespace) -> int:
    with open_reader(args) as session:
        path = roster.export_roster(session, checked_output(args.file))
        count = len(roster.participants(session))
    print(f"Wrote {count} participants to {path}.")
    return 0
