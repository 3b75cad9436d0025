"""Matching an updated registration list with the roster: who is new, changed, unchanged, missing.

Organisers receive the list many times before a workshop. Importing it again must update the people
already on the roster (their check-ins, groups, cards and printed codes stay attached to them) and
add only the others. A row matches a person by the Facilitator id when the file carries one (a
roster exported by Facilitator), else by e-mail, else by name and delegation with accents, case and
spacing set aside. Two rows that are the same person (same e-mail, or same name and delegation)
refuse the file, so a list can never put someone on the roster twice.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from facilitator.core.errors import Problem
from facilitator.core.participants import ROSTER_FIELDS, Participant

__all__ = ["FieldChange", "FileRow", "PersonUpdate", "Reconciliation", "person_key", "reconcile"]

_COMPARED = tuple(f for f in ROSTER_FIELDS if f != "id")


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field of one person that an import changes."""

    field: str
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class FileRow:
    """A valid row of the file as a person.

    Attributes:
        row: Spreadsheet row number.
        person: The values read (id 0 unless the file is a Facilitator export).
        given: Fields the row gives a value for; the others leave a matched person as they are.
        inferred_sector: The sector was guessed from the agency name, not read.
    """

    row: int
    person: Participant
    given: frozenset[str]
    inferred_sector: bool = False


@dataclass(frozen=True, slots=True)
class PersonUpdate:
    """A person on the roster whom a row of the file changes."""

    row: int
    before: Participant
    after: Participant
    matched_by: str

    @property
    def changes(self) -> tuple[FieldChange, ...]:
        """Each field that differs, with its value before and after."""
        return tuple(
            FieldChange(name, str(getattr(self.before, name)), str(getattr(self.after, name)))
            for name in _COMPARED
            if getattr(self.before, name) != getattr(self.after, name)
        )


@dataclass(frozen=True, slots=True)
class Reconciliation:
    """The file's rows set against the roster."""

    new: tuple[FileRow, ...] = ()
    updates: tuple[PersonUpdate, ...] = ()
    unchanged: tuple[Participant, ...] = ()
    missing: tuple[Participant, ...] = ()
    problems: tuple[Problem, ...] = field(default_factory=tuple)


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("đ", "d"))
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())


def person_key(name: str, delegation: str) -> tuple[str, str]:
    """Name and delegation compared without accents, case or extra spaces:
    "Nguyễn  Thị Hà" of "VN" is "nguyen thi ha" of "vn"."""
    return (_plain(name), _plain(delegation))


def _merge(before: Participant, row: FileRow) -> Participant:
    """The person after the row: fields the row gives replace the roster's, the others stay.

    A sector guessed from the agency name never replaces one already on the roster (it may have
    been corrected by hand), and a value that differs only in accents, case or spacing keeps the
    roster's spelling: form tools often drop the diacritics that the roster has.
    """
    given = set(row.given)
    if row.inferred_sector and before.sector:
        given.discard("sector")
    changed = {
        name: getattr(row.person, name)
        for name in given
        if name != "id" and _plain(str(getattr(row.person, name))) != _plain(str(getattr(before, name)))
    }
    return before.with_changes(**changed) if changed else before


def reconcile(
    rows: Iterable[FileRow],
    existing: Iterable[Participant],
    columns: dict[str, str | None],
    *,
    replace: bool = False,
) -> Reconciliation:
    """Set the file's rows against the roster.

    Args:
        rows: The file's valid rows, in file order.
        existing: The roster now.
        columns: Field → the file's heading of it, to name columns in problems.
        replace: The roster is emptied first: every row is new, only duplicates within the file count.
    """
    roster = [] if replace else list(existing)
    by_id = {p.id: p for p in roster}
    by_email = {p.email.casefold(): p for p in roster if p.email}
    by_key = {person_key(p.name, p.delegation): p for p in roster}
    by_name: dict[str, list[Participant]] = {}
    for p in roster:
        by_name.setdefault(_plain(p.name), []).append(p)
    seen_email: dict[str, int] = {}
    seen_key: dict[tuple[str, str], int] = {}
    claimed: dict[int, int] = {}
    seen_id: dict[int, int] = {}
    new: list[FileRow] = []
    updates: list[PersonUpdate] = []
    unchanged: list[Participant] = []
    problems: list[Problem] = []
    for row in rows:
        person = row.person
        email = person.email.casefold()
        # Without a delegation column a name alone identifies someone, if only one person has it.
        key = person_key(person.name, person.delegation if "delegation" in row.given else "*")
        if person.id and person.id in seen_id:
            problems.append(
                Problem(f"id {person.id} is used again (first in row {seen_id[person.id]})",
                        row.row, columns.get("id"))
            )  # fmt: skip
            continue
        if person.id:
            seen_id[person.id] = row.row
        if email and email in seen_email:
            problems.append(
                Problem(f"the same e-mail as row {seen_email[email]}: one person, listed twice",
                        row.row, columns.get("email"))
            )  # fmt: skip
            continue
        if key in seen_key:
            problems.append(
                Problem(f"the same name and delegation as row {seen_key[key]}: one person, listed twice",
                        row.row, columns.get("name"))
            )  # fmt: skip
            continue
        if email:
            seen_email[email] = row.row
        seen_key[key] = row.row
        match, how = _match(person, email, key, by_id, by_email, by_key)
        if match is None and key[1] == "*" and len(by_name.get(key[0], ())) == 1:
            match, how = by_name[key[0]][0], "name"
        if match is None:
            new.append(row)
            continue
        if match.id in claimed:
            problems.append(
                Problem(f"this row and row {claimed[match.id]} both match {match.name} (no. {match.id}) "
                        f"on the roster, by {how}", row.row, columns.get("name"))
            )  # fmt: skip
            continue
        claimed[match.id] = row.row
        after = _merge(match, row)
        if after == match:
            unchanged.append(match)
        else:
            updates.append(PersonUpdate(row.row, match, after, how))
    missing = tuple(p for p in roster if p.id not in claimed)
    return Reconciliation(tuple(new), tuple(updates), tuple(unchanged), missing, tuple(problems))


def _match(
    person: Participant,
    email: str,
    key: tuple[str, str],
    by_id: dict[int, Participant],
    by_email: dict[str, Participant],
    by_key: dict[tuple[str, str], Participant],
) -> tuple[Participant | None, str]:
    if person.id and person.id in by_id:
        return by_id[person.id], "id"
    if email and email in by_email:
        return by_email[email], "e-mail"
    if key in by_key:
        return by_key[key], "name and delegation"
    return None, ""
