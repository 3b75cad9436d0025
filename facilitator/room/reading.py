"""The room's reads: its own read-only connection, on the server's thread, cached per version.

Phones read far more often than they write (seventy phones refresh after every card), so the
server never asks the writer's thread for a read. It keeps a read-only session of its own (WAL lets
it read while the desktop writes), reads the board once per change, and keeps each group's view
ready as JSON, plain and gzipped, until the next change.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facilitator.app import board_setup, boards
from facilitator.app.board_reader import BoardReader
from facilitator.app.session import WorkshopSession
from facilitator.core.boards import BoardSnapshot, GroupNotes
from facilitator.room.views import board_view, standing_dots

__all__ = ["CachedView", "RoomReader", "encode"]


def encode(value: Any) -> bytes:
    """JSON for a phone: UTF-8 text as typed (Lao stays Lao), compact."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


@dataclass(frozen=True, slots=True)
class CachedView:
    """One group's board view at one version, ready to send."""

    version: int
    etag: str
    body: bytes
    gzipped: bytes


class RoomReader:
    """Reads the workshop for the room, on the thread that made it.

    Args:
        path: The workshop file.
        board_id: The board phones write to.
    """

    def __init__(self, path: Path, board_id: str) -> None:
        self.session = WorkshopSession.open_reader(path)
        self.version = 1
        self._board_reader = BoardReader(self.session, board_id)
        self._snapshot: BoardSnapshot | None = None
        self._snapshot_version = 0
        #: Each group's dots per card in the snapshot (see :func:`standing_dots`).
        self.standing: dict[str, dict[int, int]] = {}
        self._views: dict[str, CachedView] = {}

    @property
    def board_id(self) -> str:
        """The board phones see."""
        return self._board_reader.board_id

    def set_board(self, board_id: str) -> None:
        """Show phones another board from now on."""
        if board_id != self.board_id:
            self._board_reader = BoardReader(self.session, board_id)
            self.changed()

    def changed(self) -> int:
        """Note that the workshop changed; returns the new version."""
        self.version += 1
        return self.version

    def snapshot(self) -> BoardSnapshot:
        """The board as of the current version (read once per version).

        Raises:
            NotFoundError: The board was deleted.
        """
        if self._snapshot is None or self._snapshot_version != self.version:
            version = self.version
            with self._consistent():
                self._snapshot = self._board_reader.read()
            self.standing = standing_dots(self._snapshot)
            self._snapshot_version = version
        return self._snapshot

    def board_view(self, group: str) -> CachedView:
        """A group's view of the board, encoded once per version."""
        cached = self._views.get(group)
        if cached is None or cached.version != self.version:
            snapshot = self.snapshot()
            body = encode({"version": self.version, **board_view(snapshot, group)})
            cached = CachedView(self.version, f'"{self.version}"', body, gzip.compress(body, 1))
            self._views[group] = cached
        return cached

    def notes(self, group: str) -> GroupNotes:
        """A group's notes on the board, as stored now."""
        with self._consistent():
            return board_setup.group_notes(self.session, self.board_id, group)

    def group_names(self) -> list[str]:
        """The groups that get a way in: the breakout round's in progress, else those on the board."""
        with self._consistent():
            names = board_setup.round_group_names(self.session, self.board_id)
            return names or board_setup.used_group_names(self.session, self.board_id)

    def board_title(self) -> str:
        """The title of the board phones see."""
        with self._consistent():
            return boards.board(self.session, self.board_id).title

    @contextmanager
    def _consistent(self) -> Iterator[None]:
        """Several queries that see one committed state: WAL gives a reader a stable snapshot only
        inside a transaction, and between two statements a write could land."""
        conn = self.session.connection
        if conn.in_transaction:
            yield
            return
        conn.execute("BEGIN")
        try:
            yield
        finally:
            conn.execute("COMMIT")

    def close(self) -> None:
        """Close the read-only connection."""
        self.session.close()
