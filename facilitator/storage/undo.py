"""A journal of inverse SQL statements that gives every capability undo and redo for free.

This is the technique described on sqlite.org ("Automatic Undo/Redo Using SQLite"): temporary
triggers on each tracked table write the statement that would reverse each row change into a
temporary log. An action's log entries form one undo step; replaying them in reverse order undoes the
action, and the triggers record the replay's own inverse, which becomes the redo step. Because it
works on rows, a new table gets undo without any code of its own.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["JournalEntry", "UndoJournal"]


# The inverse statements name their row last ("… WHERE rowid=7") or first ("INSERT INTO
# t(rowid,…) VALUES(7,…"): an insert is undone by a DELETE, an update by an UPDATE, a delete by an
# INSERT (see the triggers below).
_INVERSE = re.compile(
    r"^(DELETE|UPDATE)\b.* WHERE rowid=(-?\d+)$|^INSERT INTO .*?VALUES\((-?\d+),", re.DOTALL
)


@dataclass(frozen=True, slots=True)
class JournalEntry:
    """One inverse statement and the table it applies to."""

    table: str
    statement: str

    def target(self) -> tuple[str, int] | None:
        """What the statement does to which row: ``("DELETE" | "UPDATE" | "INSERT", rowid)``.

        Read back by undo (which rows a step would write) and by ``Changes`` (which rows an
        action inserted, updated or deleted), from the one format the triggers write.
        """
        match = _INVERSE.match(self.statement)
        if match is None:
            return None
        if match.group(1):
            return match.group(1), int(match.group(2))
        return "INSERT", int(match.group(3))


def _quote_name(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


class UndoJournal:
    """Records inverse statements for every table except the excluded ones.

    Args:
        connection: The workshop connection; the triggers and the log live in its temp schema.
        excluded: Tables whose changes are not undoable (e.g. the running timer's state).
    """

    def __init__(self, connection: sqlite3.Connection, excluded: Iterable[str] = ()) -> None:
        self._conn = connection
        self._excluded = set(excluded)
        self._installed = False

    def _tables(self) -> list[str]:
        rows = self._conn.execute(
            "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
        return sorted(name for (name,) in rows if name not in self._excluded)

    def install(self) -> None:
        """Create the log and the triggers, once, before the first write (call outside a transaction).

        Deferred from construction because a workshop is often only read (start-up, the CLI's
        reports), and the ~75 trigger statements are the largest part of opening a file.
        """
        if self._installed:
            return
        conn = self._conn
        conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS undo_log "
            "(seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, stmt TEXT NOT NULL)"
        )
        for table in self._tables():
            columns = [row[1] for row in conn.execute(f"PRAGMA main.table_info({_quote_name(table)})")]
            q_table = _quote_name(table)
            lit_table = _literal(table)
            q_cols = ", ".join(_quote_name(c) for c in columns)
            insert_values = "||','||".join(f"quote(OLD.{_quote_name(c)})" for c in columns)
            update_sets = "||','||".join(
                f"'{_quote_name(c).replace(chr(39), chr(39) * 2)}='||quote(OLD.{_quote_name(c)})"
                for c in columns
            )
            triggers = {
                "i": (
                    "AFTER INSERT",
                    f"'DELETE FROM {q_table} WHERE rowid='||NEW.rowid",
                ),
                "u": (
                    "AFTER UPDATE",
                    f"'UPDATE {q_table} SET '||{update_sets}||' WHERE rowid='||OLD.rowid",
                ),
                "d": (
                    "BEFORE DELETE",
                    f"'INSERT INTO {q_table}(rowid,{q_cols}) VALUES('||OLD.rowid||','||{insert_values}||')'",
                ),
            }
            for suffix, (timing, expression) in triggers.items():
                name = _quote_name(f"undo_{table}_{suffix}")
                conn.execute(f"DROP TRIGGER IF EXISTS temp.{name}")
                conn.execute(
                    f"CREATE TEMP TRIGGER {name} {timing} ON main.{q_table} BEGIN "
                    f"INSERT INTO undo_log(tbl, stmt) VALUES ({lit_table}, {expression}); END"
                )
        self._installed = True

    def uninstall(self) -> None:
        """Drop every undo trigger; :meth:`install` puts them back for the tables there are then."""
        names = self._conn.execute("SELECT name FROM temp.sqlite_master WHERE type = 'trigger'").fetchall()
        for (name,) in names:
            if name.startswith("undo_"):
                self._conn.execute(f"DROP TRIGGER temp.{_quote_name(name)}")
        self._installed = False

    def take(self) -> list[JournalEntry]:
        """Return and clear what was logged since the last call (call inside the transaction)."""
        if not self._installed:
            return []
        rows = self._conn.execute("SELECT tbl, stmt FROM undo_log ORDER BY seq").fetchall()
        self._conn.execute("DELETE FROM undo_log")
        return [JournalEntry(table, statement) for table, statement in rows]

    def discard(self) -> None:
        """Forget what was logged (after a rollback, or for changes that are not undoable)."""
        if not self._installed:
            return
        self._conn.execute("DELETE FROM undo_log")

    def replay(self, entries: list[JournalEntry]) -> None:
        """Apply inverse statements newest first, inside the caller's transaction."""
        self._conn.execute("PRAGMA defer_foreign_keys = ON")
        for entry in reversed(entries):
            self._conn.execute(entry.statement)
