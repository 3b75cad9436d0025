"""A QR code drawn module by module, sharp at any size: on the laptop and on the projector.

The modules come from :func:`facilitator.documents.qr_matrix.qr_matrix`, the same code the badges
use. Drawn as filled rectangles on whole pixels (never scaled from a small image), a code stays
crisp on a projector, where a blurred edge is what makes phones fail to read it.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from facilitator.documents.qr_matrix import qr_matrix

__all__ = ["QrWidget"]

#: Light modules around the code, as the standard asks (phones read a projected code best so).
QUIET_MODULES = 4


class QrWidget(QWidget):
    """Shows one QR code as large as the widget allows, square and centred."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = ""
        self._matrix: tuple[tuple[bool, ...], ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(120, 120)
        self.set_text(text)

    def set_text(self, text: str) -> None:
        """Show the code of another text (a link)."""
        if text != self.text:
            self.text = text
            self._matrix = qr_matrix(text) if text else ()
            self.setAccessibleName(f"QR code of {text}" if text else "No QR code")
            self.update()

    def sizeHint(self) -> QSize:
        """A size phones read from a few metres on a laptop screen."""
        return QSize(260, 260)

    def hasHeightForWidth(self) -> bool:
        """Square."""
        return True

    def heightForWidth(self, width: int) -> int:
        """Square."""
        return width

    def code_rect(self) -> QRect:
        """Where the code (with its quiet zone) is drawn: the largest square of whole modules."""
        count = len(self._matrix) + 2 * QUIET_MODULES
        side = min(self.width(), self.height())
        module = max(1, side // count) if count else 1
        size = module * count
        return QRect((self.width() - size) // 2, (self.height() - size) // 2, size, size)

    def paintEvent(self, event: QPaintEvent) -> None:
        """White square with black modules on whole pixels."""
        if not self._matrix:
            return
        area = self.code_rect()
        module = area.width() // (len(self._matrix) + 2 * QUIET_MODULES)
        painter = QPainter(self)
        painter.fillRect(area, QColor("white"))
        black = QColor("black")
        origin_x = area.x() + QUIET_MODULES * module
        origin_y = area.y() + QUIET_MODULES * module
        for row_index, row in enumerate(self._matrix):
            column = 0
            while column < len(row):
                if not row[column]:
                    column += 1
                    continue
                start = column
                while column < len(row) and row[column]:
                    column += 1
                painter.fillRect(
                    origin_x + start * module,
                    origin_y + row_index * module,
                    (column - start) * module,
                    module,
                    black,
                )
        painter.end()
