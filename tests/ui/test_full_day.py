"""A full workshop day on the real main window, in the real event loop, with an accelerated clock.

The timer panel polls five times a second, so eight hours on the agenda page are 144,000 panel
refreshes, each emitting the panel's ``refreshed`` signal: the emissions that once aborted the app
after six minutes (see ``facilitator.ui.binding_fix``). Here every one of them happens, on a clock
that moves one poll (0.2 s) per refresh, in about twenty seconds. The agenda projector, whose text
changes at most once a second, is refreshed once a simulated second, and every window paints
whenever the day hands control back to the event loop, once every twelve simulated seconds.

The binding still drops a reference to ``True`` on every emit (some 144,000 over the day); what
must hold, and is checked, is that the guard keeps ``True``, ``False`` and ``None`` far from zero.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from facilitator.app import boards
from facilitator.app.session import WorkshopSession
from facilitator.app.timer import AgendaTimer
from facilitator.core.countdown import format_seconds
from facilitator.ui.agenda.page import AgendaPage
from facilitator.ui.agenda.projector import REFRESH_MS
from facilitator.ui.binding_fix import BALLAST
from facilitator.ui.boards.page import BoardsPage
from facilitator.ui.controller import Controller
from facilitator.ui.main_window import MainWindow

START = datetime(2019, 5, 27, 8, 0)
HOURS = 8
POLLS_PER_SECOND = 1000 // REFRESH_MS
#: A day of the panel's polls: 144,000.
POLLS = HOURS * 3600 * POLLS_PER_SECOND
#: Polls between two returns to the event loop (twelve simulated seconds).
BATCH = 60


class SteppedClock:
    """Wall and monotonic time in one, moved one poll at a time (exact on every whole second)."""

    def __init__(self, start: datetime) -> None:
        self.start = start.timestamp()
        self.polls = 0

    def read(self) -> float:
        return self.start + self.polls / POLLS_PER_SECOND


class PaintCounter(QObject):
    """Counts the paint events a widget receives."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.paints = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


class WorkshopDay:
    """Runs the day from the event loop: a batch of polls per turn, as a facilitator would use it.

    The facilitator presses Next whenever an item's time is up, gives the morning panel five
    minutes more, and a red flag reaches the board projector every hour.
    """

    def __init__(self, window: MainWindow, page: AgendaPage, clock: SteppedClock) -> None:
        self.window = window
        self.page = page
        self.clock = clock
        self.projector = page.open_projector()
        self.projector.resize(1280, 720)
        board_page = window.page("boards")
        assert isinstance(board_page, BoardsPage)
        self.board_id = board_page.feed.board_id
        self.board_projector = board_page.open_projector()
        self.cards = 0
        self.extended = False
        self.driver = QTimer()
        self.driver.setInterval(0)
        self.driver.timeout.connect(self._on_driver_timeout)

    @property
    def done(self) -> bool:
        """Whether the whole day has been polled."""
        return self.clock.polls >= POLLS

    def _on_driver_timeout(self) -> None:
        panel = self.page.panel
        for _ in range(BATCH):
            self.clock.polls += 1
            view = panel.refresh()
            assert view is not None
            if self.clock.polls % POLLS_PER_SECOND == 0:
                self.projector.refresh()
            if view.running and view.remaining <= 0:
                panel.next()
            elif not self.extended and view.item and view.item.item.title.startswith("Two mandates"):
                self.extended = True
                panel.adjust(5)
            if self.clock.polls % (3600 * POLLS_PER_SECOND) == 0:
                self.cards += 1
                self.window.controller.run(
                    boards.add_card, self.board_id, f"Red flag of hour {self.cards}", category="debt-bondage"
                )
        if self.done:
            self.driver.stop()


@pytest.mark.qt_log_ignore("does not support raise", "does not support propagateSizeHints")
def test_a_full_day_of_refreshes_keeps_the_app_alive_and_on_time(
    qtbot: QtBot, sample_session: WorkshopSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Eight hours of polls on the agenda page with both projectors open end on the clock's time."""
    window = MainWindow(Controller(sample_session))
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    page = window.show_page("agenda")
    assert isinstance(page, AgendaPage)
    clock = SteppedClock(START)
    page.set_timer(AgendaTimer(sample_session, clock.read, clock.read))
    page.panel.toggle()
    day = WorkshopDay(window, page, clock)
    for projector in (day.projector, day.board_projector):
        qtbot.addWidget(projector)
    painted = PaintCounter(day.projector.countdown_label), PaintCounter(page.panel.countdown_label)
    emissions = 0

    def count_emission(_view: object) -> None:
        nonlocal emissions
        emissions += 1

    page.panel.refreshed.connect(count_emission)
    errors: list[str] = []
    # A refused command would otherwise wait in a modal dialog that nobody closes.
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: errors.append(text))
    day.driver.start()
    qtbot.waitUntil(lambda: day.done, timeout=180_000)

    assert emissions >= POLLS and errors == []
    assert min(counter.paints for counter in painted) >= POLLS // BATCH // 2
    end = START + timedelta(hours=HOURS)
    assert clock.read() == end.timestamp()
    breakout = next(t for t in page.timer.days[0].items if t.item.title.startswith("Breakout 2"))
    left = (breakout.end + timedelta(minutes=5) - end).total_seconds()
    assert left == 25 * 60
    assert page.panel.countdown_label.text() == day.projector.countdown_label.text() == format_seconds(left)
    assert day.projector.title_label.text() == breakout.item.title
    assert window.stack.currentWidget() is page
    assert day.projector.isVisible() and day.board_projector.isVisible()
    assert day.board_projector.revealed_texts() == [f"Red flag of hour {n}" for n in range(1, HOURS + 1)]
    assert min(sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)) > BALLAST // 2
