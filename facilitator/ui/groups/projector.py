"""The room's view of a round: every group's members in large names, readable from the back.

A second view of the page's round: the page hands it the round to show after every change, so a
drag and drop on the laptop is on the wall at once. Font size follows the window so that the
largest group fits.
"""

from __future__ import annotations

import math
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from facilitator.app.groups import RoundView
from facilitator.ui.groups.chips import sector_colour
from facilitator.ui.projector import ProjectorWindow

__all__ = ["GroupsProjector"]

_MUTED = "#9aa4b2"
_BOX_STYLE = "QLabel { color: #f0f3f6; border: 2px solid #30363d; border-radius: 10px; padding: 10px; }"
#: Line height and average letter width as multiples of the font's pixel size (Noto/DejaVu Sans).
_LINE = 1.25
_CHAR = 0.58


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
        self.grid.setSpacing(16)
        self.boxes: list[QLabel] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 20)
        layout.addWidget(self.title)
        layout.addWidget(self.grid_host, 1)

    def show_round(self, view: RoundView | None) -> None:
        """Show a round (or a blank wall when there is none)."""
        self.view = view
        while self.boxes:
            box = self.boxes.pop()
            self.grid.removeWidget(box)
            box.deleteLater()
        if view is None:
            self.title.setText("")
            return
        subtitle = (
            f'<br><span style="color:{_MUTED}">{escape(view.agenda_title)}</span>'
            if view.agenda_title
            else ""
        )
        self.title.setText(f"<b>{escape(view.name)}</b>{subtitle}")
        columns = self._columns()
        for number, (name, members) in enumerate(zip(view.round.group_names, view.groups, strict=True)):
            lines = [f"<b>{escape(name)}</b>"]
            for person in members:
                dot = f'<span style="color:{sector_colour(person.sector)}">●</span>'
                lines.append(f"{dot} {escape(person.name)}")
            box = QLabel("<br>".join(lines))
            box.setTextFormat(Qt.TextFormat.RichText)
            box.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            box.setFrameShape(QFrame.Shape.Box)
            box.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
            box.setStyleSheet(_BOX_STYLE)
            self.grid.addWidget(box, number // columns, number % columns)
            self.boxes.append(box)
        self._fit()

    def name_pixel_size(self) -> int:
        """The pixel size of the names now (for tests and for the fit)."""
        return self.boxes[0].font().pixelSize() if self.boxes else 0

    def _layout_for(self, columns: int) -> float:
        """The largest name size (pixels) that fits every group with this many columns."""
        assert self.view is not None
        rows = math.ceil(len(self.view.groups) / columns)
        tallest = max(len(g) for g in self.view.groups) + 1
        longest = max((len(p.name) for g in self.view.groups for p in g), default=10) + 3
        height = (max(200, self.height() - self.title.sizeHint().height() - 60) - 16 * rows) / rows - 28
        width = (max(300, self.width() - 56) - 16 * columns) / columns - 28
        return min(height / (tallest * _LINE), width / (longest * _CHAR))

    def _columns(self) -> int:
        if self.view is None or not self.view.groups:
            return 1
        return max(range(1, len(self.view.groups) + 1), key=self._layout_for)

    def _fit(self) -> None:
        if self.view is None or not self.boxes:
            return
        columns = self._columns()
        size = int(max(9.0, self._layout_for(columns)))
        for number, box in enumerate(self.boxes):
            font = QFont(box.font())
            font.setPixelSize(size)
            box.setFont(font)
            self.grid.addWidget(box, number // columns, number % columns)
        title = QFont(self.title.font())
        title.setPixelSize(max(18, min(64, int(size * 1.5))))
        self.title.setFont(title)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Refit the names to the new size."""
        super().resizeEvent(event)
        self._fit()
