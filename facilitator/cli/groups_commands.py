"""``facilitator groups assign|add-late|place|show|list``: breakout rounds from the command line."""

from __future__ import annotations

import argparse
from typing import Any

from facilitator.app import groups
from facilitator.app.checkin import current_day
from facilitator.app.groups import RoundView, Who
from facilitator.cli.common import open_reader, open_session, print_json
from facilitator.core.errors import NotFoundError
from facilitator.core.grouping import MODES, SPREAD
from facilitator.core.participants import Participant

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
    assign.add_argument(
        "--present", action="store_true", help="only the people checked in (today, or on --day)"
    )
    assign.add_argument(
        "--day", type=int, metavar="N", help="with --present: the workshop day (default today)"
    )
    assign.add_argument("--json", action="store_true", help="print JSON")
    assign.set_defaults(func=_assign, parser=assign)
    late = commands.add_parser(
        "add-late",
        help="place people checked in since the round was formed, without moving anyone (locked rounds too)",
    )
    late.add_argument("--round", required=True, metavar="NAME")
    late.add_argument("--json", action="store_true", help="print JSON")
    late.set_defaults(func=_add_late)
    place = commands.add_parser("place", help="say where a group meets (no PLACE: clear it)")
    place.add_argument("--round", required=True, metavar="NAME")
    place.add_argument("--group", required=True, metavar="N", help="group number (1, 2, …) or name")
    place.add_argument("place", nargs="?", default="", metavar="PLACE", help="e.g. 'Mekong room'")
    place.set_defaults(func=_place)
    show = commands.add_parser("show", help="show a round's groups and balance")
    show.add_argument("--round", required=True, metavar="NAME")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(func=_show)
    listing = commands.add_parser("list", help="list the rounds")
    listing.set_defaults(func=_list)


def _names(people: tuple[Participant, ...]) -> str:
    return ", ".join(p.name for p in people)


def _print_round(view: RoundView) -> None:
    state = " (locked)" if view.locked else ""
    print(
        f"{view.name}{state}: {len(view.groups)} groups, {view.round.mode} mode, seed {view.round.seed}; "
        f"formed from: {view.who.describe().lower()}"
    )
    for number, (name, members) in enumerate(zip(view.round.group_names, view.groups, strict=True)):
        place = view.place(number)
        facilitators, rapporteurs = view.roles(number)
        roles = [f"facilitator {_names(facilitators)}" if facilitators else "no facilitator"]
        roles.append(f"rapporteur {_names(rapporteurs)}" if rapporteurs else "no rapporteur")
        print(f"  {name}{f' — {place}' if place else ''} ({len(members)}; {', '.join(roles)})")
        late = [p.name + " (late)" for p in members if p.id in view.arrivals]
        on_time = [p.name for p in members if p.id not in view.arrivals]
        print(f"    {', '.join(on_time + late)}")
    if view.unplaced:
        print(f"Waiting for a group: {_names(view.unplaced)} (facilitator groups add-late --round ...)")
    quality = view.quality
    verdict = "optimal" if quality.optimal else "not proven optimal"
    print(
        f"Balance: {verdict}; {quality.excess} outside the fair share (lower bound {quality.lower_bound}); "
        f"lone members {quality.lone} (bound {quality.lone_bound}); "
        f"repeated pairs {quality.repeats} (bound {quality.repeat_bound})."
    )
    for objective in quality.objectives:
        status = "proven" if objective.proven else "not proven"
        print(f"  {objective.label}: {objective.value} (bound {objective.bound}, {status})")
    for problem in quality.problems:
        print(f"  - {problem}")


def _assign(args: argparse.Namespace) -> int:
    if args.day is not None and not args.present:
        args.parser.error("--day goes with --present (the day whose check-ins count)")
    with open_session(args) as session:
        who = (
            Who.present(args.day if args.day is not None else current_day(session)) if args.present else None
        )
        view = groups.assign_round(session, args.round, args.groups, mode=args.mode, seed=args.seed, who=who)
    if args.json:
        print_json(view.as_json())
    else:
        _print_round(view)
    return 0


def _round(session: Any, name: str) -> RoundView:
    view = groups.find_round(session, name)
    if view is None:
        names = ", ".join(groups.round_names(session)) or "none yet"
        raise NotFoundError(f"There is no round '{name}'. Rounds: {names}.")
    return view


def _add_late(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        added = groups.add_late(session, _round(session, args.round).id)
    if args.json:
        print_json(added.as_json())
        return 0
    count = len(added.placed)
    print(f"Added {count} late arrival{'s' if count != 1 else ''} to {added.view.name}; nobody else moved:")
    for line in added.lines():
        print(f"  {line}")
    if not added.proven:
        print("  (the best placement could not be proven within the time allowed)")
    return 0


def _group_number(view: RoundView, text: str) -> int:
    names = [name.casefold() for name in view.round.group_names]
    if text.strip().casefold() in names:
        return names.index(text.strip().casefold())
    if text.strip().isdigit() and 1 <= int(text) <= len(names):
        return int(text) - 1
    raise NotFoundError(f"'{view.name}' has no group '{text}'. Groups: {', '.join(view.round.group_names)}.")


def _place(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        view = _round(session, args.round)
        number = _group_number(view, args.group)
        groups.set_place(session, view.id, number, args.place)
    name = view.round.group_names[number]
    print(
        f"{name} of {view.name} meets in {args.place}." if args.place.strip() else f"{name}: place cleared."
    )
    return 0


def _show(args: argparse.Namespace) -> int:
    with open_reader(args) as session:
        view = _round(session, args.round)
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
