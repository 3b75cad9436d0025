"""Label sheet geometry matches the manufacturers' numbers in DESIGN.md exactly."""

from __future__ import annotations

import pytest

from facilitator.core.errors import InputError
from facilitator.documents.label_sheets import DEFAULT_SHEET, label_sheet, label_sheets, sheet_for_venue

INCH = 72.0
MM = 72.0 / 25.4

# key: (page, columns x rows, label size, first label's top-left offset, pitch), in points
EXPECTED = {
    "avery-5392": (
        (8.5 * INCH, 11 * INCH),
        (2, 3),
        (4 * INCH, 3 * INCH),
        (0.25 * INCH, 1 * INCH),
        (4 * INCH, 3 * INCH),
    ),
    "avery-l4785": ((210 * MM, 297 * MM), (2, 5), (80 * MM, 50 * MM), (18 * MM, 13 * MM), (95 * MM, 55 * MM)),
    "avery-5395": (
        (8.5 * INCH, 11 * INCH),
        (2, 4),
        (3.375 * INCH, 2.333 * INCH),
        (0.6875 * INCH, 0.5833 * INCH),
        (3.75 * INCH, 2.5 * INCH),
    ),
    "a4-plain": ((210 * MM, 297 * MM), (2, 4), (90 * MM, 55 * MM), (15 * MM, 38.5 * MM), (90 * MM, 55 * MM)),
}


def test_the_four_sheets_of_the_design_exist() -> None:
    """Exactly the sheets named in DESIGN.md, A4 first, with Avery L4785 (A4) as the default."""
    assert sorted(label_sheets()) == sorted(EXPECTED)
    assert list(label_sheets())[:2] == ["avery-l4785", "a4-plain"]
    assert label_sheet(None).key == DEFAULT_SHEET == "avery-l4785"


@pytest.mark.parametrize(
    ("venue", "sheet"),
    [
        ("Luang Prabang, Lao PDR", "avery-l4785"),
        ("Bangkok, Thailand", "avery-l4785"),
        ("Manila, Philippines", "avery-5392"),
        ("Washington, DC, USA", "avery-5392"),
        ("", "avery-l4785"),
    ],
)
def test_the_default_sheet_follows_the_paper_of_the_venues_country(venue: str, sheet: str) -> None:
    """A4 label sheets for A4 countries (the sample in Laos), US Letter ones where shops sell Letter."""
    assert sheet_for_venue(venue) == sheet


@pytest.mark.parametrize("key", list(EXPECTED))
def test_geometry_in_points(key: str) -> None:
    """Page, grid, label size, first offset and pitch are the documented numbers."""
    page, grid, size, first, pitch = EXPECTED[key]
    sheet = label_sheet(key)
    assert sheet.page_size == pytest.approx(page)
    assert (sheet.columns, sheet.rows) == grid
    assert (sheet.label_width, sheet.label_height) == pytest.approx(size)
    first_box = sheet.box(0)
    assert first_box.x == pytest.approx(first[0])
    assert sheet.page_height - (first_box.y + first_box.height) == pytest.approx(first[1])
    last = sheet.box(sheet.per_page - 1)
    assert last.x - first_box.x == pytest.approx(pitch[0] * (grid[0] - 1))
    assert first_box.y - last.y == pytest.approx(pitch[1] * (grid[1] - 1))


@pytest.mark.parametrize("key", list(EXPECTED))
def test_labels_fit_on_the_page_without_overlapping(key: str) -> None:
    """Every label lies on the page and no two labels overlap."""
    sheet = label_sheet(key)
    boxes = sheet.boxes()
    for box in boxes:
        assert box.x >= 0 and box.x + box.width <= sheet.page_width + 1e-6
        assert box.y >= 0 and box.y + box.height <= sheet.page_height + 1e-6
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            overlap_x = min(a.x + a.width, b.x + b.width) - max(a.x, b.x)
            overlap_y = min(a.y + a.height, b.y + b.height) - max(a.y, b.y)
            assert overlap_x <= 1e-6 or overlap_y <= 1e-6


def test_cut_edges_of_the_plain_sheet() -> None:
    """The plain A4 sheet is cut by hand: three column edges and five row edges."""
    sheet = label_sheet("a4-plain")
    assert sheet.cut_marks
    assert len(sheet.column_edges()) == 3
    assert len(sheet.row_edges()) == 5


def test_unknown_sheet_lists_the_known_ones() -> None:
    """A mistyped sheet name is refused with the list of sheets."""
    with pytest.raises(InputError, match="avery-l4785, a4-plain, avery-5392, avery-5395"):
        label_sheet("avery-5160")
