"""The facilitator's timer controls: countdown, start/pause/next/±min, the live re-plan and the
projector's settings.

The panel polls the shared :class:`AgendaTimer` with a ``QTimer`` and never counts time itself.
Every button runs a timer command through the controller, so a refusal shows as a message.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from facilitator.app.changes import TIMER, Changes
from facilitator.app.timer import AgendaTimer
from facilitator.core.agenda import clock_text
from facilitator.core.timer_view import TimerView
from facilitator.ui.agenda.projector import PHASE_COLOURS, REFRESH_MS
from facilitator.ui.controller import Controller
from facilitator.ui.projector import screen_names
from facilitator.ui.widgets import button

__all__ = ["TimerPanel"]

_PANEL_COLOURS = {**PHASE_COLOURS, "normal": "#1d2433", "amber": "#b76e00"}


#: The timer's buttons leave keyboard focus where it is, so its single-key shortcuts keep working.
_button = partial(button, takes_focus=False)


class TimerPanel(QWidget):
    """Countdown and controls beside the agenda table.

    Signals:
        projector_requested(int): open the projector on the screen with this index.
        go_to_requested(): time the item selected in the table.
        refreshed(TimerView): the timer was read (for views that show it too, like the table).
    """

    projector_requested = Signal(int)
    go_to_requested = Signal()
    refreshed = Signal(object)

    def __init__(self, controller: Controller, timer: AgendaTimer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.timer = timer
        self.setMinimumWidth(340)

        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        title_font = QFont()
        title_font.setPointSize(12)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        self.countdown_label = QLabel("00:00")
        big = QFont()
        big.setPixelSize(64)
        big.setBold(True)
        self.countdown_label.setFont(big)
        self.countdown_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status_label = QLabel()
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_label = QLabel()
        self.next_label.setWordWrap(True)
        self.late_label = QLabel()
        self.late_label.setWordWrap(True)
        self.advice_label = QLabel()
        self.advice_label.setWordWrap(True)
        self.recover_button = _button(
            "Recover time", self.recover, "Cut the suggested minutes from later flexible items"
        )

        self.start_button = _button("Start", self.toggle, "Start or pause the countdown (Space)")
        controls = QGridLayout()
        go_to = _button(
            "Time selected item", self.go_to_requested.emit, "Make the item selected in the table current (G)"
        )
        clear = _button(
            "Clear actual times…", self.clear_record, "Forget every actual time, e.g. after a rehearsal"
        )
        buttons = [
            (self.start_button, 0, 0, 1, 2),
            (_button("◀ Previous", self.previous, "Back to the previous item (P)"), 0, 2, 1, 1),
            (_button("Next ▶", self.next, "Finish this item and go to the next (N)"), 0, 3, 1, 1),
            (_button("−1 min", lambda: self.adjust(-1), "Take a minute away (−)"), 1, 0, 1, 1),
            (_button("+1 min", lambda: self.adjust(1), "Give a minute more (+)"), 1, 1, 1, 1),
            (_button("+5 min", lambda: self.adjust(5), "Give five minutes more"), 1, 2, 1, 1),
            (_button("Reset", self.reset, "Back to the full planned time, not started"), 1, 3, 1, 1),
            (go_to, 2, 0, 1, 2),
            (clear, 2, 2, 1, 2),
        ]
        for widget, row, column, rows, columns in buttons:
            controls.addWidget(widget, row, column, rows, columns)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.countdown_label)
        layout.addWidget(self.status_label)
        layout.addLayout(controls)
        layout.addWidget(self.next_label)
        layout.addWidget(self.late_label)
        layout.addWidget(self.advice_label)
        layout.addWidget(self.recover_button)
        layout.addWidget(self._projector_box())
        layout.addStretch(1)

        self.poll = QTimer(self)
        self.poll.setInterval(REFRESH_MS)
        self.poll.timeout.connect(self.refresh)
        controller.workshop_changed.connect(self._on_workshop_changed)
        self._show_settings()
        self.refresh()

    def _projector_box(self) -> QGroupBox:
        box = QGroupBox("Projector")
        self.screen_combo = QComboBox()
        self.screen_combo.addItems(screen_names())
        self.screen_combo.setCurrentIndex(self.screen_combo.count() - 1)
        open_button = _button(
            "Open projector", self.open_projector, "Show the timer on the chosen screen (F5)"
        )
        self.message_edit = QLineEdit()
        self.message_edit.setPlaceholderText("Message to the room")
        self.message_edit.setToolTip(
            "A line for the projector, e.g. Please return to plenary (Enter shows it)"
        )
        self.message_edit.returnPressed.connect(self.show_message)
        show_button = _button("Show", self.show_message, "Show the message on the projector (Enter)")
        clear_button = _button("Clear", self.clear_message, "Remove the message")
        self.agenda_only_check = QCheckBox("Day's agenda instead of the countdown")
        self.flash_check = QCheckBox("Flash when over time")
        self.chime_check = QCheckBox("Chime at time-up")
        self.amber_spin = QSpinBox()
        self.red_spin = QSpinBox()
        for spin, suffix in ((self.amber_spin, " min left: amber"), (self.red_spin, " min left: red")):
            spin.setRange(0, 60)
            spin.setSuffix(suffix)
        for check in (self.agenda_only_check, self.flash_check, self.chime_check):
            check.toggled.connect(self._on_setting_edited)
        for spin in (self.amber_spin, self.red_spin):
            spin.editingFinished.connect(self._on_setting_edited)
        screen_row = QHBoxLayout()
        screen_row.addWidget(self.screen_combo, 1)
        screen_row.addWidget(open_button)
        message_row = QHBoxLayout()
        message_row.addWidget(self.message_edit, 1)
        message_row.addWidget(show_button)
        message_row.addWidget(clear_button)
        thresholds = QHBoxLayout()
        thresholds.addWidget(self.amber_spin)
        thresholds.addWidget(self.red_spin)
        layout = QVBoxLayout(box)
        layout.addLayout(screen_row)
        layout.addLayout(message_row)
        layout.addWidget(self.agenda_only_check)
        layout.addLayout(thresholds)
        layout.addWidget(self.flash_check)
        layout.addWidget(self.chime_check)
        return box

    def showEvent(self, event: QShowEvent) -> None:
        """Show the timer as it is at once, not as built, and poll while shown."""
        super().showEvent(event)
        self.poll.start()
        self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        """A hidden panel does no work: the projector polls the timer by itself."""
        self.poll.stop()
        super().hideEvent(event)

    def set_timer(self, timer: AgendaTimer) -> None:
        """Follow another workshop's timer."""
        self.timer = timer
        self._show_settings()
        self.refresh()

    # Commands ----------------------------------------------------------------------------------

    def _run(self, command: Callable[[], object]) -> None:
        self.controller.run(lambda _session: command())
        self.refresh()

    def toggle(self) -> None:
        """Start or pause (Space)."""
        self._run(self.timer.toggle)

    def next(self) -> None:
        """Next item (N)."""
        self._run(self.timer.next)

    def previous(self) -> None:
        """Previous item (P)."""
        self._run(self.timer.previous)

    def adjust(self, minutes: int) -> None:
        """Give or take minutes (+ and −)."""
        self._run(lambda: self.timer.adjust(minutes))

    def reset(self) -> None:
        """Back to the full planned time."""
        self._run(self.timer.reset)

    def recover(self) -> None:
        """Apply the suggested cuts."""
        self._run(self.timer.recover)

    def clear_record(self) -> None:
        """Forget every actual time after asking (a rehearsal must not count as the real day)."""
        answer = QMessageBox.question(
            self,
            "Clear actual times",
            "Forget the actual start and end of every item and stop the timer? This cannot be undone.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._run(self.timer.clear_record)

    def go_to(self, item_id: int) -> None:
        """Make an item current."""
        self._run(lambda: self.timer.go_to(item_id))

    def open_projector(self) -> None:
        """Ask the page to show the projector on the chosen screen."""
        self.projector_requested.emit(self.screen_combo.currentIndex())

    def show_message(self) -> None:
        """Put the typed message on the projector."""
        self._run(lambda: self.timer.update_settings(message=" ".join(self.message_edit.text().split())))

    def clear_message(self) -> None:
        """Take the message off the projector."""
        self.message_edit.clear()
        self._run(lambda: self.timer.update_settings(message=""))

    def _on_setting_edited(self) -> None:
        values = {
            "agenda_only": self.agenda_only_check.isChecked(),
            "flash_overrun": self.flash_check.isChecked(),
            "chime": self.chime_check.isChecked(),
            "amber_seconds": self.amber_spin.value() * 60,
            "red_seconds": self.red_spin.value() * 60,
        }
        self._run(lambda: self.timer.update_settings(**values))
        self._show_settings()

    def _show_settings(self) -> None:
        settings = self.timer.settings
        # Showing the stored settings must not read back as the user changing them.
        controls = (
            self.agenda_only_check,
            self.flash_check,
            self.chime_check,
            self.amber_spin,
            self.red_spin,
        )
        for widget in controls:
            widget.blockSignals(True)
        self.agenda_only_check.setChecked(settings.agenda_only)
        self.flash_check.setChecked(settings.flash_overrun)
        self.chime_check.setChecked(settings.chime)
        self.amber_spin.setValue(settings.amber_seconds // 60)
        self.red_spin.setValue(settings.red_seconds // 60)
        for widget in controls:
            widget.blockSignals(False)
        if not self.message_edit.hasFocus():
            self.message_edit.setText(settings.message)

    def _on_workshop_changed(self, changes: Changes) -> None:
        if changes.touches(TIMER):
            self._show_settings()

    # Display -----------------------------------------------------------------------------------

    def _style(self, label: QLabel, sheet: str) -> None:
        if label.styleSheet() != sheet:
            label.setStyleSheet(sheet)

    def refresh(self) -> TimerView | None:
        """Show the timer as it is now (polled five times a second while visible)."""
        if not self.isVisible():
            return None
        view = self.timer.view()
        if view.item is not None:
            title = f"{clock_text(view.item.start)}  {view.item.item.title}"
        else:
            title = {"empty": "No agenda yet", "finished": "Agenda finished"}.get(view.status, "")
        self.title_label.setText(title)
        self.countdown_label.setText(view.text if view.item else "—")
        colour = _PANEL_COLOURS[view.phase] if view.status not in ("ready", "empty") else "#5b6473"
        self._style(self.countdown_label, f"color: {colour};")
        allowed = f" · {view.allowed / 60:.0f} min allowed" if view.item else ""
        status = {"running": "Running", "paused": "Paused", "ready": "Ready"}.get(view.status, "")
        self.status_label.setText(status + allowed)
        self.start_button.setText("Pause" if view.running else "Start")
        start = view.next_start
        following = view.next_item
        self.next_label.setText(
            f"Next: {clock_text(start)} {following.item.title}" if following and start else ""
        )
        plan = view.replan
        self.late_label.setText(plan.message if plan else "")
        late = plan is not None and plan.late_minutes >= 1
        self._style(self.late_label, "color: #b42318; font-weight: bold;" if late else "color: #1a7f37;")
        self.advice_label.setText(plan.advice if plan else "")
        self.recover_button.setVisible(bool(plan and plan.suggestions))
        self.refreshed.emit(view)
        return view
