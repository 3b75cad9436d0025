"""What a phone may change, done with the very commands the window runs.

Each function here runs on the thread that owns the workshop's writer session (the GUI thread, or
the headless server's main thread), is given that session, and calls the board commands of
:mod:`facilitator.app.boards` and :mod:`facilitator.app.board_setup` inside
``session.acting_for(phone_origin(group))``: one transaction each, an undo step labelled by group,
and every view of the desktop told at once. What only the room knows (a phone's own dot budget,
the notes a rapporteur started from) is checked here, on the same thread, so that two phones
cannot both slip past a budget between check and write.
"""

from __future__ import annotations

from collections.abc import Mapping

from facilitator.app import board_setup, boards
from facilitator.app.session import WorkshopSession, phone_origin
from facilitator.core.boards import GroupNotes
from facilitator.core.errors import ActionRefused, InputError
from facilitator.room.access import RAPPORTEUR, Device, RoomAccess
from facilitator.room.views import NOTE_FIELDS, device_dots, dots_left

__all__ = [
    "MAX_CARD_TEXT",
    "MAX_DETAIL",
    "MAX_NOTES",
    "NotesConflict",
    "add_card",
    "remove_vote",
    "save_notes",
    "vote",
]

#: Longest red flag a phone may send (a card on the wall holds a few sentences).
MAX_CARD_TEXT = 500
#: Longest evidence or refer-to text.
MAX_DETAIL = 300
#: Longest text in one of the rapporteur's boxes.
MAX_NOTES = 4000


class NotesConflict(ActionRefused):
    """Someone else changed the same notes since this rapporteur started editing.

    Attributes:
        fields: The boxes both changed, differently.
        current: The notes as they are now, for the phone to show beside its own text.
    """

    def __init__(self, fields: list[str], current: GroupNotes) -> None:
        self.fields = fields
        self.current = current
        names = ", ".join(name.capitalize() for name in fields)
        super().__init__(
            f"Someone else changed {names} while you were writing. Their text is shown below yours: "
            "combine the two, then save again."
        )


def _bounded(value: object, limit: int, what: str) -> str:
    if not isinstance(value, str):
        raise InputError(f"{what}: expected text.")
    if len(value) > limit:
        raise InputError(f"{what}: at most {limit} characters, please ({len(value)} written).")
    return value


def _device(access: RoomAccess, device_id: str) -> Device:
    device = access.device(device_id)
    if device is None:
        raise ActionRefused("This phone was signed out of the room. Scan your group's code again.")
    return device


def add_card(
    session: WorkshopSession,
    access: RoomAccess,
    device_id: str,
    board_id: str,
    fields: Mapping[str, object],
) -> int:
    """Write a red flag for the phone's group; returns the card's id.

    On a board in silent writing the card arrives hidden, as every new card does there, so the
    facilitator screens it before the room sees it.

    Raises:
        InputError: Empty or too long text, or an unknown category.
        ActionRefused: The board is locked, or the phone was signed out.
    """
    device = _device(access, device_id)
    text = _bounded(fields.get("text", ""), MAX_CARD_TEXT, "Red flag")
    category = _bounded(fields.get("category", ""), 80, "Category")
    evidence = _bounded(fields.get("evidence", ""), MAX_DETAIL, "Evidence to secure")
    refer_to = _bounded(fields.get("refer_to", ""), MAX_DETAIL, "Refer to")
    known = {c.key for c in boards.board(session, board_id).categories}
    if category and category not in known:
        raise InputError("Category: choose one of the board's categories.")
    with session.acting_for(phone_origin(device.group)):
        card_id = boards.add_card(
            session,
            board_id,
            text,
            category=category,
            group=device.group,
            evidence=evidence,
            refer_to=refer_to,
        )
    access.record_card(device.id)
    return card_id


def vote(
    session: WorkshopSession, access: RoomAccess, device_id: str, board_id: str, card_id: int, budget: int
) -> None:
    """Place one of the group's dots on a card, within the phone's own budget as well.

    Raises:
        ActionRefused: No dots left (phone or group), locked board, card not revealed.
        NotFoundError: The card is not on the board.
    """
    device = _device(access, device_id)
    snapshot = boards.snapshot(session, board_id)
    holder = snapshot.check_vote(card_id, device.group)
    if dots_left(snapshot, device, budget) <= 0:
        raise ActionRefused(
            f"This phone has placed its {budget} dot{'s' if budget != 1 else ''}. "
            "Take one back from another card first, or let another member of your group vote."
        )
    with session.acting_for(phone_origin(device.group)):
        boards.add_dot(session, holder.id, device.group, state=snapshot)
    access.record_dot(device.id, board_id, holder.id, +1)


def remove_vote(
    session: WorkshopSession, access: RoomAccess, device_id: str, board_id: str, card_id: int
) -> None:
    """Take back one of this phone's dots from a card (never another phone's).

    Raises:
        ActionRefused: The phone has no dot on the card, or the board is locked.
    """
    device = _device(access, device_id)
    snapshot = boards.snapshot(session, board_id)
    holder = snapshot.holder(card_id)
    if not device_dots(snapshot, device).get(holder.id):
        raise ActionRefused("This phone has no dot on this card to take back.")
    with session.acting_for(phone_origin(device.group)):
        boards.remove_dot(session, holder.id, device.group)
    access.record_dot(device.id, board_id, holder.id, -1)


def save_notes(
    session: WorkshopSession,
    access: RoomAccess,
    device_id: str,
    board_id: str,
    base: Mapping[str, object],
    notes: Mapping[str, object],
) -> GroupNotes:
    """Save what a rapporteur changed in the group's notes, unless someone changed it meanwhile.

    ``base`` is the text the phone started from. A box the phone changed while the stored text
    moved away from that base (another rapporteur, or the desktop) is a conflict: nothing is
    saved and :class:`NotesConflict` carries the stored notes. Boxes the phone did not touch are
    left as they are now, so one rapporteur never undoes another's edit of a different box.

    Raises:
        ActionRefused: The phone is not its group's rapporteur.
        NotesConflict: See above.
        InputError: A box holds too much text.
    """
    device = _device(access, device_id)
    if device.role != RAPPORTEUR:
        raise ActionRefused("Only your group's rapporteur can edit the notes (scan the rapporteur code).")
    started = {name: _bounded(base.get(name, ""), MAX_NOTES, name.capitalize()) for name in NOTE_FIELDS}
    wanted = {name: _bounded(notes.get(name, ""), MAX_NOTES, name.capitalize()) for name in NOTE_FIELDS}
    current = board_setup.group_notes(session, board_id, device.group)
    changed = {name: wanted[name] for name in NOTE_FIELDS if wanted[name] != started[name]}
    conflicts = [
        name
        for name, text in changed.items()
        if getattr(current, name) != started[name] and getattr(current, name) != text
    ]
    if conflicts:
        raise NotesConflict(conflicts, current)
    if changed:
        with session.acting_for(phone_origin(device.group)):
            board_setup.save_group_notes(session, board_id, device.group, **changed)
    return board_setup.group_notes(session, board_id, device.group)
