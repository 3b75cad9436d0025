"""Benchmarks of the documents at scale: 2,000 name tags, a 2,000-row sign-in sheet, the report,
a 10,000-card board.

Run with ``make bench``. Targets (issue 18): 2,000 name tags in under 3 s, 2,000 sign-in rows in
under 4 s, the sample's workshop report in under 1.5 s; (issue 13) the 10,000-card board workbook
in under 5 s and the workshop report of 5,000 participants and 10,000 cards in under 20 s. Every
roster holds the sample's people, whose names mix Latin with Lao, Thai, Khmer and Myanmar, and each
copy has a different name, so nothing is shaped only once. The 68-person figures are printed beside
the 2,000 ones from the same run, so the ratio shows how the work grows.
"""

from __future__ import annotations

import time
from pathlib import Path

from facilitator.app import boards, roster
from facilitator.app.changes import BOARDS, ROSTER
from facilitator.app.exports import ExportOptions, export_document
from facilitator.app.session import WorkshopSession
from facilitator.app.workshops import create_workshop
from facilitator.core.boards import LABOUR_TO_POLICE, RedFlagCard
from facilitator.storage import boards_store, roster_store


def _grow_roster(session: WorkshopSession, size: int) -> None:
    """Add copies of the sample's people, each with its own name, until the roster has ``size``."""
    sample = roster.participants(session)
    extra = []
    for index in range(size - len(sample)):
        person = sample[index % len(sample)]
        native = f"{person.native_name} {index}" if person.native_name else ""
        extra.append(person.with_changes(id=0, name=f"{person.name} {index}", native_name=native))
    with session.action("Grow roster", [ROSTER]) as conn:
        roster_store.insert_participants(conn, extra)


def _add_cards(session: WorkshopSession, count: int) -> None:
    """Add ``count`` red flags to the labour-to-police board from 40 groups, a few of them long,
    with votes on every tenth."""
    keys = ["", *(c.key for c in boards.board(session, LABOUR_TO_POLICE).categories)]
    with session.action("Benchmark cards", [BOARDS]) as conn:
        for n in range(count):
            words = "the employer keeps the passports of workers ແຮງງານ " * (40 if n % 50 == 0 else 1)
            card_id = boards_store.insert_card(
                conn,
                RedFlagCard(
                    0,
                    LABOUR_TO_POLICE,
                    keys[n % len(keys)],
                    f"Red flag {n}: {words}",
                    evidence="Interview notes\nPhotographs of the contract",
                    refer_to="Police; Labour inspectorate",
                    group=f"Group {n % 40 + 1}",
                    created="2019-05-27T10:00:00+07:00",
                ),
            )
            if n % 10 == 0:
                boards_store.insert_dot(conn, card_id, f"Group {n % 40 + 1}", "")


def _forget_caches() -> None:
    """Drop shaped text, line breaks and QR codes kept from earlier exports."""
    from facilitator.documents import fitting, linebreak, qr, qr_matrix, text

    text.shape_text.cache_clear()
    text.shape_run.cache_clear()
    text.font_runs.cache_clear()
    linebreak.line_segments.cache_clear()
    fitting.fit_text.cache_clear()
    qr_matrix.qr_matrix.cache_clear()
    qr._path_operators.cache_clear()


def _export(session: WorkshopSession, kind: str, output: Path, **options: object) -> float:
    """Seconds of this process's CPU time for one export from cold caches.

    CPU time rather than wall time: the machine is shared (other programs' tests run beside the
    benchmark), and the wall time of a run is printed beside it.
    """
    _forget_caches()
    wall, cpu = time.perf_counter(), time.process_time()
    export_document(session, kind, output, ExportOptions(**options))  # type: ignore[arg-type]
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    _WALL[kind] = wall
    return cpu


_WALL: dict[str, float] = {}


def test_documents_for_68_and_2000_people(tmp_path: Path) -> None:
    """2,000 name tags under 3 s, 2,000 sign-in rows under 4 s, the sample's report under 1.5 s
    (CPU time of the export)."""
    session = create_workshop(tmp_path / "w.sqlite", sample=True)
    try:
        cold = _export(session, "name-tags", tmp_path / "cold.pdf")
        print(f"\n68 name tags, first export in the process (imports, fonts, ICU): {cold:.3f} s")
        report = min(_export(session, "report", tmp_path / f"report{i}.pdf") for i in range(3))
        print(f"workshop report of the sample: {report:.3f} s CPU (last run {_WALL['report']:.3f} s wall)")
        small = {
            kind: min(_export(session, kind, tmp_path / f"{kind}{i}.pdf", day=1) for i in range(3))
            for kind in ("name-tags", "signin-sheet", "tent-cards")
        }
        _grow_roster(session, 2000)
        large, wall = {}, {}
        for kind in small:
            # The best of three runs: on a shared machine a single run measures the neighbours too.
            runs = []
            for _ in range(3):
                runs.append((_export(session, kind, tmp_path / f"{kind}-2000.pdf", day=1), _WALL[kind]))
            large[kind], wall[kind] = min(runs)
        for kind in small:
            size_mb = (tmp_path / f"{kind}-2000.pdf").stat().st_size / 1e6
            print(
                f"{kind}: 68 people {small[kind]:.3f} s, 2,000 people {large[kind]:.3f} s CPU "
                f"({wall[kind]:.3f} s wall, {size_mb:.1f} MB), ratio {large[kind] / small[kind]:.1f} "
                f"(linear would be {2000 / 68:.1f})"
            )
    finally:
        session.close()
    assert large["name-tags"] < 3.0
    assert large["signin-sheet"] < 4.0
    assert report < 1.5


def test_board_workbook_of_10000_cards_and_report_of_5000_people(tmp_path: Path) -> None:
    """The 10,000-card board workbook under 5 s; the report of 5,000 people and 10,000 cards
    under 20 s (CPU time of the export). Each is printed beside a tenth of its size: 1,000 cards,
    and 500 people with 1,000 cards."""
    session = create_workshop(tmp_path / "w.sqlite", sample=True)
    try:
        _add_cards(session, 1000)
        small = _export(session, "board", tmp_path / "board-1000.xlsx", board=LABOUR_TO_POLICE)
        _grow_roster(session, 500)
        small_report = _export(session, "report", tmp_path / "report-500.pdf")
        small_report_wall = _WALL["report"]
        _add_cards(session, 9000)
        workbook = _export(session, "board", tmp_path / "board-10000.xlsx", board=LABOUR_TO_POLICE)
        print(
            f"\nboard workbook: 1,000 cards {small:.3f} s, 10,000 cards {workbook:.3f} s CPU "
            f"({_WALL['board']:.3f} s wall), ratio {workbook / small:.1f} (linear would be 10)"
        )
        _grow_roster(session, 5000)
        report = _export(session, "report", tmp_path / "report-5000.pdf")
        size_mb = (tmp_path / "report-5000.pdf").stat().st_size / 1e6
        print(
            f"workshop report: 500 people and 1,000 cards {small_report:.3f} s CPU "
            f"({small_report_wall:.3f} s wall); 5,000 people and 10,000 cards {report:.3f} s CPU "
            f"({_WALL['report']:.3f} s wall, {size_mb:.1f} MB), ratio {report / small_report:.1f} "
            "(linear would be 10)"
        )
    finally:
        session.close()
    assert workbook < 5.0
    assert report < 20.0
