"""Benchmarks of the foundation: cold start, a 2,000-row XLSX import, filtering 2,000 rows.

Run with ``make bench``. Figures are printed; start-up is compared as a ratio against a bare PySide6
window measured in the same run, because the machine is noisy.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from facilitator.app import roster
from facilitator.app.workshops import create_workshop

#: Shared by the start-up scripts. The clock stops at the first frame of a main window that Qt has
#: exposed and painted, seen from the event loop, so the window is on screen and taking input; with
#: ``roster`` as the moment, it stops once Facilitator's roster page is on screen and every event
#: it caused (its paint included) has been handled. The process then ends at once, so that
#: shutting down counts in no figure.
_PROBE = """
import os, sys, time
start, moment = float(sys.argv[1]), sys.argv[2]
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(["facilitator"])
def _shown(window):
    return moment == "frame" or type(window.stack.currentWidget()).__name__ == "RosterPage"
def _first_frame():
    for widget in app.topLevelWidgets():
        handle = widget.windowHandle() if isinstance(widget, QMainWindow) else None
        if handle is not None and handle.isExposed() and _shown(widget):
            if moment == "roster":
                app.processEvents()
            print(time.time() - start, flush=True)
            os._exit(0)
    QTimer.singleShot(0, _first_frame)
QTimer.singleShot(0, _first_frame)
"""

_BARE = (
    _PROBE
    + """
window = QMainWindow()
window.resize(1280, 720)
window.show()
app.exec()
"""
)

#: What Facilitator's first screen shows, built with plain PySide6 and no code of ours: the
#: navigation, menus with the same shortcuts, the status bar and the sample's 68 roster rows
#: (native scripts included), at the same widths. It tells how much of the start-up is Qt drawing
#: that content.
_PLAIN = (
    _PROBE
    + """
import csv
from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QLabel, QLineEdit, QListWidget, QProgressBar, QPushButton,
    QStackedWidget, QTableView, QVBoxLayout, QWidget,
)
window = QMainWindow()
window.resize(1280, 720)
titles = ["Roster", "Statistics", "Check-in desk", "Agenda and timer", "Breakout groups",
          "Red-flag boards", "Guidelines draft", "Documents"]
navigation = QListWidget()
metrics = navigation.fontMetrics()
navigation.setFixedWidth(max(metrics.horizontalAdvance(t) for t in titles) + 4 * metrics.averageCharWidth())
navigation.addItems(titles)
with open(sys.argv[3], encoding="utf-8", newline="") as handle:
    rows = list(csv.reader(handle))
model = QStandardItemModel(len(rows) - 1, 10)
model.setHorizontalHeaderLabels(rows[0][:10])
for r, row in enumerate(rows[1:]):
    for c, value in enumerate(row[:10]):
        model.setItem(r, c, QStandardItem(value))
proxy = QSortFilterProxyModel()
proxy.setSourceModel(model)
table = QTableView()
table.setModel(proxy)
table.setAlternatingRowColors(True)
table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
table.verticalHeader().setVisible(False)
for c, width in enumerate((44, 200, 170, 44, 80, 230, 210, 110, 90, 230)):
    table.setColumnWidth(c, width)
page = QWidget()
column = QVBoxLayout(page)
bar = QHBoxLayout()
search = QLineEdit()
search.setPlaceholderText("Search name, delegation, agency… (Ctrl+F)")
search.setClearButtonEnabled(True)
bar.addWidget(search)
for text in ("Add participant", "Remove", "Import…", "Export…"):
    bar.addWidget(QPushButton(text))
column.addLayout(bar)
column.addWidget(table)
column.addWidget(QLabel(f"{len(rows) - 1} participants"))
stack = QStackedWidget()
stack.addWidget(page)
central = QWidget()
line = QHBoxLayout(central)
line.addWidget(navigation)
line.addWidget(stack, 1)
window.setCentralWidget(central)
window.statusBar().addWidget(QLabel("Workshop file"), 1)
progress = QProgressBar()
progress.setVisible(False)
window.statusBar().addPermanentWidget(progress)
window.statusBar().addPermanentWidget(QLabel("All changes saved"))
for menu_title, count in (("&File", 7), ("&Edit", 2), ("&Go", 8), ("&Help", 1)):
    menu = window.menuBar().addMenu(menu_title)
    for i in range(count):
        action = QAction(f"Action {i}", window)
        action.setShortcut(QKeySequence(f"Ctrl+Alt+{i}"))
        menu.addAction(action)
