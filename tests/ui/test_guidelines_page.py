"""The guidelines page: outline, in-place edits, merge, status, text, versions, undo."""

from __future__ import annotations

import gc

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QInputDialog

from facilitator.app import guidelines
from facilitator.ui.guidelines.models import ACTION_COLUMNS
from facilitator.ui.guidelines.page import GuidelinesPage


def _open_section(page: GuidelinesPage, key: str) -> None:
    row = next(r for r in range(page.sections_model.rowCount()) if page.sections_model.section(r).key == key)
    page.outline.setCurrentIndex(page.sections_model.index(row))


def test_models_pass_qt_model_tester(qtbot, open_page, qtmodeltester, sample_session) -> None:  # type: ignore[no-untyped-def]
    """The outline, key-action and trigger models obey Qt's model contract."""
    page, _ = open_page(GuidelinesPage, sample_session)
    _open_section(page, "information-sharing")
    qtmodeltester.check(page.sections_model)
    qtmodeltester.check(page.key_actions.model)
    qtmodeltester.check(page.triggers_model)
    assert page.sections_model.rowCount() == 9
    assert page.key_actions.model.rowCount() == 3
    assert page.key_actions.model.data(page.key_actions.model.index(2, 0)) == "5.3"


def test_outline_shows_counts_and_switching_section_shows_its_actions(
    qtbot, open_page, sample_session
) -> None:  # type: ignore[no-untyped-def]
    """Each outline row is numbered with its count; choosing a row shows that section."""
    page, _ = open_page(GuidelinesPage, sample_session)
    assert (
        page.sections_model.data(page.sections_model.index(3))
        == "4. Joint inspections and investigations  (2)"
    )
    _open_section(page, "recruitment-agencies")
    assert page.heading.text() == "7. Recruitment-agency licensing and monitoring"
    assert (
        page.key_actions.model.data(page.key_actions.model.index(0, ACTION_COLUMNS.index("status")))
        == "Agreed"
    )
    assert not page.triggers_box.isVisibleTo(page)
    _open_section(page, "triggers-labour-police")
    assert page.triggers_box.isVisibleTo(page)


def test_edit_in_place_saves_and_undo_restores(qtbot, open_page, sample_session) -> None:  # type: ignore[no-untyped-def]
    """A cell edit is saved through the app layer; undo through the controller restores it."""
    page, controller = open_page(GuidelinesPage, sample_session)
    _open_section(page, "victims")
    index = page.key_actions.model.index(0, ACTION_COLUMNS.index("timeframe"))
    with qtbot.waitSignal(controller.workshop_changed):
        assert page.key_actions.model.setData(index, "Within 6 months", Qt.ItemDataRole.EditRole)
    assert page.key_actions.model.data(index) == "Within 6 months"
    controller.undo()
    assert (
        page.key_actions.model.data(page.key_actions.model.index(0, ACTION_COLUMNS.index("timeframe")))
        == "Ongoing"
    )
    controller.redo()
    assert guidelines.draft(sample_session).actions_in(page.section_id)[0].timeframe == "Within 6 months"  # type: ignore[arg-type]


def test_refused_recommendation_is_reported_and_not_stored(qtbot, open_page, sample_session) -> None:  # type: ignore[no-untyped-def]
    """An unknown Manila recommendation is refused with a message naming the field."""
    page, controller = open_page(GuidelinesPage, sample_session)
    index = page.key_actions.model.index(0, ACTION_COLUMNS.index("recommendations"))
    with qtbot.waitSignal(controller.error_reported) as blocker:
        assert not page.key_actions.model.setData(index, "S9R1", Qt.ItemDataRole.EditRole)
    assert blocker.args[1].startswith("Manila recommendation:")
    assert page.key_actions.model.data(index) == "S3R13"


