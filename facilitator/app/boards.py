"""Board commands: write, sort, merge and vote on red-flag cards; hide, reveal and lock boards.

Every command validates against a fresh :class:`BoardSnapshot` and then writes in one transaction
under the ``boards`` topic, so undo and redo cover each of them and the CLI and the GUI behave the
same. Board-level settings (free boards, categories, rapporteurs' notes) are in
:mod:`facilitator.app.board_setup`; documents in :mod:`facilitator.app.board_exports`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.app.changes import BOARDS, Changes
from facilitator.app.session import WorkshopSession
from facilitator.core.boards import (
    REFERRAL_BOARDS,
    Board,
    BoardSnapshot,
    MatrixSection,
    RedFlag,
    RedFlagCard,
    check_card_text,
    clean_label,
    consolidate,
)
from facilitator.core.errors import ActionRefused, InputError
from facilitator.storage import boards_store

if TYPE_CHECKING:
    from facilitator.app.exports import ExportOptions

__all__ = [
    "Clock",
    "add_card",
    "add_dot",
    "board",
    "boards",
    "delete_cards",
    "edit_card",
    "export_board",
    "merge_cards",
    "move_card",
    "move_cards",
    "referral_matrix",
    "remove_dot",
    "reveal_cards",
    "set_budget",
    "set_hidden",
    "set_locked",
    "snapshot",
    "split_card",
    "top_red_flags",
    "withdraw_cards",
]

Clock = Callable[[], datetime]

_TEXT_FIELDS = ("text", "evidence", "refer_to", "group", "author")


def _now(clock: Clock | None) -> str:
    moment = clock() if clock else datetime.now().astimezone()
    return moment.isoformat(timespec="seconds")


def boards(session: WorkshopSession) -> list[Board]:
    """Every board, referral boards first."""
    return boards_store.load_boards(session.connection)


def board(session: WorkshopSession, board_id: str) -> Board:
    """One board by id.

    Raises:
        NotFoundError: No such board; the message lists the valid ones.
    """
    return boards_store.load_board(session.connection, board_id)


def snapshot(session: WorkshopSession, board_id: str) -> BoardSnapshot:
    """A board with its cards and dots, as they are now."""
    return boards_store.load_snapshot(session.connection, board_id)


def _snapshot_of_card(session: WorkshopSession, card_id: int) -> BoardSnapshot:
    card = boards_store.load_card(session.connection, card_id)
    return snapshot(session, card.board)


def add_card(
    session: WorkshopSession,
    board_id: str,
    text: str,
    *,
    category: str = "",
    group: str = "",
    evidence: str = "",
    refer_to: str = "",
    author: str = "",
    clock: Clock | None = None,
) -> int:
    """Write a red flag on a board; returns the new card's id.

    The category may be given by key, label or a part of either that names one category
    (``debt-bondage``, ``Debt bondage``, ``debt``; see :meth:`Board.find_category`); empty leaves
    the card unsorted. On a board in hidden mode the card stays off the projector until revealed.

    Raises:
        NotFoundError: Unknown board or category (the message lists the valid ones).
        InputError: Empty text.
        ActionRefused: The board is locked.
    """
    target = board(session, board_id)
    text = check_card_text(text)
    key = target.find_category(category).key
    target.ensure_unlocked()
    card = RedFlagCard(
        id=0,
        board=target.id,
        category=key,
        text=text,
        evidence=evidence,
        refer_to=clean_label(refer_to),
        group=clean_label(group),
        author=clean_label(author),
        created=_now(clock),
        revealed=not target.hidden,
    )
    with session.action("Add red flag", [BOARDS]) as conn:
        return boards_store.insert_card(conn, card)


def edit_card(session: WorkshopSession, card_id: int, **values: str) -> Changes:
    """Change the text, evidence, refer-to, group, author or category of a card.

    Raises:
        InputError: An unknown field, or empty text.
        NotFoundError: Unknown card or category.
        ActionRefused: The board is locked.
    """
    unknown = set(values) - {*_TEXT_FIELDS, "category"}
    if unknown:
        raise InputError(f"'{sorted(unknown)[0]}' is not a field of a card that can be edited.")
    state = _snapshot_of_card(session, card_id)
    current = state.card(card_id)
    cleaned: dict[str, object] = {}
    for name, value in values.items():
        if name == "text":
            cleaned[name] = check_card_text(value)
        elif name == "evidence":
            cleaned[name] = value
        elif name == "category":
            cleaned[name] = state.board.find_category(value).key
        else:
            cleaned[name] = clean_label(value)
    cleaned = {name: value for name, value in cleaned.items() if getattr(current, name) != value}
    if not cleaned:
        return Changes()
    state.board.ensure_unlocked()
    if set(cleaned) == {"category"}:
        label = f"Move red flag to {state.board.category(str(cleaned['category'])).label}"
    else:
        label = "Edit red flag"
    with session.action(label, [BOARDS]) as conn:
        boards_store.update_card(conn, [card_id], **cleaned)
    return session.last_changes


def move_card(session: WorkshopSession, card_id: int, category: str) -> Changes:
    """Move a card (with the cards merged into it) to another category of its board."""
    return edit_card(session, card_id, category=category)


def move_cards(session: WorkshopSession, card_ids: Iterable[int], category: str) -> Changes:
    """Move several cards to one category: one action, so one Undo puts them all back.

    Cards already in the category are left as they are.

    Raises:
        NotFoundError: A card is not on the first card's board, or the category is unknown.
        ActionRefused: The board is locked.
    """
    ids = list(dict.fromkeys(card_ids))
    if not ids:
        return Changes()
    state = _snapshot_of_card(session, ids[0])
    key = state.board.find_category(category).key
    moving = [card_id for card_id in ids if state.card(card_id).category != key]
    if not moving:
        return Changes()
    state.board.ensure_unlocked()
    label = state.board.category(key).label
    count = "red flag" if len(moving) == 1 else f"{len(moving)} red flags"
    with session.action(f"Move {count} to {label}", [BOARDS]) as conn:
        boards_store.update_card(conn, moving, category=key)
    return session.last_changes


def delete_cards(session: WorkshopSession, card_ids: Iterable[int]) -> Changes:
    """Remove cards and their dots; cards merged into a removed card stand on their own again."""
    ids = list(dict.fromkeys(card_ids))
    if not ids:
        return Changes()
    state = _snapshot_of_card(session, ids[0])
    for card_id in ids:
        state.card(card_id)
    state.board.ensure_unlocked()
    # Unlink first: merged cards of a removed card stand alone again, and no row points at a removed one.
    gone = set(ids)
    unlinked = [c.id for c in state.cards if c.merged_into is not None and gone & {c.id, c.merged_into}]
    label = "Delete red flag" if len(ids) == 1 else f"Delete {len(ids)} red flags"
    with session.action(label, [BOARDS]) as conn:
        boards_store.set_merged_into(conn, unlinked, None)
        boards_store.delete_cards(conn, ids)
    return session.last_changes


def merge_cards(session: WorkshopSession, target_id: int, source_ids: Sequence[int]) -> Changes:
    """Merge duplicates into one card: every text is kept, votes are summed, sources listed.

    Raises:
        ActionRefused: The board is locked, or the target was itself merged.
        InputError: Nothing to merge.
        NotFoundError: A card is not on the target's board.
    """
    state = _snapshot_of_card(session, target_id)
    moved = state.plan_merge(target_id, source_ids)
    label = "Merge 2 cards" if len(moved) == 1 else f"Merge {len(moved) + 1} cards"
    with session.action(label, [BOARDS]) as conn:
        boards_store.set_merged_into(conn, moved, target_id)
    return session.last_changes


def split_card(session: WorkshopSession, card_id: int) -> Changes:
    """Take a merged card out of the card it joined, with its own text and dots."""
    state = _snapshot_of_card(session, card_id)
    card = state.card(card_id)
    state.board.ensure_unlocked()
    if card.merged_into is None:
        raise ActionRefused("This card is not merged into another card.")
    with session.action("Split card", [BOARDS]) as conn:
        boards_store.set_merged_into(conn, [card_id], None)
    return session.last_changes


def add_dot(
    session: WorkshopSession,
    card_id: int,
    group: str,
    clock: Clock | None = None,
    *,
    state: BoardSnapshot | None = None,
) -> Changes:
    """Place one of a group's dots on a card (on the card it was merged into, if merged).

    Args:
        state: The card's board as the caller has just read it in the same turn (a phone's vote
            checks the phone's own budget on it first), so that it is not read twice.

    Raises:
        ActionRefused: Locked board, unrevealed card, or no dots left for the group.
    """
    group = clean_label(group)
    state = state or _snapshot_of_card(session, card_id)
    holder = state.check_vote(card_id, group)
    label = f"Vote ({group})"
    with session.action(label, [BOARDS]) as conn:
        boards_store.insert_dot(conn, holder.id, group, _now(clock))
    return session.last_changes


def remove_dot(session: WorkshopSession, card_id: int, group: str) -> Changes:
    """Take back one of a group's dots from a card."""
    group = clean_label(group)
    state = _snapshot_of_card(session, card_id)
    dot = state.dot_to_remove(card_id, group)
    label = f"Remove vote ({group})"
    with session.action(label, [BOARDS]) as conn:
        boards_store.delete_dot(conn, dot)
    return session.last_changes


