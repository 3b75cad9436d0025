"""Import planning: every problem found with its row and column, nothing guessed."""

from __future__ import annotations

from facilitator.core.participants import Participant
from facilitator.core.roster_import import RawTable, map_columns, plan_import


def _table(headers: tuple[str, ...], *rows: tuple[str, ...], header_row: int = 1) -> RawTable:
    return RawTable(
        "list.csv", headers, tuple(rows), tuple(range(header_row + 1, header_row + 1 + len(rows))), header_row
    )


def test_clean_rows_become_participants() -> None:
    """Values are normalised: sex words, country names, inferred sectors."""
    plan = plan_import(
        _table(("Full name", "Gender", "Country", "Agency"), ("Ana Reyes", "Female", "Philippines", "NBI"))
    )
    assert plan.ok
    [person] = plan.participants
    assert (person.name, person.sex, person.delegation, person.sector) == (
        "Ana Reyes",
        "F",
        "PH",
        "law-enforcement",
    )
    assert any("sector set to 'law-enforcement'" in note.message for note in plan.notes)


def test_every_problem_names_row_and_column() -> None:
    """A nonsense sex and an empty name are both reported, each with row and column."""
    plan = plan_import(
        _table(
            ("Name", "Sex", "Country"),
            ("Ana Reyes", "35", "PH"),
            ("", "M", "TH"),
            header_row=3,
        )
    )
    assert not plan.ok
    assert plan.participants == ()
    messages = [(p.row, p.column) for p in plan.problems]
    assert (4, "Sex") in messages
    assert (5, "Name") in messages


def test_missing_name_column_is_refused() -> None:
    """Without a name column nothing can be imported; the message names the header row and says
    what to do in words that suit the window and the command line alike."""
    plan = plan_import(_table(("Gender", "Country"), ("F", "LA")))
    assert not plan.ok
    message = str(plan.problems[0])
    assert message.startswith("the header row (row 1) has no column for participants' names")
    assert "choose the column that holds them" in message and "--map" not in message


def test_header_only_is_refused() -> None:
    """A header with no rows is a problem, not a silent no-op."""
    plan = plan_import(_table(("Name", "Sex")))
    assert not plan.ok
    assert "no participants" in plan.problems[0].message


def test_manual_mapping_overrides_guess() -> None:
    """A mapping given by hand feeds a field from an unrecognised column."""
    table = _table(("Participant", "Whatever"), ("Ana Reyes", "F"))
    assert map_columns(table.headers).unrecognised == ("Whatever",)
    plan = plan_import(table, {"Whatever": "sex"})
    assert plan.ok
    assert plan.participants[0].sex == "F"


def test_mapping_to_unknown_field_is_refused() -> None:
    """A mapping onto a field that does not exist is reported."""
    plan = plan_import(_table(("Name",), ("Ana",)), {"Name": "nickname"})
    assert not plan.ok
    assert "not a roster field" in plan.problems[0].message


def test_the_same_person_twice_in_a_file_is_refused() -> None:
    """Two rows with the same name and delegation (accents, case and spaces aside), or the same
    e-mail, refuse the file with both rows named, so nobody is put on the roster twice."""
    plan = plan_import(
        _table(
            ("Name", "Country", "E-mail"),
            ("Nguyễn Thị Hà", "Viet Nam", ""),
            ("nguyen  thi ha", "VN", ""),
            ("Ana Reyes", "PH", "ana@dole.gov.ph"),
            ("Ana M. Reyes", "PH", "ANA@dole.gov.ph"),
        )
    )
    assert [str(p) for p in plan.problems] == [
        "row 3, column 'Name': the same name and delegation as row 2: one person, listed twice",
        "row 5, column 'E-mail': the same e-mail as row 4: one person, listed twice",
    ]


def test_facilitator_ids_are_whole_unique_and_never_reused() -> None:
    """In a Facilitator export, ids must be whole and unique; an id handed out before gets a new one."""
    existing = (Participant(7, "Someone"),)
    headers = ("id", "name")
    plan = plan_import(_table(headers, ("3", "A"), ("3.0", "B"), ("x", "C")), existing=existing)
    assert [(p.row, p.message) for p in plan.problems] == [
        (3, "id 3 is used again (first in row 2)"),
        (4, "'x' is not a participant id; ids are whole numbers from 1"),
    ]
    ok = plan_import(_table(headers, ("12", "A"), ("5", "B")), existing=existing)
    assert [p.id for p in ok.participants] == [12, 0]
    assert any("id 5 was handed out before" in n.message for n in ok.notes)


def test_serial_numbers_are_not_ids() -> None:
    """A 'No.' column is a serial number: it is noted, never read as the participant id."""
    plan = plan_import(_table(("No.", "Name"), ("69", "Ana")), existing=(Participant(69, "Ben"),))
    assert plan.ok and plan.participants[0].id == 0
    assert "'No.' is a serial number" in plan.notes[0].message


def test_plan_remembers_the_roster_it_was_checked_against() -> None:
    """The plan keeps the roster it checked, so a later apply can see whether it changed; a
    replacing import matches nobody, since it empties the roster first."""
    existing = (Participant(7, "Vongdeuane Sisouk", delegation="LA"), Participant(8, "Sok Chan [2]"))
    table = _table(("Full name", "Country"), ("Vongdeuane Sisouk", "Lao PDR"))
    adding = plan_import(table, existing=existing)
    assert adding.roster == existing
    assert (adding.participants, adding.unchanged, adding.missing) == ((), (existing[0],), (existing[1],))
    replacing = plan_import(table, existing=existing, replace=True)
    assert replacing.ok and replacing.roster == existing
    assert [p.name for p in replacing.participants] == ["Vongdeuane Sisouk"]
    assert replacing.unchanged == replacing.missing == ()
