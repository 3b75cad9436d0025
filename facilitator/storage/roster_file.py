"""Reading registration lists (CSV, TSV, XLSX) into a :class:`RawTable`, and writing rosters out.

Registration lists come from whatever form tool or spreadsheet a secretariat used: Excel files with a
title row or two above the header, CSV exported by Excel in a Windows code page, UTF-16 text,
semicolons instead of commas. The readers beside this module (``roster_text``, ``roster_xlsx``)
turn each file into rows of strings in one bounded pass; this module finds the header and hands on
strings only. The rules about what the strings mean live in ``facilitator.core.roster_import``.
"""

from __future__ import annotations

from pathlib import Path

from facilitator.core.errors import InputError, Problem, RosterImportError
from facilitator.core.participants import ROSTER_FIELDS, Participant
from facilitator.core.roster_headers import guess_field
from facilitator.core.roster_import import RawTable
from facilitator.storage.roster_limits import MAX_FILE_BYTES, column_letters

__all__ = ["read_table", "write_roster"]

_TEXT_SUFFIXES = {".csv", ".tsv", ".txt"}
_EXCEL_SUFFIXES = {".xlsx", ".xlsm"}
_HEADER_SEARCH_ROWS = 15


def _refuse(path: Path, message: str, row: int | None = None, column: str | None = None) -> RosterImportError:
    return RosterImportError(str(path), [Problem(message, row, column)])


def _read_rows(path: Path) -> list[tuple[int, list[str]]]:
    """The file's rows with their spreadsheet numbers, by the reader its extension calls for."""
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise _refuse(path, "old Excel (.xls) files are not supported; save it as .xlsx or CSV")
    if suffix not in _TEXT_SUFFIXES | _EXCEL_SUFFIXES:
        raise _refuse(path, "unknown file type; use a .csv, .tsv or .xlsx file")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise _refuse(
            path,
            f"the file is {size / 1024 / 1024:.1f} MB, more than the {MAX_FILE_BYTES // (1024 * 1024)} MB "
            "Facilitator reads; remove pictures or columns that are not needed, or split the list",
        )
    if suffix in _EXCEL_SUFFIXES:
        from facilitator.storage.roster_xlsx import read_xlsx_rows

        return read_xlsx_rows(path)
    from facilitator.storage.roster_text import read_text_rows

    return read_text_rows(path, path.read_bytes())


def _find_header(rows: list[tuple[int, list[str]]]) -> int:
    """Index of the header row: the first among the top ones in which at least two cells are known
    header names (so title rows above it are skipped); else the first row with any text."""
    for index, (_number, cells) in enumerate(rows[:_HEADER_SEARCH_ROWS]):
        if sum(1 for cell in cells if guess_field(cell)) >= 2:
            return index
    for index, (_number, cells) in enumerate(rows):
        if any(cell.strip() for cell in cells):
            return index
    return -1


def read_table(path: Path) -> RawTable:
    """Read a CSV, TSV or XLSX file into strings, with spreadsheet row numbers kept.

    Raises:
        InputError: The file does not exist.
        RosterImportError: The file is empty, of an unknown kind, unreadable, or passes a limit
            (the message names the row, column or limit).
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file.")
    rows = [(number, [cell.strip() for cell in cells]) for number, cells in _read_rows(path)]
    header_index = _find_header(rows)
    if header_index < 0:
        raise _refuse(path, "the file is empty")
    header_row, headers = rows[header_index]
    while headers and not headers[-1]:
        headers.pop()
    width = len(headers)
    data: list[tuple[str, ...]] = []
    numbers: list[int] = []
    for number, cells in rows[header_index + 1 :]:
        if not any(cells):
            continue
        extra = next((i for i in range(width, len(cells)) if cells[i]), None)
        if extra is not None:
            raise _refuse(
                path,
                f"this row has more cells than the header has columns ({width}); "
                "check for a stray delimiter or a missing header",
                row=number,
                column=column_letters(extra + 1),
            )
        data.append(tuple((cells + [""] * width)[:width]))
        numbers.append(number)
    return RawTable(
        source=path.name,
        headers=tuple(headers),
        rows=tuple(data),
        row_numbers=tuple(numbers),
        header_row=header_row,
    )


def write_roster(path: Path, people: list[Participant]) -> Path:
    """Write the roster as CSV (UTF-8) or XLSX, by extension; one column per roster field."""
    import pandas as pd

    path = Path(path)
    frame = pd.DataFrame([p.as_row() for p in people], columns=list(ROSTER_FIELDS))
    suffix = path.suffix.lower()
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".csv":
        frame.to_csv(path, index=False, encoding="utf-8")
    elif suffix == ".xlsx":
        frame.to_excel(path, index=False, sheet_name="Roster", engine="openpyxl")
    else:
        raise InputError(f"{path}: choose a file name ending in .csv or .xlsx.")
    return path
