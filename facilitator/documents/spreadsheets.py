"""Cells that a spreadsheet opens as text, never as a formula, and CSV that Excel reads as UTF-8.

A red flag typed as "=HYPERLINK(…)" or "+cmd|' /C calc'!A0", or a phone number "+856 20 …", would
be run as a formula by Excel or LibreOffice when the exported file is opened (CSV injection). As
OWASP recommends, a text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return gets a leading apostrophe, which spreadsheets show as a text marker. Numbers stay numbers.
Excel on Windows reads a CSV without a byte-order mark in the local code page, which turns Lao and
Vietnamese into mojibake, so CSV files start with one. In a workbook the same cells are stored as
text with Excel's quote prefix, so they read back exactly as typed.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from facilitator.core.user_text import strip_controls
from facilitator.documents.atomic import atomic_output

__all__ = ["FORMULA_STARTS", "XlsxRows", "safe_cell", "write_csv", "write_xlsx_row"]

#: First characters that make a spreadsheet read a cell as a formula (OWASP, CSV Injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """A value that no spreadsheet runs: text starting like a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class XlsxRows:
    """Appends rows to one openpyxl sheet with every text cell stored as text.

    Text is typed as a string, without control characters (which XLSX cannot hold, and which a
    workshop stored before they were kept out may still have), and one that starts like a formula
    is marked with Excel's own quote prefix (the apostrophe of a typed cell, kept in the cell's
    style rather than in its text). Cells are made here and handed back: finding a row again
    through ``sheet.max_row`` scans every cell of the sheet, and setting a style on each cell
    hashes it again, which makes a long sheet take minutes. The styles are worked out once and
    given to each cell as openpyxl's style array. (The board workbook, the longest, is streamed
    without openpyxl: see :mod:`facilitator.documents.xlsx_stream`.)

    Args:
        sheet: The openpyxl worksheet.
        alignment: An openpyxl ``Alignment`` for the text cells, or none.
    """

    def __init__(self, sheet: Any, alignment: Any = None) -> None:
        from openpyxl.cell import Cell

        self._sheet = sheet
        text = Cell(sheet)
        if alignment is not None:
            text.alignment = alignment
        formula_like = Cell(sheet, style_array=text._style)
        formula_like.quotePrefix = True
        self._text_style, self._formula_style = text._style, formula_like._style

    def append(self, values: Sequence[object]) -> list[Any]:
        """Append one row; returns its cells, for the caller to style further."""
        from openpyxl.cell import Cell

        cells = []
        for value in values:
            if value == "":
                cell = Cell(self._sheet)  # no value and no style: the file leaves it out
            elif isinstance(value, str):
                value = strip_controls(value)
                style = self._formula_style if value.startswith(FORMULA_STARTS) else self._text_style
                cell = Cell(self._sheet, style_array=style)
                cell.value = value
                cell.data_type = "s"
            else:
                cell = Cell(self._sheet, value=value)
            cells.append(cell)
        self._sheet.append(cells)
        return cells


def write_xlsx_row(sheet: Any, values: Sequence[object]) -> list[Any]:
    """Append one row to a sheet, as :class:`XlsxRows` does, and return its cells (for a sheet of
    a few rows; a long sheet keeps one :class:`XlsxRows`)."""
    return XlsxRows(sheet).append(values)


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> Path:
    """Write a CSV file in UTF-8 with a byte-order mark, every text cell made safe."""
    with atomic_output(Path(path)) as partial, partial.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([safe_cell(name) for name in header])
        writer.writerows([safe_cell(value) for value in row] for row in rows)
    return Path(path)
