"""Text-heavy workbooks written straight to their XML, a row at a time.

openpyxl makes an object for every cell, binds and checks its value, hashes its style and writes
it through lxml element by element: three quarters of the 5 s that a 10,000-card board workbook
took. A board record needs little of a spreadsheet: text and numbers, a bold heading row frozen
at the top, wrapped text, column widths, and Excel's quote prefix on text that starts like a
formula (see :mod:`facilitator.documents.spreadsheets`). This module writes exactly that, in time
linear in the cells, as a package that Excel, LibreOffice and openpyxl read: text as inline
strings (as openpyxl writes them), one style table shared by every sheet.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from facilitator.core.user_text import strip_controls
from facilitator.documents.atomic import atomic_output
from facilitator.documents.spreadsheets import FORMULA_STARTS

__all__ = ["TextSheet", "write_text_workbook"]

Progress = Callable[[int, int], None]

#: Characters that XML 1.0 cannot hold even as references (control characters go first).
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")
#: Style indexes in ``_STYLES``: heading, wrapped text, wrapped text with the quote prefix.
_HEADING, _TEXT, _FORMULA_LIKE = 1, 2, 3
_STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>
<fills count="2"><fill><patternFill/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">\
<alignment vertical="top" wrapText="1"/></xf>\
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1" quotePrefix="1">\
<alignment vertical="top" wrapText="1"/></xf></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"


@dataclass(frozen=True, slots=True)
class TextSheet:
    """One sheet: a bold heading row, frozen, over rows of text and numbers.

    Attributes:
        title: The sheet's name (at most 31 characters, as Excel asks).
        header: The heading row.
        rows: The rows; "" and None leave a cell empty, text is wrapped at the top of its cell.
        widths: Each column's width in characters.
    """

    title: str
    header: Sequence[str]
    rows: Iterable[Sequence[object]]
    widths: Sequence[float]


def _column_letters(count: int) -> list[str]:
    letters = []
    for number in range(1, count + 1):
        name = ""
        while number:
            number, rest = divmod(number - 1, 26)
            name = chr(65 + rest) + name
        letters.append(name)
    return letters


def _text_cell(where: str, text: str, style: int | None) -> str:
    """An inline-string cell of cleaned text; ``style`` None picks the wrapped text style, with
    the quote prefix when the text starts like a formula. A carriage return goes as a reference,
    which parsers keep."""
    if style is None:
        style = _FORMULA_LIKE if text.startswith(FORMULA_STARTS) else _TEXT
    data = escape(text).replace("\r", "&#13;")
    return f'<c {where} s="{style}" t="inlineStr"><is><t xml:space="preserve">{data}</t></is></c>'


def _row(number: int, values: Sequence[object], letters: Sequence[str], heading: bool) -> str:
    cells = []
    for letter, value in zip(letters, values, strict=False):
        where = f'r="{letter}{number}"'
        if isinstance(value, bool):
            cells.append(f'<c {where} t="b"><v>{int(value)}</v></c>')
        elif isinstance(value, int | float):
            cells.append(f"<c {where}><v>{value!r}</v></c>")
        elif value is not None:
            text = _NOT_XML.sub("", strip_controls(str(value)))
            if text:
                cells.append(_text_cell(where, text, _HEADING if heading else None))
    return f'<row r="{number}">{"".join(cells)}</row>'


def _sheet_xml(sheet: TextSheet) -> Iterable[str]:
    columns = max(len(sheet.header), len(sheet.widths))
    letters = _column_letters(columns)
    yield (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{_MAIN}">'
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
        'activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>'
        '<sheetFormatPr defaultRowHeight="15"/><cols>'
    )
    yield "".join(
        f'<col min="{index}" max="{index}" width="{width!r}" customWidth="1"/>'
        for index, width in enumerate(sheet.widths, start=1)
    )
    yield "</cols><sheetData>"
    yield _row(1, sheet.header, letters, heading=True)
    for number, values in enumerate(sheet.rows, start=2):
        yield _row(number, values, letters, heading=False)
    yield "</sheetData></worksheet>"


def _package_parts(titles: Sequence[str]) -> dict[str, str]:
    """The workbook's parts other than its sheets."""
    sheets = "".join(
        f'<sheet name={quoteattr(title)} sheetId="{n}" r:id="rId{n}"/>' for n, title in enumerate(titles, 1)
    )
    sheet_rels = "".join(
        f'<Relationship Id="rId{n}" Type="{_RELS}/worksheet" Target="worksheets/sheet{n}.xml"/>'
        for n in range(1, len(titles) + 1)
    )
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{_SHEET_TYPE}"/>'
        for n in range(1, len(titles) + 1)
    )
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    office = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    return {
        "[Content_Types].xml": (
            f'{head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{office}.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{office}.styles+xml"/>{overrides}</Types>'
        ),
        "_rels/.rels": (
            f'{head}<Relationships xmlns="{_PACKAGE_RELS}"><Relationship Id="rId1" '
            f'Type="{_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'{head}<workbook xmlns="{_MAIN}" xmlns:r="{_RELS}"><bookViews><workbookView/></bookViews>'
            f"<sheets>{sheets}</sheets></workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            f'{head}<Relationships xmlns="{_PACKAGE_RELS}">{sheet_rels}<Relationship '
            f'Id="rId{len(titles) + 1}" Type="{_RELS}/styles" Target="styles.xml"/></Relationships>'
        ),
        "xl/styles.xml": _STYLES,
    }


def write_text_workbook(path: Path, sheets: Sequence[TextSheet], progress: Progress | None = None) -> Path:
    """Write the sheets as an XLSX workbook, replacing ``path`` only once it is whole.

    Args:
        path: Output file.
        sheets: The sheets, in order.
        progress: Called with (sheets done, sheets) after each sheet.
    """
    with atomic_output(Path(path)) as partial, zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as book:
        for name, text in _package_parts([sheet.title for sheet in sheets]).items():
            book.writestr(name, text)
        for done, sheet in enumerate(sheets, start=1):
            with book.open(f"xl/worksheets/sheet{done}.xml", "w") as part:
                for chunk in _sheet_xml(sheet):
                    part.write(chunk.encode("utf-8"))
            if progress:
                progress(done, len(sheets))
    return Path(path)
