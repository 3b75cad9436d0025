"""The roster table updates only the rows an action changed, and keeps the typist's place."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView

from facilitator.app import roster
from facilitator.app.session import WorkshopSession
from facilitator.ui.roster.page import RosterPage

_ROWS = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows


def _resets(page: RosterPage) -> list[int]:
    resets: list[int] = []
    page.model.modelReset.connect(lambda: resets.append(1))
    return resets


def _place(page: RosterPage) -> tuple[int, int, list[int], int]:
    """Current row and column, selected rows and scroll position, as the user sees them."""
    current = page.table.currentIndex()
    selected = sorted(i.row() for i in page.table.selectionModel().selectedRows())
    return current.row(), current.column(), selected, page.table.verticalScrollBar().value()


def test_an_edit_elsewhere_keeps_selection_current_cell_and_scroll(
    qtbot, open_page, sample_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """Another row edited by a command (the check-in desk, the CLI's twin) leaves the place alone."""
    page, controller = open_page(RosterPage, sample_session)
    page.resize(1200, 400)
    resets = _resets(page)
    table = page.table
    table.setCurrentIndex(page.proxy.index(40, 2))
    for row in (40, 41, 42):
        table.selectionModel().select(page.proxy.index(row, 0), _ROWS)
    table.scrollTo(page.proxy.index(40, 2), QAbstractItemView.ScrollHint.PositionAtTop)
    before = _place(page)
    other = page.model.participant(3)
    controller.run(roster.edit_participant, other.id, position="Chief of the Anti-Trafficking Division")
    assert _place(page) == before
    assert page.model.participant(3).position == "Chief of the Anti-Trafficking Division"
    assert resets == []


def test_an_open_editor_survives_an_edit_elsewhere(qtbot, open_page, sample_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """The cell being typed in keeps its editor while another row changes."""
    page, controller = open_page(RosterPage, sample_session)
    index = page.proxy.index(10, 6)
    page.table.setCurrentIndex(index)
    page.table.edit(index)
    assert page.table.state() == QAbstractItemView.State.EditingState
    controller.run(roster.edit_participant, page.model.participant(20).id, organisation="Ministry of Labour")
    controller.run(roster.add_participant, name="Aung Aung", native_name="ဦး.အောင်အောင် (၁၂)")
    assert page.table.state() == QAbstractItemView.State.EditingState
    assert page.table.currentIndex().row() == 10
    # Esc closes it unsaved; an editor left open would commit into the page as it is torn down.
    qtbot.keyClick(page.table.focusWidget(), Qt.Key.Key_Escape)
    assert page.table.state() == QAbstractItemView.State.NoState


def test_inserts_and_removals_land_in_sorted_place_and_undo_puts_them_back(
    qtbot, open_page, sample_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """A new person lands where the sort puts them; a removal and its undo change only those rows."""
    page, controller = open_page(RosterPage, sample_session)
    resets = _resets(page)
    page.model.sort(1, Qt.SortOrder.AscendingOrder)
    new_id = controller.run(roster.add_participant, name="Aaron Abad")
    assert page.model.participant(0).id == new_id
    gone = [page.model.participant(r).id for r in (5, 6)]
    controller.run(roster.remove_participants, gone)
    assert page.model.rowCount() == 67 and page.model.row_of(gone[0]) is None
    controller.undo()
    assert page.model.rowCount() == 69
    names = [page.model.participant(r).name.casefold() for r in range(page.model.rowCount())]
    assert names == sorted(names)
    assert resets == []


def test_a_hidden_page_does_no_work_and_is_current_when_shown(
    qtbot, open_page, monkeypatch, sample_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """While hidden the page reads nothing; shown again, it shows every change made meanwhile."""
    page, controller = open_page(RosterPage, sample_session)
    page.hide()
    reads: list[str] = []
    for name in ("participants", "participants_by_id"):
        original = getattr(roster, name)
        monkeypatch.setattr(
            roster, name, lambda *a, _o=original, _n=name, **k: reads.append(_n) or _o(*a, **k)
        )
    person = page.model.participant(0)
    for number in range(5):
        controller.run(roster.edit_participant, person.id, position=f"Inspector grade {number}")
    assert reads == []
    page.show()
    assert page.model.participant(page.model.row_of(person.id) or 0).position == "Inspector grade 4"
    assert reads == ["participants"]


def test_an_edited_row_stays_in_view_until_the_search_changes(
    qtbot, open_page, sample_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """Editing away the very text searched for does not make the row vanish under the cursor."""
    page, _ = open_page(RosterPage, sample_session)
    page.search.setText("Lao PDR")
    shown = page.proxy.rowCount()
    assert shown > 0
    delegation = page.proxy.index(0, 4)
    assert page.proxy.setData(delegation, "Thailand", Qt.ItemDataRole.EditRole)
    assert page.proxy.rowCount() == shown
    assert page.proxy.index(0, 4).data() == "TH"
    page.search.setText("Lao PDR ")
    page.search.setText("Lao PDR")
    assert page.proxy.rowCount() == shown - 1


def test_tab_types_along_a_row_and_every_cell_is_stored(
    qtbot, open_page, sample_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """Typing, Tab, typing…: organisation, position and e-mail land in the workshop, focus stays."""
    page, _ = open_page(RosterPage, sample_session)
    page.model.sort(0, Qt.SortOrder.AscendingOrder)
    person = page.model.participant(0)
    table = page.table
    table.setFocus()
    table.setCurrentIndex(page.proxy.index(0, 5))
    for number, text in enumerate(("Ministry of Labour (Dept. 2)", "Labour inspector", "labour")):
        if number:
            qtbot.keyClick(table.focusWidget(), Qt.Key.Key_Tab)
            table.focusWidget().selectAll()  # Tab opens the next cell's editor with its text chosen
        else:
            qtbot.keyClick(table, text[0])  # typing on a cell opens its editor with that letter
            text = text[1:]
        qtbot.keyClicks(table.focusWidget(), text)
    qtbot.keyClick(table.focusWidget(), Qt.Key.Key_Return)
    stored = next(p for p in roster.participants(sample_session) if p.id == person.id)
    assert (stored.organisation, stored.position, stored.sector) == (
        "Ministry of Labour (Dept. 2)",
        "Labour inspector",
        "labour",
    )
    assert table.hasFocus() or table.isAncestorOf(table.focusWidget())
