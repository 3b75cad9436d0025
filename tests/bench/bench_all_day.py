"""Benchmark of a whole workshop day: memory of the app after eight hours with the timer on screen.

Run with ``make bench``. Target (issue 12): the app runs for 8 hours with the timer on the
projector and a board projector open, with no growth in memory beyond 50 MB. The whole app (main
window on the agenda page, countdown running, agenda projector at 1920 × 1080, board projector
open) runs offscreen in a child process on a clock that moves one poll (0.2 s) at a time: every
one of the day's 144,000 polls refreshes both the timer panel and the agenda projector, the
windows paint every twelve simulated seconds, Next is pressed whenever an item's time is up and a
red flag reaches the board every simulated hour. The child reports its resident memory (RSS, from
``/proc``, so Linux only) before the day, at every simulated hour and at the end.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

_APP = """
import json, sys, time
from datetime import datetime
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from facilitator.app import boards
from facilitator.app.timer import AgendaTimer
from facilitator.app.workshops import create_workshop
from facilitator.ui.controller import Controller
from facilitator.ui.main_window import MainWindow

HOURS, POLLS_PER_SECOND, BATCH = 8, 5, 60
POLLS_PER_HOUR = 3600 * POLLS_PER_SECOND


def status_mb(field):
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith(field + ":"))
    return int(line.split()[1]) / 1024


class Clock:
    start = datetime(2019, 5, 27, 8, 0).timestamp()
    polls = 0

    def read(self):
        return self.start + self.polls / POLLS_PER_SECOND


app = QApplication([])
controller = Controller(create_workshop(sys.argv[1], sample=True))
window = MainWindow(controller)
window.resize(1400, 900)
window.show()
page = window.show_page("agenda")
clock = Clock()
page.set_timer(AgendaTimer(controller.session, clock.read, clock.read))
page.panel.toggle()
projector = page.open_projector()
projector.resize(1920, 1080)
board_page = window.page("boards")
board_projector = board_page.open_projector()
report = {"rss": [], "peak": 0.0, "seconds": 0.0, "shown": "", "from_clock": "", "cards": 0}
began = time.monotonic()


def step():
    for _ in range(BATCH):
        clock.polls += 1
        view = page.panel.refresh()
        projector.refresh()
        if view.running and view.remaining <= 0:
            page.panel.next()
        if clock.polls % POLLS_PER_HOUR == 0:
            hour = clock.polls // POLLS_PER_HOUR
            controller.run(boards.add_card, board_page.feed.board_id, f"Red flag of hour {hour}")
            report["rss"].append(status_mb("VmRSS"))
    if clock.polls >= HOURS * POLLS_PER_HOUR:
        driver.stop()
        report["seconds"] = time.monotonic() - began
        report["peak"] = status_mb("VmHWM")
        report["shown"] = projector.countdown_label.text()
        report["from_clock"] = page.timer.view().text
        report["cards"] = len(board_projector.revealed_texts())
        print(json.dumps(report))
        app.quit()


def begin():
    report["rss"].append(status_mb("VmRSS"))
    driver.start()


driver = QTimer()
driver.setInterval(0)
driver.timeout.connect(step)
# Start after the first frames and the opening backup, as a facilitator would.
QTimer.singleShot(2000, begin)
app.exec()
"""


def test_eight_hours_on_the_projector_stay_within_50_mb(tmp_path: Path) -> None:
    """After a simulated day with both projectors open, resident memory has grown by under 50 MB."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FACILITATOR_HOME": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", _APP, str(tmp_path / "day.sqlite")],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    rss: list[float] = result["rss"]
    growth = rss[-1] - rss[0]
    hours = "\n".join(f"  after hour {hour}   {mb:7.1f} MB" for hour, mb in enumerate(rss[1:], start=1))
    print(
        f"\nA workshop day, 8 simulated hours in {result['seconds']:.0f} s (144,000 polls of the panel"
        " and of a 1920×1080 agenda projector, board projector open):"
        f"\n  RSS at start   {rss[0]:7.1f} MB\n{hours}"
        f"\n  growth         {growth:+7.1f} MB (peak RSS of the process {result['peak']:.1f} MB)"
        f"\n  shown at 16:00 {result['shown']!r}, from the clock {result['from_clock']!r};"
        f" {result['cards']} red flags on the board projector"
    )
    assert len(rss) == 9
    assert result["shown"] == result["from_clock"]
    assert growth < 50
