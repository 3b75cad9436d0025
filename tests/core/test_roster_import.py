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


def test_duplicates_are_flagged_but_not_blocking() -> None:
    """The same name and delegation twice, or already on the roster, is shown for review."""
    existing = (Participant(1, "Somchai Rattanakorn", delegation="TH"),)
    plan = plan_import(
        _table(
            ("Name", "Country"),
            ("Ana Reyes", "PH"),
            ("ana  reyes", "Philippines"),
            ("Somchai Rattanakorn", "Thailand"),
        ),
        existing=existing,
    )
    assert plan.ok
    notes = [note.message for note in plan.notes]
    assert sum("more than once" in n for n in notes) == 2
    assert any("already on the roster" in n for n in notes)


def test_ids_must_be_whole_unique_and_free() -> None:
    """Ids from a file are kept only when they are whole numbers not used before."""
    existing = (Participant(7, "Someone"),)
    plan = plan_import(
        _table(("id", "Name"), ("3", "A"), ("3.0", "B"), ("x", "C"), ("7", "D")), existing=existing
    )
    assert [p.row for p in plan.problems] == [3, 4, 5]
    ok = plan_import(_table(("id", "Name"), ("12", "A"), ("13.0", "B")))
    assert [p.id for p in ok.participants] == [12, 13]


def test_plan_remembers_the_roster_it_was_checked_against() -> None:
    """The plan keeps the roster it checked, so a later apply can see whether it changed; a
    replacing import ignores that roster's ids and names, since it empties the roster first."""
    existing = (Participant(7, "Vongdeuane Sisouk", delegation="LA"), Participant(8, "Sok Chan [2]"))
    table = _table(("No.", "Name", "Country"), ("7", "Vongdeuane Sisouk", "Lao PDR"))
    adding = plan_import(table, existing=existing)
    assert adding.roster == existing
    assert [p.message for p in adding.problems] == ["id 7 already belongs to someone on the roster"]
    replacing = plan_import(table, existing=existing, replace=True)
    assert replacing.ok and replacing.notes == ()
    assert replacing.roster == existing
