"""``facilitator board add|list``: write red flags and read a board without the window."""

from __future__ import annotations

import argparse
from typing import Any

from facilitator.app import boards
from facilitator.cli.common import open_reader, open_session, print_json
from facilitator.core.wording import counted

__all__ = ["register"]


def register(subparsers: Any) -> None:
    """Add the ``board`` subcommands."""
    parser = subparsers.add_parser("board", help="add red flags to a board or list them")
    commands = parser.add_subparsers(dest="board_command", metavar="ACTION", required=True)
    add = commands.add_parser("add", help="add a red-flag card to a board")
    add.add_argument("board", metavar="BOARD", help="board id, e.g. labour-to-police or police-to-labour")
    add.add_argument("text", metavar="TEXT", help="the red flag as observed")
    add.add_argument("--group", default="", metavar="G", help="group that wrote it, e.g. 'Group 3'")
    add.add_argument("--category", default="", metavar="C", help="category id, e.g. debt-bondage")
    add.add_argument("--evidence", default="", metavar="E", help="evidence to identify and secure")
    add.add_argument("--refer-to", default="", metavar="AGENCY", help="agency to refer the case to")
    add.set_defaults(func=_add)
    listing = commands.add_parser("list", help="list the cards of a board, most votes first per category")
    listing.add_argument("board", metavar="BOARD")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(func=_list)


def _add(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        card_id = boards.add_card(
            session,
            args.board,
            args.text,
            category=args.category,
            group=args.group,
            evidence=args.evidence,
            refer_to=args.refer_to,
        )
        board = boards.board(session, args.board)
    print(f"Added card {card_id} to '{board.title}'.")
    return 0


def _list(args: argparse.Namespace) -> int:
    with open_reader(args) as session:
        state = boards.snapshot(session, args.board)
    cards = state.visible_cards()
    if args.json:
        print_json(
            [
                {
                    "id": card.id,
                    "text": card.text,
                    "group": card.group,
                    "category": card.category,
                    "votes": state.total_votes(card.id),
                    "evidence": card.evidence,
                    "refer_to": card.refer_to,
                    "revealed": card.revealed,
                    "merged": [child.id for child in state.merged_cards(card.id)],
                }
                for card in cards
            ]
        )
        return 0
    board = state.board
    status = [word for word, on in (("hidden mode", board.hidden), ("locked", board.locked)) if on]
    count = counted(len(cards), "card")
    print(f"{board.title} ({board.id}): {count}" + (f", {', '.join(status)}" if status else ""))
    for category in (*board.categories, board.category("")):
        flags = state.ranked(category.key)
        if not flags:
            continue
        marker = " [core]" if category.core else ""
        print(f"\n{category.label}{marker} ({category.key or 'unsorted'})")
        for flag in flags:
            sources = f" — {', '.join(flag.sources)}" if flag.sources else ""
            print(f"  #{flag.card_id} [{flag.votes} votes] {flag.text}{sources}")
            for text in flag.merged_texts:
                print(f"      + {text}")
    return 0
