"""The room in the window: the GUI-thread runner, opening and closing, the room window and projector."""

from __future__ import annotations

import http.client
import json
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any
from urllib.parse import urlsplit

import cv2
import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from facilitator.app import board_setup, boards
from facilitator.app.session import WorkshopSession, phone_origin
from facilitator.core.boards import LABOUR_TO_POLICE
from facilitator.room.service import RoomSettings
from facilitator.ui.boards import panels
from facilitator.ui.boards.page import BoardsPage
from facilitator.ui.controller import Controller
from facilitator.ui.room import RoomLink, open_room
from facilitator.ui.room.open_dialog import OpenRoomDialog
from facilitator.ui.room.projector import WIFI_LINE, RoomProjector
from facilitator.ui.room.runner import SLICE_SECONDS, MainThreadRunner
from facilitator.ui.room.window import RoomWindow

L2P = LABOUR_TO_POLICE
_POOL = ThreadPoolExecutor(max_workers=4, thread_name_prefix="phone")


class _Phone:
    """A phone talking to the room from its own thread (the GUI thread must stay free to write)."""

    def __init__(self, link: str) -> None:
        parts = urlsplit(link)
        self.host, self.port, self.cookie = str(parts.hostname), int(parts.port or 80), ""
        self.status = self.call("GET", parts.path)[0]

    def call(self, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=10)
        headers = {"Host": f"{self.host}:{self.port}", "Cookie": self.cookie}
        if body is not None:
            headers |= {"Content-Type": "application/json", "X-Room": "1"}
        connection.request(method, path, json.dumps(body).encode() if body is not None else None, headers)
        response = connection.getresponse()
        data = response.read()
        cookie = response.getheader("Set-Cookie")
        if cookie:
            self.cookie = cookie.split(";", 1)[0]
        connection.close()
        content = response.getheader("Content-Type") or ""
        return response.status, json.loads(data) if content.startswith("application/json") else data


def _wait(qtbot, work: Callable[[], Any]) -> Any:  # type: ignore[no-untyped-def]
    """Run ``work`` on a phone's thread while the GUI thread keeps serving the room."""
    future: Future[Any] = _POOL.submit(work)
    qtbot.waitUntil(future.done, timeout=15000)
    return future.result()


def _open(qtbot, controller: Controller, bind: str = "127.0.0.1") -> RoomLink:  # type: ignore[no-untyped-def]
    link = RoomLink.of(controller)
    with qtbot.waitSignal(link.opened, timeout=15000):
        link.open(RoomSettings(controller.session.path, L2P, bind, 0))
    return link


@pytest.fixture
def controller(qtbot, sample_session: WorkshopSession):  # type: ignore[no-untyped-def]
    """A controller over the sample workshop whose room is closed after the test."""
    controller = Controller(sample_session)
    yield controller
    RoomLink.of(controller).close(wait=True)


def test_runner_runs_phone_writes_on_the_gui_thread_in_short_slices(qtbot, controller: Controller) -> None:  # type: ignore[no-untyped-def]
    """Work from another thread runs on the GUI thread, in order, in slices that let the window breathe."""
    runner = MainThreadRunner(controller)
    ran: list[tuple[int, bool]] = []

    def job(number: int) -> Callable[[WorkshopSession], int]:
        def work(session: WorkshopSession) -> int:
            time.sleep(0.006)
            ran.append((number, threading.current_thread() is threading.main_thread()))
            return number * 2

        return work

    futures = _wait(qtbot, lambda: [runner.submit(job(n)) for n in range(12)])
    qtbot.waitUntil(lambda: all(f.done() for f in futures), timeout=5000)
    assert [f.result() for f in futures] == [n * 2 for n in range(12)]
    assert ran == [(n, True) for n in range(12)]
    assert runner.longest_slice < SLICE_SECONDS + 0.03
    failing = _wait(qtbot, lambda: runner.submit(lambda session: boards.board(session, "no-such-board")))
    qtbot.waitUntil(failing.done, timeout=5000)
    assert "no-such-board" in str(failing.exception())


