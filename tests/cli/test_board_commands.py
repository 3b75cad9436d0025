"""``facilitator board add|list`` and ``export board``, exactly as DESIGN.md promises them."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from facilitator.cli import main


@pytest.fixture
def workshop(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A new empty workshop file."""
    path = tmp_path / "w.sqlite"
    assert main(["new", str(path)]) == 0
    capsys.readouterr()
    return path


def _run(workshop: Path, *args: str) -> int:
    return main(["--workshop", str(workshop), *args])


def test_add_then_list_json(workshop: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Cards added on the command line come back from `board list --json` with the documented keys."""
    text = 'Worker\'s passport "kept safe" <b>by</b> the boss & co\nsecond line ແຮງງານ'
    assert _run(workshop, "board", "add", "labour-to-police", text, "--group", "Group 3",
                "--category", "retention-of-documents") == 0  # fmt: skip
    assert _run(workshop, "board", "add", "labour-to-police", "No wages for 3 months") == 0
    assert "Added card 2" in capsys.readouterr().out
    assert _run(workshop, "board", "list", "labour-to-police", "--json") == 0
    cards = json.loads(capsys.readouterr().out)
    assert [{k: c[k] for k in ("id", "text", "group", "category", "votes")} for c in cards] == [
        {"id": 1, "text": text, "group": "Group 3", "category": "retention-of-documents", "votes": 0},
        {"id": 2, "text": "No wages for 3 months", "group": "", "category": "", "votes": 0},
    ]


def test_list_text_shows_categories_and_cards(workshop: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The plain listing names the board, each used category and its cards."""
    _run(workshop, "board", "add", "police-to-labour", "Underage worker", "--category", "child-labour")
    capsys.readouterr()
    assert _run(workshop, "board", "list", "police-to-labour") == 0
    out = capsys.readouterr().out
    assert "Police to labour (police-to-labour): 1 card" in out
    assert "Child labour (child-labour)" in out and "#1 [0 votes] Underage worker" in out


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["board", "add", "nowhere", "x"], "Valid boards: labour-to-police, police-to-labour."),
        (["board", "list", "nowhere"], "Valid boards: labour-to-police, police-to-labour."),
        (["board", "add", "police-to-labour", "x", "--category", "debt-bondage"], "categories: unpaid-wages"),
        (["board", "add", "labour-to-police", "   "], "write the red flag"),
    ],
)  # fmt: skip
def test_refusals_exit_1_with_the_valid_choices(
    workshop: Path, capsys: pytest.CaptureFixture[str], args: list[str], expected: str
) -> None:
    """Unknown boards and categories are refused on stderr, with the valid ones listed, and exit 1."""
    assert _run(workshop, *args) == 1
    captured = capsys.readouterr()
    assert expected in captured.err and "Traceback" not in captured.err
    assert captured.out == ""
    _run(workshop, "board", "list", "labour-to-police", "--json")
    assert json.loads(capsys.readouterr().out) == []


def test_export_board_csv_and_pdf(workshop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`export board` writes the consolidated matrix; `--board` picks one board; CSV keeps text exactly."""
    text = 'Debt "grows" every month,\nnever repaid'
    _run(
        workshop, "board", "add", "labour-to-police", text, "--category", "debt-bondage", "--group", "Group 1"
    )
    _run(workshop, "board", "add", "police-to-labour", "No contract", "--category", "no-contract")
    out = tmp_path / "matrix.csv"
    assert _run(workshop, "export", "board", "-o", str(out)) == 0
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["Board"], r["Category key"], r["Red flag"]) for r in rows] == [
        ("labour-to-police", "debt-bondage", text),
        ("police-to-labour", "no-contract", "No contract"),
    ]
    single = tmp_path / "one.pdf"
    assert _run(workshop, "export", "board", "--board", "police-to-labour", "-o", str(single)) == 0
    assert single.read_bytes().startswith(b"%PDF")
    assert _run(workshop, "export", "board", "--board", "nowhere", "-o", str(tmp_path / "x.pdf")) == 1
    assert "Valid boards" in capsys.readouterr().err
