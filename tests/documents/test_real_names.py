"""Real names in every document: no box for any glyph, every name inside its label or card, at a
size a reader sees from two metres, and no organisation printed twice."""

from __future__ import annotations

from pathlib import Path

import pytest
from checkin_raster import ink_mask, render_page
from pdf_glyphs import drawn_glyphs, notdef_glyphs
from pypdf import PdfReader

from facilitator.app import boards, guidelines, roster
from facilitator.app.checkin_documents import export_name_tags
from facilitator.app.exports import ExportOptions, export_document
from facilitator.app.session import WorkshopSession
from facilitator.documents.label_sheets import label_sheet, label_sheets
from facilitator.documents.name_tags import NAME_FLOOR
from facilitator.documents.tent_cards import NAME_FLOOR as TENT_FLOOR

#: (participant id, name, native name) as people really write them: titles with full stops, ranks,
#: brackets, dashes, digits, and a name of 60 characters.
PEOPLE = [
    (13, "Souksavanh Phommachanh", "ທ. ສົມໃຈ ພົມມະຈັນ-2 (ຮອງຫົວໜ້າ) — 1975"),
    (14, "Bounmy Keomany", "ຮ້ອຍເອກ. ບຸນມີ [ແກ້ວມະນີ] 12/3"),
    (45, "Somchai Jaidee", "พ.ต.ท. สมชาย (ใจดี) — ร.ต.อ. 12-3"),
    (5, "Sok Chanthy", "ឧ.ស.ត. សុខ-ចាន់ (២០១៩) 45."),
    (21, "Aye Aye Khaing", "ဦး.ကျော်ဇင်-ထက် (၁၂) — 7/8"),
    (1, "Dayang Nurul Huda binti Haji Ahmad Mohammad Hj. Abdullah-Rahman", ""),
]
LONG_NAME = PEOPLE[-1][1]
KINDS = [
    ("name-tags", ExportOptions()),
    ("tent-cards", ExportOptions()),
    ("signin-sheet", ExportOptions(day=1)),
    ("groups", ExportOptions()),
    ("board", ExportOptions()),
    ("guidelines", ExportOptions()),
    ("report", ExportOptions()),
]


@pytest.fixture
def named(sample_session: WorkshopSession) -> WorkshopSession:
    """The sample with native names that mix every script with punctuation and digits, a
    60-character name, and native-script red flags and key actions."""
    for participant_id, name, native in PEOPLE:
        roster.edit_participant(sample_session, participant_id, name=name, native_name=native)
    assert len(LONG_NAME) >= 60
    boards.add_card(sample_session, "labour-to-police", "ນາຍຈ້າງ ຍຶດ ໜັງສືຜ່ານແດນ (3 ຄົນ) — ທ. ສົມໃຈ",
                    category="retention-of-documents", group="Group 1")  # fmt: skip
    boards.add_card(sample_session, "police-to-labour", "ค่าจ้าง 2,500 บาท/เดือน (ไม่จ่าย) — พ.ต.ท.",
                    category="unpaid-wages", group="Group 2")  # fmt: skip
    section = guidelines.draft(sample_session).sections[0].id
    guidelines.add_action(sample_session, section, "ក្រសួង ការងារ (២០២០) — 3 ខែ", lead_agency="MOLVT-KH")
    return sample_session


@pytest.mark.parametrize(("kind", "options"), KINDS, ids=[kind for kind, _ in KINDS])
def test_no_glyph_is_a_box_in_any_document(
    named: WorkshopSession, tmp_path: Path, kind: str, options: ExportOptions
) -> None:
    """Every glyph drawn, native names and cards with . - ( ) — [ ] / and digits included, is a
    real glyph of an embedded font, never the font's .notdef box."""
    path = export_document(named, kind, tmp_path / f"{kind}.pdf", options)
    fonts = {glyph.font for glyph in drawn_glyphs(path)}
    assert notdef_glyphs(path) == []
    if kind in ("name-tags", "tent-cards", "signin-sheet"):
        assert {"NotoSansLao-Regular", "NotoSansThai-Regular", "NotoSansKhmer-Regular"} <= fonts


def _outside(image_ink: object, boxes: list[tuple[float, float, float, float]], page_height: float) -> bool:
    import numpy as np

    outside = np.array(image_ink, dtype=bool)
    for x, y, width, height in boxes:
        top = round(page_height - y - height)
        outside[top : top + round(height), round(x) : round(x + width)] = False
    return bool(outside.any())


