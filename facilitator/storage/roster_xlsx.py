"""Reading the first sheet of an XLSX registration list, cell by cell, within fixed limits.

A workbook's declared size means nothing: a 1,386-byte file can declare a sheet up to XFD1048576,
and readers that build the sheet as declared (openpyxl's, hence pandas') allocate gigabytes for it.
This reader streams the sheet's XML with expat and keeps only cells that hold a value, refusing a
value beyond the row or column limit, a part that unpacks past its limit, and any damage (a broken
zip stream, malformed XML, a reference to shared text the file does not hold) with a message
naming the file and the cell.
"""

from __future__ import annotations

import errno
import lzma
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import IO
from xml.parsers import expat

from facilitator.core.errors import Problem, RosterImportError
from facilitator.storage.roster_limits import (
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_XML_PART_BYTES,
    column_letters,
)

__all__ = ["read_xlsx_rows"]

_CHUNK = 64 * 1024
_CELL_REF = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SHEET_TYPE = "/worksheet"
_SHARED_TYPE = "/sharedStrings"


class _Refusal(Exception):
    """Raised inside expat handlers; turned into a :class:`RosterImportError` by the caller."""

    def __init__(self, message: str, row: int | None = None, column: str | None = None) -> None:
        super().__init__(message)
        self.problem = Problem(message, row, column)


def read_xlsx_rows(path: Path) -> list[tuple[int, list[str]]]:
    """Rows of the workbook's first visible sheet that hold a value, with their row numbers.

    Raises:
        RosterImportError: The file is not an XLSX workbook, is damaged, or passes a limit.
    """
    with path.open("rb") as handle:
        magic = handle.read(8)
    if magic == _OLE_MAGIC:
        raise _error(
            path,
            Problem(
                "this is an old Excel (.xls) file or a workbook protected by a password; "
                "save it from Excel as .xlsx without a password"
            ),
        )
    if not zipfile.is_zipfile(path):
        raise _error(path, _not_excel().problem)
    try:
        with zipfile.ZipFile(path) as archive:
            sheet, shared_part = _first_sheet(archive)
            shared = _read_shared_strings(archive, shared_part) if shared_part else []
            return _read_sheet(archive, sheet, shared)
    except _Refusal as refusal:
        raise _error(path, refusal.problem) from refusal
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError,
            struct.error, lzma.LZMAError) as error:  # fmt: skip
        raise _damaged(path, error) from error
    except OSError as error:
        # A damaged directory sends zipfile seeking before the file's start (EINVAL), and a damaged
        # header can name bzip2, whose decoder raises OSError without errno; other system errors
        # (a failing disk) are reported as such by the caller.
        if error.errno not in (None, errno.EINVAL):
            raise
        raise _damaged(path, error) from error
    except expat.ExpatError as error:
        raise _error(
            path,
            Problem(
                f"the Excel file is damaged: its XML is broken ({expat.ErrorString(error.code)}); "
                "open it in Excel and save it again"
            ),
        ) from error


def _damaged(path: Path, error: BaseException) -> RosterImportError:
    return _error(path, Problem(f"the Excel file is damaged ({error}); open it in Excel and save it again"))


def _error(path: Path, problem: Problem) -> RosterImportError:
    return RosterImportError(str(path), [problem])


def _not_excel() -> _Refusal:
    return _Refusal("this is not a valid Excel (.xlsx) file; open it in Excel and save it again")


