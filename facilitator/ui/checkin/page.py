"""Check-in desk page: a scan field that keeps the focus, name search, walk-ins, live counts.

A USB scanner is a keyboard: it types the code and Enter into whatever has the focus. So the scan
field takes the focus back from anything that is not a text field the person at the desk is
using, and the search field also accepts a scanned code. Each answer is shown large and in colour
(green, amber, red) and stays until the next one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.app import checkin
from facilitator.app.changes import CHECKIN, ROSTER, WORKSHOP, Changes
from facilitator.app.session import WorkshopSession
from facilitator.core.wording import counted
from facilitator.ui.change_follower import ChangeFollower
from facilitator.ui.checkin.feedback import FeedbackPanel
from facilitator.ui.checkin.search import SearchPanel, looks_like_code, make_table
from facilitator.ui.checkin.tally import DayTally
from facilitator.ui.checkin.walk_in import WalkInForm
from facilitator.ui.controller import Controller
from facilitator.ui.keyed_rows_model import KeyedRowsModel
from facilitator.ui.widgets import button
from facilitator.ui.window_fit import fit_to_screen

__all__ = ["CheckinPage"]

#: Check-ins listed on the desk (the attendance report has them all).
_RECENT_ROWS = 50

#: The desk window's size when it is not full screen, if the screen has room for it.
_DESK_SIZE = (1280, 800)

#: Panel states that name a person, whose truth a reload of unknown changes cannot vouch for.
_ABOUT_SOMEONE = frozenset({"accepted", "duplicate", "undone"})

#: Width of the delegation column in the list of check-ins: a code whole, an organisation cut.
_DELEGATION_WIDTH = 80


class CheckinPage(QWidget):
    """The registration desk.

    Shortcuts: Enter checks in what was scanned or typed; Ctrl+F searches by name; F3 opens the
    walk-in form; F8 undoes the last check-in; Alt+1 … Alt+9 choose the day; Esc goes back to the
    scan field (leaving full screen first); F11 opens the desk window full screen, or toggles it.

    Attributes:
        clock: Local time of check-ins (replaced in tests).
    """

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.clock: Callable[[], datetime] = datetime.now
        self.desk_window: CheckinPage | None = None
        #: Whether this desk is the separate window facing the queue (its full-screen key toggles).
        self.is_desk_window = False

        self.day_choice = QComboBox()
        self.day_choice.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.day_choice.currentIndexChanged.connect(self._on_day_changed)
        self.present_label = QLabel()
        font = self.present_label.font()
        font.setPointSize(20)
        self.present_label.setFont(font)
        self.scan_field = QLineEdit()
        self.scan_field.setPlaceholderText("Scan a name tag, or type a code and press Enter")
        scan_font = self.scan_field.font()
        scan_font.setPointSize(20)
        self.scan_field.setFont(scan_font)
        self.scan_field.returnPressed.connect(self._on_scan_field_return_pressed)
        self.feedback = FeedbackPanel()

        self.search = SearchPanel()
        self.search.field.textChanged.connect(self._refresh_search)
        self.search.check_in_requested.connect(self.check_in_participant)
        self.search.print_requested.connect(self.print_name_tag)
        self.search.code_entered.connect(self.check_in_text)
        self.recent_model = KeyedRowsModel(("Time", "Name", "Delegation"))
        self.counts_model = KeyedRowsModel(("Group", "Present", "Expected"))
        self.walk_in = WalkInForm()
        self.walk_in.submitted.connect(self.register_walk_in)

        self.tally: DayTally
        self._build_layout()
        for key, slot in (
            ("Ctrl+F", self.search.field.setFocus),
            ("F3", self.walk_in.name.setFocus),
            ("F8", self.undo_last_checkin),
            ("F11", self._on_full_screen_requested),
            ("Esc", self._on_escape_pressed),
        ):
            shortcut = QShortcut(QKeySequence(key), self, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for number in range(1, 10):
            shortcut = QShortcut(QKeySequence(f"Alt+{number}"), self, lambda n=number: self.set_day(n))
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.follower = ChangeFollower(self, controller, self._on_workshop_changed, CHECKIN, ROSTER, WORKSHOP)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_application_focus_changed)
        self._fill_days()
        self.refresh()

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel("Day"))
        top.addWidget(self.day_choice)
        top.addStretch(1)
        top.addWidget(self.present_label)
        top.addStretch(1)
        top.addWidget(
            button(
                "Undo last check-in",
                self.undo_last_checkin,
                "Undo the last check-in of this day (F8)",
                takes_focus=False,
            )
        )
        top.addWidget(
            button(
                "Full-screen desk",
                self._on_full_screen_requested,
                "Open the desk full screen on its own display (F11)",
                takes_focus=False,
            )
        )

        recent_box = QGroupBox("Checked in (newest first)")
        self.recent_table = recent_table = make_table(self.recent_model)
        # The name takes the width: a long organisation name must not squeeze it to a few letters.
        recent_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        recent_table.setColumnWidth(2, _DELEGATION_WIDTH)
        QVBoxLayout(recent_box).addWidget(recent_table)
        counts_box = QGroupBox("Present by sex and sector")
        self.counts_table = make_table(self.counts_model, 0, fit_columns=True)
        QVBoxLayout(counts_box).addWidget(self.counts_table)

        grid = QGridLayout(self)
        grid.addLayout(top, 0, 0, 1, 3)
        grid.addWidget(self.scan_field, 1, 0, 1, 2)
        grid.addWidget(self.feedback, 2, 0, 1, 2)
        grid.addWidget(self.search, 3, 0)
        grid.addWidget(self.walk_in, 3, 1)
        grid.addWidget(counts_box, 1, 2, 2, 1)
        grid.addWidget(recent_box, 3, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 2)
        grid.setRowStretch(3, 1)

    @property
    def session(self) -> WorkshopSession:
        """The open workshop."""
        return self.controller.session

    @property
    def day(self) -> int:
        """The day people are checked in for."""
        return int(self.day_choice.currentData() or 1)

    def set_day(self, day: int) -> None:
        """Choose the day, if the workshop has it."""
        index = self.day_choice.findData(day)
        if index >= 0:
            self.day_choice.setCurrentIndex(index)

    def _fill_days(self) -> None:
        current = self.day_choice.currentData() or checkin.current_day(self.session)
        self.day_choice.blockSignals(True)
        self.day_choice.clear()
        for day in range(1, (checkin.workshop_days(self.session) or 1) + 1):
            self.day_choice.addItem(checkin.day_label(self.session, day), day)
        self.day_choice.blockSignals(False)
        self.set_day(int(current))

    # Focus -------------------------------------------------------------------------------------

    def _text_inputs(self) -> list[QWidget]:
        return [self.scan_field, self.search.field, *self.walk_in.inputs()]

    def _on_application_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and self.isAncestorOf(new) and new not in self._text_inputs():
            self.scan_field.setFocus()

    def focus_scan_field(self) -> None:
        """Give the keyboard (and the scanner) back to the scan field."""
        self.scan_field.setFocus()
        self.scan_field.selectAll()

    def showEvent(self, event: QShowEvent) -> None:
        """Take the focus whenever the desk is shown."""
        super().showEvent(event)
        self.focus_scan_field()

    # Checking in -------------------------------------------------------------------------------

    def _show_answer(self, answer: checkin.DeskAnswer | None, refused: str) -> bool:
        """Show a command's answer (``None``: refused, and the controller said why); True when
        someone was checked in."""
        if answer is None:
            return False
        if answer.outcome == "refused":
            self.feedback.show_refused(refused, answer.message)
        elif answer.participant is None:
            self.feedback.show_undone(answer.message)
        elif answer.outcome == "duplicate":
            self.feedback.show_duplicate(answer.participant, answer.message)
        else:
            self.feedback.show_accepted(answer.participant, answer.message)
        return answer.outcome == "accepted"

    def check_in_text(self, text: str) -> bool:
        """Check in by a scanned or typed code; text that is not a code becomes a name search."""
        text = text.strip()
        if not text:
            return False
        if not looks_like_code(text):
            self.search.field.setText(text)
            count = self.search.model.rowCount()
            if count:
                self.feedback.show_search(
                    f"Showing {counted(count, 'name')} matching '{text}': choose with Up"
                    " and Down, then press Enter to check in."
                )
            else:
                self.feedback.show_search(
                    f"No name matches '{text}', and it is not a whole check-in code. Scan the QR "
                    "code again, search by another part of the name, or register a walk-in (F3)."
                )
            self.search.field.setFocus()
            return False
        answer = self.controller.run(checkin.desk_scan, text, self.day, self.clock)
        accepted = self._show_answer(answer, "Not checked in")
        self.focus_scan_field()
        return accepted

    def _on_scan_field_return_pressed(self) -> None:
        text = self.scan_field.text()
        self.scan_field.clear()
        self.check_in_text(text)

    def check_in_participant(self, participant_id: int) -> bool:
        """Check in someone found by name."""
        answer = self.controller.run(checkin.desk_check_in, participant_id, self.day, self.clock)
        accepted = self._show_answer(answer, "Not checked in")
        if accepted:
            self.search.field.clear()
        self.focus_scan_field()
        return accepted

    def undo_last_checkin(self) -> None:
        """Reverse the last check-in of the day."""
        self._show_answer(self.controller.run(checkin.desk_undo, self.day), "Nothing to undo")
        self.focus_scan_field()

    def register_walk_in(self, values: dict[str, str]) -> None:
        """Register a walk-in, check them in, and print their name tag if asked."""
        answer = self.controller.run(checkin.desk_walk_in, self.day, self.clock, **values)
        if answer is None:
            return
        if answer.outcome == "refused":
            self.feedback.show_refused(
                "Walk-in not registered", f"{answer.message} Correct the form, then press Enter to register."
            )
            self.walk_in.focus_field_of(answer.message)
            return
        self._show_answer(answer, "Walk-in not registered")
        self.walk_in.clear()
        if self.walk_in.print_tag.isChecked() and answer.participant is not None:
            self.print_name_tag(answer.participant.id)
        self.focus_scan_field()

    # Printing ----------------------------------------------------------------------------------

    def print_name_tag(self, participant_id: int) -> None:
        """Write one person's name tag in the background and open it in the preview."""
        from facilitator.app.checkin_documents import export_name_tags
        from facilitator.app.exports import EXPORT_KINDS, ExportOptions, default_output

        options = ExportOptions(sheet=str(self.walk_in.sheet.currentData()))
        target = default_output(self.session, EXPORT_KINDS["name-tags"], options)
        only = [participant_id]
        self.controller.run_query(
            "Print name tag",
            lambda reader, _progress: export_name_tags(reader, target, options, participant_ids=only),
            self.controller.show_document,
        )
        self.focus_scan_field()

    # Desk window -------------------------------------------------------------------------------

    def open_desk_window(self) -> None:
        """Show a second desk full screen, on the last display (the one facing the queue)."""
        if self.desk_window is None:
            self.desk_window = CheckinPage(self.controller)
            self.desk_window.is_desk_window = True
            self.desk_window.setWindowFlag(Qt.WindowType.Window)
            self.desk_window.setWindowTitle("Check-in desk")
        window = self.desk_window
        window.set_day(self.day)
        screen = QApplication.screens()[-1]
        window.setScreen(screen)
        window.move(screen.availableGeometry().topLeft())
        fit_to_screen(window, *_DESK_SIZE)
        window.showFullScreen()
        window.raise_()
        window.activateWindow()

    def _on_full_screen_requested(self) -> None:
        if not self.is_desk_window:
            self.open_desk_window()
        elif self.isFullScreen():
            self._leave_full_screen()
        else:
            self.showFullScreen()

    def _leave_full_screen(self) -> None:
        """Back to a window that fits the screen's free area, so its title bar can close it."""
        self.showNormal()
        fit_to_screen(self, *_DESK_SIZE)

    def _on_escape_pressed(self) -> None:
        """Esc gives the scan field back; on the full-screen desk it first leaves full screen.

        A second Esc does not close the desk window: at a busy desk Esc is the key for "back to
        the scan field", and a closed desk in front of a queue costs more than a click on the
        window's close button.
        """
        if self.is_desk_window and self.isFullScreen():
            self._leave_full_screen()
        self.focus_scan_field()

    # Following the workshop --------------------------------------------------------------------

    def _on_day_changed(self) -> None:
        self.feedback.show_idle(f"Checking in for {self.day_choice.currentText()}")
        self.refresh()
        self.focus_scan_field()

    def _on_workshop_changed(self, changes: Changes) -> None:
        """Update the rows an action touched; say what another window, Undo or Redo did."""
        if changes.touches(WORKSHOP):
            self._fill_days()
        update = self.tally.apply(self.session, changes)
        if update is None:
            if self.feedback.state in _ABOUT_SOMEONE:
                self.feedback.show_idle(f"Checking in for {self.day_choice.currentText()}")
            self._show_tally(search_again=True)
            return
        if update.added:
            scan, person = update.added[-1]
            self.feedback.show_accepted(person, checkin.CheckinResult(person, scan).message)
        elif update.removed:
            self.feedback.show_undone(f"{changes.label}.")
        if update.added or update.removed or update.people_changed:
            self._show_tally(search_again=update.people_changed)

    def refresh(self) -> None:
        """Read the day again and show it (a day was chosen, or the workshop was opened)."""
        self.tally = DayTally(self.session, self.day)
        self._show_tally(search_again=True)

    def _show_tally(self, search_again: bool) -> None:
        rows = self.tally.count_rows()
        self.present_label.setText(f"<b>{rows[0][1]}</b> of {rows[0][2]} present")
        self.counts_model.set_rows([(row[0], row) for row in rows])
        self.recent_model.set_rows(
            [
                (scan.id, (f"{scan.scanned_at:%H:%M}", person.name, person.delegation))
                for scan, person in self.tally.checked_in()[:_RECENT_ROWS]
            ]
        )
        if search_again:
            self._refresh_search()
        else:
            self.search.show_times(self.tally.times())

    def _refresh_search(self) -> None:
        text = self.search.field.text()
        people = [] if looks_like_code(text) else checkin.search_people(self.tally.people.values(), text)
        self.search.show_results(people, self.tally.times())
