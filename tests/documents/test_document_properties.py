"""Every document says what it is: title, author, subject, language, date, bookmarks, embedded fonts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from facilitator.app import boards
from facilitator.app.exports import ExportOptions, export_document
from facilitator.app.session import WorkshopSession

HOST = "Ministry of Labour and Social Welfare, Lao PDR, under the ASEAN Committee on Migrant Workers (ACMW)"
KINDS = [
    ("name-tags", ExportOptions()),
    ("tent-cards", ExportOptions()),
    ("signin-sheet", ExportOptions(day=1)),
    ("attendance", ExportOptions()),
    ("agenda", ExportOptions()),
    ("groups", ExportOptions()),
    ("board", ExportOptions()),
    ("guidelines", ExportOptions()),
    ("report", ExportOptions()),
]


def _outline_titles(reader: PdfReader) -> list[str]:
    titles: list[str] = []

    def walk(items: list[object]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(str(item.title))  # type: ignore[attr-defined]

    walk(reader.outline)
    return titles


@pytest.mark.parametrize(("kind", "options"), KINDS, ids=[kind for kind, _ in KINDS])
def test_every_pdf_names_its_issuer_and_embeds_every_font(
    sample_session: WorkshopSession, tmp_path: Path, kind: str, options: ExportOptions
) -> None:
    """Title, author (the host, not the program), subject, language and creation date are set, and
    every font is embedded (no unembedded Helvetica)."""
    boards.add_card(sample_session, "labour-to-police", "Passports kept", category="retention-of-documents")
    reader = PdfReader(export_document(sample_session, kind, tmp_path / f"{kind}.pdf", options))
    meta = reader.metadata
    assert meta is not None
    assert meta.author == HOST
    assert meta.title and "Labour and police cooperation against forced labour" in meta.title
    assert meta.subject and meta.subject.startswith("Workshop on Strengthening Capacity")
    assert meta.creation_date is not None and meta.creation_date.date() == date.today()
    assert str(reader.trailer["/Root"]["/Lang"]) == "en-GB"
    for page in reader.pages:
        for font in page["/Resources"].get_object().get("/Font", {}).values():
            descriptor = font.get_object().get("/FontDescriptor")
            assert descriptor is not None and "/FontFile2" in descriptor.get_object()


def test_report_has_bookmarks_for_every_chapter_round_and_group(
    sample_session: WorkshopSession, tmp_path: Path
) -> None:
    """The outline holds each chapter, and in the annex each round and each of its groups."""
    boards.add_card(sample_session, "labour-to-police", "Passports kept", group="Group 2")
    reader = PdfReader(export_document(sample_session, "report", tmp_path / "r.pdf"))
    titles = _outline_titles(reader)
    for chapter in ("1. Objectives", "3. Attendance", "6. Guidelines draft", "Annex: Outputs of each group"):
        assert chapter in titles
    assert "Breakout 1" in titles and "Breakout 1: Group 2" in titles
    assert "Key actions: Group 1" in titles
    links = [
        annotation.get_object()
        for annotation in reader.pages[1].get("/Annots", [])
        if annotation.get_object().get("/Subtype") == "/Link"
    ]
    targets = {reader.get_page_number(link["/Dest"][0].get_object()) for link in links}
    assert len(links) >= 7 and len(targets) >= 5
    texts = [page.extract_text() for page in reader.pages]
    attendance = next(i for i, text in enumerate(texts) if i > 1 and "3. Attendance" in text)
    assert attendance in targets


def test_guidelines_and_group_lists_have_bookmarks(sample_session: WorkshopSession, tmp_path: Path) -> None:
    """Each guidelines section and each round and group of the group lists is a bookmark."""
    guidelines = _outline_titles(PdfReader(export_document(sample_session, "guidelines", tmp_path / "g.pdf")))
    assert "1. Purpose and scope" in guidelines and "9. Follow-up" in guidelines
    lists = _outline_titles(PdfReader(export_document(sample_session, "groups", tmp_path / "l.pdf")))
    assert {"Breakout 1", "Breakout 2", "Breakout 3"} <= set(lists)
    assert lists.count("Group 1") == 3


def test_word_draft_matches_the_pdf_and_carries_todays_date(
    sample_session: WorkshopSession, tmp_path: Path
) -> None:
    """Word styles use Noto Sans at the PDF's sizes for every script (complex-script size too), a
    Lao key action names Noto Sans Lao at the size of its neighbours, and the properties carry the
    host and today's date."""
    from facilitator.app import guidelines

    section = guidelines.draft(sample_session).sections[0].id
    guidelines.add_action(
        sample_session, section, "ແຂວງ ຫລວງພະບາງ (ທ. ສົມໃຈ) coordinates", lead_agency="MOLSW"
    )
    document = docx.Document(str(export_document(sample_session, "guidelines", tmp_path / "g.docx")))
    properties = document.core_properties
    assert properties.author == HOST and properties.last_modified_by == HOST
    assert properties.created is not None and properties.created.date() == date.today()
    for name, size in (("Normal", 20), ("Heading 1", 30), ("Title", 40)):
        r_pr = document.styles[name].element.rPr
        assert r_pr.find(qn("w:rFonts")).get(qn("w:ascii")) == "Noto Sans"
        assert r_pr.find(qn("w:sz")).get(qn("w:val")) == str(size)
        assert r_pr.find(qn("w:szCs")).get(qn("w:val")) == str(size)
    runs = [
        run for table in document.tables for cell in table._cells for p in cell.paragraphs for run in p.runs
    ]
    lao = [run for run in runs if "ຫລວງພະບາງ" in run.text]
    latin = [run for run in runs if "coordinates" in run.text]
    assert lao and latin
    lao_props, latin_props = lao[0]._r.rPr, latin[0]._r.rPr
    assert lao_props.find(qn("w:rFonts")).get(qn("w:cs")) == "Noto Sans Lao"
    assert (
        lao_props.find(qn("w:szCs")).get(qn("w:val")) == latin_props.find(qn("w:sz")).get(qn("w:val")) == "18"
    )
