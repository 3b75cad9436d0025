"""Nothing shown as saved is lost when the process is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from facilitator.app import roster
from facilitator.app.session import WorkshopSession
from facilitator.app.workshops import create_workshop

_WRITER = """
import sys
from pathlib import Path
from facilitator.app import roster
from facilitator.app.session import WorkshopSession
session = WorkshopSession.open(Path(sys.argv[1]))
for i in range(100000):
    roster.add_participant(session, name=f"Person {i}")
    print(i, flush=True)
"""


def test_kill_during_writes_loses_nothing_acknowledged(tmp_path: Path) -> None:
    """After SIGKILL mid-stream, every participant reported as saved is in the file."""
    path = tmp_path / "w.sqlite"
    create_workshop(path).close()
    process = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(path)], stdout=subprocess.PIPE, text=True, env=os.environ.copy()
    )
    assert process.stdout is not None
    acknowledged = -1
    for line in process.stdout:
        acknowledged = int(line)
        if acknowledged >= 40:
            break
    process.send_signal(signal.SIGKILL)
    process.wait()
    process.stdout.close()
    session = WorkshopSession.open(path)
    names = {p.name for p in roster.participants(session)}
    session.close()
    assert {f"Person {i}" for i in range(acknowledged + 1)} <= names
