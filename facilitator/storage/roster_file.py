"""Reading registration lists (CSV, TSV, XLSX) into a :class:`RawTable`, and writing rosters out.

Registration lists come from whatever form tool or spreadsheet a secretariat used: Excel files with a
title row or two above the header, CSV exported by Excel in cp1252, UTF-16 text, semicolons instead
of commas. This module copes with all of that and hands on strings only; the rules about what the
strings mean live in ``facilitator.core.roster_import``.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.core.errors import InputError, Problem, RosterImportError
from facilitator.core.participants import ROSTER_FIELDS, Participant
from facilitator.core.roster_import import RawTable
from facilitator.core.roster_rules import guess_field

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["read_table", "write_roster"]

_TEXT_SUFFIXES = {".csv", ".tsv", ".txt"}
_EXCEL_SUFFIXES = {".xlsx", ".xlsm"}
_HEADER_SEARCH_ROWS = 15


def _refuse(path: Path, message: str, row: int | None = None) -> RosterImportError:
    return RosterImportError(str(path), [Problem(message, row)])


def _decode(path: Path, data: bytes) -> str:
    """Decode text by its BOM, else as UTF-8, else as cp1252 (Excel's "CSV" on Windows)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise _refuse(path, "the file says it is UTF-16 but cannot be read as such") from error
    if b"\x00" in data:
        raise _refuse(path, "this is not a text table (it holds binary data); save it as CSV or XLSX")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    if text.count("\ufffd") > max(3, len(text) // 100):
        raise _refuse(path, "the file's characters cannot be read; save it as UTF-8 CSV or as XLSX")
    return text


def _sniff_delimiter(text: str, suffix: str) -> str:
    if suffix == ".tsv":
        return "\t"
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        return ","


def _frame_from_text(path: Path) -> pd.DataFrame:
    import pandas as pd

    text = _decode(path, path.read_bytes())
    if not text.strip():
        raise _refuse(path, "the file is empty")
    delimiter = _sniff_delimiter(text, path.suffix.lower())
    # Title rows above the header are shorter than the table; naming every column up front lets
    # pandas read such ragged files instead of stopping at the first longer line.
    width = max((len(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)), default=1)
    try:
        return pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
            header=None,
            names=list(range(width)),
            dtype=str,
            keep_default_na=False,
            skip_blank_lines=False,
            engine="python",
        )
    except (pd.errors.ParserError, ValueError, csv.Error) as error:
        raise _refuse(path, f"the file cannot be read as a table ({error})") from error


def _frame_from_excel(path: Path) -> pd.DataFrame:
    import zipfile

    import pandas as pd

    if not zipfile.is_zipfile(path):
        raise _refuse(path, "this is not a valid Excel (.xlsx) file; open it in Excel and save again")
    try:
        frame = pd.read_excel(path, header=None, dtype=str, engine="openpyxl", keep_default_na=False)
    except (ValueError, KeyError, zipfile.BadZipFile, OSError) as error:
        raise _refuse(path, f"the Excel file cannot be read ({error})") from error
    return frame


def _find_header(cells: list[list[str]]) -> int:
    """Index of the header row: the first row among the top ones in which at least two cells are
    known header names (so title rows above it are skipped); else the first row with any text."""
    for index, row in enumerate(cells[:_HEADER_SEARCH_ROWS]):
        if sum(1 for cell in row if guess_field(cell)) >= 2:
            return index
    for index, row in enumerate(cells):
        if any(cell.strip() for cell in row):
            return index
    return -1


def _cell(value: object) -> str:
    """A cell as text; blank lines come back from pandas as NaN (which is not equal to itself)."""
    if value is None or value != value:
        return ""
    return str(value).strip()


def read_table(path: Path) -> RawTable:
    """Read a CSV, TSV or XLSX file into strings, with spreadsheet row numbers kept.

    Raises:
        RosterImportError: The file is missing, empty, of an unknown kind or unreadable.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.is_file():
        raise InputError(f"{path}: no such file.")
    if suffix in _EXCEL_SUFFIXES:
        frame = _frame_from_excel(path)
    elif suffix in _TEXT_SUFFIXES:
        frame = _frame_from_text(path)
    elif suffix == ".xls":
        raise _refuse(path, "old Excel (.xls) files are not supported; save it as .xlsx or CSV")
    else:
        raise _refuse(path, "unknown file type; use a .csv, .tsv or .xlsx file")
    cells = [[_cell(v) for v in row] for row in frame.itertuples(index=False)]
    header_index = _find_header(cells)
    if header_index < 0:
        raise _refuse(path, "the file is empty")
    headers = list(cells[header_index])
    while headers and not headers[-1]:
        headers.pop()
    width = len(headers)
    rows: list[tuple[str, ...]] = []
    numbers: list[int] = []
    for index in range(header_index + 1, len(cells)):
        row = cells[index]
        if not any(row):
            continue
        if any(row[width:]):
            raise _refuse(
                path,
                f"this row has more cells than the header has columns ({width}); "
                "check for a stray delimiter or a missing header",
                row=index + 1,
            )
        padded = (row + [""] * width)[:width]
        rows.append(tuple(padded))
        numbers.append(index + 1)
    return RawTable(
        source=path.name,
        headers=tuple(headers),
        rows=tuple(rows),
        row_numbers=tuple(numbers),
        header_row=header_index + 1,
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
