"""``facilitator room open``: serves the room headless, prints its links, stops cleanly on a signal."""

from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from facilitator.app.workshops import create_workshop


def _open_room(path: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "facilitator", "--workshop", str(path), "room", "open", "--bind", "127.0.0.1",
         "--port", "0", *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )  # fmt: skip


def _request(
    url: str, method: str = "GET", body: dict[str, str] | None = None, cookie: str = ""
) -> tuple[int, str]:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    headers = {"Cookie": cookie} if cookie else {}
    if body is not None:
        headers |= {"Content-Type": "application/json", "X-Room": "1"}
    connection.request(method, parts.path, json.dumps(body).encode() if body is not None else None, headers)
    response = connection.getresponse()
    response.read()
    cookie = (response.getheader("Set-Cookie") or "").split(";", 1)[0]
    connection.close()
    return response.status, cookie


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_room_open_prints_links_holds_the_file_and_stops_on_a_signal(tmp_path: Path, run_cli, stop) -> None:  # type: ignore[no-untyped-def]
    """The JSON line names every group's links; a phone's card is saved; the file is held, then released."""
    path = tmp_path / "w.sqlite"
    create_workshop(path, sample=True).close()
    server = _open_room(path, "--json")
    try:
        assert server.stdout is not None
        data = json.loads(server.stdout.readline())
        assert data["url"].startswith("http://127.0.0.1:")
        assert [g["name"] for g in data["groups"]] == [f"Group {n}" for n in range(1, 7)]
        first = data["groups"][0]
        assert set(first) >= {"name", "join_url", "rapporteur_url"}
        assert (
            first["join_url"].startswith(data["url"] + "/j/") and first["rapporteur_url"] != first["join_url"]
        )
        status, cookie = _request(first["join_url"])
        assert status == 200 and cookie.startswith("facilitator_room=")
        assert (
            _request(data["url"] + "/api/cards", "POST", {"text": "Recruiter keeps passports"}, cookie)[0]
            == 201
        )
        refused = run_cli(path, "board", "add", "labour-to-police", "From the command line")
        assert refused.returncode == 1 and "the Facilitator room server" in refused.stderr
        listing = run_cli(path, "board", "list", "labour-to-police", "--json")
        assert [(c["text"], c["group"]) for c in json.loads(listing.stdout)] == [
            ("Recruiter keeps passports", "Group 1")
        ]
    finally:
        server.send_signal(stop)
        _out, err = server.communicate(timeout=20)
    assert server.returncode == 0, err
    assert "Traceback" not in err and "Task was destroyed" not in err
    assert run_cli(path, "board", "add", "labour-to-police", "After the room").returncode == 0


def test_room_open_prints_addresses_for_people(tmp_path: Path) -> None:
    """Without --json the command prints the address, the Wi-Fi line and each group's codes."""
    path = tmp_path / "w.sqlite"
    create_workshop(path, sample=True).close()
    server = _open_room(path)
    try:
        assert server.stdout is not None
        lines = [server.stdout.readline() for _ in range(3)]
    finally:
        server.send_signal(signal.SIGTERM)
        out, _err = server.communicate(timeout=20)
    assert lines[0].startswith("The room is open at http://127.0.0.1:")
    assert lines[1].strip() == "Phones: same Wi-Fi as this laptop; turn mobile data off."
    assert lines[2].startswith("  Group 1: join code ")
    assert out.rstrip().endswith("The room is closed.")


def test_room_open_refuses_a_workshop_without_groups(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    """An empty workshop has no breakout groups: the room is refused with what to do, exit 1."""
    path = tmp_path / "empty.sqlite"
    create_workshop(path).close()
    result = run_cli(path, "room", "open", "--bind", "127.0.0.1", "--port", "0")
    assert result.returncode == 1
    assert "needs breakout groups" in result.stderr and "Traceback" not in result.stderr


def test_room_open_refuses_a_bad_board_and_a_bad_port(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    """An unknown board is refused with the valid ones (exit 1); a port out of range is a usage error (2)."""
    path = tmp_path / "w.sqlite"
    create_workshop(path, sample=True).close()
    board = run_cli(path, "room", "open", "--bind", "127.0.0.1", "--port", "0", "--board", "nope")
    assert board.returncode == 1 and "labour-to-police" in board.stderr
    port = run_cli(path, "room", "open", "--port", "70000")
    assert port.returncode == 2 and "--port" in port.stderr
