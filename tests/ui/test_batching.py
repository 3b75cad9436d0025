"""Redraws deferred to the end of a batch: once per owner, at once outside a batch."""

from __future__ import annotations

from facilitator.ui.batching import after_batch, batch, in_batch


def test_outside_a_batch_a_redraw_happens_at_once() -> None:
    """Without a batch the redraw runs immediately (every desktop action)."""
    calls: list[str] = []
    after_batch("page", lambda: calls.append("page"))
    assert calls == ["page"] and not in_batch()


def test_inside_a_batch_each_owner_redraws_once_at_the_end() -> None:
    """Many changes in a batch (even nested) give one redraw per owner, when the outer batch ends."""
    calls: list[str] = []
    page, projector = object(), object()
    with batch():
        for _ in range(3):
            after_batch(page, lambda: calls.append("page"))
        with batch():
            after_batch(projector, lambda: calls.append("projector"))
        assert calls == [] and in_batch()
    assert calls == ["page", "projector"] and not in_batch()


def test_a_failing_batch_still_redraws() -> None:
    """A batch left by an exception still runs its redraws, so no view is left stale."""
    calls: list[str] = []
    try:
        with batch():
            after_batch("page", lambda: calls.append("page"))
            raise RuntimeError("a bug in a command")
    except RuntimeError:
        pass
    assert calls == ["page"]
