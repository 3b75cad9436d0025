"""Shared text drawing: script runs, and Latin text that search and copy find letter for letter."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from facilitator.documents.pdf import build_document, styles
from facilitator.documents.text import para, script_runs


def test_runs_change_only_at_word_boundaries() -> None:
    """Punctuation joins its word's script; spaces join the run before them."""
    assert script_runs("ศิริพร วงศ์สกุล (Siriporn)") == [("thai", "ศิริพร วงศ์สกุล "), ("latin", "(Siriporn)")]
    assert script_runs("Souksavanh ສຸກສະຫວັນ, 12") == [("latin", "Souksavanh "), ("lao", "ສຸກສະຫວັນ, 12")]


def test_latin_text_extracts_without_ligatures(tmp_path: Path) -> None:
    """'staff', 'office' and Vietnamese diacritics (even typed decomposed) come out of the PDF as typed."""
    path = build_document(
        tmp_path / "t.pdf",
        [para("Provincial staff office, Nguye\u0302\u0303n Thị Thu Hà & <co>", styles()["body"])],
        title="T",
    )
    text = PdfReader(path).pages[0].extract_text()
    assert "Provincial staff office" in text
    assert "Nguyễn Thị Thu Hà & <co>" in text
