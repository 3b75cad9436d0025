"""The room's view of the timer: a countdown readable from the back, or the day's agenda.

Below the countdown the rest of the day fills what room is left (``DayList``); in agenda mode the
day from the current item on fills the screen, every title whole, in the largest type that fits.

It is a second view of the page's :class:`AgendaTimer` and keeps no time of its own: a
``QTimer`` polls ``timer.view()`` several times a second and labels change only when their text
does. Flashing on overrun is derived from the monotonic clock too, so it stays regular however
the polls fall.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from facilitator.app.timer import AgendaTimer
from facilitator.core.agenda import clock_text
from facilitator.core.timer_view import TimerView
from facilitator.ui.agenda.chime import play_chime
from facilitator.ui.agenda.day_list import DayList, DayRow
from facilitator.ui.projector import ProjectorWindow

__all__ = ["PHASE_COLOURS", "REFRESH_MS", "AgendaProjector"]

#: Countdown colour in each phase, chosen for contrast on the dark background.
PHASE_COLOURS = {"normal": "#f0f3f6", "amber": "#ffb020", "red": "#ff4d4f", "overrun": "#ff4d4f"}
_BACKGROUND = "#0d1117"
_FLASH_BACKGROUND = "#6e0b0e"
_MUTED = "#9aa4b2"
#: How often the display polls the timer (5 times a second).
REFRESH_MS = 200
#: Type of the day's list, as shares of the window's height: (largest, readable floor) under the
#: countdown, and when the list is all the room sees.
_LATER_SIZES = (0.05, 0.034)
_AGENDA_SIZES = (0.075, 0.034)


def _label(size_ratio: float, bold: bool = False, colour: str = "#f0f3f6") -> QLabel:
    label = QLabel()
    label.setProperty("size_ratio", size_ratio)
    font = QFont()
    font.setBold(bold)
    label.setFont(font)
    label.setStyleSheet(f"color: {colour};")
    label.setWordWrap(True)
    return label


class AgendaProjector(ProjectorWindow):
    """Countdown, title, next item, wall clock and a message line for the room.

    Args:
        timer: The timer to show (the agenda page's).
        parent: Owner window (the projector stays a separate top-level window).
    """

    def __init__(self, timer: AgendaTimer, parent: QWidget | None = None) -> None:
        super().__init__("Agenda timer — projector", parent)
        self._timer = timer
        self.refreshes = 0
        self.chimes: list[str] = []
        self.countdown_colour = PHASE_COLOURS["normal"]
        self.flashing = False
        self._last_remaining: float | None = None
        self._last_item: int | None = None

        self.title_label = _label(0.065, bold=True)
        self.clock_label = _label(0.055, colour=_MUTED)
        self.clock_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.clock_label.setWordWrap(False)
        self.countdown_label = _label(0.40, bold=True)
        self.countdown_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown_label.setWordWrap(False)
        self.status_label = _label(0.045, colour=_MUTED)
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.day_list = DayList(*_LATER_SIZES, colour=_MUTED)
        self.next_label = _label(0.05, colour=_MUTED)
        self.message_label = _label(0.06, bold=True, colour="#ffd866")
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        top = QHBoxLayout()
        top.addWidget(self.title_label, 1)
        top.addWidget(self.clock_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 28, 40, 28)
        layout.addLayout(top)
        layout.addWidget(self.countdown_label, 3)
        layout.addWidget(self.status_label)
        layout.addWidget(self.next_label)
        layout.addWidget(self.day_list, 2)
        layout.addWidget(self.message_label)

        self.poll = QTimer(self)
        self.poll.setInterval(REFRESH_MS)
        self.poll.timeout.connect(self.refresh)
        self.refresh()

    @property
    def timer(self) -> AgendaTimer:
        """The timer shown."""
        return self._timer

    def set_timer(self, timer: AgendaTimer) -> None:
        """Show another workshop's timer (after the facilitator opened another file)."""
        self._timer = timer
        self._last_remaining = None
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        """Poll only while visible."""
        super().showEvent(event)
        self.poll.start()
        self.refresh()

    def hideEvent(self, event: object) -> None:
        """Stop polling when hidden."""
        self.poll.stop()
        super().hideEvent(event)  # type: ignore[arg-type]

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Scale every text with the window so the countdown fills the room's screen."""
        super().resizeEvent(event)
        self._fit_fonts()

    def _fit_fonts(self) -> None:
        height, width = max(self.height(), 200), max(self.width(), 300)
        for label in self.findChildren(QLabel):
            ratio = label.property("size_ratio")
            if ratio is None:
                continue
            pixels = int(height * float(ratio))
            if label is self.countdown_label:
                characters = max(len(label.text()), 5)
                pixels = int(min(pixels, width * 0.92 / (characters * 0.62)))
            font = label.font()
            if font.pixelSize() != max(pixels, 8):
                font.setPixelSize(max(pixels, 8))
                label.setFont(font)
                if label is self.clock_label:
                    label.setFixedWidth(label.fontMetrics().horizontalAdvance("88:88") + 8)

    @staticmethod
    def _set(label: QLabel, text: str) -> bool:
        if label.text() == text:
            return False
        label.setText(text)
        return True

    def refresh(self) -> None:
        """Read the timer and update what changed (called by the polling timer)."""
        self.refreshes += 1
        timer = self._timer
        now = timer.now()
        view = timer.view()
        settings = timer.settings
        self._set(self.clock_label, clock_text(datetime.fromtimestamp(now.wall)))
        self._set(self.message_label, settings.message)
        self.message_label.setVisible(bool(settings.message))
        self.countdown_label.setVisible(not settings.agenda_only and view.item is not None)
        self.status_label.setVisible(not settings.agenda_only)
        agenda_only = settings.agenda_only
        self._set(self.title_label, self._title(view, agenda_only))
        self._set(self.next_label, "" if agenda_only else self._next_text(view))
        self.next_label.setVisible(not agenda_only)
        self._show_day(view, agenda_only)
        if self._set(self.countdown_label, view.text):
            self._fit_fonts()
        over = "Over time" if view.phase == "overrun" and view.status == "running" else ""
        self._set(self.status_label, {"paused": "Paused", "ready": "Ready to start"}.get(view.status, over))
        colour = PHASE_COLOURS[view.phase] if view.status != "ready" else PHASE_COLOURS["normal"]
        flash = (
            not agenda_only
            and view.phase == "overrun"
            and view.running
            and settings.flash_overrun
            and int(now.mono * 2) % 2 == 0
        )
        self._paint(colour, flash)
        self._maybe_chime(view, settings.chime)

    def _title(self, view: TimerView, agenda_only: bool) -> str:
        if view.status == "empty":
            return "No agenda yet"
        if view.status == "finished":
            return "End of the agenda"
        if agenda_only and view.day is not None:
            return view.day.day.label
        return view.item.item.title if view.item else ""

    def _next_text(self, view: TimerView) -> str:
        if view.next_item is None:
            return ""
        start = view.next_start
        when = f"{clock_text(start)} " if start else ""
        return f"Next: {when}{view.next_item.item.title}"

    def _show_day(self, view: TimerView, agenda_only: bool) -> None:
        """The rest of the day: from the current item in agenda mode, after the next one below
        the countdown (the next one has its own line); starts as re-planned by the timer."""
        day = view.day
        rows: list[DayRow] = []
        if day is not None and view.status not in ("empty", "finished"):
            current = view.item.item.id if view.item else None
            projected = view.replan.projected if view.replan else {}
            index = next((i for i, t in enumerate(day.items) if t.item.id == current), 0)
            first = index if agenda_only else index + 2
            rows = [
                DayRow(
                    clock_text(projected.get(t.item.id, t.start)),
                    t.item.title,
                    agenda_only and t.item.id == current,
                )
                for t in day.items[first:]
            ]
        if agenda_only:
            self.day_list.set_style(*_AGENDA_SIZES, colour="#f0f3f6")
        else:
            self.day_list.set_style(*_LATER_SIZES, colour=_MUTED)
        self.day_list.set_rows(rows)
        self.day_list.setVisible(bool(rows))

    def _paint(self, colour: str, flash: bool) -> None:
        if colour == self.countdown_colour and flash == self.flashing:
            return
        self.countdown_colour, self.flashing = colour, flash
        self.countdown_label.setStyleSheet(f"color: {colour};")
        background = _FLASH_BACKGROUND if flash else _BACKGROUND
        self.setStyleSheet(f"QWidget#projector {{ background: {background}; }} QLabel {{ color: #f0f3f6; }}")

    def _maybe_chime(self, view: TimerView, enabled: bool) -> None:
        item = view.item.item.id if view.item else None
        previous = self._last_remaining if item == self._last_item else None
        self._last_remaining, self._last_item = view.remaining, item
        if enabled and view.running and previous is not None and previous > 0 >= view.remaining:
            self.chimes.append(play_chime())
