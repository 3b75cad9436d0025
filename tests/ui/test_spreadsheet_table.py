"""Tables edit like a spreadsheet: real key presses in the key-actions and agenda tables."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from facilitator.app import guidelines
from facilitator.app.session import WorkshopSession
from facilitator.core.guidelines import KeyAction
from facilitator.ui.agenda.model import COLUMNS
from facilitator.ui.agenda.page import AgendaPage
from facilitator.ui.edit_keeping_proxy import EditKeepingFilterProxy
from facilitator.ui.guidelines.models import ACTION_COLUMNS
from facilitator.ui.guidelines.page import GuidelinesPage
from facilitator.ui.spreadsheet_table import SpreadsheetTable

_EDITING = QAbstractItemView.State.EditingState


def _focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _type(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type as a person does: each key goes to whatever has the focus."""
    for character in text:
        qtbot.keyClick(_focus(), character)


def _press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(_focus(), key, modifier)


def _in_table(table: SpreadsheetTable) -> bool:
    focus = QApplication.focusWidget()
    return focus is table or (focus is not None and table.isAncestorOf(focus))


def _key_actions(qtbot, open_page, session: WorkshopSession):  # type: ignore[no-untyped-def]
    page, controller = open_page(GuidelinesPage, session)
    page.resize(1360, 740)
    page.activateWindow()
    row = next(
        r for r in range(page.sections_model.rowCount()) if page.sections_model.section(r).key == "victims"
    )
    page.outline.setCurrentIndex(page.sections_model.index(row))
    table = page.key_actions.table
    table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
    return page, controller, table


def _stored(session: WorkshopSession, action_id: int) -> KeyAction:
    return next(a for a in guidelines.draft(session).actions if a.id == action_id)


def test_tab_through_a_row_types_into_four_cells_and_stores_them(qtbot, open_page, sample_session) -> None:  # type: ignore[no-untyped-def]
    """Typing, Tab, typing… fills action, lead agency, partners and timeframe; all four are saved."""
    page, _, table = _key_actions(qtbot, open_page, sample_session)
    model = page.key_actions.model
    action_id = model.action(0).id
    table.setCurrentIndex(model.index(0, ACTION_COLUMNS.index("action")))
    values = ["Joint visits to fishing ports", "Ministry of Labour", "Police; IOM", "By the end of 2020"]
    for value in values:
        _type(qtbot, value)
        assert table.state() == _EDITING
        _press(qtbot, Qt.Key.Key_Tab)
    assert table.state() == _EDITING
    assert table.currentIndex().column() == ACTION_COLUMNS.index("recommendations")
    _press(qtbot, Qt.Key.Key_Escape)
    stored = _stored(sample_session, action_id)
    assert (stored.action, stored.lead_agency, stored.partners, stored.timeframe) == tuple(values)
    assert _in_table(table)


def test_shift_tab_goes_back_and_the_end_of_a_row_wraps(qtbot, open_page, sample_session) -> None:  # type: ignore[no-untyped-def]
    """Shift+Tab opens the previous cell; Tab past the last column opens the next row's first
    editable cell (the number column is skipped)."""
    page, _, table = _key_actions(qtbot, open_page, sample_session)
    model = page.key_actions.model
    table.setCurrentIndex(model.index(0, ACTION_COLUMNS.index("lead_agency")))
    _press(qtbot, Qt.Key.Key_F2)
    _press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert (table.currentIndex().row(), table.currentIndex().column()) == (0, ACTION_COLUMNS.index("action"))
    assert table.state() == _EDITING
    _press(qtbot, Qt.Key.Key_Escape)
    table.setCurrentIndex(model.index(0, ACTION_COLUMNS.index("status")))
    _press(qtbot, Qt.Key.Key_Tab)
    assert (table.currentIndex().row(), table.currentIndex().column()) == (1, ACTION_COLUMNS.index("action"))
    assert table.state() == _EDITING


def test_enter_commits_and_moves_down(qtbot, open_page, sample_session) -> None:  # type: ignore[no-untyped-def]
    """Enter opens a cell, Enter again saves it and goes to the cell below, closed."""
    page, _, table = _key_actions(qtbot, open_page, sample_session)
    model = page.key_actions.model
    action_id = model.action(0).id
    column = ACTION_COLUMNS.index("timeframe")
    table.setCurrentIndex(model.index(0, column))
    _press(qtbot, Qt.Key.Key_Return)
    assert table.state() == _EDITING
    _focus().selectAll()  # type: ignore[attr-defined]
    _type(qtbot, "Within a year")
    _press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _stored(sample_session, action_id).timeframe == "Within a year")
    qtbot.waitUntil(lambda: table.state() != _EDITING)
    assert (table.currentIndex().row(), table.currentIndex().column()) == (1, column)
    assert _in_table(table)


