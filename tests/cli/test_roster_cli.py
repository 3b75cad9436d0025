"""`facilitator roster import` of an updated list: it updates, adds, and prints the counts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from facilitator.cli import main


def test_importing_the_same_list_twice_prints_the_counts_and_adds_nobody(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A first import adds; the same list again changes nothing; an updated one updates and adds."""
    workshop = tmp_path / "w.sqlite"
    main(["new", str(workshop)])
    source = tmp_path / "list.csv"
    source.write_text("Full name,Sex,Country,Designation\nAna Reyes,Babae,Phils.,Director\nBen Tan,M,SG,\n")
    capsys.readouterr()
    assert main(["--workshop", str(workshop), "roster", "import", str(source)]) == 0
    assert f"Imported {source}: 2 new, 0 updated, 0 unchanged." in capsys.readouterr().out
    assert main(["--workshop", str(workshop), "roster", "import", str(source)]) == 0
    assert f"Imported {source}: 0 new, 0 updated, 2 unchanged." in capsys.readouterr().out
    source.write_text("Full name,Sex,Country,Designation\nAna Reyes,F,PH,Undersecretary\nCara Lim,F,MY,\n")
    assert main(["--workshop", str(workshop), "roster", "import", str(source)]) == 0
    assert (
        "1 new, 1 updated, 0 unchanged; 1 on the roster but not in the file kept" in capsys.readouterr().out
    )
    assert main(["--workshop", str(workshop), "roster", "import", str(source), "--remove-missing"]) == 0
    assert "0 new, 0 updated, 2 unchanged, 1 not in the file removed." in capsys.readouterr().out
    assert main(["--workshop", str(workshop), "stats", "--json"]) == 0
    assert '"participants": 2' in capsys.readouterr().out


_HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"
_EXPECTED = json.loads((_HOSTILE / "expected.json").read_text(encoding="utf-8"))["files"]


@pytest.mark.parametrize("name", sorted(_EXPECTED))
def test_hostile_files_get_a_plain_answer_never_exit_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """Each hostile roster file is imported (exit 0) or refused (exit 1) with its message on
    stderr; none ends as an unexpected error (exit 3) or with a traceback."""
    workshop = tmp_path / "w.sqlite"
    main(["new", str(workshop)])
    capsys.readouterr()
    code = main(["--workshop", str(workshop), "roster", "import", str(_HOSTILE / name)])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if "refused" in _EXPECTED[name]:
        assert code == 1
        assert name in err and _EXPECTED[name]["refused"][0] in err
    else:
        assert code == 0
