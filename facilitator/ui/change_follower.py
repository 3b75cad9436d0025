"""Following the workshop's changes only while a view can be seen.

With every page built, a change used to make each of them reload, shown or hidden. A view that
follows changes through :class:`ChangeFollower` is told of them at once while it is visible; while
it is hidden it only notes which topics changed (no reading, no model work) and is told once, with
the gathered topics, when it is shown again (Anki refreshes hidden views the same way).
"""

from __future__ import annotations

import inspect
import weakref
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from facilitator.app.changes import Changes
from facilitator.ui.controller import Controller

__all__ = ["ChangeFollower"]


class ChangeFollower(QObject):
    """Calls ``on_changes`` with each change while ``view`` is visible, or once when it is shown.

    Args:
        view: The widget whose visibility decides (a page, or the window it lives in).
        controller: Where the changes come from.
        on_changes: The view's handler; when called after the view was hidden, the changes name
            topics but no rows, so it reloads what it shows of them.
        topics: The topics the view shows; other changes are ignored outright.
    """

    def __init__(
        self, view: QWidget, controller: Controller, on_changes: Callable[[Changes], None], *topics: str
    ) -> None:
        super().__init__(view)
        self._view = weakref.ref(view)
        # Held weakly when it is a method of the view: the view owns its follower, and strong
        # references back would make the two a cycle that only the garbage collector frees. A
        # collection clears a Qt model's attributes while its table, not yet deleted, may still
        # ask it for rows ("object has no attribute").
        self._handler: Callable[[], Callable[[Changes], None] | None] = (
            weakref.WeakMethod(on_changes) if inspect.ismethod(on_changes) else lambda: on_changes
        )
        self._topics = topics
        self._pending: Changes | None = None
        controller.workshop_changed.connect(self._heard)
        view.installEventFilter(self)

    @property
    def stale(self) -> bool:
        """Whether changes are waiting for the view to be shown."""
        return self._pending is not None

    def _heard(self, changes: Changes) -> None:
        if self._topics and not changes.touches(*self._topics):
            return
        view = self._view()
        if view is not None and view.isVisible():
            self._deliver(changes)
        else:
            self._pending = (self._pending or Changes()).merged(changes)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Deliver the gathered changes as the view is shown."""
        if event.type() == QEvent.Type.Show and self._pending is not None:
            pending, self._pending = self._pending, None
            self._deliver(pending)
        return False

    def _deliver(self, changes: Changes) -> None:
        handler = self._handler()
        if handler is not None:
            handler(changes)