@pytest.mark.parametrize("key", list(label_sheets()))
def test_a_60_character_name_stays_inside_its_label(named: WorkshopSession, tmp_path: Path, key: str) -> None:
    """On every sheet the 60-character name prints whole and no ink leaves the labels."""
    sheet = label_sheet(key)
    output = export_document(named, "name-tags", tmp_path / f"{key}.pdf", ExportOptions(sheet=key))
    text = " ".join(PdfReader(output).pages[0].extract_text().split())
    assert LONG_NAME in text
    boxes = [(b.x, b.y, b.width, b.height) for b in sheet.boxes()]
    ink = ink_mask(render_page(output, 0, 72))
    if sheet.cut_marks:
        # Cut marks belong in the margins: look only inside the grid of labels.
        top = round(sheet.top)
        bottom = round(sheet.top + sheet.rows * sheet.pitch_y)
        left, right = round(sheet.left), round(sheet.left + sheet.columns * sheet.pitch_x)
        grid = ink.copy()
        grid[:] = False
        grid[top:bottom, left:right] = ink[top:bottom, left:right]
        ink = grid
    assert not _outside(ink, boxes, sheet.page_height)


def test_a_60_character_name_stays_on_its_tent_card(named: WorkshopSession, tmp_path: Path) -> None:
    """The 60-character name prints whole on both faces, inside the sheet's margins, at 40 pt or more."""
    output = export_document(named, "tent-cards", tmp_path / "tents.pdf")
    reader = PdfReader(output)
    index = next(i for i, page in enumerate(reader.pages) if "Dayang" in page.extract_text())
    assert " ".join(reader.pages[index].extract_text().split()).count(LONG_NAME) == 2
    ink = ink_mask(render_page(output, index, 72))
    height, width = ink.shape
    margin = round(0.04 * width)
    assert not ink[:, :margin].any() and not ink[:, width - margin :].any()
    assert not ink[:4].any() and not ink[height - 4 :].any()
    sizes = _name_sizes(output, index, "Dayang")
    assert sizes and min(sizes) >= TENT_FLOOR


def _name_sizes(path: Path, index: int, word: str) -> list[float]:
    """Font sizes (in points on the page) of the text runs that contain ``word``."""
    sizes: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if word in text:
            sizes.append(abs(size * tm[3] * cm[3]))

    PdfReader(path).pages[index].extract_text(visitor_text=visit)
    return sizes


@pytest.mark.parametrize(("key", "pretix"), [("avery-l4785", 12.0), ("avery-5395", 12.15)])
def test_names_are_at_least_as_large_as_pretix_prints_them(
    sample_session: WorkshopSession, tmp_path: Path, key: str, pretix: float
) -> None:
    """Every sample name on L4785 and 5395 is set at the 18 pt floor or more, larger than the
    12 pt pretix prints on labels of these widths."""
    output = export_document(sample_session, "name-tags", tmp_path / f"{key}.pdf", ExportOptions(sheet=key))
    sizes = []
    for person in roster.participants(sample_session)[: label_sheet(key).per_page]:
        sizes += _name_sizes(output, 0, person.name.split()[0])
    assert sizes and min(sizes) >= NAME_FLOOR > pretix


def test_an_organisation_named_like_its_delegation_prints_once(
    sample_session: WorkshopSession, tmp_path: Path
) -> None:
    """A badge whose organisation is its delegation's name says it once."""
    roster.edit_participant(
        sample_session, 1, delegation="ASEAN Secretariat", organisation="ASEAN Secretariat"
    )
    output = export_name_tags(sample_session, tmp_path / "t.pdf", ExportOptions(), participant_ids=[1])
    assert PdfReader(output).pages[0].extract_text().count("ASEAN Secretariat") == 1


@pytest.mark.parametrize("kind", ["name-tags", "signin-sheet"])
def test_native_names_copy_and_search_exactly(named: WorkshopSession, tmp_path: Path, kind: str) -> None:
    """A PDF viewer's text (PDFium's, as in Chrome) holds every native name exactly as typed:
    shaped runs carry their text as ActualText, since their glyphs alone do not spell it."""
    import pypdfium2 as pdfium

    path = export_document(named, kind, tmp_path / f"{kind}.pdf", ExportOptions(day=1))
    document = pdfium.PdfDocument(str(path))
    try:
        text = " ".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()
    # Lines may wrap inside a long native name; compare without white space.
    squashed = "".join(text.split())
    for _, _, native in PEOPLE:
        if native:
            assert "".join(native.split()) in squashed, native
