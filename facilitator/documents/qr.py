"""QR codes drawn as vector rectangles, sharp at any print size.

``facilitator.documents.qr_matrix`` computes the modules; each horizontal run of dark modules
becomes one rectangle of a single filled path, which keeps the PDF small (a badge's code is about
120 rectangles) and lets a scanner read it from any printer. The quiet zone is painted white so that a
colour band or cut mark drawn nearby never touches the code.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np
from reportlab.lib.colors import black, white
from reportlab.platypus import Flowable

from facilitator.documents.qr_matrix import qr_matrix

__all__ = ["QUIET_MODULES", "QrFlowable", "draw_qr", "qr_matrix"]

#: Light modules around the code. The standard asks for 4; 2 reads reliably with phone and USB
#: scanners and leaves more room for the code itself on small badges.
QUIET_MODULES = 2

# A hair of stroke around every rectangle (in module units) hides the seams that anti-aliased
# viewers draw between neighbouring rectangles; the coordinates stay whole numbers.
_SEAM = 0.04


@lru_cache(maxsize=4096)
def _path_operators(text: str) -> tuple[int, str]:
    """The code's dark modules as PDF path operators in module units (y down), and its size: one
    rectangle per horizontal run of dark modules, found for the whole matrix at once."""
    modules = np.array(qr_matrix(text), dtype=np.int8)
    edges = np.diff(np.pad(modules, ((0, 0), (1, 1))), axis=1)
    rows, starts = np.nonzero(edges == 1)
    _, ends = np.nonzero(edges == -1)
    runs = zip(rows.tolist(), starts.tolist(), ends.tolist(), strict=True)
    return len(modules), " ".join(f"{start} {row} {end - start} 1 re" for row, start, end in runs)


def draw_qr(canvas: Any, text: str, x: float, y: float, size: float) -> None:
    """Draw a QR code with its quiet zone in a ``size`` × ``size`` square at (x, y) (bottom-left).

    The modules are written as one path in a coordinate system of one unit per module (flipped so
    that rows count downwards), which keeps the drawing exact and cheap: a badge sheet of 2,000
    codes would otherwise spend most of its time formatting coordinates.

    Args:
        canvas: A reportlab canvas.
        text: What the code says.
        x: Left edge of the square, including the quiet zone.
        y: Bottom edge of the square, including the quiet zone.
        size: Side of the square.
    """
    count, operators = _path_operators(text)
    module = size / (count + 2 * QUIET_MODULES)
    canvas.saveState()
    canvas.setFillColor(white)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColor(black)
    left = x + QUIET_MODULES * module
    top = y + size - QUIET_MODULES * module
    canvas.setStrokeColor(black)
    canvas.addLiteral(f"{module:.5f} 0 0 {-module:.5f} {left:.4f} {top:.4f} cm {_SEAM} w 0 j {operators} B")
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
