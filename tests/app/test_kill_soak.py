"""kill -9 at any moment, with a second program reading and writing, loses nothing acknowledged."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from facilitator.app.workshops import create_workshop

_DRIVER = Path(__file__).with_name("kill_soak_driver.py")


def test_three_hundred_kills_lose_no_acknowledged_action(tmp_path: Path) -> None:
    """After each of 300 SIGKILLs the file passes integrity_check and holds every acknowledged action."""
    path = tmp_path / "w.sqlite"
    create_workshop(path, sample=True).close()
    finished = subprocess.run(
        [sys.executable, str(_DRIVER), str(path), "300", "7"],
        capture_output=True,
        text=True,
        timeout=170,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])},
        check=False,
    )
    assert finished.returncode == 0, finished.stderr[-3000:]
    report = json.loads(finished.stdout.splitlines()[-1])
    assert report["problems"] == []
    acknowledged = report["acknowledged"]
    # The soak really exercised each path: writes of every kind, GUI-style exports, and the
    # other program both refused (while the writer held the file) and writing (between writers).
    assert min(acknowledged[kind] for kind in "PCKU") > 10, acknowledged
    assert acknowledged["E"] >= 3, acknowledged
    assert acknowledged["R"] > 0 and acknowledged["O"] > 0, acknowledged
