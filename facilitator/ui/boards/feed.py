"""One reader of the board on screen, shared by the page and the projector window.

The page and the projector are two views of the same board (napari's ``QtDims(dims)``). Reading
the board once per change and handing the same snapshot to both keeps the projector from doubling
the cost of every action.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from facilitator.app.board_reader import BoardReader
from facilitator.app.changes import BOARDS, Changes
from facilitator.core.boards import BoardSnapshot
from facilitator.core.errors import NotFoundError
from facilitator.ui.batching import after_batch
from facilitator.ui.controller import Controller

__all__ = ["BoardFeed"]


class BoardFeed(QObject):
    """Reads the chosen board after every change to boards and announces the new snapshot.

    Signals:
        snapshot_changed(BoardSnapshot): the board on screen changed, or another board was chosen.
        board_removed(str): the chosen board no longer exists (a free board was deleted).
    """

    snapshot_changed = Signal(object)
    board_removed = Signal(str)

    def __init__(self, controller: Controller, board_id: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._reader = BoardReader(controller.session, board_id)
        controller.workshop_changed.connect(self._on_workshop_changed)

    @property
    def board_id(self) -> str:
        """The board being read."""
        return self._reader.board_id

    @property
    def snapshot(self) -> BoardSnapshot:
        """The board as read last."""
        return self._reader.snapshot

    def set_board(self, board_id: str) -> None:
        """Read another board from now on."""
        if board_id != self._reader.board_id:
            self._reader = BoardReader(self.controller.session, board_id)
            self.refresh()

    def refresh(self) -> None:
        """Read the board again and announce it."""
        try:
            snapshot = self._reader.read()
        except NotFoundError:
            self.board_removed.emit(self._reader.board_id)
            return
        self.snapshot_changed.emit(snapshot)

    def _on_workshop_changed(self, changes: Changes) -> None:
        if changes.everything or self._reader.session is not self.controller.session:
            self._reader = BoardReader(self.controller.session, self._reader.board_id)
        if changes.touches(BOARDS):
            # Once per batch of phone writes (see facilitator.ui.batching), at once otherwise.
            after_batch(self, self.refresh)
