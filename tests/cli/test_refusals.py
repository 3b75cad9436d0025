"""Ordinary trouble gets a plain refusal with exit status 1, never "unexpected error"."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitator.app.session import WorkshopSession
from facilitator.app.workshops import create_workshop


@pytest.fixture
def workshop(tmp_path: Path) -> Path:
    """A sample workshop file, closed."""
    path = tmp_path / "w.sqlite"
    create_workshop(path, sample=True).close()
    return path


def test_an_output_that_is_a_folder_or_under_a_file_is_refused(workshop: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    """`-o` naming a folder, or a path under a file, is refused before any work, naming the path."""
    folder = run_cli(workshop, "export", "agenda", "-o", str(workshop.parent))
    assert (folder.returncode, folder.stderr.strip()) == (
        1,
        f"facilitator: {workshop.parent} is a folder. Name a file in it, for example "
        f"{workshop.parent / 'document.pdf'}.",
    )
    under_file = run_cli(workshop, "roster", "export", str(workshop / "roster.csv"))
    assert under_file.returncode == 1
    assert (
        f"{workshop} is a file, so {workshop / 'roster.csv'} cannot be written under it" in under_file.stderr
    )


def test_a_version_number_facilitator_never_writes_is_called_damage(workshop: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    """A negative user_version is refused as a damaged file, for reading and for writing."""
    raw = sqlite3.connect(workshop)
    raw.execute("PRAGMA user_version = -3")
    raw.close()
    for args in (("stats",), ("board", "add", "labour-to-police", "x")):
        done = run_cli(workshop, *args)
        assert done.returncode == 1
        assert "damaged (its version number is -3" in done.stderr


def test_output_cut_short_by_the_reader_is_not_an_error(workshop: Path) -> None:
    """`facilitator board list … | head -c 10` ends quietly with status 0 once head stops reading."""
    session = WorkshopSession.open(workshop, backup=False)
    with session.action("Fill", ["boards"]) as conn:
        board_id = conn.execute("SELECT id FROM boards_boards WHERE key = 'labour-to-police'").fetchone()[0]
        conn.executemany(
            "INSERT INTO boards_cards (board_id, text) VALUES (?, ?)",
            [(board_id, f"Wages withheld for months ({n})") for n in range(3000)],
        )
    session.close()
    pipeline = subprocess.run(
        f'"{sys.executable}" -m facilitator --workshop "{workshop}" board list labour-to-police '
        "| head -c 10; "
        'exit "${PIPESTATUS[0]}"',
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        check=False,
    )
    assert len(pipeline.stdout) == 10
    assert (pipeline.returncode, pipeline.stderr) == (0, "")


def _read_only(path: Path) -> Iterator[bool]:
    path.chmod(0o444)
    made_immutable = False
    if os.geteuid() == 0:  # permissions do not stop root; the immutable attribute does
        made_immutable = (
            subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False).returncode == 0
        )
    try:
        yield os.geteuid() != 0 or made_immutable
    finally:
        if made_immutable:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        path.chmod(0o644)


def test_a_read_only_workshop_is_read_and_refused_for_writing(workshop: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    """A read-only file answers `stats`; a write says the file is read-only, before any action."""
    for usable in _read_only(workshop):
        if not usable:
            pytest.skip("this machine cannot make a file read-only for root (no chattr)")
        assert run_cli(workshop, "stats").returncode == 0
        refused = run_cli(workshop, "board", "add", "labour-to-police", "x")
        assert refused.returncode == 1
        assert "the workshop file is read-only, so it cannot be changed here" in refused.stderr


def test_a_full_disk_still_reads_and_refuses_writes_plainly(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    """On a full disk `stats` still answers and `board add` says the disk is full."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    if subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", str(mount)], capture_output=True
    ).returncode:
        pytest.skip("this machine cannot mount a small tmpfs to fill (needs root)")
    try:
        create_workshop(mount / "w.sqlite", sample=True).close()
        filler = os.open(mount / "filler", os.O_WRONLY | os.O_CREAT)
        with pytest.raises(OSError):
            while True:
                os.write(filler, b"\0" * 4096)
        os.close(filler)
        assert run_cli(mount / "w.sqlite", "stats").returncode == 0
        refused = run_cli(mount / "w.sqlite", "board", "add", "labour-to-police", "x")
        assert refused.returncode == 1
        assert "No space left on device" in refused.stderr or "disk is full" in refused.stderr
        assert "unexpected error" not in refused.stderr
    finally:
        subprocess.run(["umount", str(mount)], check=True)
