"""Every window and dialog the app opens fits a 1366 × 768 laptop and a 1280 × 720 projector.

The offscreen screen is 800 × 800, so the target screens are simulated: the free area that
windows are fitted to (``facilitator.ui.window_fit.available_area``) is set to the target, and each
window's size is checked against it the way a window manager would show it: minimum size within
the free area less a title bar, opening size within it too, and every button inside the window
once it has that size.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from facilitator.app import groups, roster
from facilitator.app.session import WorkshopSession
from facilitator.ui.controller import Controller

#: Target screens (width, height), each less a 40-pixel task bar.
SCREENS = {"laptop 1366x768": (1366, 768), "projector 1280x720": (1280, 720)}
_TASK_BAR = 40
#: Room for a window's title bar and borders, which Qt does not count in its size.
_FRAME = QSize(16, 34)

WindowFactory = Callable[[Controller, Path], QWidget]


def _pdf(folder: Path) -> Path:
    """A two-page A4 document to preview."""
    path = folder / "sample.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    painter.drawText(200, 200, "Page one")
    writer.newPage()
    painter.drawText(200, 200, "Page two")
    painter.end()
    return path


def _main_window(controller: Controller, _folder: Path) -> QWidget:
    """The main window with every page built: the largest page sets its minimum size."""
    from facilitator.ui.main_window import MainWindow
    from facilitator.ui.pages import PAGES

    window = MainWindow(controller)
    for spec in PAGES:
        window.show_page(spec.key)
    return window


def _desk(controller: Controller, _folder: Path) -> QWidget:
    """The check-in desk window, out of full screen (Esc)."""
    from facilitator.ui.checkin.page import CheckinPage

    page = CheckinPage(controller)
    page.open_desk_window()
    desk = page.desk_window
    assert desk is not None
    while not desk.isFullScreen():  # the platform applies the window state after a round of events
        QApplication.processEvents()
    desk._leave_full_screen()
    return desk


def _preview(_controller: Controller, folder: Path) -> QWidget:
    from facilitator.ui.document_preview import DocumentPreview

    return DocumentPreview(_pdf(folder))


def _restore_backup(controller: Controller, _folder: Path) -> QWidget:
    from facilitator.ui.backup_dialog import RestoreBackupDialog

    return RestoreBackupDialog(controller.session.path)


def _import(controller: Controller, _folder: Path) -> QWidget:
    from facilitator import paths
    from facilitator.ui.roster.import_dialog import ImportDialog

    source = paths.resources_dir() / "sample" / "roster.csv"
    return ImportDialog(controller, roster.read_import_file(source), source)


def _day(_controller: Controller, _folder: Path) -> QWidget:
    from facilitator.ui.agenda.dialogs import DayDialog

    return DayDialog(None, date(2019, 5, 29), lambda _values: True)


def _new_board(_controller: Controller, _folder: Path) -> QWidget:
    from facilitator.ui.boards.new_board_dialog import NewBoardDialog

    return NewBoardDialog(lambda _title, _categories: True)


def _new_round(controller: Controller, _folder: Path) -> QWidget:
    from facilitator.ui.groups.dialogs import NewRoundDialog
    from facilitator.ui.groups.page import GroupsPage

    page = GroupsPage(controller)
    return NewRoundDialog("Breakout 4", groups.breakout_items(controller.session), page._takers())


def _keep_apart(controller: Controller, _folder: Path) -> QWidget:
    from facilitator.ui.groups.dialogs import KeepApartDialog

    return KeepApartDialog(roster.participants(controller.session))


def _open_room(controller: Controller, _folder: Path) -> QWidget:
    from facilitator.app import boards
    from facilitator.ui.room.open_dialog import OpenRoomDialog

    session = controller.session
    return OpenRoomDialog(session.path, ["192.168.1.20"], boards.boards(session), "labour-to-police")


def _room_window(controller: Controller, _folder: Path) -> QWidget:
    """The room's window, closed room (its controls and both tables)."""
    from facilitator.ui.room.link import RoomLink
    from facilitator.ui.room.window import RoomWindow

    return RoomWindow(RoomLink.of(controller))


