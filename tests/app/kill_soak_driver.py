"""The kill -9 soak, run as its own process by ``test_kill_soak.py``.

It forks a writer that drives real application commands (participants, red flags, check-ins,
undo, and the GUI's export path: a read-only session writing a PDF) and acknowledges each one on
a pipe only after the command returned; it kills the writer with SIGKILL after a random moment,
then checks the file. Meanwhile a second forked process keeps reading the workshop and tries to
write: refused while the writer holds it, accepted (and acknowledged) in between. Forking from
this single-threaded process keeps each round to milliseconds; forking the test process itself
would copy whatever threads earlier GUI tests left.

Prints one JSON line: rounds, kills, acknowledged counts and every problem found.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import sys
import time
from pathlib import Path

from facilitator.app import boards, checkin, roster
from facilitator.app.exports import ExportOptions, export_document
from facilitator.app.session import WorkshopSession
from facilitator.core.errors import FacilitatorError, WorkshopLockedError

NAMES = ("ທ. ສົມໃຈ", "พ.ต.ท. สมชาย (ใจดี)", "សុខ-ចាន់ 2", "ဦး.မောင်မောင်", "Nguyễn Thị Hoa", "Villanueva-Santos")


def _open_writer(path: Path, program: str) -> WorkshopSession:
    while True:
        try:
            return WorkshopSession.open(path, backup=random.random() < 0.2, program=program)
        except WorkshopLockedError:
            time.sleep(0.002)


def _writer(path: Path, ack: int, seed: int) -> None:
    rng = random.Random(seed)
    session = _open_writer(path, "soak writer")
    exports = path.parent / "exports"
    step = 0
    while True:
        step += 1
        roll = rng.random()
        if roll < 0.35:
            pid = roster.add_participant(session, name=f"{rng.choice(NAMES)} {seed}.{step}", delegation="LA")
            os.write(ack, f"P {pid}\n".encode())
        elif roll < 0.65:
            card = boards.add_card(session, "labour-to-police", f"Passports held ({seed}.{step})")
            os.write(ack, f"C {card}\n".encode())
        elif roll < 0.8:
            people = roster.participants(session)
            person = rng.choice(people).id
            try:
                checkin.check_in_participant(session, person, 1)
                os.write(ack, f"K {person}\n".encode())
            except FacilitatorError:
                pass  # already checked in today: refused whole, nothing to acknowledge
        elif roll < 0.9:
            pid = roster.add_participant(session, name=f"Undone {seed}.{step}")
            session.undo()
            os.write(ack, f"U {pid}\n".encode())
        else:
            reader = WorkshopSession.open_reader(path)
            try:
                export_document(reader, "agenda", exports / "agenda.pdf", ExportOptions())
            finally:
                reader.close()
            os.write(ack, b"E 0\n")


def _other(path: Path, ack: int, stop_after: float) -> None:
    """A second program: reads all the time, writes whenever nobody holds the workshop."""
    end = time.monotonic() + stop_after
    while time.monotonic() < end:
        reader = WorkshopSession.open_reader(path)
        len(roster.participants(reader))
        reader.close()
        try:
            session = WorkshopSession.open(path, backup=False, program="soak other")
        except WorkshopLockedError:
            os.write(ack, b"R 0\n")
            time.sleep(0.003)
            continue
        card = boards.add_card(session, "police-to-labour", "Unpaid overtime (other program)")
        session.close()
        os.write(ack, f"O {card}\n".encode())
        time.sleep(0.01)


def _drain(fd: int) -> list[tuple[str, int]]:
    data = b""
    while chunk := os.read(fd, 65536):
        data += chunk
    lines = data.decode().splitlines()
    return [(kind, int(value)) for kind, value in (line.split() for line in lines if line.count(" ") == 1)]


def _check(path: Path, acked: list[tuple[str, int]]) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        problems = []
        if conn.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
            problems.append("integrity_check failed")
        people = {row[0] for row in conn.execute("SELECT id FROM participants")}
        cards = {row[0] for row in conn.execute("SELECT id FROM boards_cards")}
        scans = {row[0] for row in conn.execute("SELECT participant_id FROM checkin_scans WHERE day = 1")}
        for kind, value in acked:
            lost = (
                (kind == "P" and value not in people)
                or (kind in "CO" and value not in cards)
                or (kind == "K" and value not in scans)
                or (kind == "U" and value in people)
            )
            if lost:
                problems.append(f"acknowledged {kind} {value} is not as acknowledged")
        pdf = path.parent / "exports" / "agenda.pdf"
        if pdf.exists() and not pdf.read_bytes().rstrip().endswith(b"%%EOF"):
            problems.append("the agenda export is a partial file")
        return problems
    finally:
        conn.close()


def main(path: Path, rounds: int, seed: int) -> None:
    rng = random.Random(seed)
    warm = WorkshopSession.open_reader(path)  # load reportlab and fonts once, before forking
    export_document(warm, "agenda", path.parent / "warm-up.pdf", ExportOptions())
    warm.close()
    other_read, other_write = os.pipe()
    other = os.fork()
    if other == 0:
        os.close(other_read)
        _other(path, other_write, stop_after=120.0)
        os._exit(0)
    os.close(other_write)
    acked: list[tuple[str, int]] = []
    problems: list[str] = []
    for number in range(rounds):
        read, write = os.pipe()
        child = os.fork()
        if child == 0:
            os.close(read)
            _writer(path, write, seed * 100000 + number)
            os._exit(0)
        os.close(write)
        # Most kills land within the first actions; one round in fifteen lives long enough for a
        # whole export even on a loaded machine, so that finished exports are checked too.
        time.sleep(rng.uniform(0.002, 0.12) if number % 15 else rng.uniform(0.4, 1.0))
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
        acked += _drain(read)
        os.close(read)
        problems += [f"round {number}: {p}" for p in _check(path, acked)]
    os.kill(other, signal.SIGKILL)
    os.waitpid(other, 0)
    from_other = _drain(other_read)
    problems += [f"after the last round: {p}" for p in _check(path, acked + from_other)]
    counts = {kind: sum(1 for k, _ in acked + from_other if k == kind) for kind in "PCKUEOR"}
    print(json.dumps({"rounds": rounds, "acknowledged": counts, "problems": problems[:20]}))


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
