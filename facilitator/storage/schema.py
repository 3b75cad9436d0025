"""Table definitions, one constant per capability, applied by the migrations.

Every table has an integer primary key (its rowid), which the undo journal relies on. Statements are
separated by ``;`` and must not contain one inside (no triggers or string literals with ``;``).
"""

from __future__ import annotations

__all__ = ["AGENDA", "BOARDS", "CHECKIN", "GROUPS", "GUIDELINES", "META", "ROSTER", "TIMER", "VERSION_1"]

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

AGENDA = """
CREATE TABLE agenda_days (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL UNIQUE,
    start TEXT NOT NULL,
    planned_end TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT ''
);
CREATE TABLE agenda_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    day_id INTEGER NOT NULL REFERENCES agenda_days (id),
    position INTEGER NOT NULL,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    kind TEXT NOT NULL,
    duration INTEGER NOT NULL CHECK (duration >= 0),
    lead TEXT NOT NULL DEFAULT '',
    objective TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    link TEXT NOT NULL DEFAULT '',
    flexible INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX agenda_items_day ON agenda_items (day_id, position)
"""

# Item ids are never reused (AUTOINCREMENT above): the timer's records outlive a deleted item, so
# that undoing the deletion brings its actual times back, and must not attach to a newer item.
TIMER = """
CREATE TABLE timer_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    item_id INTEGER,
    running INTEGER NOT NULL DEFAULT 0,
    elapsed REAL NOT NULL DEFAULT 0,
    anchor REAL,
    extra REAL NOT NULL DEFAULT 0,
    amber_seconds INTEGER NOT NULL DEFAULT 300,
    red_seconds INTEGER NOT NULL DEFAULT 60,
    flash_overrun INTEGER NOT NULL DEFAULT 1,
    chime INTEGER NOT NULL DEFAULT 1,
    message TEXT NOT NULL DEFAULT '',
    agenda_only INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE timer_runs (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL UNIQUE,
    started REAL,
    ended REAL,
    elapsed REAL NOT NULL DEFAULT 0,
    extra REAL NOT NULL DEFAULT 0
)
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

CHECKIN = """
CREATE TABLE checkin_secret (
    id INTEGER PRIMARY KEY,
    secret TEXT NOT NULL CHECK (length(secret) >= 32)
);
CREATE TABLE checkin_scans (
    id INTEGER PRIMARY KEY,
    participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    day INTEGER NOT NULL CHECK (day >= 1),
    scanned_at TEXT NOT NULL,
    method TEXT NOT NULL CHECK (method IN ('scan', 'search', 'walk-in')),
    UNIQUE (participant_id, day)
);
CREATE INDEX checkin_scans_day ON checkin_scans (day)
"""

# Breakout rounds. Members refer to participants without ON DELETE CASCADE: the undo journal
# replays row changes in order, which a cascade would bypass; removing a participant leaves a
# membership that readers skip. ``agenda_item`` names an agenda item id without a foreign key
# (agenda ids are never reused, so a stale link simply finds nothing).
GROUPS = """
CREATE TABLE groups_rounds (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    position INTEGER NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('spread', 'country')),
    seed INTEGER NOT NULL,
    locked INTEGER NOT NULL DEFAULT 0,
    proven INTEGER NOT NULL DEFAULT 0,
    lower_bound INTEGER NOT NULL DEFAULT 0,
    lone_bound INTEGER NOT NULL DEFAULT 0,
    agenda_item INTEGER
);
CREATE TABLE groups_groups (
    id INTEGER PRIMARY KEY,
    round_id INTEGER NOT NULL REFERENCES groups_rounds (id),
    number INTEGER NOT NULL,
    name TEXT NOT NULL,
    UNIQUE (round_id, number)
);
CREATE TABLE groups_members (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES groups_groups (id),
    participant_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    pinned INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX groups_members_group ON groups_members (group_id, position);
CREATE TABLE groups_constraints (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('apart')),
    first_id INTEGER NOT NULL,
    second_id INTEGER NOT NULL,
    CHECK (first_id < second_id),
    UNIQUE (kind, first_id, second_id)
)
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

VERSION_1: tuple[str, ...] = (META, ROSTER, AGENDA, TIMER, BOARDS, CHECKIN, GROUPS, GUIDELINES)
