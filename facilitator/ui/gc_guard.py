"""Garbage collection only on the GUI thread.

Python's cyclic collector runs on whichever thread happens to allocate when a threshold is
crossed. If that is a background export and the garbage holds Qt objects (a closed dialog, a
replaced model), Qt deletes them from the wrong thread and the app can crash. So automatic
collection is switched off and a timer on the GUI thread collects instead, generation by
generation, as often as the thresholds would have asked for it.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

__all__ = ["GuiThreadCollector", "install_gc_guard"]

_INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    """Polls the collector's counts and collects on the thread that owns it (the GUI thread)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(_INTERVAL_MS)

    def check(self) -> int:
        """Collect the oldest generation whose count is over its threshold; returns objects freed."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.thresholds[generation]:
                return gc.collect(generation)
        return 0


_collector: GuiThreadCollector | None = None


def install_gc_guard(parent: QObject) -> GuiThreadCollector:
    """Start collecting on the GUI thread only (once per process)."""
    global _collector
    if _collector is None:
        _collector = GuiThreadCollector(parent)
    return _collector