def set_hidden(session: WorkshopSession, board_id: str, hidden: bool) -> Changes:
    """Turn hidden mode on (silent writing: new cards stay off the projector) or off."""
    current = board(session, board_id)
    if current.hidden == hidden:
        return Changes()
    label = "Start silent writing" if hidden else "End silent writing"
    with session.action(label, [BOARDS]) as conn:
        boards_store.update_board(conn, board_id, hidden=int(hidden))
    return session.last_changes


def reveal_cards(session: WorkshopSession, board_id: str, card_ids: Iterable[int] | None = None) -> Changes:
    """Let the projector show cards: the ones given (pre-screening), or all of them.

    Revealing all cards also ends hidden mode, because the silent-writing phase is over.
    """
    state = snapshot(session, board_id)
    ids = [c.id for c in state.cards if not c.revealed] if card_ids is None else list(card_ids)
    for card_id in ids:
        state.card(card_id)
    if not ids and not (card_ids is None and state.board.hidden):
        return Changes()
    label = "Reveal all cards" if card_ids is None else ("Reveal card" if len(ids) == 1 else "Reveal cards")
    with session.action(label, [BOARDS]) as conn:
        boards_store.update_card(conn, ids, revealed=1)
        if card_ids is None:
            boards_store.update_board(conn, board_id, hidden=0)
    return session.last_changes


