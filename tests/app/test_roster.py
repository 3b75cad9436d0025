"""Roster commands on a real workshop file."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.app import roster
from facilitator.app.session import WorkshopSession
from facilitator.core.errors import ActionRefused, InputError, RosterImportError
from facilitator.core.participants import ROSTER_FIELDS


def test_sample_follows_the_concept_paper(sample_session: WorkshopSession) -> None:
    """The sample has 68 people in the paper's categories, mixed sex, names in several scripts."""
    people = roster.participants(sample_session)
    assert len(people) == 68
    counts = sample_session.info.composition_counts(people)
    expected = {c.key: c.expected for c in sample_session.info.composition}
    assert {k: counts[k] for k in expected} == expected
    assert counts[""] == 0
    natives = "".join(p.native_name for p in people)
    for low, high in ((0x0E80, 0x0EFF), (0x0E00, 0x0E7F), (0x1780, 0x17FF), (0x1000, 0x109F)):
        assert any(low <= ord(c) <= high for c in natives)
    assert any("ễ" in p.name or "ạ" in p.name for p in people)
    assert {p.sex for p in people} == {"F", "M"}


def test_bad_import_changes_nothing(sample_session: WorkshopSession, tmp_path: Path) -> None:
    """One bad row refuses the whole file; the roster stays as it was."""
    path = tmp_path / "list.csv"
    path.write_text("Name,Sex\nGood Person,F\nBad Person,42\n")
    before = roster.participants(sample_session)
    with pytest.raises(RosterImportError) as caught:
        roster.import_roster(sample_session, path)
    assert "row 3, column 'Sex'" in str(caught.value)
    assert "list.csv" in str(caught.value)
    assert roster.participants(sample_session) == before


def test_import_replace_and_undo(sample_session: WorkshopSession, tmp_path: Path) -> None:
    """Replacing the roster is one undoable step."""
    path = tmp_path / "list.csv"
    path.write_text("Name,Sex,Country\nAna,F,Philippines\nBen,M,Laos\n")
    result = roster.import_roster(sample_session, path, replace=True)
    assert (result.added, result.replaced) == (2, 68)
    assert [p.delegation for p in roster.participants(sample_session)] == ["PH", "LA"]
    sample_session.undo()
    assert len(roster.participants(sample_session)) == 68


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_then_import_round_trip(sample_session: WorkshopSession, tmp_path: Path, suffix: str) -> None:
    """An exported roster imports back into an empty workshop unchanged, ids included."""
    from facilitator.app.workshops import create_workshop

    path = roster.export_roster(sample_session, tmp_path / f"roster{suffix}")
    target = create_workshop(tmp_path / "copy.sqlite")
    roster.import_roster(target, path)
    assert roster.participants(target) == roster.participants(sample_session)
    target.close()


def test_export_csv_columns(sample_session: WorkshopSession, tmp_path: Path) -> None:
    """The CSV has one column per roster field, headed with the field names, in UTF-8."""
    path = roster.export_roster(sample_session, tmp_path / "r.csv")
    header, first = path.read_text(encoding="utf-8").splitlines()[:2]
    assert header.split(",") == list(ROSTER_FIELDS)
    assert first.startswith("1,Nurul Huda Ahmad,")


def test_edit_refuses_bad_values_with_field_named(sample_session: WorkshopSession) -> None:
    """A refused edit names the field and changes nothing."""
    with pytest.raises(InputError, match=r"^Sex:"):
        roster.edit_participant(sample_session, 1, sex="42")
    with pytest.raises(InputError, match=r"^Name:"):
        roster.edit_participant(sample_session, 1, name="  ")
    assert roster.participants(sample_session)[0].sex == "F"


