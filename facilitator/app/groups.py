"""Breakout group commands: form a round, reshuffle, add late arrivals, move, pin, lock, place.

Every command validates, then writes inside ``session.action`` so that undo, redo and "nothing
lost" come for free. Solving runs before the transaction opens (it needs no database), so a slow
solve never holds the workshop file. Forming rounds lives in :mod:`.group_plans`, late arrivals in
:mod:`.group_arrivals`, and how a round reads in :mod:`.group_views`; this module gathers them.
"""

from __future__ import annotations

from pathlib import Path

from facilitator.app.changes import GROUPS, Changes
from facilitator.app.exports import ExportOptions
from facilitator.app.group_arrivals import LateArrivals, LatePlan, add_late, apply_late, plan_late
from facilitator.app.group_plans import (
    DEFAULT_SEED,
    RoundPlan,
    apply_plan,
    assign_round,
    editable,
    plan_reshuffle,
    plan_round,
    reshuffle_round,
)
from facilitator.app.group_views import (
    PRESENT,
    ROSTER,
    SELECTION,
    RoundView,
    Who,
    breakouts,
    load_view,
    people_for,
    waiting_after_check_in,
)
from facilitator.app.session import WorkshopSession
from facilitator.core.errors import ActionRefused, InputError, NotFoundError
from facilitator.core.grouping import Eligibility
from facilitator.core.participants import Participant
from facilitator.core.user_text import clean_line
from facilitator.storage import checkin_store, groups_store, roster_store
from facilitator.storage.groups_store import StoredRound

__all__ = [
    "DEFAULT_SEED",
    "PRESENT",
    "ROSTER",
    "SELECTION",
    "LateArrivals",
    "LatePlan",
    "RoundPlan",
    "RoundView",
    "StoredRound",
    "Who",
    "add_late",
    "apply_late",
    "apply_plan",
    "assign_round",
    "breakout_items",
    "default_who",
    "delete_round",
    "export_groups",
    "find_round",
    "link_agenda_item",
    "load_round",
    "move_member",
    "people_present",
    "plan_late",
    "plan_reshuffle",
    "plan_round",
    "reshuffle_round",
    "round_names",
    "rounds",
    "set_locked",
    "set_pinned",
    "set_place",
    "waiting",
]

#: Longest place name ("Salon Champa, ground floor, left of the stage").
_PLACE_LENGTH = 60


def rounds(session: WorkshopSession) -> list[StoredRound]:
    """Every round, earliest first."""
    return groups_store.load_rounds(session.connection)


def round_names(session: WorkshopSession) -> list[str]:
    """Names of every round (for agenda links)."""
    return [r.name for r in rounds(session)]


def breakout_items(session: WorkshopSession) -> list[tuple[int, str]]:
    """Agenda items of kind "breakout" as (id, title), in agenda order."""
    return breakouts(session.connection)


def load_round(session: WorkshopSession, round_id: int) -> RoundView:
    """One round with its groups and report."""
    return load_view(session.connection, groups_store.load_round(session.connection, round_id))


def find_round(session: WorkshopSession, name: str) -> RoundView | None:
    """A round by name, or None."""
    stored = groups_store.find_round(session.connection, name.strip())
    return load_view(session.connection, stored) if stored else None


def waiting(session: WorkshopSession, round_id: int) -> tuple[Participant, ...]:
    """Who waits for a group of a round of the people present (cheap: no report), else ()."""
    return waiting_after_check_in(session.connection, groups_store.load_round(session.connection, round_id))


def people_present(session: WorkshopSession, day: int) -> tuple[Participant, ...]:
    """Those checked in on ``day`` who take part in groups (what a round of the present takes)."""
    everyone = roster_store.load_participants(session.connection)
    return people_for(session.connection, Who.present(day), Eligibility(), everyone)


def default_who(session: WorkshopSession, day: int) -> Who:
    """Whom a new round is formed from by default: the people checked in on ``day`` once that
    day's check-in has begun, else the whole roster."""
    return Who.present(day) if checkin_store.last_scan(session.connection, day) else Who()


