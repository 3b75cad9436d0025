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


def test_writes_are_refused_by_name_and_reads_go_on(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    """While the window holds the file `board add` exits 1 naming it; `stats` and `board list` answer."""
    path = tmp_path / "w.sqlite"
    create_workshop(path, sample=True).close()
    window = subprocess.Popen([sys.executable, "-c", _WINDOW, str(path)], stdout=subprocess.PIPE, text=True)
    assert window.stdout is not None and window.stdout.readline().strip() == "open"
    try:
        refused = run_cli(path, "board", "add", "labour-to-police", "Debt to the recruiter")
        assert refused.returncode == 1
        assert (
            f"is open in the Facilitator window on {os.uname().nodename}, process {window.pid}"
            in refused.stderr
        )
        assert "Traceback" not in refused.stderr
        stats = run_cli(path, "stats", "--json")
        assert stats.returncode == 0 and '"participants": 68' in stats.stdout
        listing = run_cli(path, "board", "list", "labour-to-police", "--json")
        assert listing.returncode == 0
    finally:
        window.send_signal(signal.SIGKILL)
        window.wait()
        window.stdout.close()
    accepted = run_cli(path, "board", "add", "labour-to-police", "Debt to the recruiter")
    assert accepted.returncode == 0, accepted.stderr