def _parse(archive: zipfile.ZipFile, name: str, configure: Callable[[expat.XMLParserType], None]) -> None:
    """Stream one archive member through expat, stopping at the unpacked-size limit."""
    try:
        member: IO[bytes] = archive.open(name)
    except KeyError as error:
        raise _Refusal(
            f"the Excel file is damaged: its part '{name}' is missing; open it in Excel and save it again"
        ) from error
    parser = expat.ParserCreate(namespace_separator=" ")

    def no_doctype(*_args: object) -> None:
        raise _Refusal("the Excel file holds a document type declaration, which workbooks never do")

    parser.StartDoctypeDeclHandler = no_doctype
    parser.EntityDeclHandler = no_doctype
    configure(parser)
    unpacked = 0
    with member:
        while chunk := member.read(_CHUNK):
            unpacked += len(chunk)
            if unpacked > MAX_XML_PART_BYTES:
                raise _Refusal(
                    f"the Excel file's part '{name}' unpacks to more than "
                    f"{MAX_XML_PART_BYTES // (1024 * 1024)} MB, the most Facilitator reads"
                )
            parser.Parse(chunk, False)
    parser.Parse(b"", True)


def _local(name: str) -> str:
    return name.rpartition(" ")[2]


def _first_sheet(archive: zipfile.ZipFile) -> tuple[str, str | None]:
    """The archive paths of the first visible worksheet and of the shared-strings part."""
    names = set(archive.namelist())
    if "xl/workbook.xml" not in names:
        raise _not_excel()
    sheets: list[tuple[str, str]] = []  # (relationship id, state)
    targets: dict[str, tuple[str, str]] = {}  # id → (type, target)

    def workbook(parser: expat.XMLParserType) -> None:
        def start(name: str, attrs: dict[str, str]) -> None:
            if _local(name) == "sheet":
                rid = next((v for k, v in attrs.items() if _local(k) == "id"), "")
                sheets.append((rid, attrs.get("state", "visible")))

        parser.StartElementHandler = start

    def relations(parser: expat.XMLParserType) -> None:
        def start(name: str, attrs: dict[str, str]) -> None:
            if _local(name) == "Relationship":
                targets[attrs.get("Id", "")] = (attrs.get("Type", ""), attrs.get("Target", ""))

        parser.StartElementHandler = start

    _parse(archive, "xl/workbook.xml", workbook)
    if "xl/_rels/workbook.xml.rels" in names:
        _parse(archive, "xl/_rels/workbook.xml.rels", relations)

    def resolve(target: str) -> str:
        return target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")

    visible = [rid for rid, state in sheets if state == "visible"] or [rid for rid, _ in sheets]
    sheet = next(
        (
            resolve(targets[rid][1])
            for rid in visible
            if rid in targets and targets[rid][0].endswith(_SHEET_TYPE)
        ),
        "xl/worksheets/sheet1.xml",
    )
    shared = next((resolve(t) for kind, t in targets.values() if kind.endswith(_SHARED_TYPE)), None)
    if shared is None and "xl/sharedStrings.xml" in names:
        shared = "xl/sharedStrings.xml"
    return sheet, shared


def _read_shared_strings(archive: zipfile.ZipFile, name: str) -> list[str]:
    """The workbook's shared texts; phonetic guides (``rPh``) are left out as Excel shows them."""
    strings: list[str] = []
    parts: list[str] = []
    state = {"in_text": False, "phonetic": 0, "length": 0}

    def configure(parser: expat.XMLParserType) -> None:
        def start(name: str, _attrs: dict[str, str]) -> None:
            local = _local(name)
            if local == "si":
                parts.clear()
                state["length"] = 0
            elif local == "rPh":
                state["phonetic"] += 1
            elif local == "t" and not state["phonetic"]:
                state["in_text"] = True

        def end(name: str) -> None:
            local = _local(name)
            if local == "si":
                strings.append("".join(parts))
            elif local == "rPh":
                state["phonetic"] -= 1
            elif local == "t":
                state["in_text"] = False

        def text(data: str) -> None:
            if state["in_text"]:
                state["length"] += len(data)
                if state["length"] > MAX_CELL_CHARS:
                    raise _Refusal(
                        f"a text in the workbook is longer than {MAX_CELL_CHARS:,} characters "
                        "(Excel's own limit per cell)"
                    )
                parts.append(data)

        parser.StartElementHandler = start
        parser.EndElementHandler = end
        parser.CharacterDataHandler = text

    _parse(archive, name, configure)
    return strings