window.setWindowTitle("Workshop — Facilitator")
window.show()
app.exec()
"""
)

#: Facilitator exactly as the ``facilitator`` command starts it, on the sample workshop.
_APP = _PROBE + "from facilitator.cli import main\nmain([])\n"


#: Alternating runs of each start.
_RUNS = 25


def _starts(roster_csv: str) -> dict[str, tuple[str, str, tuple[str, ...]]]:
    """Each start measured: a label, the script, and the arguments after the clock's start."""
    return {
        "bare": ("bare PySide6 window", _BARE, ("frame",)),
        "plain": ("same screen, plain PySide6", _PLAIN, ("frame", roster_csv)),
        "app": ("Facilitator, window on screen", _APP, ("frame",)),
        "roster": ("Facilitator, roster shown", _APP, ("roster",)),
    }


def _report(title: str, figures: dict[str, str], ratios: dict[str, float]) -> None:
    labels = _starts("")
    print(
        f"\n{title}"
        + "".join(f"\n  {labels[key][0]:32s} {figures[key]}   {ratios[key]:.2f} × bare" for key in labels)
        + f"\n  roster shown / same screen in plain PySide6: {ratios['roster'] / ratios['plain']:.2f}"
    )


def _environment(tmp_path: Path) -> dict[str, str]:
    """Byte code compiled (as ``pip install`` does), offscreen, and the sample workshop in place.

    The workshop is created and closed here, as a user's file is between two sessions: the
    measured starts end abruptly, so one of them must not leave the file half-written for the
    next. One start, not measured, records the workshop in the Qt settings as users' starts do.
    """
    import compileall

    import facilitator
    from facilitator import paths

    compileall.compile_dir(Path(facilitator.__file__).parent, quiet=1)
    create_workshop(tmp_path / "sessions" / paths.SAMPLE_WORKSHOP_NAME, sample=True).close()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "FACILITATOR_HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    _run(_APP, env, "roster")
    return env


def _run(script: str, env: dict[str, str], *args: str) -> float:
    command = [sys.executable, "-c", script, repr(time.time()), *args]
    out = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def test_cold_start_ratio(tmp_path: Path) -> None:
    """Start-up to an interactive main window is within 1.5× a bare PySide6 window.

    Every start begins in a new interpreter; Facilitator starts through its real entry point and
    is timed twice: to its window's first frame (menus, navigation and status bar ready for
    input), and to the roster page drawn with its 68 names, which the window builds right after
    that first frame. Medians and minimums of alternating runs are both printed: the minimum is
    the start with the least interference from the rest of a shared machine, so the assertions
    use it.
    """
    from facilitator.app.workshops import sample_folder

    env = _environment(tmp_path)
    starts = _starts(str(sample_folder() / "roster.csv"))
    times: dict[str, list[float]] = {key: [] for key in starts}
    for _ in range(_RUNS):
        for key, (_label, script, args) in starts.items():
            times[key].append(_run(script, env, *args))
    least = {key: min(values) for key, values in times.items()}
    median = {key: statistics.median(values) for key, values in times.items()}
    _report(
        f"cold start, wall clock (minimum / median of {_RUNS}; ratios of the minimums):",
        {key: f"{least[key] * 1000:4.0f} / {median[key] * 1000:4.0f} ms" for key in starts},
        {key: least[key] / least["bare"] for key in starts},
    )
    # Minimums: interference from the rest of a shared machine only ever adds time.
    assert least["app"] / least["bare"] <= 1.5
    # Showing the roster costs what showing the same screen with no code of ours costs, plus our
    # own work (imports, opening the file, the roster model) and a second paint of the window.
    # Wall-clock minimums on this shared machine still swing by a tenth; the instruction counts
    # below hold the tighter bound.
    assert least["roster"] / least["plain"] <= 1.4