def test_runner_redraws_the_board_once_per_slice_before_phones_hear_saved(
    qtbot, controller: Controller
) -> None:  # type: ignore[no-untyped-def]
    """Writes run in one slice redraw the board once, and each future settles after that redraw."""
    page = BoardsPage(controller)
    qtbot.addWidget(page)
    runner = MainThreadRunner(controller, clock=lambda: 0.0)  # a slice that never runs out of time
    redraws: list[int] = []
    page.feed.snapshot_changed.connect(lambda snapshot: redraws.append(len(snapshot.cards)))
    seen_when_settled: list[int] = []

    def add(text: str) -> Callable[[WorkshopSession], int]:
        return lambda session: boards.add_card(session, L2P, text, group="Group 1")

    # Queued before the event loop runs again, the three writes fall in one slice.
    futures = [runner.submit(add(f"Card {n}")) for n in range(3)]
    for future in futures:
        future.add_done_callback(lambda _f: seen_when_settled.append(len(page.feed.snapshot.cards)))
    qtbot.waitUntil(lambda: all(f.done() for f in futures), timeout=5000)
    assert redraws == [3]
    assert seen_when_settled == [3, 3, 3]


def test_a_phone_card_reaches_the_boards_page_and_the_desktop_undo_skips_it(
    qtbot, controller: Controller
) -> None:  # type: ignore[no-untyped-def]
    """A phone's card appears on the page at once; Edit ▸ Undo takes back only the desktop's card."""
    page = BoardsPage(controller)
    qtbot.addWidget(page)
    page.add_card("Desktop card", "debt", "Group 1")
    link = _open(qtbot, controller)
    assert link.service is not None
    group = link.service.groups()[1]

    def phone_writes() -> int:
        phone = _Phone(group.join_url)
        return phone.call("POST", "/api/cards", {"text": "ພະນັກງານຖືກຍຶດເອກະສານ", "category": "deception"})[0]

    assert _wait(qtbot, phone_writes) == 201
    texts = {card.text: card.group for card in page.feed.snapshot.cards}
    assert texts == {"Desktop card": "Group 1", "ພະນັກງານຖືກຍຶດເອກະສານ": "Group 2"}
    assert controller.undo_label == "Add red flag"
    controller.undo()
    assert [card.text for card in page.feed.snapshot.cards] == ["ພະນັກງານຖືກຍຶດເອກະສານ"]
    assert controller.session.undo_label_of("phone") == "Add red flag (Group 2, phone)"


def test_silent_writing_phone_cards_arrive_hidden_from_the_projector(qtbot, controller: Controller) -> None:  # type: ignore[no-untyped-def]
    """With silent writing on, a phone's card is on the page but hidden from the projector until revealed."""
    page = BoardsPage(controller)
    qtbot.addWidget(page)
    controller.run(boards.set_hidden, L2P, True)
    link = _open(qtbot, controller)
    assert link.service is not None
    join = link.service.groups()[0].join_url
    assert _wait(qtbot, lambda: _Phone(join).call("POST", "/api/cards", {"text": "Held card"})[0]) == 201
    [card] = page.feed.snapshot.cards
    assert not card.revealed
    assert "1 card is hidden from the projector" in page.banner.text()


def _decoded(widget: QWidget) -> list[str]:
    """The QR codes a camera reads on the widget as drawn.

    OpenCV's classic reader misses about one valid code in fifty (codes its ArUco-based reader and
    phones read), so the second reader is asked when the first finds nothing.
    """
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    pixels = pixels[:, : image.width()].copy()
    for reader in (cv2.QRCodeDetector(), cv2.QRCodeDetectorAruco()):
        found, texts, _points, _codes = reader.detectAndDecodeMulti(pixels)
        if found and all(texts):
            return sorted(texts)
    return []


def test_projector_shows_the_address_the_wifi_line_and_scannable_codes(qtbot, controller: Controller) -> None:  # type: ignore[no-untyped-def]
    """The wall shows the address as digits, the Wi-Fi line, and each group's code, readable by a camera."""
    link = _open(qtbot, controller)
    assert link.service is not None
    projector = RoomProjector(link)
    qtbot.addWidget(projector)
    projector.resize(1920, 1080)
    projector.show()
    qtbot.waitExposed(projector)
    assert projector.address.text() == link.service.url and link.service.url.startswith("http://127.0.0.1:")
    assert projector.wifi.text() == WIFI_LINE == "Same Wi-Fi as this laptop; turn mobile data off"
    groups = link.service.groups()
    assert [tile.name.text() for tile in projector.tiles if tile.isVisible()] == [g.name for g in groups]
    read = [_decoded(tile.qr) for tile in projector.tiles if tile.isVisible()]
    assert read == [[g.join_url] for g in groups]
    assert [tile.code.text() for tile in projector.tiles] == [f"or type {g.join_code}" for g in groups]
    qtbot.keyClick(projector, Qt.Key.Key_3)
    visible = [tile for tile in projector.tiles if tile.isVisible()]
    assert [tile.name.text() for tile in visible] == ["Group 3"]
    assert visible[0].qr.code_rect().width() > 600
    assert _decoded(visible[0].qr) == [groups[2].join_url]
    qtbot.keyClick(projector, Qt.Key.Key_0)
    assert len([tile for tile in projector.tiles if tile.isVisible()]) == 6
    link.close()
    assert projector.closed.isVisible() and not projector.address.isVisible()


