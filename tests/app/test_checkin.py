"""Check-in commands on a real workshop file: codes, duplicates, undo, walk-ins, counts."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

import pytest

from facilitator.app import checkin, roster
from facilitator.app.session import WorkshopSession
from facilitator.core.checkin_codes import CodeRefused, make_code
from facilitator.core.errors import ActionRefused, InputError, NotFoundError


def _at(hour: int, minute: int) -> datetime:
    return datetime(2019, 5, 27, hour, minute, 5)


def _rows(path: Path) -> list[tuple[int, int, str, str]]:
    """Check-ins as stored on disk, read through a separate connection."""
    with sqlite3.connect(path) as conn:
        return conn.execute(
            "SELECT participant_id, day, scanned_at, method FROM checkin_scans ORDER BY id"
        ).fetchall()


def test_every_new_workshop_has_its_own_secret(
    sample_session: WorkshopSession, empty_session: WorkshopSession
) -> None:
    """Two workshop files get different secrets, so codes of one are refused by the other."""
    one = checkin.ensure_secret(sample_session)
    two = checkin.ensure_secret(empty_session)
    assert len(one) == 32 and one != two
    assert checkin.participant_code(sample_session, 1) != make_code("LPB2019", 1, two)


def test_secret_is_created_on_demand_and_not_undoable(sample_session: WorkshopSession) -> None:
    """A file without a secret gets one when first needed; Undo does not remove it."""
    sample_session.connection.execute("DELETE FROM checkin_secret")
    secret = checkin.ensure_secret(sample_session, token=lambda n: b"\x07" * n)
    assert secret == b"\x07" * 32
    assert sample_session.undo_label is None
    assert checkin.ensure_secret(sample_session) == secret


def test_scan_checks_in_and_is_stored(sample_session: WorkshopSession) -> None:
    """A genuine code checks the person in; the row is on disk with the time and method."""
    code = checkin.participant_code(sample_session, 13)
    result = checkin.check_in_code(sample_session, code, 1, now=lambda: _at(8, 42))
    assert result.participant.name == "Souksavanh Phommachanh"
    assert "Lao PDR" in result.message and "08:42" in result.message
    assert _rows(sample_session.path) == [(13, 1, "2019-05-27T08:42:05", "scan")]


def test_duplicate_is_refused_with_the_first_time(sample_session: WorkshopSession) -> None:
    """A second scan the same day is refused and names the first check-in's time; day 2 is fine."""
    code = checkin.participant_code(sample_session, 5)
    checkin.check_in_code(sample_session, code, 1, now=lambda: _at(8, 15))
    with pytest.raises(checkin.AlreadyCheckedIn, match="at 08:15") as duplicate:
        checkin.check_in_code(sample_session, code, 1, now=lambda: _at(9, 0))
    assert duplicate.value.first.scanned_at == datetime(2019, 5, 27, 8, 15, 5)
    assert duplicate.value.participant.id == 5
    checkin.check_in_code(sample_session, code, 2, now=lambda: _at(8, 20))
    assert [row[1] for row in _rows(sample_session.path)] == [1, 2]


def test_refused_codes_change_nothing(sample_session: WorkshopSession) -> None:
    """Forged, foreign and malformed codes are refused and nothing is written."""
    code = checkin.participant_code(sample_session, 5)
    forged = code[:-1] + ("A" if code[-1] != "A" else "B")
    for text, reason in ((forged, "forged"), ("BKK2020-5-AAAAAAAA", "foreign"), ("Sok Chanthy", "malformed")):
        with pytest.raises(CodeRefused) as refused:
            checkin.check_in_code(sample_session, text, 1)
        assert refused.value.reason == reason
    assert _rows(sample_session.path) == []
    assert sample_session.undo_label is None


def test_code_of_a_removed_participant_is_refused(sample_session: WorkshopSession) -> None:
    """A genuine code whose participant left the roster asks for a walk-in registration."""
    code = checkin.participant_code(sample_session, 68)
    roster.remove_participants(sample_session, [68])
    with pytest.raises(NotFoundError, match="walk-in"):
        checkin.check_in_code(sample_session, code, 1)


def test_day_outside_the_workshop_is_refused(sample_session: WorkshopSession) -> None:
    """The sample lasts two days; day 3 is refused."""
    with pytest.raises(InputError, match="days 1 to 2"):
        checkin.check_in_participant(sample_session, 1, 3)
    assert checkin.workshop_days(sample_session) == 2
    assert checkin.current_day(sample_session, date(2019, 5, 28)) == 2


