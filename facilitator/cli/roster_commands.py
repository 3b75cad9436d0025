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
    importer.add_argument(
        "--remove-missing",
        action="store_true",
        help="also remove the people on the roster whom the file does not list",
    )
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
            result = roster.import_roster(session, args.file, mapping, args.replace, args.remove_missing)
        except RosterImportError as error:
            raise InputError(f"{error}\n{_MAP_HINT}") from error
    print(_summary(args, result))
    for note in result.notes:
        print(f"  check: {note}", file=sys.stderr)
    return 0


def _summary(args: argparse.Namespace, result: roster.ImportResult) -> str:
    """The counts of an import in one line: what was added, updated, left, kept or removed."""
    if args.replace:
        return (
            f"Replaced the roster ({result.replaced} removed) with {result.added} participants "
            f"from {args.file}."
        )
    line = f"Imported {args.file}: {result.added} new, {result.updated} updated, {result.unchanged} unchanged"
    if result.removed:
        return f"{line}, {result.removed} not in the file removed."
    if result.missing:
        return (
            f"{line}; {result.missing} on the roster but not in the file kept "
            "(--remove-missing removes them)."
        )
    return f"{line}."


def _export(args: argparse.Namespace) -> int:
    with open_reader(args) as session:
        path = roster.export_roster(session, checked_output(args.file))
        count = len(roster.participants(session))
    print(f"Wrote {count} participants to {path}.")
    return 0
