"""What an import asks the organiser to check, without refusing the file.

Guesses are never silent: a sector inferred from an agency's name, a delegation that is neither an
ASEAN member nor one already on the roster (with the closest suggestions), and Myanmar names typed
in the Zawgyi encoding are each listed with their rows, so that they can be corrected before badges
are printed.
"""

from __future__ import annotations

from collections.abc import Iterable

from facilitator.core.errors import Problem
from facilitator.core.participants import ASEAN_MEMBERS, FIELD_LABELS
from facilitator.core.roster_countries import delegation_suggestions, outside_asean
from facilitator.core.roster_headers import fold
from facilitator.core.roster_matching import FileRow, PersonUpdate
from facilitator.core.roster_rules import looks_like_zawgyi

__all__ = ["delegation_notes", "row_notes"]

#: Rows listed in one note before "and N more".
_ROWS_SHOWN = 8


def row_notes(
    new: Iterable[FileRow], updates: Iterable[PersonUpdate], columns: dict[str, str | None]
) -> list[Problem]:
    """Inferred sectors (for the people whose sector the import sets) and Zawgyi names."""
    notes: list[Problem] = []
    people = [(row.row, row.person, row.inferred_sector) for row in new]
    people += [
        (
            update.row,
            update.after,
            any(c.field == "sector" for c in update.changes) and not columns.get("sector"),
        )
        for update in updates
    ]
    for row, person, inferred in sorted(people, key=lambda item: item[0]):
        if inferred and person.sector:
            notes.append(Problem(f"sector set to '{person.sector}' from the agency name; check it", row))
        for field in ("name", "native_name"):
            if looks_like_zawgyi(getattr(person, field)):
                notes.append(
                    Problem(
                        f"{FIELD_LABELS[field].lower()} looks typed in the Zawgyi encoding and will show "
                        "garbled on badges; retype it in Unicode",
                        row,
                        columns.get(field),
                    )
                )
    return notes


def delegation_notes(rows: Iterable[FileRow], known: set[str], column: str | None) -> list[Problem]:
    """One note per delegation that is not a member and not yet on the roster, with its rows."""
    known_folded = {fold(d) for d in known}
    unknown: dict[str, list[int]] = {}
    for row in rows:
        delegation = row.person.delegation
        if delegation and delegation not in ASEAN_MEMBERS and fold(delegation) not in known_folded:
            unknown.setdefault(delegation, []).append(row.row)
    notes = []
    for delegation, numbers in unknown.items():
        shown = ", ".join(str(n) for n in numbers[:_ROWS_SHOWN])
        more = f" and {len(numbers) - _ROWS_SHOWN} more" if len(numbers) > _ROWS_SHOWN else ""
        where = f"row {shown}" if len(numbers) == 1 else f"rows {shown}{more}"
        country = outside_asean(delegation)
        if country:
            why = f"{country} is not an ASEAN member state"
        else:
            suggestions = delegation_suggestions(delegation, known)
            why = "not an ASEAN member state nor a delegation on the roster" + (
                f"; did you mean {' or '.join(suggestions)}?" if suggestions else ""
            )
        notes.append(Problem(f"new delegation '{delegation}' ({where}): {why}", None, column))
    return notes
