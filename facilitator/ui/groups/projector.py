"""The room's view of a round: every group's members in large names, readable from the back.

A second view of the page's round: the page hands it the round to show after every change, so a
drag and drop on the laptop is on the wall at once. Each box says where its group meets and who
facilitates it and takes notes, then lists the others; people who joined late are marked, and
the title says where the latest ones went, so they can find their table without asking. The
names take the largest size at which every group fits whole in its box, measured with the fonts
the screen really has (an estimate of line height once let the last name of a ten-person group
fall off a 1920 × 1080 wall).
"""

from __future__ import annotations

import math
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from facilitator.app.groups import RoundView
from facilitator.core.participants import SECTOR_LABELS, Participant
from facilitator.ui.groups.arrivals import arrivals_text
from facilitator.ui.groups.chips import LATE_COLOUR, sector_colour
from facilitator.ui.projector import ProjectorWindow

__all__ = ["GroupsProjector"]

_MUTED = "#9aa4b2"
_BOX_STYLE = "QLabel { color: #f0f3f6; border: 2px solid #30363d; border-radius: 10px; padding: 6px; }"
#: Pixels a box keeps beyond what its names measure, so rounding never cuts the last one.
_SLACK = 4
#: A box's border and padding on each side (they do not grow with the names).
_BOX_EDGE = 2 + 6
#: Name size measured first; the others are estimated from it, then checked.
_REFERENCE = 24
#: Line height of the names: the Noto fonts' own spacing (1.36 × the size) wastes a wall's height.
_LINE_HEIGHT = "90%"
_SPACING = 16
_MARGIN_X, _MARGIN_Y = 28, 20
#: Name sizes tried, in pixels.
_SMALLEST, _LARGEST = 9, 160


class GroupsProjector(ProjectorWindow):
    """Round name and one box of large names per group."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Breakout groups — projector", parent)
        self.view: RoundView | None = None
        self.title = QLabel()
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(_SPACING)
        self.boxes: list[QLabel] = []
        self._needed: dict[tuple[int, bool], tuple[int, int]] = {}
        self._extremes: tuple[int, int] | None = None
        self._title_heights: dict[tuple[int, int], int] = {}
        # Never shown: they lay out a box's or the title's text at a trial size, to measure it.
        self._box_probe = _group_box("")
        self._title_probe = QLabel()
        self._title_probe.setWordWrap(True)
        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(_MARGIN_X, _MARGIN_Y, _MARGIN_X, _MARGIN_Y)
        layout.addWidget(self.title)
        layout.addWidget(self.grid_host, 1)

    def show_round(self, view: RoundView | None) -> None:
        """Show a round (or a blank wall when there is none)."""
        self.view = view
        self._needed.clear()
        self._title_heights.clear()
        self._extremes = None
        while self.boxes:
            box = self.boxes.pop()
            self.grid.removeWidget(box)
            box.deleteLater()
        if view is None:
            self.title.setText("")
            return
        if view.agenda_title.startswith(view.name):  # "Breakout 1: red flags…" already names it
            heading = f"<b>{escape(view.agenda_title)}</b>"
        else:
            subtitle = f' <span style="color:{_MUTED}">— {escape(view.agenda_title)}</span>'
            heading = f"<b>{escape(view.name)}</b>{subtitle if view.agenda_title else ''}"
        joined = arrivals_text(view)
        news = (
            f'<br><span style="color:{LATE_COLOUR}; font-size:small">Just joined: {escape(joined)}</span>'
            if joined
            else ""
        )
        self.title.setText(f"{heading}<br>{_legend(view)}{news}")
        late = frozenset(view.arrivals)
        for number, name in enumerate(view.round.group_names):
            lines = _box_lines(view, number, name, late)
            self.boxes.append(_group_box(f'<p style="line-height:{_LINE_HEIGHT}">{"<br>".join(lines)}</p>'))
        self._fit()

    def name_pixel_size(self) -> int:
        """The pixel size of the names now (for tests and for the fit)."""
        return self.boxes[0].font().pixelSize() if self.boxes else 0

    def _box_needs(self, size: int, every_box: bool = False) -> tuple[int, int]:
        """Width and height the widest and the tallest box need with names of ``size`` pixels.

        Laying out rich text costs a millisecond or two a box, so a search measures only the two
        boxes that were widest and tallest at the reference size; the size chosen is then checked
        with every box.
        """
        key = (size, every_box)
        if key not in self._needed:
            self._box_probe.setFont(_sized(self.font(), size))
            boxes = self.boxes if every_box or not self._extremes else [self.boxes[i] for i in self._extremes]
            widths, heights = [], []
            for box in boxes:
                self._box_probe.setText(box.text())
                widths.append(self._box_probe.sizeHint().width())
                heights.append(self._box_probe.heightForWidth(widths[-1]))
            if every_box and not self._extremes:
                self._extremes = (widths.index(max(widths)), heights.index(max(heights)))
            self._needed[key] = (max(widths) + _SLACK, max(heights) + _SLACK)
        return self._needed[key]

    def _title_font(self, size: int) -> QFont:
        return _sized(self.title.font(), max(18, min(64, int(size * 1.5))))

    def _title_height(self, size: int) -> int:
        """Height of the title, wrapped to the window, when the names are ``size`` pixels."""
        key = (size, self.width())
        if key not in self._title_heights:
            self._title_probe.setFont(self._title_font(size))
            self._title_probe.setText(self.title.text())
            self._title_heights[key] = self._title_probe.heightForWidth(self.width() - 2 * _MARGIN_X)
        return self._title_heights[key]

    def _rooms(self, columns: int) -> tuple[float, float, int]:
        """Width of one column, height under the title for all rows, and the number of rows."""
        rows = math.ceil(len(self.boxes) / columns)
        width = (self.width() - 2 * _MARGIN_X - _SPACING * (columns - 1)) / columns
        height = self.height() - 2 * _MARGIN_Y - self._layout.spacing() - _SPACING * (rows - 1)
        return width, height, rows

    def _fits(self, size: int, columns: int, every_box: bool = False) -> bool:
        """Whether the groups fit whole with names of ``size`` pixels in ``columns`` columns."""
        room_width, room_height, rows = self._rooms(columns)
        width, height = self._box_needs(size, every_box)
        return width <= room_width and height * rows <= room_height - self._title_height(size)

    def _largest_size(self, columns: int) -> int:
        """The largest name size at which every group fits with this many columns.

        Estimated from the room text takes at one reference size (it grows in proportion to its
        size), then checked and adjusted a pixel at a time with exact measurements: a few layouts
        instead of dozens, so a drag on the page reaches the wall without a pause.
        """
        room_width, room_height, rows = self._rooms(columns)
        width, height = self._box_needs(_REFERENCE, every_box=True)
        edges = 2 * _BOX_EDGE
        by_width = (room_width - edges) * _REFERENCE / max(1, width - edges)
        by_height = (
            (room_height - rows * edges)
            * _REFERENCE
            / max(1, rows * (height - edges) + self._title_height(_REFERENCE))
        )
        size = max(_SMALLEST, min(_LARGEST, int(min(by_width, by_height))))
        while size > _SMALLEST and not self._fits(size, columns):
            size -= 1
        while size < _LARGEST and self._fits(size + 1, columns):
            size += 1
        return size

    def _fit(self) -> None:
        # A closed projector keeps its boxes up to date but measures nothing: the fit costs tens
        # of milliseconds on the GUI thread, and the page hands over every change.
        if self.view is None or not self.boxes or not self.isVisible():
            return
        count = len(self.boxes)
        candidates = sorted({math.ceil(count / rows) for rows in range(1, count + 1)})
        sizes = {columns: self._largest_size(columns) for columns in candidates}
        columns = max(sizes, key=lambda option: sizes[option])
        while sizes[columns] > _SMALLEST and not self._fits(sizes[columns], columns, every_box=True):
            sizes[columns] -= 1
        for number, box in enumerate(self.boxes):
            box.setFont(_sized(box.font(), sizes[columns]))
            self.grid.addWidget(box, number // columns, number % columns)
        self.title.setFont(self._title_font(sizes[columns]))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Refit the names to the new size."""
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event: QShowEvent) -> None:
        """Fit the round handed over while the window was closed."""
        super().showEvent(event)
        self._fit()