def test_room_window_lists_phones_rotates_codes_and_closes_the_room(qtbot, controller: Controller) -> None:  # type: ignore[no-untyped-def]
    """The facilitator sees phones join, gives a group new codes, signs a phone out and closes the room."""
    link = _open(qtbot, controller)
    assert link.service is not None
    window = RoomWindow(link)
    qtbot.addWidget(window)
    window.show()
    join = link.service.groups()[0].join_url
    phone = _wait(qtbot, lambda: _Phone(join))
    assert phone.status == 200
    window.refresh()
    assert window.phones_model.rowCount() == 1
    assert window.phones_model.index(0, 1).data() == "Group 1"
    assert window.groups_model.index(0, 3).data() == "1"
    assert link.service.url in window.status.text()
    window.groups_view.selectRow(0)
    old = window.groups_model.index(0, 1).data()
    window.rotate_group()
    assert window.groups_model.index(0, 1).data() != old
    assert window.phones_model.rowCount() == 1
    window.phones_view.selectRow(0)
    window.sign_out_phone()
    assert window.phones_model.rowCount() == 0
    assert _wait(qtbot, lambda: phone.call("GET", "/api/me")[0]) == 401
    with qtbot.waitSignal(link.closed):
        window.open_close.click()
    assert "The room is closed" in window.status.text()
    assert window.open_close.text() == "Open to the room…"
    assert window.groups_model.rowCount() == 0


def test_undo_of_a_phone_action_is_offered_by_name(qtbot, controller: Controller) -> None:  # type: ignore[no-untyped-def]
    """The room window names the last phone action and takes it back only when clicked."""
    link = _open(qtbot, controller)
    assert link.service is not None
    window = RoomWindow(link)
    qtbot.addWidget(window)
    assert not window.undo_phone.isEnabled()
    join = link.service.groups()[3].join_url
    assert _wait(qtbot, lambda: _Phone(join).call("POST", "/api/cards", {"text": "Phone card"})[0]) == 201
    assert window.undo_phone.text() == "Undo Add red flag (Group 4, phone)"
    window.undo_phone.click()
    assert boards.snapshot(controller.session, L2P).cards == ()
    assert not window.undo_phone.isEnabled()


def test_rapporteur_code_is_shown_on_the_laptop_only(qtbot, controller: Controller) -> None:  # type: ignore[no-untyped-def]
    """The rapporteur's QR code opens in a dialog on the laptop and reads as the rapporteur link."""
    link = _open(qtbot, controller)
    assert link.service is not None
    window = RoomWindow(link)
    qtbot.addWidget(window)
    window.show()
    window.groups_view.selectRow(1)
    dialog = window.show_rapporteur_code()
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    assert _decoded(dialog.qr) == [link.service.groups()[1].rapporteur_url]


