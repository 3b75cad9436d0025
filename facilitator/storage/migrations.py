"""Schema versions of the workshop file, each a registered, tested upgrade step.

``PRAGMA user_version`` holds the version. A new feature that needs a table adds its DDL to a new
migration (never edits a released one), so that older files upgrade step by step on open.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable

from facilitator.storage import schema

__all__ = ["LATEST_VERSION", "MIGRATIONS", "migrate"]

Migration = Callable[[sqlite3.Connection], None]

MIGRATIONS: dict[int, Migration] = {}


def _register(version: int) -> Callable[[Migration], Migration]:
    def decorate(function: Migration) -> Migration:
        MIGRATIONS[version] = function
        return function

    return decorate


@_register(1)
def _create_first_schema(conn: sqlite3.Connection) -> None:
    """Version 1: every table of the first release."""
    for ddl in schema.VERSION_1:
        for statement in ddl.split(";"):
            if statement.strip():
                conn.execute(statement)


_PLAIN_KEY = re.compile(r"\bid INTEGER PRIMARY KEY\b(?! AUTOINCREMENT)")


@_register(2)
def _never_reuse_ids(conn: sqlite3.Connection) -> None:
    """Version 2: every table numbers its rows with AUTOINCREMENT, so that no id is ever reused.

    Without it SQLite hands out the highest id again once its row is gone: a printed badge would
    then check in someone else, and a past breakout round would list a newcomer in the place of the
    person removed. SQLite cannot add AUTOINCREMENT to a table, so each one is rebuilt (the
    caller runs upgrades with foreign keys off and checks them before committing).
    """
    tables = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    for name, sql in tables:
        if not _PLAIN_KEY.search(sql):
            continue
        indexes = [
            row[0]
            for row in conn.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
                (name,),
            )
        ]
        rebuilt = f'"{name}__rebuilt"'
        definition = sql[sql.index("(") :]
        numbered = _PLAIN_KEY.sub("id INTEGER PRIMARY KEY AUTOINCREMENT", definition)
        conn.execute(f"CREATE TABLE {rebuilt} {numbered}")
        conn.execute(f'INSERT INTO {rebuilt} SELECT * FROM "{name}"')
        conn.execute(f'DROP TABLE "{name}"')
        conn.execute(f'ALTER TABLE {rebuilt} RENAME TO "{name}"')
        for index in indexes:
            conn.execute(index)


@_register(3)
def _give_every_workshop_a_checkin_secret(conn: sqlite3.Connection) -> None:
    """Version 3: a file made before check-in existed gets its check-in secret now.

    Exports read through read-only sessions, which cannot create the secret the first time a QR
    code is printed; a file that already has one keeps it (replacing it would void every code
    printed with it).
    """
    conn.execute(
        "INSERT INTO checkin_secret (secret) SELECT ? WHERE NOT EXISTS (SELECT 1 FROM checkin_secret)",
        (os.urandom(32).hex(),),
    )


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {str(row[1]) for row in conn.execute(f'PRAGMA table_info("{table}")')}


@_register(4)
def _groups_know_who_and_where(conn: sqlite3.Connection) -> None:
    """Version 4: a round remembers whom it was formed from and its proofs, a group its place,
    and a member whether they joined late.

    ``source`` is ``roster``, ``present`` (checked in on ``day``) or ``selection``. ``proofs``
    holds the bounds a solver proved, as JSON with the fingerprint of the request it proved them
    for; the three single-number columns it replaces reported one bound where there are now six,
    and files made before know nothing proven (the report then falls back to the bounds any
    grouping can check). ``arrived`` is 0 for people placed when the round was formed and the
    number of the "Add late arrivals" that placed the others. Each step checks whether it is
    done already, so the upgrade can run again on a file whose version was set back.
    """
    rounds = _columns(conn, "groups_rounds")
    if "source" not in rounds:
        conn.execute(
            "ALTER TABLE groups_rounds ADD COLUMN source TEXT NOT NULL DEFAULT 'roster' "
            "CHECK (source IN ('roster', 'present', 'selection'))"
        )
    if "day" not in rounds:
        conn.execute("ALTER TABLE groups_rounds ADD COLUMN day INTEGER")
    if "proofs" not in rounds:
        conn.execute("ALTER TABLE groups_rounds ADD COLUMN proofs TEXT NOT NULL DEFAULT ''")
    for column in ("proven", "lower_bound", "lone_bound"):
        if column in rounds:
            conn.execute(f"ALTER TABLE groups_rounds DROP COLUMN {column}")
    if "place" not in _columns(conn, "groups_groups"):
        conn.execute("ALTER TABLE groups_groups ADD COLUMN place TEXT NOT NULL DEFAULT ''")
    if "arrived" not in _columns(conn, "groups_members"):
        conn.execute("ALTER TABLE groups_members ADD COLUMN arrived INTEGER NOT NULL DEFAULT 0")


LATEST_VERSION = max(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> int:
    """Apply every missing migration in order inside the caller's transaction; return the version."""
    version: int = conn.execute("PRAGMA user_version").fetchone()[0]
    for target in range(version + 1, LATEST_VERSION + 1):
        MIGRATIONS[target](conn)
        conn.execute(f"PRAGMA user_version = {target}")
    return max(version, LATEST_VERSION)
