"""``facilitator export guidelines`` writes PDF or DOCX by the file's ending."""

from __future__ import annotations

import docx
import pypdf

from facilitator.cli import main


def test_export_guidelines_writes_pdf_and_docx(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Both endings produce a readable document and say where it went."""
    workshop = tmp_path / "w.sqlite"
    assert main(["new", str(workshop), "--sample"]) == 0
    capsys.readouterr()
    assert main(["--workshop", str(workshop), "export", "guidelines", "-o", str(tmp_path / "g.pdf")]) == 0
    assert "g.pdf" in capsys.readouterr().out
    assert "DRAFT" in pypdf.PdfReader(tmp_path / "g.pdf").pages[0].extract_text()
    assert main(["--workshop", str(workshop), "export", "guidelines", "-o", str(tmp_path / "g.docx")]) == 0
    assert docx.Document(str(tmp_path / "g.docx")).paragraphs[0].style.name == "Title"


def test_export_guidelines_refuses_other_endings(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    """An .odt target is refused on stderr with exit code 1 and no traceback."""
    workshop = tmp_path / "w.sqlite"
    main(["new", str(workshop)])
    capsys.readouterr()
    assert main(["--workshop", str(workshop), "export", "guidelines", "-o", str(tmp_path / "g.odt")]) == 1
    err = capsys.readouterr().err
    assert ".pdf, .docx" in err and "Traceback" not in err
    assert not (tmp_path / "g.odt").exists()