@pytest.mark.qt_log_ignore("does not support raise", "does not support propagateSizeHints")  # offscreen
def test_open_room_asks_first_and_the_menu_and_page_offer_it(
    qtbot, controller: Controller, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Nothing listens until the dialog is accepted; the boards page and the File menu both lead there."""
    from facilitator.ui.main_window import MainWindow

    window = MainWindow(controller)
    qtbot.addWidget(window)
    assert window.room_action.text() == "Open &to the room…" and window.room_action.isEnabled()
    page = window.show_page("boards")
    assert page.board_actions.room.text() == "Open to the room…"
    link = RoomLink.of(controller)
    monkeypatch.setattr(OpenRoomDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert open_room(window, controller, L2P) is None and not link.is_open

    def accept_on_loopback(dialog: OpenRoomDialog) -> QDialog.DialogCode:
        dialog.address.setCurrentIndex(dialog.address.count() - 1)
        assert dialog.address.currentData() == "127.0.0.1"
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(OpenRoomDialog, "exec", accept_on_loopback)
    with qtbot.waitSignal(link.opened, timeout=15000):
        room_window = open_room(window, controller, L2P)
    assert isinstance(room_window, RoomWindow) and room_window.isVisible()
    assert open_room(window, controller) is room_window  # already open: the window comes forward


def test_room_closes_with_its_workshop(qtbot, controller: Controller, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Opening another workshop closes the room: its links belonged to the first one."""
    from facilitator.app.workshops import create_workshop

    link = _open(qtbot, controller)
    other = tmp_path / "other.sqlite"
    create_workshop(other, sample=True).close()
    with qtbot.waitSignal(link.closed):
        controller.open_workshop(other)
    assert not link.is_open


def test_a_room_that_cannot_open_says_why(qtbot, empty_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """A workshop without breakout groups: the room reports why it did not open, and stays closed."""
    controller = Controller(empty_session)
    link = RoomLink.of(controller)
    with qtbot.waitSignal(link.failed, timeout=15000) as failed:
        link.open(RoomSettings(empty_session.path, L2P, "127.0.0.1", 0))
    assert "needs breakout groups" in failed.args[0]
    assert not link.is_open


def test_qr_widget_draws_whole_modules(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The code is drawn on whole pixels, centred and square, at any size."""
    from facilitator.ui.room.qr_widget import QrWidget

    widget = QrWidget("http://192.168.1.20:8765/j/abcdefghijklmnopqrstuvwx")
    qtbot.addWidget(widget)
    widget.resize(501, 333)
    rect = widget.code_rect()
    assert rect.width() == rect.height() <= 333 and rect.center().x() in (249, 250)
    QApplication.processEvents()
    assert _decoded(widget) == ["http://192.168.1.20:8765/j/abcdefghijklmnopqrstuvwx"]


@pytest.mark.parametrize("keep", [False, True])
def test_desktop_notes_typed_over_a_phone_s_edit_ask_first(
    qtbot, controller: Controller, monkeypatch, keep
) -> None:  # type: ignore[no-untyped-def]
    """A box typed on the desktop while a rapporteur's phone saved it asks before replacing their text."""
    page = BoardsPage(controller)
    qtbot.addWidget(page)
    page.group_filter.setCurrentText("Group 2")
    page.group_filter.activated.emit(page.group_filter.currentIndex())
    box = page.notes_panel.summary
    monkeypatch.setattr(box, "hasFocus", lambda: True)  # the facilitator is typing in it
    box.setPlainText("Desktop summary")
    box.document().setModified(True)
    with controller.session.acting_for(phone_origin("Group 2")):
        board_setup.save_group_notes(controller.session, L2P, "Group 2", summary="Rapporteur's summary")
    assert box.toPlainText() == "Desktop summary"  # not swept away while being typed
    asked: list[str] = []

    def answer(_parent: QWidget, _title: str, text: str, *_buttons: object) -> object:
        asked.append(text)
        return panels.QMessageBox.StandardButton.Yes if keep else panels.QMessageBox.StandardButton.No

    monkeypatch.setattr(panels.QMessageBox, "question", answer)
    monkeypatch.setattr(box, "hasFocus", lambda: False)
    box.committed.emit(box.toPlainText())
    assert "Their text:\nRapporteur's summary" in asked[0]
    stored = board_setup.group_notes(controller.session, L2P, "Group 2").summary
    assert stored == ("Desktop summary" if keep else "Rapporteur's summary")
    assert box.toPlainText() == stored


def test_room_views_follow_the_room_only_while_shown(qtbot, controller: Controller) -> None:  # type: ignore[no-untyped-def]
    """The room window and projector poll while on screen, stop when hidden, and hear the room close."""
    link = _open(qtbot, controller)
    views = [RoomWindow(link), RoomProjector(link)]
    for view in views:
        qtbot.addWidget(view)
        assert not view.timer.isActive()
        view.show()
        qtbot.waitExposed(view)
        assert view.timer.isActive()
        view.hide()
        assert not view.timer.isActive()
    link.close()
    assert views[1].closed.text() == "The room is closed."
