"""The Qt binding itself: calls that return nothing must never bring ``None`` towards deallocation.

PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` on each such call; without the guard in
``facilitator.ui.binding_fix`` the interpreter aborts after a few thousand repaints.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QStandardItem, QStandardItemModel

from facilitator.ui.binding_fix import keep_none_alive


def _leaky_calls(rounds: int) -> None:
    image = QImage(32, 32, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    model = QStandardItemModel()
    model.appendRow(QStandardItem("row"))
    index = model.index(0, 0)
    for _ in range(rounds):
        painter.save()
        painter.setPen(QColor("black"))
        painter.drawRect(QRect(1, 1, 10, 10))
        painter.restore()
        index.data(Qt.ItemDataRole.DecorationRole)
    painter.end()


def test_none_stays_out_of_reach_of_binding_leaks(qapp) -> None:  # type: ignore[no-untyped-def]
    """After the guard, thousands of void calls leave None's reference count far from zero."""
    keep_none_alive()
    keep_none_alive()
    _leaky_calls(2000)
    assert sys.getrefcount(None) > 1 << 30
