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
        self._revisions: dict[int, int] = {}
        self._votes: dict[int, int] = {}
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
        revisions = dict(boards_store.load_revisions(conn, self.board_id))
        votes = boards_store.load_vote_counts(conn, self.board_id)
        dots = tuple(boards_store.load_dots(conn, self.board_id))
        if self._snapshot is not None and revisions == self._revisions and votes == self._votes:
            cards = self._snapshot.cards
        else:
            cards = self._read_cards(revisions, votes)
        self._revisions, self._votes = revisions, votes
        self._snapshot = BoardSnapshot(board, cards, dots)
        return self._snapshot

    def _read_cards(self, revisions: dict[int, int], votes: dict[int, int]) -> tuple[RedFlagCard, ...]:
        known, old_revisions, old_votes = self._cards, self._revisions, self._votes
        stale = [card_id for card_id, revision in revisions.items() if old_revisions.get(card_id) != revision]
        fresh = {card.id: card for card in boards_store.load_cards_by_id(self.session.connection, stale)}
        for card_id in votes.keys() | old_votes.keys():
            card = fresh.get(card_id) or known.get(card_id)
            count = votes.get(card_id, 0)
            if card is not None and card_id in revisions and card.votes != count:
                fresh[card_id] = replace(card, votes=count)
        cards = {card_id: fresh.get(card_id) or known[card_id] for card_id in revisions}
        self._cards = cards
        return tuple(cards.values())
