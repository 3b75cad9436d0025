"""Opening, creating and writing a workshop file.

A workshop file is a plain SQLite database marked with an application id, so that Facilitator
never writes into a file that merely happens to be SQLite. Every user action is one ``BEGIN
IMMEDIATE`` … ``COMMIT``: the change is on disk before the GUI says "saved", and a killed process
loses nothing that was acknowledged (WAL with ``synchronous=FULL``).
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from facilitator.core.errors import (
    DamagedWorkshopError,
    NewerVersionError,
    NotAWorkshopError,
    WorkshopFileError,
    WorkshopLockedError,
)
from facilitator.storage.migrations import LATEST_VERSION, migrate
from facilitator.storage.workshop_lock import LockHolder, WorkshopLock

__all__ = ["APPLICATION_ID", "WorkshopDatabase", "check_integrity"]

#: "FACI" in ASCII: marks a SQLite file as a Facilitator workshop.
APPLICATION_ID = 0x46414349
_BUSY_TIMEOUT_MS = 1500
#: Below this much free space a failure to create a file is put down to a full disk.
_FULL_BELOW_BYTES = 1 << 20


class _NoSharedMemory(WorkshopFileError):
    """SQLite could not create the WAL's shared-memory file beside the workshop."""


def _connect(path: Path, immutable: bool = False) -> sqlite3.Connection:
    target = f"{path.resolve().as_uri()}?mode=ro&immutable=1" if immutable else str(path)
    conn = sqlite3.connect(target, isolation_level=None, check_same_thread=False, uri=immutable)
    conn.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _checked_connection(path: Path, integrity: bool, immutable: bool = False) -> sqlite3.Connection:
    """A connection to a file proven to be a workshop this version can read.

    The file is examined only through SQLite: reading its header with a plain ``open()`` and
    closing that handle would drop every SQLite lock this process holds on it (a reader opened
    while the GUI writes would then let another program delete the GUI's WAL).
    """
    try:
        conn = _connect(path, immutable)
    except sqlite3.Error as error:
        raise _refusal(error, path) from error
    try:
        app_id, version = _identity(conn, path)
        if app_id != APPLICATION_ID:
            raise NotAWorkshopError(f"{path}: this is not a Facilitator workshop file.")
        if version < 0:
            raise _damaged(path, f"its version number is {version}, which Facilitator never writes")
        if version > LATEST_VERSION:
            raise NewerVersionError(
                f"{path}: this workshop was saved by a newer version of Facilitator "
                f"(file version {version}, this program reads up to {LATEST_VERSION}). "
                "Update Facilitator to open it."
            )
        if integrity:
            check_integrity(conn, path)
    except BaseException:
        conn.close()
        raise
    return conn


def _identity(conn: sqlite3.Connection, path: Path) -> tuple[int, int]:
    try:
        app_id: int = conn.execute("PRAGMA application_id").fetchone()[0]
        version: int = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise _refusal(error, path) from error
    return app_id, version


def _refusal(error: sqlite3.Error, path: Path) -> WorkshopFileError:
    """What SQLite's refusal to read a workshop means, in the words a user can act on."""
    message = str(error)
    if "locked" in message or "busy" in message:
        return _locked(path)
    if "malformed" in message:
        return _damaged(path, message)
    if "not a database" in message or "encrypted" in message:
        return NotAWorkshopError(f"{path}: this is not a Facilitator workshop file.")
    if "unable to open" in message or "disk I/O" in message:
        if shutil.disk_usage(path.parent).free < _FULL_BELOW_BYTES:
            where = "the disk is full"
        elif not _folder_writable(path.parent):
            where = "the folder is read-only"
        else:
            return WorkshopFileError(f"{path}: cannot read the file ({message}).")
        return _NoSharedMemory(
            f"{path}: {where}, so SQLite cannot keep its shared-memory file beside the workshop. "
            "Free some space, or copy the workshop to a folder you can write to."
        )
    return WorkshopFileError(f"{path}: cannot read the file ({message}).")


def _folder_writable(folder: Path) -> bool:
    """Whether a file can be created in a folder (asked by trying: permissions alone miss
    read-only mounts and immutable folders)."""
    try:
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False


