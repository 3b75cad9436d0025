"""Table definitions, one constant per capability, applied by the migrations.

Every table has an integer primary key (its rowid), which the undo journal relies on. Statements are
separated by ``;`` and must not contain one inside (no triggers or string literals with ``;``).
"""

from __future__ import annotations

__all__ = ["META", "ROSTER", "VERSION_1"]

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

VERSION_1: tuple[str, ...] = (META, ROSTER)
