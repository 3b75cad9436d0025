"""QR codes drawn as vector rectangles, sharp at any print size.

The ``qrcode`` package computes the module matrix; we draw each horizontal run of dark modules as
one rectangle of a single filled path, which keeps the PDF small (a badge's code is ~200
rectangles) and lets a scanner read it from any printer. The quiet zone is painted white so that a
colour band or cut mark drawn nearby never touches the code.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from reportlab.lib.colors import black, white
from reportlab.platypus import Flowable

__all__ = ["QUIET_MODULES", "QrFlowable", "draw_qr", "qr_matrix"]

#: Light modules around the code. The standard asks for 4; 2 reads reliably with phone and USB
#: scanners and leaves more room for the code itself on small badges.
QUIET_MODULES = 2

# A hair of overlap between rows hides the seams that anti-aliased viewers draw between
# neighbouring rectangles.
_OVERLAP = 0.02


@lru_cache(maxsize=4096)
def qr_matrix(text: str) -> tuple[tuple[bool, ...], ...]:
    """The dark (True) and light modules of the smallest QR code holding ``text`` (level M)."""
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    code = qrcode.QRCode(border=0, error_correction=ERROR_CORRECT_M)
    code.add_data(text)
    code.make(fit=True)
    return tuple(tuple(bool(cell) for cell in row) for row in code.get_matrix())


def _runs(row: tuple[bool, ...]) -> list[tuple[int, int]]:
    runs = []
    start = None
    for index, dark in enumerate((*row, False)):
        if dark and start is None:
            start = index
        elif not dark and start is not None:
            runs.append((start, index - start))
            start = None
    return runs


def draw_qr(canvas: Any, text: str, x: float, y: float, size: float) -> None:
    """Draw a QR code with its quiet zone in a ``size`` × ``size`` square at (x, y) (bottom-left).

    Args:
        canvas: A reportlab canvas.
        text: What the code says.
        x: Left edge of the square, including the quiet zone.
        y: Bottom edge of the square, including the quiet zone.
        size: Side of the square.
    """
    matrix = qr_matrix(text)
    count = len(matrix)
    module = size / (count + 2 * QUIET_MODULES)
    origin_x = x + QUIET_MODULES * module
    top = y + size - QUIET_MODULES * module
    canvas.saveState()
    canvas.setFillColor(white)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColor(black)
    path = canvas.beginPath()
    for row_index, row in enumerate(matrix):
        row_bottom = top - (row_index + 1) * module
        for start, length in _runs(row):
            path.rect(
                origin_x + start * module,
                row_bottom - _OVERLAP * module,
                length * module,
                module * (1 + _OVERLAP),
            )
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


class QrFlowable(Flowable):  # type: ignore[misc]
    """A QR code as a platypus flowable, for tables (sign-in sheets)."""

    def __init__(self, text: str, size: float) -> None:
        super().__init__()
        self.text = text
        self.size = size
        self.width = size
        self.height = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """The flowable's fixed size."""
        return self.size, self.size

    def draw(self) -> None:
        """Draw at the flowable's origin."""
        draw_qr(self.canv, self.text, 0, 0, self.size)
