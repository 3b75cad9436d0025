"""``facilitator export KIND``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from facilitator.app.exports import EXPORT_KINDS, ExportOptions, export_document
from facilitator.cli.common import checked_output, open_reader

__all__ = ["register"]


def register(subparsers: Any) -> None:
    """Add the ``export`` subcommand."""
    parser = subparsers.add_parser("export", help="write a document (PDF, DOCX, CSV or XLSX)")
    parser.add_argument("kind", metavar="KIND", help=f"one of: {', '.join(EXPORT_KINDS)}")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="output file (default: exports/)")
    parser.add_argument("--day", type=int, metavar="N", help="workshop day, from 1")
    parser.add_argument("--sheet", metavar="NAME", help="label sheet for name tags")
    parser.add_argument("--board", metavar="BOARD", help="board to export")
    parser.set_defaults(func=_export)


def _export(args: argparse.Namespace) -> int:
    with open_reader(args) as session:
        path = export_document(
            session,
            args.kind,
            checked_output(args.output),
            ExportOptions(day=args.day, sheet=args.sheet, board=args.board),
        )
    print(f"Wrote {path}")
    return 0
