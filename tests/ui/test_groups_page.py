"""The groups page: models, drag and drop with live balance, pins, lock, shuffle, projector."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, Qt

from facilitator.app import agenda, groups
from facilitator.app.session import WorkshopSession
from facilitator.ui.groups.agenda_link import NOT_LINKED
from facilitator.ui.groups.chips import STATUS_COLOURS
from facilitator.ui.groups.models import LATE_ROLE, MEMBER_MIME, GroupMembersModel
from facilitator.ui.groups.page import GroupsPage


def test_models_pass_qt_model_tester(
    qtbot, open_page, qtmodeltester, sample_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """The rounds list and each group's member list obey Qt's model contract."""
    page, _ = open_page(GroupsPage, sample_session)
    qtmodeltester.check(page.rounds_model)
    assert page.rounds_model.rowCount() == 3
    assert len(page.columns) == 6
    for column in page.columns:
        qtmodeltester.check(column.model)
    assert sum(c.model.rowCount() for c in page.columns) == 55


def test_drop_moves_member_and_balance_colours_follow(
    qtbot, open_page, sample_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """Dropping a chip on another group moves the person and the size badges turn red, then undo."""
    page, controller = open_page(GroupsPage, sample_session)
    assert page.view is not None and page.view.quality.optimal
    mover = page.columns[0].model.person(5)
    source_model = page.columns[0].model
    data = source_model.mimeData([source_model.index(5)])
    target: GroupMembersModel = page.columns[2].model
    assert target.rowCount() == 10
    with qtbot.waitSignal(controller.workshop_changed):
        target.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert page.group_of(mover.id) == 2
    assert page.columns[2].model.person(0).id == mover.id
    assert not page.view.quality.optimal
    assert '#b42318" title="People: 11' in page.columns[2].badges.text()
    assert '#b42318" title="People: 8' in page.columns[0].badges.text()
    assert "People: 2 outside the fair share 9–10 per group" in page.summary.text()
    controller.undo()
    assert page.group_of(mover.id) == 0
    assert page.view.quality.optimal
    assert STATUS_COLOURS["over"] not in page.columns[2].badges.text()


def test_keyboard_move_and_pin_through_public_methods(
    qtbot, open_page, sample_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """Alt+Right moves the selected chip on; a pinned person cannot be moved until unpinned."""
    page, _ = open_page(GroupsPage, sample_session)
    person = page.columns[2].model.person(3)
    assert page.select_member(person.id)
    page.move_selected(1)
    assert page.group_of(person.id) == 3
    page.toggle_pin(person.id)
    assert page.view is not None and person.id in page.view.pinned
    assert not page.move_member(person.id, 0)
    assert page.group_of(person.id) == 3
    page.toggle_pin(person.id)
    assert page.move_member(person.id, 0)


def test_lock_disables_editing_and_refuses_drops(qtbot, open_page, sample_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """A locked round shows Unlock, disables shuffle and pins, and its lists take no drops."""
    page, _ = open_page(GroupsPage, sample_session)
    page.toggle_lock()
    assert page.view is not None and page.view.locked
    assert page.lock_button.text() == "Unlock"
    assert not page.shuffle_button.isEnabled()
    data = QMimeData()
    data.setData(MEMBER_MIME, b"1")
    assert not page.columns[0].model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert not page.columns[0].model.flags(page.columns[0].model.index(0)) & Qt.ItemFlag.ItemIsDragEnabled


def test_shuffle_solves_off_the_gui_thread_and_keeps_pins(
    qtbot, open_page, sample_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """Shuffle forms the round again with the next seed, in the background, keeping the pinned person."""
    page, _ = open_page(GroupsPage, sample_session)
    pinned = page.columns[4].model.person(2)
    page.toggle_pin(pinned.id)
    before = [tuple(p.id for p in g) for g in page.view.groups] if page.view else []
    with qtbot.waitSignal(page.round_formed, timeout=20000):
        page.shuffle()
    assert page.view is not None and page.view.round.seed == 2
    assert page.group_of(pinned.id) == 4
    assert [tuple(p.id for p in g) for g in page.view.groups] != before
    assert page.view.quality.optimal


def test_new_round_from_arguments_is_selected(qtbot, open_page, sample_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """Forming a new round adds it to the list and shows its columns."""
    page, _ = open_page(GroupsPage, sample_session)
    with qtbot.waitSignal(page.round_formed, timeout=20000):
        page.new_round("Plenary mix", 5)
    assert page.view is not None and page.view.name == "Plenary mix"
    assert len(page.columns) == 5
    assert page.rounds_model.rowCount() == 4
    assert groups.find_round(sample_session, "Plenary mix") is not None


def test_projector_shows_every_group_in_large_names(
    qtbot, open_page, sample_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """The projector lists every member and follows a move made on the page."""
    page, _ = open_page(GroupsPage, sample_session)
    projector = page.projector_window()
    qtbot.addWidget(projector)
    projector.resize(1600, 900)
    projector.show()
    assert len(projector.boxes) == 6
    assert projector.name_pixel_size() >= 24
    heading, legend = projector.title.text().split("<br>")
    assert heading == "<b>Breakout 1: red flags for referral from labour to police</b>"
    assert all(word in legend for word in ("Labour", "Law enforcement", "ASEAN bodies", "Partners"))
    person = page.columns[0].model.person(4)
    page.move_member(person.id, 5)
    assert person.name in projector.boxes[5].text()
    assert person.name not in projector.boxes[0].text()


def test_new_round_dialog_links_the_agenda_session(
    qtbot, open_page, monkeypatch, sample_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """The New round dialog's choices form a country-teams round linked to a breakout session."""
    from facilitator.ui.groups.dialogs import NewRoundDialog

    item_id, title = groups.breakout_items(sample_session)[2]

    def accept(dialog: NewRoundDialog) -> int:
        dialog.name_edit.setText("Country work")
        dialog.groups_spin.setValue(5)
        dialog.mode_combo.setCurrentIndex(1)
        dialog.agenda_combo.setCurrentIndex(dialog.agenda_combo.findData(item_id))
        return 1

    monkeypatch.setattr(NewRoundDialog, "exec", accept)
    page, _ = open_page(GroupsPage, sample_session)
    with qtbot.waitSignal(page.round_formed, timeout=20000):
        page.new_round()
    assert page.view is not None and page.view.name == "Country work"
    assert page.view.round.mode == "country" and len(page.columns) == 5
    assert page.view.agenda_title == title
    assert page.agenda_link.currentText() == title and "Country teams" in page.subheading.text()


