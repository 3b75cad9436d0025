"""Benchmarks of the guidelines draft: commands on a big draft, and its PDF, DOCX and the report.

Run with ``make bench``. A workshop rarely has more than a hundred key actions; 600 shows how the
exports scale. Figures are printed; the PDF is compared with the DOCX of the same draft in one run
(the PDF lays out twice for its contents page, so it may cost a few times more, not an order more).
"""

from __future__ import annotations

import time
from pathlib import Path

from facilitator.app import guidelines
from facilitator.app.exports import export_document
from facilitator.app.workshops import create_workshop

_ACTIONS = 600


def _timed(work) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def test_big_draft_commands_and_exports(tmp_path: Path) -> None:
    """Adding, marking and merging stay quick, and the PDF costs at most a few DOCX exports."""
    session = create_workshop(tmp_path / "w.sqlite", sample=True)
    sections = [s.id for s in guidelines.draft(session).sections]
    start = time.perf_counter()
    for index in range(_ACTIONS):
        guidelines.add_action(
            session,
            sections[index % len(sections)],
            f"Key action {index}: labour inspectors and police agree who does what on site visit {index}.",
            lead_agency="Labour inspectorate",
            partners="Police; immigration",
            recommendations="S3R13",
            source_group=f"Group {index % 6 + 1}",
        )
    add = (time.perf_counter() - start) / _ACTIONS
    ids = [a.id for a in guidelines.draft(session).actions]
    status = _timed(lambda: guidelines.set_status(session, ids, "agreed"))
    merge = _timed(lambda: guidelines.merge_actions(session, ids[:50]))
    pdf = _timed(lambda: export_document(session, "guidelines", tmp_path / "g.pdf"))
    docx = _timed(lambda: export_document(session, "guidelines", tmp_path / "g.docx"))
    report = _timed(lambda: export_document(session, "report", tmp_path / "r.pdf"))
    session.close()
    print(
        f"\nguidelines, {_ACTIONS} key actions: add {add * 1000:.1f} ms each,"
        f" mark all agreed {status * 1000:.0f} ms,"
        f" merge 50 {merge * 1000:.0f} ms; PDF {pdf:.2f} s, DOCX {docx:.2f} s (ratio {pdf / docx:.1f}),"
        f" report {report:.2f} s"
    )
    assert add < 0.05
    assert pdf / docx < 8
