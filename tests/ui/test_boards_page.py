"""The red-flag board page and its projector, driven through their own widgets and models."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QStyleOptionViewItem

from facilitator.app import agenda, board_setup, boards, groups
from facilitator.app.session import WorkshopSession
from facilitator.app.timer import AgendaTimer
from facilitator.core.boards import LABOUR_TO_POLICE, Category, RedFlagCard, consolidate
from facilitator.ui.boards.columns import COLUMN_MAX_WIDTH, COLUMN_MIN_WIDTH
from facilitator.ui.boards.delegate import CardTextEditor, elided_lines
from facilitator.ui.boards.models import CardItem, ColumnModel, MatrixModel
from facilitator.ui.boards.page import BoardsPage
from facilitator.ui.boards.wall import readable_sizes
from facilitator.ui.controller import Controller

L2P = LABOUR_TO_POLICE


def _page(open_page, session: WorkshopSession) -> tuple[BoardsPage, Controller]:  # type: ignore[no-untyped-def]
    """The boards page at the size of a large laptop screen, where every column shows."""
    page, controller = open_page(BoardsPage, session)
    page.resize(1400, 800)
    return page, controller


def _column(page: BoardsPage, key: str) -> ColumnModel:
    return page.columns.columns[key].model


def _texts(page: BoardsPage, key: str) -> list[str]:
    return [item.card.text for item in _column(page, key).items()]


def _seed(session: WorkshopSession) -> list[int]:
    add = boards.add_card
    return [
        add(session, L2P, "Passports kept in the office", category="retention-of-documents", group="Group 1"),
        add(session, L2P, "ID cards held by recruiter", category="retention-of-documents", group="Group 2"),
        add(session, L2P, "Debt grows every month", category="debt-bondage", group="Group 2"),
    ]


def test_column_and_matrix_models_pass_qt_model_tester(
    qtbot, open_page, qtmodeltester, empty_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """Both item models obey Qt's model contract with real cards in them."""
    ids = _seed(empty_session)
    boards.merge_cards(empty_session, ids[0], [ids[1]])
    page, _ = _page(open_page, empty_session)
    qtmodeltester.check(_column(page, "retention-of-documents"))
    matrix = MatrixModel()
    matrix.set_sections(consolidate([boards.snapshot(empty_session, L2P)]))
    qtmodeltester.check(matrix)
    assert matrix.rowCount() == 11 + 2


