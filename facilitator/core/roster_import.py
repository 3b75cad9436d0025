"""Turning a table read from a registration file into participants, or into a list of problems.

Reading the file (encodings, delimiters, Excel) happens in ``facilitator.storage.roster_file``; this
module only sees strings, so every rule here is tested without files. Problems name rows the way a
spreadsheet shows them, and columns by their header as written.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from dataclasses import replace as replace_fields

from facilitator.core.errors import Problem
from facilitator.core.participants import ROSTER_FIELDS, Participant
from facilitator.core.roster_rules import (
    guess_field,
    infer_sector,
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
        fields: For each column index, the roster field or ``None`` (ignored column).
        unrecognised: Headers that matched no field and were not mapped by hand.
    """

    fields: tuple[str | None, ...]
    unrecognised: tuple[str, ...]

    def column_of(self, field_name: str) -> int | None:
        """Index of the column that feeds a field, if any."""
        return self.fields.index(field_name) if field_name in self.fields else None


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """What an import would do: the participants it would add, or why it cannot.

    Attributes:
        participants: New participants (id 0 means "assign one").
        problems: Blocking problems; when any exist, nothing may be imported.
        notes: Things to review that do not block (inferred sectors, duplicates).
        mapping: The column mapping used.
        roster: The roster the file was checked against. The plan holds for that roster only:
            applying it after the roster changed is refused, because its id checks and its
            duplicate notes would no longer be true.
    """

    participants: tuple[Participant, ...]
    problems: tuple[Problem, ...]
    notes: tuple[Problem, ...] = field(default_factory=tuple)
    mapping: ColumnMapping | None = None
    roster: tuple[Participant, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether the import can go ahead."""
        return not self.problems


def map_columns(headers: tuple[str, ...], overrides: dict[str, str] | None = None) -> ColumnMapping:
    """Map headers onto roster fields: overrides first (header → field or ``""`` to ignore), then
    the known header variants. A field is fed by the first column that claims it."""
    overrides = {k.strip().casefold(): v for k, v in (overrides or {}).items()}
    taken: set[str] = set()
    fields: list[str | None] = []
    unrecognised: list[str] = []
    for header in headers:
        key = header.strip().casefold()
        if key in overrides:
            target: str | None = overrides[key] or None
        else:
            target = guess_field(header)
            if target is None and header.strip():
                unrecognised.append(header)
        if target in taken:
            target = None
        if target:
            taken.add(target)
        fields.append(target)
    return ColumnMapping(tuple(fields), tuple(unrecognised))


def _check_overrides(overrides: dict[str, str], headers: tuple[str, ...]) -> list[Problem]:
    known = {h.strip().casefold() for h in headers}
    problems = []
    for column, target in overrides.items():
        if column.strip().casefold() not in known:
            problems.append(Problem(f"there is no column named '{column}' to map"))
        if target and target not in ROSTER_FIELDS:
            problems.append(
                Problem(f"'{target}' is not a roster field; use one of {', '.join(ROSTER_FIELDS)}")
            )
    return problems


def plan_import(
    table: RawTable,
    overrides: dict[str, str] | None = None,
    existing: tuple[Participant, ...] = (),
    *,
    replace: bool = False,
) -> ImportPlan:
    """Validate every row and build the participants an import would add.

    Every problem is collected (not only the first) so the organiser can fix the file in one go.

    Args:
        table: The file's contents.
        overrides: Header → roster field (or ``""`` to ignore the column), chosen by hand.
        existing: The roster now.
        replace: The import empties the roster first, so ids and names are not checked against it.
    """
    plan = _plan_rows(table, overrides or {}, () if replace else existing)
    return replace_fields(plan, roster=existing)


def _plan_rows(table: RawTable, overrides: dict[str, str], existing: tuple[Participant, ...]) -> ImportPlan:
    """Check every row of the table against the rules and against ``existing``."""
    problems = _check_overrides(overrides, table.headers)
    mapping = map_columns(table.headers, overrides)
    if not table.headers or not any(h.strip() for h in table.headers):
        return ImportPlan((), (Problem("the file is empty: no header row was found"),), (), mapping)
    name_col = mapping.column_of("name")
    if name_col is None:
        problems.append(
            Problem(
                f"the header row (row {table.header_row}) has no column for participants' names; "
                "head one 'Name' or 'Full name', or choose the column that holds them"
            )
        )
        return ImportPlan((), tuple(problems), (), mapping)
    if not table.rows:
        problems.append(Problem("the file has a header row but no participants", row=table.header_row))
        return ImportPlan((), tuple(problems), (), mapping)

    notes: list[Problem] = []
    people: list[Participant] = []
    people_rows: list[int] = []
    has_sector = mapping.column_of("sector") is not None
    header_of = {i: h for i, h in enumerate(table.headers)}
    used_ids = {p.id for p in existing}
    seen_ids: dict[int, int] = {}
    for row_number, row in zip(table.row_numbers, table.rows, strict=True):
        values: dict[str, str] = {}
        for index, target in enumerate(mapping.fields):
            if target:
                values[target] = row[index].strip() if index < len(row) else ""
        row_problems: list[Problem] = []

        def problem(
            message: str, field_name: str, _row: int = row_number, _into: list[Problem] = row_problems
        ) -> None:
            column = mapping.column_of(field_name)
            _into.append(Problem(message, _row, header_of.get(column) if column is not None else None))

        name = " ".join(values.get("name", "").split())
        if not name:
            problem("the name is empty", "name")
        sex = normalise_sex(values.get("sex", ""))
        if sex is None:
            problem(f"'{values['sex']}' is not a sex; write F, M or X (or Female, Male)", "sex")
        sector_text = values.get("sector", "")
        sector = normalise_sector(sector_text)
        if sector is None:
            problem(
                f"'{sector_text}' is not a sector; use labour, law-enforcement, asean, partner or organiser",
                "sector",
            )
        role = normalise_role(values.get("role", ""))
        if role is None:
            problem(
                f"'{values['role']}' is not a role; use participant, resource, facilitator, "
                "rapporteur, organiser or staff",
                "role",
            )
        email = values.get("email", "")
        if not validate_email(email):
            problem(f"'{email}' is not an e-mail address", "email")
        participant_id = 0
        raw_id = values.get("id", "")
        if raw_id:
            participant_id = _parse_id(raw_id)
            if participant_id <= 0:
                problem(f"'{raw_id}' is not a participant id; ids are whole numbers from 1", "id")
            elif participant_id in seen_ids:
                problem(f"id {participant_id} is used again (first in row {seen_ids[participant_id]})", "id")
            elif participant_id in used_ids:
                problem(f"id {participant_id} already belongs to someone on the roster", "id")
            else:
                seen_ids[participant_id] = row_number
        delegation = normalise_delegation(values.get("delegation", ""))
        organisation = " ".join(values.get("organisation", "").split())
        position = " ".join(values.get("position", "").split())
        if not has_sector:
            sector = infer_sector(organisation, position, delegation)
            if sector:
                notes.append(Problem(f"sector set to '{sector}' from the agency name; check it", row_number))
        if row_problems:
            problems.extend(row_problems)
            continue
        people_rows.append(row_number)
        people.append(
            Participant(
                id=max(participant_id, 0),
                name=name,
                native_name=" ".join(values.get("native_name", "").split()),
                sex=sex or "",
                delegation=delegation,
                organisation=organisation,
                position=position,
                sector=sector or "",
                role=role or "participant",
                email=email,
            )
        )
    notes.extend(_duplicates(people, people_rows, existing))
    return ImportPlan(tuple(people), tuple(problems), tuple(notes), mapping)


def _parse_id(text: str) -> int:
    """A participant id from a cell ("12", or "12.0" as spreadsheets write numbers); -1 if invalid."""
    try:
        number = float(text)
    except ValueError:
        return -1
    return int(number) if number.is_integer() else -1


def _duplicates(
    people: list[Participant], rows: list[int], existing: tuple[Participant, ...]
) -> list[Problem]:
    """Flag people who appear twice (same name and delegation), in the file or on the roster."""

    def key(p: Participant) -> tuple[str, str]:
        return (" ".join(p.name.casefold().split()), p.delegation.casefold())

    on_roster = {key(p) for p in existing}
    counts = Counter(key(p) for p in people)
    notes = []
    for person, row in zip(people, rows, strict=True):
        if counts[key(person)] > 1:
            notes.append(Problem(f"'{person.name}' appears more than once in the file", row))
        elif key(person) in on_roster:
            notes.append(Problem(f"'{person.name}' is already on the roster", row))
    return notes
