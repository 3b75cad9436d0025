"""Participants of a workshop and the fixed vocabularies that describe them."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace

from facilitator import paths

__all__ = [
    "ASEAN_MEMBERS",
    "FIELD_LABELS",
    "MEMBERS_FILE",
    "ROLES",
    "ROSTER_FIELDS",
    "SECTORS",
    "SECTOR_LABELS",
    "SEXES",
    "SEX_LABELS",
    "Participant",
    "describe_roster_change",
]

#: Where the member states, their names and the variants people type for them are kept.
MEMBERS_FILE = ("countries", "asean_members.json")


def _load_members() -> dict[str, str]:
    """Member codes and names from ``resources/``: membership changes (Timor-Leste joined in
    October 2025) are a data update, not a code change."""
    folder = paths.resources_dir().joinpath(*MEMBERS_FILE)
    data = json.loads(folder.read_text(encoding="utf-8"))
    return {member["code"]: member["name"] for member in data["members"]}


#: ASEAN Member State codes (ISO 3166 alpha-2) with the names ASEAN uses, in its alphabetical order.
ASEAN_MEMBERS: dict[str, str] = _load_members()

SEXES: tuple[str, ...] = ("F", "M", "X", "")
SEX_LABELS: dict[str, str] = {"F": "Women", "M": "Men", "X": "Other", "": "Not given"}

SECTORS: tuple[str, ...] = ("labour", "law-enforcement", "asean", "partner", "organiser")
SECTOR_LABELS: dict[str, str] = {
    "labour": "Labour",
    "law-enforcement": "Law enforcement",
    "asean": "ASEAN bodies",
    "partner": "Partners",
    "organiser": "Organisers",
    "": "Not given",
}

ROLES: tuple[str, ...] = ("participant", "resource", "facilitator", "rapporteur", "organiser", "staff")

#: Roster fields in the order of exports and of the roster table.
ROSTER_FIELDS: tuple[str, ...] = (
    "id",
    "name",
    "native_name",
    "sex",
    "delegation",
    "organisation",
    "position",
    "sector",
    "role",
    "email",
)

#: How each roster field is named to people: column headings, the import mapping, messages.
FIELD_LABELS: dict[str, str] = {
    "id": "No.",
    "name": "Name",
    "native_name": "Name in own script",
    "sex": "Sex",
    "delegation": "Delegation",
    "organisation": "Organisation",
    "position": "Position",
    "sector": "Sector",
    "role": "Role",
    "email": "E-mail",
}


@dataclass(frozen=True, slots=True)
class Participant:
    """One person on the roster.

    Frozen so that a participant handed to a view, a solver or a document can never be changed
    behind the store's back; edits go through the application layer and produce a new value.
    """

    id: int
    name: str
    native_name: str = ""
    sex: str = ""
    delegation: str = ""
    organisation: str = ""
    position: str = ""
    sector: str = ""
    role: str = "participant"
    email: str = ""

    @property
    def is_member_state(self) -> bool:
        """Whether the delegation is an ASEAN Member State (rather than an organisation)."""
        return self.delegation in ASEAN_MEMBERS

    @property
    def delegation_name(self) -> str:
        """The delegation as people read it: a country name, or the organisation as given."""
        return ASEAN_MEMBERS.get(self.delegation, self.delegation)

    def with_changes(self, **changes: object) -> Participant:
        """Return a copy with some fields replaced."""
        return replace(self, **changes)  # type: ignore[arg-type]

    def as_row(self) -> dict[str, object]:
        """The participant as a mapping of roster field to value, in roster order."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


def describe_roster_change(before: Iterable[Participant], after: Iterable[Participant]) -> str:
    """How a roster changed between two readings, in words, or ``""`` when it did not.

    A plan computed from the roster (an import checked in a dialog, groups solved off the GUI
    thread) is applied later; the command compares the roster it was computed from with the one
    in its transaction and names the difference in its refusal ("2 people were removed and
    1 person was edited").
    """
    old = {p.id: p for p in before}
    new = {p.id: p for p in after}
    counts = (
        (len(old.keys() - new.keys()), "removed"),
        (len(new.keys() - old.keys()), "added"),
        (sum(old[i] != new[i] for i in old.keys() & new.keys()), "edited"),
    )
    parts = [
        f"1 person was {what}" if count == 1 else f"{count} people were {what}"
        for count, what in counts
        if count
    ]
    if len(parts) > 1:
        return f"{', '.join(parts[:-1])} and {parts[-1]}"
    return "".join(parts)
