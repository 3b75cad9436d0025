"""Pages keep their context: continued tables say what they continue, headings never end a page,
no row is left alone, and empty group-note pages are left out."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from facilitator.app import board_setup, boards
from facilitator.app.exports import ExportOptions, export_document
from facilitator.app.session import WorkshopSession
from facilitator.documents.pdf import DocumentInfo, build_document, styles
from facilitator.documents.tables import Headed, Row, SectionTable
from facilitator.documents.textblock import para

L2P = "labour-to-police"
INFO = DocumentInfo("T", "Organiser", "Subject")


def _pages(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def test_a_category_that_runs_over_a_page_says_it_continues(
    empty_session: WorkshopSession, tmp_path: Path
) -> None:
    """Every page a long "Debt bondage" runs onto repeats the heading row and says "Debt bondage
    (continued)", and holds at least two of its red flags."""
    for index in range(40):
        boards.add_card(empty_session, L2P, f"Debt grows every month, case {index:02d}: workers cannot leave "
                        "until it is repaid.", category="debt-bondage", group="Group 1")  # fmt: skip
    path = export_document(empty_session, "board", tmp_path / "b.pdf", ExportOptions(board=L2P))
    everything = _pages(path)
    group_start = next(i for i, page in enumerate(everything) if "Group 1 — Labour to police" in page)
    pages = everything[:group_start]
    assert len(pages) >= 3
    for page in pages[1:]:
        assert "Debt bondage (continued)" in page
        assert "Red flag Evidence to identify and secure Refer to Votes Raised by" in page
        assert page.count("Debt grows") >= 2
    assert pages[0].count("Debt grows") >= 2
    assert all(
        "Group 1 — Labour to police: cards (continued)" in page for page in everything[group_start + 1 :]
    )


def _filler(lines: int) -> list[object]:
    return [
        para(f"Filler line {n} that takes up room on the first page.", styles()["body"]) for n in range(lines)
    ]


def test_a_heading_is_never_the_last_line_of_a_page(tmp_path: Path) -> None:
    """Whatever room is left at the foot of a page, a heading lands on the page of the table's
    first two rows."""
    header = [para(h, styles()["cell_bold"]) for h in ("Group", "Members")]
    for lines in range(34, 44):
        rows = [
            Row([para(f"Row {n}", styles()["cell"]), para("Someone", styles()["cell"])]) for n in range(8)
        ]
        table = SectionTable(header, rows, [100, 300], title="Breakout 1")
        story = [*_filler(lines), Headed([para("Breakout 1 heading", styles()["h2"])], table)]
        pages = _pages(build_document(tmp_path / f"h{lines}.pdf", story, title="T", info=INFO))
        heading_page = next(i for i, page in enumerate(pages) if "Breakout 1 heading" in page)
        assert "Row 0" in pages[heading_page] and "Row 1" in pages[heading_page], lines


def test_no_table_row_is_left_alone_on_either_side_of_a_page_break(tmp_path: Path) -> None:
    """Splitting a table never leaves a single row at the foot of a page or at the top of the next."""
    header = [para(h, styles()["cell_bold"]) for h in ("No.", "Name")]
    for lines in range(30, 46):
        rows = [
            Row([para(str(n), styles()["cell"]), para(f"Person {n:02d}", styles()["cell"])])
            for n in range(12)
        ]
        story = [*_filler(lines), SectionTable(header, rows, [60, 300], title="Participants")]
        pages = _pages(build_document(tmp_path / f"r{lines}.pdf", story, title="T", info=INFO))
        counts = [page.count("Person ") for page in pages if "Person " in page]
        assert sum(counts) == 12 and min(counts) >= 2, (lines, counts)
        if len(counts) > 1:
            assert "Participants (continued)" in next(p for p in pages[1:] if "Person " in p)


def test_group_pages_leave_out_empty_notes_and_groups_with_nothing(
    empty_session: WorkshopSession, tmp_path: Path
) -> None:
    """A group with cards but no notes gets no empty note headings; a group with notes shows them;
    a group that only opened its notes page and wrote nothing gets no page."""
    boards.add_card(empty_session, L2P, "Passports held", category="retention-of-documents", group="Group 1")
    board_setup.save_group_notes(empty_session, L2P, "Group 2", summary="Debt is the strongest sign.")
    board_setup.save_group_notes(empty_session, L2P, "Group 3", summary="", disagreements="", questions="")
    pages = _pages(export_document(empty_session, "board", tmp_path / "g.pdf", ExportOptions(board=L2P)))
    group_one = next(page for page in pages if "Group 1 — Labour to police" in page)
    group_two = next(page for page in pages if "Group 2 — Labour to police" in page)
    assert "Discussion summary" not in group_one and "Points of disagreement" not in group_one
    assert "Discussion summary Debt is the strongest sign." in group_two
    assert "Points of disagreement" not in group_two
    assert not any("Group 3 — Labour to police" in page for page in pages)