def test_undo_and_redo_a_check_in(sample_session: WorkshopSession) -> None:
    """The normal Undo reverses a check-in and Redo brings it back."""
    checkin.check_in_participant(sample_session, 7, 1, now=lambda: _at(8, 0))
    assert sample_session.undo_label == "Check in Keo Sreymom (day 1)"
    sample_session.undo()
    assert _rows(sample_session.path) == []
    sample_session.redo()
    assert [row[0] for row in _rows(sample_session.path)] == [7]


def test_undo_last_checkin_uses_undo_when_it_is_the_last_action(sample_session: WorkshopSession) -> None:
    """Right after a check-in, the desk's undo is the normal Undo (so Redo works)."""
    checkin.check_in_participant(sample_session, 7, 1)
    checkin.undo_last_checkin(sample_session)
    assert _rows(sample_session.path) == []
    assert sample_session.redo_label == "Check in Keo Sreymom (day 1)"


def test_undo_last_checkin_after_other_edits_keeps_them(sample_session: WorkshopSession) -> None:
    """With an edit after the check-in, only the check-in is cancelled, as a new undoable action."""
    checkin.check_in_participant(sample_session, 7, 1)
    roster.edit_participant(sample_session, 8, position="Chief Investigator")
    changes = checkin.undo_last_checkin(sample_session)
    assert changes.label == "Cancel check-in of Keo Sreymom (day 1)"
    assert _rows(sample_session.path) == []
    assert roster.participants(sample_session)[7].position == "Chief Investigator"
    sample_session.undo()
    assert [row[0] for row in _rows(sample_session.path)] == [7]


def test_undo_last_checkin_with_nobody_checked_in(sample_session: WorkshopSession) -> None:
    """With no check-in there is nothing to undo, and the message says so."""
    with pytest.raises(ActionRefused, match="Nobody has been checked in for day 2"):
        checkin.undo_last_checkin(sample_session, 2)


def test_walk_in_is_registered_and_checked_in(sample_session: WorkshopSession) -> None:
    """A walk-in joins the roster and is checked in; two undos remove both."""
    result = checkin.register_walk_in(
        sample_session, 1, now=lambda: _at(9, 30), name="Malee Chanthavong", sex="f", delegation="Lao"
    )
    assert result.participant.delegation == "LA" and result.participant.sex == "F"
    assert _rows(sample_session.path) == [(result.participant.id, 1, "2019-05-27T09:30:05", "walk-in")]
    assert len(roster.participants(sample_session)) == 69
    sample_session.undo()
    sample_session.undo()
    assert len(roster.participants(sample_session)) == 68
    assert _rows(sample_session.path) == []


def test_walk_in_with_a_bad_day_adds_nobody(sample_session: WorkshopSession) -> None:
    """The day is checked before the person is added to the roster."""
    with pytest.raises(InputError):
        checkin.register_walk_in(sample_session, 9, name="Late Comer")
    assert len(roster.participants(sample_session)) == 68


def test_removing_a_participant_removes_their_check_ins_and_undo_restores(
    sample_session: WorkshopSession,
) -> None:
    """Check-ins follow their participant out of the roster and back in on undo."""
    checkin.check_in_participant(sample_session, 3, 1)
    roster.remove_participants(sample_session, [3])
    assert _rows(sample_session.path) == []
    sample_session.undo()
    assert [row[0] for row in _rows(sample_session.path)] == [3]


def test_day_summary_and_recent_list(sample_session: WorkshopSession) -> None:
    """Counts by sex and sector follow check-ins; the recent list is newest first."""
    checkin.check_in_participant(sample_session, 1, 1, now=lambda: _at(8, 0))
    checkin.check_in_participant(sample_session, 2, 1, now=lambda: _at(8, 1))
    checkin.check_in_participant(sample_session, 3, 2)
    summary = checkin.day_summary(sample_session, 1)
    assert (summary.total.present_total, summary.total.expected_total) == (2, 68)
    assert (summary.total.women_present, summary.total.men_present) == (1, 1)
    labour = next(line for line in summary.by_sector if line.key == "labour")
    assert (labour.present_total, labour.expected_total) == (2, 20)
    assert [p.id for _, p in checkin.checked_in(sample_session, 1)] == [2, 1]


def test_search_ignores_case_and_accents(sample_session: WorkshopSession) -> None:
    """'tran van' finds Trần Văn Minh; a number finds that id; native script matches too."""
    assert [p.name for p in checkin.search_participants(sample_session, "tran van")] == ["Trần Văn Minh"]
    assert checkin.search_participants(sample_session, "13")[0].id == 13
    assert checkin.search_participants(sample_session, "ພົມມະຈັນ")[0].id == 13
    assert checkin.search_participants(sample_session, "   ") == []