def test_backups_of_the_last_hour_are_all_kept_and_open_as_workshops(empty_session: WorkshopSession) -> None:
    """Thirteen backups in a row are all kept (they are under an hour old), each a whole workshop."""
    from facilitator.storage.backups import backup_folder, list_backups
    from facilitator.storage.database import WorkshopDatabase

    for _ in range(13):
        empty_session.backup()
    backups = list_backups(empty_session.path)
    assert len(backups) == 14  # with the one taken on opening
    assert sorted(p.name for p in backup_folder(empty_session.path).iterdir()) == sorted(
        b.path.name for b in backups
    )
    WorkshopDatabase.open_reader(backups[0].path).close()


def test_backup_after_ten_minutes_of_edits(tmp_path: Path) -> None:
    """With an injected clock, an edit after the interval takes a backup; one before does not."""
    from facilitator.app.session import BACKUP_INTERVAL_SECONDS
    from facilitator.app.workshops import create_workshop
    from facilitator.storage.backups import backup_folder

    create_workshop(tmp_path / "w.sqlite").close()
    now = [1000.0]
    session = WorkshopSession.open(tmp_path / "w.sqlite", clock=lambda: now[0])
    folder = backup_folder(session.path)
    after_open = len(list(folder.glob("*.sqlite")))
    roster.add_participant(session, name="A")
    assert len(list(folder.glob("*.sqlite"))) == after_open
    now[0] += BACKUP_INTERVAL_SECONDS
    roster.add_participant(session, name="B")
    assert len(list(folder.glob("*.sqlite"))) == after_open + 1
    session.close()


def test_an_edit_names_the_field_and_the_id_cannot_be_edited(sample_session: WorkshopSession) -> None:
    person = roster.participants(sample_session)[0]
    changes = roster.edit_participant(sample_session, person.id, native_name="ທົດສອບ")
    assert changes.label == f"Edit name in own script of {person.name}"
    with pytest.raises(InputError, match="'id' is not a roster field"):
        roster.edit_participant(sample_session, person.id, id="99")
    assert roster.participants(sample_session)[0].id == person.id


_REGISTRATIONS = (
    "No.,Full name,Name in own script,Sex,Country,Agency\n"
    "69,Vongdeuane Sisouk,ວົງເດືອນ ສີສຸກ (ທ.),F,Lao PDR,Ministry of Labour – Dept. 2\n"
    "70,Somsak Rattanaporn-2,สมศักดิ์ รัตนพร (๒),M,Thailand,Royal Thai Police\n"
    "71,Daw Thandar [Aye],ဒေါ်သန္တာ အေး (၃),F,Myanmar,Myanmar Police Force\n"
)


def _checked(session: WorkshopSession, tmp_path: Path, replace: bool = False):  # type: ignore[no-untyped-def]
    """A registration file read and checked, as the import dialog holds it before Import is pressed."""
    path = tmp_path / "registrations.csv"
    path.write_text(_REGISTRATIONS, encoding="utf-8")
    plan = roster.prepare_import(session, roster.read_import_file(path), replace=replace)
    assert plan.ok
    return plan


def test_import_checked_before_people_were_removed_is_refused_whole(
    sample_session: WorkshopSession, tmp_path: Path
) -> None:
    """Removing people after the check makes Import refuse, saying what changed; nothing is imported."""
    plan = _checked(sample_session, tmp_path)
    roster.remove_participants(sample_session, [3, 41])
    before = roster.participants(sample_session)
    with pytest.raises(ActionRefused) as refused:
        roster.apply_import(sample_session, plan, "registrations.csv", replace=False)
    assert str(refused.value).startswith(
        "The roster changed since this import was checked: 2 people were removed. Check the file again"
    )
    assert roster.participants(sample_session) == before
    assert sample_session.undo_label == "Remove 2 participants"


