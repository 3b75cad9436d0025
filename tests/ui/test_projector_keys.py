"""The timer's keys work in every projector window, so one mirrored screen is enough."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt

from facilitator.app.session import WorkshopSession
from facilitator.app.timer import AgendaTimer
from facilitator.core.timer_view import TimerView
from facilitator.ui.agenda.page import AgendaPage
from facilitator.ui.agenda.timer_panel import TimerPanel
from facilitator.ui.boards.feed import BoardFeed
from facilitator.ui.boards.projector import BoardProjector
from facilitator.ui.controller import Controller
from facilitator.ui.groups.projector import GroupsProjector
from facilitator.ui.projector import ProjectorWindow
from facilitator.ui.room.link import RoomLink
from facilitator.ui.room.projector import RoomProjector


def _stored(session: WorkshopSession) -> TimerView:
    """The timer as the workshop file has it (a fresh reader, not the page's)."""
    timer = AgendaTimer(session)
    try:
        return timer.view()
    finally:
        timer.close()


def _agenda(page: AgendaPage, _controller: Controller) -> ProjectorWindow:
    return page.open_projector()


def _boards(_page: AgendaPage, controller: Controller) -> ProjectorWindow:
    return BoardProjector(BoardFeed(controller, "labour-to-police"))


def _groups(_page: AgendaPage, _controller: Controller) -> ProjectorWindow:
    return GroupsProjector()


def _room(_page: AgendaPage, controller: Controller) -> ProjectorWindow:
    return RoomProjector(RoomLink(controller))


_Build = Callable[[AgendaPage, Controller], ProjectorWindow]


@pytest.mark.qt_log_ignore("does not support raise")  # The offscreen platform cannot raise windows.
@pytest.mark.parametrize(
    "build", [_agenda, _boards, _groups, _room], ids=["agenda", "boards", "groups", "room"]
)
def test_timer_keys_in_every_projector(qtbot, open_page, sample_session, build: _Build) -> None:  # type: ignore[no-untyped-def]
    """Space starts, + and − give and take a minute, N and P move between items, F11 and Esc
    switch full screen: pressed in the projector window, saved in the workshop."""
    page, controller = open_page(AgendaPage, sample_session)
    projector = build(page, controller)
    qtbot.addWidget(projector)
    projector.show()
    projector.activateWindow()
    qtbot.waitUntil(projector.isActiveWindow)
    assert not _stored(sample_session).running
    qtbot.keyClick(projector, Qt.Key.Key_Space)
    started = _stored(sample_session)
    assert started.running and started.item is not None
    qtbot.keyClick(projector, Qt.Key.Key_Plus)
    assert _stored(sample_session).allowed == started.allowed + 60
    qtbot.keyClick(projector, Qt.Key.Key_Minus)
    qtbot.keyClick(projector, Qt.Key.Key_Minus)
    assert _stored(sample_session).allowed == started.allowed - 60
    qtbot.keyClick(projector, Qt.Key.Key_N)
    moved = _stored(sample_session).item
    assert moved is not None and moved.item.id != started.item.item.id
    qtbot.keyClick(projector, Qt.Key.Key_P)
    back = _stored(sample_session).item
    assert back is not None and back.item.id == started.item.item.id
    qtbot.keyClick(projector, Qt.Key.Key_Space)
    assert not _stored(sample_session).running
    qtbot.keyClick(projector, Qt.Key.Key_F11)
    assert projector.isFullScreen()
    qtbot.keyClick(projector, Qt.Key.Key_Escape)
    assert not projector.isFullScreen()


def test_a_closed_agenda_page_is_never_called(qtbot, open_page, sample_session) -> None:  # type: ignore[no-untyped-def]
    """A projector drives the agenda page's timer while the page exists, and nothing after."""
    page, _ = open_page(AgendaPage, sample_session)
    projector = GroupsProjector()
    qtbot.addWidget(projector)
    panel: TimerPanel = page.panel
    assert projector.timer_remote is panel
    panel.deleteLater()
    qtbot.waitUntil(lambda: projector.timer_remote is None)
    projector.show()
    projector.activateWindow()
    qtbot.waitUntil(projector.isActiveWindow)
    qtbot.keyClick(projector, Qt.Key.Key_Space)
    assert not _stored(sample_session).running


@pytest.mark.qt_log_ignore("does not support raise")
def test_timer_keys_work_before_the_agenda_page_was_ever_opened(qtbot, sample_session) -> None:  # type: ignore[no-untyped-def]
    """The board projector opened straight from the boards page still starts the clock with Space."""
    from facilitator.ui.main_window import MainWindow

    window = MainWindow(Controller(sample_session))
    qtbot.addWidget(window)
    window.show()
    projector = window.show_page("boards").open_projector()  # type: ignore[attr-defined]
    projector.activateWindow()
    qtbot.waitUntil(projector.isActiveWindow)
    assert not _stored(sample_session).running
    qtbot.keyClick(projector, Qt.Key.Key_Space)
    assert _stored(sample_session).running
