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
