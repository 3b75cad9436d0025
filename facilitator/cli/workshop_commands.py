"""``facilitator new`` and ``facilitator stats``."""

from __future__ import annotations

import argparse
from typing import Any

from facilitator.app import roster
from facilitator.app.workshops import create_workshop
from facilitator.cli.common import open_reader, print_json
from facilitator.core.participants import SECTOR_LABELS, SEX_LABELS

__all__ = ["register"]


def register(subparsers: Any) -> None:
    """Add the ``new`` and ``stats`` subcommands."""
    new = subparsers.add_parser("new", help="create a workshop file")
    new.add_argument("path", metavar="PATH", help="the new workshop file (.sqlite)")
    new.add_argument("--sample", action="store_true", help="fill it with the Luang Prabang sample")
    new.set_defaults(func=_new)

    stats = subparsers.add_parser("stats", help="counts by sex, sector and delegation")
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.set_defaults(func=_stats)


def _new(args: argparse.Namespace) -> int:
    with create_workshop(args.path, sample=args.sample) as session:
        count = len(roster.participants(session))
    print(
        f"Created {args.path}"
        + (f" with the sample workshop ({count} participants)." if args.sample else ".")
    )
    return 0


def _stats(args: argparse.Namespace) -> int:
    with open_reader(args) as session:
        stats = roster.statistics(session)
        info = session.info
    if args.json:
        print_json(stats.as_json())
        return 0
    print(f"{info.title}\n{stats.participants} participants")
    print("By sex:      " + ", ".join(f"{SEX_LABELS[k]} {v}" for k, v in stats.by_sex.items()))
    print("By sector:   " + ", ".join(f"{SECTOR_LABELS[k]} {v}" for k, v in stats.by_sector.items()))
    print(f"Women's share by delegation (target {info.women_target:.0%}):")
    for balance in stats.balances:
        flag = "" if balance.meets_target else "   below target"
        print(
            f"  {balance.delegation:<24} {balance.women:>3} of {balance.total:<3} {balance.share:>5.0%}{flag}"
        )
    return 0
