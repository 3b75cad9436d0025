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

__all__ = ["BoardFeed", "changed_cards"]

_CARDS_TABLE = "boards_cards"
_NOTES_TABLE = "boards_notes"


def changed_cards(changes: Changes) -> frozenset[int] | None:
    """The cards an action wrote when it wrote nothing else a board shows (no board, category or
    dot); ``None`` when the board must be read again as a whole (the rows are not known, or more
    than cards changed). A change to rapporteurs' notes alone gives no card."""
    rows = changes.rows
    if changes.everything or rows is None:
        return None
    written = {table for table, touched in rows.items() if table.startswith("boards_") and touched.all}
    if not written or not written <= {_CARDS_TABLE, _NOTES_TABLE}:
        # Not a word about the boards' tables although the topic changed: read everything.
        return None if written != {_NOTES_TABLE} else frozenset()
    return rows[_CARDS_TABLE].all if _CARDS_TABLE in written else frozenset()


class BoardFeed(QObject):
    """Reads the chosen board after every change to boards and announces the new snapshot.

    When the changes name the rows they wrote, only the cards written are read again (a phone's
    new card, a move); a change to dots, categories or the board itself reads the whole board.

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
        #: The cards written since the last read, or None to read the whole board.
        self._pending: set[int] | None = set()
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
        """Read the board again (the whole board) and announce it."""
        self._pending = None
        self._refresh_pending()

    def _refresh_pending(self) -> None:
        pending, self._pending = self._pending, set()
        if pending is not None and not pending:
            return  # only notes changed: the board on screen is as it was
        try:
            snapshot = self._reader.read(pending)
        except NotFoundError:
            self.board_removed.emit(self._reader.board_id)
            return
        self.snapshot_changed.emit(snapshot)

    def _on_workshop_changed(self, changes: Changes) -> None:
        if changes.everything or self._reader.session is not self.controller.session:
            self._reader = BoardReader(self.controller.session, self._reader.board_id)
        if not changes.touches(BOARDS):
            return
        cards = changed_cards(changes)
        if cards is None or self._pending is None:
            self._pending = None
        else:
            self._pending |= cards
        # Once per batch of phone writes (see facilitator.ui.batching), at once otherwise.
        after_batch(self, self._refresh_pending)
