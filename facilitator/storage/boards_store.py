"""Reading and writing boards, their categories, cards, dots and rapporteurs' notes.

Boards are named by their key everywhere above this module; the integer ids that tie the tables
together stay here.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from facilitator.core.boards import Board, BoardSnapshot, Category, Dot, GroupNotes, RedFlagCard
from facilitator.core.errors import NotFoundError

__all__ = [
    "CARD_FIELDS",
    "board_keys",
    "delete_board",
    "delete_cards",
    "delete_category",
    "delete_dot",
    "insert_board",
    "insert_card",
    "insert_category",
    "insert_dot",
    "load_board",
    "load_boards",
    "load_card",
    "load_cards",
    "load_cards_by_id",
    "load_dots",
    "load_notes",
    "load_revisions",
    "load_snapshot",
    "load_vote_counts",
    "save_notes",
    "set_merged_into",
    "update_board",
    "update_card",
    "update_category",
]

#: Card fields that commands may change, with their column names.
CARD_FIELDS: dict[str, str] = {
    "category": "category",
    "text": "text",
    "evidence": "evidence",
    "refer_to": "refer_to",
    "group": "group_name",
    "author": "author",
    "revealed": "revealed",
}

_BOARD_FIELDS = ("title", "description", "refer_to", "hidden", "locked", "group_budget", "category_budget")

_CARD_SELECT = """
SELECT c.id, b.key, c.category, c.text, c.evidence, c.refer_to, c.group_name, c.author, c.created,
       c.revealed, c.merged_into, (SELECT count(*) FROM boards_votes v WHERE v.card_id = c.id), c.revision
FROM boards_cards c JOIN boards_boards b ON b.id = c.board_id
"""


def _board_id(conn: sqlite3.Connection, key: str) -> int:
    row = conn.execute("SELECT id FROM boards_boards WHERE key = ?", (key,)).fetchone()
    if row is None:
        raise NotFoundError(
            f"'{key}' is not a board of this workshop. Valid boards: {', '.join(board_keys(conn))}."
        )
    return int(row[0])


def board_keys(conn: sqlite3.Connection) -> list[str]:
    """Every board's key, in display order."""
    return [key for (key,) in conn.execute("SELECT key FROM boards_boards ORDER BY position, id")]


def _categories(conn: sqlite3.Connection, board_id: int) -> tuple[Category, ...]:
    rows = conn.execute(
        "SELECT key, label, core, description FROM boards_categories WHERE board_id = ? "
        "ORDER BY position, id",
        (board_id,),
    ).fetchall()
    return tuple(Category(key, label, bool(core), description) for key, label, core, description in rows)


def _board_from_row(conn: sqlite3.Connection, row: tuple[object, ...]) -> Board:
    board_id, key, title, direction, description, refer_to, hidden, locked, budget, per_category = row
    return Board(
        id=str(key),
        title=str(title),
        direction=str(direction),
        description=str(description),
        refer_to=str(refer_to),
        categories=_categories(conn, int(board_id)),  # type: ignore[call-overload]
        hidden=bool(hidden),
        locked=bool(locked),
        group_budget=int(budget),  # type: ignore[call-overload]
        category_budget=int(per_category),  # type: ignore[call-overload]
    )


_BOARD_SELECT = (
    "SELECT id, key, title, direction, description, refer_to, hidden, locked, group_budget, "
    "category_budget FROM boards_boards"
)


def load_boards(conn: sqlite3.Connection) -> list[Board]:
    """Every board with its categories, in display order."""
    rows = conn.execute(f"{_BOARD_SELECT} ORDER BY position, id").fetchall()
    return [_board_from_row(conn, row) for row in rows]


def load_board(conn: sqlite3.Connection, key: str) -> Board:
    """One board by key.

    Raises:
        NotFoundError: No such board; the message lists the valid ones.
    """
    row = conn.execute(f"{_BOARD_SELECT} WHERE key = ?", (key,)).fetchone()
    if row is None:
        _board_id(conn, key)
    return _board_from_row(conn, row)


def insert_board(conn: sqlite3.Connection, board: Board) -> None:
    """Add a board with its categories at the end of the list."""
    position = conn.execute("SELECT coalesce(max(position), 0) + 1 FROM boards_boards").fetchone()[0]
    cursor = conn.execute(
        "INSERT INTO boards_boards (key, title, direction, description, refer_to, hidden, locked, "
        "group_budget, category_budget, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            board.id,
            board.title,
            board.direction,
            board.description,
            board.refer_to,
            int(board.hidden),
            int(board.locked),
            board.group_budget,
            board.category_budget,
            position,
        ),
    )
    for category in board.categories:
        insert_category(conn, board.id, category, board_id=int(cursor.lastrowid or 0))