def test_agenda_session_of_a_round_can_be_changed_and_undone(
    qtbot, open_page, sample_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """Choosing another breakout session relinks the shown round (even locked); undo restores it."""
    page, controller = open_page(GroupsPage, sample_session)
    breakouts = groups.breakout_items(sample_session)
    offered = [page.agenda_link.itemText(i) for i in range(page.agenda_link.count())]
    assert offered == [NOT_LINKED, *(title for _, title in breakouts)]
    assert page.view is not None and page.view.name == "Breakout 1"
    assert page.agenda_link.currentData() == breakouts[0][0]
    controller.run(groups.set_locked, page.view.id, True)
    with qtbot.waitSignal(controller.workshop_changed):
        page.agenda_link.setCurrentIndex(3)
        page.agenda_link.activated.emit(3)
    assert groups.load_round(sample_session, page.view.id).round.agenda_item == breakouts[2][0]
    assert page.view.agenda_title == breakouts[2][1]
    assert page.agenda_link.currentText() == breakouts[2][1]
    page.agenda_link.setCurrentIndex(0)
    page.agenda_link.activated.emit(0)
    assert groups.load_round(sample_session, page.view.id).round.agenda_item is None
    controller.undo()
    controller.undo()
    assert page.agenda_link.currentData() == breakouts[0][0]
    assert groups.load_round(sample_session, page.view.id).round.agenda_item == breakouts[0][0]


def test_a_round_whose_agenda_session_was_removed_says_so(
    qtbot, open_page, sample_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """Removing the linked session from the agenda leaves the round readable, its link marked removed."""
    page, controller = open_page(GroupsPage, sample_session)
    item_id, _title = groups.breakout_items(sample_session)[0]
    controller.run(agenda.remove_items, [item_id])
    assert page.agenda_link.currentText() == "(its agenda session was removed)"
    assert page.agenda_link.findData(item_id) == page.agenda_link.currentIndex()


def test_chips_and_counts_stay_legible_in_a_narrow_column(open_page, sample_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """A group's counts wrap only between counts ("3 law enf." stays whole), and a one-word
    delegation shows whole on a chip or ends in "…", never cut mid-word ("ASEAN-")."""
    import re

    from facilitator.ui.groups.chips import delegation_code

    page, _ = open_page(GroupsPage, sample_session)
    badges = page.columns[0].badges.text()
    counts = re.findall(r">([^<]*)</span>", badges)
    assert counts and all(" " not in count for count in counts)
    assert any("law&nbsp;enf." in count for count in counts)
    assert delegation_code("ASEAN-ACT") == "ASEAN-ACT"
    assert delegation_code("SOMSWD") == "SOMSWD"
    assert delegation_code("Interpolation") == "Interpol…"
    assert delegation_code("The Asia Foundation") == "TAF"


def test_keep_apart_dialog_takes_only_people_from_the_list(qtbot, sample_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """Nothing is chosen at first; a typed name that matches no one chooses no one (it used to
    keep the previously selected person); the same person twice is refused in the dialog."""
    from facilitator.app import roster
    from facilitator.ui.groups.dialogs import KeepApartDialog

    people = roster.participants(sample_session)
    dialog = KeepApartDialog(people)
    qtbot.addWidget(dialog)
    assert dialog.pair() is None and not dialog.keep_apart_button.isEnabled()
    assert dialog.keep_apart_button.text() == "Keep apart"
    dialog.first.setCurrentIndex(dialog.first.findText("Agus Santoso (ID)"))
    dialog.second.setEditText("Nobody Here")
    assert dialog.pair() is None and not dialog.keep_apart_button.isEnabled()
    assert dialog.hint.text() == "Choose each person from the list."
    dialog.second.setEditText("agus santoso (id)")
    assert dialog.pair() is None and dialog.hint.text() == "Choose two different people."
    dialog.second.setEditText("Sok Chanthy (KH)")
    by_name = {p.name: p.id for p in people}
    assert dialog.pair() == (by_name["Agus Santoso"], by_name["Sok Chanthy"])
    assert dialog.keep_apart_button.isEnabled() and dialog.hint.text() == ""


@pytest.mark.parametrize("size", [(1280, 720), (1366, 768), (1920, 1080)])
def test_projector_shows_every_member_whole_at_common_screen_sizes(
    qtbot, open_page, sample_session: WorkshopSession, size: tuple[int, int]
) -> None:  # type: ignore[no-untyped-def]
    """No name falls off the bottom of its box, in any round, and names stay large enough to read
    from the back of the room: at least a fortieth of the screen's height (18 pixels at 720)."""
    page, _ = open_page(GroupsPage, sample_session)
    projector = page.projector_window()
    qtbot.addWidget(projector)
    projector.resize(*size)
    projector.show()
    for row in range(page.rounds_model.rowCount()):
        page.rounds_list.setCurrentIndex(page.rounds_model.index(row, 0))
        qtbot.wait(5)
        cut = [
            box.text().split("<br>")[0]
            for box in projector.boxes
            if box.heightForWidth(box.width()) > box.height()
        ]
        assert cut == [], (size, row)
        assert projector.name_pixel_size() >= size[1] // 40


def test_closed_projector_keeps_up_without_measuring_and_fits_when_shown(
    qtbot, open_page, sample_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """Changes reach a closed projector's boxes, but the costly size fit waits until it is shown."""
    page, _ = open_page(GroupsPage, sample_session)
    projector = page.projector_window()
    qtbot.addWidget(projector)
    person = page.columns[0].model.person(4)
    page.move_member(person.id, 5)
    assert person.name in projector.boxes[5].text()
    assert projector.name_pixel_size() == -1  # still the default font: nothing was measured
    projector.resize(1280, 720)
    projector.show()
    assert projector.name_pixel_size() >= 18


@pytest.mark.qt_log_ignore("does not support raise")  # The offscreen platform cannot raise windows.
def test_page_and_projector_share_one_read_per_change(
    qtbot, open_page, monkeypatch, sample_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """With both on screen a move is read once for both; with the page hidden, once for the wall."""
    page, controller = open_page(GroupsPage, sample_session)
    projector = page.open_projector()
    qtbot.addWidget(projector)
    reads: list[int] = []
    real_load = groups.load_round
    monkeypatch.setattr(
        groups, "load_round", lambda s, round_id: reads.append(round_id) or real_load(s, round_id)
    )
    person = page.columns[0].model.person(2)
    page.move_member(person.id, 3)
    assert reads == [page.view.id]
    assert person.name in projector.boxes[3].text() and page.group_of(person.id) == 3
    page.hide()
    controller.run(groups.move_member, page.view.id, person.id, 4, None)
    assert len(reads) == 2
    assert person.name in projector.boxes[4].text()
    assert projector.view is page.view


def _check_in(session: WorkshopSession, ids: list[int]) -> None:
    from datetime import datetime

    from facilitator.app import checkin

    for pid in ids:
        checkin.check_in_participant(session, pid, 1, now=lambda: datetime(2019, 5, 27, 9, 5))


def _takers(session: WorkshopSession) -> list[int]:
    from facilitator.app import roster
    from facilitator.core.grouping import Eligibility

    return [p.id for p in Eligibility().select(roster.participants(session))]


def test_late_arrivals_wait_then_join_on_the_page_and_the_wall(
    qtbot, open_page, qtmodeltester, sample_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """A round of the 40 people present; two check in later and wait in the banner (which follows
    the desk while shown); Add late arrivals places them without moving anyone, marks their chips,
    and the projector says where they went."""
    takers = _takers(sample_session)
    _check_in(sample_session, takers[:40])
    page, _ = open_page(GroupsPage, sample_session)
    page.show()
    with qtbot.waitSignal(page.round_formed, timeout=20000):
        page.new_round("Morning", 5)
    assert page.view is not None and page.view.round.source == "present"
    assert not page.arrivals.isVisible()
    before = [[p.id for p in g] for g in page.view.groups]
    projector = page.projector_window()
    qtbot.addWidget(projector)
    projector.resize(1600, 900)
    projector.show()
    _check_in(sample_session, takers[40:42])
    assert page.arrivals.isVisible() and page.arrivals.add_button.text() == "Add late arrivals (2)"
    assert "2 people are waiting for a group" in page.arrivals.label.text()
    with qtbot.waitSignal(page.late_added, timeout=20000):
        page.arrivals.add_button.click()
    after = [[p.id for p in g] for g in page.view.groups]
    assert all(new[: len(old)] == old for old, new in zip(before, after, strict=True))
    assert "Joined late:" in page.arrivals.label.text() and not page.arrivals.add_button.isVisible()
    late_rows = [
        (column.number, row)
        for column in page.columns
        for row in range(column.model.rowCount())
        if column.model.data(column.model.index(row), LATE_ROLE)
    ]
    assert len(late_rows) == 2
    qtmodeltester.check(page.columns[late_rows[0][0]].model)
    assert "Just joined: " in projector.title.text() and "→ Group" in projector.title.text()
    assert sum(box.text().count("★") for box in projector.boxes) == 2


def test_places_are_typed_in_a_column_and_shown_on_the_wall_with_roles(
    qtbot, open_page, sample_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """Typing a place under a group's name stores it (undoable); the projector's box gives the
    place, then the facilitator and the rapporteur by role."""
    page, controller = open_page(GroupsPage, sample_session)
    projector = page.projector_window()
    qtbot.addWidget(projector)
    column = page.columns[3]
    assert column.place.text() == "Table 4"
    column.place.setText("Salon Champa")
    with qtbot.waitSignal(controller.workshop_changed):
        column.place.editingFinished.emit()
    assert page.view is not None and page.view.place(3) == "Salon Champa"
    box = projector.boxes[3].text()
    assert "<b>Group 4</b>" in box and "· Salon Champa" in box
    facilitators, rapporteurs = page.view.roles(3)
    assert f"Facilitator:</span> {facilitators[0].name}" in box
    assert f"Rapporteur:</span> {rapporteurs[0].name}" in box
    controller.undo()
    assert page.columns[3].place.text() == "Table 4"


def test_new_round_dialog_offers_the_people_present_first_once_check_in_began(
    qtbot, open_page, monkeypatch, qtmodeltester, sample_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """With people checked in the dialog starts on them and caps the groups at their number;
    choosing people forms a round of exactly those."""
    from facilitator.ui.groups.dialogs import NewRoundDialog

    takers = _takers(sample_session)
    _check_in(sample_session, takers[:4])
    chosen = takers[10:22]

    def accept(dialog: NewRoundDialog) -> int:
        assert dialog.who_combo.currentData() == "present" and dialog.groups_spin.maximum() == 4
        assert "day 1 (4)" in dialog.who_combo.currentText() and not dialog.chooser.isVisibleTo(dialog)
        dialog.who_combo.setCurrentIndex(2)
        qtmodeltester.check(dialog.people_model)
        for row in range(dialog.people_model.rowCount()):
            if dialog.people_model.person(row).id in chosen:
                dialog.people_model.setData(
                    dialog.people_model.index(row), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
                )
        assert dialog.groups_spin.maximum() == 12
        dialog.groups_spin.setValue(3)
        return 1

    monkeypatch.setattr(NewRoundDialog, "exec", accept)
    page, _ = open_page(GroupsPage, sample_session)
    with qtbot.waitSignal(page.round_formed, timeout=20000):
        page.new_round()
    assert page.view is not None and page.view.round.source == "selection"
    assert sorted(p.id for g in page.view.groups for p in g) == sorted(chosen)
    assert "formed from: selected people" in page.subheading.text()


def test_the_page_reopens_on_the_round_shown_last(qtbot, open_page, sample_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """Showing Breakout 3 and building the page again (a restart) shows Breakout 3 again."""
    page, _ = open_page(GroupsPage, sample_session)
    page.select_round(groups.rounds(sample_session)[2].id)
    assert page.view is not None and page.view.name == "Breakout 3"
    again, _ = open_page(GroupsPage, sample_session)
    assert again.view is not None and again.view.name == "Breakout 3"


def test_the_report_lists_every_objective_with_its_bound(open_page, sample_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """Under the columns, each objective shows its value, its bound and whether it is proven."""
    page, _ = open_page(GroupsPage, sample_session)
    text = page.summary.text()
    assert "Proven the best possible on every objective" in text
    for label in ("Group sizes", "Facilitators and rapporteurs", "Compatriot pairs", "Pairs meeting again"):
        assert f"{label}: <b>0</b>" in text
    assert text.count("(fewest 0)") == 6 and text.count("✓</span>") == 6 and "not proven" not in text


def test_columns_keep_their_size_after_a_drag(qtbot, open_page, sample_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """A drag lengthens the round's report; the columns keep their height and grow no scroll bar."""
    page, _ = open_page(GroupsPage, sample_session)
    page.resize(1150, 680)
    page.show()
    qtbot.waitUntil(lambda: page.columns[0].view.height() > 100)
    heights = [column.view.height() for column in page.columns]
    assert all(column.view.verticalScrollBar().maximum() == 0 for column in page.columns)
    person = page.columns[0].model.person(5)
    page.move_member(person.id, 2)
    qtbot.wait(1)
    assert "outside the fair share" in page.summary.text()
    assert [column.view.height() for column in page.columns] == heights
    assert all(column.view.verticalScrollBar().maximum() == 0 for column in page.columns)


def test_a_drag_moves_one_row_without_resetting_the_columns(
    qtbot, open_page, sample_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """Moving a person removes one chip from a column and inserts it in another: no reset."""
    page, _ = open_page(GroupsPage, sample_session)
    page.show()
    events: list[str] = []
    for column in page.columns:
        column.model.modelReset.connect(lambda: events.append("reset"))
        column.model.rowsRemoved.connect(lambda *_args, n=column.number: events.append(f"removed {n}"))
        column.model.rowsInserted.connect(lambda *_args, n=column.number: events.append(f"inserted {n}"))
    person = page.columns[0].model.person(5)
    page.move_member(person.id, 2, 0)
    assert sorted(events) == ["inserted 2", "removed 0"]
    assert page.selected_member() == person.id


# The offscreen platform cannot raise windows or propagate size hints; it says so as a warning.
@pytest.mark.qt_log_ignore("This plugin does not support")
def test_hidden_page_does_no_work_and_its_projector_keeps_up(  # type: ignore[no-untyped-def]
    qtbot, open_page, sample_session: WorkshopSession, monkeypatch
) -> None:
    """While the page is hidden a change costs it nothing, unless its projector is on the wall;
    shown again, the page is current."""
    page, controller = open_page(GroupsPage, sample_session)
    page.show()
    round_id = page.view.id
    person = page.columns[0].model.person(5)
    loads: list[int] = []
    real = groups.load_round
    monkeypatch.setattr(groups, "load_round", lambda *args: loads.append(1) or real(*args))
    page.hide()
    controller.run(groups.move_member, round_id, person.id, 3, None)
    assert loads == [] and page.group_of(person.id) == 0
    page.show()
    assert page.group_of(person.id) == 3 and len(loads) == 1
    projector = page.open_projector()
    qtbot.addWidget(projector)
    page.hide()
    controller.run(groups.move_member, round_id, person.id, 4, None)
    assert person.name in projector.boxes[4].text()
    assert person.name not in projector.boxes[3].text()
