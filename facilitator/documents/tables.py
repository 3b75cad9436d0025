"""Tables that keep their context across a page break, and headings that never end a page.

A reader who turns the page in the middle of a table needs to know what the rows are: the
continued part repeats the heading row and names its section ("Debt bondage (continued)", or the
table's title). A page break never leaves one lone row on either side, nor a section row without
its first entry, nor a heading at the foot of a page with its table on the next.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable, Table

from facilitator.documents.pdf import styles, table_style
from facilitator.documents.textblock import TextBlock, para

__all__ = ["Headed", "Row", "SectionTable"]

_SECTION_FILL = "#eef1f5"
_CONTINUED = " (continued)"


@dataclass(frozen=True, slots=True)
class Row:
    """One table row.

    Attributes:
        cells: The cells (flowables, lists of flowables or strings).
        section: For a section row (one cell spanning the table): its label; "" for data rows.
        commands: Table style commands for this row, with row 0 standing for the row itself.
    """

    cells: Sequence[Any]
    section: str = ""
    commands: tuple[tuple[Any, ...], ...] = field(default=())


def _shift(command: tuple[Any, ...], row: int) -> tuple[Any, ...]:
    name, start, end, *rest = command
    return (name, (start[0], start[1] + row), (end[0], end[1] + row), *rest)


class SectionTable(Flowable):  # type: ignore[misc]  # reportlab ships no type hints.
    """Rows under a repeated heading row, split between pages with their context kept.

    Args:
        header: The heading row's cells.
        rows: The rows, section rows among them.
        widths: Column widths in points.
        title: What the table is (its heading above it), named again on a continued page.
        section_fill: Background of section rows.
        body_commands: Style commands for columns of the rows under the heading, from row 0 (the
            first of them) to -1; every part of a split table gets them. A single row's own style
            goes in its :class:`Row`.
        padding: Left and right cell padding of every row, heading included (reportlab's 6 by
            default).
        continued: Internal: the label of the line that opens a continued part.
        section: Internal: the section a continued part's first rows belong to.
    """

    def __init__(
        self,
        header: Sequence[Any],
        rows: Sequence[Row],
        widths: Sequence[float],
        *,
        title: str = "",
        section_fill: str = _SECTION_FILL,
        body_commands: Sequence[tuple[Any, ...]] = (),
        padding: float | None = None,
        continued: str = "",
        section: str = "",
    ) -> None:
        super().__init__()
        self.header = list(header)
        self.rows = list(rows)
        self.widths = list(widths)
        self.title = title
        self.section_fill = section_fill
        self.body_commands = tuple(body_commands)
        self.padding = padding
        self.continued = continued
        self.section = section
        self._tables: dict[int, Table] = {}
        self._sizes: dict[tuple[int, float], tuple[float, float]] = {}

    def _lead_rows(self) -> int:
        return 2 if self.continued else 1

    def _build(self, count: int | None = None) -> Table:
        """A reportlab table of the first ``count`` rows (all by default), cached."""
        count = len(self.rows) if count is None else min(count, len(self.rows))
        if count in self._tables:
            return self._tables[count]
        lead = self._lead_rows()
        columns = len(self.widths)
        data: list[list[Any]] = []
        commands: list[tuple[Any, ...]] = []
        if self.continued:
            data.append([para(self.continued, styles()["cell_bold"])] + [""] * (columns - 1))
            commands.append(("SPAN", (0, 0), (-1, 0)))
        data.append(list(self.header))
        for index, row in enumerate(self.rows[:count], start=lead):
            if row.section:
                data.append([row.cells[0]] + [""] * (columns - 1))
                commands += [
                    ("SPAN", (0, index), (-1, index)),
                    ("BACKGROUND", (0, index), (-1, index), HexColor(self.section_fill)),
                ]
            else:
                data.append(list(row.cells))
            commands += [_shift(command, index) for command in row.commands]
        table = Table(data, colWidths=self.widths, repeatRows=lead, hAlign="LEFT")
        table.setStyle(table_style(0) if self.continued else table_style())
        if self.continued:
            table.setStyle(_header_commands(1))
        if self.padding is not None:
            table.setStyle(
                [
                    ("LEFTPADDING", (0, 0), (-1, -1), self.padding),
                    ("RIGHTPADDING", (0, 0), (-1, -1), self.padding),
                ]
            )
        table.setStyle([_shift_body(command, lead) for command in self.body_commands])
        table.setStyle(commands)
        self._tables[count] = table
        return table

    def _measure(self, count: int, available_width: float) -> tuple[Table, float, float]:
        """The table of the first ``count`` rows, laid out once for a width (reportlab measures
        every cell again on each ``wrap``, and platypus wraps a flowable several times a page)."""
        count = min(count, len(self.rows))
        table = self._build(count)
        key = (count, round(available_width, 3))
        if key not in self._sizes:
            self._sizes[key] = table.wrap(available_width, 1e9)
        width, height = self._sizes[key]
        return table, width, height

    def _enough(self, available_width: float, available_height: float) -> tuple[Table, float, float]:
        """A table of just enough rows to overflow ``available_height`` (or all of them): a
        2,000-row sign-in sheet is then measured a page at a time, not whole on every page."""
        count = _FIRST_ROWS
        while True:
            table, width, height = self._measure(count, available_width)
            if height > available_height or count >= len(self.rows):
                return table, width, height
            count *= 4

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """The table's size; when it overflows the space, only as much as is needed to say so."""
        _, self.width, self.height = self._enough(available_width, available_height)
        return self.width, self.height

    def draw(self) -> None:
        """Draw the table at the flowable's origin."""
        table, _, _ = self._measure(len(self.rows), self.width)
        table.drawOn(self.canv, 0, 0)

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        """Cut at a row boundary that keeps two rows on each side and a section with its first row,
        or move the table whole to the next page; only a row taller than half a page may stand
        alone (or leave its neighbour alone), and one taller than the space left is cut inside
        (reportlab's ``splitInRow``)."""
        table, _, _ = self._enough(available_width, available_height)
        heights = list(table._rowHeights)
        lead = self._lead_rows()
        used = sum(heights[:lead])
        count = 0
        while count < len(heights) - lead and used + heights[lead + count] <= available_height + 1e-6:
            used += heights[lead + count]
            count += 1
        if count >= len(self.rows):
            return []
        tall = heights[lead + count] >= _TALL_ROW
        if count and len(self.rows) - count == 1 and not tall:
            count -= 1
        while count and self.rows[count - 1].section:
            count -= 1
        if count == 0:
            return self._split_inside(available_width, available_height) if tall else []
        if count == 1 and len(self.rows) > 1 and not (tall or heights[lead] >= _TALL_ROW):
            return []
        return [
            self._part(0, count, self.continued),
            self._part(count, len(self.rows), self._label_at(count)),
        ]

    def _part(self, start: int, end: int, continued: str) -> SectionTable:
        return SectionTable(
            self.header,
            self.rows[start:end],
            self.widths,
            title=self.title,
            section_fill=self.section_fill,
            body_commands=self.body_commands,
            padding=self.padding,
            continued=continued,
            section=self._section_at(start),
        )

    def _section_at(self, index: int) -> str:
        """The section row ``index`` belongs to (a part may start inside one)."""
        return next((row.section for row in reversed(self.rows[:index]) if row.section), self.section)

    def _label_at(self, index: int) -> str:
        """What a part starting at row ``index`` continues: the section it is in, else the title."""
        if self.rows[index].section:
            return f"{self.title}{_CONTINUED}" if self.title else ""
        label = self._section_at(index) or self.title
        return f"{label}{_CONTINUED}" if label else ""

    def _split_inside(self, available_width: float, available_height: float) -> list[Flowable]:
        """Cut inside a row taller than half a page (a red flag written as an essay): in the space
        left when it is at least half a page, else nowhere, so that it starts on the next page,
        which always has that much room (refusing on a fresh page would end the document)."""
        if available_height < _TALL_ROW:
            return []
        # Only the tall row (with the section rows above it) goes to reportlab: the rows after it
        # stay a SectionTable, cut a page at a time, rather than one reportlab table laid out
        # again whole for every page that follows (quadratic in time and memory).
        count = next((index for index, row in enumerate(self.rows) if not row.section), 0) + 1
        table = self._build(count)
        # Inside the row first: between rows, reportlab would cut off a section row above it.
        table.splitByRow, table.splitInRow = 0, 1
        table.wrap(available_width, available_height)
        parts: list[Flowable] = list(table.split(available_width, available_height))
        if parts and count < len(self.rows):
            parts.append(self._part(count, len(self.rows), self._label_at(count)))
        return parts


