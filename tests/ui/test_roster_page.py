"""The roster page: table model, in-place edits, filtering, undo and the import review."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout

from facilitator.app import roster
from facilitator.app.session import WorkshopSession
from facilitator.ui.roster.import_dialog import remembered_mapping
from facilitator.ui.roster.page import RosterPage


def test_model_passes_qt_model_tester(
    qtbot, open_page, qtmodeltester, sample_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """The roster model obeys Qt's model contract."""
    page, _ = open_page(RosterPage, sample_session)
    qtmodeltester.check(page.model)
    assert page.model.rowCount() == 68


def test_edit_in_place_saves_and_undo_restores(qtbot, open_page, sample_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """An edit through the model is saved; Ctrl+Z through the controller brings the old value back."""
    page, controller = open_page(RosterPage, sample_session)
    index = page.model.index(0, 4)
    with qtbot.waitSignal(controller.workshop_changed):
        assert page.model.setData(index, "Viet Nam", Qt.ItemDataRole.EditRole)
    assert roster.participants(sample_session)[0].delegation == "VN"
    assert page.model.data(page.model.index(0, 4)) == "VN"
    controller.undo()
    assert page.model.data(page.model.index(0, 4)) == "BN"


def test_refused_edit_is_reported(qtbot, open_page, sample_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """A bad value is refused with a message naming the field, and not stored."""
    page, controller = open_page(RosterPage, sample_session)
    with qtbot.waitSignal(controller.error_reported) as blocker:
        assert not page.model.setData(page.model.index(0, 3), "42", Qt.ItemDataRole.EditRole)
    assert blocker.args[1].startswith("Sex:")
    assert roster.participants(sample_session)[0].sex == "F"


def test_search_filters_and_counts(qtbot, open_page, sample_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """Typing in the search box filters every column and updates the count."""
    page, _ = open_page(RosterPage, sample_session)
    qtbot.keyClicks(page.search, "police")
    assert 0 < page.proxy.rowCount() < 68
    assert "of 68 participants shown" in page.count_label.text()


def test_add_and_remove(qtbot, open_page, sample_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """Adding makes a new row; removing the selection takes it away again."""
    page, _ = open_page(RosterPage, sample_session)
    new_id = page.add_participant()
    assert page.model.rowCount() == 69
    page.table.selectRow(page.proxy.mapFromSource(page.model.index(page.model.row_of(new_id), 0)).row())
    page.remove_selected()
    assert page.model.rowCount() == 68


def test_import_review_then_import(qtbot, open_page, empty_session: WorkshopSession, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A file is read in the background, reviewed, and imported when clean; a column chosen by
    hand is remembered for the next file with the same headings."""
    source = tmp_path / "list.csv"
    source.write_text("Whom,Gender,Country\nAna Reyes,F,Philippines\nBen Tan,X,Singapore\n")
    page, _ = open_page(RosterPage, empty_session)
    page.start_import(source)
    qtbot.waitUntil(lambda: page.import_dialog is not None)
    dialog = page.import_dialog
    assert not dialog.import_button.isEnabled()
    assert any(
        "no column for participants" in dialog.problems.item(i).text() for i in range(dialog.problems.count())
    )
    labels = [dialog.findChild(QFormLayout).labelForField(combo).text() for combo in dialog.combos]
    assert labels == ["Whom  (e.g. Ana Reyes)", "Gender  (e.g. F)", "Country  (e.g. Philippines)"]
    assert dialog.problems.item(0).foreground().color().name() == "#cf222e"
    assert "1 problem</b> must be corrected" in dialog.summary.text()
    dialog.combos[0].setCurrentIndex(dialog.combos[0].findData("name"))
    assert dialog.import_button.isEnabled()
    assert dialog.preview_model.branch_titles()[0] == "New: 2"
    dialog.import_now()
    assert [p.name for p in roster.participants(empty_session)] == ["Ana Reyes", "Ben Tan"]
    assert page.model.rowCount() == 2
    remembered = remembered_mapping(("whom", "GENDER", "Country"))
    assert remembered == {"Whom": "name", "Gender": "sex", "Country": "delegation"}


def test_updated_list_preview_shows_each_kind_with_differences_and_imports_as_one_undo(
    qtbot, open_page, qtmodeltester, sample_session: WorkshopSession, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """An updated list shows new, changed (old → new), unchanged and missing people; Import removes
    nobody unless ticked, and one Undo reverts it."""
    first, second = roster.participants(sample_session)[:2]
    source = tmp_path / "update.csv"
    source.write_text(
        "Full name,Sex,Country,Designation\n"
        f"{first.name},{first.sex},{first.delegation},Minister Counsellor\n"
        f"{second.name},{second.sex},{second.delegation},{second.position}\n"
        "Maria Ximenes,F,Timor-Leste,Inspector\n",
        encoding="utf-8",
    )
    page, controller = open_page(RosterPage, sample_session)
    page.start_import(source)
    qtbot.waitUntil(lambda: page.import_dialog is not None)
    dialog = page.import_dialog
    model = dialog.preview_model
    qtmodeltester.check(model)
    assert model.branch_titles() == [
        "New: 1",
        "Changed: 1",
        "Unchanged: 1",
        "On the roster, not in the file: 66",
    ]
    changed = model.index(0, 2, model.index(1, 0))
    assert f"Position: {first.position} → Minister Counsellor" in changed.data()
    assert "66 people on the roster who are not in this file" in dialog.remove_box.text()
    dialog.import_now()
    assert len(roster.participants(sample_session)) == 69
    assert controller.undo_label == "Import update.csv"
    controller.undo()
    assert roster.participants(sample_session)[0] == first
    assert len(roster.participants(sample_session)) == 68


def test_import_refused_after_the_roster_changed_checks_the_file_again(
    qtbot, open_page, sample_session: WorkshopSession, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """A walk-in registered while the review is open refuses Import with the reason, and the
    review checked again counts the walk-in among the people not in the file."""
    source = tmp_path / "ລາຍຊື່ (ຮອບ 2).csv"
    source.write_text("No.,Full name,Sex,Country\n69,ວົງເດືອນ ສີສຸກ (ທ.),F,Lao PDR\n", encoding="utf-8")
    page, controller = open_page(RosterPage, sample_session)
    page.start_import(source)
    qtbot.waitUntil(lambda: page.import_dialog is not None)
    dialog = page.import_dialog
    assert dialog.import_button.isEnabled()
    controller.run(roster.add_participant, name="Chanthavong M.", sex="F", delegation="LA")
    with qtbot.waitSignal(controller.error_reported) as reported:
        dialog.import_now()
    assert reported.args[1].startswith(
        "The roster changed since this import was checked: 1 person was added."
    )
    assert dialog.import_result is None and dialog.import_button.isEnabled()
    assert dialog.preview_model.branch_titles()[-1] == "On the roster, not in the file: 69"
    assert len(roster.participants(sample_session)) == 69


def test_header_sorts_by_column(qtbot, open_page, sample_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """Clicking a column header sorts by it; ids sort as numbers, not text."""
    page, _ = open_page(RosterPage, sample_session)
    ids = [page.model.participant(r).id for r in range(page.model.rowCount())]
    assert ids == sorted(ids)
    page.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.DescendingOrder)
    names = [page.model.participant(r).name.casefold() for r in range(page.model.rowCount())]
    assert names == sorted(names, reverse=True)
    qtbot.keyClicks(page.search, "lao")
    shown = [page.proxy.index(r, 1).data() for r in range(page.proxy.rowCount())]
    assert shown == sorted(shown, key=str.casefold, reverse=True)


def test_codes_get_a_narrow_column_and_addresses_a_wide_one(
    qtbot, open_page, sample_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """Codes get a narrow column, and the e-mail, last, is wide enough for a whole address."""
    page, _ = open_page(RosterPage, sample_session)
    page.resize(1137, 664)  # what the main window leaves the page at 1280 × 720
    page.show()
    columns = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
    email = columns.index("E-mail")
    metrics = page.table.fontMetrics()
    page.table.scrollTo(page.proxy.index(0, email))
    qtbot.wait(1)
    address = "souksavanh.phommachanh@example.org"
    assert page.table.columnWidth(email) >= metrics.horizontalAdvance(address) * 0.9
    assert page.table.columnWidth(columns.index("Delegation")) <= 90


def test_a_mapping_chosen_by_hand_is_used_for_the_next_file_with_those_headings(
    qtbot, open_page, empty_session: WorkshopSession, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """After 'Whom' was chosen as the name once, the next file headed the same way opens ready."""
    for round_number, rows in enumerate(("Ana Reyes,F\n", "Ana Reyes,F\nBen Tan,M\n")):
        source = tmp_path / f"list{round_number}.csv"
        source.write_text("Whom,Gender\n" + rows)
        page, _ = open_page(RosterPage, empty_session)
        page.start_import(source)
        qtbot.waitUntil(lambda page=page: page.import_dialog is not None)
        dialog = page.import_dialog
        if round_number == 0:
            assert not dialog.import_button.isEnabled()
            dialog.combos[0].setCurrentIndex(dialog.combos[0].findData("name"))
        assert dialog.combos[0].currentData() == "name" and dialog.import_button.isEnabled()
        dialog.import_now()
    assert [p.name for p in roster.participants(empty_session)] == ["Ana Reyes", "Ben Tan"]
