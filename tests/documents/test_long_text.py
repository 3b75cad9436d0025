"""Every document kind with very long texts and control characters: it is written, whole and clean.

A key action of about 2,200 characters, a red flag of about 2,230 and a name of about 1,380 once
broke the PDFs (reportlab's LayoutError); control characters stored before they were kept out of
the store made the XLSX and DOCX files unreadable. The texts are written into the store directly,
as a workshop made before that rule may hold them.
"""

from __future__ import annotations

import csv
import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from xml.etree import ElementTree

import pypdf
import pytest

from facilitator.app import guidelines
from facilitator.app.changes import BOARDS, ROSTER
from facilitator.app.exports import ExportOptions, export_document
from facilitator.app.session import WorkshopSession
from facilitator.core.boards import LABOUR_TO_POLICE, GroupNotes, RedFlagCard
from facilitator.core.user_text import CONTROL_CHARACTERS, strip_controls
from facilitator.storage import boards_store, checkin_store

#: Every control character a paste or a damaged file may bring, less tab, line feed and CR.
_CONTROLS = "".join(chr(c) for c in (*range(0x20), 0x7F, *range(0x80, 0xA0)) if chr(c) not in "\t\n\r")
_WORDS = "workers report that the employer keeps their passports and deducts recruitment fees ແຮງງານ "


