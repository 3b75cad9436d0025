"""Turning a table read from a registration file into an import plan, or into a list of problems.

Reading the file (encodings, delimiters, Excel) happens in ``facilitator.storage.roster_file``; this
module only sees strings, so every rule here is tested without files. Problems name rows the way a
spreadsheet shows them, and columns by their header as written. The plan says what the import
would do to the roster: the people it adds, those it changes (field by field), those it leaves as
they are, and those on the roster whom the file does not list.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from facilitator.core.errors import Problem
from facilitator.core.participants import ASEAN_MEMBERS, Participant
from facilitator.core.roster_headers import (
    HONORIFIC,
    IMPORT_FIELDS,
    SERIAL,
    column_kind,
    fold,
    is_facilitator_export,
)
from facilitator.core.roster_matching import FileRow, PersonUpdate, reconcile
from facilitator.core.roster_review import delegation_notes, row_notes
from facilitator.core.roster_rules import (
    clean_text,
    infer_sector,
    is_honorific,
    normalise_delegation,
    normalise_role,
    normalise_sector,
    normalise_sex,
    validate_email,
)

__all__ = ["ColumnMapping", "ImportPlan", "RawTable", "map_columns", "plan_import"]


@dataclass(frozen=True, slots=True)
class RawTable:
    """A table as read from a file: strings only, with the spreadsheet row of each line.

    Attributes:
        source: File name, for messages.
        headers: Header cells as written.
        rows: Data rows, each as long as ``headers``.
        row_numbers: Spreadsheet row number of each data row.
        header_row: Spreadsheet row number of the header.
    """

    source: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    row_numbers: tuple[int, ...]
    header_row: int = 1


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    """Which roster field each column feeds.

    Attributes:
        fields: For each column index, the field of ``IMPORT_FIELDS`` or ``None`` (ignored column).
        unrecognised: Headers that matched no field and were not mapped by hand.
        serial: Headers of serial-number columns ("No.", "S/N", "ID" outside a Facilitator
            export), never read as participant ids.
    """

    fields: tuple[str | None, ...]
    unrecognised: tuple[str, ...]
    serial: tuple[str, ...] = ()

    def column_of(self, field_name: str) -> int | None:
        """Index of the column that feeds a field, if any."""
        return self.fields.index(field_name) if field_name in self.fields else None


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """What an import would do, or why it cannot.

    Attributes:
        participants: New people to add (id 0 means "assign one").
        problems: Blocking problems; when any exist, nothing may be imported.
        notes: Things to review that do not block (inferred sectors, new delegations).
        mapping: The column mapping used.
        roster: The roster the file was checked against. The plan holds for that roster only:
            applying it after the roster changed is refused, because its matches, id checks and
            notes would no longer be true.
        updates: People on the roster whom the file changes, with each field's old and new value.
        unchanged: People on the roster whom the file lists as they already are.
        missing: People on the roster whom the file does not list (removed only on request).
        replace: The plan empties the roster first.
    """

    participants: tuple[Participant, ...]
    problems: tuple[Problem, ...]
    notes: tuple[Problem, ...] = field(default_factory=tuple)
    mapping: ColumnMapping | None = None
    roster: tuple[Participant, ...] = ()
    updates: tuple[PersonUpdate, ...] = ()
    unchanged: tuple[Participant, ...] = ()
    missing: tuple[Participant, ...] = ()
    replace: bool = False

    @property
    def ok(self) -> bool:
        """Whether the import can go ahead."""
        return not self.problems


def map_columns(
    headers: tuple[str, ...], overrides: dict[str, str] | None = None, filled: tuple[int, ...] = ()
) -> ColumnMapping:
    """Map headers onto fields: overrides first (header → field or ``""`` to ignore), then the
    headings' meaningful words. An ``id`` heading is read only in a roster exported by Facilitator.

    A field claimed by several headings goes to the column with most values (``filled``, per
    column), else to the first: Microsoft Forms adds an empty "Name" column before the form's
    own "Name of participant".
    """
    overrides = {k.strip().casefold(): v for k, v in (overrides or {}).items()}
    export = is_facilitator_export(headers)
    forced: set[int] = set()
    fields: list[str | None] = []
    unrecognised: list[str] = []
    serial: list[str] = []
    for index, header in enumerate(headers):
        key = header.strip().casefold()
        target: str | None
        if key in overrides or (f"column {index + 1}" in overrides and not key):
            target = overrides.get(key, overrides.get(f"column {index + 1}", "")) or None
            forced.add(index)
        else:
            kind = column_kind(header)
            target = kind if kind in IMPORT_FIELDS else None
            if (kind == "id" and not export) or kind == SERIAL:
                target = None
                serial.append(header)
            elif kind is None and header.strip():
                unrecognised.append(header)
            elif kind == HONORIFIC:
                target = None
        fields.append(target)
    for index, target in enumerate(fields):
        if target is None:
            continue
        rivals = [i for i, other in enumerate(fields) if other == target]
        chosen = [i for i in rivals if i in forced] or rivals  # A choice made by hand wins.
        best = max(chosen, key=lambda i: (filled[i] if i < len(filled) else 0, -i))
        if index != best:
            fields[index] = None
    return ColumnMapping(tuple(fields), tuple(unrecognised), tuple(serial))


def _check_overrides(overrides: dict[str, str], headers: tuple[str, ...]) -> list[Problem]:
    known = {h.strip().casefold() for h in headers} | {f"column {i + 1}" for i in range(len(headers))}
    problems = []
    for column, target in overrides.items():
        if column.strip().casefold() not in known:
            problems.append(Problem(f"there is no column named '{column}' to map"))
        if target and target not in IMPORT_FIELDS:
            problems.append(
                Problem(f"'{target}' is not a roster field; use one of {', '.join(IMPORT_FIELDS)}")
            )
    return problems


def plan_import(
    table: RawTable,
    overrides: dict[str, str] | None = None,
    existing: tuple[Participant, ...] = (),
    *,
    replace: bool = False,
    highest_id: int | None = None,
) -> ImportPlan:
    """Validate every row and set the file against the roster.

    Every problem is collected (not only the first) so the organiser can fix the file in one go.

    Args:
        table: The file's contents.
        overrides: Header → field (or ``""`` to ignore the column), chosen by hand.
        existing: The roster now.
        replace: The import empties the roster first, so nobody is matched.
        highest_id: The highest participant id the workshop ever handed out (ids are never
            reused); the roster's highest when not given.
    """
    overrides = overrides or {}
    problems = _check_overrides(overrides, table.headers)
    filled = tuple(
        sum(1 for row in table.rows if i < len(row) and row[i].strip()) for i in range(len(table.headers))
    )
    mapping = map_columns(table.headers, overrides, filled)
    if not table.headers or not any(h.strip() for h in table.headers):
        return ImportPlan((), (Problem("the file is empty: no header row was found"),), (), mapping, existing)
    name_col = mapping.column_of("name")
    if name_col is None and mapping.column_of("given_name") is None:
        problems.append(
            Problem(
                f"the header row (row {table.header_row}) has no column for participants' names; "
                "head one 'Name' or 'Full name', or choose the column that holds them"
            )
        )
        return ImportPlan((), tuple(problems), (), mapping, existing)
    if not table.rows:
        problems.append(Problem("the file has a header row but no participants", row=table.header_row))
        return ImportPlan((), tuple(problems), (), mapping, existing)

    columns: dict[str, str | None] = {f: table.headers[i] for i, f in enumerate(mapping.fields) if f}
    columns.setdefault("name", columns.get("given_name"))  # names built from first + last parts
    rows: list[FileRow] = []
    # "asean secretariat" in the file is the roster's "ASEAN Secretariat", not a new delegation.
    spelling = {fold(p.delegation): p.delegation for p in existing if p.delegation}
    for number, row in zip(table.row_numbers, table.rows, strict=True):
        values = {f: clean_text(row[i]) for i, f in enumerate(mapping.fields) if f and i < len(row)}
        if "delegation" in values:
            delegation = normalise_delegation(values["delegation"])
            values["delegation"] = spelling.get(fold(delegation), delegation)
        file_row = _read_row(number, values, mapping, columns, problems)
        if file_row is not None:
            rows.append(file_row)
    matched = reconcile(rows, existing, columns, replace=replace)
    problems.extend(matched.problems)
    problems.sort(key=lambda p: p.row or 0)
    ceiling = max((p.id for p in existing), default=0) if highest_id is None else highest_id
    notes = [Problem(f"column '{h}' is a serial number, not read: only a roster exported by Facilitator "
                     "carries participant ids") for h in mapping.serial]  # fmt: skip
    new_people, id_notes = _fresh_ids(matched.new, ceiling, columns.get("id"))
    notes += id_notes
    notes += row_notes(matched.new, matched.updates, columns)
    known = {p.delegation for p in existing} if not replace else set()
    notes += delegation_notes(rows, known, columns.get("delegation"))
    return ImportPlan(
        participants=new_people,
        problems=tuple(problems),
        notes=tuple(notes),
        mapping=mapping,
        roster=existing,
        updates=matched.updates,
        unchanged=matched.unchanged,
        missing=matched.missing,
        replace=replace,
    )


def _fresh_ids(
    rows: tuple[FileRow, ...], ceiling: int, column: str | None
) -> tuple[tuple[Participant, ...], list[Problem]]:
    """New people; an id from the file is kept only if the workshop never handed it out."""
    people: list[Participant] = []
    notes: list[Problem] = []
    for row in rows:
        person = row.person
        if person.id and person.id <= ceiling:
            notes.append(
                Problem(f"id {person.id} was handed out before in this workshop; the person gets a new id",
                        row.row, column)
            )  # fmt: skip
            person = person.with_changes(id=0)
        people.append(person)
    return tuple(people), notes


def _read_row(
    number: int,
    values: dict[str, str],
    mapping: ColumnMapping,
    columns: dict[str, str | None],
    problems: list[Problem],
) -> FileRow | None:
    """One row as a person, or ``None`` after adding its problems to ``problems``."""
    found: list[Problem] = []

    def problem(message: str, field_name: str) -> None:
        found.append(Problem(message, number, columns.get(field_name)))

    given = {f for f, v in values.items() if v and f not in ("given_name", "family_name")}
    name = values.get("name", "")
    if not name and ("given_name" in values or "family_name" in values):
        name = " ".join(
            part for part in (values.get("given_name", ""), values.get("family_name", "")) if part
        )
        if name:
            given.add("name")
    if not name:
        problem("the name is empty", "name")
    sex_text = values.get("sex", "")
    sex = normalise_sex(sex_text)
    if sex is None:
        hint = "is a title, not a sex" if is_honorific(sex_text) else "is not a sex"
        problem(f"'{sex_text}' {hint}; write F, M or X (or Female, Male)", "sex")
    sector_text = values.get("sector", "")
    sector = normalise_sector(sector_text)
    if sector is None:
        problem(f"'{sector_text}' is not a sector; use labour, law-enforcement, asean, partner or organiser",
                "sector")  # fmt: skip
    role = normalise_role(values.get("role", ""))
    if role is None:
        problem(f"'{values['role']}' is not a role; use participant, resource, facilitator, "
                "rapporteur, organiser or staff", "role")  # fmt: skip
    email = values.get("email", "")
    if email.casefold() == "anonymous":  # Microsoft Forms' answer for a respondent not signed in.
        email = ""
        given.discard("email")
    if not validate_email(email):
        problem(f"'{email}' is not an e-mail address", "email")
    participant_id = 0
    raw_id = values.get("id", "")
    if raw_id:
        participant_id = _parse_id(raw_id)
        if participant_id <= 0:
            problem(f"'{raw_id}' is not a participant id; ids are whole numbers from 1", "id")
    delegation = normalise_delegation(values.get("delegation", ""))
    organisation = values.get("organisation", "")
    position = values.get("position", "")
    inferred = False
    if mapping.column_of("sector") is None:
        sector = infer_sector(organisation, position, delegation if delegation not in ASEAN_MEMBERS else "")
        inferred = bool(sector)
        if inferred:
            given.add("sector")
    if found:
        problems.extend(found)
        return None
    person = Participant(
        id=max(participant_id, 0),
        name=name,
        native_name=values.get("native_name", ""),
        sex=sex or "",
        delegation=delegation,
        organisation=organisation,
        position=position,
        sector=sector or "",
        role=role or "participant",
        email=email,
    )
    return FileRow(number, person, frozenset(given), inferred)


def _parse_id(text: str) -> int:
    """A participant id from a cell ("12", or "12.0" as spreadsheets write numbers); -1 if invalid."""
    try:
        number = float(text)
    except ValueError:
        return -1
    return int(number) if number.is_integer() and 0 < number < 2**62 else -1
