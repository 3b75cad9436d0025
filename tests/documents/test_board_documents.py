"""Board records as documents: the PDF says what the plenary decided, the spreadsheets hold it exactly."""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

import pytest
from checkin_raster import ink_mask, render_page
from openpyxl import load_workbook
from pypdf import PdfReader

from facilitator.app import board_setup, boards
from facilitator.app.board_exports import export_group_output
from facilitator.app.exports import ExportOptions, export_document
from facilitator.app.session import WorkshopSession
from facilitator.core.boards import LABOUR_TO_POLICE, POLICE_TO_LABOUR

L2P = LABOUR_TO_POLICE


@pytest.fixture
def filled(sample_session: WorkshopSession) -> WorkshopSession:
    """The sample workshop with cards from two groups, votes, a merge and notes."""
    s = sample_session
    a = boards.add_card(s, L2P, "Passports held in the manager's safe", category="retention-of-documents",
                        group="Group 1", evidence="Photograph the safe; list of names")  # fmt: skip
    b = boards.add_card(
        s, L2P, "Recruiter keeps ID cards", category="retention-of-documents", group="Group 2"
    )
    c = boards.add_card(s, L2P, "Debt for travel grows every month", category="debt-bondage", group="Group 2",
                        refer_to="Anti-trafficking police")  # fmt: skip
    boards.add_card(s, POLICE_TO_LABOUR, "No written contract", category="no-contract", group="Group 1")
    boards.merge_cards(s, a, [b])
    for group in ("Group 1", "Group 2", "Group 3"):
        boards.add_dot(s, a, group)
    boards.add_dot(s, c, "Group 1")
    board_setup.save_group_notes(
        s,
        L2P,
        "Group 2",
        summary="Debt is the strongest sign.",
        disagreements="Whether fees alone are enough.",
        questions="Who holds evidence?",
    )
    return s


def _pdf_text(path: Path) -> str:
    """The PDF's text with ligatures (shaped "fl") unfolded."""
    return unicodedata.normalize("NFKC", "\n".join(page.extract_text() for page in PdfReader(path).pages))


def test_consolidated_pdf_has_both_boards_ranked_and_group_pages(
    filled: WorkshopSession, tmp_path: Path
) -> None:
    """The consolidated PDF shows both referral boards, core indicators, ranked flags, and group notes."""
    pages: list[int] = []
    path = export_document(filled, "board", tmp_path / "matrix.pdf",
                           ExportOptions(progress=lambda done, _total: pages.append(done)))  # fmt: skip
    text = _pdf_text(path)
    assert "Red flags for referral: consolidated matrix" in text
    assert "Labour to police" in text and "Police to labour" in text
    assert "Retention of identity documents · core ILO indicator" in text
    assert "Passports held in the manager's safe" in text and "+ Recruiter keeps ID cards" in text
    assert "Photograph the safe; list of names" in text and "Group 1, Group 2" in text
    assert text.index("Retention of identity documents") < text.index("Debt for travel")
    assert "Debt is the strongest sign." in text and "Whether fees alone are enough." in text
    assert "Group 2 — Labour to police" in text
    assert pages and pages[-1] == len(PdfReader(path).pages)


def test_single_board_pdf_leaves_the_other_board_out(filled: WorkshopSession, tmp_path: Path) -> None:
    """`--board police-to-labour` writes that board only."""
    path = export_document(filled, "board", tmp_path / "p2l.pdf", ExportOptions(board=POLICE_TO_LABOUR))
    text = _pdf_text(path)
    assert "No written contract" in text and "Passports held" not in text


def test_pdf_renders_pages(filled: WorkshopSession, tmp_path: Path) -> None:
    """Every page rasterises (with PDFium, from PyPI) into a landscape page with ink on it."""
    path = export_document(filled, "board", tmp_path / "m.pdf")
    for index in range(len(PdfReader(path).pages)):
        image = render_page(path, index, 30)
        assert image.shape[1] > image.shape[0]
        assert ink_mask(image).any()