def _box_lines(view: RoundView, number: int, name: str, late: frozenset[int]) -> list[str]:
    """The group's name and place, its facilitator and rapporteur, then everyone else."""
    place = view.place(number)
    title = f"<b>{escape(name)}</b>"
    lines = [f'{title} <span style="color:{_MUTED}">· {escape(place)}</span>' if place else title]
    facilitators, rapporteurs = view.roles(number)
    for role, people in (("Facilitator", facilitators), ("Rapporteur", rapporteurs)):
        for person in people:
            lines.append(f'<span style="color:{_MUTED}">{role}:</span> {_name(person, late)}')
    leaders = {p.id for p in (*facilitators, *rapporteurs)}
    for person in view.groups[number]:
        if person.id not in leaders:
            dot = f'<span style="color:{sector_colour(person.sector)}">●</span>'
            lines.append(f"{dot} {_name(person, late)}")
    return lines


def _name(person: Participant, late: frozenset[int]) -> str:
    """A name, in amber with a star when the person joined late."""
    if person.id in late:
        return f'<span style="color:{LATE_COLOUR}">{escape(person.name)} ★</span>'
    return escape(person.name)


def _sized(font: QFont, pixels: int) -> QFont:
    sized = QFont(font)
    sized.setPixelSize(pixels)
    return sized


def _group_box(html: str) -> QLabel:
    box = QLabel(html)
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    box.setFrameShape(QFrame.Shape.Box)
    box.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
    box.setStyleSheet(_BOX_STYLE)
    return box


def _legend(view: RoundView) -> str:
    """What the coloured dots mean, for the sectors present in the round (smaller, muted)."""
    present = {person.sector for members in view.groups for person in members}
    keys = [key for key in SECTOR_LABELS if key in present]
    parts = [
        f'<span style="color:{sector_colour(key)}">●</span> {escape(SECTOR_LABELS[key])}' for key in keys
    ]
    return f'<span style="color:{_MUTED}; font-size:small">{"&nbsp;&nbsp;&nbsp;".join(parts)}</span>'