def _long(size: int, tag: str) -> str:
    """``size`` characters: a tag to find, every control character, words, and a 300-character
    token with no break opportunity at its end, cut by the line breaker between clusters."""
    words = _WORDS * (size // len(_WORDS) + 1)
    return f"{tag}{_CONTROLS} {words}"[: size - 300] + "x" * 299 + "Z"


_NAME = _long(1380, "Longname")
_CARD = _long(2230, "Longcard")
_ACTION = _long(2200, "Longaction")
_FIRST = "(SELECT min(id) FROM {})"
_BOARD = ExportOptions(board=LABOUR_TO_POLICE)


def _store_hostile_texts(session: WorkshopSession) -> None:
    """Write long texts holding control characters straight into the store: a participant, an
    agenda item, a key action, a section, a group's name, and a voted red flag with notes, pulled
    into the guidelines as a referral trigger."""
    updates = (
        ("participants", "name = ?, organisation = ?, delegation = ?, position = ?",
         (_NAME, _long(900, "Longorg"), f"Lao{_CONTROLS} PDR", _long(600, "Longpos"))),
        ("guidelines_actions", "action = ?, lead_agency = ?", (_ACTION, _long(400, "Longlead"))),
        ("guidelines_sections", "body = ?, title = ?", (_long(5000, "Longbody"), _long(300, "Longsection"))),
        ("agenda_items", "title = ?, notes = ?, lead = ?",
         (_long(1200, "Longitem"), _long(2000, "Longnotes"), _long(500, "Longlead"))),
        ("groups_groups", "name = ?", (_long(400, "Longgroup"),)),
    )  # fmt: skip
    with session.action("Hostile texts", [ROSTER, BOARDS]) as conn:
        for table, columns, values in updates:
            first = _FIRST.format(table)
            conn.execute(f"UPDATE {table} SET {columns} WHERE id = {first}", values)
        for number in range(3):
            card = RedFlagCard(
                0,
                LABOUR_TO_POLICE,
                "debt-bondage",
                _CARD if number == 0 else f"Short red flag {number}",
                evidence=_long(1500, "Longevidence"),
                group=f"Group {number + 1}",
            )
            boards_store.insert_dot(conn, boards_store.insert_card(conn, card), "Group 1", "")
        checkin_store.insert_scan(conn, 1, 1, datetime(2019, 5, 27, 8, 15, tzinfo=UTC), "scan")
        notes = GroupNotes(LABOUR_TO_POLICE, "Group 1", summary=_long(3000, "Longsummary"))
        boards_store.save_notes(conn, notes)
    guidelines.pull_referral_triggers(session)


@pytest.fixture
def hostile_session(sample_session: WorkshopSession) -> WorkshopSession:
    """The sample workshop with long texts and control characters in every kind of record."""
    _store_hostile_texts(sample_session)
    return sample_session


def _pdf_text(path: Path) -> str:
    """The text of every page, white space collapsed."""
    return " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(path).pages)


_PDF_TAGS = {
    "name-tags": ("Longname",),
    "tent-cards": ("Longname",),
    "signin-sheet": ("Longname", "Longpos"),
    "attendance": ("Lao PDR",),
    "agenda": ("Longitem", "Longnotes"),
    "groups": ("Longgroup", "Longname"),
    "board": ("Longcard", "Longevidence"),
    "guidelines": ("Longaction", "Longbody", "Longcard"),
    "report": ("Longaction", "Longcard", "Longitem"),
}


@pytest.mark.parametrize("kind", sorted(_PDF_TAGS))
def test_pdf_is_written_with_long_texts_and_control_characters(
    hostile_session: WorkshopSession, tmp_path: Path, kind: str
) -> None:
    """Each PDF kind is written, shows the long texts, and holds no control character."""
    options = ExportOptions(day=1, board=LABOUR_TO_POLICE)
    text = _pdf_text(export_document(hostile_session, kind, tmp_path / f"{kind}.pdf", options))
    for tag in _PDF_TAGS[kind]:
        assert tag in text
    assert not CONTROL_CHARACTERS.search(text)


def test_long_red_flag_is_printed_to_its_end(hostile_session: WorkshopSession, tmp_path: Path) -> None:
    """The 2,230-character red flag reaches the page to its last word, its unbreakable token cut
    between lines rather than lost past the cell's edge."""
    path = export_document(
        hostile_session, "board", tmp_path / "b.pdf", ExportOptions(board=LABOUR_TO_POLICE)
    )
    text = re.sub(r"\s", "", _pdf_text(path))
    assert "Longcardworkersreport" in text
    assert "x" * 299 + "Z" in text


def test_long_name_wraps_on_the_name_tag(hostile_session: WorkshopSession, tmp_path: Path) -> None:
    """The 1,380-character name is drawn on its badge (fitted, never past the page)."""
    path = export_document(hostile_session, "name-tags", tmp_path / "t.pdf", ExportOptions())
    reader = pypdf.PdfReader(path)
    assert any("Longname" in page.extract_text() for page in reader.pages)


def _xlsx_strings(path: Path) -> list[str]:
    """Every text cell of a workbook, parsed as XML (a control character would fail here)."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    return [
        str(value)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if isinstance(value, str)
    ]


def test_board_workbook_holds_long_texts_without_control_characters(
    hostile_session: WorkshopSession, tmp_path: Path
) -> None:
    """The board workbook opens, keeps the whole red flag, and drops its control characters."""
    path = export_document(
        hostile_session, "board", tmp_path / "b.xlsx", ExportOptions(board=LABOUR_TO_POLICE)
    )
    strings = _xlsx_strings(path)
    assert strip_controls(_CARD) in strings
    assert not any(CONTROL_CHARACTERS.search(value) for value in strings)


def test_attendance_workbook_has_no_control_characters(
    hostile_session: WorkshopSession, tmp_path: Path
) -> None:
    """A delegation with control characters is listed clean in the attendance workbook."""
    path = export_document(hostile_session, "attendance", tmp_path / "a.xlsx", ExportOptions(day=1))
    strings = _xlsx_strings(path)
    assert "Lao PDR" in strings
    assert not any(CONTROL_CHARACTERS.search(value) for value in strings)


def test_board_csv_keeps_the_long_red_flag(hostile_session: WorkshopSession, tmp_path: Path) -> None:
    """The referral-matrix CSV reads back with the whole long red flag in one cell."""
    path = export_document(
        hostile_session, "board", tmp_path / "b.csv", ExportOptions(board=LABOUR_TO_POLICE)
    )
    with path.open(encoding="utf-8-sig", newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    assert any(cell.startswith("Longcard") and cell.endswith("x" * 299 + "Z") for cell in cells)


def test_guidelines_docx_is_well_formed_and_clean(hostile_session: WorkshopSession, tmp_path: Path) -> None:
    """Every XML part of the guidelines DOCX parses, and the long action is there without controls."""
    path = export_document(hostile_session, "guidelines", tmp_path / "g.docx", ExportOptions())
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist() if name.endswith(".xml")}
    for data in parts.values():
        ElementTree.fromstring(data)
    body = "".join(ElementTree.fromstring(parts["word/document.xml"]).itertext())
    assert "Longaction" in body
    assert not CONTROL_CHARACTERS.search(body)


def test_name_too_long_to_read_is_shortened_with_an_ellipsis() -> None:
    """A 1,380-character name is cut to what a badge shows legibly, ending in an ellipsis."""
    from facilitator.documents.fitting import fit_text

    fitted = fit_text(strip_controls(_NAME), 200, 60, size=24, floor=14)
    assert fitted.size >= 0.6 * 14
    assert fitted.lines[0].text.startswith("Longname")
    assert fitted.lines[-1].text.endswith("…")
    assert all(line.width(fitted.size) <= 200 + 1e-6 for line in fitted.lines)