def update_board(conn: sqlite3.Connection, key: str, **values: object) -> None:
    """Change some settings of a board (``title``, ``hidden``, ``locked``, budgets…)."""
    unknown = set(values) - set(_BOARD_FIELDS)
    if unknown:
        raise ValueError(f"not board fields: {sorted(unknown)}")
    assignments = ", ".join(f"{name} = ?" for name in values)
    conn.execute(
        f"UPDATE boards_boards SET {assignments} WHERE id = ?", (*values.values(), _board_id(conn, key))
    )


def delete_board(conn: sqlite3.Connection, key: str) -> None:
    """Remove a board and everything on it."""
    board_id = _board_id(conn, key)
    conn.execute(
        "DELETE FROM boards_votes WHERE card_id IN (SELECT id FROM boards_cards WHERE board_id = ?)",
        (board_id,),
    )
    conn.execute("UPDATE boards_cards SET merged_into = NULL WHERE board_id = ?", (board_id,))
    for table in ("boards_cards", "boards_notes", "boards_categories", "boards_boards"):
        column = "id" if table == "boards_boards" else "board_id"
        conn.execute(f"DELETE FROM {table} WHERE {column} = ?", (board_id,))


def insert_category(
    conn: sqlite3.Connection, board_key: str, category: Category, board_id: int | None = None
) -> None:
    """Add a column at the end of a board."""
    board_id = board_id if board_id is not None else _board_id(conn, board_key)
    position = conn.execute(
        "SELECT coalesce(max(position), 0) + 1 FROM boards_categories WHERE board_id = ?", (board_id,)
    ).fetchone()[0]
    conn.execute(
        "INSERT INTO boards_categories (board_id, key, label, core, description, position) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (board_id, category.key, category.label, int(category.core), category.description, position),
    )


def update_category(conn: sqlite3.Connection, board_key: str, key: str, label: str) -> None:
    """Rename a column (its key, used on the command line, stays)."""
    conn.execute(
        "UPDATE boards_categories SET label = ? WHERE board_id = ? AND key = ?",
        (label, _board_id(conn, board_key), key),
    )


def delete_category(conn: sqlite3.Connection, board_key: str, key: str) -> None:
    """Remove a column (the caller checks that it is empty)."""
    conn.execute(
        "DELETE FROM boards_categories WHERE board_id = ? AND key = ?", (_board_id(conn, board_key), key)
    )


def _card_from_row(row: tuple[object, ...]) -> RedFlagCard:
    (
        card_id,
        board,
        category,
        text,
        evidence,
        refer_to,
        group,
        author,
        created,
        revealed,
        merged,
        votes,
        rev,
    ) = row
    return RedFlagCard(
        id=card_id,  # type: ignore[arg-type]
        board=board,  # type: ignore[arg-type]
        category=category,  # type: ignore[arg-type]
        text=text,  # type: ignore[arg-type]
        evidence=evidence,  # type: ignore[arg-type]
        refer_to=refer_to,  # type: ignore[arg-type]
        group=group,  # type: ignore[arg-type]
        author=author,  # type: ignore[arg-type]
        created=created,  # type: ignore[arg-type]
        revealed=bool(revealed),
        merged_into=merged,  # type: ignore[arg-type]
        votes=votes,  # type: ignore[arg-type]
        revision=rev,  # type: ignore[arg-type]
    )


def load_cards(conn: sqlite3.Connection, board_key: str) -> list[RedFlagCard]:
    """Every card on a board, merged ones included, in the order they were written."""
    board_id = _board_id(conn, board_key)
    rows = conn.execute(f"{_CARD_SELECT} WHERE c.board_id = ? ORDER BY c.id", (board_id,)).fetchall()
    return [_card_from_row(row) for row in rows]


def load_revisions(conn: sqlite3.Connection, board_key: str) -> list[tuple[int, int]]:
    """(id, revision) of every card on a board in writing order: cheap to read, and enough to tell
    which cards changed since the last read (every write to a card bumps its revision)."""
    return conn.execute(
        "SELECT id, revision FROM boards_cards WHERE board_id = ? ORDER BY id", (_board_id(conn, board_key),)
    ).fetchall()


def load_cards_by_id(conn: sqlite3.Connection, card_ids: Sequence[int]) -> list[RedFlagCard]:
    """Some cards by id, with their revision (for :func:`load_revisions`)."""
    cards = []
    for start in range(0, len(card_ids), 500):
        chunk = card_ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        cards += [
            _card_from_row(row) for row in conn.execute(f"{_CARD_SELECT} WHERE c.id IN ({marks})", chunk)
        ]
    return cards