def test_import_checked_before_a_walk_in_is_refused_then_rechecked(
    sample_session: WorkshopSession, tmp_path: Path
) -> None:
    """A walk-in and an edit after the check refuse Import with what changed; checked again, the
    file adds its three people with new ids past the walk-in's (a serial 'No.' is never an id)."""
    plan = _checked(sample_session, tmp_path)
    walk_in = roster.add_participant(sample_session, name="Chanthavong M.", sex="F", delegation="LA")
    roster.edit_participant(sample_session, 12, position="Deputy Director (a.i.)")
    assert walk_in == 69
    with pytest.raises(ActionRefused, match="1 person was added and 1 person was edited"):
        roster.apply_import(sample_session, plan, "registrations.csv", replace=False)
    assert len(roster.participants(sample_session)) == 69
    rechecked = roster.prepare_import(sample_session, roster.read_import_file(tmp_path / "registrations.csv"))
    result = roster.apply_import(sample_session, rechecked, "registrations.csv", replace=False)
    assert (result.added, result.updated, result.missing) == (3, 0, 69)
    assert [p.id for p in roster.participants(sample_session)][-3:] == [70, 71, 72]


def test_replacing_import_does_not_wipe_a_walk_in_registered_after_the_check(
    sample_session: WorkshopSession, tmp_path: Path
) -> None:
    """A replace checked before a walk-in arrived is refused, so the walk-in is not silently deleted."""
    plan = _checked(sample_session, tmp_path, replace=True)
    roster.add_participant(sample_session, name="Sok Sreyneang [walk-in]", sex="F", delegation="KH")
    with pytest.raises(ActionRefused, match="1 person was added"):
        roster.apply_import(sample_session, plan, "registrations.csv", replace=True)
    assert roster.participants(sample_session)[-1].name == "Sok Sreyneang [walk-in]"
    result = roster.apply_import(
        sample_session, _checked(sample_session, tmp_path, replace=True), "registrations.csv", replace=True
    )
    assert (result.added, result.replaced) == (3, 69)


