"""The one exception root of Facilitator.

Every failure that a user can cause or fix is a :class:`FacilitatorError`; its message is written
for the user (what happened, what to do next). The GUI shows it in a dialog; the CLI prints it to
stderr and exits with status 1. Anything else that escapes is a bug and reaches the crash handler.

Tree::

    FacilitatorError
    ├── InputError              a value, file or request the user gave is not acceptable
    │   ├── RosterImportError   an import was refused; carries every problem found
    │   └── NotFoundError       a participant, board, category or item does not exist
    ├── ActionRefused           the action is valid in form but not allowed now (locked, budget)
    └── WorkshopFileError       the workshop file cannot be used
        ├── NotAWorkshopError   the file is not a Facilitator workshop
        ├── NewerVersionError   written by a newer Facilitator
        ├── DamagedWorkshopError the file fails SQLite's integrity check
        └── WorkshopLockedError another program holds it for writing
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.core.wording import counted

__all__ = [
    "ActionRefused",
    "DamagedWorkshopError",
    "FacilitatorError",
    "InputError",
    "NewerVersionError",
    "NotAWorkshopError",
    "NotFoundError",
    "Problem",
    "RosterImportError",
    "WorkshopFileError",
    "WorkshopLockedError",
]


class FacilitatorError(Exception):
    """Root of every error the user can cause or fix."""


class InputError(FacilitatorError):
    """A value, file or request the user gave is not acceptable."""


class NotFoundError(InputError):
    """Something named by the user does not exist."""


class ActionRefused(FacilitatorError):
    """The action is well-formed but not allowed in the current state."""


class WorkshopFileError(FacilitatorError):
    """The workshop file cannot be opened or written."""


class NotAWorkshopError(WorkshopFileError):
    """The file exists but is not a Facilitator workshop."""


class NewerVersionError(WorkshopFileError):
    """The file was written by a newer version of Facilitator."""


class DamagedWorkshopError(WorkshopFileError):
    """The file is a workshop, or was one, but fails SQLite's integrity check."""


class WorkshopLockedError(WorkshopFileError):
    """Another program holds the workshop file."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in an input file, located the way a spreadsheet shows it.

    Attributes:
        message: What is wrong, in plain words.
        row: Spreadsheet row number (the header is row 1, or its real row below title rows).
        column: The column's header as written in the file (or a letter when it has none).
    """

    message: str
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column '{self.column}'")
        return f"{', '.join(where)}: {self.message}" if where else self.message


class RosterImportError(InputError):
    """A roster import was refused; nothing was changed.

    Attributes:
        file: The file that was read.
        problems: Every problem found, in file order.
    """

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file = file
        self.problems = problems
        count = len(problems)
        lines = [f"{file}: import refused, {counted(count, 'problem')} found."]
        lines += [f"  {p}" for p in problems[:50]]
        if count > 50:
            lines.append(f"  … and {count - 50} more.")
        lines.append("Nothing was imported. Correct the file and import it again.")
        super().__init__("\n".join(lines))
