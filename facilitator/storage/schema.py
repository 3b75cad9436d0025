"""Table definitions, one constant per capability, applied by the migrations.

Every table has an integer primary key (its rowid), which the undo journal relies on. Statements are
separated by ``;`` and must not contain one inside (no triggers or string literals with ``;``).
"""

from __future__ import annotations

__all__ = ["BOARDS", "META", "ROSTER", "VERSION_1"]

META = """
CREATE TABLE meta (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    value TEXT NOT NULL
)
"""

ROSTER = """
CREATE TABLE participants (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    native_name TEXT NOT NULL DEFAULT '',
    sex TEXT NOT NULL DEFAULT '' CHECK (sex IN ('F', 'M', 'X', '')),
    delegation TEXT NOT NULL DEFAULT '',
    organisation TEXT NOT NULL DEFAULT '',
    position TEXT NOT NULL DEFAULT '',
    sector TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT 'participant',
    email TEXT NOT NULL DEFAULT ''
);
CREATE INDEX participants_delegation ON participants (delegation)
"""

BOARDS = """
CREATE TABLE boards_boards (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE CHECK (length(key) > 0),
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    direction TEXT NOT NULL DEFAULT '' CHECK (direction IN ('labour-to-police', 'police-to-labour', '')),
    description TEXT NOT NULL DEFAULT '',
    refer_to TEXT NOT NULL DEFAULT '',
    hidden INTEGER NOT NULL DEFAULT 0,
    locked INTEGER NOT NULL DEFAULT 0,
    group_budget INTEGER NOT NULL DEFAULT 5 CHECK (group_budget >= 1),
    category_budget INTEGER NOT NULL DEFAULT 0 CHECK (category_budget >= 0),
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE boards_categories (
    id INTEGER PRIMARY KEY,
    board_id INTEGER NOT NULL REFERENCES boards_boards (id),
    key TEXT NOT NULL CHECK (length(key) > 0),
    label TEXT NOT NULL,
    core INTEGER NOT NULL DEFAULT 0,
    description TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (board_id, key)
);
CREATE TABLE boards_cards (
    id INTEGER PRIMARY KEY,
    board_id INTEGER NOT NULL REFERENCES boards_boards (id),
    category TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    evidence TEXT NOT NULL DEFAULT '',
    refer_to TEXT NOT NULL DEFAULT '',
    group_name TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL DEFAULT '',
    revealed INTEGER NOT NULL DEFAULT 1,
    merged_into INTEGER REFERENCES boards_cards (id),
    revision INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX boards_cards_board ON boards_cards (board_id, id, revision);
CREATE TABLE boards_votes (
    id INTEGER PRIMARY KEY,
    card_id INTEGER NOT NULL REFERENCES boards_cards (id),
    group_name TEXT NOT NULL,
    created TEXT NOT NULL DEFAULT ''
);
CREATE INDEX boards_votes_card ON boards_votes (card_id);
CREATE TABLE boards_notes (
    id INTEGER PRIMARY KEY,
    board_id INTEGER NOT NULL REFERENCES boards_boards (id),
    group_name TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    disagreements TEXT NOT NULL DEFAULT '',
    questions TEXT NOT NULL DEFAULT '',
    UNIQUE (board_id, group_name)
)
"""

VERSION_1: tuple[str, ...] = (META, ROSTER, BOARDS)
