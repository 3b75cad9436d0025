"""Name tags as printed: codes a scanner reads, labels where the sheet has them, every name."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from checkin_raster import crop_points, decode_one, ink_mask, render_page
from pypdf import PdfReader

from facilitator.app import checkin, roster
from facilitator.app.checkin_documents import export_name_tags
from facilitator.app.exports import ExportOptions
from facilitator.app.session import WorkshopSession
from facilitator.core.checkin_codes import verify_code
from facilitator.core.participants import Participant
from facilitator.documents.label_sheets import label_sheet, label_sheets
from facilitator.documents.name_tags import band_of

DPI = 200


def _order(session: WorkshopSession) -> list[int]:
    """Participant ids in the order badges are printed (by delegation, as on the sign-in sheet)."""
    from facilitator.core.statistics import roster_statistics

    people = roster.participants(session)
    order = {code: i for i, code in enumerate(roster_statistics(people).by_delegation)}
    return [p.id for p in sorted(people, key=lambda p: order[p.delegation])]


@pytest.mark.parametrize("key", list(label_sheets()))
def test_every_code_on_every_sheet_scans_inside_its_label(
    sample_session: WorkshopSession, tmp_path: Path, key: str
) -> None:
    """At 200 dpi every badge's QR code, on every page, reads from its own label's bottom-right
    corner and verifies as that participant's (the fixed mask is checked on all 68 codes)."""
    sheet = label_sheet(key)
    output = export_name_tags(sample_session, tmp_path / f"{key}.pdf", ExportOptions(sheet=key))
    secret = checkin.ensure_secret(sample_session)
    order = _order(sample_session)
    for page in range(-(-len(order) // sheet.per_page)):
        image = render_page(output, page, DPI)
        assert image.shape == (round(sheet.page_height * DPI / 72), round(sheet.page_width * DPI / 72))
        for index, participant_id in enumerate(order[page * sheet.per_page : (page + 1) * sheet.per_page]):
            box = sheet.box(index)
            corner = crop_points(
                image, sheet.page_height, box.x + box.width / 2, box.y, box.width / 2, box.height / 2, DPI
            )
            assert verify_code(decode_one(corner), "LPB2019", secret).participant_id == participant_id


@pytest.mark.parametrize("key", list(label_sheets()))
def test_nothing_is_printed_outside_the_labels_but_cut_marks(
    sample_session: WorkshopSession, tmp_path: Path, key: str
) -> None:
    """All ink lies inside label rectangles; only sheets with cut marks print in the margins."""
    sheet = label_sheet(key)
    output = export_name_tags(sample_session, tmp_path / f"{key}.pdf", ExportOptions(sheet=key))
    image = render_page(output, 0, 72)
    outside = ink_mask(image)
    for box in sheet.boxes():
        top = round(sheet.page_height - box.y - box.height)
        outside[top : top + round(box.height), round(box.x) : round(box.x + box.width)] = False
    assert bool(outside.any()) == sheet.cut_marks


def test_cut_marks_can_be_turned_on_for_any_sheet(sample_session: WorkshopSession, tmp_path: Path) -> None:
    """Cut marks are optional: asked for on an Avery sheet, they appear in its margins."""
    output = export_name_tags(
        sample_session, tmp_path / "marks.pdf", ExportOptions(sheet="avery-l4785"), cut_marks=True
    )
    image = render_page(output, 0, 72)
    sheet = label_sheet("avery-l4785")
    left_margin = ink_mask(image)[:, : round(sheet.left) - 1]
    assert left_margin.sum() > 0


def test_every_name_is_on_the_badges(sample_session: WorkshopSession, tmp_path: Path) -> None:
    """Every participant's name and delegation is printed, on 12 pages of six Avery 5392 badges."""
    output = export_name_tags(sample_session, tmp_path / "tags.pdf", ExportOptions(sheet="avery-5392"))
    reader = PdfReader(output)
    assert len(reader.pages) == 12
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    for person in roster.participants(sample_session):
        assert person.name in text
        assert person.delegation_name in text


def test_one_walk_in_badge(sample_session: WorkshopSession, tmp_path: Path) -> None:
    """A single badge for one person prints on one page, in the first label."""
    output = export_name_tags(
        sample_session, tmp_path / "one.pdf", ExportOptions(sheet="avery-5392"), participant_ids=[40]
    )
    reader = PdfReader(output)
    assert len(reader.pages) == 1
    assert "Phạm Thị Lan Anh" in reader.pages[0].extract_text()
    assert decode_one(render_page(output, 0, DPI)) == checkin.participant_code(sample_session, 40)


def test_long_names_shrink_to_fit_their_label(sample_session: WorkshopSession, tmp_path: Path) -> None:
    """A very long name stays inside its label: no ink spills outside the label rectangles."""
    roster.edit_participant(
        sample_session, 1, name="Dayang Nurul Huda binti Haji Ahmad Mohammad Hj. Abdullah"
    )
    output = export_name_tags(sample_session, tmp_path / "long.pdf", ExportOptions(sheet="avery-l4785"))
    assert "Dayang Nurul Huda binti" in " ".join(PdfReader(output).pages[0].extract_text().split())
    sheet = label_sheet("avery-l4785")
    image = render_page(output, 0, 72)
    outside = ink_mask(image)
    for box in sheet.boxes():
        top = round(sheet.page_height - box.y - box.height)
        outside[top : top + round(box.height), round(box.x) : round(box.x + box.width)] = False
    assert not outside.any()


def test_band_by_role_then_sector() -> None:
    """Resource persons and organisers are named by role; others by sector; unknown is generic."""
    assert band_of(Participant(1, "A", sector="labour", role="resource")).label == "RESOURCE PERSON"
    assert band_of(Participant(1, "A", sector="law-enforcement")).label == "LAW ENFORCEMENT"
    assert band_of(Participant(1, "A")).label == "PARTICIPANT"
    colours = {
        band_of(Participant(1, "A", sector=s)).colour
        for s in ("labour", "law-enforcement", "asean", "partner")
    }
    assert len(colours) == 4


def test_band_colour_is_printed(sample_session: WorkshopSession, tmp_path: Path) -> None:
    """The first badge (a labour official) carries the labour band's green."""
    output = export_name_tags(sample_session, tmp_path / "tags.pdf", ExportOptions(sheet="avery-5392"))
    document = pdfium.PdfDocument(str(output))
    try:
        rgb = document[0].render(scale=1).to_numpy()[..., :3]
    finally:
        document.close()
    sheet = label_sheet("avery-5392")
    box = sheet.box(0)
    band_y = round(sheet.page_height - box.y - box.height * 0.12)
    band_x = round(box.x + box.width * 0.5)
    b, g, r = (int(v) for v in rgb[band_y, band_x])
    assert (r, g, b) == (0x1B, 0x7F, 0x5A)