def withdraw_cards(session: WorkshopSession, board_id: str, card_ids: Iterable[int]) -> Changes:
    """Take cards off the projector again (a facilitator screening what the room will see)."""
    state = snapshot(session, board_id)
    ids = list(card_ids)
    for card_id in ids:
        state.card(card_id)
    if not ids:
        return Changes()
    label = "Hide card" if len(ids) == 1 else "Hide cards"
    with session.action(label, [BOARDS]) as conn:
        boards_store.update_card(conn, ids, revealed=0)
    return session.last_changes


def set_locked(session: WorkshopSession, board_id: str, locked: bool) -> Changes:
    """Lock a board (cards and votes can no longer change) or unlock it."""
    current = board(session, board_id)
    if current.locked == locked:
        return Changes()
    label = "Lock board" if locked else "Unlock board"
    with session.action(label, [BOARDS]) as conn:
        boards_store.update_board(conn, board_id, locked=int(locked))
    return session.last_changes


def set_budget(
    session: WorkshopSession, board_id: str, group_budget: int, category_budget: int = 0
) -> Changes:
    """Set how many dots each group may place on the board, and optionally in one category.

    Raises:
        InputError: A budget below what it must be (at least one dot; per-category 0 or more).
        ActionRefused: The board is locked.
    """
    if group_budget < 1:
        raise InputError("Dots per group: give each group at least one dot.")
    if category_budget < 0:
        raise InputError("Dots per category: use 0 for no limit, or a positive number.")
    current = board(session, board_id)
    current.ensure_unlocked()
    if (current.group_budget, current.category_budget) == (group_budget, category_budget):
        return Changes()
    with session.action("Change dot budget", [BOARDS]) as conn:
        boards_store.update_board(conn, board_id, group_budget=group_budget, category_budget=category_budget)
    return session.last_changes


def referral_matrix(
    session: WorkshopSession, board_id: str | None = None, revealed_only: bool = False
) -> list[MatrixSection]:
    """The plenary matrix (category × red flags ranked by votes) of one board, or of both
    referral boards when none is named."""
    existing = boards_store.board_keys(session.connection)
    keys = [board_id] if board_id else [key for key in REFERRAL_BOARDS if key in existing]
    return consolidate([snapshot(session, key) for key in keys], revealed_only)


def top_red_flags(session: WorkshopSession, board_id: str, limit: int = 10) -> list[RedFlag]:
    """The most-voted red flags of a board, with evidence and refer-to, for the guidelines draft.

    Merged cards are folded into the card they joined; ties keep the order in which cards were
    written. Flags without any vote are included after the voted ones if ``limit`` allows.
    """
    return snapshot(session, board_id).ranked()[: max(0, limit)]


def export_board(session: WorkshopSession, output: Path, options: ExportOptions) -> Path:
    """Write a board's record (PDF, CSV or XLSX by the file's suffix); see
    :func:`facilitator.app.board_exports.write_board_record`."""
    from facilitator.app.board_exports import write_board_record

    return write_board_record(session, Path(output), options)