def test_add_action_starts_editing_and_status_buttons_mark_the_selection(
    qtbot, open_page, sample_session
) -> None:  # type: ignore[no-untyped-def]
    """A new key action is added to the open section and can be marked agreed then deferred."""
    page, _ = open_page(GuidelinesPage, sample_session)
    _open_section(page, "follow-up")
    new_id = page.key_actions.add_action()
    assert new_id is not None and page.key_actions.model.rowCount() == 2
    page.key_actions.select([new_id])
    page.key_actions.set_status("agreed")
    assert (
        page.key_actions.model.data(page.key_actions.model.index(1, ACTION_COLUMNS.index("status")))
        == "Agreed"
    )
    assert page.key_actions.selected_ids() == [new_id]
    page.key_actions.set_status("deferred")
    assert "2 deferred" in page.summary_label.text()


def test_merge_dialog_merges_the_selection_with_new_wording(qtbot, open_page, sample_session) -> None:  # type: ignore[no-untyped-def]
    """Merging two selected duplicates asks for wording and leaves one action from both groups."""
    page, controller = open_page(GuidelinesPage, sample_session)
    _open_section(page, "information-sharing")
    first, second = page.key_actions.model.action(0).id, page.key_actions.model.action(1).id
    page.key_actions.select([first, second])
    page.key_actions.merge_selected()
    assert page.key_actions.merge_dialog is not None
    assert page.key_actions.merge_dialog.text.startswith("Name a focal point")
    page.key_actions.merge_dialog.wording.setPlainText("Name provincial focal points in labour and police")
    with qtbot.waitSignal(controller.workshop_changed):
        page.key_actions.merge_dialog.accept()
    assert page.key_actions.model.rowCount() == 2
    merged = page.key_actions.model.action(0)
    assert (merged.action, merged.source_group) == (
        "Name provincial focal points in labour and police",
        "Group 1, Group 3",
    )
    assert page.key_actions.selected_ids() == [first]
    controller.undo()
    assert page.key_actions.model.rowCount() == 3


def test_merge_with_one_selected_explains_what_to_do(qtbot, open_page, sample_session) -> None:  # type: ignore[no-untyped-def]
    """With fewer than two actions selected, merge says how to select several."""
    page, controller = open_page(GuidelinesPage, sample_session)
    with qtbot.waitSignal(controller.error_reported) as blocker:
        page.key_actions.merge_selected()
    assert "select two or more" in blocker.args[1]


def test_section_text_is_saved_when_leaving_the_section(qtbot, open_page, sample_session) -> None:  # type: ignore[no-untyped-def]
    """Text typed in a section is saved when another section is chosen, as one undoable step."""
    page, controller = open_page(GuidelinesPage, sample_session)
    _open_section(page, "follow-up")
    follow_up = page.section_id
    page.text_edit.setPlainText("The ACMW reviews progress each year.")
    _open_section(page, "purpose")
    assert guidelines.draft(sample_session).section(follow_up).body == "The ACMW reviews progress each year."  # type: ignore[arg-type,union-attr]
    assert controller.undo_label == "Edit text of Follow-up"
    assert page.heading.text() == "1. Purpose and scope"
    assert page.text_edit.toPlainText().startswith("These guidelines help")


