"""``facilitator export guidelines`` writes PDF or DOCX by the file's ending."""

from __future__ import annotations

import json

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


def test_guidelines_commands_edit_the_draft_headless(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Add, status, merge and version work from the command line and show in --json."""
    workshop = tmp_path / "w.sqlite"
    main(["new", str(workshop), "--sample"])
    base = ["--workshop", str(workshop), "guidelines"]
    assert (
        main([*base, "add", "follow-up", "Hold a yearly review", "--rec", "s3r13", "--group", "Group 2"]) == 0
    )
    assert "Added key action 12 to Follow-up." in capsys.readouterr().out
    assert main([*base, "status", "agreed", "12"]) == 0
    assert main([*base, "merge", "4", "5", "--text", "Name provincial focal points"]) == 0
    assert main([*base, "version", "--note", "Day 2"]) == 0
    assert "is now v0.2" in capsys.readouterr().out.splitlines()[-1]
    assert main([*base, "--json"]) == 0
    draft = json.loads(capsys.readouterr().out)
    assert draft["version"]["label"] == "v0.2"
    follow_up = draft["sections"][8]
    assert follow_up["actions"][-1] == {
        "id": 12,
        "number": "9.2",
        "action": "Hold a yearly review",
        "lead_agency": "",
        "partners": "",
        "timeframe": "",
        "recommendations": ["S3R13"],
        "source_group": "Group 2",
        "status": "agreed",
    }
    sharing = draft["sections"][4]["actions"]
    assert sharing[0]["action"] == "Name provincial focal points"
    assert len(sharing) == 2


def test_guidelines_commands_refuse_bad_input_without_traceback(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    """An unknown section or recommendation exits with 1 and a message naming it."""
    workshop = tmp_path / "w.sqlite"
    main(["new", str(workshop)])
    capsys.readouterr()
    assert main(["--workshop", str(workshop), "guidelines", "add", "12", "Something"]) == 1
    assert "Section '12' does not exist" in capsys.readouterr().err
    assert main(["--workshop", str(workshop), "guidelines", "add", "1", "Something", "--rec", "S9"]) == 1
    err = capsys.readouterr().err
    assert "Manila recommendation: 'S9' is not known" in err and "Traceback" not in err