def test_escape_cancels_and_keeps_the_focus(qtbot, open_page, sample_session) -> None:  # type: ignore[no-untyped-def]
    """Esc throws the typing away; the stored value and the focus stay."""
    page, _, table = _key_actions(qtbot, open_page, sample_session)
    model = page.key_actions.model
    before = model.action(0)
    table.setCurrentIndex(model.index(0, ACTION_COLUMNS.index("partners")))
    _type(qtbot, "Nobody")
    _press(qtbot, Qt.Key.Key_Escape)
    assert table.state() != _EDITING
    assert _stored(sample_session, before.id).partners == before.partners
    assert _in_table(table)


def test_focus_never_leaves_by_tab(qtbot, open_page, sample_session) -> None:  # type: ignore[no-untyped-def]
    """Tab on the last cell keeps the focus, so the letters typed next edit a cell (they used to
    reach the page list and switch pages)."""
    page, _, table = _key_actions(qtbot, open_page, sample_session)
    model = page.key_actions.model
    last = model.rowCount() - 1
    table.setCurrentIndex(model.index(last, ACTION_COLUMNS.index("status")))
    for _ in range(3):
        _press(qtbot, Qt.Key.Key_Tab)
        assert _in_table(table)
    table.setCurrentIndex(model.index(last, ACTION_COLUMNS.index("source_group")))
    _type(qtbot, "Group 4")
    _press(qtbot, Qt.Key.Key_Tab)
    _press(qtbot, Qt.Key.Key_Escape)
    _press(qtbot, Qt.Key.Key_Tab)
    assert _in_table(table)
    assert _stored(sample_session, model.action(last).id).source_group == "Group 4"


def test_choice_cells_take_part_in_tab_order(qtbot, open_page, sample_session) -> None:  # type: ignore[no-untyped-def]
    """The status drop-down opens on Tab, takes a typed letter and is saved by the next Tab."""
    page, _, table = _key_actions(qtbot, open_page, sample_session)
    model = page.key_actions.model
    action_id = model.action(0).id
    table.setCurrentIndex(model.index(0, ACTION_COLUMNS.index("source_group")))
    _press(qtbot, Qt.Key.Key_Tab)
    assert table.currentIndex().column() == ACTION_COLUMNS.index("status")
    _type(qtbot, "D")
    _press(qtbot, Qt.Key.Key_Tab)
    assert _stored(sample_session, action_id).status == "deferred"


def test_agenda_table_keys(qtbot, open_page, sample_session) -> None:  # type: ignore[no-untyped-def]
    """In the agenda, Tab skips start, end and actual; a letter is a timer key, not an edit."""
    page, _ = open_page(AgendaPage, sample_session)
    page.activateWindow()
    keys = [key for key, _ in COLUMNS]
    table = page.table
    table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
    table.setCurrentIndex(page.model.index(0, keys.index("notes")))
    _press(qtbot, Qt.Key.Key_Tab)
    assert (table.currentIndex().row(), table.currentIndex().column()) == (1, keys.index("title"))
    assert table.state() == _EDITING
    _press(qtbot, Qt.Key.Key_Escape)
    before = page.timer.view().running
    _press(qtbot, Qt.Key.Key_Space)
    assert table.state() != _EDITING
    assert page.timer.view().running != before


def test_an_edited_row_stays_under_the_filter_until_it_changes(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A row edited so that it no longer matches stays shown; a new filter text lets it go."""
    source = QStandardItemModel()
    for name in ("Lao PDR", "Lao PDR", "Thailand"):
        source.appendRow([QStandardItem(name)])
    proxy = EditKeepingFilterProxy()
    proxy.setSourceModel(source)
    proxy.setFilterFixedString("Lao")
    assert proxy.rowCount() == 2
    assert proxy.setData(proxy.index(0, 0), "Viet Nam", Qt.ItemDataRole.EditRole)
    assert proxy.rowCount() == 2
    assert proxy.index(0, 0).data() == "Viet Nam"
    source.insertRow(0, [QStandardItem("Lao PDR")])
    assert proxy.rowCount() == 3
    proxy.setFilterFixedString("Lao")
    assert proxy.rowCount() == 2
    assert "Viet Nam" not in [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
