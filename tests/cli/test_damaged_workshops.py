"""Generated damage to a workshop file: every command answers with a refusal, never a bug.

The roster readers have their property tests (tests/storage/test_roster_file.py); this is the same
for the fourth kind of file the program reads, the workshop itself: cut short, overwritten in the
middle, or with its header changed, as a failing USB stick or a half-copied file leaves it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from facilitator.app.workshops import create_workshop
from facilitator.cli import main

#: Commands that read (no lock, no backup) and one that writes.
COMMANDS = (("stats",), ("agenda", "--json"), ("board", "list", "labour-to-police"), ("roster", "export"))


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The bytes of a valid sample workshop, checkpointed into one file."""
    path = tmp_path_factory.mktemp("pristine") / "w.sqlite"
    create_workshop(path, sample=True).close()
    return path.read_bytes()


damage = st.one_of(
    st.tuples(st.just("cut"), st.integers(0, 200_000), st.binary(max_size=0)),
    st.tuples(st.just("overwrite"), st.integers(0, 200_000), st.binary(min_size=1, max_size=4096)),
    st.tuples(st.just("header"), st.integers(16, 99), st.binary(min_size=1, max_size=4)),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(damage=damage, command=st.sampled_from(COMMANDS))
def test_a_damaged_workshop_is_refused_never_a_crash(
    pristine: bytes,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    damage: tuple[str, int, bytes],
    command: tuple[str, ...],
) -> None:
    """Exit 0 (the damage missed what the command reads) or 1 with one plain sentence; never 3."""
    kind, offset, data = damage
    folder = tmp_path / f"case-{abs(hash((kind, offset, data, command)))}"
    folder.mkdir()
    path = folder / "w.sqlite"
    contents = bytearray(pristine)
    if kind == "cut":
        contents = contents[: offset % (len(contents) + 1)]
    else:
        start = offset % len(contents)
        contents[start : start + len(data)] = data
    path.write_bytes(bytes(contents))
    args = ["--workshop", str(path), *command]
    if command == ("roster", "export"):
        args.append(str(folder / "roster.csv"))
    code = main(args)
    err = capsys.readouterr().err
    event(f"exit {code}")
    assert code in (0, 1), err
    if code == 1:
        assert err.startswith("facilitator: ") and "Traceback" not in err and "unexpected error" not in err
    shutil.rmtree(folder)