#: Rows measured first when a table is laid out (about a page of sign-in rows).
_FIRST_ROWS = 24
#: A row at least this tall (points, about half an A4 frame) may stand alone on a page, or be cut
#: inside when no page holds it; shorter rows always keep a neighbour across a page break.
_TALL_ROW = 360.0


def _shift_body(command: tuple[Any, ...], lead: int) -> tuple[Any, ...]:
    """A body command's rows moved below the ``lead`` heading rows (negative rows stay)."""
    name, start, end, *rest = command
    first = start[1] + lead if start[1] >= 0 else start[1]
    last = end[1] + lead if end[1] >= 0 else end[1]
    return (name, (start[0], first), (end[0], last), *rest)


def _header_commands(row: int) -> list[tuple[Any, ...]]:
    """The shaded heading row's style when a continuation line sits above it."""
    from facilitator.documents.fonts import SANS_BOLD
    from facilitator.documents.pdf import INK

    return [
        ("BACKGROUND", (0, row), (-1, row), HexColor("#e8edf4")),
        ("FONT", (0, row), (-1, row), SANS_BOLD, 9),
        ("LINEBELOW", (0, row), (-1, row), 0.8, HexColor(INK)),
    ]


class Headed(Flowable):  # type: ignore[misc]  # reportlab ships no type hints.
    """Headings kept with the start of what follows them: they move to the next page together
    unless the body can split and leave a good part of itself under them."""

    def __init__(self, headings: Sequence[TextBlock], body: Flowable) -> None:
        super().__init__()
        self.headings = list(headings)
        self.body = body

    def _heading_heights(self, available_width: float) -> list[float]:
        heights = []
        for index, heading in enumerate(self.headings):
            _, height = heading.wrap(available_width, 10_000)
            space = heading.getSpaceBefore() if index else 0
            heights.append(height + space + heading.getSpaceAfter())
        return heights

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """Headings and body together."""
        above = sum(self._heading_heights(available_width))
        _, body = self.body.wrap(available_width, max(available_height - above, 0))
        self.width, self.height = available_width, above + body
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        """The first heading's space above."""
        return self.headings[0].getSpaceBefore() if self.headings else 0.0

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        """The headings and the part of the body that fits, or nothing (all to the next page)."""
        above = sum(self._heading_heights(available_width))
        parts = self.body.split(available_width, available_height - above) if available_height > above else []
        if not parts:
            return []
        return [*self.headings, *parts]

    def draw(self) -> None:
        """Headings from the top, the body under them."""
        top = self.height
        for heading, height in zip(self.headings, self._heading_heights(self.width), strict=True):
            heading.drawOn(self.canv, 0, top - height + heading.getSpaceAfter())
            top -= height
        self.body.drawOn(self.canv, 0, top - self.body.height)