def check_integrity(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a file that fails ``PRAGMA quick_check`` (a few milliseconds on a workshop).

    Raises:
        DamagedWorkshopError: The check found damage; the message names the file.
    """
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise _locked(path) from error
        raise _damaged(path, str(error)) from error
    if rows != [("ok",)]:
        raise _damaged(path, str(rows[0][0]))


def _damaged(path: Path, report: str) -> DamagedWorkshopError:
    lines = [line for line in report.splitlines() if line.strip() and not line.startswith("***")]
    detail = lines[0] if lines else report
    return DamagedWorkshopError(
        f"{path}: the workshop file is damaged ({detail}). Nothing was changed in it. "
        "Open it in the Facilitator window to be offered a copy of its newest good backup "
        f"(backups are kept in {path.parent / 'backups' / path.stem})."
    )


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

    def __init__(self, path: Path, connection: sqlite3.Connection, lock: WorkshopLock | None = None) -> None:
        self.path = path
        self.connection = connection
        self._lock = lock

    @property
    def taken_over(self) -> LockHolder | None:
        """The holder of a lock left by a process that ended without closing this workshop."""
        return self._lock.taken_over if self._lock else None

    @property
    def writable(self) -> bool:
        """Whether this process holds the workshop for writing."""
        return self._lock is not None and self._lock.held

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
    def open(cls, path: Path, program: str = "Facilitator") -> WorkshopDatabase:
        """Open an existing workshop file to change it, upgrading its schema if it is older.

        The process holds the workshop's lock file from here until :meth:`close`, so that no other
        program writes to it meanwhile (see :mod:`facilitator.storage.workshop_lock`).

        Args:
            path: The workshop file.
            program: What holds it, as another program's refusal names it.

        Raises:
            WorkshopFileError: The file is missing or unreadable.
            NotAWorkshopError: The file is not a Facilitator workshop (it is left untouched).
            DamagedWorkshopError: The file fails SQLite's integrity check (it is left untouched).
            NewerVersionError: A newer Facilitator wrote it (it is left untouched).
            WorkshopLockedError: Another program holds it.
        """
        path = Path(path)
        if not path.is_file():
            raise WorkshopFileError(f"{path}: no such workshop file.")
        lock = WorkshopLock.acquire(path, program)
        try:
            conn = _checked_connection(path, integrity=True)
        except BaseException:
            lock.release()
            raise
        database = cls(path, conn, lock)
        try:
            database._prepare()
        except BaseException:
            database.close()
            raise
        return database

    @classmethod
    def open_reader(cls, path: Path) -> WorkshopDatabase:
        """Open a workshop file to read it while its writer (this process or another) goes on.

        A reader holds no lock file and cannot write (``query_only``); in WAL mode it sees the
        last committed state. An older file is upgraded first when nobody holds it.
        """
        path = Path(path)
        if not path.is_file():
            raise WorkshopFileError(f"{path}: no such workshop file.")
        try:
            conn = _checked_connection(path, integrity=False)
        except _NoSharedMemory:
            # On a full disk or in a read-only folder nobody can be writing to the workshop; it
            # can still be read as it stands, unless a WAL holds changes not yet folded back.
            wal = Path(f"{path}-wal")
            if wal.exists() and wal.stat().st_size > 0:
                raise
            conn = _checked_connection(path, integrity=False, immutable=True)
        version: int = conn.execute("PRAGMA user_version").fetchone()[0]
        if version < LATEST_VERSION:
            conn.close()
            cls.open(path, program="Facilitator (upgrading the file)").close()
            conn = _checked_connection(path, integrity=False)
        conn.execute("PRAGMA query_only = ON")
        return cls(path, conn, None)

    def upgrade(self) -> None:
        """Bring the schema up to date again (after an older backup was copied over the file)."""
        self._prepare()

    def _prepare(self) -> None:
        """Take SQLite's write lock once to prove nobody else writes, and bring the schema up to date.

        An upgrade may rebuild tables, so foreign keys are off while it runs (a dropped table must
        not cascade into its children) and checked as a whole before it commits.
        """
        conn = self.connection
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            upgrading = conn.execute("PRAGMA user_version").fetchone()[0] < LATEST_VERSION
            if upgrading:
                conn.execute("PRAGMA foreign_keys = OFF")
            with self.transaction():
                migrate(conn)
                # A real write, so that a file SQLite could open only for reading is refused
                # here and not at the user's first action.
                conn.execute(f"PRAGMA user_version = {LATEST_VERSION}")
                if upgrading and conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                    raise DamagedWorkshopError(
                        f"{self.path}: the workshop refers to rows that do not exist, so it was not "
                        "upgraded. Open an older copy from its backups, or send the file to support."
                    )
            conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.OperationalError as error:
            if "locked" in str(error) or "busy" in str(error):
                raise _locked(self.path) from error
            if "readonly" in str(error):
                raise WorkshopFileError(
                    f"{self.path}: the workshop file is read-only, so it cannot be changed here. Copy it "
                    "to a folder you can write to; commands that only read it still work."
                ) from error
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
        """Close the file and give up its lock (idempotent).

        The writer checkpoints first, folding the WAL back so the file can be copied alone; if a
        reader holds the WAL, SQLite checkpoints on its next open instead.
        """
        if self.writable:
            with suppress(sqlite3.Error):
                self.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.connection.close()
        if self._lock is not None:
            self._lock.release()
