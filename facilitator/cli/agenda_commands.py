"""``facilitator agenda``: the agenda with planned and, once run, actual times."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from facilitator.app.agenda import agenda_json
from facilitator.cli.common import open_reader, print_json
from facilitator.core.agenda import KIND_LABELS

__all__ = ["register"]


def register(subparsers: Any) -> None:
    """Add the ``agenda`` subcommand."""
    parser = subparsers.add_parser("agenda", help="the agenda with planned (and, once run, actual) times")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(func=_agenda)


def _agenda(args: argparse.Namespace) -> int:
    with open_reader(args) as session:
        days = agenda_json(session)
        title = session.info.display_title
    if args.json:
        print_json(days)
        return 0
    if not days:
        print(f"{title}\nThe agenda is empty.")
        return 0
    print(title)
    for day in days:
        limit = f", planned end {day['planned_end']}" if day["planned_end"] else ""
        when = date.fromisoformat(str(day["date"]))
        name = day["title"] or f"Day {day['day']}"
        print(f"\n{when:%A} {when.day} {when:%B %Y} — {name} ({day['start']}–{day['end']}{limit})")
        for item in day["items"]:  # type: ignore[attr-defined]
            actual = ""
            if item["actual_start"]:
                actual = f"   actual {item['actual_start']}–{item['actual_end'] or 'now'}"
            print(f"  {item['start']}–{item['end']}  {KIND_LABELS[item['kind']]:<13} {item['title']}{actual}")
        if day["warning"]:
            print(f"  Warning: {day['warning']}")
    return 0