class _SheetReader:
    """Expat handlers that collect the sheet's valued cells row by row."""

    def __init__(self, shared: list[str]) -> None:
        self.shared = shared
        self.rows: list[tuple[int, list[str]]] = []
        self.row_number = 0
        self.cells: dict[int, str] = {}
        self.column = 0
        self.kind = ""
        self.reference = ""
        self.text: list[str] | None = None
        self.length = 0
        self.value = ""
        self.inline = ""
        self.phonetic = 0

    def configure(self, parser: expat.XMLParserType) -> None:
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        parser.CharacterDataHandler = self.data

    def start(self, name: str, attrs: dict[str, str]) -> None:
        local = _local(name)
        if local == "row":
            self._flush()
            given = attrs.get("r")
            self.row_number = int(given) if given and given.isdigit() else self.row_number + 1
            self.column = 0
        elif local == "c":
            self.reference = attrs.get("r", "")
            match = _CELL_REF.fullmatch(self.reference)
            self.column = _column_number(match.group(1)) if match else self.column + 1
            self.kind, self.value, self.inline = attrs.get("t", "n"), "", ""
        elif local == "rPh":
            self.phonetic += 1
        elif local in ("v", "t") and not self.phonetic:
            self.text, self.length = [], 0

    def data(self, data: str) -> None:
        if self.text is not None:
            self.length += len(data)
            if self.length > MAX_CELL_CHARS:
                raise self._beyond(
                    f"the cell is longer than {MAX_CELL_CHARS:,} characters (Excel's own limit)"
                )
            self.text.append(data)

    def end(self, name: str) -> None:
        local = _local(name)
        if local == "v" and self.text is not None:
            self.value, self.text = "".join(self.text), None
        elif local == "t" and self.text is not None:
            self.inline, self.text = self.inline + "".join(self.text), None
        elif local == "rPh":
            self.phonetic -= 1
        elif local == "c":
            self._keep(self._cell_text())
        elif local == "sheetData":
            self._flush()

    def _cell_text(self) -> str:
        if self.kind == "s":
            if not self.value:
                return ""
            try:
                return self.shared[int(self.value)]
            except (ValueError, IndexError):
                raise self._beyond(
                    f"the Excel file is damaged: the cell refers to shared text {self.value!r}, "
                    "which the file does not hold; open it in Excel and save it again"
                ) from None
        if self.kind == "inlineStr":
            return self.inline
        if self.kind == "b":
            return {"1": "TRUE", "0": "FALSE"}.get(self.value, self.value)
        if self.kind in ("str", "e", "d"):
            return self.value
        return _number_text(self.value)

    def _keep(self, value: str) -> None:
        if not value.strip():
            return
        if self.column > MAX_COLUMNS:
            raise self._beyond(f"a value lies beyond column {column_letters(MAX_COLUMNS)}, the last one read")
        if self.row_number > MAX_ROWS:
            raise self._beyond(f"a value lies beyond row {MAX_ROWS:,}, the last one read")
        self.cells[self.column] = value

    def _beyond(self, message: str) -> _Refusal:
        return _Refusal(message, self.row_number, column_letters(min(self.column, 16384)) or None)

    def _flush(self) -> None:
        if self.cells:
            width = max(self.cells)
            self.rows.append((self.row_number, [self.cells.get(i, "") for i in range(1, width + 1)]))
            self.cells = {}


def _read_sheet(archive: zipfile.ZipFile, name: str, shared: list[str]) -> list[tuple[int, list[str]]]:
    reader = _SheetReader(shared)
    _parse(archive, name, reader.configure)
    reader._flush()
    return sorted(reader.rows, key=lambda item: item[0])


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def _number_text(value: str) -> str:
    """A number as Excel shows it in General format: 12345, not 12345.0."""
    try:
        number = float(value)
    except ValueError:
        return value
    if number.is_integer() and abs(number) < 1e15:
        return str(int(number))
    return repr(number)
