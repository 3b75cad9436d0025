"""``facilitator groups assign|show|list``: breakout rounds from the command line."""

from __future__ import annotations

import argparse
from typing import Any

from facilitator.app import groups
from facilitator.app.groups import RoundView
from facilitator.cli.common import open_reader, open_session, print_json
from facilitator.core.errors import NotFoundError
from facilitator.core.grouping import MODES, SPREAD

__all__ = ["register"]


def register(subparsers: Any) -> None:
    """Add the ``groups`` subcommands."""
    parser = subparsers.add_parser("groups", help="form and show balanced breakout groups")
    commands = parser.add_subparsers(dest="groups_command", metavar="ACTION", required=True)
    assign = commands.add_parser(
        "assign", help="form a round of groups (an unlocked round of the same name is formed again)"
    )
    assign.add_argument("--round", required=True, metavar="NAME", help="round name, e.g. 'Breakout 1'")
    assign.add_argument("--groups", required=True, type=int, metavar="N", help="number of groups")
    assign.add_argument(
        "--mode",
        choices=MODES,
        default=SPREAD,
        help="spread: mix countries (default); country: keep each delegation together",
    )
    assign.add_argument("--seed", type=int, metavar="S", help="seed (default: the round's last seed, or 1)")
    assign.add_argument("--json", action="store_true", help="print JSON")
    assign.set_defaults(func=_assign)
    show = commands.add_parser("show", help="show a round's groups and balance")
    show.add_argument("--round", required=True, metavar="NAME")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(func=_show)
    listing = commands.add_parser("list", help="list the rounds")
    listing.set_defaults(func=_list)


def _print_round(view: RoundView) -> None:
    state = " (locked)" if view.locked else ""
    print(f"{view.name}{state}: {len(view.groups)} groups, {view.round.mode} mode, seed {view.round.seed}")
    for name, members in zip(view.round.group_names, view.groups, strict=True):
        print(f"  {name} ({len(members)}): {', '.join(p.name for p in members)}")
    quality = view.quality
    verdict = "optimal" if quality.optimal else "not proven optimal"
    print(
        f"Balance: {verdict}; {quality.excess} outside the fair share (lower bound {quality.lower_bound}); "
        f"lone members {quality.lone} (bound {quality.lone_bound}); "
        f"repeated pairs {quality.repeats} (bound {quality.repeat_bound})."
    )
    for problem in quality.problems:
        print(f"  - {problem}")


def _assign(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        view = groups.assign_round(session, args.round, args.groups, mode=args.mode, seed=args.seed)
    if args.json:
        print_json(view.as_json())
    else:
        _print_round(view)
    return 0


def _show(args: argparse.Namespace) -> int:
    with open_reader(args) as session:
        view = groups.find_round(session, args.round)
        if view is None:
            names = ", ".join(groups.round_names(session)) or "none yet"
            raise NotFoundError(f"There is no round '{args.round}'. Rounds: {names}.")
    if args.json:
        print_json(view.as_json())
    else:
        _print_round(view)
    return 0


def _list(args: argparse.Namespace) -> int:
    with open_reader(args) as session:
        stored = groups.rounds(session)
    if not stored:
        print("No breakout rounds yet. Form one with: facilitator groups assign --round NAME --groups N")
    for r in stored:
        state = ", locked" if r.locked else ""
        print(f"{r.name}: {len(r.group_names)} groups, {r.mode} mode{state}")
    return 0
