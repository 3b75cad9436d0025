"""Following the workshop's changes only while a view can be seen.

With every page built, a change used to make each of them reload, shown or hidden. A view that
follows changes through :class:`ChangeFollower` is told of them at once while it is visible; while
it is hidden it only notes which topics changed (no reading, no model work) and is told once, with
the gathered topics, when it is shown again (Anki refreshes hidden views the same way).
"""

from __future__ import annotations

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
        self._view = view
        self._on_changes = on_changes
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
        if self._view.isVisible():
            self._on_changes(changes)
        else:
            self._pending = changes if self._pending is None else self._pending.merged(changes)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Deliver the gathered changes as the view is shown."""
        if event.type() == QEvent.Type.Show and self._pending is not None:
            pending, self._pending = self._pending, None
            self._on_changes(pending.merged(pending))
        return False
