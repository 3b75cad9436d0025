"""Opening, creating and writing a workshop file.

A workshop file is a plain SQLite database marked with an application id, so that Facilitator
never writes into a file that merely happens to be SQLite. Every user action is one ``BEGIN
IMMEDIATE`` … ``COMMIT``: the change is on disk before the GUI says "saved", and a killed process
loses nothing that was acknowledged (WAL with ``synchronous=FULL``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from facilitator.core.errors import (
    NewerVersionError,
    NotAWorkshopError,
    WorkshopFileError,
    WorkshopLockedError,
)
from facilitator.storage.migrations import LATEST_VERSION, migrate

__all__ = ["APPLICATION_ID", "WorkshopDatabase"]

#: "FACI" in ASCII: marks a SQLite file as a Facilitator workshop.
APPLICATION_ID = 0x46414349
_SQLITE_MAGIC = b"SQLite format 3\x00"
_BUSY_TIMEOUT_MS = 1500


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _locked(path: Path) -> WorkshopLockedError:
    return WorkshopLockedError(
        f"{path}: the workshop file is in use by another program. Close the other copy of "
        "Facilitator (or the program holding the file) and try again."
    )


class WorkshopDatabase:
    """An open workshop file.

    Attributes:
        path: The file on disk.
        connection: The single connection used for every read and write.
    """

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self.connection = connection

    @classmethod
    def create(cls, path: Path) -> WorkshopDatabase:
        """Create a new, empty workshop file; refuses to overwrite anything."""
        path = Path(path)
        if path.exists() and path.stat().st_size > 0:
            raise WorkshopFileError(f"{path}: a file with this name already exists. Choose another name.")
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = _connect(path)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute("PRAGMA journal_mode = WAL")
        except sqlite3.Error as error:
            raise WorkshopFileError(f"{path}: cannot create the workshop file ({error}).") from error
        database = cls(path, conn)
        database._prepare()
        return database

    @classmethod
    def open(cls, path: Path) -> WorkshopDatabase:
        """Open an existing workshop file, upgrading its schema if it is from an older version.

        Raises:
            WorkshopFileError: The file is missing or unreadable.
            NotAWorkshopError: The file is not a Facilitator workshop (it is left untouched).
            NewerVersionError: A newer Facilitator wrote it (it is left untouched).
            WorkshopLockedError: Another program is writing to it.
        """
        path = Path(path)
        if not path.is_file():
            raise WorkshopFileError(f"{path}: no such workshop file.")
        try:
            with path.open("rb") as handle:
                header = handle.read(len(_SQLITE_MAGIC))
        except OSError as error:
            raise WorkshopFileError(f"{path}: cannot read the file ({error.strerror}).") from error
        if header != _SQLITE_MAGIC:
            raise NotAWorkshopError(f"{path}: this is not a Facilitator workshop file.")
        try:
            conn = _connect(path)
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as error:
            if "locked" in str(error) or "busy" in str(error):
                raise _locked(path) from error
            raise NotAWorkshopError(f"{path}: this is not a Facilitator workshop file.") from error
        if app_id != APPLICATION_ID:
            conn.close()
            raise NotAWorkshopError(f"{path}: this is not a Facilitator workshop file.")
        if version > LATEST_VERSION:
            conn.close()
            raise NewerVersionError(
                f"{path}: this workshop was saved by a newer version of Facilitator "
                f"(file version {version}, this program reads up to {LATEST_VERSION}). "
                "Update Facilitator to open it."
            )
        database = cls(path, conn)
        try:
            database._prepare()
        except WorkshopFileError:
            conn.close()
            raise
        return database

    def _prepare(self) -> None:
        """Take the write lock once to prove nobody else holds it, then bring the schema up to date."""
        try:
            if self.connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                self.connection.execute("PRAGMA journal_mode = WAL")
            self.connection.execute("PRAGMA synchronous = FULL")
            with self.transaction():
                migrate(self.connection)
        except sqlite3.OperationalError as error:
            if "locked" in str(error) or "busy" in str(error):
                raise _locked(self.path) from error
            raise WorkshopFileError(f"{self.path}: cannot open the workshop ({error}).") from error

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One all-or-nothing write: committed on success, rolled back on any exception."""
        conn = self.connection
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            if "locked" in str(error) or "busy" in str(error):
                raise _locked(self.path) from error
            raise
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        else:
            conn.execute("COMMIT")

    def close(self) -> None:
        """Close the file; a checkpoint folds the WAL back so the file can be copied alone."""
        # Another reader may hold the WAL; SQLite then checkpoints on its next open instead.
        with suppress(sqlite3.Error):
            self.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.connection.close()
