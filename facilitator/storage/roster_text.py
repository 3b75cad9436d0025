"""Reading CSV and TSV registration lists: one pass, bounded, whatever the encoding or line endings.

Excel and form tools write text tables in many ways: UTF-8 with or without a byte-order mark,
UTF-16 ("Unicode text"), the Windows code page of the laptop's locale (cp1252 in English,
Indonesian, Malay or Filipino; cp874 in Thai; cp1258 in Vietnamese), CR-only line endings from old
Mac Excel, a ``sep=;`` hint line, commas, semicolons, tabs or bars. This module turns the bytes
into rows of strings once, refusing with the row and the limit whenever the file is not a table
it can read in bounded time.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from collections import Counter
from pathlib import Path

from facilitator.core.errors import Problem, RosterImportError
from facilitator.storage.roster_limits import MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS

__all__ = ["decode_text", "detect_delimiter", "read_text_rows"]

#: Delimiters tried, in the order preferred when two fit equally well.
_DELIMITERS = (",", ";", "\t", "|")
#: Characters of the file's start that delimiter detection looks at (bounded work on any file).
_SAMPLE_CHARS = 64 * 1024
#: Lines of that start it compares.
_SAMPLE_LINES = 40
#: Windows code pages of the region's Excel installations, tried when the file is not UTF-8.
_CODE_PAGES = ["cp1252", "cp874", "cp1258"]
_QUOTED = re.compile(r'"[^"]*"')
_SEP_HINT = re.compile(r"\Asep=(.)[ \t]*(?:\r\n|\r|\n)")


def _refuse(path: Path, message: str, row: int | None = None) -> RosterImportError:
    return RosterImportError(str(path), [Problem(message, row)])


def _row_of_byte(data: bytes, offset: int) -> int:
    """Line number (from 1) of a byte offset, counting LF and CR-only endings."""
    head = data[:offset]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1


def _utf16_without_mark(data: bytes) -> str | None:
    """The codec of UTF-16 text saved without its mark: every other byte is zero for Latin text."""
    sample = data[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > len(sample) // 4 and even == 0:
        return "utf-16-le"
    if even > len(sample) // 4 and odd == 0:
        return "utf-16-be"
    return None


def _decode_code_page(path: Path, data: bytes) -> str:
    """Text that is not UTF-8: the region's Windows code page that reads it best."""
    from charset_normalizer import from_bytes  # Only needed for non-UTF-8 files.

    best = from_bytes(data, cp_isolation=_CODE_PAGES).best()
    encoding = best.encoding if best is not None else "cp1252"
    text = data.decode(encoding, errors="replace")
    if text.count("\ufffd") > max(3, len(text) // 100):
        raise _refuse(path, "the file's characters cannot be read; save it as 'CSV UTF-8' or as XLSX")
    return text


def decode_text(path: Path, data: bytes) -> str:
    """Decode a text table by its byte-order mark, else as UTF-8, else as the likeliest code page.

    Raises:
        RosterImportError: The bytes are binary, or contradict the mark they start with.
    """
    if data.startswith(codecs.BOM_UTF8):
        try:
            text = data[3:].decode("utf-8")
        except UnicodeDecodeError as error:
            raise _refuse(
                path,
                "the file starts with the UTF-8 mark but is not UTF-8 from here on; "
                "save it again as 'CSV UTF-8'",
                row=_row_of_byte(data, error.start + 3),
            ) from error
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise _refuse(path, "the file says it is UTF-16 but cannot be read as such") from error
    elif (codec := _utf16_without_mark(data)) is not None:
        text = data.decode(codec, errors="replace")
    elif b"\x00" in data:
        raise _refuse(path, "this is not a text table (it holds binary data); save it as CSV or XLSX")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_code_page(path, data)
    if "\x00" in text:
        raise _refuse(path, "this is not a text table (it holds binary data); save it as CSV or XLSX")
    # Vietnamese code pages write tone marks as separate characters; names compare composed.
    return unicodedata.normalize("NFC", text)


def detect_delimiter(text: str, suffix: str = ".csv") -> str:
    """The delimiter of a text table, from the counts on its first lines.

    Linear in the sample (``csv.Sniffer`` is quadratic on crafted lines): quoted parts are dropped
    with one regular expression, then each candidate is counted per line. The delimiter whose
    non-zero count repeats on the most lines wins; title rows above the header, which have none,
    do not count against it.
    """
    if suffix == ".tsv":
        return "\t"
    lines = [line for line in text[:_SAMPLE_CHARS].splitlines() if line.strip()][:_SAMPLE_LINES]
    best, best_score = ",", (0, 0)
    for delimiter in _DELIMITERS:
        counts = [_QUOTED.sub("", line).count(delimiter) for line in lines]
        common = Counter(count for count in counts if count)
        if not common:
            continue
        count, lines_with_it = common.most_common(1)[0]
        score = (lines_with_it, count)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_text_rows(path: Path, data: bytes) -> list[tuple[int, list[str]]]:
    """Rows of a CSV or TSV file, each with the row number a spreadsheet shows for it.

    Raises:
        RosterImportError: The file cannot be decoded or passes a limit of
            :mod:`facilitator.storage.roster_limits`; the message names the row and the limit.
    """
    text = decode_text(path, data)
    if not text.strip():
        raise _refuse(path, "the file is empty")
    hint = _SEP_HINT.match(text)
    if hint:
        delimiter, text = hint.group(1), text[hint.end() :]
    else:
        delimiter = detect_delimiter(text, path.suffix.lower())
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    number = 0
    while True:
        number += 1
        try:
            cells = next(reader)
        except StopIteration:
            return rows
        except csv.Error as error:
            # The csv module stops at 131,072 characters per cell; say what that means.
            raise _refuse(path, _csv_problem(error), row=number) from error
        if number > MAX_ROWS:
            raise _refuse(path, f"the file has more than {MAX_ROWS:,} rows, the most Facilitator reads")
        if len(cells) > MAX_COLUMNS and any(cells[MAX_COLUMNS:]):
            raise _refuse(
                path,
                f"this row has {len(cells):,} cells, more than the {MAX_COLUMNS} columns Facilitator "
                "reads; check the delimiter or remove the extra columns",
                row=number,
            )
        for index, cell in enumerate(cells[:MAX_COLUMNS]):
            if len(cell) > MAX_CELL_CHARS:
                raise RosterImportError(str(path), [_long_cell(number, index)])
        rows.append((number, [_unguarded(cell) for cell in cells[:MAX_COLUMNS]]))


def _unguarded(cell: str) -> str:
    """A cell without the apostrophe that guards a formula-like value in exported CSV ("'+856 20…").

    Exports (Facilitator's among them) put it before ``=``, ``+``, ``-`` and ``@`` so that Excel
    does not run the value; reading it back must give the value itself, or a re-imported export
    would change everyone's phone-like fields. An apostrophe before anything else is kept (names
    such as "'Ofa" start with one).
    """
    return cell[1:] if len(cell) > 1 and cell[0] == "'" and cell[1] in "=+-@\t\r" else cell


def _csv_problem(error: csv.Error) -> str:
    if "field larger than field limit" in str(error):
        return f"a cell is longer than {MAX_CELL_CHARS:,} characters (Excel's own limit per cell)"
    return f"the row cannot be read as part of a table ({error})"


def _long_cell(row: int, index: int) -> Problem:
    from facilitator.storage.roster_limits import column_letters

    return Problem(
        f"the cell is longer than {MAX_CELL_CHARS:,} characters (Excel's own limit per cell)",
        row,
        column_letters(index + 1),
    )
