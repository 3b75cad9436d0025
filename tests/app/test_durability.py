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


_EXPORTING_WRITER = """
import sys
from pathlib import Path
from facilitator.app import roster
from facilitator.app.exports import ExportOptions, export_document
from facilitator.app.session import WorkshopSession
path = Path(sys.argv[1])
session = WorkshopSession.open(path, backup=False)
reader = WorkshopSession.open_reader(path)  # what every GUI export does, on its worker thread
export_document(reader, "agenda", path.parent / "agenda.pdf", ExportOptions())
reader.close()
print("exported", flush=True)
sys.stdin.readline()
for i in range(5):
    roster.add_participant(session, name=f"ທ. ສົມໃຈ {i}")
    print(i, flush=True)
sys.stdin.readline()
"""


def test_a_reader_and_another_program_between_saves_lose_nothing(tmp_path: Path, run_cli) -> None:
    """Export, then a CLI read by another program, then five saves and kill -9: all five are in the file.

    Opening the reader used to read the file header with a plain open()/close(), which dropped
    the process's SQLite locks; the CLI then deleted the WAL the GUI kept writing to.
    """
    path = tmp_path / "w.sqlite"
    create_workshop(path, sample=True).close()
    process = subprocess.Popen(
        [sys.executable, "-c", _EXPORTING_WRITER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdin is not None and process.stdout is not None
    assert process.stdout.readline().strip() == "exported"
    stats = run_cli(path, "stats", "--json")
    assert stats.returncode == 0, stats.stderr
    process.stdin.write("go\n")
    process.stdin.flush()
    acknowledged = [int(process.stdout.readline()) for _ in range(5)]
    process.send_signal(signal.SIGKILL)
    process.wait()
    process.stdin.close()
    process.stdout.close()
    reader = WorkshopSession.open_reader(path)
    names = {p.name for p in roster.participants(reader)}
    assert reader.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    reader.close()
    assert acknowledged == [0, 1, 2, 3, 4]
    assert {f"ທ. ສົມໃຈ {i}" for i in range(5)} <= names
