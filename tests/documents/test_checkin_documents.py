"""Tent cards, sign-in sheets and the attendance report, read back as a reader or scanner would."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import numpy as np
from checkin_raster import decode_column, ink_mask, render_page
from openpyxl import load_workbook
from pypdf import PdfReader

from facilitator.app import checkin, roster
from facilitator.app.checkin_documents import (
    export_attendance,
    export_signin_sheet,
    export_tent_cards,
)
from facilitator.app.exports import ExportOptions
from facilitator.app.session import WorkshopSession
from facilitator.core.statistics import roster_statistics
from facilitator.documents.signin import _WIDTHS


def _pages_text(path: Path) -> list[str]:
    """Each page's text, with compatibility characters folded (ligatures back to letters)."""
    return [unicodedata.normalize("NFKC", page.extract_text()) for page in PdfReader(path).pages]


def test_tent_cards_one_folded_page_per_person(sample_session: WorkshopSession, tmp_path: Path) -> None:
    """A landscape page per person; the name is on both halves, the upper one upside down."""
    output = export_tent_cards(sample_session, tmp_path / "tents.pdf", ExportOptions())
    reader = PdfReader(output)
    assert len(reader.pages) == 68
    first = reader.pages[0]
    assert float(first.mediabox.width) > float(first.mediabox.height)
    assert _pages_text(output)[0].count("Nurul Huda Ahmad") == 2
    ink = ink_mask(render_page(output, 0, 144))
    half = ink.shape[0] // 2
    size = half - 3
    lower, upper_turned = ink[-size:], np.flip(ink[:size], (0, 1))
    overlap = (lower & upper_turned).sum() / (lower | upper_turned).sum()
    assert overlap > 0.9


def test_signin_sheet_lists_everyone_by_delegation_with_codes(
    sample_session: WorkshopSession, tmp_path: Path
) -> None:
    """Every name appears once in delegation order, the header repeats, and each row's QR reads."""
    output = export_signin_sheet(sample_session, tmp_path / "signin.pdf", ExportOptions(day=2))
    pages = _pages_text(output)
    assert all("Signature" in page and "No." in page for page in pages)
    assert "Day 2 – Tuesday 28 May 2019" in pages[0]
    text = " ".join(" ".join(page.split()) for page in pages)
    positions = [text.find(p.name) for p in roster.participants(sample_session)]
    assert all(position >= 0 for position in positions)
    brunei, viet_nam, ilo = (
        text.find(name) for name in ("Nurul Huda Ahmad", "Trần Văn Minh", "Helena Brandt")
    )
    assert brunei < viet_nam < ilo
    left = round((42 + sum(_WIDTHS[:5]) + 2) * 200 / 72)
    right = round((42 + sum(_WIDTHS[:6]) - 2) * 200 / 72)
    codes = [
        code
        for page in range(len(pages))
        for code in decode_column(render_page(output, page, 200), left, right)
    ]
    assert codes == [
        checkin.participant_code(sample_session, pid) for pid in _delegation_order(sample_session)
    ]


def _delegation_order(session: WorkshopSession) -> list[int]:
    people = roster.participants(session)
    order = {code: i for i, code in enumerate(roster_statistics(people).by_delegation)}
    return [p.id for p in sorted(people, key=lambda p: order[p.delegation])]


def _check_in_sample(session: WorkshopSession) -> None:
    """Day 1: all of Brunei and Cambodia's two men; day 2: nobody."""
    for participant_id in (1, 2, 3, 4, 6, 8):
        checkin.check_in_participant(session, participant_id, 1)


def test_attendance_pdf_flags_delegations_under_target(
    sample_session: WorkshopSession, tmp_path: Path
) -> None:
    """Cambodia (two men present) is flagged; Brunei (two of four women) is not; day 2 is empty;
    the three provincial staff (one a driver) are not counted as participants."""
    _check_in_sample(sample_session)
    output = export_attendance(sample_session, tmp_path / "attendance.pdf", ExportOptions())
    text = " ".join(" ".join(page.split()) for page in _pages_text(output))
    assert "6 of 65 registered participants attended: 2 women, 4 men" in text
    assert "Registered: people on the roster in the group." in text
    assert "Present: women Present: men" in text and "Women's share of those present" in text
    assert "Provincial staff" not in text
    assert "Cambodia 4 0 2 0 2 0% under 50%" in text
    assert "Brunei Darussalam 4 2 2 0 4 50%" in text
    assert "Delegations under the 50% women's target on this day: Cambodia." in text
    assert "Day 2 – Tuesday 28 May 2019 No check-ins were recorded on this day." in text


def test_attendance_xlsx_has_the_same_numbers(sample_session: WorkshopSession, tmp_path: Path) -> None:
    """The workbook has a sheet per day with the delegation and sector tables."""
    _check_in_sample(sample_session)
    output = export_attendance(sample_session, tmp_path / "attendance.xlsx", ExportOptions(day=1))
    book = load_workbook(output)
    assert book.sheetnames == ["Day 1"]
    rows = list(book["Day 1"].iter_rows(values_only=True))
    cambodia = next(row for row in rows if row[0] == "Cambodia")
    assert cambodia == ("Cambodia", 4, 0, 2, 0, 2, 0, "under 50%")
    labour = next(row for row in rows if row[0] == "Labour")
    assert labour[:6] == ("Labour", 20, 1, 2, 0, 3)
    totals = [row for row in rows if row[0] == "Total"]
    assert [row[5] for row in totals] == [6, 6]


def test_attendance_counts_a_walk_in(sample_session: WorkshopSession, tmp_path: Path) -> None:
    """A walk-in is both registered and present in the report."""
    checkin.register_walk_in(sample_session, 1, name="Malee Chanthavong", sex="F", delegation="LA")
    output = export_attendance(sample_session, tmp_path / "a.pdf", ExportOptions(day=1))
    text = " ".join(" ".join(page.split()) for page in _pages_text(output))
    assert "1 of 66 registered participants attended" in text
    assert "Lao PDR 5 1 0 0 1 100%" in text
