"""One writer per workshop file: a lock file beside it that names who holds it.

SQLite's own locks last only for a transaction, so two copies of the app could both keep a workshop
open and take turns writing: undo in one would then revert the other's edit and a stale timer
would win. The program that writes (the GUI for its whole session, a CLI command while it runs)
therefore holds ``<workshop>.lock``: an operating-system lock on that file, which the system
releases by itself when the process dies, plus a line of JSON naming the host, process and program
for the message another program shows. A lock file whose OS lock is free was left by a process that
ended without closing: the next writer takes it over and says so.

The lock file is a different file from the workshop, so opening and closing it never touches
SQLite's own locks on the workshop (sqlite.org/howtocorrupt.html, 2.2).
"""

from __future__ import annotations

import json
import os
import socket
import sys
from contextlib import suppress
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from facilitator.core.errors import WorkshopFileError, WorkshopLockedError

__all__ = ["LockHolder", "WorkshopLock", "lock_path", "read_holder"]

#: Windows locks a byte range; the range sits past the JSON so that others can still read it.
_WINDOWS_LOCK_OFFSET = 1 << 20


@dataclass(frozen=True, slots=True)
class LockHolder:
    """Who holds a workshop: enough for a person to find the other window."""

    host: str
    pid: int
    program: str
    since: str

    def describe(self) -> str:
        """The holder in words, e.g. "Facilitator (window) on LAPTOP-3, process 4120, since 09:12"."""
        try:
            since = datetime.fromisoformat(self.since).strftime("%d %b %H:%M")
        except ValueError:
            since = self.since
        return f"{self.program} on {self.host}, process {self.pid}, since {since}"


def lock_path(workshop: Path) -> Path:
    """The lock file of a workshop file."""
    workshop = Path(workshop)
    return workshop.with_name(workshop.name + ".lock")


def read_holder(workshop: Path) -> LockHolder | None:
    """What the lock file says about its holder (None when there is no readable note)."""
    try:
        data = json.loads(lock_path(workshop).read_text(encoding="utf-8"))
        return LockHolder(str(data["host"]), int(data["pid"]), str(data["program"]), str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _same_file(fd: int, path: Path) -> bool:
    """Whether ``fd`` is still the file at ``path`` (a releasing holder may have removed it)."""
    try:
        on_disk = path.stat()
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (held.st_dev, held.st_ino) == (on_disk.st_dev, on_disk.st_ino)


class WorkshopLock:
    """The lock on one workshop file, held until :meth:`release`.

    Attributes:
        path: The lock file.
        holder: This process, as written into the lock file.
        taken_over: The holder named by a lock left behind by a process that ended without
            closing the workshop, or None.
    """

    def __init__(self, path: Path, fd: int, holder: LockHolder, taken_over: LockHolder | None) -> None:
        self.path = path
        self._fd: int | None = fd
        self.holder = holder
        self.taken_over = taken_over

    @classmethod
    def acquire(cls, workshop: Path, program: str) -> WorkshopLock:
        """Hold the workshop for this process.

        Args:
            workshop: The workshop file.
            program: What holds it, in words another user recognises ("Facilitator (window)").

        Raises:
            WorkshopLockedError: Another process holds it; the message names that process.
        """
        workshop = Path(workshop)
        path = lock_path(workshop)
        for _attempt in range(5):
            try:
                fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as error:
                raise WorkshopFileError(
                    f"{workshop}: its folder cannot be written to ({error.strerror}), so the workshop "
                    "cannot be changed here. Copy it to a folder you can write to."
                ) from error
            if not _try_lock(fd):
                os.close(fd)
                holder = read_holder(workshop)
                who = holder.describe() if holder else "another program"
                raise WorkshopLockedError(
                    f"{workshop.name} is open in {who}. Close it there first; other programs may "
                    "still read the workshop, but only one may change it."
                )
            if _same_file(fd, path):
                return cls._claim(path, fd, program, workshop)
            os.close(fd)  # the previous holder removed the file between our open and our lock
        raise WorkshopLockedError(f"{workshop.name}: another program keeps taking the workshop. Try again.")

    @classmethod
    def _claim(cls, path: Path, fd: int, program: str, workshop: Path) -> WorkshopLock:
        left_behind = read_holder(workshop)
        since = datetime.now().isoformat(timespec="seconds")
        holder = LockHolder(socket.gethostname(), os.getpid(), program, since)
        note = json.dumps(asdict(holder)).encode("utf-8")
        lock = cls(path, fd, holder, left_behind)
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            os.ftruncate(fd, 0)
            os.write(fd, note)
            os.fsync(fd)
        except OSError as error:
            lock.release()
            raise WorkshopFileError(
                f"{workshop}: cannot write beside the workshop ({error.strerror}). Free some space, or "
                "copy the workshop to a folder you can write to."
            ) from error
        return lock

    @property
    def held(self) -> bool:
        """Whether this object still holds the lock."""
        return self._fd is not None

    def release(self) -> None:
        """Give the workshop up; the lock file is removed while still locked (idempotent)."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        if sys.platform == "win32":  # Windows cannot remove a file that is open
            os.close(fd)
            with suppress(OSError):
                self.path.unlink(missing_ok=True)
            return
        try:
            if _same_file(fd, self.path):
                self.path.unlink(missing_ok=True)
        finally:
            os.close(fd)
