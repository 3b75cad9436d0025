"""The check-in desk page driven as the person at the desk (and the USB scanner) would."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from facilitator.app import checkin, roster
from facilitator.app.session import WorkshopSession
from facilitator.ui.checkin.page import CheckinPage
from facilitator.ui.controller import Controller


@pytest.fixture
def page(qtbot, sample_session: WorkshopSession) -> CheckinPage:  # type: ignore[no-untyped-def]
    """The desk on the sample workshop, shown and active, on day 1 at 08:42."""
    controller = Controller(sample_session)
    desk = CheckinPage(controller)
    desk.clock = lambda: datetime(2019, 5, 27, 8, 42)
    qtbot.addWidget(desk)
    desk.show()
    desk.activateWindow()
    qtbot.waitUntil(desk.scan_field.hasFocus)
    desk.set_day(1)
    return desk


def _scan(qtbot, page: CheckinPage, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type like a USB scanner: the characters, then Enter, into whatever has the focus."""
    qtbot.keyClicks(page.focusWidget(), text)
    qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Return)


def _stored(session: WorkshopSession) -> list[tuple[int, int, str]]:
    with sqlite3.connect(session.path) as conn:
        return conn.execute("SELECT participant_id, day, method FROM checkin_scans ORDER BY id").fetchall()


def test_models_pass_the_model_tester(qtmodeltester, page: CheckinPage) -> None:  # type: ignore[no-untyped-def]
    """The search results, recent check-ins and counters are well-behaved item models."""
    page.search.field.setText("lao")
    for model in (page.search.model, page.recent_model, page.counts_model):
        qtmodeltester.check(model)


def test_scan_is_accepted_green_and_counted(qtbot, page: CheckinPage) -> None:  # type: ignore[no-untyped-def]
    """A genuine code turns the panel green with the name; counters and the list follow."""
    _scan(qtbot, page, checkin.participant_code(page.session, 13))
    assert page.feedback.state == "accepted"
    assert "Souksavanh Phommachanh" in page.feedback.body.text()
    assert "ສຸກສະຫວັນ" in page.feedback.body.text()
    assert page.counts_model.row_values(0) == ("Everyone", 1, 68)
    assert page.counts_model.row_values(1) == ("Women", 1, 38)
    assert page.recent_model.row_values(0) == ("08:42", "Souksavanh Phommachanh", "LA")
    assert "1</b> of 68" in page.present_label.text()
    assert page.scan_field.hasFocus() and page.scan_field.text() == ""
    assert _stored(page.session) == [(13, 1, "scan")]


def test_duplicate_scan_is_amber_with_the_first_time(qtbot, page: CheckinPage) -> None:  # type: ignore[no-untyped-def]
    """Scanning the same badge again shows amber and the time of the first check-in."""
    code = checkin.participant_code(page.session, 5)
    _scan(qtbot, page, code)
    page.clock = lambda: datetime(2019, 5, 27, 9, 15)
    _scan(qtbot, page, code)
    assert page.feedback.state == "duplicate"
    assert "at 08:42" in page.feedback.detail.text()
    assert len(_stored(page.session)) == 1


def test_forged_and_foreign_codes_are_red(qtbot, page: CheckinPage) -> None:  # type: ignore[no-untyped-def]
    """An altered code and another workshop's code are refused in red with the reason."""
    _scan(qtbot, page, "LPB2019-5-AAAAAAAA")
    assert page.feedback.state == "refused"
    assert "not issued by this workshop" in page.feedback.detail.text()
    _scan(qtbot, page, "BKK2020-5-AAAAAAAA")
    assert "another workshop" in page.feedback.detail.text()
    assert _stored(page.session) == []


def test_typed_name_becomes_a_search_and_enter_checks_in(qtbot, page: CheckinPage) -> None:  # type: ignore[no-untyped-def]
    """A name typed in the scan field lists matches; Down and Enter check in the chosen one."""
    _scan(qtbot, page, "tran van")
    assert page.feedback.state == "search"
    assert page.search.model.row_values(0)[1] == "Trần Văn Minh"
    qtbot.keyClick(page.search.field, Qt.Key.Key_Return)
    assert page.feedback.state == "accepted"
    assert _stored(page.session) == [(38, 1, "search")]
    assert page.scan_field.hasFocus()


def test_code_scanned_into_the_search_field_still_checks_in(qtbot, page: CheckinPage) -> None:  # type: ignore[no-untyped-def]
    """If the scanner fires while the search field has the focus, the code is a scan."""
    page.search.field.setFocus()
    qtbot.waitUntil(page.search.field.hasFocus)
    _scan(qtbot, page, checkin.participant_code(page.session, 20))
    assert page.feedback.state == "accepted"
    assert _stored(page.session) == [(20, 1, "scan")]


