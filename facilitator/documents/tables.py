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
from facilitator.documents.rehearsal import rehearsing
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


@dataclass(slots=True)
class _Heights:
    """Heights measured so far, shared by a table and every part it is cut into.

    Attributes:
        rows: Each row's height by the row's id, kept with the row so that its id is never
            reused for another row while the entry lives.
        leads: Heights of the heading rows by the continuation line above them ("" for none).
    """

    rows: dict[int, tuple[Row, float]] = field(default_factory=dict)
    leads: dict[str, list[float]] = field(default_factory=dict)


def _shift(command: tuple[Any, ...], row: int) -> tuple[Any, ...]:
    name, start, end, *rest = command
    return (name, (start[0], start[1] + row), (end[0], end[1] + row), *rest)


class SectionTable(Flowable):  # type: ignore[misc]  # reportlab ships no type hints.
    """Rows under a repeated heading row, split between pages with their context kept.

    Every row is measured once: its height is kept in a table shared by every part the table is
    cut into, and across the passes of a document with contents. reportlab's ``Table`` measures
    every cell again each time it is laid out, and platypus lays a flowable out several times a
    page, which made a 10,000-row table measure each cell about seven times. The reportlab table
    that draws a part is built with the heights already known, once per page.

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
        heights: Internal: the row heights measured so far, shared with the table it was cut from.
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
        heights: _Heights | None = None,
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
        self._heights = _Heights() if heights is None else heights

    def _lead_rows(self) -> int:
        return 2 if self.continued else 1

    def _build(self, rows: Sequence[Row], heights: Sequence[float] | None = None) -> Table:
        """A reportlab table of the heading (and continuation) rows and ``rows``; given every
        row's height, it measures no cell."""
        lead = self._lead_rows()
        columns = len(self.widths)
        data: list[list[Any]] = []
        commands: list[tuple[Any, ...]] = []
        if self.continued:
            data.append([para(self.continued, styles()["cell_bold"])] + [""] * (columns - 1))
            commands.append(("SPAN", (0, 0), (-1, 0)))
        data.append(list(self.header))
        for index, row in enumerate(rows, start=lead):
            if row.section:
                data.append([row.cells[0]] + [""] * (columns - 1))
                commands += [
                    ("SPAN", (0, index), (-1, index)),
                    ("BACKGROUND", (0, index), (-1, index), HexColor(self.section_fill)),
                ]
            else:
                data.append(list(row.cells))
            commands += [_shift(command, index) for command in row.commands]
        row_heights = list(heights) if heights is not None else None
        table = Table(data, colWidths=self.widths, rowHeights=row_heights, repeatRows=lead, hAlign="LEFT")
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
        return table

    def _lead_heights(self) -> list[float]:
        """Heights of the heading (and continuation) rows."""
        leads = self._heights.leads
        if self.continued not in leads:
            table = self._build([])
            table.wrap(sum(self.widths), _UNBOUNDED)
            leads[self.continued] = list(table._rowHeights)
        return leads[self.continued]

    def _measure_from(self, start: int) -> None:
        """Measure the rows from ``start`` not measured yet, a batch in one reportlab table."""
        batch: list[Row] = []
        for row in self.rows[start : start + _BATCH]:
            if id(row) in self._heights.rows:
                break
            batch.append(row)
        table = self._build(batch)
        table.wrap(sum(self.widths), _UNBOUNDED)
        for row, height in zip(batch, table._rowHeights[self._lead_rows() :], strict=True):
            self._heights.rows[id(row)] = (row, height)

    def _row_heights(self, available_height: float) -> tuple[list[float], list[float]]:
        """The lead rows' heights, and those of the rows that fill ``available_height`` up to the
        first that overflows it (every row's when they all fit)."""
        lead = self._lead_heights()
        used = sum(lead)
        heights: list[float] = []
        for index, row in enumerate(self.rows):
            if id(row) not in self._heights.rows:
                self._measure_from(index)
            height = self._heights.rows[id(row)][1]
            heights.append(height)
            used += height
            if used > available_height + 1e-6:
                break
        return lead, heights

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """The table's size; when it overflows the space, only as much as is needed to say so."""
        lead, heights = self._row_heights(available_height)
        self.width, self.height = sum(self.widths), sum(lead) + sum(heights)
        return self.width, self.height

    def draw(self) -> None:
        """Draw the table at the flowable's origin (nothing on a rehearsal's canvas)."""
        if rehearsing(self.canv):
            return
        lead, heights = self._row_heights(_UNBOUNDED)
        table = self._build(self.rows, lead + heights)
        table.wrap(self.width, _UNBOUNDED)
        table.drawOn(self.canv, 0, 0)

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        """Cut at a row boundary that keeps two rows on each side and a section with its first row,
        or move the table whole to the next page; only a row taller than half a page may stand
        alone (or leave its neighbour alone), and one taller than the space left is cut inside
        (reportlab's ``splitInRow``)."""
        lead_heights, row_heights = self._row_heights(available_height)
        heights = lead_heights + row_heights
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

    def _part(self, start: int, end: int, continued: str, first: Row | None = None) -> SectionTable:
        """Rows ``start`` to ``end`` as a table of their own; ``first`` goes before them (the rest
        of a row cut inside)."""
        return SectionTable(
            self.header,
            ([first] if first else []) + self.rows[start:end],
            self.widths,
            title=self.title,
            section_fill=self.section_fill,
            body_commands=self.body_commands,
            padding=self.padding,
            continued=continued,
            section=self._section_at(start),
            heights=self._heights,
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
        which always has that much room (refusing on a fresh page would end the document).

        reportlab cuts the row's cells; the rest of the row opens a continued part, under a line
        that says what it continues, so that a reader knows the row goes on.
        """
        if available_height < _TALL_ROW:
            return []
        # Only the tall row (with the section rows above it) goes to reportlab: the rows after it
        # stay a SectionTable, cut a page at a time, rather than one reportlab table laid out
        # again whole for every page that follows (quadratic in time and memory).
        count = next((index for index, row in enumerate(self.rows) if not row.section), 0) + 1
        table = self._build(self.rows[:count])
        # Inside the row first: between rows, reportlab would cut off a section row above it.
        table.splitByRow, table.splitInRow = 0, 1
        table.wrap(available_width, available_height)
        parts = table.split(available_width, available_height)
        if len(parts) != 2:
            return list(parts)
        tall = self.rows[count - 1]
        rest = Row(parts[1]._cellvalues[-1], commands=tall.commands)
        label = self._label_at(count - 1) or _CONTINUED.strip()
        return [parts[0], self._part(count, len(self.rows), label, first=rest)]


#: Rows measured together in one reportlab table (about a page of sign-in rows).
_BATCH = 24
#: Height that no page reaches: lay out every row.
_UNBOUNDED = 1e9
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
