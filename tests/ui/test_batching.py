"""Redraws deferred to one later turn of the event loop: once per owner, at once outside a batch."""

from __future__ import annotations

from facilitator.ui.batching import after_batch, batch, in_batch, when_drawn


def test_outside_a_batch_a_redraw_happens_at_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Without a batch the redraw, and what waits for it, run immediately (every desktop action)."""
    calls: list[str] = []
    after_batch("page", lambda: calls.append("page"))
    when_drawn(lambda: calls.append("then"))
    assert calls == ["page", "then"] and not in_batch()


def test_a_batch_redraws_each_owner_once_in_a_later_turn(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Many changes in a batch (even nested) give one redraw per owner, after the batch, then the waiters."""
    calls: list[str] = []
    page, projector = object(), object()
    with batch():
        for _ in range(3):
            after_batch(page, lambda: calls.append("page"))
        with batch():
            after_batch(projector, lambda: calls.append("projector"))
    when_drawn(lambda: calls.append("then"))
    assert calls == [] and in_batch()
    qtbot.waitUntil(lambda: not in_batch())
    assert calls == ["page", "projector", "then"]


def test_a_failing_batch_still_redraws(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A batch left by an exception still redraws, so no view is left stale."""
    calls: list[str] = []
    try:
        with batch():
            after_batch("page", lambda: calls.append("page"))
            raise RuntimeError("a bug in a command")
    except RuntimeError:
        pass
    qtbot.waitUntil(lambda: calls == ["page"])
