"""Reading a board again and again, cheaply: what a screen showing 2,000 cards needs.

Every command is followed by a refresh of the screens that show the board. Reading every card
again costs more than a frame on a venue laptop, so a :class:`BoardReader` keeps the cards it read
last and, on each refresh, reads only each card's revision (raised by every write to it), then the
full rows of the cards that are new or changed. Dots are few and are read in full.
"""

from __future__ import annotations

from collections.abc import Collection
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

    def read(self, changed_cards: Collection[int] | None = None) -> BoardSnapshot:
        """Bring the snapshot up to date with the file and return it.

        Args:
            changed_cards: The only cards written since the last read (no board, category or dot
                changed), as an action's :class:`~facilitator.app.changes.Changes` names them:
                then just those cards are read. ``None`` reads what changed from the revisions.

        Raises:
            NotFoundError: The board no longer exists (e.g. a free board was deleted).
        """
        if changed_cards is not None and self._snapshot is not None:
            return self._read_cards_only(self._snapshot, changed_cards)
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

    def _read_cards_only(self, last: BoardSnapshot, changed: Collection[int]) -> BoardSnapshot:
        """Read some cards again; those no longer on the board (deleted) leave the snapshot."""
        fresh = {
            card.id: card
            for card in boards_store.load_cards_by_id(self.session.connection, list(changed))
            if card.board == self.board_id
        }
        cards = dict(self._cards)
        newest = max(cards, default=0)
        for card_id in changed:
            card = fresh.get(card_id)
            if card is None:
                cards.pop(card_id, None)
                self._revisions.pop(card_id, None)
            else:
                cards[card_id] = card
                self._revisions[card_id] = card.revision
        if any(card_id < newest and card_id not in self._cards for card_id in fresh):
            cards = dict(sorted(cards.items()))  # a card deleted earlier came back (Undo): writing order
        self._cards = cards
        self._snapshot = BoardSnapshot(last.board, tuple(cards.values()), last.dots)
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
