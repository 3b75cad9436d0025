"""Table definitions, one constant per capability, applied by the migrations.

Every table has an integer primary key (its rowid), which the undo journal relies on. Statements are
separated by ``;`` and must not contain one inside (no triggers or string literals with ``;``).
"""

from __future__ import annotations

__all__ = ["GUIDELINES", "META", "ROSTER", "VERSION_1"]

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

GUIDELINES = """
CREATE TABLE guidelines_draft (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0)
);
CREATE TABLE guidelines_sections (
    id INTEGER PRIMARY KEY,
    position INTEGER NOT NULL,
    key TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    body TEXT NOT NULL DEFAULT '',
    hint TEXT NOT NULL DEFAULT '',
    board TEXT NOT NULL DEFAULT ''
);
CREATE TABLE guidelines_actions (
    id INTEGER PRIMARY KEY,
    section_id INTEGER NOT NULL REFERENCES guidelines_sections (id),
    position INTEGER NOT NULL,
    action TEXT NOT NULL CHECK (length(trim(action)) > 0),
    lead_agency TEXT NOT NULL DEFAULT '',
    partners TEXT NOT NULL DEFAULT '',
    timeframe TEXT NOT NULL DEFAULT '',
    recommendations TEXT NOT NULL DEFAULT '',
    source_group TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'agreed', 'deferred'))
);
CREATE INDEX guidelines_actions_section ON guidelines_actions (section_id, position);
CREATE TABLE guidelines_triggers (
    id INTEGER PRIMARY KEY,
    section_id INTEGER NOT NULL REFERENCES guidelines_sections (id),
    position INTEGER NOT NULL,
    red_flag TEXT NOT NULL,
    category TEXT NOT NULL DEFAULT '',
    evidence TEXT NOT NULL DEFAULT '',
    refer_to TEXT NOT NULL DEFAULT '',
    votes INTEGER NOT NULL DEFAULT 0,
    groups TEXT NOT NULL DEFAULT ''
);
CREATE TABLE guidelines_versions (
    id INTEGER PRIMARY KEY,
    label TEXT NOT NULL UNIQUE,
    created TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
)
"""

VERSION_1: tuple[str, ...] = (META, ROSTER, GUIDELINES)
