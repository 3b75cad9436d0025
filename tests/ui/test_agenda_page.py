"""The agenda page: item model, in-place edits, drag and drop, day warnings, timer keys."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QDialog, QMessageBox, QStyleOptionViewItem

from facilitator.app import agenda, boards, groups
from facilitator.app.session import WorkshopSession
from facilitator.app.timer import AgendaTimer
from facilitator.core.boards import LABOUR_TO_POLICE
from facilitator.ui.agenda.model import COLUMNS
from facilitator.ui.agenda.page import AgendaPage

KEYS = [key for key, _ in COLUMNS]


class Clocks:
    """Wall and monotonic clocks that move only when told to."""

    def __init__(self, when: datetime) -> None:
        self.now = when.timestamp()

    def read(self) -> float:
        return self.now


def _titles(page: AgendaPage) -> list[str]:
    column = KEYS.index("title")
    return [page.model.data(page.model.index(row, column)) for row in range(page.model.rowCount())]


def test_model_passes_qt_model_tester(
    qtbot, open_page, qtmodeltester, sample_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """The agenda model obeys Qt's model contract and shows the first day's items."""
    page, _ = open_page(AgendaPage, sample_session)
    qtmodeltester.check(page.model)
    assert page.model.rowCount() == 15
    assert page.model.data(page.model.index(0, KEYS.index("start"))) == "08:00"


def test_edit_in_place_retimes_and_undo_restores(qtbot, open_page, sample_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """Lengthening an item moves the next start; undo through the controller restores it."""
    page, controller = open_page(AgendaPage, sample_session)
    with qtbot.waitSignal(controller.workshop_changed):
        assert page.model.setData(page.model.index(0, KEYS.index("duration")), "45", Qt.ItemDataRole.EditRole)
    assert page.model.data(page.model.index(1, KEYS.index("start"))) == "08:45"
    assert "15 min after its planned end" in page.warning_label.text()
    controller.undo()
    assert page.model.data(page.model.index(1, KEYS.index("start"))) == "08:30"
    assert page.warning_label.text() == ""


def test_refused_edit_is_reported_and_not_kept(qtbot, open_page, sample_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """A kind that does not exist is refused with the field named, and the cell keeps its value."""
    shown: list[str] = []
    page, controller = open_page(AgendaPage, sample_session)
    controller.error_reported.connect(lambda _title, message: shown.append(message))
    assert not page.model.setData(page.model.index(0, KEYS.index("kind")), "party", Qt.ItemDataRole.EditRole)
    assert shown and shown[0].startswith("Kind:")
    assert page.model.data(page.model.index(0, KEYS.index("kind"))) == "Registration"


def test_flexible_check_box_saves(qtbot, open_page, sample_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """Ticking Flexible marks the item as one that may be shortened."""
    page, _ = open_page(AgendaPage, sample_session)
    index = page.model.index(0, KEYS.index("flexible"))
    assert page.model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert agenda.load_schedule(sample_session)[0].items[0].item.flexible
    assert page.model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_drag_and_drop_reorders_as_one_undo_step(qtbot, open_page, sample_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """Dropping the first two rows below the fourth moves them there; one undo puts them back."""
    page, controller = open_page(AgendaPage, sample_session)
    before = _titles(page)
    data = page.model.mimeData([page.model.index(0, 0), page.model.index(1, 0)])
    page.model.dropMimeData(data, Qt.DropAction.MoveAction, 4, 0, page.model.index(-1, -1))
    assert _titles(page)[:4] == [before[2], before[3], before[0], before[1]]
    assert controller.undo_label == "Move 2 agenda items"
    controller.undo()
    assert _titles(page) == before


def test_insert_delete_and_move_buttons(qtbot, open_page, sample_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """Insert adds a row after the selection, Alt+Down moves it, Delete removes it."""
    page, _ = open_page(AgendaPage, sample_session)
    page.table.selectRow(0)
    new_id = page.insert_item()
    assert new_id is not None and _titles(page)[1] == "New item"
    page.move_selected(1)
    assert _titles(page)[2] == "New item"
    page.delete_selected()
    assert "New item" not in _titles(page)


def test_days_can_be_switched_and_removed(
    qtbot, open_page, sample_session: WorkshopSession, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The day list switches the table; removing a day asks first and undo brings it back."""
    page, controller = open_page(AgendaPage, sample_session)
    page.day_combo.setCurrentIndex(1)
    assert _titles(page)[0].startswith("Recap of day 1")
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    page.remove_day()
    assert page.day_combo.count() == 1
    controller.undo()
    assert page.day_combo.count() == 2


