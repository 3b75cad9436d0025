"""Label sheets: where each badge sits on the page, read from ``resources/label_sheets.json``.

The geometry is data, not code, so a venue that buys another sheet adds one entry to the JSON file.
Numbers are kept in the unit the manufacturer prints (inches or millimetres) and converted to PDF
points here, once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import cast

from facilitator import paths
from facilitator.core.errors import InputError

__all__ = [
    "DEFAULT_SHEET",
    "LETTER_SHEET",
    "LabelBox",
    "LabelSheet",
    "label_sheet",
    "label_sheets",
    "sheet_for_venue",
    "uses_letter_paper",
]

#: The sheet for A4 paper, which most countries (and every ASEAN member but the Philippines) use.
DEFAULT_SHEET = "avery-l4785"
#: The sheet for US Letter paper.
LETTER_SHEET = "avery-5392"

#: Countries whose shops sell US Letter paper and label sheets, by name or ISO 3166 code.
_LETTER_COUNTRIES = frozenset(
    {
        "united states", "united states of america", "usa", "us", "u.s.", "u.s.a.", "canada", "ca",
        "mexico", "mx", "philippines", "the philippines", "ph", "chile", "cl", "colombia", "co",
        "venezuela", "ve", "guatemala", "gt", "costa rica", "cr", "panama", "pa", "el salvador", "sv",
        "dominican republic", "do", "puerto rico", "pr", "belize", "bz", "nicaragua", "ni",
    }
)  # fmt: skip

_POINTS_PER_UNIT = {"in": 72.0, "mm": 72.0 / 25.4, "pt": 1.0}


@dataclass(frozen=True, slots=True)
class LabelBox:
    """One label's rectangle in PDF points, origin at the page's bottom-left corner."""

    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True, slots=True)
class LabelSheet:
    """A sheet of labels, all sizes in PDF points.

    Attributes:
        key: Name on the command line (``avery-5392``).
        title: Name in menus.
        page_width: Page width.
        page_height: Page height.
        columns: Labels across.
        rows: Labels down.
        label_width: One label's width.
        label_height: One label's height.
        left: Distance from the page's left edge to the first label.
        top: Distance from the page's top edge to the first label.
        pitch_x: Distance between the left edges of neighbouring labels.
        pitch_y: Distance between the top edges of neighbouring labels.
        cut_marks: Whether badges on this sheet are cut out by hand (cut marks on by default).
    """

    key: str
    title: str
    page_width: float
    page_height: float
    columns: int
    rows: int
    label_width: float
    label_height: float
    left: float
    top: float
    pitch_x: float
    pitch_y: float
    cut_marks: bool = False

    @property
    def per_page(self) -> int:
        """Labels on one sheet."""
        return self.columns * self.rows

    @property
    def page_size(self) -> tuple[float, float]:
        """(width, height) for reportlab."""
        return (self.page_width, self.page_height)

    def box(self, index: int) -> LabelBox:
        """The rectangle of the ``index``-th label on a page, counted across then down."""
        row, column = divmod(index % self.per_page, self.columns)
        x = self.left + column * self.pitch_x
        y = self.page_height - self.top - row * self.pitch_y - self.label_height
        return LabelBox(x, y, self.label_width, self.label_height)

    def boxes(self) -> list[LabelBox]:
        """Every label of a page, across then down."""
        return [self.box(i) for i in range(self.per_page)]

    def column_edges(self) -> list[float]:
        """Distinct x positions of label edges (where a guillotine cuts)."""
        edges = {
            round(self.left + c * self.pitch_x + d, 3)
            for c in range(self.columns)
            for d in (0.0, self.label_width)
        }
        return sorted(edges)

    def row_edges(self) -> list[float]:
        """Distinct y positions (from the page's bottom) of label edges."""
        edges = {
            round(self.page_height - self.top - r * self.pitch_y - d, 3)
            for r in range(self.rows)
            for d in (0.0, self.label_height)
        }
        return sorted(edges)


def _sheet_from_json(entry: dict[str, object]) -> LabelSheet:
    scale = _POINTS_PER_UNIT[str(entry["unit"])]

    def pair(name: str) -> tuple[float, float]:
        first, second = cast("list[float]", entry[name])
        return float(first) * scale, float(second) * scale

    page_w, page_h = pair("page")
    label_w, label_h = pair("label")
    left, top = pair("first")
    pitch_x, pitch_y = pair("pitch")
    return LabelSheet(
        key=str(entry["key"]),
        title=str(entry["title"]),
        page_width=page_w,
        page_height=page_h,
        columns=int(entry["columns"]),  # type: ignore[call-overload]
        rows=int(entry["rows"]),  # type: ignore[call-overload]
        label_width=label_w,
        label_height=label_h,
        left=left,
        top=top,
        pitch_x=pitch_x,
        pitch_y=pitch_y,
        cut_marks=bool(entry.get("cut_marks", False)),
    )


@cache
def label_sheets() -> dict[str, LabelSheet]:
    """Every known sheet by key, in the order of the resource file."""
    data = json.loads((paths.resources_dir() / "label_sheets.json").read_text(encoding="utf-8"))
    sheets = [_sheet_from_json(entry) for entry in data["sheets"]]
    return {sheet.key: sheet for sheet in sheets}


def uses_letter_paper(venue: str) -> bool:
    """Whether the venue ("Luang Prabang, Lao PDR", "Manila, Philippines") is in a US Letter
    country: its last comma-separated part names the country."""
    country = venue.rsplit(",", 1)[-1].strip().casefold()
    return country in _LETTER_COUNTRIES


def sheet_for_venue(venue: str) -> str:
    """The label sheet a shop in the venue's country sells: A4 unless the country uses Letter."""
    return LETTER_SHEET if uses_letter_paper(venue) else DEFAULT_SHEET


def label_sheet(key: str | None) -> LabelSheet:
    """A sheet by key (the A4 default sheet when ``key`` is empty).

    Raises:
        InputError: No sheet has this key; the message lists the ones that exist.
    """
    sheets = label_sheets()
    sheet = sheets.get(key or DEFAULT_SHEET)
    if sheet is None:
        raise InputError(f"Sheet '{key}': not a known label sheet; choose one of {', '.join(sheets)}.")
    return sheet