def _name(session: WorkshopSession, participant_id: int) -> str:
    return roster_store.load_participant(session.connection, participant_id).name


def move_member(
    session: WorkshopSession, round_id: int, participant_id: int, group: int, index: int | None = None
) -> Changes:
    """Move a participant to another group (0-based) of an unlocked round.

    Raises:
        ActionRefused: The round is locked, or the person is pinned (unpin first).
        NotFoundError: No such round, group or participant.
    """
    stored = editable(session.connection, round_id)
    if not 0 <= group < len(stored.group_names):
        raise NotFoundError(f"'{stored.name}' has no group {group + 1}.")
    name = _name(session, participant_id)
    _members, pinned = groups_store.load_members(session.connection, round_id)
    if participant_id in pinned:
        raise ActionRefused(f"{name} is pinned to a group; unpin them before moving them.")
    label = f"Move {name} to {stored.group_names[group]}"
    with session.action(label, [GROUPS]) as conn:
        groups_store.move_member(conn, round_id, participant_id, group, 1 << 30 if index is None else index)
    return session.last_changes


def set_pinned(session: WorkshopSession, round_id: int, participant_id: int, pinned: bool) -> Changes:
    """Pin a member to their group (a reshuffle keeps them there), or unpin them."""
    stored = editable(session.connection, round_id)
    label = f"{'Pin' if pinned else 'Unpin'} {_name(session, participant_id)}"
    with session.action(label, [GROUPS]) as conn:
        groups_store.set_pinned(conn, stored.id, participant_id, pinned)
    return session.last_changes


def set_locked(session: WorkshopSession, round_id: int, locked: bool) -> Changes:
    """Lock a round once it is announced (no more changes), or unlock it."""
    stored = groups_store.load_round(session.connection, round_id)
    label = f"{'Lock' if locked else 'Unlock'} {stored.name}"
    with session.action(label, [GROUPS]) as conn:
        groups_store.set_locked(conn, round_id, locked)
    return session.last_changes


def set_place(session: WorkshopSession, round_id: int, group: int, place: str) -> Changes:
    """Say where a group (0-based) meets ("Mekong room", "Table 4"); "" clears it.

    Allowed on a locked round: where a group meets often changes after the announcement.

    Raises:
        InputError: The place is too long to show on the wall.
        NotFoundError: No such round or group.
    """
    stored = groups_store.load_round(session.connection, round_id)
    if not 0 <= group < len(stored.group_names):
        raise NotFoundError(f"'{stored.name}' has no group {group + 1}.")
    place = clean_line(place)
    if len(place) > _PLACE_LENGTH:
        raise InputError(
            f"A place of at most {_PLACE_LENGTH} characters fits the wall; this one has {len(place)}."
        )
    what = f"{stored.group_names[group]} of {stored.name}"
    label = f"Place {what} in {place}" if place else f"Clear the place of {what}"
    with session.action(label, [GROUPS]) as conn:
        groups_store.set_place(conn, round_id, group, place)
    return session.last_changes


def delete_round(session: WorkshopSession, round_id: int) -> Changes:
    """Remove an unlocked round and its groups."""
    stored = editable(session.connection, round_id)
    label = f"Delete {stored.name}"
    with session.action(label, [GROUPS]) as conn:
        groups_store.delete_round(conn, round_id)
    return session.last_changes


def link_agenda_item(session: WorkshopSession, round_id: int, item_id: int | None) -> Changes:
    """Link a round to an agenda breakout item, or unlink it."""
    stored = groups_store.load_round(session.connection, round_id)
    if item_id is not None and item_id not in {i for i, _ in breakout_items(session)}:
        raise NotFoundError(f"Agenda item {item_id} is not a breakout session.")
    label = f"Link {stored.name} to the agenda"
    with session.action(label, [GROUPS]) as conn:
        groups_store.set_agenda_item(conn, round_id, item_id)
    return session.last_changes


def export_groups(session: WorkshopSession, output: Path, options: ExportOptions) -> Path:
    """Group lists PDF for every round: an overview page to project or post, then a page per group."""
    from facilitator.app.group_documents import export_all_rounds

    return export_all_rounds(session, output, options)