def _answer(monkeypatch, text: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """Answer the next questions with ``text``; returns each question's prompt and button."""
    asked: list[tuple[str, str]] = []

    def exec_(dialog: QInputDialog) -> int:
        asked.append((dialog.labelText(), dialog.okButtonText()))
        dialog.setTextValue(text)
        return 1

    monkeypatch.setattr(QInputDialog, "exec", exec_)
    return asked


def test_new_version_asks_for_a_note(qtbot, open_page, sample_session, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """New version names the version it creates, records the note and shows the new label."""
    page, _ = open_page(GuidelinesPage, sample_session)
    asked = _answer(monkeypatch, "Merged duplicates")
    page.new_version()
    assert asked == [("What changed since v0.1? (optional)", "Create v0.2")]
    assert page.version_label.text().startswith("Draft v0.2 of ")
    assert guidelines.draft(sample_session).versions[-1].note == "Merged duplicates"


def test_outline_edits_through_the_page(qtbot, open_page, sample_session, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A section added after the current one becomes current; moving and removing follow."""
    page, controller = open_page(GuidelinesPage, sample_session)
    asked = _answer(monkeypatch, "Definitions")
    page.add_section()
    assert asked == [("Title of the new section. It goes after “Purpose and scope”.", "Add section")]
    assert page.heading.text() == "2. Definitions"
    _answer(monkeypatch, "Working definitions")
    page.rename_section()
    assert page.heading.text() == "2. Working definitions"
    page.move_section(-1)
    assert page.heading.text() == "1. Working definitions"
    page.remove_section()
    assert page.sections_model.rowCount() == 9
    controller.undo()
    assert page.sections_model.rowCount() == 10


def test_title_edit_is_saved(qtbot, open_page, sample_session) -> None:  # type: ignore[no-untyped-def]
    """Editing the title field and pressing Enter stores the draft's new title."""
    page, _ = open_page(GuidelinesPage, sample_session)
    page.title_edit.setText("Luang Prabang guidelines")
    page.title_edit.editingFinished.emit()
    assert guidelines.draft(sample_session).title == "Luang Prabang guidelines"


def test_export_buttons_write_pdf_and_docx(qtbot, open_page, sample_session, isolated_home) -> None:  # type: ignore[no-untyped-def]
    """Export PDF announces a document for preview; Export Word writes a .docx in exports/."""
    page, controller = open_page(GuidelinesPage, sample_session)
    # Collect earlier tests' widgets here: a collection started on the export's worker thread would
    # delete Qt objects off the GUI thread and crash the process.
    gc.collect()
    with qtbot.waitSignal(controller.document_ready, timeout=20000) as blocker:
        page.export_pdf()
    assert blocker.args[0].suffix == ".pdf" and blocker.args[0].is_file()
    with qtbot.waitSignal(controller.status_message, timeout=20000) as blocker:
        page.export_docx()
    written = list((isolated_home / "exports").glob("*.docx"))
    assert len(written) == 1 and str(written[0]) in blocker.args[0]


def test_pull_triggers_fills_the_trigger_table(qtbot, open_page, sample_session) -> None:  # type: ignore[no-untyped-def]
    """The pull button brings voted red flags into the open trigger section and reports it."""
    from facilitator.app import boards

    page, controller = open_page(GuidelinesPage, sample_session)
    with qtbot.waitSignal(controller.error_reported) as blocker:
        page.pull_triggers()
    assert "Run the dot vote" in blocker.args[1]
    card = boards.add_card(
        sample_session, "labour-to-police", "Passports kept", category="retention-of-documents"
    )
    boards.add_dot(sample_session, card, "Group 1")
    _open_section(page, "triggers-labour-police")
    with qtbot.waitSignal(controller.status_message) as blocker:
        page.pull_triggers()
    assert blocker.args[0].startswith("Pulled 1 red flag into Referral triggers: labour to police")
    assert page.triggers_model.rowCount() == 1
    assert page.triggers_model.data(page.triggers_model.index(0, 0)) == "Passports kept"
    page.triggers_table.selectRow(0)
    page.remove_triggers()
    assert page.triggers_model.rowCount() == 0


def test_page_follows_a_newly_opened_workshop(qtbot, open_page, sample_session, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Opening another workshop shows that workshop's draft from its first section."""
    page, controller = open_page(GuidelinesPage, sample_session)
    _open_section(page, "victims")
    assert controller.new_workshop(tmp_path / "other.sqlite")
    assert page.heading.text() == "1. Purpose and scope"
    assert page.key_actions.model.rowCount() == 0
    assert page.summary_label.text() == "No key actions have been proposed yet."
    controller.close()


def test_move_to_section_menu_offers_the_other_sections(qtbot, open_page, sample_session) -> None:  # type: ignore[no-untyped-def]
    """The menu lists every other section; choosing one moves the selected action there."""
    page, _ = open_page(GuidelinesPage, sample_session)
    _open_section(page, "victims")
    page.key_actions.move_menu.aboutToShow.emit()
    labels = [a.text() for a in page.key_actions.move_menu.actions()]
    assert len(labels) == 8 and "6. Victim identification, protection and remedies" not in labels
    moved = page.key_actions.model.action(1).id
    page.key_actions.select([moved])
    next(a for a in page.key_actions.move_menu.actions() if a.text() == "9. Follow-up").trigger()
    assert page.key_actions.model.rowCount() == 1
    assert page.sections_model.data(page.sections_model.index(8)) == "9. Follow-up  (2)"


def test_outline_titles_are_never_cut_at_any_width(qtbot, open_page, sample_session) -> None:  # type: ignore[no-untyped-def]
    """Every section title is drawn inside the outline, wrapped to a height its row has.

    With item spacing, Qt laid rows out for a narrower line than it drew them with: at some
    widths a title ran past the edge and was cut short ("5. Information sharing and case …")
    over an empty line.
    """
    from PySide6.QtWidgets import QStyleOptionViewItem

    page, _ = open_page(GuidelinesPage, sample_session)
    page.show()
    outline = page.outline
    delegate = outline.itemDelegate()
    cut = []
    for width in range(220, 460, 2):
        outline.setFixedWidth(width)
        qtbot.wait(1)
        for row in range(page.sections_model.rowCount()):
            index = page.sections_model.index(row)
            option = QStyleOptionViewItem()
            option.initFrom(outline)
            option.rect = outline.visualRect(index)
            option.features = QStyleOptionViewItem.ViewItemFeature.WrapText
            too_wide = option.rect.right() > outline.viewport().rect().right()
            if too_wide or delegate.sizeHint(option, index).height() > option.rect.height():
                cut.append((width, page.sections_model.data(index)))
    assert cut == []


def test_an_edit_elsewhere_keeps_selection_current_cell_and_editor(qtbot, open_page, sample_session) -> None:  # type: ignore[no-untyped-def]
    """Another key action edited and one added by commands leave the typist's place alone."""
    page, controller = open_page(GuidelinesPage, sample_session)
    _open_section(page, "information-sharing")
    table, model = page.key_actions.table, page.key_actions.model
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    page.sections_model.modelReset.connect(lambda: resets.append(2))
    table.selectRow(1)
    cell = model.index(1, ACTION_COLUMNS.index("partners"))
    table.setCurrentIndex(cell)
    table.edit(cell)
    other = model.action(2)
    controller.run(guidelines.edit_action, other.id, timeframe="Within 3 months")
    controller.run(guidelines.add_action, page.section_id, "Share inspection findings with police monthly")
    assert table.state() == QAbstractItemView.State.EditingState
    assert (table.currentIndex().row(), table.currentIndex().column()) == (1, cell.column())
    assert sorted(i.row() for i in table.selectionModel().selectedRows()) == [1]
    assert model.data(model.index(2, ACTION_COLUMNS.index("timeframe"))) == "Within 3 months"
    assert model.rowCount() == 4 and model.data(model.index(3, 0)) == "5.4"
    assert page.sections_model.data(page.sections_model.index(4)).endswith("(4)")
    assert resets == []


def test_a_hidden_guidelines_page_does_no_work_and_is_current_when_shown(
    qtbot, open_page, monkeypatch, sample_session
) -> None:  # type: ignore[no-untyped-def]
    """While hidden the page reads nothing; shown again, it shows the edits made meanwhile."""
    page, controller = open_page(GuidelinesPage, sample_session)
    _open_section(page, "information-sharing")
    action = page.key_actions.model.action(0)
    page.hide()
    reads: list[str] = []
    original = guidelines.draft
    monkeypatch.setattr(guidelines, "draft", lambda session: reads.append("read") or original(session))
    for months in (3, 6):
        controller.run(guidelines.edit_action, action.id, timeframe=f"Within {months} months")
    assert reads == []
    page.show()
    model = page.key_actions.model
    assert model.data(model.index(0, ACTION_COLUMNS.index("timeframe"))) == "Within 6 months"
    assert reads == ["read"]
