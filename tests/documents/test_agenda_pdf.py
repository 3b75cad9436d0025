"""Tests of the agenda PDF: planned programme, then planned against actual once run."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from facilitator.app.exports import ExportOptions, export_document
from facilitator.app.session import WorkshopSession
from facilitator.app.timer import AgendaTimer
from facilitator.core.errors import InputError


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_planned_agenda_lists_both_days(sample_session: WorkshopSession, tmp_path: Path) -> None:
    """Before the workshop the PDF is the programme: both dates, times, sessions and objectives."""
    pages: list[tuple[int, int]] = []
    path = export_document(
        sample_session,
        "agenda",
        tmp_path / "agenda.pdf",
        ExportOptions(progress=lambda d, t: pages.append((d, t))),
    )
    text = _text(path)
    assert "Monday 27 May 2019" in text and "Tuesday 28 May 2019" in text
    assert "08:00–08:30" in text and "Registration and name tags" in text
    assert "12:20–12:50" in text and "Lunch and departure" in text
    assert "Breakout 1: red" in text and "referral from labour to police" in text
    assert "Objectives" in text
    assert "Actual" not in text
    assert pages and pages[-1][0] == len(PdfReader(path).pages)


def test_agenda_as_run_shows_planned_against_actual(sample_session: WorkshopSession, tmp_path: Path) -> None:
    """After running two items the PDF prints their actual times, the difference and "not run"."""
    moment = [datetime(2019, 5, 27, 8, 2).timestamp()]
    timer = AgendaTimer(sample_session, lambda: moment[0], lambda: moment[0])
    timer.start()
    moment[0] += 31 * 60
    timer.next()
    moment[0] += 27 * 60
    timer.next()
    text = _text(export_document(sample_session, "agenda", tmp_path / "run.pdf", ExportOptions(day=1)))
    assert "Agenda as run" in text
    assert "08:02–08:33" in text and "+1 min" in text
    assert "08:33–09:00" in text and "-3 min" in text
    assert "not run" in text
    assert "Tuesday 28 May 2019" not in text


def test_export_refuses_a_day_that_does_not_exist(sample_session: WorkshopSession, tmp_path: Path) -> None:
    """Asking for day 3 of a two-day agenda names the days there are."""
    with pytest.raises(InputError, match="choose 1 to 2"):
        export_document(sample_session, "agenda", tmp_path / "x.pdf", ExportOptions(day=3))


def _squashed(path: Path) -> str:
    return " ".join(_text(path).split())


def test_a_session_that_starts_69_minutes_late_is_not_on_time(
    sample_session: WorkshopSession, tmp_path: Path
) -> None:
    """A first item started at 09:09 instead of 08:00 and run to length reads "69 min late"."""
    moment = [datetime(2019, 5, 27, 9, 9).timestamp()]
    timer = AgendaTimer(sample_session, lambda: moment[0], lambda: moment[0])
    timer.start()
    moment[0] += 30 * 60
    timer.next()
    text = _squashed(export_document(sample_session, "agenda", tmp_path / "late.pdf", ExportOptions(day=1)))
    assert "09:09–09:39 69 min late as planned" in text
    assert "09:09–09:39 on time" not in text


def test_a_day_that_overran_says_when_and_by_how_much(
    sample_session: WorkshopSession, tmp_path: Path
) -> None:
    """A day whose last item ended at 17:45 against a 17:00 limit says it overran by 45 min."""
    moment = [datetime(2019, 5, 27, 8, 0).timestamp()]
    timer = AgendaTimer(sample_session, lambda: moment[0], lambda: moment[0])
    timer.start()
    moment[0] = datetime(2019, 5, 27, 17, 45).timestamp()
    timer.next()
    text = _squashed(export_document(sample_session, "agenda", tmp_path / "over.pdf", ExportOptions(day=1)))
    assert "must end by 17:00" in text
    assert "ended at 17:45, 45 min after the 17:00 limit: the day overran." in text


def test_a_paused_item_is_never_called_running(sample_session: WorkshopSession, tmp_path: Path) -> None:
    """An item paused on the timer prints as "not finished", and no document says "running"."""
    moment = [datetime(2019, 5, 27, 8, 0).timestamp()]
    timer = AgendaTimer(sample_session, lambda: moment[0], lambda: moment[0])
    timer.start()
    moment[0] += 10 * 60
    timer.pause()
    agenda = _squashed(export_document(sample_session, "agenda", tmp_path / "p.pdf", ExportOptions(day=1)))
    report = _squashed(export_document(sample_session, "report", tmp_path / "r.pdf"))
    assert "08:00–… on time not finished" in agenda
    assert "not finished" in report
    assert "running" not in agenda.lower() and " running" not in report.lower()