def test_timer_keys_and_live_late_line(qtbot, open_page, sample_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """Space starts, + adds a minute, N moves on; the late line follows the clock."""
    page, _ = open_page(AgendaPage, sample_session)
    clocks = Clocks(datetime(2019, 5, 27, 8, 0))
    page.set_timer(AgendaTimer(sample_session, clocks.read, clocks.read))
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Space)
    assert page.timer.view().running
    qtbot.keyClick(page.table, Qt.Key.Key_Plus)
    clocks.now += 40 * 60
    page.panel.refresh()
    assert page.panel.countdown_label.text() == "+09:00"
    assert page.panel.late_label.text() == "Running 10 min late — Lunch now 12:10"
    qtbot.keyClick(page.table, Qt.Key.Key_N)
    view = page.timer.view()
    assert view.item is not None and view.item.item.title == "Opening: welcome remarks"
    page.panel.refresh()
    assert page.model.data(page.model.index(0, KEYS.index("actual"))) == "08:00–08:40"
    assert page.model.data(page.model.index(2, KEYS.index("now"))) == "09:10"


def test_recover_button_cuts_later_flexible_items(qtbot, open_page, sample_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """When late, the advice names items to shorten and Recover time brings the day back on time."""
    page, _ = open_page(AgendaPage, sample_session)
    clocks = Clocks(datetime(2019, 5, 27, 8, 0))
    page.set_timer(AgendaTimer(sample_session, clocks.read, clocks.read))
    page.show()
    page.panel.toggle()
    clocks.now += 36 * 60
    page.panel.refresh()
    assert page.panel.recover_button.isVisible()
    assert "Objectives, programme and introductions by 5 min" in page.panel.advice_label.text()
    page.panel.recover()
    assert page.panel.late_label.text().startswith("On time")


@pytest.mark.qt_log_ignore("does not support raise")  # The offscreen platform cannot raise windows.
def test_projector_opens_on_the_page_timer(qtbot, open_page, sample_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """The projector shows the same timer as the page, in its own top-level window."""
    page, _ = open_page(AgendaPage, sample_session)
    projector = page.open_projector()
    qtbot.addWidget(projector)
    assert projector.timer is page.timer
    assert projector.isWindow() and projector.isVisible()


def test_an_empty_workshop_invites_adding_a_day(
    qtbot, open_page, empty_session: WorkshopSession, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """With no days the page says so; adding a day through the dialog shows it in the list."""
    from facilitator.ui.agenda.dialogs import DayDialog

    page, _ = open_page(AgendaPage, empty_session)
    assert page.warning_label.text() == "The agenda has no days yet: add one."
    assert page.panel.refresh() is None or page.timer.view().status == "empty"
    monkeypatch.setattr(DayDialog, "exec", lambda self: (self.accept(), self.result())[1])
    page.add_day()
    assert page.day_combo.count() == 1
    assert page.insert_item() is not None
    assert _titles(page) == ["New item"]


def test_clear_record_asks_then_forgets_actual_times(
    qtbot, open_page, sample_session: WorkshopSession, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """After a rehearsal, Clear actual times (confirmed) empties the Actual column."""
    page, _ = open_page(AgendaPage, sample_session)
    clocks = Clocks(datetime(2019, 5, 27, 8, 0))
    page.set_timer(AgendaTimer(sample_session, clocks.read, clocks.read))
    page.panel.toggle()
    clocks.now += 60
    page.panel.next()
    assert page.model.data(page.model.index(0, KEYS.index("actual"))) == "08:00–08:01"
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    page.panel.clear_record()
    assert page.model.data(page.model.index(0, KEYS.index("actual"))) == ""
    assert page.timer.view().status == "ready"


def _row(page: AgendaPage, title_start: str) -> int:
    return next(row for row in range(page.model.rowCount()) if _titles(page)[row].startswith(title_start))


def _link_editor(page: AgendaPage, row: int) -> QComboBox:
    index = page.model.index(row, KEYS.index("link"))
    delegate = page.table.itemDelegateForColumn(KEYS.index("link"))
    editor = delegate.createEditor(page.table.viewport(), QStyleOptionViewItem(), index)
    assert isinstance(editor, QComboBox)
    delegate.setEditorData(editor, index)
    return editor


def test_link_editor_offers_the_rounds_and_boards_that_exist(
    qtbot, open_page, sample_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """The link cell's drop-down lists every round and board; choosing one saves that link."""
    page, _ = open_page(AgendaPage, sample_session)
    row = _row(page, "Breakout 1")
    editor = _link_editor(page, row)
    offered = [editor.itemText(i) for i in range(editor.count())]
    assert offered == [
        "(no link)",
        "Round: Breakout 1",
        "Round: Breakout 2",
        "Round: Breakout 3",
        "Board: Labour to police",
        "Board: Police to labour",
    ]
    assert editor.currentText() == "Board: Labour to police"
    editor.setCurrentIndex(editor.findData("round:Breakout 1"))
    delegate = page.table.itemDelegateForColumn(KEYS.index("link"))
    delegate.setModelData(editor, page.model, page.model.index(row, KEYS.index("link")))
    item_id = page.model.item_id(row)
    assert agenda.agenda_json(sample_session)[0]["items"][row]["id"] == item_id  # type: ignore[index]
    assert agenda.agenda_json(sample_session)[0]["items"][row]["link"] == "round:Breakout 1"  # type: ignore[index]
    assert page.model.data(page.model.index(row, KEYS.index("link"))) == "Round: Breakout 1"


def test_link_to_a_deleted_round_reads_as_missing(
    qtbot, open_page, qtmodeltester, sample_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """After its round is deleted a link shows in red as missing, and its editor keeps it chosen."""
    page, controller = open_page(AgendaPage, sample_session)
    row = _row(page, "Opening")
    link = page.model.index(row, KEYS.index("link"))
    assert page.model.setData(link, "round:Breakout 2", Qt.ItemDataRole.EditRole)
    stored = next(r for r in groups.rounds(sample_session) if r.name == "Breakout 2")
    with qtbot.waitSignal(page.model.dataChanged):
        controller.run(groups.delete_round, stored.id)
    assert page.model.data(link) == "round:Breakout 2 (missing)"
    assert page.model.data(link, Qt.ItemDataRole.ForegroundRole).color().name() == "#b42318"
    assert "no longer exists" in page.model.data(link, Qt.ItemDataRole.ToolTipRole)
    editor = _link_editor(page, row)
    assert editor.currentData() == "round:Breakout 2"
    assert editor.findData("round:Breakout 1") >= 0
    qtmodeltester.check(page.model)
    controller.undo()
    assert page.model.data(link) == "Round: Breakout 2"


def test_a_card_or_a_vote_leaves_the_agenda_rows_alone(
    qtbot, open_page, sample_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """Only a change to what items link to (a round, a board) touches the links column."""
    page, controller = open_page(AgendaPage, sample_session)
    changed: list[int] = []
    page.model.dataChanged.connect(lambda first, last: changed.append(last.row() - first.row() + 1))
    controller.run(boards.add_card, LABOUR_TO_POLICE, "ບັດປະຈຳຕົວ held by the broker (2)", group="Group 1")
    assert changed == []
    stored = next(r for r in groups.rounds(sample_session) if r.name == "Breakout 3")
    controller.run(groups.delete_round, stored.id)
    assert sum(changed) == page.model.rowCount()


def test_timer_panel_is_current_the_moment_it_is_shown(
    qtbot, open_page, sample_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """Opening the page shows the timer's state at once, not the "00:00" it was built with."""
    page, _ = open_page(AgendaPage, sample_session)
    clocks = Clocks(datetime(2019, 5, 27, 8, 0))
    page.set_timer(AgendaTimer(sample_session, clocks.read, clocks.read))
    page.panel.poll.stop()  # only showing the page may refresh it
    page.show()
    view = page.timer.view()
    assert page.panel.countdown_label.text() == (view.text if view.item else "—")
    assert page.panel.countdown_label.text() != "00:00"


def test_a_refused_day_keeps_the_dialog_open_with_what_was_typed(
    qtbot, open_page, sample_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """A date already in the agenda is explained, and the dialog stays with its fields; a free
    date then saves and closes it."""
    from PySide6.QtCore import QDate

    from facilitator.ui.agenda.dialogs import DayDialog

    page, controller = open_page(AgendaPage, sample_session)
    refusals: list[str] = []
    controller.error_reported.connect(lambda _title, text: refusals.append(text))
    saved: list[dict[str, str]] = []

    def submit(values: dict[str, str]) -> bool:
        saved.append(values)
        return controller.run(agenda.add_day, **values) is not None

    dialog = DayDialog(None, datetime(2019, 5, 27).date(), submit)
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("Field visit")
    dialog.accept()
    assert len(refusals) == 1 and refusals[0].startswith("Date: the agenda already has a day on")
    assert dialog.result() == QDialog.DialogCode.Rejected and dialog.title_edit.text() == "Field visit"
    dialog.date_edit.setDate(QDate(2019, 5, 29))
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert [values["date"] for values in saved] == ["2019-05-27", "2019-05-29"]
    assert page.day_combo.count() == 3


def _place(page: AgendaPage) -> tuple[int, int, list[int], int]:
    """Current row and column, selected rows and scroll position, as the user sees them."""
    current = page.table.currentIndex()
    selected = sorted(i.row() for i in page.table.selectionModel().selectedRows())
    return current.row(), current.column(), selected, page.table.verticalScrollBar().value()


def test_edits_elsewhere_and_the_timer_keep_the_place_and_the_editor(
    qtbot, open_page, sample_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """Another item lengthened, the timer started and an item inserted above: no reset, the
    selection, current cell, scroll and the open editor stay, and the times are new."""
    page, controller = open_page(AgendaPage, sample_session)
    page.resize(1200, 300)
    resets: list[int] = []
    page.model.modelReset.connect(lambda: resets.append(1))
    page.table.selectRow(8)
    notes = page.model.index(8, KEYS.index("notes"))
    page.table.setCurrentIndex(notes)
    page.table.scrollTo(notes)
    page.table.edit(notes)
    editor = page.table.indexWidget(notes) or page.table.focusWidget()
    before = _place(page)
    first = page.model.item_id(0)
    controller.run(agenda.edit_item, first, duration="45")
    page.panel.toggle()
    assert _place(page) == before
    assert page.model.data(page.model.index(1, KEYS.index("start"))) == "08:45"
    actual = [
        page.model.data(page.model.index(r, KEYS.index("actual"))) for r in range(page.model.rowCount())
    ]
    assert any(actual)
    day = page.model.day
    assert day is not None
    controller.run(agenda.add_item, day.day.id, 0, title="Housekeeping", kind="plenary", duration=5)
    assert page.table.currentIndex().row() == 9
    assert page.table.state() == QAbstractItemView.State.EditingState
    assert page.table.focusWidget() is editor
    assert resets == []


def test_a_hidden_agenda_page_does_no_work_and_is_current_when_shown(
    qtbot, open_page, monkeypatch, sample_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """While hidden the page reads nothing; shown again, it shows every change made meanwhile."""
    page, controller = open_page(AgendaPage, sample_session)
    page.hide()
    reads: list[str] = []
    original = agenda.load_schedule
    monkeypatch.setattr(agenda, "load_schedule", lambda session: reads.append("read") or original(session))
    first = page.model.item_id(0)
    for minutes in (20, 25, 40):
        controller.run(agenda.edit_item, first, duration=str(minutes))
    assert reads == []
    page.show()
    assert page.model.data(page.model.index(0, KEYS.index("duration"))) == "40"
    assert page.model.data(page.model.index(1, KEYS.index("start"))) == "08:40"
    assert len(reads) == 1
