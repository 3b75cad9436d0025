"""An open workshop and the one path every change takes: validate, persist, record, announce.

``WorkshopSession.action`` wraps a user action in one SQLite transaction, records its undo step and
tells every listener (the GUI's controller) what changed. The CLI and the GUI both use it, so undo,
backups and "nothing lost" hold for every capability alike.

Actions have an :class:`Origin`: the desktop (the window or the command line) or a group's phone
in the room (:mod:`facilitator.room`). Each origin has its own undo history inside the one list, so
the desktop's Edit ▸ Undo reverses the desktop's last action and never silently takes back a card
that a group wrote on a phone meanwhile.
"""

from __future__ import annotations

import itertools
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from facilitator.app.changes import WORKSHOP, Changes, row_changes_from_journal
from facilitator.app.history import DESKTOP, Origin, UndoStep, phone_origin
from facilitator.core.errors import ActionRefused, FacilitatorError
from facilitator.core.workshop import WorkshopInfo
from facilitator.storage import meta_store
from facilitator.storage.backups import take_backup
from facilitator.storage.database import WorkshopDatabase
from facilitator.storage.undo import UndoJournal

__all__ = [
    "BACKUP_INTERVAL_SECONDS",
    "DESKTOP",
    "NOT_UNDOABLE_TABLES",
    "Origin",
    "UndoStep",
    "WorkshopSession",
    "phone_origin",
    "take_file_backup",
]

#: A backup is taken on open and then after this much time with edits.
BACKUP_INTERVAL_SECONDS = 600.0

#: Tables whose changes are state rather than edits: undo must not rewind a running clock.
NOT_UNDOABLE_TABLES = frozenset({"timer_state", "checkin_secret"})

Listener = Callable[[Changes], None]


def take_file_backup(path: Path) -> Path:
    """Back up a workshop file through a connection of its own (safe on a worker thread).

    Raises:
        DamagedWorkshopError: The workshop fails its check; no backup was taken.
    """
    connection = sqlite3.connect(path)
    try:
        return take_backup(connection, Path(path))
    finally:
        connection.close()


