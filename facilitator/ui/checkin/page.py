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
from facilitator.core.errors import FacilitatorError
from facilitator.core.participants import SEX_LABELS
from facilitator.core.wording import counted
from facilitator.ui.checkin.feedback import FeedbackPanel
from facilitator.ui.checkin.search import SearchPanel, looks_like_code, make_table
from facilitator.ui.checkin.walk_in import WalkInForm
from facilitator.ui.controller import Controller
from facilitator.ui.rows_model import RowsModel
from facilitator.ui.widgets import button

__all__ = ["CheckinPage"]

#: Check-ins listed on the desk (the attendance report has them all).
_RECENT_ROWS = 50

#: Width of the delegation column in the list of check-ins: a code whole, an organisation cut.
_DELEGATION_WIDTH = 80


class CheckinPage(QWidget):
    """The registration desk.

    Shortcuts: Enter checks in what was scanned or typed; Ctrl+F searches by name; F3 opens the
    walk-in form; F8 undoes the last check-in; Alt+1 … Alt+9 choose the day; Esc goes back to the
    scan field; F11 opens the desk on its own screen (or toggles full screen there).

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
        self._times: dict[int, str] = {}

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
        self.recent_model = RowsModel(("Time", "Name", "Delegation"))
        self.counts_model = RowsModel(("Group", "Present", "Expected"))
        self.walk_in = WalkInForm()
        self.walk_in.submitted.connect(self.register_walk_in)

        self._build_layout()
        for key, slot in (
            ("Ctrl+F", self.search.field.setFocus),
            ("F3", self.walk_in.name.setFocus),
            ("F8", self.undo_last_checkin),
            ("F11", self._on_full_screen_requested),
            ("Esc", self.focus_scan_field),
        ):
            shortcut = QShortcut(QKeySequence(key), self, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for number in range(1, 10):
            shortcut = QShortcut(QKeySequence(f"Alt+{number}"), self, lambda n=number: self.set_day(n))
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        controller.workshop_changed.connect(self._on_workshop_changed)
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

    def _run_check_in(self, command: Callable[[WorkshopSession], checkin.CheckinResult]) -> bool:
        """Run a check-in and show its outcome; True when someone was checked in."""
        try:
            result = command(self.session)
        except checkin.AlreadyCheckedIn as duplicate:
            self.feedback.show_duplicate(
                duplicate.participant,
                f"First check-in for day {duplicate.first.day} at {duplicate.first.scanned_at:%H:%M}. "
                "Nothing was changed.",
            )
            return False
        except FacilitatorError as error:
            self.feedback.show_refused("Not checked in", str(error))
            return False
        self.feedback.show_accepted(result.participant, result.message)
        return True

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
        accepted = self._run_check_in(lambda s: checkin.check_in_code(s, text, self.day, now=self.clock))
        self.focus_scan_field()
        return accepted

    def _on_scan_field_return_pressed(self) -> None:
        text = self.scan_field.text()
        self.scan_field.clear()
        self.check_in_text(text)

    def check_in_participant(self, participant_id: int) -> bool:
        """Check in someone found by name."""
        accepted = self._run_check_in(
            lambda s: checkin.check_in_participant(s, participant_id, self.day, "search", self.clock)
        )
        if accepted:
            self.search.field.clear()
        self.focus_scan_field()
        return accepted

    def undo_last_checkin(self) -> None:
        """Reverse the last check-in of the day."""
        try:
            changes = checkin.undo_last_checkin(self.session, self.day)
        except FacilitatorError as error:
            self.feedback.show_refused("Nothing to undo", str(error))
        else:
            self.feedback.show_undone(f"{changes.label}.")
        self.focus_scan_field()

    def register_walk_in(self, values: dict[str, str]) -> None:
        """Register a walk-in, check them in, and print their name tag if asked."""
        try:
            result = checkin.register_walk_in(self.session, self.day, now=self.clock, **values)
        except FacilitatorError as error:
            self.feedback.show_refused(
                "Walk-in not registered", f"{error} Correct the form, then press Enter to register."
            )
            self.walk_in.focus_field_of(str(error))
            return
        self.feedback.show_accepted(result.participant, f"Registered as a walk-in. {result.message}")
        self.walk_in.clear()
        if self.walk_in.print_tag.isChecked():
            self.print_name_tag(result.participant.id)
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
        """Show a second desk, full screen on the last display (the one facing the queue)."""
        if self.desk_window is None:
            self.desk_window = CheckinPage(self.controller)
            self.desk_window.is_desk_window = True
            self.desk_window.setWindowFlag(Qt.WindowType.Window)
            self.desk_window.setWindowTitle("Check-in desk")
            self.desk_window.resize(1280, 800)
        screens = QApplication.screens()
        window = self.desk_window
        window.set_day(self.day)
        if len(screens) > 1:
            window.setScreen(screens[-1])
            window.move(screens[-1].geometry().topLeft())
            window.showFullScreen()
        else:
            window.show()
        window.raise_()
        window.activateWindow()

    def _on_full_screen_requested(self) -> None:
        if not self.is_desk_window:
            self.open_desk_window()
        elif self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    # Refreshing --------------------------------------------------------------------------------

    def _on_day_changed(self) -> None:
        self.feedback.show_idle(f"Checking in for {self.day_choice.currentText()}")
        self.refresh()
        self.focus_scan_field()

    def _on_workshop_changed(self, changes: Changes) -> None:
        if changes.touches(WORKSHOP):
            self._fill_days()
        if changes.touches(CHECKIN, ROSTER, WORKSHOP):
            self.refresh()

    def refresh(self) -> None:
        """Recount and relist from the workshop."""
        state = checkin.day_state(self.session, self.day)
        total = state.summary.total
        self.present_label.setText(f"<b>{total.present_total}</b> of {total.expected_total} present")
        rows: list[tuple[str, int, int]] = [("Everyone", total.present_total, total.expected_total)]
        for sex in ("F", "M", "X", ""):
            if total.expected.get(sex):
                rows.append((SEX_LABELS[sex], total.present.get(sex, 0), total.expected[sex]))
        rows += [(line.label, line.present_total, line.expected_total) for line in state.summary.by_sector]
        self.counts_model.set_rows(rows)
        self.recent_model.set_rows(
            [
                (f"{scan.scanned_at:%H:%M}", person.name, person.delegation)
                for scan, person in state.checked_in[:_RECENT_ROWS]
            ]
        )
        self._times = {person.id: f"{scan.scanned_at:%H:%M}" for scan, person in state.checked_in}
        self._refresh_search()

    def _refresh_search(self) -> None:
        text = self.search.field.text()
        people = [] if looks_like_code(text) else checkin.search_participants(self.session, text)
        self.search.show_results(people, self._times)
