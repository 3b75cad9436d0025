"""The crash handler: details to a log, a plain message to the user, the workshop untouched."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from facilitator.app import roster
from facilitator.app.session import WorkshopSession
from facilitator.ui.application import install_crash_handler


def test_crash_is_logged_and_explained(
    qtbot, monkeypatch, isolated_home: Path, sample_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """An unexpected error writes its traceback to the log and says saved work is safe."""
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    roster.add_participant(sample_session, name="Saved Before Crash")
    install_crash_handler()
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    log = isolated_home / "sessions" / "facilitator-error.log"
    assert "ZeroDivisionError: boom" in log.read_text(encoding="utf-8")
    assert "saved is safe" in shown[0]
    reopened = WorkshopSession.open(sample_session.path)
    assert roster.participants(reopened)[-1].name == "Saved Before Crash"
    reopened.close()


def test_quitting_waits_for_background_work(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Work still running when the window closes (a backup, an export) is finished, not cut off."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from facilitator.app.workshops import create_workshop
    from facilitator.ui.application import run_gui
    from facilitator.ui.tasks import run_in_background

    path = tmp_path / "w.sqlite"
    create_workshop(path).close()
    written = tmp_path / "written.txt"

    def slow_write(_progress: object) -> None:
        time.sleep(0.3)
        written.write_text("done", encoding="utf-8")

    def start_work_then_quit() -> None:
        run_in_background(slow_write, lambda _result: None, lambda _error: None)
        QApplication.quit()

    QTimer.singleShot(0, start_work_then_quit)
    assert run_gui(path) == 0
    assert written.read_text(encoding="utf-8") == "done"
