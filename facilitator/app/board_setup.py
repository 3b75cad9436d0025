"""Setting boards up: the two referral boards of every workshop, free boards and their columns,
group names (from the breakout round in progress and from the cards), and the rapporteurs' notes
that go with each group's cards.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from facilitator import paths
from facilitator.app import groups, links
from facilitator.app.changes import BOARDS, Changes
from facilitator.app.session import WorkshopSession
from facilitator.core.boards import Board, Category, GroupNotes, clean_label, slug
from facilitator.core.errors import ActionRefused, InputError
from facilitator.core.reference import load_reference
from facilitator.storage import boards_store

__all__ = [
    "add_category",
    "create_board",
    "delete_board",
    "group_names",
    "group_notes",
    "referral_boards_step",
    "remove_category",
    "rename_category",
    "round_group_names",
    "save_group_notes",
    "used_group_names",
]


def _referral_boards() -> list[Board]:
    """The referral boards described in ``resources/reference/referral_boards.json``."""
    folder = paths.resources_dir() / "reference"
    reference = load_reference(folder)
    columns = {
        "ilo_indicators": tuple(Category(i.id, i.label, i.core, i.description) for i in reference.indicators),
        "labour_rights": tuple(
            Category(c.id, c.label, False, c.description) for c in reference.labour_rights
        ),
    }
    data = json.loads((folder / "referral_boards.json").read_text(encoding="utf-8"))
    return [
        Board(
            id=entry["id"],
            title=entry["title"],
            direction=entry["id"],
            description=entry["description"],
            refer_to=entry["refer_to"],
            categories=columns[entry["categories"]],
            group_budget=int(entry.get("group_budget", 5)),
        )
        for entry in data["boards"]
    ]


def referral_boards_step(conn: sqlite3.Connection, sample: bool) -> None:
    """New-workshop step: every workshop starts with the two referral boards, empty."""
    for board in _referral_boards():
        boards_store.insert_board(conn, board)


def _columns(labels: Sequence[str]) -> tuple[Category, ...]:
    columns: dict[str, Category] = {}
    for typed in labels:
        label = clean_label(typed)
        key = slug(label)
        if not key:
            continue
        if key in columns:
            raise InputError(f"Categories: '{label}' is given twice.")
        columns[key] = Category(key, label)
    return tuple(columns.values())


def create_board(
    session: WorkshopSession,
    title: str,
    categories: Sequence[str],
    *,
    description: str = "",
    refer_to: str = "",
    group_budget: int = 5,
) -> str:
    """Make a free board with custom categories; returns its id (from the title, made unique).

    Raises:
        InputError: No title, or no category.
    """
    title = clean_label(title)
    if not slug(title):
        raise InputError("Board title: give the board a name.")
    columns = _columns(categories)
    if not columns:
        raise InputError("Categories: give the board at least one category (a column).")
    if group_budget < 1:
        raise InputError("Dots per group: give each group at least one dot.")
    taken = set(boards_store.board_keys(session.connection))
    key, number = slug(title), 2
    while key in taken:
        key, number = f"{slug(title)}-{number}", number + 1
    board = Board(key, title, "", description, clean_label(refer_to), columns, group_budget=group_budget)
    with session.action(f"Create board {title}", [BOARDS]) as conn:
        boards_store.insert_board(conn, board)
    return key


def delete_board(session: WorkshopSession, board_id: str) -> Changes:
    """Remove a free board with everything on it (the referral boards always stay)."""
    board = boards_store.load_board(session.connection, board_id)
    if board.is_referral:
        raise ActionRefused(f"'{board.title}' is one of the referral boards every workshop keeps.")
    board.ensure_unlocked()
    label = f"Delete board {board.title}"
    with session.action(label, [BOARDS]) as conn:
        boards_store.delete_board(conn, board_id)
    return session.last_changes


def _free_board(session: WorkshopSession, board_id: str) -> Board:
    board = boards_store.load_board(session.connection, board_id)
    if board.is_referral:
        raise ActionRefused(
            f"The categories of '{board.title}' come from the reference lists and cannot be changed. "
            "Create a free board for categories of your own."
        )
    board.ensure_unlocked()
    return board


def add_category(session: WorkshopSession, board_id: str, label: str) -> str:
    """Add a column to a free board; returns its key."""
    board = _free_board(session, board_id)
    columns = _columns([label])
    if not columns:
        raise InputError("Category: give the new category a name.")
    column = columns[0]
    if column.key in {c.key for c in board.categories}:
        raise InputError(
            f"Category: '{board.category(column.key).label}' is already a category of this board."
        )
    with session.action(f"Add category {column.label}", [BOARDS]) as conn:
        boards_store.insert_category(conn, board_id, column)
    return column.key


def rename_category(session: WorkshopSession, board_id: str, key: str, label: str) -> Changes:
    """Rename a column of a free board (its key stays, so cards stay where they are)."""
    board = _free_board(session, board_id)
    board.category(key)
    label = clean_label(label)
    if not label:
        raise InputError("Category: a category needs a name.")
    with session.action(f"Rename category to {label}", [BOARDS]) as conn:
        boards_store.update_category(conn, board_id, key, label)
    return session.last_changes


def remove_category(session: WorkshopSession, board_id: str, key: str) -> Changes:
    """Remove an empty column of a free board."""
    board = _free_board(session, board_id)
    category = board.category(key)
    cards = boards_store.load_cards(session.connection, board_id)
    if any(card.category == key for card in cards):
        raise ActionRefused(f"'{category.label}' still holds cards. Move them to another category first.")
    label = f"Remove category {category.label}"
    with session.action(label, [BOARDS]) as conn:
        boards_store.delete_category(conn, board_id, key)
    return session.last_changes


def used_group_names(session: WorkshopSession, board_id: str | None = None) -> list[str]:
    """Group names already used on a board (or on any board): on its cards, then in notes."""
    conn = session.connection
    names: dict[str, None] = {}
    keys = [board_id] if board_id else boards_store.board_keys(conn)
    for key in keys:
        names.update(dict.fromkeys(c.group for c in boards_store.load_cards(conn, key) if c.group))
        names.update(dict.fromkeys(n.group for n in boards_store.load_notes(conn, key)))
    return list(names)


def round_group_names(session: WorkshopSession, board_id: str | None = None) -> list[str]:
    """The breakout groups a board offers: those of the round the room is working in.

    That is the round of the current agenda breakout session, or of the breakout session linked
    to this board (see :func:`links.round_for_board`); when neither applies, the groups of every
    round, earliest round first.
    """
    preferred = links.round_for_board(session, board_id)
    chosen = [preferred] if preferred is not None else groups.rounds(session)
    return list(dict.fromkeys(name for r in chosen for name in r.group_names))


def group_names(session: WorkshopSession, board_id: str | None = None) -> list[str]:
    """Group names to offer on a board: the breakout round's groups (see
    :func:`round_group_names`), then any other name already used on its cards or notes."""
    return list(dict.fromkeys([*round_group_names(session, board_id), *used_group_names(session, board_id)]))


def group_notes(session: WorkshopSession, board_id: str, group: str) -> GroupNotes:
    """A group's rapporteur notes on a board (empty when none were written)."""
    group = clean_label(group)
    for notes in boards_store.load_notes(session.connection, board_id):
        if notes.group == group:
            return notes
    boards_store.load_board(session.connection, board_id)
    return GroupNotes(board_id, group)


def save_group_notes(
    session: WorkshopSession,
    board_id: str,
    group: str,
    *,
    summary: str | None = None,
    disagreements: str | None = None,
    questions: str | None = None,
) -> Changes:
    """Write a group's notes: discussion summary, points of disagreement, questions for plenary.

    Fields left as None keep what was there, so the three boxes can be saved one at a time.
    """
    group = clean_label(group)
    if not group:
        raise InputError("Group: choose the group whose notes these are.")
    current = group_notes(session, board_id, group)
    updated = GroupNotes(
        board_id,
        group,
        current.summary if summary is None else summary,
        current.disagreements if disagreements is None else disagreements,
        current.questions if questions is None else questions,
    )
    if updated == current:
        return Changes()
    label = f"Edit notes of {group}"
    with session.action(label, [BOARDS]) as conn:
        boards_store.save_notes(conn, updated)
    return session.last_changes
