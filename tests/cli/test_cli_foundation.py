"""The headless commands of the foundation, exactly as DESIGN.md promises them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.cli import main


def test_new_sample_then_stats_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`new --sample` builds the sample; `stats --json` has the documented shape."""
    path = tmp_path / "w.sqlite"
    assert main(["new", str(path), "--sample"]) == 0
    capsys.readouterr()
    assert main(["--workshop", str(path), "stats", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["participants"] == 68
    assert sum(data["by_sex"].values()) == 68
    assert data["by_sector"]["labour"] == 20
    assert data["by_delegation"]["LA"] == 4


def test_stats_without_workshop_uses_the_sample(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    """With no --workshop the sample is created in sessions/ on first run."""
    assert main(["stats"]) == 0
    assert "68 participants" in capsys.readouterr().out
    assert (isolated_home / "sessions" / "luang-prabang-2019.sqlite").is_file()


def test_import_with_map_and_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--map feeds a field from an unrecognised column; export writes CSV by extension."""
    path = tmp_path / "w.sqlite"
    main(["new", str(path)])
    source = tmp_path / "list.csv"
    source.write_text("Delegate,Gender\nAna Reyes,F\n")
    assert main(["--workshop", str(path), "roster", "import", str(source), "--map", "Delegate=name"]) == 0
    out = tmp_path / "out.csv"
    assert main(["--workshop", str(path), "roster", "export", str(out)]) == 0
    assert "Ana Reyes,,F" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", "empty"),
        ("Name,Sex\n", "no participants"),
        ("Gender,Country\nF,LA\n", "has no column for participants' names"),
        ("Name,Sex\n,F\n", "row 2, column 'Name'"),
        ("Name,Sex\nAna,7\n", "row 2, column 'Sex'"),
    ],
)
def test_bad_imports_fail_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, expected: str
) -> None:
    """Each bad file: exit 1, the file and place named on stderr, no traceback, roster unchanged."""
    path = tmp_path / "w.sqlite"
    main(["new", str(path), "--sample"])
    source = tmp_path / "bad.csv"
    source.write_text(content)
    capsys.readouterr()
    assert main(["--workshop", str(path), "roster", "import", str(source)]) == 1
    captured = capsys.readouterr()
    assert expected in captured.err
    assert "bad.csv" in captured.err
    assert "--map 'Participant'=name" in captured.err
    assert "Traceback" not in captured.err
    main(["--workshop", str(path), "stats", "--json"])
    assert json.loads(capsys.readouterr().out)["participants"] == 68


def test_not_a_workshop(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file that is not a workshop exits 1 with a plain message."""
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    assert main(["--workshop", str(path), "stats"]) == 1
    assert "not a Facilitator workshop" in capsys.readouterr().err


def test_unknown_export_kind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown document kind lists the valid ones."""
    path = tmp_path / "w.sqlite"
    main(["new", str(path)])
    assert main(["--workshop", str(path), "export", "posters"]) == 1
    err = capsys.readouterr().err
    assert "name-tags" in err
    assert "report" in err


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """A wrong command line is a usage error with status 2."""
    with pytest.raises(SystemExit) as caught:
        main(["roster", "frobnicate"])
    assert caught.value.code == 2


@pytest.mark.parametrize(
    ("argv", "opened"),
    [([], "None"), (["--workshop", "w.sqlite"], "w.sqlite"), (["--workshop=w.sqlite"], "w.sqlite")],
)
def test_window_start_loads_no_command_module(argv: list[str], opened: str) -> None:
    """Opening the window skips the command grammar, whose modules would slow the start."""
    script = (
        "import sys\n"
        "import facilitator.ui.application as application\n"
        "application.run_gui = lambda workshop: print('window', workshop) or 0\n"
        "from facilitator.cli import main\n"
        f"code = main({argv!r})\n"
        "print(sorted(m for m in sys.modules if m.startswith('facilitator.cli.')), code)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines() == [f"window {opened}", "[] 0"]


def test_help_still_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    listed = capsys.readouterr().out
    for command in ("new", "roster", "stats", "agenda", "board", "checkin", "groups", "guidelines", "export"):
        assert command in listed
