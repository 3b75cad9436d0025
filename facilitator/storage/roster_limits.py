"""How much of a registration file Facilitator reads before refusing it.

Registration files come from outside: a form tool, a delegation, an e-mail attachment. Reading one
must take bounded time and memory whatever it holds, so every reader stops at these limits and
refuses the file with a message naming the limit, instead of trying and running out of memory.
They are far above any workshop roster (a large regional meeting has a few hundred people) and
stated in the README.
"""

from __future__ import annotations

__all__ = [
    "MAX_CELL_CHARS",
    "MAX_COLUMNS",
    "MAX_FILE_BYTES",
    "MAX_ROWS",
    "MAX_XML_PART_BYTES",
    "column_letters",
]

#: Largest file read, CSV or XLSX (a 2,000-person list with twenty columns is under 1 MB).
MAX_FILE_BYTES = 20 * 1024 * 1024
#: Most rows read, title rows and the header included.
MAX_ROWS = 10_000
#: Most columns read; a cell with a value further right refuses the file.
MAX_COLUMNS = 256
#: Longest cell, Excel's own limit: a longer one cannot have come from a spreadsheet.
MAX_CELL_CHARS = 32_767
#: Most bytes unpacked from one part of an XLSX archive (the sheet, its shared texts).
MAX_XML_PART_BYTES = 64 * 1024 * 1024


def column_letters(index: int) -> str:
    """Spreadsheet letters of a 1-based column number: 1 → A, 28 → AB, 16384 → XFD."""
    letters = ""
    while index > 0:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters
