"""One reader of the breakout round on show, shared by the groups page and its projector.

The page and the projector are two views of the same round, as the boards page and the board
projector share a :class:`~facilitator.ui.boards.feed.BoardFeed` and the agenda page and its
projector share an ``AgendaTimer``. The feed reads the round once per change, whichever of the two
is on screen, and hands the same :class:`RoundView` to both.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from facilitator.app import groups
from facilitator.app.changes import AGENDA, GROUPS, ROSTER, Changes
from facilitator.app.groups import RoundView
from facilitator.core.errors import NotFoundError
from facilitator.ui.change_follower import ChangeFollower
from facilitator.ui.controller import Controller

__all__ = ["GroupFeed"]


class GroupFeed(QObject):
    """Reads the round on show after every change to what it shows, and announces it.

    Signals:
        round_changed(RoundView | None): the round on show changed, another was chosen, or it
            is gone (``None``).
    """

    round_changed = Signal(object)

    def __init__(self, controller: Controller, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.round_id: int | None = None
        self.view: RoundView | None = None
        self._read_for: Changes | None = None

    def follow(self, viewer: QWidget) -> ChangeFollower:
        """Read again on changes while ``viewer`` (the projector) is on screen."""
        return ChangeFollower(viewer, self.controller, self._on_changes, GROUPS, ROSTER, AGENDA)

    def show_round(self, round_id: int | None, changes: Changes | None = None) -> None:
        """Show another round, or the same one after ``changes`` (read once per change)."""
        if changes is not None and changes is self._read_for and round_id == self.round_id:
            return
        self.round_id = round_id
        self._read(changes)

    def _on_changes(self, changes: Changes) -> None:
        if changes is not self._read_for:
            self._read(changes)

    def _read(self, changes: Changes | None) -> None:
        self._read_for = changes
        view = None
        if self.round_id is not None:
            try:
                view = groups.load_round(self.controller.session, self.round_id)
            except NotFoundError:
                view = None
        self.view = view
        self.round_changed.emit(view)