class WorkshopSession:
    """An open workshop file with its undo history.

    Args:
        database: The open file.
        clock: Monotonic seconds, injectable for tests of the backup interval.
    """

    def __init__(self, database: WorkshopDatabase, clock: Callable[[], float] = time.monotonic) -> None:
        self.database = database
        self._clock = clock
        self._journal = UndoJournal(database.connection, NOT_UNDOABLE_TABLES)
        self._undo: list[UndoStep] = []
        self._redo: list[UndoStep] = []
        self._sequence = itertools.count(1)
        self._origin = DESKTOP
        self._listeners: list[Listener] = []
        self._info: WorkshopInfo | None = None
        self._last_backup = clock()
        self._edited_since_backup = False
        #: Why the last backup failed, until one succeeds (shown in the status bar, never raised
        #: from an action that was already committed).
        self.backup_problem: str | None = None
        self.last_saved: float | None = None
        #: What the last finished action changed, for a command to return once its ``with
        #: session.action(...)`` block is done (label and topics said once, in that call).
        self.last_changes = Changes()

    @classmethod
    def open(
        cls,
        path: Path,
        clock: Callable[[], float] = time.monotonic,
        backup: bool = True,
        program: str = "Facilitator",
    ) -> WorkshopSession:
        """Open a workshop file to change it, hold it until :meth:`close`, and back it up as found.

        Args:
            path: The workshop file.
            clock: Monotonic seconds, for the backup interval.
            backup: False when the caller takes the opening backup itself off the GUI thread
                (see :func:`take_file_backup`), so that start-up does not wait for it.
            program: What holds the file, as another program's refusal names it.

        Raises:
            WorkshopLockedError: Another program holds the workshop.
        """
        session = cls(WorkshopDatabase.open(path, program), clock)
        if backup:
            session._backup_reporting_failure()
        return session

    @classmethod
    def open_reader(cls, path: Path) -> WorkshopSession:
        """A read-only connection to a workshop, for exports, reports and work off the GUI thread.

        A SQLite connection must not be shared between threads; in WAL mode this reader sees the
        last committed state while the writer (this process or another) keeps writing. A reader
        holds no lock, takes no backup and refuses every write.
        """
        return cls(WorkshopDatabase.open_reader(path))

    @property
    def writable(self) -> bool:
        """Whether this session holds the workshop for writing."""
        return self.database.writable

    @property
    def path(self) -> Path:
        """The workshop file."""
        return self.database.path

    @property
    def connection(self) -> sqlite3.Connection:
        """The connection, for reads (writes go through :meth:`action`)."""
        return self.database.connection

    @property
    def info(self) -> WorkshopInfo:
        """The workshop's identity, cached until it changes."""
        if self._info is None:
            self._info = meta_store.load_info(self.connection)
        return self._info

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener`` with the :class:`Changes` of every committed action, undo and redo."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        """Stop calling a listener."""
        self._listeners.remove(listener)

    def _announce(self, changes: Changes) -> None:
        if changes.touches(WORKSHOP):
            self._info = None
        self.last_saved = time.time()
        for listener in list(self._listeners):
            listener(changes)

    @contextmanager
    def acting_for(self, origin: Origin) -> Iterator[None]:
        """Attribute every action inside the ``with`` block to ``origin`` (a group's phone).

        The room runs the very commands the window runs; this is how their undo steps come to
        carry the group's name and stay out of the desktop's Undo.
        """
        previous, self._origin = self._origin, origin
        try:
            yield
        finally:
            self._origin = previous

    @contextmanager
    def action(
        self, label: str, topics: Iterable[str], undoable: bool = True, origin: Origin | None = None
    ) -> Iterator[sqlite3.Connection]:
        """Run one user action in one transaction.

        Everything written inside the ``with`` block is committed together or not at all. On
        success the action becomes one undo step (unless ``undoable`` is false) and listeners hear
        about it.

        Args:
            label: Name shown as "Undo <label>".
            topics: Topics the action changes.
            undoable: False for state that undo must not rewind (a check-in scan, a timer tick).
            origin: Who asks for it; by default the desktop, or the origin of an enclosing
                :meth:`acting_for`.
        """
        origin = origin or self._origin
        label = origin.label(label)
        if not self.writable:
            raise ActionRefused(
                f"{self.path.name} is open read only here, so '{label}' was not done. "
                "Make the change in the Facilitator window that has the workshop open."
            )
        self._journal.install()
        with self.database.transaction() as conn:
            try:
                yield conn
            except BaseException:
                self._journal.discard()
                raise
            entries = self._journal.take()
        if entries and undoable:
            self._undo.append(UndoStep(label, tuple(entries), origin, next(self._sequence)))
            # A new action ends what its own origin could redo; another origin's redo stays, or
            # every card arriving from a phone would take the facilitator's Redo away.
            self._redo[:] = [step for step in self._redo if step.origin.kind != origin.kind]
        changes = Changes.of(label, topics, row_changes_from_journal(entries))
        self._edited_since_backup = True
        self.last_changes = changes
        self._announce(changes)
        self._maybe_backup()

    @property
    def undo_label(self) -> str | None:
        """Label of the desktop action Undo would reverse, if any."""
        return self.undo_label_of(DESKTOP.kind)

    @property
    def redo_label(self) -> str | None:
        """Label of the desktop action Redo would repeat, if any."""
        step = self._last(self._redo, DESKTOP.kind)
        return step.label if step else None

    def undo_label_of(self, kind: str) -> str | None:
        """Label of the last action of an origin's kind (``"phone"``) that undo would reverse."""
        step = self._last(self._undo, kind)
        return step.label if step else None

    @staticmethod
    def _last(steps: list[UndoStep], kind: str) -> UndoStep | None:
        return next((step for step in reversed(steps) if step.origin.kind == kind), None)

    def _check_nothing_after(self, step: UndoStep, verb: str) -> None:
        """Refuse to reverse a step whose rows another origin's later action changed.

        The inverse statements restore whole rows, so replaying them would silently take back
        what a phone (or the desktop) wrote on those rows since.
        """
        rows = step.rows
        for later in self._undo:
            if later.sequence > step.sequence and later.origin.kind != step.origin.kind and rows & later.rows:
                raise ActionRefused(
                    f"Cannot {verb} '{step.label}': '{later.label}' changed the same "
                    f"{'card' if any(t == 'boards_cards' for t, _ in rows & later.rows) else 'data'} "
                    f"since, and {verb} would take that back too. Make the change by hand instead."
                )

    def _replay(self, source: list[UndoStep], target: list[UndoStep], verb: str, kind: str) -> Changes:
        index = next((i for i in range(len(source) - 1, -1, -1) if source[i].origin.kind == kind), None)
        if index is None:
            raise ActionRefused(f"There is nothing to {verb}.")
        self._check_nothing_after(source[index], verb)
        step = source.pop(index)
        try:
            with self.database.transaction():
                self._journal.replay(list(step.entries))
                inverse = self._journal.take()
        except sqlite3.Error as error:
            # A deferred foreign key (a phone's dot on a card being taken back) fails at COMMIT,
            # which leaves the transaction open: end it, or the reversal would stand uncommitted.
            if self.connection.in_transaction:
                self.connection.execute("ROLLBACK")
            self._journal.discard()
            raise ActionRefused(
                f"Cannot {verb} '{step.label}': the workshop changed in a way that conflicts "
                f"with it ({error})."
            ) from error
        target.append(UndoStep(step.label, tuple(inverse), step.origin, next(self._sequence)))
        changes = Changes.of(
            f"{verb.capitalize()} {step.label}", step.topics, row_changes_from_journal(inverse)
        )
        self._edited_since_backup = True
        self._announce(changes)
        return changes

    def undo(self, kind: str = DESKTOP.kind) -> Changes:
        """Reverse the last action of one origin's kind (the desktop's, unless told otherwise).

        Raises:
            ActionRefused: Nothing to undo, or another origin changed the same rows since.
        """
        return self._replay(self._undo, self._redo, "undo", kind)

    def redo(self, kind: str = DESKTOP.kind) -> Changes:
        """Repeat the last undone action of one origin's kind."""
        return self._replay(self._redo, self._undo, "redo", kind)

    def replace_contents(self, label: str, replace: Callable[[], None]) -> Changes:
        """Let ``replace`` put other contents into the file (a backup), then tell every listener.

        The undo triggers come off first (an older backup's tables are rebuilt on upgrade, and a
        trigger must not refer to a table that is gone) and go back on at the next action. Undo
        steps refer to rows as they were, so the history goes too.
        """
        self._journal.uninstall()
        replace()
        self.forget_history()
        changes = Changes.all(label)
        self._announce(changes)
        return changes

    def forget_history(self) -> None:
        """Drop undo and redo (after an action that cannot be reversed row by row)."""
        self._undo.clear()
        self._redo.clear()

    def backup(self) -> Path:
        """Take a backup now.

        Raises:
            DamagedWorkshopError: The workshop fails its check; no backup was taken.
            OSError: The backup folder cannot be written.
        """
        self._last_backup = self._clock()
        target = take_backup(self.connection, self.path)
        self._edited_since_backup = False
        self.backup_problem = None
        return target

    def _maybe_backup(self) -> None:
        if self._edited_since_backup and self._clock() - self._last_backup >= BACKUP_INTERVAL_SECONDS:
            self._backup_reporting_failure()

    def _backup_reporting_failure(self) -> None:
        """Back up after an action is committed: a failure is noted, never reported as the action's.

        The action is already safe in the workshop file; saying it failed would make the user
        repeat it. The next backup is tried an interval later.
        """
        try:
            self.backup()
        except (FacilitatorError, OSError, sqlite3.Error) as error:
            self.backup_problem = (
                f"The backup of {self.path.name} could not be written ({error}). Your work is saved in "
                "the workshop file; check the disk space and the backups folder."
            )

    def close(self) -> None:
        """Close the workshop file."""
        self.database.close()

    def __enter__(self) -> WorkshopSession:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
