"""The crash handler: details to a log, a plain message to the user, the workshop untouched."""

from __future__ import annotations

import subprocess
import sys
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
    reopened = WorkshopSession.open_reader(sample_session.path)
    assert roster.participants(reopened)[-1].name == "Saved Before Crash"
    reopened.close()


_QUIT_DURING_WORK = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from facilitator.ui.application import run_gui
from facilitator.ui.tasks import run_in_background

written = Path(sys.argv[2])

def slow_write(_progress):
    time.sleep(0.3)
    written.write_text("done", encoding="utf-8")

def start_work_then_quit():
    run_in_background(slow_write, lambda _result: None, lambda _error: None)
    QApplication.quit()

app = QApplication(["facilitator"])
QTimer.singleShot(0, start_work_then_quit)
sys.exit(run_gui(Path(sys.argv[1])))
"""


def test_quitting_waits_for_background_work(tmp_path: Path) -> None:
    """Work still running when the window closes (a backup, an export) is finished, not cut off.

    Run in a process of its own: the app's event loop ends for good when the window quits.
    """
    from facilitator.app.workshops import create_workshop

    path = tmp_path / "w.sqlite"
    create_workshop(path).close()
    written = tmp_path / "written.txt"
    result = subprocess.run(
        [sys.executable, "-c", _QUIT_DURING_WORK, str(path), str(written)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert written.read_text(encoding="utf-8") == "done"
    assert "Traceback" not in result.stderr


_START = """
import os, sys
from PySide6 import QtCore, QtGui
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox
app = QApplication(["facilitator"])
QMessageBox.critical = lambda parent, title, text: print("message:", title, "|", text, flush=True)
seen = []
def watch():
    for widget in app.topLevelWidgets():
        handle = widget.windowHandle() if isinstance(widget, QMainWindow) else None
        if handle is not None and handle.isExposed():
            page = type(widget.stack.currentWidget()).__name__
            if not seen:
                seen.append(page)
                print("first frame:", page, "| Qt namespace built:", "Qt" in QtCore.__dict__,
                      "| SQLite loaded:", "sqlite3" in sys.modules, flush=True)
            elif page == "RosterPage":
                fonts = bool(QtGui.QFontDatabase.applicationFontFamilies(0))
                print("then:", page, "| script fonts registered:", fonts, flush=True)
                os._exit(0)
    QtCore.QTimer.singleShot(0, watch)
QtCore.QTimer.singleShot(0, watch)
from facilitator.cli import main
print("exit status:", main(["--workshop", sys.argv[1]]), flush=True)
"""


def _start(path: Path) -> list[str]:
    """What a child process running ``facilitator --workshop PATH`` reports, line by line."""
    result = subprocess.run(
        [sys.executable, "-c", _START, str(path)], capture_output=True, text=True, timeout=60
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result.stdout.splitlines()


def test_window_is_drawn_before_the_workshop_is_opened(tmp_path: Path) -> None:
    """The first frame comes before SQLite, the workshop and the first page, and before PySide6
    builds the Qt namespace's 94 enums (about 20 ms, needed by every item model); all of those
    follow at once, with the shipped script fonts registered before any name is drawn.

    PySide6 adds ``Qt`` to ``QtCore``'s namespace only once it has built it.
    """
    from facilitator.app.workshops import create_workshop

    path = tmp_path / "w.sqlite"
    create_workshop(path, sample=True).close()
    assert _start(path) == [
        "first frame: _OpeningPage | Qt namespace built: False | SQLite loaded: False",
        "then: RosterPage | script fonts registered: True",
    ]


def test_a_file_that_is_not_a_workshop_is_explained_and_left_alone(tmp_path: Path) -> None:
    """Opening fails after the window is up: the user reads why, the app ends with status 1."""
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"These are meeting notes, not a workshop.")
    lines = _start(path)
    assert lines[0].startswith("first frame: _OpeningPage")
    assert lines[1].startswith("message: Cannot open workshop | ")
    assert "notes.sqlite" in lines[1]
    assert lines[2] == "exit status: 1"
    assert path.read_bytes() == b"These are meeting notes, not a workshop."
