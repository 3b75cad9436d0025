"""Cyclic garbage is collected on the GUI thread, never by a background task."""

from __future__ import annotations

import gc

from facilitator.app.session import WorkshopSession
from facilitator.ui.controller import Controller
from facilitator.ui.gc_guard import install_gc_guard


def test_collection_happens_on_the_gui_thread_only(qtbot, sample_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """With a controller running, automatic collection is off and the timer frees cycles."""
    controller = Controller(sample_session)
    assert not gc.isenabled()
    collector = install_gc_guard(controller)

    class Node:
        def __init__(self) -> None:
            self.me = self

    for _ in range(collector.thresholds[0] * 3):
        Node()
    assert gc.get_count()[0] > collector.thresholds[0]
    qtbot.waitUntil(lambda: gc.get_count()[0] <= collector.thresholds[0], timeout=3000)
