"""Tests of ``facilitator agenda``: text and JSON output, actual times once run, errors."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from facilitator.app.timer import AgendaTimer
from facilitator.app.workshops import create_workshop, open_workshop
from facilitator.cli import main


@pytest.fixture
def workshop(tmp_path: Path) -> Path:
    """A sample workshop file, closed."""
    path = tmp_path / "w.sqlite"
    create_workshop(path, sample=True).close()
    return path


def test_agenda_json_lists_both_days(workshop: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The JSON is a list of days whose items carry start, end, title and kind."""
    assert main(["--workshop", str(workshop), "agenda", "--json"]) == 0
    days = json.loads(capsys.readouterr().out)
    assert [d["date"] for d in days] == ["2019-05-27", "2019-05-28"]
    for day in days:
        for item in day["items"]:
            assert {"start", "end", "title", "kind"} <= item.keys()
    assert days[0]["items"][0]["start"] == "08:00"
    assert days[1]["items"][-1]["end"] <= "13:00"


def test_agenda_json_includes_actual_times_once_run(
    workshop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """After the timer has run an item, its actual start and end appear."""
    session = open_workshop(workshop)
    moment = [datetime(2019, 5, 27, 8, 3).timestamp()]
    timer = AgendaTimer(session, lambda: moment[0], lambda: moment[0])
    timer.start()
    moment[0] += 29 * 60
    timer.next()
    session.close()
    assert main(["--workshop", str(workshop), "agenda", "--json"]) == 0
    first, second = json.loads(capsys.readouterr().out)[0]["items"][:2]
    assert (first["actual_start"], first["actual_end"]) == ("08:03", "08:32")
    assert (second["actual_start"], second["actual_end"]) == ("08:32", None)
    assert main(["--workshop", str(workshop), "agenda"]) == 0
    assert "actual 08:03–08:32" in capsys.readouterr().out


def test_agenda_text_shows_days_and_items(workshop: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The text form names each day and lists items with their times and kinds."""
    assert main(["--workshop", str(workshop), "agenda"]) == 0
    out = capsys.readouterr().out
    assert "Monday 27 May 2019" in out and "Tuesday 28 May 2019" in out
    assert "12:00–13:00  Meal" in out


def test_agenda_on_a_missing_file_fails_cleanly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing workshop file is an error on stderr with exit code 1, not a traceback."""
    assert main(["--workshop", str(tmp_path / "none.sqlite"), "agenda", "--json"]) == 1
    captured = capsys.readouterr()
    assert "no such workshop file" in captured.err
    assert "Traceback" not in captured.err


def test_export_agenda_writes_a_pdf(
    workshop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``facilitator export agenda -o FILE --day 2`` writes Tuesday's agenda as a PDF."""
    from pypdf import PdfReader

    target = tmp_path / "tuesday.pdf"
    assert main(["--workshop", str(workshop), "export", "agenda", "-o", str(target), "--day", "2"]) == 0
    assert str(target) in capsys.readouterr().out
    text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Tuesday 28 May 2019" in text and "Monday 27 May 2019" not in text