def test_focus_returns_to_the_scan_field(qtbot, page: CheckinPage) -> None:  # type: ignore[no-untyped-def]
    """Focus given to anything but a text field (day list, tables) goes back to the scan field."""
    page.walk_in.name.setFocus()
    qtbot.waitUntil(page.walk_in.name.hasFocus)
    page.day_choice.setFocus()
    qtbot.waitUntil(page.scan_field.hasFocus)
    page.search.table.setFocus()
    qtbot.waitUntil(page.scan_field.hasFocus)


def test_undo_last_checkin_restores_the_counts(qtbot, page: CheckinPage) -> None:  # type: ignore[no-untyped-def]
    """F8 undoes the last check-in; the panel says so and the counters go back."""
    _scan(qtbot, page, checkin.participant_code(page.session, 7))
    qtbot.keyClick(page.scan_field, Qt.Key.Key_F8)
    assert page.feedback.state == "undone"
    assert "Keo Sreymom" in page.feedback.detail.text()
    assert page.counts_model.row_values(0) == ("Everyone", 0, 68)
    qtbot.keyClick(page.scan_field, Qt.Key.Key_F8)
    assert page.feedback.state == "refused"


def test_day_two_is_chosen_with_alt_2(qtbot, page: CheckinPage) -> None:  # type: ignore[no-untyped-def]
    """Alt+2 switches to Tuesday; a scan is then recorded for day 2."""
    qtbot.keyClick(page.scan_field, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert page.day == 2 and "Tuesday 28 May 2019" in page.day_choice.currentText()
    _scan(qtbot, page, checkin.participant_code(page.session, 9))
    assert _stored(page.session) == [(9, 2, "scan")]


def test_walk_in_is_registered_checked_in_and_printed(qtbot, page: CheckinPage) -> None:  # type: ignore[no-untyped-def]
    """The walk-in form adds the person, checks them in and opens their name tag for printing."""
    form = page.walk_in
    form.name.setText("Malee Chanthavong")
    form.native_name.setText("ມາລີ ຈັນທະວົງ")
    form.sex.setCurrentIndex(form.sex.findData("F"))
    form.delegation.setCurrentIndex(form.delegation.findData("LA"))
    form.sector.setCurrentIndex(form.sector.findData("labour"))
    with qtbot.waitSignal(page.controller.document_ready, timeout=20_000) as ready:
        form.submit()
    assert page.feedback.state == "accepted"
    added = roster.participants(page.session)[-1]
    assert (added.name, added.delegation, added.sex, added.sector) == (
        "Malee Chanthavong",
        "LA",
        "F",
        "labour",
    )
    assert _stored(page.session) == [(added.id, 1, "walk-in")]
    path = Path(ready.args[0])
    assert "Malee Chanthavong" in PdfReader(path).pages[0].extract_text()
    assert form.name.text() == ""


def test_walk_in_without_a_name_is_refused(qtbot, page: CheckinPage) -> None:  # type: ignore[no-untyped-def]
    """Submitting a form with no name explains that a name is needed, puts the cursor in the
    name field, keeps what was typed and adds nobody."""
    page.walk_in.organisation.setText("Ministry of Labour")
    page.walk_in.organisation.setFocus()
    page.walk_in.submit()
    assert page.feedback.state == "refused"
    assert "needs a name" in page.feedback.detail.text()
    assert "Correct the form, then press Enter" in page.feedback.detail.text()
    qtbot.waitUntil(page.walk_in.name.hasFocus)
    assert page.walk_in.organisation.text() == "Ministry of Labour"
    assert len(roster.participants(page.session)) == 68


# The offscreen platform cannot raise windows or propagate size hints; it says so as a warning.
@pytest.mark.qt_log_ignore("This plugin does not support")
def test_desk_window_shares_the_workshop(qtbot, page: CheckinPage) -> None:  # type: ignore[no-untyped-def]
    """A scan at the separate desk window updates the counters of the page in the main window."""
    page.open_desk_window()
    desk = page.desk_window
    assert desk is not None and desk.isWindow()
    qtbot.addWidget(desk)
    desk.check_in_text(checkin.participant_code(page.session, 30))
    assert desk.feedback.state == "accepted"
    assert page.counts_model.row_values(0) == ("Everyone", 1, 68)


def test_counts_show_every_sector_label_whole_on_a_laptop(qtbot, page: CheckinPage) -> None:  # type: ignore[no-untyped-def]
    """On a 1366x768 laptop and at the window's smallest, "Law enforcement" fits its column
    instead of reading "Law …", and the numbers keep their columns."""
    table = page.counts_table
    labels = [page.counts_model.row_values(r)[0] for r in range(page.counts_model.rowCount())]
    assert "Law enforcement" in labels
    for width in (1150, 760):
        page.resize(width, 650)
        qtbot.waitUntil(lambda: table.columnWidth(0) >= table.sizeHintForColumn(0))
        for column in (1, 2):
            assert table.columnWidth(column) >= table.horizontalHeader().sectionSizeHint(column)


def test_checked_in_names_stay_readable_beside_a_long_delegation(qtbot, page: CheckinPage) -> None:  # type: ignore[no-untyped-def]
    """On a 1280 × 720 projector the list of check-ins gives names the room, not delegations."""
    page.resize(1076, 660)  # what the main window leaves the page at 1280 × 720
    page.show()
    for participant_id in (13, 62):  # Souksavanh Phommachanh (LA), Noy Phanthavong (Organising committee)
        page.check_in_participant(participant_id)
    qtbot.wait(1)
    assert page.recent_model.row_values(0)[1:] == ("Noy Phanthavong", "Organising committee")
    name_width = page.recent_table.columnWidth(1)
    assert name_width >= page.recent_table.fontMetrics().horizontalAdvance("Noy Phanthavong")
    assert name_width > page.recent_table.columnWidth(2)


def test_text_that_is_neither_a_name_nor_a_code_says_what_to_do(qtbot, page: CheckinPage) -> None:  # type: ignore[no-untyped-def]
    """A half-typed or mangled code finds no name: the desk says so instead of "Showing 0 names"."""
    assert not page.check_in_text("ZZZ-999")
    assert page.feedback.state == "search"
    message = page.feedback.detail.text()
    assert message.startswith("No name matches") and "ZZZ-999" in message
    assert "walk-in (F3)" in message
    assert page.search.model.rowCount() == 0


def test_walk_in_form_names_fields_as_the_roster_does(qtbot, page: CheckinPage) -> None:  # type: ignore[no-untyped-def]
    """One wording for each field across the app ("Name in own script", not "Native script")."""
    from PySide6.QtWidgets import QFormLayout

    from facilitator.core.participants import FIELD_LABELS

    form = page.walk_in.findChild(QFormLayout)
    assert form.labelForField(page.walk_in.native_name).text() == FIELD_LABELS["native_name"]
    assert form.labelForField(page.walk_in.sector).text() == FIELD_LABELS["sector"]


# The offscreen platform cannot raise windows or propagate size hints; it says so as a warning.
@pytest.mark.qt_log_ignore("This plugin does not support")
def test_full_screen_button_of_the_desk_window_opens_no_third_desk(qtbot, page: CheckinPage) -> None:  # type: ignore[no-untyped-def]
    """On the page the button opens the desk window; on the desk window it only toggles full screen."""
    from PySide6.QtWidgets import QPushButton

    def full_screen_button(desk: CheckinPage) -> QPushButton:
        return next(b for b in desk.findChildren(QPushButton) if b.text() == "Full-screen desk")

    full_screen_button(page).click()
    desk = page.desk_window
    assert desk is not None and desk.isWindow()
    qtbot.addWidget(desk)
    full_screen_button(desk).click()
    assert desk.desk_window is None
    assert desk.isFullScreen()


def test_refusals_stay_on_the_desk_panel(qtbot, page: CheckinPage) -> None:  # type: ignore[no-untyped-def]
    """A forged code and an empty undo go through the controller but raise no dialog: a modal
    box would swallow the next scan."""
    reported: list[str] = []
    page.controller.error_reported.connect(lambda _title, message: reported.append(message))
    _scan(qtbot, page, "LPB2019-5-AAAAAAAA")
    qtbot.keyClick(page.scan_field, Qt.Key.Key_F8)
    assert page.feedback.state == "refused" and "nothing to undo" in page.feedback.detail.text()
    assert reported == []


def test_panel_tells_the_truth_after_undo_and_redo(qtbot, page: CheckinPage) -> None:  # type: ignore[no-untyped-def]
    """Edit > Undo says the check-in was undone; Edit > Redo says the person is checked in again."""
    _scan(qtbot, page, checkin.participant_code(page.session, 7))
    page.controller.undo()
    assert page.feedback.state == "undone"
    assert "Keo Sreymom" in page.feedback.detail.text()
    assert page.counts_model.row_values(0) == ("Everyone", 0, 68)
    page.controller.redo()
    assert page.feedback.state == "accepted"
    assert "Keo Sreymom" in page.feedback.body.text()
    assert page.counts_model.row_values(0) == ("Everyone", 1, 68)
    assert page.recent_model.row_values(0)[1] == "Keo Sreymom"


# The offscreen platform cannot raise windows or propagate size hints; it says so as a warning.
@pytest.mark.qt_log_ignore("This plugin does not support")
def test_page_panel_follows_the_full_screen_desk(qtbot, page: CheckinPage) -> None:  # type: ignore[no-untyped-def]
    """A check-in made on the desk window shows on the page's panel, list and counts."""
    page.open_desk_window()
    desk = page.desk_window
    assert desk is not None
    qtbot.addWidget(desk)
    desk.check_in_text(checkin.participant_code(page.session, 13))
    assert page.feedback.state == "accepted"
    assert "Souksavanh Phommachanh" in page.feedback.body.text()
    assert page.recent_model.row_values(0)[1] == "Souksavanh Phommachanh"
    desk.undo_last_checkin()
    assert page.feedback.state == "undone" and page.recent_model.rowCount() == 0


def test_a_check_in_updates_rows_without_resetting(qtbot, page: CheckinPage) -> None:  # type: ignore[no-untyped-def]
    """A scan inserts one row in the list and keeps the person chosen in the search results."""
    page.search.field.setText("lao")
    page.search.table.selectRow(2)
    chosen = page.search.model.row_values(2)[0]
    resets: list[str] = []
    for model in (page.recent_model, page.counts_model, page.search.model):
        model.modelReset.connect(lambda: resets.append("reset"))
    inserted: list[int] = []
    page.recent_model.rowsInserted.connect(lambda _parent, first, _last: inserted.append(first))
    page.controller.run(checkin.desk_check_in, chosen, 1, page.clock)
    assert resets == [] and inserted == [0]
    assert page.search.model.row_values(page.search.selected_row())[0] == chosen
    assert page.search.model.row_values(page.search.selected_row())[3] == "in at 08:42"


def test_hidden_desk_does_no_work_and_is_current_when_shown(  # type: ignore[no-untyped-def]
    qtbot, page: CheckinPage, monkeypatch
) -> None:
    """While the page is hidden a check-in costs it no reading; shown again it is up to date."""
    reads: list[int] = []
    real = checkin.scans_of_day
    monkeypatch.setattr(checkin, "scans_of_day", lambda *args: reads.append(1) or real(*args))
    page.hide()
    page.controller.run(checkin.desk_check_in, 13, 1, page.clock)
    page.controller.run(checkin.desk_check_in, 14, 1, page.clock)
    assert reads == [] and page.counts_model.row_values(0) == ("Everyone", 0, 68)
    page.show()
    assert len(reads) == 1
    assert page.counts_model.row_values(0) == ("Everyone", 2, 68)
    assert page.recent_model.rowCount() == 2


def test_roster_edit_elsewhere_renames_the_checked_in_row(qtbot, page: CheckinPage) -> None:  # type: ignore[no-untyped-def]
    """A name corrected on the roster page shows at once in the list of check-ins."""
    page.check_in_participant(13)
    page.controller.run(roster.edit_participant, 13, name="Souksavanh P.")
    assert page.recent_model.row_values(0)[1] == "Souksavanh P."


# The offscreen platform cannot raise windows or propagate size hints; it says so as a warning.
@pytest.mark.qt_log_ignore("This plugin does not support")
def test_desk_window_opens_full_screen_and_esc_leaves_it(  # type: ignore[no-untyped-def]
    qtbot, page: CheckinPage, monkeypatch
) -> None:
    """The desk opens full screen; Esc leaves full screen into a window that fits a 1280 × 720
    projector's free area, a second Esc keeps it open, and F11 toggles full screen."""
    from PySide6.QtCore import QRect

    area = QRect(0, 0, 1280, 680)  # a 1280 × 720 screen less a 40-pixel task bar
    monkeypatch.setattr("facilitator.ui.window_fit.available_area", lambda _widget: area)
    page.open_desk_window()
    desk = page.desk_window
    assert desk is not None
    qtbot.addWidget(desk)
    qtbot.waitUntil(lambda: desk.isFullScreen() and desk.scan_field.hasFocus())
    qtbot.keyClick(desk.scan_field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not desk.isFullScreen())
    assert area.contains(desk.geometry()) and desk.height() <= area.height() - 40
    qtbot.keyClick(desk.scan_field, Qt.Key.Key_Escape)
    assert desk.isVisible() and desk.scan_field.hasFocus()
    qtbot.keyClick(desk.scan_field, Qt.Key.Key_F11)
    qtbot.waitUntil(desk.isFullScreen)
    qtbot.keyClick(desk.scan_field, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not desk.isFullScreen())
