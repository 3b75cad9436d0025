"""While the window holds a workshop, commands that read still work and commands that write are refused."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from facilitator.app.workshops import create_workshop

_WINDOW = """
import sys, time
from pathlib import Path
from facilitator.app.workshops import open_workshop
from facilitator.ui.controller import WINDOW_PROGRAM
session = open_workshop(Path(sys.argv[1]), backup=False, program=WINDOW_PROGRAM)
print("open", flush=True)
time.sleep(60)
"""


def _cli(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "facilitator", "--workshop", str(path), *args],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        check=False,
    )


def test_writes_are_refused_by_name_and_reads_go_on_while_the_window_holds_the_file(tmp_path: Path) -> None:
    """`board add` and `checkin` exit 1 naming the window; `stats` and `board list` answer as usual."""
    path = tmp_path / "w.sqlite"
    create_workshop(path, sample=True).close()
    window = subprocess.Popen([sys.executable, "-c", _WINDOW, str(path)], stdout=subprocess.PIPE, text=True)
    assert window.stdout is not None and window.stdout.readline().strip() == "open"
    try:
        refused = _cli(path, "board", "add", "labour-to-police", "Debt to the recruiter")
        assert refused.returncode == 1
        assert (
            f"is open in the Facilitator window on {os.uname().nodename}, process {window.pid}"
            in refused.stderr
        )
        assert "Traceback" not in refused.stderr
        stats = _cli(path, "stats", "--json")
        assert stats.returncode == 0 and '"participants": 68' in stats.stdout
        listing = _cli(path, "board", "list", "labour-to-police", "--json")
        assert listing.returncode == 0
    finally:
        window.send_signal(signal.SIGKILL)
        window.wait()
        window.stdout.close()
    accepted = _cli(path, "board", "add", "labour-to-police", "Debt to the recruiter")
    assert accepted.returncode == 0, accepted.stderr