@pytest.fixture
def other_desk(
    sample_session: WorkshopSession, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[str], None]]:
    """A second connection to the workshop file that writes just before this desk's transaction
    begins: after this desk's look-up, if the look-up is made outside that transaction."""
    connection = sqlite3.connect(sample_session.path)
    connection.execute("PRAGMA foreign_keys = ON")
    begin = sample_session.database.transaction

    def writes(statement: str) -> None:
        @contextmanager
        def after_the_other_desk() -> Iterator[sqlite3.Connection]:
            with connection:
                connection.execute(statement)
            with begin() as conn:
                yield conn

        monkeypatch.setattr(sample_session.database, "transaction", after_the_other_desk)

    yield writes
    connection.close()


def test_simultaneous_duplicate_check_in_is_reported_with_the_first_time(
    sample_session: WorkshopSession, other_desk: Callable[[str], None]
) -> None:
    """The same badge checked in from another connection a moment earlier gives the duplicate
    message with that time, not a raw IntegrityError; one check-in is stored."""
    code = checkin.participant_code(sample_session, 13)
    other_desk(
        "INSERT INTO checkin_scans (participant_id, day, scanned_at, method) "
        "VALUES (13, 1, '2019-05-27T08:41:50', 'scan')"
    )
    with pytest.raises(checkin.AlreadyCheckedIn, match="at 08:41") as duplicate:
        checkin.check_in_code(sample_session, code, 1, now=lambda: _at(8, 42))
    assert duplicate.value.participant.name == "Souksavanh Phommachanh"
    assert _rows(sample_session.path) == [(13, 1, "2019-05-27T08:41:50", "scan")]
    assert sample_session.undo_label is None


def test_check_in_of_someone_removed_meanwhile_asks_for_a_walk_in(
    sample_session: WorkshopSession, other_desk: Callable[[str], None]
) -> None:
    """A participant removed by another connection between the scan and the write is reported as
    removed (it raised a foreign-key IntegrityError)."""
    code = checkin.participant_code(sample_session, 13)
    other_desk("DELETE FROM participants WHERE id = 13")
    with pytest.raises(NotFoundError, match="walk-in"):
        checkin.check_in_code(sample_session, code, 1, now=lambda: _at(8, 42))
    assert _rows(sample_session.path) == []


def test_desk_answers_say_what_the_desk_shows(sample_session: WorkshopSession) -> None:
    """At the desk a repeat, a forged code and an empty undo are answers to show, not errors."""
    code = checkin.participant_code(sample_session, 5)
    first = checkin.desk_scan(sample_session, code, 1, lambda: _at(8, 42))
    assert (first.outcome, first.participant and first.participant.id) == ("accepted", 5)
    again = checkin.desk_scan(sample_session, code, 1, lambda: _at(9, 10))
    assert again.outcome == "duplicate" and "at 08:42" in again.message
    forged = checkin.desk_scan(sample_session, code[:-1] + ("A" if code[-1] != "A" else "B"), 1)
    assert forged.outcome == "refused" and forged.participant is None
    undone = checkin.desk_undo(sample_session, 1)
    assert undone.outcome == "undone" and undone.message.startswith("Undo Check in")
    assert checkin.desk_undo(sample_session, 1).outcome == "refused"
    assert _rows(sample_session.path) == []


def test_desk_walk_in_refusal_names_the_field(sample_session: WorkshopSession) -> None:
    """A walk-in without a name is refused with the field's name first, and adds nobody."""
    answer = checkin.desk_walk_in(sample_session, 1, organisation="Ministry of Labour")
    assert answer.outcome == "refused" and answer.message.startswith("Name")
    assert len(roster.participants(sample_session)) == 68


def test_scans_of_day_reads_only_the_rows_asked_for(sample_session: WorkshopSession) -> None:
    """A view that knows which check-in rows changed reads only those."""
    first = checkin.check_in_participant(sample_session, 3, 1, now=lambda: _at(8, 0)).scan
    checkin.check_in_participant(sample_session, 4, 1, now=lambda: _at(8, 1))
    checkin.check_in_participant(sample_session, 3, 2, now=lambda: _at(8, 2))
    assert [s.participant_id for s in checkin.scans_of_day(sample_session, 1)] == [3, 4]
    assert checkin.scans_of_day(sample_session, 1, {first.id}) == [first]
