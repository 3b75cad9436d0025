"""Importing an updated list: matching people already on the roster and saying what changes."""

from __future__ import annotations

from facilitator.core.participants import Participant
from facilitator.core.roster_import import RawTable, plan_import

_HEADERS = ("Full name", "Sex", "Country", "Agency", "Designation", "E-mail address")
_ROSTER = (
    Participant(1, "Nguyễn Thị Thu Hà", sex="F", delegation="VN", organisation="MOLISA",
                position="Inspector", sector="labour", email="ha.ntt@molisa.gov.vn"),
    Participant(2, "Somchai Rattanakorn", sex="M", delegation="TH", organisation="Royal Thai Police",
                position="Pol. Lt. Col.", sector="law-enforcement"),
    Participant(3, "Ana Reyes", sex="F", delegation="PH", organisation="DOLE", position="Director",
                sector="partner", email="ana.reyes@dole.gov.ph"),
)  # fmt: skip


def _table(*rows: tuple[str, ...]) -> RawTable:
    return RawTable("update.csv", _HEADERS, rows, tuple(range(2, 2 + len(rows))))


_SAME = (
    ("Nguyen Thi Thu Ha", "Nữ", "Viet Nam", "MOLISA", "Inspector", "ha.ntt@molisa.gov.vn"),
    ("somchai  rattanakorn", "ชาย", "Thailand", "Royal Thai Police", "Pol. Lt. Col.", ""),
    ("Ana Reyes", "Babae", "Phils.", "DOLE", "Director", "ana.reyes@dole.gov.ph"),
)


def test_the_same_file_twice_changes_nothing() -> None:
    """A list that matches the roster gives no new, changed or missing people."""
    plan = plan_import(_table(*_SAME), existing=_ROSTER)
    assert plan.ok
    assert (plan.participants, plan.updates, plan.missing) == ((), (), ())
    assert plan.unchanged == _ROSTER


def test_changed_position_and_email_are_updates_with_their_differences() -> None:
    """A new position (matched by e-mail) and a new e-mail (matched by name and delegation) are
    updates of the same people, each with the field's old and new value."""
    plan = plan_import(
        _table(
            ("Nguyen Thi Thu Ha", "F", "VN", "MOLISA", "Deputy Director", "ha.ntt@molisa.gov.vn"),
            _SAME[1],
            ("Ana Reyes", "F", "PH", "DOLE", "Director", "a.reyes@dole.gov.ph"),
        ),
        existing=_ROSTER,
    )
    assert [(u.before.id, u.matched_by) for u in plan.updates] == [(1, "e-mail"), (3, "name and delegation")]
    assert [(c.field, c.before, c.after) for u in plan.updates for c in u.changes] == [
        ("position", "Inspector", "Deputy Director"),
        ("email", "ana.reyes@dole.gov.ph", "a.reyes@dole.gov.ph"),
    ]
    assert (
        plan.updates[0].after.name == "Nguyễn Thị Thu Hà"
    )  # the file's unaccented spelling is the same name


def test_a_new_person_and_a_dropped_person() -> None:
    """A row nobody matches is new; a roster person the file leaves out is listed as missing."""
    plan = plan_import(
        _table(*_SAME[:2], ("Souksavanh Phommachanh", "F", "Lao PDR", "MOLSW", "Inspector", "")),
        existing=_ROSTER,
    )
    assert [p.name for p in plan.participants] == ["Souksavanh Phommachanh"]
    assert plan.participants[0].delegation == "LA"
    assert plan.missing == (_ROSTER[2],)


def test_blank_cells_and_guessed_sectors_leave_the_roster_as_it_is() -> None:
    """An empty cell does not erase a value, and a sector guessed from the agency never replaces
    one on the roster (it may have been corrected by hand)."""
    plan = plan_import(_table(("Ana Reyes", "", "PH", "DOLE", "", "")), existing=_ROSTER)
    assert plan.unchanged == (_ROSTER[2],) and plan.updates == ()


def test_a_facilitator_id_matches_before_anything_else() -> None:
    """In a roster exported by Facilitator the id identifies the person, even under a new name."""
    table = RawTable(
        "roster.csv", ("id", "name", "delegation", "email"), (("2", "Somchai R.", "TH", ""),), (2,)
    )
    plan = plan_import(table, existing=_ROSTER)
    [update] = plan.updates
    assert (update.before.id, update.matched_by, update.after.name) == (2, "id", "Somchai R.")


def test_two_rows_matching_one_person_are_refused() -> None:
    """Two rows that both match the same roster person refuse the file, naming both rows."""
    plan = plan_import(
        _table(_SAME[2], ("Ana R.", "F", "PH", "DOLE", "Director", "ANA.REYES@dole.gov.ph")), existing=_ROSTER
    )
    assert not plan.ok
    assert "same e-mail as row 2" in str(plan.problems[0])


def test_a_list_without_delegations_matches_by_a_unique_name() -> None:
    """Without a delegation column a name alone matches, when only one person has it."""
    table = RawTable("l.csv", ("Name", "Position"), (("Ana Reyes", "Undersecretary"),), (2,))
    [update] = plan_import(table, existing=_ROSTER).updates
    assert update.after.position == "Undersecretary" and update.matched_by == "name"


def test_a_new_delegation_is_listed_with_suggestions_and_a_roster_spelling_is_reused() -> None:
    """An unknown delegation is kept as written and listed with the closest members; a delegation
    already on the roster in another case takes the roster's spelling."""
    roster = (*_ROSTER, Participant(4, "Lim Chee Keong", delegation="ASEAN Secretariat"))
    plan = plan_import(
        _table(
            ("Maria Santos", "F", "Philipines", "DOLE", "", ""),
            ("Kyaw Zaw", "M", "asean  secretariat", "", "", ""),
        ),
        existing=roster,
    )
    assert [p.delegation for p in plan.participants] == ["Philipines", "ASEAN Secretariat"]
    [note] = [n for n in plan.notes if "new delegation" in n.message]
    assert str(note) == (
        "column 'Country': new delegation 'Philipines' (row 2): not an ASEAN member state nor a "
        "delegation on the roster; did you mean Philippines (PH)?"
    )
