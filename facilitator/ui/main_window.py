"""The main window: navigation to each capability's page, menus, and the "saved" status.

The window can appear before the workshop file is open. Opening it (SQLite and our storage code)
and building the roster page (its model, the Qt enums every item model needs, names laid out in
four scripts) take about as long as starting a bare window; ``run_gui`` does both right after the
window's first frame, which shows "Opening Roster…" for that blink. A window given its controller
at once (as the tests do) is complete from the start.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, cast

# Dialog and desktop classes are reached through their modules (QtWidgets.QFileDialog…): PySide6
# builds a class with all its enums on first use, and the window should not pay for that at start.
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator import __version__, paths
from facilitator.ui.pages import PAGES, PageSpec, load_page_class
from facilitator.ui.window_fit import restore_or_fit

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QPaintEvent

    from facilitator.app.changes import Changes
    from facilitator.ui.controller import Controller
    from facilitator.ui.roster.page import RosterPage

__all__ = ["MainWindow"]

_MAX_RECENT = 8


class _PlannedPage(QWidget):
    """Says plainly that a capability is not part of this build yet."""

    def __init__(self, spec: PageSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        label = QLabel(f"<h2>{spec.title}</h2><p>This page is not built yet.</p>")
        label.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        QVBoxLayout(self).addWidget(label)


class _OpeningPage(QWidget):
    """Holds the first page's place until the workshop is open; says once it has been drawn."""

    def __init__(self, spec: PageSpec, when_drawn: Callable[[], None]) -> None:
        super().__init__()
        self._when_drawn: Callable[[], None] | None = when_drawn
        column = QVBoxLayout(self)
        column.addWidget(QLabel(f"Opening {spec.title}…"))
        column.addStretch(1)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Report the first frame once it is on screen (a zero timer runs after the paint)."""
        super().paintEvent(event)
        if self._when_drawn is not None:
            QtCore.QTimer.singleShot(0, self._when_drawn)
            self._when_drawn = None


class MainWindow(QMainWindow):
    """Navigation list on the left, the current page on the right.

    Signals:
        drawn(): the window's first frame is on screen (emitted once, only while no workshop
            is attached).
    """

    drawn = Signal()

    def __init__(self, controller: Controller | None = None) -> None:
        super().__init__()
        self._controller: Controller | None = None
        self.settings = QSettings("Facilitator", "Facilitator")
        self._pages: dict[str, QWidget] = {}
        self._previews: list[QWidget] = []
        self.setMinimumSize(960, 600)

        self.navigation = QListWidget()
        metrics = self.navigation.fontMetrics()
        widest = max(metrics.horizontalAdvance(spec.title) for spec in PAGES)
        # As wide as the longest title: every pixel more is taken from the pages, which need it
        # on a 1280 × 720 projector.
        self.navigation.setFixedWidth(widest + 4 * metrics.averageCharWidth())
        for spec in PAGES:
            item = QListWidgetItem(spec.title)
            item.setToolTip(f"{spec.title} ({spec.shortcut})")
            self.navigation.addItem(item)
        last = str(self.settings.value("main/page", "roster"))
        first = next((i for i, spec in enumerate(PAGES) if spec.key == last), 0)
        self.stack = QStackedWidget()
        for index, spec in enumerate(PAGES):
            self.stack.addWidget(_OpeningPage(spec, self.drawn.emit) if index == first else QWidget())
        self.stack.setCurrentIndex(first)
        self.navigation.setCurrentRow(first)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(4, 4, 4, 0)
        row.addWidget(self.navigation)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.file_label = QLabel()
        self.saved_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(160)
        self.progress.setVisible(False)
        self.statusBar().addWidget(self.file_label, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.saved_label)

        self._build_menus()
        self.navigation.currentRowChanged.connect(self._on_navigation_row_changed)
        self.setWindowTitle("Facilitator")
        self.file_label.setText("Opening the workshop file…")
        restore_or_fit(self, self.settings.value("main/geometry"), 1280, 720)
        if controller is not None:
            self.attach(controller)

    @property
    def controller(self) -> Controller:
        """The controller of the open workshop (only once :meth:`attach` has been called)."""
        if self._controller is None:
            raise RuntimeError("No workshop is attached to the window yet.")
        return self._controller

    def attach(self, controller: Controller) -> None:
        """Show the open workshop: title, status, menus that need it, and the page in view."""
        self._controller = controller
        controller.workshop_changed.connect(self._on_workshop_changed)
        controller.workshop_opened.connect(self._on_workshop_opened)
        controller.workshop_damaged.connect(self._on_workshop_damaged)
        controller.error_reported.connect(self._on_error_reported)
        controller.document_ready.connect(self.preview_document)
        controller.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        controller.task_started.connect(self._on_task_started)
        controller.task_progressed.connect(self._on_task_progressed)
        controller.task_ended.connect(self._on_task_ended)
        for action in self._workshop_actions:
            action.setEnabled(True)
        from facilitator.ui.projector import build_timer_remote_with  # after the first frame

        build_timer_remote_with(self, lambda: self.page("agenda"))
        self._on_workshop_opened()
        self.saved_label.setText("All changes saved")
        self.show_page(PAGES[self.stack.currentIndex()].key)
        notice = controller.opening_notice()
        if notice:
            self.statusBar().showMessage(notice, 20000)

    # Menus -------------------------------------------------------------------------------------

    def _action(
        self, text: str, slot: object, shortcut: QKeySequence.StandardKey | str | None = None
    ) -> QAction:
        # Made with setters: the overloads of QAction(text, parent) and setShortcut that take an
        # icon or a Qt.Key would have PySide6 build those types and their enums (all of Qt's
        # namespace: about 20 ms) just to rule them out, on the way to the first frame.
        action = QAction(self)
        action.setText(text)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(QKeySequence.keyBindings(shortcut))
        elif shortcut is not None:
            action.setShortcuts([QKeySequence(shortcut)])
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu("&File")
        self._workshop_actions = [
            self._action("&New workshop…", self._on_new_triggered, QKeySequence.StandardKey.New),
            self._action("New workshop from the &sample…", lambda: self._on_new_triggered(True)),
            self._action("&Open workshop…", self._on_open_triggered, QKeySequence.StandardKey.Open),
        ]
        menu.addActions(self._workshop_actions)
        self.recent_menu = menu.addMenu("Open &recent")
        self.recent_menu.setEnabled(False)
        restore = self._action("Restore from &backup…", self._on_restore_triggered)
        menu.addAction(restore)
        self._workshop_actions.append(restore)
        menu.addSeparator()
        roster_actions = [
            self._action("&Import roster…", lambda: self._roster_page().choose_import_file(), "Ctrl+I"),
            self._action("&Export roster…", lambda: self._roster_page().choose_export_file(), "Ctrl+E"),
        ]
        menu.addActions(roster_actions)
        self._workshop_actions += roster_actions
        menu.addSeparator()
        self.room_action = self._action("Open &to the room…", self._on_room_triggered)
        self.room_action.setToolTip("Let phones on the venue Wi-Fi add red flags, vote and write group notes")
        menu.addAction(self.room_action)
        self._workshop_actions.append(self.room_action)
        for action in self._workshop_actions:
            action.setEnabled(False)
        menu.addAction(self._action("Open e&xports folder", self._on_exports_folder_triggered))
        menu.addSeparator()
        menu.addAction(self._action("&Quit", self.close, QKeySequence.StandardKey.Quit))

        edit = self.menuBar().addMenu("&Edit")
        self.undo_action = self._action(
            "&Undo", lambda: self.controller.undo(), QKeySequence.StandardKey.Undo
        )
        self.redo_action = self._action("&Redo", lambda: self.controller.redo(), "Ctrl+Shift+Z")
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)

        go = self.menuBar().addMenu("&Go")
        for spec in PAGES:
            go.addAction(
                self._action(spec.title, lambda _=False, k=spec.key: self.show_page(k), spec.shortcut)
            )

        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self._action("&About Facilitator", self._on_about_triggered))

    def _refresh_recent(self) -> None:
        self.recent_menu.clear()
        recent = [p for p in self._recent_files() if Path(p).is_file()]
        for path in recent:
            self.recent_menu.addAction(
                self._action(path, lambda _=False, p=path: self.controller.open_workshop(Path(p)))
            )
        self.recent_menu.setEnabled(bool(recent))

    def _recent_files(self) -> list[str]:
        value = self.settings.value("recent", [])
        return [str(v) for v in value] if isinstance(value, list) else [str(value)] if value else []

    def _remember(self, path: Path) -> None:
        known = self._recent_files()
        recent = ([str(path)] + [p for p in known if p != str(path)])[:_MAX_RECENT]
        if recent != known:  # an unchanged list is not written: each write is a file sync
            self.settings.setValue("recent", recent)

    # Pages -------------------------------------------------------------------------------------

    def page(self, key: str) -> QWidget:
        """The page with ``key``, built on first use; its placeholder until a workshop is attached."""
        index = next(i for i, spec in enumerate(PAGES) if spec.key == key)
        if key not in self._pages and self._controller is not None:
            spec = PAGES[index]
            # Every page class takes (controller, parent); load_page_class knows only QWidget.
            page_class = cast("Callable[[Controller, QWidget], QWidget] | None", load_page_class(spec))
            widget = page_class(self.controller, self) if page_class else _PlannedPage(spec, self)
            old = self.stack.widget(index)
            if old is not None:
                self.stack.removeWidget(old)
                old.deleteLater()
            self.stack.insertWidget(index, widget)
            self._pages[key] = widget
        return cast("QWidget", self.stack.widget(index))  # the stack has every page's place

    def show_page(self, key: str) -> QWidget:
        """Switch to a page."""
        widget = self.page(key)
        index = self.stack.indexOf(widget)
        self.stack.setCurrentIndex(index)
        if self.navigation.currentRow() != index:
            self.navigation.setCurrentRow(index)
        if self.settings.value("main/page") != key:
            self.settings.setValue("main/page", key)
        return widget

    def _on_navigation_row_changed(self, row: int) -> None:
        if 0 <= row < len(PAGES):
            self.show_page(PAGES[row].key)

    # Controller signals ------------------------------------------------------------------------

    def _on_workshop_opened(self) -> None:
        session = self.controller.session
        self.setWindowTitle(f"{session.info.display_title} — Facilitator")
        self.file_label.setText(f"Workshop file: {session.path}")
        self._remember(session.path)
        self._refresh_recent()
        self._update_undo_actions()

    def _on_workshop_changed(self, changes: Changes) -> None:
        self.saved_label.setText(f"All changes saved · {datetime.now():%H:%M:%S}")
        if changes.label and not changes.everything:
            self.statusBar().showMessage(f"{changes.label} — saved", 5000)
        if changes.touches("workshop"):
            self.setWindowTitle(f"{self.controller.session.info.display_title} — Facilitator")
        self._update_undo_actions()

    def _update_undo_actions(self) -> None:
        undo, redo = self.controller.undo_label, self.controller.redo_label
        self.undo_action.setEnabled(undo is not None)
        self.undo_action.setText(f"&Undo {undo}" if undo else "&Undo")
        self.redo_action.setEnabled(redo is not None)
        self.redo_action.setText(f"&Redo {redo}" if redo else "&Redo")

    def _on_error_reported(self, title: str, message: str) -> None:
        QtWidgets.QMessageBox.warning(self, title, message)

    def _on_task_started(self, title: str) -> None:
        self.progress.setRange(0, 0)
        self.progress.setFormat(title)
        self.progress.setVisible(True)
        self.statusBar().showMessage(f"{title}…")

    def _on_task_progressed(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        self.statusBar().showMessage(f"Working… {done}" + (f" of {total}" if total else " pages"))

    def _on_task_ended(self) -> None:
        if not self.controller.busy:
            self.progress.setVisible(False)
            self.statusBar().clearMessage()

    def preview_document(self, path: Path) -> QWidget:
        """Open a document in the in-app preview (non-modal, so work can go on)."""
        from facilitator.ui.document_preview import DocumentPreview  # QtPdf loads only when needed.

        preview = DocumentPreview(Path(path), self)
        self._previews = [p for p in self._previews if p.isVisible()] + [preview]
        preview.show()
        return preview

    # File actions ------------------------------------------------------------------------------

    def _on_new_triggered(self, sample: bool = False) -> None:
        name, _ = QtWidgets.QFileDialog.getSaveFileName(
            self, "New workshop file", str(paths.sessions_dir() / "workshop.sqlite"), "Workshop (*.sqlite)"
        )
        if name:
            path = Path(name) if name.endswith(".sqlite") else Path(name + ".sqlite")
            self.controller.new_workshop(path, sample=sample)

    def _on_open_triggered(self) -> None:
        name, _ = QtWidgets.QFileDialog.getOpenFileName(
            self, "Open workshop file", str(paths.sessions_dir()), "Workshop (*.sqlite);;All files (*)"
        )
        if name:
            self.controller.open_workshop(Path(name))

    def _on_restore_triggered(self) -> None:
        from facilitator.app.backups import restore_backup
        from facilitator.ui.backup_dialog import RestoreBackupDialog

        dialog = RestoreBackupDialog(self.controller.session.path, self)
        chosen = dialog.chosen() if dialog.exec() else None
        if chosen is not None and self.controller.run(restore_backup, chosen.path) is not None:
            self.statusBar().showMessage(f"Restored the backup taken {chosen.describe()}.", 10000)

    def _on_workshop_damaged(self, path: Path, problem: str) -> None:
        from facilitator.ui.backup_dialog import offer_newest_backup

        copy = offer_newest_backup(self, path, problem)
        if copy is not None:
            self.controller.open_workshop(copy)

    def _roster_page(self) -> RosterPage:
        return cast("RosterPage", self.show_page("roster"))

    def _on_room_triggered(self) -> None:
        from facilitator.ui.room import open_room  # the room's code loads only when it is used

        open_room(self, self.controller, getattr(self._pages.get("boards"), "board_id", ""))

    def _on_exports_folder_triggered(self) -> None:
        QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(str(paths.exports_dir())))

    def _on_about_triggered(self) -> None:
        QtWidgets.QMessageBox.about(
            self,
            "About Facilitator",
            f"<b>Facilitator {__version__}</b><p>An offline desk for running a multi-agency workshop: "
            "roster, check-in, agenda timer, breakout groups, red-flag boards and guidelines.</p>",
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save a cell still being typed in and remember the window's place (all else is saved)."""
        from facilitator.ui.spreadsheet_table import commit_open_edit

        commit_open_edit(self)
        self.settings.setValue("main/geometry", self.saveGeometry())
        super().closeEvent(event)