def test_column_model_announces_small_changes(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Appending inserts rows, dropping cards removes rows, a changed card is redrawn; no reset."""
    model = ColumnModel(Category("deception", "Deception"))
    cards = [RedFlagCard(i, L2P, "deception", f"card {i}") for i in range(1, 5)]
    items = [CardItem(c, 0, (), ()) for c in cards]
    model.set_items(items[:2])
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        model.set_items(items)
    assert inserted.args[1:] == [2, 3]
    with qtbot.waitSignal(model.rowsRemoved):
        model.set_items([items[0], items[2], items[3]])
    changed = CardItem(cards[2], 4, (), ("Group 1",))
    with qtbot.waitSignal(model.dataChanged) as redrawn:
        model.set_items([items[0], changed, items[3]])
    assert redrawn.args[0].row() == 1 and resets == []
    assert model.data(model.index(1), Qt.ItemDataRole.DisplayRole) == "card 3"


# The offscreen platform cannot raise the completion popup or grab the keyboard for it; harmless here.
@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")
def test_keyboard_only_add_with_category_completion(qtbot, open_page, empty_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """Typing a flag, Tab, part of a category name and Enter adds the card to that column."""
    page, _ = _page(open_page, empty_session)
    page.show()
    with qtbot.waitActive(page):
        page.activateWindow()
    page.add_bar.text.setFocus()
    assert page.add_bar.text.hasFocus()
    qtbot.keyClicks(page.add_bar.text, 'Boss keeps "all" passports <b>')
    qtbot.keyClick(page.add_bar.text, Qt.Key.Key_Tab)
    assert page.add_bar.category.hasFocus()
    qtbot.keyClicks(page.add_bar.category, "retention")
    qtbot.keyClick(page.add_bar.category, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(_texts(page, "retention-of-documents")))
    [card] = boards.snapshot(empty_session, L2P).cards
    assert (card.text, card.category) == ('Boss keeps "all" passports <b>', "retention-of-documents")
    assert page.add_bar.text.text() == "" and page.add_bar.text.hasFocus()


def test_add_to_unknown_category_is_refused_with_the_list(
    qtbot, open_page, empty_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """A category that matches nothing is refused with the valid ones, and the text stays for a retry."""
    page, controller = _page(open_page, empty_session)
    page.add_bar.text.setText("Something")
    page.add_bar.category.setText("forced marriage")
    with qtbot.waitSignal(controller.error_reported) as refused:
        page.add_bar.submit()
    assert "debt-bondage" in refused.args[1]
    assert page.add_bar.text.text() == "Something"


def test_edit_in_place_and_undo(qtbot, open_page, empty_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """An edit through the column model is saved exactly (newlines included); undo restores it."""
    [card_id, *_] = _seed(empty_session)
    page, controller = _page(open_page, empty_session)
    model = _column(page, "retention-of-documents")
    assert model.setData(model.index(0), "Line one\nline two ແຮງງານ", Qt.ItemDataRole.EditRole)
    assert boards.snapshot(empty_session, L2P).card(card_id).text == "Line one\nline two ແຮງງານ"
    assert _texts(page, "retention-of-documents")[0] == "Line one\nline two ແຮງງານ"
    controller.undo()
    assert _texts(page, "retention-of-documents")[0] == "Passports kept in the office"


def test_drop_moves_cards_between_columns(qtbot, open_page, empty_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """Dropping a card dragged from one column onto another moves it to that category."""
    ids = _seed(empty_session)
    page, _ = _page(open_page, empty_session)
    source = _column(page, "debt-bondage")
    target = _column(page, "withholding-wages")
    data = source.mimeData([source.index(0)])
    target.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, QModelIndex())
    qtbot.waitUntil(lambda: _texts(page, "withholding-wages") == ["Debt grows every month"])
    assert _texts(page, "debt-bondage") == []
    assert boards.snapshot(empty_session, L2P).card(ids[2]).category == "withholding-wages"


def test_keyboard_move_merge_and_vote(qtbot, open_page, empty_session: WorkshopSession, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Alt+Right moves the focused card; Merge folds selected cards; + places the voting group's dots."""
    ids = _seed(empty_session)
    page, controller = _page(open_page, empty_session)
    view = page.columns.columns["retention-of-documents"].view
    model = _column(page, "retention-of-documents")
    selection = view.selectionModel()
    selection.select(model.index(1), QItemSelectionModel.SelectionFlag.Select)
    selection.setCurrentIndex(model.index(0), QItemSelectionModel.SelectionFlag.Select)
    monkeypatch.setattr(page.columns, "current_id", lambda: ids[0])
    page.board_actions.merge.trigger()
    [flag] = [f for f in boards.top_red_flags(empty_session, L2P) if f.card_id == ids[0]]
    assert flag.merged_texts == ("ID cards held by recruiter",) and flag.sources == ("Group 1", "Group 2")
    page.voting_group.setCurrentText("Group 3")
    page.board_actions.add_dot.trigger()
    page.board_actions.add_dot.trigger()
    assert boards.snapshot(empty_session, L2P).total_votes(ids[0]) == 2
    assert page.dots_label.text() == "Group 3: 3 of 5 dots left"
    page.board_actions.remove_dot.trigger()
    assert boards.snapshot(empty_session, L2P).total_votes(ids[0]) == 1
    page.board_actions.move_right.trigger()
    assert boards.snapshot(empty_session, L2P).card(ids[0]).category == "withholding-wages"
    assert _texts(page, "withholding-wages") == ["Passports kept in the office"]
    controller.undo()
    assert _texts(page, "retention-of-documents") == ["Passports kept in the office"]


def test_budget_refusal_is_reported(qtbot, open_page, empty_session: WorkshopSession, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """When the voting group has no dots left, the page reports why and nothing is stored."""
    ids = _seed(empty_session)
    boards.set_budget(empty_session, L2P, 1)
    page, controller = _page(open_page, empty_session)
    monkeypatch.setattr(page.columns, "current_id", lambda: ids[2])
    page.voting_group.setCurrentText("Group 1")
    page.vote(+1)
    with qtbot.waitSignal(controller.error_reported) as refused:
        page.vote(+1)
    assert "used all 1 dots" in refused.args[1]
    assert page.group_budget.value() == 1


@pytest.mark.qt_log_ignore("does not support raise")
def test_silent_writing_reveal_and_projector(qtbot, open_page, empty_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """In silent writing the projector shows nothing new; after Reveal all it shows every card."""
    _seed(empty_session)
    page, _ = _page(open_page, empty_session)
    page.board_actions.silent.trigger()
    assert boards.board(empty_session, L2P).hidden
    page.add_card("Workers locked in at night", "restriction", "Group 4")
    projector = page.open_projector()
    qtbot.addWidget(projector)
    assert "Workers locked in at night" not in projector.revealed_texts()
    assert "Debt grows every month" in projector.revealed_texts()
    assert "1 card is hidden" in page.banner.text()
    page.board_actions.reveal_all.trigger()
    assert "Workers locked in at night" in projector.revealed_texts()
    assert not page.board_actions.silent.isChecked()
    page.board_actions.matrix.trigger()
    assert projector.matrix_mode and "Workers locked in at night" in projector.revealed_texts()


def test_lock_disables_writing(qtbot, open_page, empty_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """A locked board disables the add bar and refuses changes with a message."""
    ids = _seed(empty_session)
    page, controller = _page(open_page, empty_session)
    page.board_actions.lock.trigger()
    assert boards.board(empty_session, L2P).locked and not page.add_bar.isEnabled()
    with qtbot.waitSignal(controller.error_reported) as refused:
        page.move_cards([ids[0]], "deception")
    assert "locked" in refused.args[1]


def test_group_filter_and_notes(qtbot, open_page, empty_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """Choosing a group shows only its cards and lets its rapporteur write notes that are saved."""
    _seed(empty_session)
    page, _ = _page(open_page, empty_session)
    page.group_filter.setCurrentText("Group 2")
    page.group_filter.activated.emit(page.group_filter.currentIndex())
    assert _texts(page, "retention-of-documents") == ["ID cards held by recruiter"]
    assert page.notes_panel.group == "Group 2" and page.notes_panel.summary.isEnabled()
    page.notes_panel.summary.setPlainText("We agreed debt is the key sign.")
    page.notes_panel.summary.document().setModified(True)
    page.notes_panel.summary.committed.emit(page.notes_panel.summary.toPlainText())
    assert board_setup.group_notes(empty_session, L2P, "Group 2").summary == "We agreed debt is the key sign."


def test_matrix_view_ranks_by_votes(qtbot, open_page, empty_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """The plenary matrix lists each category's flags, most votes first, with headings spanned."""
    ids = _seed(empty_session)
    boards.add_dot(empty_session, ids[1], "Group 1")
    page, _ = _page(open_page, empty_session)
    page.board_actions.matrix.trigger()
    model = page.matrix_model
    rows = [model.index(r, 1).data() for r in range(model.rowCount()) if not model.is_heading(r)]
    assert rows == ["ID cards held by recruiter", "Passports kept in the office", "Debt grows every month"]
    heading = next(r for r in range(model.rowCount()) if model.is_heading(r))
    assert page.matrix_view.columnSpan(heading, 0) == model.columnCount()


def test_cards_are_painted_as_notes(qtbot, open_page, empty_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """A revealed card is drawn on note-coloured paper in its column."""
    _seed(empty_session)
    page, _ = _page(open_page, empty_session)
    page.show()
    qtbot.waitExposed(page)
    view = page.columns.columns["debt-bondage"].view
    image = view.viewport().grab().toImage()
    rect = view.visualRect(_column(page, "debt-bondage").index(0))
    assert image.pixelColor(rect.center().x(), rect.bottom() - 8) == QColor("#fff4c2")


def test_in_place_editor_saves_on_enter(qtbot, open_page, empty_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """F2 opens an editor over the card; Shift+Enter starts a line, Enter saves the exact text."""
    [card_id, *_] = _seed(empty_session)
    page, _ = _page(open_page, empty_session)
    page.show()
    qtbot.waitExposed(page)
    view = page.columns.columns["retention-of-documents"].view
    view.setFocus()
    view.setCurrentIndex(_column(page, "retention-of-documents").index(0))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.findChild(CardTextEditor)
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, "Safe <locked>")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(editor, "& guarded")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: boards.snapshot(empty_session, L2P).card(card_id).text == "Safe <locked>\n& guarded"
    )


def test_exports_from_the_page(
    qtbot, open_page, empty_session: WorkshopSession, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Export writes the board's PDF off the GUI thread and offers it for preview; a group's output too."""
    _seed(empty_session)
    board_setup.save_group_notes(empty_session, L2P, "Group 2", questions="Who keeps the evidence?")
    page, controller = _page(open_page, empty_session)
    target = tmp_path / "board.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    with qtbot.waitSignal(controller.document_ready, timeout=20000) as ready:
        page.board_actions.export_pdf.trigger()
    assert ready.args[0] == target and target.read_bytes().startswith(b"%PDF")
    target = tmp_path / "group.pdf"
    with qtbot.waitSignal(controller.document_ready, timeout=20000):
        page.export_group("Group 2")
    assert target.stat().st_size > 1000


def _combo_texts(combo) -> list[str]:  # type: ignore[no-untyped-def]
    return [combo.itemText(i) for i in range(combo.count())]


def test_groups_of_the_breakout_round_are_offered_and_follow_the_agenda(
    qtbot, open_page, sample_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """Before any card the round's groups are offered; moving the timer to another breakout
    offers that round's groups, with names used on cards kept after them."""
    groups.assign_round(sample_session, "Breakout 2", 3)
    page, _ = _page(open_page, sample_session)
    six = [f"Group {n}" for n in range(1, 7)]
    assert _combo_texts(page.group_filter) == ["All groups", *six]
    assert _combo_texts(page.voting_group) == six
    assert _combo_texts(page.add_bar.group) == ["", *six]
    boards.add_card(sample_session, L2P, "Wages paid to the broker", category="debt-bondage", group="Plenary")
    breakout_2 = next(
        t.item.id
        for day in agenda.load_schedule(sample_session)
        for t in day.items
        if t.item.title.startswith("Breakout 2")
    )
    timer = AgendaTimer(sample_session)
    timer.go_to(breakout_2)
    timer.close()
    assert _combo_texts(page.group_filter) == ["All groups", "Group 1", "Group 2", "Group 3", "Plenary"]
    page.board_choice.setCurrentIndex(page.board_choice.findData("police-to-labour"))
    page.board_choice.activated.emit(page.board_choice.currentIndex())
    assert _combo_texts(page.voting_group) == ["Group 1", "Group 2", "Group 3"]


def _fully_visible_columns(page: BoardsPage) -> int:
    viewport = page.columns.viewport()
    count = 0
    for column in page.columns.columns.values():
        left = column.mapTo(viewport, column.rect().topLeft()).x()
        if column.isVisible() and left >= 0 and left + column.width() <= viewport.width():
            count += 1
    return count


def test_columns_are_narrow_on_a_laptop_and_grow_when_there_is_room(
    qtbot, open_page, empty_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """On a 1366-pixel laptop more than four referral columns fit; a small board's columns widen
    to use a wide screen, up to their widest."""
    page, _ = _page(open_page, empty_session)
    page.resize(1170, 700)
    page.show()
    qtbot.waitExposed(page)
    widths = {column.width() for column in page.columns.columns.values()}
    assert widths == {COLUMN_MIN_WIDTH}
    assert _fully_visible_columns(page) >= 4
    key = board_setup.create_board(empty_session, "Good practice", ["Laws", "Practice", "Gaps"])
    page._fill_board_choice()
    page.board_choice.setCurrentIndex(page.board_choice.findData(key))
    page.board_choice.activated.emit(page.board_choice.currentIndex())
    qtbot.waitUntil(lambda: _fully_visible_columns(page) == 4)
    assert all(COLUMN_MIN_WIDTH < c.width() <= COLUMN_MAX_WIDTH for c in page.columns.columns.values())
    page.resize(2400, 900)
    qtbot.waitUntil(lambda: {c.width() for c in page.columns.columns.values()} == {COLUMN_MAX_WIDTH})


def test_a_long_red_flag_still_reads_whole_in_a_narrow_column(
    qtbot, open_page, empty_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """A red flag of 120 characters, whole in the old wide column, is still shown without "…" in
    the narrowest column (it takes the page's extra line)."""
    text = (
        "Job advertised as factory work in the city; workers were taken to a fishing boat at sea "
        "instead, with a different employer"
    )
    boards.add_card(empty_session, L2P, text, category="abuse-of-vulnerability", group="Group 4")
    page, _ = _page(open_page, empty_session)
    page.resize(1170, 700)
    page.show()
    qtbot.waitExposed(page)
    column = page.columns.columns["abuse-of-vulnerability"]
    assert column.width() == COLUMN_MIN_WIDTH
    option = QStyleOptionViewItem()
    option.initFrom(column.view)
    # A card spans its column's viewport; the note's border and padding take 24 pixels of that.
    inner_width = column.view.viewport().width() - 24
    lines = elided_lines(text, QFont(option.font), inner_width, column.delegate.lines)
    assert " ".join(lines) == text


def test_side_panels_keep_their_text_boxes_readable_on_a_projector(
    qtbot, sample_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """In a 1280 × 720 window the selected card and the group notes scroll; no text box is squashed."""
    from PySide6.QtWidgets import QPlainTextEdit

    from facilitator.ui.main_window import MainWindow

    window = MainWindow(Controller(sample_session))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    page = window.show_page("boards")
    qtbot.wait(10)
    edits = page.card_panel.findChildren(QPlainTextEdit) + page.notes_panel.findChildren(QPlainTextEdit)
    assert len(edits) >= 5
    assert page.minimumSizeHint().height() <= page.height()  # nothing has to be squashed to fit
    assert min(edit.height() for edit in edits) >= 3 * edits[0].fontMetrics().lineSpacing()


def test_new_board_dialog_keeps_what_was_typed_when_refused(
    qtbot, open_page, sample_session: WorkshopSession, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """No category is explained and the title stays; with categories the board is created and shown."""
    from facilitator.ui.boards.new_board_dialog import NewBoardDialog

    page, controller = _page(open_page, sample_session)
    refusals: list[str] = []
    controller.error_reported.connect(lambda _title, text: refusals.append(text))
    seen: list[NewBoardDialog] = []

    def fill_and_accept(dialog: NewBoardDialog) -> int:
        seen.append(dialog)
        dialog.title_edit.setText("Good practice")
        dialog.accept()
        assert refusals == ["Categories: give the board at least one category (a column)."]
        assert dialog.result() == 0 and dialog.title_edit.text() == "Good practice"
        dialog.categories_edit.setText("Laws, Practice, Gaps")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(NewBoardDialog, "exec", fill_and_accept)
    key = page.create_board()
    assert key is not None and page.board_id == key
    assert [c.label for c in boards.board(sample_session, key).categories] == ["Laws", "Practice", "Gaps"]
    assert (
        seen[0].findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).text()
        == "Create board"
    )


def test_merge_with_one_card_selected_says_how_to_select_more(
    qtbot, open_page, empty_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """The same advice as the guidelines page gives: select two or more, with Ctrl+click."""
    _seed(empty_session)
    page, controller = _page(open_page, empty_session)
    refusals: list[str] = []
    controller.error_reported.connect(lambda _title, text: refusals.append(text))
    view = page.columns.columns["retention-of-documents"].view
    view.selectionModel().select(
        _column(page, "retention-of-documents").index(0), QItemSelectionModel.SelectionFlag.Select
    )
    page.board_actions.merge.trigger()
    assert refusals == ["Merge: select two or more cards (Ctrl+click), then merge."]


# The offscreen platform cannot raise windows; it says so as a warning.
@pytest.mark.qt_log_ignore("This plugin does not support")
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_projector_fits_every_column_with_cards_side_by_side(
    qtbot, open_page, empty_session: WorkshopSession, size: tuple[int, int]
) -> None:  # type: ignore[no-untyped-def]
    """With a card in each of the eight categories, all eight columns stand side by side on one
    screen, in type larger than the readable floor."""
    board = boards.board(empty_session, L2P)
    for number, category in enumerate(board.categories[:8]):
        boards.add_card(
            empty_session, L2P, f"Red flag number {number} seen at the site", category=category.key
        )
    page, _ = _page(open_page, empty_session)
    projector = page.open_projector()
    qtbot.addWidget(projector)
    projector.showNormal()
    projector.resize(*size)
    qtbot.waitUntil(lambda: projector.wall.fitted and bool(projector.wall.painted))
    layout = projector.wall.wall_layout
    assert projector.wall.page_count == 1 and len(layout.pages[0]) == 8
    assert layout.size > readable_sizes(projector.height())[0]
    assert projector.page_line.text() == ""


# The offscreen platform cannot raise windows; it says so as a warning.
@pytest.mark.qt_log_ignore("This plugin does not support")
def test_projector_matrix_lists_only_categories_with_red_flags_and_fits_its_rows(
    qtbot, open_page, empty_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """On the wall the matrix leaves out empty categories, gives text columns the width, and
    refits row heights when the window changes size."""
    board = boards.board(empty_session, L2P)
    boards.add_card(
        empty_session, L2P, "Workers cannot leave the dormitory at night", category=board.categories[2].key
    )
    page, _ = _page(open_page, empty_session)
    projector = page.open_projector()
    qtbot.addWidget(projector)
    projector.set_matrix_mode(True)
    projector.showNormal()
    projector.resize(1920, 1080)
    qtbot.wait(10)
    model, view = projector.matrix_model, projector.matrix_view
    assert [model.is_heading(row) for row in range(model.rowCount())] == [True, False]
    assert view.columnWidth(1) > 3 * view.columnWidth(4)  # red flag, not the vote count, gets the room
    wide = view.rowHeight(1)
    projector.resize(640, 720)
    qtbot.wait(10)
    assert view.rowHeight(1) > wide
