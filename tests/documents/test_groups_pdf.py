"""The group lists PDF as a reader sees it: text per page, and pixels on the overview."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
from pypdf import PdfReader

from facilitator.core.grouping import COUNTRY, Eligibility, GroupingRequest, assign_groups
from facilitator.core.participants import Participant
from facilitator.core.workshop import WorkshopInfo
from facilitator.documents.groups_pdf import RoundSheet, write_group_lists


def _sheet(people: list[Participant], mode: str = "spread") -> RoundSheet:
    result = assign_groups(GroupingRequest.build(people, 3, mode=mode))
    by_id = {p.id: p for p in people}
    return RoundSheet(
        name="Round & <one>",
        mode=mode,
        locked=False,
        agenda_title="Breakout 1: red flags",
        group_names=("Group 1", "Group 2", "Group 3"),
        groups=tuple(tuple(by_id[pid] for pid in g) for g in result.groups),
        quality=result.quality,
    )


def test_pages_text_and_escaping(sample_roster: list[Participant], tmp_path: Path) -> None:
    """Overview then a page per group; names with & and < print as written; off-band counts named."""
    people = list(Eligibility().select(sample_roster))[:24]
    sheet = _sheet(people, COUNTRY)
    path = write_group_lists(tmp_path / "g.pdf", WorkshopInfo(code="LP", title="Test workshop"), [sheet])
    pages = [page.extract_text() for page in PdfReader(str(path)).pages]
    assert len(pages) == 4
    assert "Round & <one>: groups" in pages[0] and "Country teams" in pages[0]
    for number, members in enumerate(sheet.groups, start=1):
        assert f"Round & <one> · Group {number}" in pages[number]
        assert "Balance of this group" in pages[number]
        assert all(p.name.split()[-1] in pages[number] for p in members if p.name.isascii())
    assert "Page 1 of 4" in pages[0]


def test_overview_renders_names_in_boxes(sample_roster: list[Participant], tmp_path: Path) -> None:
    """The overview page has ink in each of the three group boxes of its first row."""
    sheet = _sheet(list(Eligibility().select(sample_roster)))
    path = write_group_lists(tmp_path / "g.pdf", WorkshopInfo(code="LP", title="Test workshop"), [sheet])
    image = pypdfium2.PdfDocument(str(path))[0].render(scale=1).to_pil().convert("L")
    width, height = image.size
    for column in range(3):
        left = int(width * (0.1 + 0.28 * column))
        box = image.crop((left, int(height * 0.2), left + int(width * 0.2), int(height * 0.45)))
        darkest, _ = box.getextrema()
        assert darkest < 100
