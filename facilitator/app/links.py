"""How the agenda, the breakout rounds and the boards refer to each other.

The three were built apart and meet here. An agenda item may link to a breakout round
(``round:NAME``) or a board (``board:ID``); a round may be linked to the agenda breakout session it
serves; and a board offers the group names of the round the room is working in. Rounds and boards
are read only through the public functions of ``app.groups`` and ``app.boards``, so each capability
stays free to change its own tables.

A link is checked against real rounds and boards when it is written, never when it is read: a
round deleted later leaves its links readable, shown as missing, so nothing fails to open.
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.app import boards, groups
from facilitator.app.session import WorkshopSession
from facilitator.core.agenda import LINK_KINDS, AgendaItem, DaySchedule, parse_link, schedule
from facilitator.core.countdown import TimerState, current_item_id
from facilitator.core.errors import InputError
from facilitator.core.timer_view import item_order
from facilitator.storage import agenda_store, timer_store
from facilitator.storage.groups_store import StoredRound

__all__ = [
    "LinkTargets",
    "check_link",
    "current_agenda_item",
    "link_targets",
    "round_for_board",
]

_MISSING = "missing"


@dataclass(frozen=True, slots=True)
class LinkTargets:
    """What an agenda item can link to at this moment.

    Attributes:
        rounds: Names of the breakout rounds, earliest first.
        boards: (id, title) of every board, referral boards first.
    """

    rounds: tuple[str, ...]
    boards: tuple[tuple[str, str], ...]

    def choices(self) -> list[tuple[str, str]]:
        """(link, label) of every possible link: rounds first, then boards."""
        return [(f"round:{name}", self.label(f"round:{name}")) for name in self.rounds] + [
            (f"board:{key}", self.label(f"board:{key}")) for key, _title in self.boards
        ]

    def exists(self, link: str) -> bool:
        """Whether a stored link still names a round or board (an empty link counts as fine)."""
        kind, _, target = link.partition(":")
        if not link:
            return True
        if kind == "round":
            return target in self.rounds
        return kind == "board" and target in dict(self.boards)

    def label(self, link: str) -> str:
        """How a link reads on screen: "Round: Breakout 1", "Board: Labour to police", or the
        stored text marked missing when what it named is gone."""
        if not link:
            return ""
        kind, _, target = link.partition(":")
        if not self.exists(link):
            return f"{link} ({_MISSING})"
        name = dict(self.boards)[target] if kind == "board" else target
        return f"{kind.capitalize()}: {name}"

    def resolve(self, text: str) -> str:
        """The stored form of a link as typed, checked against the real rounds and boards.

        Round names are matched without regard to case; a board may be named by its id or its
        title. Returns "" for an empty link.

        Raises:
            InputError: The link is malformed, or names no existing round or board; the message
                names the field and lists what exists.
        """
        link = parse_link(text)
        if not link:
            return ""
        kind, _, target = link.partition(":")
        wanted = target.casefold()
        if kind == "round":
            found = next((name for name in self.rounds if name.casefold() == wanted), None)
            valid = [f"round:{name}" for name in self.rounds]
        else:
            found = next(
                (key for key, title in self.boards if wanted in (key.casefold(), title.casefold())),
                None,
            )
            valid = [f"board:{key}" for key, _title in self.boards]
        if found is not None:
            return f"{kind}:{found}"
        what = LINK_KINDS[kind]
        if not valid:
            where = "Breakout groups" if kind == "round" else "Red-flag boards"
            raise InputError(
                f"Link: there is no {what} '{target}', and no {what}s yet. Make it on the {where} "
                "page first, or leave the link empty."
            )
        raise InputError(f"Link: there is no {what} '{target}'. Choose one of: {', '.join(valid)}.")


def link_targets(session: WorkshopSession) -> LinkTargets:
    """The rounds and boards an agenda item can link to now."""
    return LinkTargets(
        tuple(groups.round_names(session)),
        tuple((board.id, board.title) for board in boards.boards(session)),
    )


def check_link(session: WorkshopSession, text: str) -> str:
    """A link as typed, checked against the real rounds and boards (see :meth:`LinkTargets.resolve`)."""
    return link_targets(session).resolve(text)


def _days(session: WorkshopSession) -> list[DaySchedule]:
    conn = session.connection
    return schedule(agenda_store.load_days(conn), agenda_store.load_items(conn))


def current_agenda_item(session: WorkshopSession) -> AgendaItem | None:
    """The item the agenda timer is on (the one it times, else the first not yet finished).

    Read from the saved timer, so every view and the command line agree without a running timer.
    """
    conn = session.connection
    days = _days(session)
    state = TimerState(timer_store.load_countdown(conn), timer_store.load_runs(conn))
    item_id = current_item_id(state, item_order(days))
    return next((t.item for day in days for t in day.items if t.item.id == item_id), None)


def _round_of_item(rounds: list[StoredRound], item: AgendaItem) -> StoredRound | None:
    """The round linked to an agenda item: by the round's own link, else by the item's."""
    linked = next((r for r in rounds if r.agenda_item == item.id), None)
    kind, _, name = item.link.partition(":")
    if linked is None and kind == "round":
        linked = next((r for r in rounds if r.name == name), None)
    return linked


def round_for_board(session: WorkshopSession, board_id: str | None = None) -> StoredRound | None:
    """The breakout round whose groups a board should offer, if one stands out.

    First the round linked to the current agenda item when that item is a breakout session; then,
    for a board, the round linked to the first breakout session that links to that board (the
    report-back on a board still speaks of the groups that filled it). None when neither applies.
    """
    rounds = groups.rounds(session)
    if not rounds:
        return None
    current = current_agenda_item(session)
    if current is not None and current.kind == "breakout":
        found = _round_of_item(rounds, current)
        if found is not None:
            return found
    if board_id:
        link = f"board:{board_id}"
        for item in (t.item for day in _days(session) for t in day.items):
            if item.kind == "breakout" and item.link == link:
                found = _round_of_item(rounds, item)
                if found is not None:
                    return found
    return None