def load_vote_counts(conn: sqlite3.Connection, board_key: str) -> dict[int, int]:
    """Dots per card on a board (cards without a dot are left out)."""
    rows = conn.execute(
        "SELECT v.card_id, count(*) FROM boards_votes v JOIN boards_cards c ON c.id = v.card_id "
        "WHERE c.board_id = ? GROUP BY v.card_id",
        (_board_id(conn, board_key),),
    ).fetchall()
    return dict(rows)


def load_card(conn: sqlite3.Connection, card_id: int) -> RedFlagCard:
    """One card by id.

    Raises:
        NotFoundError: No such card.
    """
    row = conn.execute(f"{_CARD_SELECT} WHERE c.id = ?", (card_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"There is no card {card_id}.")
    return _card_from_row(row)


def load_dots(conn: sqlite3.Connection, board_key: str) -> list[Dot]:
    """Every dot on a board, oldest first."""
    board_id = _board_id(conn, board_key)
    rows = conn.execute(
        "SELECT v.card_id, v.group_name FROM boards_votes v JOIN boards_cards c ON c.id = v.card_id "
        "WHERE c.board_id = ? ORDER BY v.id",
        (board_id,),
    ).fetchall()
    return [Dot(int(card_id), str(group)) for card_id, group in rows]


def load_snapshot(conn: sqlite3.Connection, board_key: str) -> BoardSnapshot:
    """A board with all its cards and dots, read in one go."""
    board = load_board(conn, board_key)
    return BoardSnapshot(board, tuple(load_cards(conn, board_key)), tuple(load_dots(conn, board_key)))


def insert_card(conn: sqlite3.Connection, card: RedFlagCard) -> int:
    """Add a card; returns its id."""
    cursor = conn.execute(
        "INSERT INTO boards_cards (board_id, category, text, evidence, refer_to, group_name, author, "
        "created, revealed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            _board_id(conn, card.board),
            card.category,
            card.text,
            card.evidence,
            card.refer_to,
            card.group,
            card.author,
            card.created,
            int(card.revealed),
        ),
    )
    return int(cursor.lastrowid or 0)


def update_card(conn: sqlite3.Connection, card_ids: Iterable[int], **values: object) -> None:
    """Change some fields (named as on :class:`RedFlagCard`) of one or more cards."""
    columns = [CARD_FIELDS[name] for name in values]
    assignments = ", ".join([*(f"{column} = ?" for column in columns), "revision = revision + 1"])
    conn.executemany(
        f"UPDATE boards_cards SET {assignments} WHERE id = ?",
        [(*values.values(), card_id) for card_id in card_ids],
    )


def delete_cards(conn: sqlite3.Connection, card_ids: Iterable[int]) -> None:
    """Remove cards with their dots (the caller first splits off cards merged into them)."""
    ids = [(card_id,) for card_id in card_ids]
    conn.executemany("DELETE FROM boards_votes WHERE card_id = ?", ids)
    conn.executemany("DELETE FROM boards_cards WHERE id = ?", ids)


def set_merged_into(conn: sqlite3.Connection, card_ids: Iterable[int], target: int | None) -> None:
    """Point cards at the card they were merged into (None splits them off again)."""
    conn.executemany(
        "UPDATE boards_cards SET merged_into = ?, revision = revision + 1 WHERE id = ?",
        [(target, card_id) for card_id in card_ids],
    )


def insert_dot(conn: sqlite3.Connection, card_id: int, group: str, created: str) -> None:
    """Place one dot."""
    conn.execute(
        "INSERT INTO boards_votes (card_id, group_name, created) VALUES (?, ?, ?)", (card_id, group, created)
    )


def delete_dot(conn: sqlite3.Connection, dot: Dot) -> None:
    """Take back one dot of a group on a card (the most recent one)."""
    conn.execute(
        "DELETE FROM boards_votes WHERE id = (SELECT max(id) FROM boards_votes WHERE card_id = ? AND "
        "group_name = ?)",
        (dot.card_id, dot.group),
    )


def load_notes(conn: sqlite3.Connection, board_key: str) -> list[GroupNotes]:
    """Every group's notes on a board, in group order."""
    rows = conn.execute(
        "SELECT group_name, summary, disagreements, questions FROM boards_notes WHERE board_id = ? "
        "ORDER BY group_name",
        (_board_id(conn, board_key),),
    ).fetchall()
    return [GroupNotes(board_key, *map(str, row)) for row in rows]


def save_notes(conn: sqlite3.Connection, notes: GroupNotes) -> None:
    """Store a group's notes on a board, replacing what was there."""
    conn.execute(
        "INSERT INTO boards_notes (board_id, group_name, summary, disagreements, questions) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (board_id, group_name) DO UPDATE SET "
        "summary = excluded.summary, disagreements = excluded.disagreements, questions = excluded.questions",
        (_board_id(conn, notes.board), notes.group, notes.summary, notes.disagreements, notes.questions),
    )
