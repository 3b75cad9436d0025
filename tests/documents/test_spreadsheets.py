"""Spreadsheets that are safe to open: no cell runs as a formula, CSV that Excel reads as UTF-8."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from facilitator.app import checkin, roster
from facilitator.app.checkin_documents import export_attendance
from facilitator.app.exports import ExportOptions
from facilitator.app.session import WorkshopSession
from facilitator.documents.spreadsheets import safe_cell, write_csv

FORMULAS = ["=1+1", "+cmd|' /C calc'!A0", "@SUM(1)", "-2+3", "\tTAB", "\r=CR"]


@pytest.mark.parametrize("text", FORMULAS)
def test_text_starting_like_a_formula_gets_an_apostrophe(text: str) -> None:
    """OWASP's rule: = + - @ tab and carriage return at the start are neutralised; others and
    numbers are left as they are."""
    assert safe_cell(text) == "'" + text
    assert safe_cell("Passports held") == "Passports held"
    assert safe_cell(-3) == -3


def test_csv_has_a_byte_order_mark_and_safe_cells(tmp_path: Path) -> None:
    """A CSV starts with the UTF-8 byte-order mark, keeps Lao and Vietnamese, and never a formula."""
    path = write_csv(tmp_path / "x.csv", ["Name", "Note"], [["ສົມໃຈ Nguyễn", "=1+1"], ["Ana", 3]])
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows == [["Name", "Note"], ["ສົມໃຈ Nguyễn", "'=1+1"], ["Ana", "3"]]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_roster_export_neutralises_values_and_keeps_its_field_names(
    sample_session: WorkshopSession, tmp_path: Path, suffix: str
) -> None:
    """`roster export` keeps the contract's field-name header; a position typed "=1+1", an
    organisation "+cmd" and a name "@SUM(1)" come back as text, never as formulas."""
    roster.edit_participant(sample_session, 1, position="=1+1", organisation="+cmd", name="@SUM(1)")
    path = roster.export_roster(sample_session, tmp_path / f"roster{suffix}")
    if suffix == ".csv":
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        first = rows[0]
        assert list(first)[:3] == ["id", "name", "native_name"]
        assert (first["name"], first["organisation"], first["position"]) == ("'@SUM(1)", "'+cmd", "'=1+1")
    else:
        sheet = load_workbook(path).active
        header = [cell.value for cell in sheet[1]]
        cells = dict(zip(header, sheet[2], strict=True))
        assert header[:2] == ["id", "name"]
        for field in ("name", "organisation", "position"):
            assert cells[field].data_type == "s" and str(cells[field].value).startswith("'")


def test_attendance_workbook_cells_are_text_not_formulas(
    sample_session: WorkshopSession, tmp_path: Path
) -> None:
    """A delegation named like a formula is a text cell with Excel's quote prefix."""
    roster.edit_participant(sample_session, 1, delegation="=HYPERLINK(1)")
    checkin.check_in_participant(sample_session, 1, 1)
    book = load_workbook(export_attendance(sample_session, tmp_path / "a.xlsx", ExportOptions(day=1)))
    cell = next(row[0] for row in book["Day 1"].iter_rows() if row[0].value == "=HYPERLINK(1)")
    assert cell.data_type == "s" and cell.quotePrefix


def test_streamed_workbook_reads_back_as_written(tmp_path: Path) -> None:
    """A workbook written row by row opens in openpyxl with its text, numbers, empty cells, bold
    frozen heading, column widths and quote prefix, and drops what XML cannot hold."""
    from facilitator.documents.xlsx_stream import TextSheet, write_text_workbook

    rows = [
        ["Passports <held> & kept", 3, ""],
        ["=1+1", 2.5, "line\r\nbreak\x07"],
        ["ສົມໃຈ Nguyễn", 0, "\ufffe"],
    ]
    path = write_text_workbook(
        tmp_path / "t.xlsx", [TextSheet("Cards", ["Red flag", "Votes", "Note"], rows, [48, 8, 16])]
    )
    sheet = load_workbook(path)["Cards"]
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values == [
        ["Red flag", "Votes", "Note"],
        ["Passports <held> & kept", 3, None],
        ["=1+1", 2.5, "line\r\nbreak"],
        ["ສົມໃຈ Nguyễn", 0, None],
    ]
    assert sheet["A3"].data_type == "s" and sheet["A3"].quotePrefix and not sheet["A2"].quotePrefix
    assert sheet["A1"].font.b and sheet["A2"].alignment.wrap_text
    assert sheet.freeze_panes == "A2" and sheet.column_dimensions["A"].width == 48
