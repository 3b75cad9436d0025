"""The guidelines draft read back as a reader would: PDF text via pypdf, DOCX via python-docx."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

import docx
import pypdf

from facilitator.app import guidelines
from facilitator.app.exports import ExportOptions, export_document


def _pages(path: Path) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(path).pages]


def _squash(text: str) -> str:
    """Text as a reader sees it: shaped ligatures (ﬁ, ﬂ, ﬃ) back to letters, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def test_pdf_is_marked_draft_on_every_page_with_version_and_date(sample_session, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Every page carries DRAFT; the first names the version, its date and the status counts."""
    guidelines.new_version(sample_session, "After plenary", today=date(2019, 5, 28))
    pages = _pages(export_document(sample_session, "guidelines", tmp_path / "g.pdf"))
    assert len(pages) >= 3
    assert all("DRAFT" in page for page in pages)
    first = _squash(pages[0])
    assert "Draft v0.2 of 28 May 2019" in first
    assert "11 key actions: 8 proposed, 2 agreed, 1 deferred." in first
    assert "After plenary" in first


def test_pdf_contents_gives_the_page_each_section_starts_on(sample_session, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """reportlab's contents lists every section, dotted to the page its heading really is on."""
    pages = [_squash(p) for p in _pages(export_document(sample_session, "guidelines", tmp_path / "g.pdf"))]
    numbers = [int(n) for n in re.findall(r"(?:\. )+(\d+)", pages[0])]
    assert len(numbers) == 10
    for number, title in ((1, "Purpose and scope"), (9, "Follow-up"), (10, "Manila recommendations cited")):
        assert f"{number}. {title}" in pages[0]
        assert f"{number}. {title}" in pages[numbers[number - 1] - 1]


def test_pdf_key_action_tables_hold_every_field(sample_session, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A key action's number, agency, timeframe, recommendation, group and status are printed."""
    text = _squash(" ".join(_pages(export_document(sample_session, "guidelines", tmp_path / "g.pdf"))))
    assert "Key action Lead agency Partners Timeframe Manila rec. Group Status" in text
    assert "7.1 Share the list of licensed" in text
    assert "Licensing authority" in text and "Quarterly S3R7 Group 1 Agreed" in text
    assert "S3R8 Inspection of the informal economy." in text


def test_empty_workshop_pdf_says_sections_are_not_written_yet(empty_session, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A new workshop's draft prints the outline, says nothing is written, and still has v0.1."""
    text = _squash(" ".join(_pages(export_document(empty_session, "guidelines", tmp_path / "g.pdf"))))
    assert "No key actions have been proposed yet." in text
    assert "Draft v0.1" in text
    assert text.count("Nothing has been written in this section yet.") == 9


def test_docx_has_real_headings_and_editable_key_action_tables(sample_session, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Word sees Title and Heading styles, and each key-action table has a header row and real cells."""
    progress: list[tuple[int, int]] = []
    path = export_document(
        sample_session,
        "guidelines",
        tmp_path / "g.docx",
        ExportOptions(progress=lambda d, t: progress.append((d, t))),
    )
    document = docx.Document(str(path))
    by_style: dict[str, list[str]] = {}
    for paragraph in document.paragraphs:
        by_style.setdefault(paragraph.style.name, []).append(paragraph.text)
    assert by_style["Title"] == [guidelines.draft(sample_session).title]
    assert by_style["Heading 1"][0] == "1. Purpose and scope"
    assert "8. Inspection of the informal economy and domestic work" in by_style["Heading 1"]
    assert "Key actions" in by_style["Heading 2"]
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "No." and len(t.rows) == 4)
    assert [c.text for c in table.rows[0].cells] == [
        "No.",
        "Key action",
        "Lead agency",
        "Partners",
        "Timeframe",
        "Manila rec.",
        "Group",
        "Status",
    ]
    assert table.rows[3].cells[0].text == "5.3"
    assert table.rows[3].cells[5].text == "S4R2, S4R1"
    assert table.rows[0]._tr.trPr.xml.count("tblHeader") == 1
    header = document.sections[0].header.paragraphs[0].text
    assert header.startswith("DRAFT") and "v0.1 of 28 May 2019" in header
    assert progress[-1][0] == progress[-1][1]


def test_docx_lists_empty_sections_with_their_guidance(empty_session, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """An empty draft's Word file shows each section's guidance in brackets for the editor to replace."""
    document = docx.Document(str(export_document(empty_session, "guidelines", tmp_path / "g.docx")))
    hints = [p.text for p in document.paragraphs if p.text.startswith("[")]
    assert len(hints) == 9
    assert hints[0].startswith("[Say what these guidelines are for")
    assert document.tables == []


def test_pulled_triggers_print_as_tables_in_pdf_and_docx(sample_session, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Red flags pulled from the boards appear under their trigger section in both formats."""
    from facilitator.app import boards

    card = boards.add_card(
        sample_session,
        "labour-to-police",
        "Passports kept by the employer",
        category="retention-of-documents",
        group="Group 2",
        evidence="Worker statements",
    )
    boards.add_dot(sample_session, card, "Group 5")
    guidelines.pull_referral_triggers(sample_session)
    text = _squash(" ".join(_pages(export_document(sample_session, "guidelines", tmp_path / "g.pdf"))))
    assert "Red flag Indicator or violation Evidence to secure Refer to Votes" in text
    assert "Passports kept by the employer Retention of identity documents Worker statements" in text
    document = docx.Document(str(export_document(sample_session, "guidelines", tmp_path / "g.docx")))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Red flag")
    assert [c.text for c in table.rows[1].cells] == [
        "Passports kept by the employer",
        "Retention of identity documents",
        "Worker statements",
        "Police (anti-trafficking unit)",
        "1",
    ]
