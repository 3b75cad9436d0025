"""The GUI's single controller: runs application commands and tells every view what changed.

Several windows (main window, projector, check-in desk) show the same workshop. The controller
subscribes to the session and re-emits each command's :class:`Changes` as ``workshop_changed``; each
view decides for itself whether to refresh (Anki's ``operation_did_execute``). Views never write to
the store themselves: they call ``controller.run(command, ...)``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal

from facilitator.app import workshops
from facilitator.app.changes import Changes
from facilitator.app.session import WorkshopSession, take_file_backup
from facilitator.core.errors import DamagedWorkshopError, FacilitatorError
from facilitator.core.system_errors import describe_system_error
from facilitator.ui.gc_guard import install_gc_guard
from facilitator.ui.tasks import run_in_background

if TYPE_CHECKING:
    from facilitator.app.exports import ExportOptions

__all__ = ["WINDOW_PROGRAM", "Controller"]

#: How the GUI names itself in the workshop's lock file, for another program's refusal.
WINDOW_PROGRAM = "the Facilitator window"

T = TypeVar("T")
Progress = Callable[[int, int], None]


class Controller(QObject):
    """Owns the open workshop session for the GUI.

    Signals:
        workshop_changed(Changes): after every command, undo and redo, and on open.
        workshop_opened(): a different workshop file is now open.
        workshop_damaged(Path, str): a workshop to open failed its integrity check (path, message);
            the main window offers its newest good backup.
        error_reported(str, str): a command was refused (title, message); the main window shows it.
        document_ready(Path): a document was written and should be previewed.
        status_message(str): a short note for the status bar.
        task_started(str), task_progressed(int, int), task_ended(): background work.
    """

    workshop_changed = Signal(object)
    workshop_opened = Signal()
    workshop_damaged = Signal(object, str)
    error_reported = Signal(str, str)
    document_ready = Signal(object)
    status_message = Signal(str)
    task_started = Signal(str)
    task_progressed = Signal(int, int)
    task_ended = Signal()

    def __init__(self, session: WorkshopSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        install_gc_guard(QCoreApplication.instance() or self)
        self._session = session
        self._session.subscribe(self._on_session_changed)
        self._backup_problem: str | None = None
        self.busy = 0

    def opening_notice(self) -> str | None:
        """What the user should know about how the workshop was opened, if anything."""
        left = self._session.database.taken_over
        if left is None:
            return None
        return (
            f"Reopened after the last session (process {left.pid}) ended unexpectedly; all it saved is here."
        )

    @property
    def session(self) -> WorkshopSession:
        """The open workshop."""
        return self._session

    def _on_session_changed(self, changes: Changes) -> None:
        self.workshop_changed.emit(changes)
        problem = self._session.backup_problem
        if problem != self._backup_problem:
            self._backup_problem = problem
            self.status_message.emit(problem or f"Backup of {self._session.path.name} written.")

    def run(self, command: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """Run an application command on the session; a refusal is reported, not raised.

        Returns:
            The command's result, or ``None`` when it was refused.
        """
        try:
            return command(self._session, *args, **kwargs)
        except FacilitatorError as error:
            self.error_reported.emit("Action not done", str(error))
            return None

    @property
    def undo_label(self) -> str | None:
        """What Undo would reverse."""
        return self._session.undo_label

    @property
    def redo_label(self) -> str | None:
        """What Redo would repeat."""
        return self._session.redo_label

    def undo(self) -> None:
        """Reverse the last action."""
        self.run(lambda session: session.undo())

    def redo(self) -> None:
        """Repeat the last undone action."""
        self.run(lambda session: session.redo())

    def back_up_in_background(self) -> None:
        """Take the opening backup of the workshop on a worker thread, without a progress bar.

        A failed backup is reported; the workshop itself is untouched either way.
        """
        path = self._session.path

        def _failed(error: BaseException) -> None:
            self.status_message.emit(f"The backup of {path.name} could not be written: {error}")

        run_in_background(lambda _progress: take_file_backup(path), lambda _result: None, _failed)

    def _switch(self, session: WorkshopSession) -> None:
        self._session.unsubscribe(self._on_session_changed)
        self._session.close()
        self._session = session
        session.subscribe(self._on_session_changed)
        self.workshop_opened.emit()
        self.workshop_changed.emit(Changes.all("Open workshop"))

    def open_workshop(self, path: Path) -> bool:
        """Open another workshop file; the current one stays open if that fails."""
        if Path(path).resolve() == self._session.path.resolve():
            return True
        try:
            session = workshops.open_workshop(Path(path), backup=False, program=WINDOW_PROGRAM)
        except DamagedWorkshopError as error:
            self.workshop_damaged.emit(Path(path), str(error))
            return False
        except FacilitatorError as error:
            self.error_reported.emit("Cannot open workshop", str(error))
            return False
        self._switch(session)
        self.back_up_in_background()
        return True

    def new_workshop(self, path: Path, sample: bool = False) -> bool:
        """Create a workshop file and switch to it."""
        try:
            session = workshops.create_workshop(Path(path), sample=sample, program=WINDOW_PROGRAM)
        except FacilitatorError as error:
            self.error_reported.emit("Cannot create workshop", str(error))
            return False
        self._switch(session)
        return True

    def run_task(
        self,
        title: str,
        work: Callable[[Progress], T],
        on_done: Callable[[T], None] | None = None,
    ) -> None:
        """Run slow work off the GUI thread with progress; refusals are reported like commands."""
        self.busy += 1
        self.task_started.emit(title)

        def _done(result: Any) -> None:
            self.busy -= 1
            self.task_ended.emit()
            if on_done is not None:
                on_done(result)

        def _failed(error: BaseException) -> None:
            self.busy -= 1
            self.task_ended.emit()
            if isinstance(error, FacilitatorError):
                self.error_reported.emit(f"{title} not done", str(error))
            elif isinstance(error, OSError):
                self.error_reported.emit(f"{title} not done", describe_system_error(error))
            else:
                raise error

        run_in_background(work, _done, _failed, self.task_progressed.emit)

    def run_query(
        self,
        title: str,
        query: Callable[[WorkshopSession, Progress], T],
        on_done: Callable[[T], None] | None = None,
    ) -> None:
        """Read the workshop off the GUI thread, through a read-only session of the worker's own.

        A SQLite connection belongs to the thread that opened it, and a reader takes no lock and
        no backup, so a long export or solve never holds up the window's writes (WAL readers see
        the last commit).
        """
        path = self._session.path

        def work(progress: Progress) -> T:
            reader = WorkshopSession.open_reader(path)
            try:
                return query(reader, progress)
            finally:
                reader.close()

        self.run_task(title, work, on_done)

    def export(self, kind_key: str, options: ExportOptions | None = None, output: Path | None = None) -> None:
        """Write a document in the background, then announce it for preview."""
        from facilitator.app.exports import EXPORT_KINDS, ExportOptions, default_output, export_document

        options = options or ExportOptions()
        kind = EXPORT_KINDS[kind_key]
        target = Path(output) if output else default_output(self._session, kind, options)

        def write(reader: WorkshopSession, progress: Progress) -> Path:
            return export_document(reader, kind_key, target, replace(options, progress=progress))

        self.run_query(f"Export {kind.title.lower()}", write, self._on_exported)

    def _on_exported(self, path: Path) -> None:
        self.status_message.emit(f"Saved {path}")
        if path.suffix.lower() == ".pdf":
            self.document_ready.emit(path)

    def show_document(self, path: Path) -> None:
        """Ask the main window to preview a document."""
        self.document_ready.emit(Path(path))

    def close(self) -> None:
        """Close the workshop file."""
        self._session.unsubscribe(self._on_session_changed)
        self._session.close()
