"""A table row too tall for one page is cut inside, and its continuation says so.

The rest of the row opens the next page under the heading row and a "(continued)" line naming
its table or section, so a reader knows the row goes on; no word of it is lost or printed twice.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from pypdf import PdfReader

from facilitator.app import boards
from facilitator.app.changes import ROSTER
from facilitator.app.exports import ExportOptions, export_document
from facilitator.app.session import WorkshopSession

L2P = "labour-to-police"
_WORD = re.compile(r"w\d{4}")


def _long_text(size: int) -> str:
    """About ``size`` characters of numbered words, each of which appears once."""
    return " ".join(f"w{n:04d}" for n in range(size // 6))


def _pages(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def _check_cut_row(pages: list[str], text: str) -> None:
    """The row's words are each printed once, over at least two pages; every page after the first
    says "(continued)" above the first of them."""
    words = Counter(word for page in pages for word in _WORD.findall(page))
    assert words == Counter(text.split())
    holding = [page for page in pages if _WORD.search(page)]
    assert len(holding) >= 2
    for page in holding[1:]:
        first = _WORD.search(page)
        assert first is not None
        assert "(continued)" in page[: first.start()]


def test_a_key_action_longer_than_a_page_continues_under_a_continued_line(
    sample_session: WorkshopSession, tmp_path: Path
) -> None:
    """A key action of 6,000 characters in the guidelines PDF runs onto the next page under
    "… key actions (continued)", every word of it once."""
    text = _long_text(6000)
    with sample_session.action("Long key action", [ROSTER]) as conn:
        conn.execute(
            "UPDATE guidelines_actions SET action = ? WHERE id = (SELECT min(id) FROM guidelines_actions)",
            (text,),
        )
    path = export_document(sample_session, "guidelines", tmp_path / "g.pdf", ExportOptions())
    pages = _pages(path)
    _check_cut_row(pages, text)
    assert any("key actions (continued)" in page for page in pages)


def test_a_red_flag_longer_than_a_page_continues_under_a_continued_line(
    empty_session: WorkshopSession, tmp_path: Path
) -> None:
    """A card of 5,000 characters is cut in the board PDF's matrix and in its group's cards, each
    continuation under a "(continued)" line, every word once in each."""
    text = _long_text(5000)
    boards.add_card(empty_session, L2P, text, category="debt-bondage", group="Group 1")
    path = export_document(empty_session, "board", tmp_path / "b.pdf", ExportOptions(board=L2P))
    pages = _pages(path)
    group_start = next(i for i, page in enumerate(pages) if "Group 1 — Labour to police" in page)
    _check_cut_row(pages[:group_start], text)
    _check_cut_row(pages[group_start:], text)
    assert any("Debt bondage (continued)" in page for page in pages[:group_start])
