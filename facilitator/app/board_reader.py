"""Reading a board again and again, cheaply: what a screen showing 2,000 cards needs.

Every command is followed by a refresh of the screens that show the board. Reading every card
again costs more than a frame on a venue laptop, so a :class:`BoardReader` keeps the cards it read
last and, on each refresh, reads only each card's revision (raised by every write to it), then the
full rows of the cards that are new or changed. Dots are few and are read in full.
"""

from __future__ import annotations

from dataclasses import replace

from facilitator.app.session import WorkshopSession
from facilitator.core.boards import BoardSnapshot, RedFlagCard
from facilitator.storage import boards_store

__all__ = ["BoardReader"]


class BoardReader:
    """Keeps a board's last snapshot and brings it up to date with as little reading as possible.

    Cards that did not change are the very same objects in the new snapshot, so a view can tell
    what to redraw by identity.

    Args:
        session: The open workshop.
        board_id: The board to read.
    """

    def __init__(self, session: WorkshopSession, board_id: str) -> None:
        self.session = session
        self.board_id = board_id
        self._cards: dict[int, RedFlagCard] = {}
        self._snapshot: BoardSnapshot | None = None

    @property
    def snapshot(self) -> BoardSnapshot:
        """The snapshot read last (read now if never read)."""
        return self._snapshot if self._snapshot is not None else self.read()

    def read(self) -> BoardSnapshot:
        """Bring the snapshot up to date with the file and return it.

        Raises:
            NotFoundError: The board no longer exists (e.g. a free board was deleted).
        """
        conn = self.session.connection
        board = boards_store.load_board(conn, self.board_id)
        revisions = boards_store.load_revisions(conn, self.board_id)
        known = self._cards
        stale = [
            card_id
            for card_id, revision in revisions
            if (c := known.get(card_id)) is None or c.revision != revision
        ]
        fresh = {card.id: card for card in boards_store.load_cards_by_id(conn, stale)}
        votes = boards_store.load_vote_counts(conn, self.board_id)
        cards: dict[int, RedFlagCard] = {}
        for card_id, _ in revisions:
            card = fresh.get(card_id) or known[card_id]
            count = votes.get(card_id, 0)
            cards[card_id] = card if card.votes == count else replace(card, votes=count)
        self._cards = cards
        dots = tuple(boards_store.load_dots(conn, self.board_id))
        self._snapshot = BoardSnapshot(board, tuple(cards.values()), dots)
        return self._snapshot
