"""The workshop report PDF read back: cover, contents with real page numbers, chapters, empty case."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pypdf

from facilitator.app.exports import ExportOptions, export_document


def _pages(path: Path) -> list[str]:
    """Each page's text as a reader sees it: ligatures (ﬁ, ﬂ, ﬃ) back to letters, spaces collapsed."""
    return [
        " ".join(unicodedata.normalize("NFKC", p.extract_text()).split()) for p in pypdf.PdfReader(path).pages
    ]


def test_report_pdf_has_cover_contents_and_every_chapter(sample_session, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The cover names the workshop, and each contents line points at the page of its chapter."""
    progress: list[tuple[int, int]] = []
    path = export_document(
        sample_session,
        "report",
        tmp_path / "r.pdf",
        ExportOptions(progress=lambda d, t: progress.append((d, t))),
    )
    pages = _pages(path)
    assert pages[0].startswith("Workshop report Workshop on Strengthening Capacity")
    assert "Luang Prabang, Lao PDR, 27–28 May 2019" in pages[0]
    assert "Participants registered 65 (36 women), besides 3 staff and drivers" in pages[0]
    contents = pages[1]
    titles = [
        "1. Objectives",
        "2. Agenda: planned and actual",
        "3. Attendance",
        "4. Breakout groups",
        "5. Consolidated referral matrix",
        "6. Guidelines draft",
        "Annex: Outputs of each group",
    ]
    numbers = [int(n) for n in re.findall(r"(?:\. )+(\d+)", contents)]
    assert len(numbers) == len(titles)
    for title, number in zip(titles, numbers, strict=True):
        assert title in contents
        assert title in pages[number - 1]
    text = " ".join(pages)
    assert "6.7.1 Share the list of licensed" in text
    assert "DRAFT" not in text
    assert progress and progress[-1][0] == len(pages)


def test_empty_workshop_report_is_short_and_says_so(empty_session, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A workshop with no data yet gives a short report whose chapters each say what is missing."""
    pages = _pages(export_document(empty_session, "report", tmp_path / "r.pdf"))
    text = " ".join(pages)
    assert len(pages) <= 5
    for sentence in (
        "No participants are registered.",
        "The guidelines draft has no text or key actions yet.",
        "No group outputs were recorded.",
    ):
        assert sentence in text
