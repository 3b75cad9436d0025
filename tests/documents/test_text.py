"""Shared text drawing: a font for every cluster, ICU line breaks, Latin text found letter for letter."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from icu4py.breakers import LineBreaker
from pdf_glyphs import drawn_glyphs, notdef_glyphs
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from facilitator.documents.linebreak import fill_lines
from facilitator.documents.pdf import DocumentInfo, build_document, styles
from facilitator.documents.text import draw_line, font_runs, shape_text
from facilitator.documents.textblock import TextBlock, para

INFO = DocumentInfo("T", "Organiser", "Subject")

#: Names that mix each script with the punctuation and digits real rosters hold.
MIXED_NAMES = {
    "lao": "ທ. ສົມໃຈ (ພົມມະຈັນ) — ຮ້ອຍເອກ-2 [ທ່ານ] 1975",
    "thai": "พ.ต.ท. สมชาย (ใจดี) — ร.ต.อ. 12-3 [ผกก.]",
    "khmer": "ឧ.ស.ត. សុខ-ចាន់ (២០១៩) — 45",
    "myanmar": "ဦး.ကျော်ဇင်-ထက် (၁၂) — 7/8",
}


@pytest.mark.parametrize("script", list(MIXED_NAMES))
def test_no_box_in_names_mixing_scripts_with_punctuation_and_digits(tmp_path: Path, script: str) -> None:
    """Every glyph of a native name with . - ( ) — [ ] and digits is a real glyph, not .notdef."""
    path = tmp_path / "mixed.pdf"
    canvas = Canvas(str(path))
    draw_line(canvas, 20, 700, MIXED_NAMES[script], 14)
    canvas.save()
    glyphs = drawn_glyphs(path)
    assert len(glyphs) >= len(MIXED_NAMES[script].replace(" ", "")) // 2
    assert notdef_glyphs(path) == []


def test_each_cluster_takes_the_first_font_that_has_it() -> None:
    """The Thai full stop and bracket come from Noto Sans, the letters from the Thai font; symbols
    from the symbol fonts."""
    runs = font_runs("พ.ต.ท. (ใจดี) ✓ ♀ ≥")
    fonts = {text: font for font, text in runs}
    assert fonts["พ"] == "NotoSansThai" and fonts["."] == "NotoSans"
    assert any(font == "NotoSansSymbols2" and "✓" in text for font, text in runs)
    assert any(font == "NotoSansSymbols" and "♀" in text for font, text in runs)
    assert any(font == "NotoSansMath" and "≥" in text for font, text in runs)


def test_latin_text_extracts_without_ligatures(tmp_path: Path) -> None:
    """'staff', 'office' and Vietnamese diacritics (even typed decomposed) come out of the PDF as typed."""
    path = build_document(
        tmp_path / "t.pdf",
        [para("Provincial staff office, Nguye\u0302\u0303n Thị Thu Hà & <co>", styles()["body"])],
        title="T",
        info=INFO,
    )
    text = PdfReader(path).pages[0].extract_text()
    assert "Provincial staff office" in text
    assert "Nguyễn Thị Thu Hà & <co>" in text


def _icu_breaks(text: str) -> set[int]:
    positions, offset = set(), 0
    for segment in LineBreaker(text, "en"):
        offset += len(segment)
        positions.add(offset)
    return positions


@pytest.mark.parametrize(
    "text",
    [
        "ผู้กำกับการสถานีตำรวจภูธรเมืองเชียงใหม่ประสานงานกับสำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัด",
        "ພະແນກແຮງງານແລະສະຫວັດດີການສັງຄົມແຂວງຫລວງພະບາງປະສານງານກັບກົມຕຳຫລວດ",
    ],
)
def test_thai_and_lao_paragraphs_break_only_where_icu_allows(text: str) -> None:
    """Every line of a narrow Thai or Lao paragraph ends at a break ICU's dictionary allows."""
    block = TextBlock([], styles()["body"])
    allowed = _icu_breaks(text)
    starts = [0, *sorted(allowed)]
    widest = max(shape_text(text[a:b]).width(10) for a, b in itertools.pairwise(starts))
    lines = fill_lines(text, lambda a, b: shape_text(text[a:b]).width(10), widest + 1)
    assert len(lines) >= 4
    assert all(end in allowed for _, end in lines[:-1])
    assert "".join(text[a:b] for a, b in lines) == text
    assert block.text == ""


def test_hyphenated_names_keep_their_hyphen_whatever_the_width(tmp_path: Path) -> None:
    """'Villanueva-Santos' stays whole in the PDF text at any width, and no hyphen is added."""
    name = "Ana Liza Villanueva-Santos dela Cruz-Reyes"
    story = [para(name, styles()["cell"]) for _ in range(1)]
    path = build_document(tmp_path / "h.pdf", story, title="T", info=INFO)
    assert "Villanueva-Santos" in PdfReader(path).pages[0].extract_text()
    for width in range(40, 260, 7):
        lines = fill_lines(name, lambda a, b: shape_text(name[a:b]).width(9), width)
        joined = "".join(name[a:b] + (" " if name[b : b + 1] == " " else "") for a, b in lines)
        assert joined.strip() == name
        assert all(not name[a:b].endswith("-") or name[b - 1] == "-" for a, b in lines)