def _update_file(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "update.csv"
    path.write_text(
        "Full name,Sex,Country,Agency,Designation,E-mail address\n" + "".join(rows), encoding="utf-8"
    )
    return path


def test_importing_an_updated_list_updates_adds_and_keeps_check_ins(
    sample_session: WorkshopSession, tmp_path: Path
) -> None:
    """A second import changes the matched person in place (her check-in stays hers), adds the new
    one, removes nobody, and one undo reverts it all."""
    from facilitator.app import checkin

    person = roster.participants(sample_session)[4]
    checkin.check_in_participant(sample_session, person.id, 1)
    before = roster.participants(sample_session)
    path = _update_file(
        tmp_path,
        f"{person.name},{person.sex},{person.delegation},{person.organisation},Director-General,\n",
        "Maria Ximenes,Feto,Timor-Leste,Ministry of Labour,Inspector,maria.x@example.tl\n",
    )
    result = roster.import_roster(sample_session, path)
    assert (result.added, result.updated, result.unchanged, result.missing, result.removed) == (
        1,
        1,
        0,
        67,
        0,
    )
    after = roster.participants(sample_session)
    assert len(after) == 69
    assert next(p for p in after if p.id == person.id).position == "Director-General"
    assert after[-1].delegation == "TL" and after[-1].sex == "F"
    assert [p.id for _scan, p in checkin.checked_in(sample_session, 1)] == [person.id]
    assert sample_session.undo_label == "Import update.csv"
    sample_session.undo()
    assert roster.participants(sample_session) == before


def test_the_same_file_imported_twice_changes_nothing(
    sample_session: WorkshopSession, tmp_path: Path
) -> None:
    """The roster's own export imported again matches everyone and changes nothing."""
    path = roster.export_roster(sample_session, tmp_path / "roster.xlsx")
    before = roster.participants(sample_session)
    result = roster.import_roster(sample_session, path)
    assert (result.added, result.updated, result.unchanged, result.missing) == (0, 0, 68, 0)
    assert roster.participants(sample_session) == before


def test_people_not_in_the_file_are_removed_only_on_request(
    sample_session: WorkshopSession, tmp_path: Path
) -> None:
    """Asked to, the import removes the people the file leaves out, in the same undo step."""
    keep = roster.participants(sample_session)[:2]
    path = _update_file(tmp_path, *(f"{p.name},{p.sex},{p.delegation},,,\n" for p in keep))
    result = roster.import_roster(sample_session, path, remove_missing=True)
    assert (result.unchanged, result.removed) == (2, 66)
    assert roster.participants(sample_session) == keep
    sample_session.undo()
    assert len(roster.participants(sample_session)) == 68


def test_a_plan_checked_for_adding_cannot_be_applied_as_a_replacement(
    sample_session: WorkshopSession, tmp_path: Path
) -> None:
    """A plan is applied only as the kind of import it was checked for."""
    plan = _checked(sample_session, tmp_path)
    with pytest.raises(ActionRefused, match="other kind of import"):
        roster.apply_import(sample_session, plan, "registrations.csv", replace=True)


_CELL = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(st.tuples(_CELL, st.sampled_from(["F", "M", "Ms", "", "42", "Nữ"]), _CELL), max_size=6),
    ending=st.sampled_from(["\n", "\r\n", "\r"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
)
def test_generated_imports_are_whole_or_nothing(
    sample_session: WorkshopSession,
    tmp_path: Path,
    rows: list[tuple[str, str, str]],
    ending: str,
    encoding: str,
) -> None:
    """Any generated list either imports in one step or is refused leaving the roster as it was."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=ending)
    writer.writerow(["Full name", "Sex", "Country"])
    writer.writerows(rows)
    path = tmp_path / "generated.csv"
    path.write_bytes(buffer.getvalue().encode(encoding, errors="replace"))
    before = roster.participants(sample_session)
    label = sample_session.undo_label
    try:
        result = roster.import_roster(sample_session, path)
    except RosterImportError:
        assert roster.participants(sample_session) == before
        assert sample_session.undo_label == label
        return
    after = roster.participants(sample_session)
    assert len(after) == len(before) + result.added
    if result.added or result.updated:
        sample_session.undo()
        assert roster.participants(sample_session) == before


def test_the_form_exported_a_week_later_updates_adds_and_keeps(empty_session: WorkshopSession) -> None:
    """The corpus pair: week 2 changes a designation and an e-mail, adds one person, leaves one out
    (kept), keeps a name whose diacritics the form lost; imported again, it changes nothing."""
    data = Path(__file__).resolve().parents[1] / "data" / "roster"
    roster.import_roster(empty_session, data / "google_forms.csv")
    first = {p.email: p for p in roster.participants(empty_session)}
    result = roster.import_roster(empty_session, data / "updates" / "google_forms_week2.csv")
    assert (result.added, result.updated, result.unchanged, result.missing) == (1, 2, 1, 1)
    people = {p.name: p for p in roster.participants(empty_session)}
    assert people["Somchai Rattanakorn"].position == "Pol. Col., Anti-Trafficking Division"
    assert people["Maria Santos"].email == "m.santos@dole.gov.ph"
    assert people["Maria Santos"].id == first["maria.santos@dole.gov.ph"].id
    assert people["Nguyễn Thị Thu Hà"].id == first["ha.ntt@molisa.gov.vn"].id
    assert people["Maria Ximenes"].delegation == "TL" and "João Pereira" in people
    again = roster.import_roster(empty_session, data / "updates" / "google_forms_week2.csv")
    assert (again.added, again.updated, again.unchanged) == (0, 0, 4)


def test_roster_workbook_of_an_old_workshop_with_control_characters_opens(
    empty_session: WorkshopSession, tmp_path: Path
) -> None:
    """Names stored before control characters were cleaned on the way in leave the XLSX readable."""
    import openpyxl

    with empty_session.action("Old data", ["roster"]) as conn:
        conn.execute(
            "INSERT INTO participants (name, organisation) VALUES ('ສົມໃຈ\x0b (Lao)', 'Ministry\x1bof Labour')"
        )
    target = roster.export_roster(empty_session, tmp_path / "roster.xlsx")
    sheet = openpyxl.load_workbook(target).active
    assert [cell.value for cell in sheet[2]][1] == "ສົມໃຈ (Lao)"
    assert "Ministryof Labour" in [cell.value for cell in sheet[2]]
