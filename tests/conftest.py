"""Shared fixtures: every test runs headless, with sessions, exports and settings in a temp dir."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# CI replays the same examples on every run, so a red build always reproduces; locally Hypothesis
# keeps exploring new ones.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def collect_on_main_thread() -> Iterator[None]:
    """Collect garbage here, on the main thread, after each test.

    The GUI switches automatic collection off (see facilitator.ui.gc_guard) and collects from a
    timer; a test that never spins the event loop gets its collection here instead.
    """
    yield
    counts, thresholds = gc.get_count(), gc.get_threshold()
    for generation in (2, 1, 0):
        if counts[generation] > thresholds[generation]:
            gc.collect(generation)
            break


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Point sessions/, exports/ and Qt settings at a fresh temp folder for each test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("FACILITATOR_HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    yield home


@pytest.fixture
def sample_session(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A real workshop file built from the Luang Prabang sample."""
    from facilitator.app.workshops import create_workshop

    session = create_workshop(tmp_path / "sample.sqlite", sample=True)
    yield session
    session.close()


@pytest.fixture
def empty_session(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A real, empty workshop file."""
    from facilitator.app.workshops import create_workshop

    session = create_workshop(tmp_path / "empty.sqlite", sample=False)
    yield session
    session.close()


@pytest.fixture(scope="session")
def sample_roster():  # type: ignore[no-untyped-def]
    """The 68 participants of the Luang Prabang sample."""
    from facilitator.app.workshops import load_sample_roster

    return load_sample_roster()


@pytest.fixture(scope="session")
def sample_people(sample_roster):  # type: ignore[no-untyped-def]
    """The 55 sample participants who take part in breakout groups by default."""
    from facilitator.core.grouping import Eligibility

    return list(Eligibility().select(sample_roster))


@pytest.fixture(scope="session")
def sample_people_all(sample_roster):  # type: ignore[no-untyped-def]
    """All 68 sample participants, organisers and staff included."""
    from facilitator.core.grouping import Eligibility

    return list(Eligibility.everyone().select(sample_roster))


@pytest.fixture
def run_cli():  # type: ignore[no-untyped-def]
    """Run ``facilitator --workshop PATH ARGS…`` as its own process, as another program would."""
    import subprocess
    import sys

    def run(workshop: Path, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "facilitator", "--workshop", str(workshop), *args],
            capture_output=True,
            text=True,
            env=os.environ.copy(),
            check=False,
        )

    return run