def test_csv_holds_the_ranked_matrix_exactly(filled: WorkshopSession, tmp_path: Path) -> None:
    """The CSV has one row per red flag with votes summed, merged texts and sources, under headings
    a person would write, in UTF-8 with a byte-order mark (so Excel on Windows reads it as UTF-8)."""
    path = export_document(filled, "board", tmp_path / "m.csv", ExportOptions(board=L2P))
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["Category key"], r["Rank"], r["Votes"], r["Red flag"]) for r in rows] == [
        ("retention-of-documents", "1", "3", "Passports held in the manager's safe"),
        ("debt-bondage", "1", "1", "Debt for travel grows every month"),
    ]
    assert rows[0]["Merged red flags"] == "Recruiter keeps ID cards"
    assert rows[0]["Raised by"] == "Group 1, Group 2" and rows[0]["Core ILO indicator"] == "yes"
    assert rows[1]["Refer to"] == "Anti-trafficking police"
    assert rows[0]["Category"] == "Retention of identity documents"


@pytest.mark.parametrize("text", ["=1+1", "+cmd|' /C calc'!A0", "@SUM(1)", "-2+3", "\tTAB", "\r=CR"])
def test_csv_and_xlsx_never_hold_a_formula(empty_session: WorkshopSession, tmp_path: Path, text: str) -> None:
    """A red flag typed like a formula comes back as text: an apostrophe before it in the CSV,
    a text cell with Excel's quote prefix in the workbook."""
    boards.add_card(empty_session, L2P, f"{text} in a red flag", category="deception", group="Group 1")
    csv_path = export_document(empty_session, "board", tmp_path / "m.csv", ExportOptions(board=L2P))
    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        flags = [row["Red flag"] for row in csv.DictReader(handle)]
    assert len(flags) == 1 and flags[0].startswith("'") and flags[0].endswith("in a red flag")
    book = load_workbook(
        export_document(empty_session, "board", tmp_path / "m.xlsx", ExportOptions(board=L2P))
    )
    cells = [row[6] for row in book["Referral matrix"].iter_rows(min_row=2)]
    assert cells and all(cell.data_type == "s" and cell.quotePrefix for cell in cells)
    assert not any(str(cell.value).startswith("=") and cell.data_type == "f" for cell in cells)


def test_workbook_has_matrix_group_cards_and_notes(filled: WorkshopSession, tmp_path: Path) -> None:
    """The XLSX has the matrix, each group's cards and the notes; formulas-looking text stays text."""
    boards.add_card(filled, L2P, "=1+1 looks like a formula", group="Group 3")
    path = export_document(filled, "board", tmp_path / "m.xlsx", ExportOptions(board=L2P))
    book = load_workbook(path)
    assert book.sheetnames == ["Referral matrix", "Cards by group", "Group notes"]
    assert [c.value for c in book["Cards by group"][1]][:5] == [
        "Board",
        "Group",
        "Category key",
        "Category",
        "Red flag",
    ]
    cards = [row for row in book["Cards by group"].iter_rows(min_row=2, values_only=True)]
    assert [(row[1], row[2]) for row in cards[:3]] == [
        ("Group 1", "retention-of-documents"),
        ("Group 2", "retention-of-documents"),
        ("Group 2", "debt-bondage"),
    ]
    assert cards[1][8] == cards[0][9]
    assert any(row[4] == "=1+1 looks like a formula" for row in cards)
    notes = {row[1]: row for row in book["Group notes"].iter_rows(min_row=2, values_only=True)}
    assert notes["Group 2"][2:] == ("Debt is the strongest sign.", "Whether fees alone are enough.",
                                    "Who holds evidence?")  # fmt: skip


def test_one_groups_output(filled: WorkshopSession, tmp_path: Path) -> None:
    """A group's own output has its cards and notes and nothing of other groups."""
    path = export_group_output(filled, L2P, "Group 2", tmp_path / "g2.pdf")
    text = _pdf_text(path)
    assert "Recruiter keeps ID cards" in text and "Who holds evidence?" in text
    assert "Passports held" not in text


def test_a_red_flag_longer_than_a_page_still_exports(empty_session: WorkshopSession, tmp_path: Path) -> None:
    """A card whose text is taller than a page continues on the next page instead of failing."""
    text = "Workers describe every step of their recruitment in detail. " * 140
    boards.add_card(empty_session, L2P, text, category="deception", group="Group 1")
    path = export_document(empty_session, "board", tmp_path / "long.pdf", ExportOptions(board=L2P))
    reader = PdfReader(path)
    assert len(reader.pages) >= 3
    assert _pdf_text(path).count("Workers describe every step") >= 140