def _merge(controller: Controller, _folder: Path) -> QWidget:
    """Merging the three longest key actions of the sample draft."""
    from facilitator.app import guidelines
    from facilitator.ui.guidelines.dialogs import MergeDialog

    actions = sorted(guidelines.draft(controller.session).actions, key=lambda a: -len(a.action))
    return MergeDialog(actions[:3])


def _projector(page_key: str) -> WindowFactory:
    def build(controller: Controller, _folder: Path) -> QWidget:
        from facilitator.ui.main_window import MainWindow

        window = MainWindow(controller)
        projector: QWidget = window.show_page(page_key).open_projector()  # type: ignore[attr-defined]
        projector.showNormal()
        return projector

    return build


WINDOWS = [
    pytest.param(_main_window, id="main window"),
    pytest.param(_desk, id="check-in desk"),
    pytest.param(_preview, id="document preview"),
    pytest.param(_restore_backup, id="restore backup"),
    pytest.param(_import, id="roster import"),
    pytest.param(_day, id="agenda day"),
    pytest.param(_new_board, id="new board"),
    pytest.param(_new_round, id="new round"),
    pytest.param(_keep_apart, id="keep apart"),
    pytest.param(_open_room, id="open the room"),
    pytest.param(_room_window, id="room window"),
    pytest.param(_merge, id="merge key actions"),
    pytest.param(_projector("agenda"), id="agenda projector"),
    pytest.param(_projector("boards"), id="board projector"),
    pytest.param(_projector("groups"), id="groups projector"),
]


@pytest.fixture(params=list(SCREENS), ids=list(SCREENS))
def screen(request, monkeypatch) -> QRect:  # type: ignore[no-untyped-def]
    """The free area of the target screen, which windows fitted to their screen are given."""
    width, height = SCREENS[request.param]
    area = QRect(0, 0, width, height - _TASK_BAR)
    monkeypatch.setattr("facilitator.ui.window_fit.available_area", lambda _widget: area)
    return area


def _fits(size: QSize, room: QSize) -> bool:
    return size.width() <= room.width() and size.height() <= room.height()


def _text(size: QSize) -> str:
    return f"{size.width()} × {size.height()}"


def _buttons_outside(window: QWidget) -> list[str]:
    """The visible buttons not wholly inside the window (text and where they are)."""
    inside = window.rect()
    outside = []
    for button in window.findChildren(QAbstractButton):
        if button.isVisibleTo(window) and button.window() is window:
            where = QRect(button.mapTo(window, button.rect().topLeft()), button.size())
            if not inside.contains(where):
                outside.append(f"{button.text() or button.toolTip()!r} at {where}")
    return outside


@pytest.mark.qt_log_ignore("This plugin does not support")
@pytest.mark.parametrize("factory", WINDOWS)
def test_window_fits_the_screen_with_every_button_on_it(  # type: ignore[no-untyped-def]
    qtbot, sample_session: WorkshopSession, tmp_path: Path, screen: QRect, factory: WindowFactory
) -> None:
    """Its smallest size and the size it opens at fit the free area less a title bar, and at that
    size every button is inside the window."""
    controller = Controller(sample_session)
    window = factory(controller, tmp_path)
    qtbot.addWidget(window)
    room = screen.size() - _FRAME
    smallest = window.minimumSizeHint().expandedTo(window.minimumSize())
    assert _fits(smallest, room), f"smallest size {_text(smallest)} for room {_text(room)}"
    window.show()
    qtbot.waitExposed(window)
    assert _fits(window.size(), room), f"opens at {_text(window.size())} for room {_text(room)}"
    assert _buttons_outside(window) == []


@pytest.mark.qt_log_ignore("This plugin does not support")
@pytest.mark.parametrize("factory", [_desk, _projector("groups")], ids=["check-in desk", "groups projector"])
def test_full_screen_windows_toggle_with_f11_and_leave_with_esc(  # type: ignore[no-untyped-def]
    qtbot, sample_session: WorkshopSession, tmp_path: Path, factory: WindowFactory
) -> None:
    """F11 puts the window full screen and back; Esc leaves full screen."""
    window = factory(Controller(sample_session), tmp_path)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert window.isVisible()