def _instructions(script: str, env: dict[str, str], tmp_path: Path, *args: str) -> int:
    """Instructions the script executes up to its moment, counted by callgrind."""
    command = [
        "valgrind",
        "--tool=callgrind",
        f"--callgrind-out-file={tmp_path / 'callgrind.%p'}",
        sys.executable,
        "-c",
        script,
        repr(time.time()),
        *args,
    ]
    out = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    collected = [line for line in out.stderr.splitlines() if "Collected :" in line]
    return int(collected[-1].rsplit(":", 1)[1])


def test_cold_start_instructions(tmp_path: Path) -> None:
    """The same starts counted in instructions: slow to take, but free of the machine's noise.

    Callgrind counts what the CPU executes, so one run of each gives the same ratios every time
    (within a fraction of a percent). ``make bench`` installs valgrind when it is missing.
    """
    import shutil

    from facilitator.app.workshops import sample_folder

    if shutil.which("valgrind") is None:
        pytest.skip("valgrind is not installed; `make bench` installs it")
    env = _environment(tmp_path)
    starts = _starts(str(sample_folder() / "roster.csv"))
    counts = {key: _instructions(script, env, tmp_path, *args) for key, (_, script, args) in starts.items()}
    _report(
        "cold start, in instructions (callgrind):",
        {key: f"{counts[key] / 1e6:6.0f} M" for key in starts},
        {key: counts[key] / counts["bare"] for key in starts},
    )
    assert counts["app"] / counts["bare"] <= 1.5
    assert counts["roster"] / counts["plain"] <= 1.25


def _write_xlsx(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(["Registration list — benchmark"])
    sheet.append(["Full name", "Gender", "Country", "Agency", "Position", "Email"])
    countries = ["Lao PDR", "Viet Nam", "Thailand", "Cambodia", "Myanmar", "Philippines"]
    for i in range(rows):
        sheet.append(
            [
                f"Person {i} ສຸກສະຫວັນ",
                "Female" if i % 2 else "Male",
                countries[i % 6],
                "Ministry of Labour" if i % 3 else "Police",
                "Officer",
                f"p{i}@example.org",
            ]
        )
    workbook.save(path)


def test_import_2000_rows_xlsx(tmp_path: Path) -> None:
    """A 2,000-row XLSX imports in under 2 s."""
    source = tmp_path / "big.xlsx"
    _write_xlsx(source, 2000)
    session = create_workshop(tmp_path / "w.sqlite")
    start = time.perf_counter()
    result = roster.import_roster(session, source)
    elapsed = time.perf_counter() - start
    print(f"\nimport 2,000-row XLSX: {elapsed * 1000:.0f} ms (target < 2000 ms), {result.added} added")
    session.close()
    assert result.added == 2000
    assert elapsed < 2.0


def test_filter_2000_rows(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Filtering the roster table of 2,000 people takes a fraction of a frame per keystroke."""
    from facilitator.ui.controller import Controller
    from facilitator.ui.roster.page import RosterPage

    source = tmp_path / "big.xlsx"
    _write_xlsx(source, 2000)
    session = create_workshop(tmp_path / "w.sqlite")
    roster.import_roster(session, source)
    page = RosterPage(Controller(session))
    qtbot.addWidget(page)
    page.show()
    timings = []
    for text in ("P", "Pe", "Per", "Pers", "Person 1", "Person 19", "Person 199", ""):
        start = time.perf_counter()
        page.search.setText(text)
        qtbot.wait(1)
        timings.append(time.perf_counter() - start)
    worst = max(timings)
    median = statistics.median(timings)
    print(f"\nfilter 2,000 rows: worst keystroke {worst * 1000:.1f} ms, median {median * 1000:.1f} ms")
    assert page.proxy.rowCount() == 2000
    assert worst < 0.1
