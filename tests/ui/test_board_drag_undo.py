"""A three-card drag on the board page is undone by one Ctrl+Z in the main window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from facilitator.app import boards
from facilitator.app.session import WorkshopSession
from facilitator.core.boards import LABOUR_TO_POLICE
from facilitator.ui.boards.page import BoardsPage
from facilitator.ui.controller import Controller
from facilitator.ui.main_window import MainWindow

L2P = LABOUR_TO_POLICE


def _column_texts(page: BoardsPage, key: str) -> list[str]:
    return [item.card.text for item in page.columns.columns[key].model.items()]


# The offscreen platform cannot raise windows; it says so as a warning.
@pytest.mark.qt_log_ignore("This plugin does not support")
def test_three_card_drag_is_undone_by_one_ctrl_z(qtbot, empty_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """Three cards dragged from one column onto another all move; one Ctrl+Z brings all three back."""
    texts = ["Passports kept in the office", "ID cards held by recruiter", "Work permit kept by boss"]
    for text in texts:
        boards.add_card(empty_session, L2P, text, category="retention-of-documents")
    window = MainWindow(Controller(empty_session))
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("boards")
    assert isinstance(page, BoardsPage)
    source = page.columns.columns["retention-of-documents"].model
    target = page.columns.columns["debt-bondage"].model
    dragged = source.mimeData([source.index(row) for row in range(3)])
    target.dropMimeData(dragged, Qt.DropAction.MoveAction, -1, 0, QModelIndex())
    qtbot.waitUntil(lambda: _column_texts(page, "debt-bondage") == texts)
    assert _column_texts(page, "retention-of-documents") == []
    assert window.undo_action.text() == "&Undo Move 3 red flags to Debt bondage"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _column_texts(page, "retention-of-documents") == texts)
    assert _column_texts(page, "debt-bondage") == []
    assert [card.category for card in boards.snapshot(empty_session, L2P).cards] == [
        "retention-of-documents"
    ] * 3
