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


LATEST_VERSION = max(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> int:
    """Apply every missing migration in order inside the caller's transaction; return the version."""
    version: int = conn.execute("PRAGMA user_version").fetchone()[0]
    for target in range(version + 1, LATEST_VERSION + 1):
        MIGRATIONS[target](conn)
        conn.execute(f"PRAGMA user_version = {target}")
    return max(version, LATEST_VERSION)
