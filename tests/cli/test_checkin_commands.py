"""`facilitator checkin CODE [--day N]` and the registration-desk exports, as DESIGN.md promises."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from pypdf import PdfReader

from facilitator.app import checkin
from facilitator.app.workshops import open_workshop
from facilitator.cli import main


@pytest.fixture
def workshop(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A sample workshop file made through the CLI."""
    path = tmp_path / "w.sqlite"
    assert main(["new", str(path), "--sample"]) == 0
    capsys.readouterr()
    return path


def _code(path: Path, participant_id: int) -> str:
    session = open_workshop(path)
    try:
        return checkin.participant_code(session, participant_id)
    finally:
        session.close()


def _scans(path: Path) -> list[tuple[int, int]]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT participant_id, day FROM checkin_scans ORDER BY id").fetchall()


def test_checkin_accepts_then_refuses_the_duplicate(
    workshop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit 0 with the name on first scan; exit 1 naming the first time on the second."""
    code = _code(workshop, 17)
    assert main(["--workshop", str(workshop), "checkin", code, "--day", "2"]) == 0
    out = capsys.readouterr().out
    assert "Checked in Siti Aminah Rahman (Malaysia) for day 2" in out
    assert main(["--workshop", str(workshop), "checkin", code, "--day", "2"]) == 1
    err = capsys.readouterr().err
    assert "already checked in for day 2 at" in err and "Traceback" not in err
    assert _scans(workshop) == [(17, 2)]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("LPB2019-17-AAAAAAAA", "not issued by this workshop"),
        ("OTHER-1-AAAAAAAA", "another workshop"),
        ("nonsense", "not a check-in code"),
    ],
)
def test_checkin_refuses_bad_codes(
    workshop: Path, capsys: pytest.CaptureFixture[str], text: str, reason: str
) -> None:
    """Forged, foreign and malformed codes exit 1 with the reason on stderr and change nothing."""
    assert main(["--workshop", str(workshop), "checkin", text]) == 1
    assert reason in capsys.readouterr().err
    assert _scans(workshop) == []


def test_checkin_refuses_a_day_the_workshop_does_not_have(
    workshop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--day 3 of a two-day workshop exits 1 and says which days exist."""
    assert main(["--workshop", str(workshop), "checkin", _code(workshop, 1), "--day", "3"]) == 1
    assert "days 1 to 2" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("kind", "extra", "expected"),
    [
        ("name-tags", ["--sheet", "avery-l4785"], "Souksavanh Phommachanh"),
        ("tent-cards", [], "Marc-André Tremblay"),
        ("signin-sheet", ["--day", "2"], "Tuesday 28 May 2019"),
        ("attendance", ["--day", "1"], "Attendance report"),
    ],
)
def test_exports_write_pdfs(
    workshop: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    kind: str,
    extra: list[str],
    expected: str,
) -> None:
    """Each registration-desk document is written where -o says, with the expected text."""
    output = tmp_path / f"{kind}.pdf"
    assert main(["--workshop", str(workshop), "export", kind, "-o", str(output), *extra]) == 0
    assert str(output) in capsys.readouterr().out
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(output).pages)
    assert expected in text


def test_unknown_sheet_is_refused(workshop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--sheet with an unknown name exits 1 and lists the sheets."""
    assert (
        main(
            [
                "--workshop",
                str(workshop),
                "export",
                "name-tags",
                "--sheet",
                "avery-9999",
                "-o",
                str(tmp_path / "x.pdf"),
            ]
        )
        == 1
    )
    err = capsys.readouterr().err
    assert "avery-l4785, a4-plain, avery-5392, avery-5395" in err
