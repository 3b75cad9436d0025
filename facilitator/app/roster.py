"""Roster commands: import, export, add, edit, remove, and the statistics built on them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.app.changes import ROSTER, Changes
from facilitator.app.session import WorkshopSession
from facilitator.core.errors import ActionRefused, InputError, RosterImportError
from facilitator.core.participants import FIELD_LABELS, ROLES, SECTORS, Participant, describe_roster_change
from facilitator.core.roster_rules import (
    clean_text,
    normalise_delegation,
    normalise_role,
    normalise_sector,
    normalise_sex,
    validate_email,
)
from facilitator.storage import roster_store

if TYPE_CHECKING:
    from facilitator.core.roster_import import ImportPlan, RawTable
    from facilitator.core.statistics import RosterStatistics

__all__ = [
    "ImportResult",
    "add_participant",
    "apply_import",
    "clean_value",
    "edit_participant",
    "export_roster",
    "import_roster",
    "participants",
    "participants_by_id",
    "prepare_import",
    "read_import_file",
    "remove_participants",
    "statistics",
]


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import did.

    Attributes:
        added: How many participants were added.
        replaced: How many were removed first (with ``replace``).
        notes: Things to review (inferred sectors, new delegations, Zawgyi names).
        changes: What changed.
        updated: How many people on the roster were changed by the file.
        unchanged: How many people the file listed as they already were.
        missing: How many people on the roster the file does not list.
        removed: How many of those were removed (only when asked for).
    """

    added: int
    replaced: int
    notes: tuple[object, ...]
    changes: Changes
    updated: int = 0
    unchanged: int = 0
    missing: int = 0
    removed: int = 0


def participants(session: WorkshopSession) -> list[Participant]:
    """Everyone on the roster."""
    return roster_store.load_participants(session.connection)


def participants_by_id(session: WorkshopSession, ids: Iterable[int]) -> list[Participant]:
    """The participants with these ids that are still on the roster, in id order (for a view
    updating only the rows an action changed)."""
    return roster_store.load_participants_by_id(session.connection, ids)


def statistics(session: WorkshopSession) -> RosterStatistics:
    """Counts by sex, sector and delegation with each delegation's women's share."""
    from facilitator.core.statistics import roster_statistics

    return roster_statistics(participants(session), session.info.women_target)


def read_import_file(path: Path) -> RawTable:
    """Read a registration file into strings (slow for big XLSX: run it off the GUI thread)."""
    from facilitator.storage import roster_file  # pandas and file parsing load on first import.

    return roster_file.read_table(Path(path))


def prepare_import(
    session: WorkshopSession,
    table: RawTable,
    mapping: dict[str, str] | None = None,
    replace: bool = False,
) -> ImportPlan:
    """Check a table against the roster rules without changing anything.

    The plan remembers the roster it was checked against: :func:`apply_import` refuses it if the
    roster has changed since.
    """
    from facilitator.core.roster_import import plan_import

    highest = roster_store.highest_participant_id(session.connection)
    return plan_import(table, mapping, tuple(participants(session)), replace=replace, highest_id=highest)


def apply_import(
    session: WorkshopSession, plan: ImportPlan, source: str, replace: bool, remove_missing: bool = False
) -> ImportResult:
    """Write a checked import plan in one transaction (all or nothing), as one undo step.

    New people are added; changed people are updated in place, so their check-ins, groups, cards
    and printed codes stay theirs; people the file does not list stay unless ``remove_missing``.

    Raises:
        RosterImportError: The plan found problems in the file.
        ActionRefused: The roster changed since the plan was checked (another action added,
            removed or edited someone), or the plan was checked for the other kind of import;
            the file must be checked again.
    """
    if not plan.ok:
        raise RosterImportError(source, list(plan.problems))
    if replace != plan.replace:
        raise ActionRefused("This import was checked for the other kind of import; check the file again.")
    with session.action(f"Import {Path(source).name}", [ROSTER]) as conn:
        # Checked here, inside the transaction, so that nothing can change between the check and
        # the write: the plan's matches and the ids it hands out hold for that roster only.
        change = describe_roster_change(plan.roster, roster_store.load_participants(conn))
        if change:
            raise ActionRefused(
                f"The roster changed since this import was checked: {change}. "
                "Check the file again; nothing was imported."
            )
        replaced = roster_store.delete_all_participants(conn) if replace else 0
        roster_store.update_participants(conn, [update.after for update in plan.updates])
        removed = (
            roster_store.delete_participants(conn, [p.id for p in plan.missing]) if remove_missing else 0
        )
        roster_store.insert_participants(conn, plan.participants)
    return ImportResult(
        added=len(plan.participants),
        replaced=replaced,
        notes=plan.notes,
        changes=session.last_changes,
        updated=len(plan.updates),
        unchanged=len(plan.unchanged),
        missing=len(plan.missing),
        removed=removed,
    )


