"""Schema versions of the workshop file, each a registered, tested upgrade step.

``PRAGMA user_version`` holds the version. A new feature that needs a table adds its DDL to a new
migration (never edits a released one), so that older files upgrade step by step on open.
"""

from __future__ import annotations

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


LATEST_VERSION = max(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> int:
    """Apply every missing migration in order inside the caller's transaction; return the version."""
    version: int = conn.execute("PRAGMA user_version").fetchone()[0]
    for target in range(version + 1, LATEST_VERSION + 1):
        MIGRATIONS[target](conn)
        conn.execute(f"PRAGMA user_version = {target}")
    return max(version, LATEST_VERSION)