def import_roster(
    session: WorkshopSession,
    path: Path,
    mapping: dict[str, str] | None = None,
    replace: bool = False,
    remove_missing: bool = False,
) -> ImportResult:
    """Read, check and import a registration file in one go (the CLI's path)."""
    table = read_import_file(path)
    plan = prepare_import(session, table, mapping, replace)
    return apply_import(session, plan, str(path), replace, remove_missing)


def export_roster(session: WorkshopSession, path: Path) -> Path:
    """Write the roster to CSV or XLSX, replacing a previous export only once the new one is whole.

    A value that a spreadsheet would run as a formula ("+856 20 …", "=HYPERLINK(…)") is written
    with a leading apostrophe (see :mod:`facilitator.documents.spreadsheets`); the header keeps
    the roster field names of the command-line contract. Control characters, which a workshop
    stored before they were cleaned on the way in may still hold, would make the XLSX unreadable.
    """
    from facilitator.core.user_text import strip_controls
    from facilitator.documents.atomic import atomic_output
    from facilitator.documents.spreadsheets import safe_cell
    from facilitator.storage import roster_file

    target = Path(path)
    people = [
        person.with_changes(
            **{k: safe_cell(strip_controls(v)) for k, v in person.as_row().items() if isinstance(v, str)}
        )
        for person in participants(session)
    ]
    with atomic_output(target) as partial:
        roster_file.write_roster(partial, people)
    return target


def clean_value(field: str, value: str) -> str:
    """Normalise one edited value, or explain why it is refused.

    Raises:
        InputError: The value cannot be understood; the message names the field.
    """
    value = clean_text(str(value))  # control characters are kept out of the store
    label = FIELD_LABELS.get(field)
    if label is None or field == "id":
        raise InputError(f"'{field}' is not a roster field that can be edited.")
    if field == "name":
        if not value:
            raise InputError("Name: a participant needs a name.")
        return value
    if field == "sex":
        sex = normalise_sex(value)
        if sex is None:
            raise InputError(f"Sex: '{value}' is not understood; use F, M or X, or leave it empty.")
        return sex
    if field == "sector":
        sector = normalise_sector(value)
        if sector is None:
            raise InputError(f"Sector: '{value}' is not a sector; use one of {', '.join(SECTORS)}.")
        return sector
    if field == "role":
        role = normalise_role(value)
        if role is None:
            raise InputError(f"Role: '{value}' is not a role; use one of {', '.join(ROLES)}.")
        return role
    if field == "delegation":
        return normalise_delegation(value)
    if field == "email" and not validate_email(value):
        raise InputError(f"E-mail: '{value}' is not an e-mail address.")
    return value


def add_participant(session: WorkshopSession, **values: str) -> int:
    """Add one participant; returns the new id."""
    cleaned = {field: clean_value(field, value) for field, value in values.items()}
    if "name" not in cleaned:
        raise InputError("Name: a participant needs a name.")
    person = Participant(id=0, **cleaned)
    with session.action(f"Add {person.name}", [ROSTER]) as conn:
        [new_id] = roster_store.insert_participants(conn, [person])
    return new_id


def edit_participant(session: WorkshopSession, participant_id: int, **values: str) -> Changes:
    """Change some fields of one participant."""
    cleaned = {field: clean_value(field, value) for field, value in values.items()}
    current = roster_store.load_participant(session.connection, participant_id)
    updated = current.with_changes(**cleaned)
    if updated == current:
        return Changes()
    label = (
        f"Edit {current.name}"
        if len(cleaned) != 1
        else (f"Edit {FIELD_LABELS[next(iter(cleaned))].lower()} of {current.name}")
    )
    with session.action(label, [ROSTER]) as conn:
        roster_store.update_participant(conn, updated)
    return session.last_changes


def remove_participants(session: WorkshopSession, ids: Iterable[int]) -> Changes:
    """Remove participants."""
    ids = list(ids)
    if not ids:
        return Changes()
    label = "Remove participant" if len(ids) == 1 else f"Remove {len(ids)} participants"
    with session.action(label, [ROSTER]) as conn:
        roster_store.delete_participants(conn, ids)
    return session.last_changes
