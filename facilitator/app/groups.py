"""Breakout group commands: assign a round, reshuffle, move, pin, lock, keep apart.

Every command validates, then writes inside ``session.action`` so that undo, redo and "nothing
lost" come for free. The solver runs before the transaction opens (it needs no database), so a
slow solve never holds the workshop file.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from facilitator.app.changes import GROUPS, Changes
from facilitator.app.exports import ExportOptions
from facilitator.app.session import WorkshopSession
from facilitator.core.errors import ActionRefused, InputError, NotFoundError
from facilitator.core.grouping import (
    MODES,
    SPREAD,
    Eligibility,
    GroupingQuality,
    GroupingRequest,
    assign_groups,
    evaluate,
    groups_for_size,
)
from facilitator.core.participants import Participant, describe_roster_change
from facilitator.storage import agenda_store, groups_store, roster_store
from facilitator.storage.groups_store import StoredRound

__all__ = [
    "DEFAULT_SEED",
    "RoundPlan",
    "RoundView",
    "StoredRound",
    "apply_plan",
    "assign_round",
    "breakout_items",
    "delete_round",
    "export_groups",
    "find_round",
    "link_agenda_item",
    "load_round",
    "move_member",
    "plan_reshuffle",
    "plan_round",
    "reshuffle_round",
    "round_names",
    "rounds",
    "set_locked",
    "set_pinned",
]


#: Seed of a round's first assignment; each reshuffle adds one.
DEFAULT_SEED = 1


@dataclass(frozen=True, slots=True)
class RoundView:
    """A round as the page, the CLI and the documents show it.

    Attributes:
        round: The stored round.
        groups: Members of each group, in their stored order.
        pinned: Ids of pinned members.
        unplaced: People who take part but are in no group (joined after the assignment).
        quality: Counts against fair share and what does not hold.
        agenda_title: Title of the linked agenda item, or "".
    """

    round: StoredRound
    groups: tuple[tuple[Participant, ...], ...]
    pinned: frozenset[int]
    unplaced: tuple[Participant, ...]
    quality: GroupingQuality
    agenda_title: str

    @property
    def id(self) -> int:
        """The round's id."""
        return self.round.id

    @property
    def name(self) -> str:
        """The round's name."""
        return self.round.name

    @property
    def locked(self) -> bool:
        """Whether the round is locked."""
        return self.round.locked

    def as_json(self) -> dict[str, object]:
        """The shape promised by ``groups assign --json``."""
        return {
            "round": self.name,
            "groups": [
                {"name": name, "members": [p.id for p in members]}
                for name, members in zip(self.round.group_names, self.groups, strict=True)
            ],
            "quality": self.quality.as_json(),
        }


def rounds(session: WorkshopSession) -> list[StoredRound]:
    """Every round, earliest first."""
    return groups_store.load_rounds(session.connection)


def round_names(session: WorkshopSession) -> list[str]:
    """Names of every round (for agenda links)."""
    return [r.name for r in rounds(session)]


def breakout_items(session: WorkshopSession) -> list[tuple[int, str]]:
    """Agenda items of kind "breakout" as (id, title), in agenda order."""
    return _breakouts(session.connection)


def _history(conn: sqlite3.Connection, before: int | None) -> list[list[list[int]]]:
    """Groups of the rounds before position ``before`` (all rounds when None)."""
    earlier = [r for r in groups_store.load_rounds(conn) if before is None or r.position < before]
    return [groups_store.load_members(conn, r.id)[0] for r in earlier]


def _view(conn: sqlite3.Connection, stored: StoredRound) -> RoundView:
    roster = {p.id: p for p in roster_store.load_participants(conn)}
    members, pinned = groups_store.load_members(conn, stored.id)
    placed = {pid for group in members for pid in group}
    request = GroupingRequest.build(
        [roster[pid] for group in members for pid in group],
        max(1, len(members)),
        mode=stored.mode,
        pins=[(pid, g) for g, group in enumerate(members) for pid in group if pid in pinned],
        apart=[(a, b) for a, b in groups_store.load_apart(conn) if a in placed and b in placed],
        history=_history(conn, stored.position),
    )
    proven = (stored.lower_bound, stored.lone_bound) if stored.proven else None
    quality = evaluate(request, members, proven)
    unplaced = tuple(p for p in Eligibility().select(roster.values()) if p.id not in placed)
    title = ""
    if stored.agenda_item is not None:
        title = next((t for i, t in _breakouts(conn) if i == stored.agenda_item), "")
    groups = tuple(tuple(roster[pid] for pid in group) for group in members)
    return RoundView(stored, groups, pinned, unplaced, quality, title)


def _breakouts(conn: sqlite3.Connection) -> list[tuple[int, str]]:
    return [(item.id, item.title) for item in agenda_store.load_items(conn) if item.kind == "breakout"]


def load_round(session: WorkshopSession, round_id: int) -> RoundView:
    """One round with its groups and report."""
    return _view(session.connection, groups_store.load_round(session.connection, round_id))


def find_round(session: WorkshopSession, name: str) -> RoundView | None:
    """A round by name, or None."""
    stored = groups_store.find_round(session.connection, name.strip())
    return _view(session.connection, stored) if stored else None


def _editable(conn: sqlite3.Connection, round_id: int) -> StoredRound:
    stored = groups_store.load_round(conn, round_id)
    if stored.locked:
        raise ActionRefused(f"'{stored.name}' is locked because it was announced; unlock it to change it.")
    return stored


@dataclass(frozen=True, slots=True)
class RoundPlan:
    """A solved round not yet written: the GUI solves off the GUI thread, then applies it.

    Attributes:
        name: Round name.
        existing: Id of the round it replaces, if any.
        agenda_item: Agenda item to link, if any.
        request: What was solved.
        groups: The solver's groups (participant ids).
        quality: The solver's report.
        roster: The whole roster it was solved from, so that applying the plan can tell whether
            anyone was added, removed or edited since.
    """

    name: str
    existing: int | None
    agenda_item: int | None
    request: GroupingRequest
    groups: tuple[tuple[int, ...], ...]
    quality: GroupingQuality
    roster: tuple[Participant, ...]


def _plan(
    session: WorkshopSession,
    name: str,
    existing: StoredRound | None,
    groups: int,
    mode: str,
    seed: int,
    eligibility: Eligibility,
    agenda_item: int | None,
) -> RoundPlan:
    everyone = tuple(roster_store.load_participants(session.connection))
    request = _request(session.connection, eligibility.select(everyone), existing, groups, mode, seed)
    result = assign_groups(request)
    existing_id = existing.id if existing else None
    return RoundPlan(name, existing_id, agenda_item, request, result.groups, result.quality, everyone)


def _request(
    conn: sqlite3.Connection,
    people: tuple[Participant, ...],
    existing: StoredRound | None,
    groups: int,
    mode: str,
    seed: int,
) -> GroupingRequest:
    """What the solver is asked for these people, with the round's pins, the keep-apart pairs and
    the earlier rounds as they are in the workshop now."""
    ids = {p.id for p in people}
    pins: list[tuple[int, int]] = []
    if existing is not None:
        members, pinned = groups_store.load_members(conn, existing.id)
        pins = [(pid, g) for g, group in enumerate(members) for pid in group if pid in pinned and pid in ids]
        pins = [(pid, g) for pid, g in pins if g < groups]
    return GroupingRequest.build(
        people,
        groups,
        mode=mode,
        seed=seed,
        pins=pins,
        apart=[(a, b) for a, b in groups_store.load_apart(conn) if a in ids and b in ids],
        history=_history(conn, existing.position if existing else None),
    )


def plan_round(
    session: WorkshopSession,
    name: str,
    groups: int | None = None,
    *,
    size: int | None = None,
    mode: str = SPREAD,
    seed: int | None = None,
    eligibility: Eligibility | None = None,
    agenda_item: int | None = None,
) -> RoundPlan:
    """Solve a round without writing anything (safe on a reader session off the GUI thread).

    Arguments as for :func:`assign_round`.
    """
    name = " ".join(name.split())
    if not name:
        raise InputError("Round name: give the round a name, for example 'Breakout 1'.")
    if mode not in MODES:
        raise InputError(f"Mode '{mode}': choose {' or '.join(MODES)}.")
    eligibility = eligibility or Eligibility()
    existing = groups_store.find_round(session.connection, name)
    if existing is not None:
        _editable(session.connection, existing.id)
        name = existing.name
    if groups is None:
        if size is None:
            raise InputError("Give a number of groups or a group size.")
        people = eligibility.select(roster_store.load_participants(session.connection))
        groups = groups_for_size(len(people), size)
    if seed is None:
        seed = existing.seed if existing else DEFAULT_SEED
    return _plan(session, name, existing, groups, mode, seed, eligibility, agenda_item)


def plan_reshuffle(session: WorkshopSession, round_id: int, seed: int | None = None) -> RoundPlan:
    """Solve an unlocked round again with a new seed (the next one by default), keeping its pins."""
    stored = _editable(session.connection, round_id)
    seed = stored.seed + 1 if seed is None else seed
    groups = max(1, len(stored.group_names))
    return _plan(session, stored.name, stored, groups, stored.mode, seed, Eligibility(), None)


def _check_plan(conn: sqlite3.Connection, plan: RoundPlan) -> StoredRound | None:
    """The round a plan replaces (None for a new round), once the plan is known to still hold.

    Run inside the transaction that writes the plan: the GUI solves off the GUI thread and applies
    the result later, and meanwhile other actions may have changed the roster or the round.

    Raises:
        ActionRefused: What the plan was solved from has changed; the message says what.
    """
    again = "Form the groups again; nothing was changed."
    taken = groups_store.find_round(conn, plan.name)
    existing = None
    if plan.existing is not None:
        try:
            existing = _editable(conn, plan.existing)
        except NotFoundError:
            raise ActionRefused(
                f"'{plan.name}' was deleted while its groups were being formed; nothing was changed."
            ) from None
    if taken is not None and taken.id != plan.existing:
        raise ActionRefused(f"A round named '{plan.name}' was created meanwhile. {again}")
    change = describe_roster_change(plan.roster, roster_store.load_participants(conn))
    if change:
        raise ActionRefused(
            f"The roster changed since the groups of '{plan.name}' were formed: {change}. {again}"
        )
    request = plan.request
    now = _request(conn, request.people, existing, request.groups, request.mode, request.seed)
    changed = [
        what
        for what, before, after in (
            ("pinned people", request.pins, now.pins),
            ("keep-apart pairs", request.apart, now.apart),
            ("earlier rounds", request.history, now.history),
        )
        if before != after
    ]
    if changed:
        raise ActionRefused(
            f"The {' and '.join(changed)} changed since the groups of '{plan.name}' were formed. {again}"
        )
    return existing


def apply_plan(session: WorkshopSession, plan: RoundPlan) -> RoundView:
    """Write a solved round (replacing the round it was planned from), if it still holds.

    Raises:
        ActionRefused: Since the plan was solved, the round was locked or deleted, another round
            took its name, or the roster, pins, keep-apart pairs or earlier rounds changed.
    """
    request, quality = plan.request, plan.quality
    names = [f"Group {n + 1}" for n in range(len(plan.groups))]
    shown = groups_store.find_round(session.connection, plan.name)  # names the undo step only
    verb = "Shuffle" if shown is not None and shown.seed != request.seed else "Assign"
    with session.action(f"{verb} {plan.name}", [GROUPS]) as conn:
        existing = _check_plan(conn, plan)
        if existing is None:
            round_id = groups_store.insert_round(
                conn,
                plan.name,
                groups_store.next_position(conn),
                request.mode,
                request.seed,
                plan.agenda_item,
            )
        else:
            round_id = existing.id
            if plan.agenda_item is not None:
                groups_store.set_agenda_item(conn, round_id, plan.agenda_item)
        groups_store.update_round(
            conn,
            round_id,
            mode=request.mode,
            seed=request.seed,
            proven=quality.optimal,
            lower_bound=quality.lower_bound,
            lone_bound=quality.lone_bound,
        )
        pinned = frozenset(pid for pid, _ in request.pins)
        groups_store.replace_groups(conn, round_id, plan.groups, names, pinned)
        return _view(conn, groups_store.load_round(conn, round_id))


def assign_round(
    session: WorkshopSession,
    name: str,
    groups: int | None = None,
    *,
    size: int | None = None,
    mode: str = SPREAD,
    seed: int | None = None,
    eligibility: Eligibility | None = None,
    agenda_item: int | None = None,
) -> RoundView:
    """Form a round's groups; an existing unlocked round of that name is formed again.

    Pinned members of an existing round stay in their group; keep-apart pairs always hold where
    possible; earlier rounds count for repeated pairs.

    Args:
        name: Round name ("Breakout 1").
        groups: Number of groups (or give ``size``).
        size: Largest group wanted, instead of a number of groups.
        mode: ``spread`` (mix countries) or ``country`` (country teams).
        seed: Seed of the solver; default the round's last seed, or 1 for a new round.
        eligibility: Who takes part (default: see :class:`Eligibility`).
        agenda_item: Agenda breakout item to link.

    Raises:
        InputError: No name, no number of groups, unknown mode, or a request no grouping meets.
        ActionRefused: The round is locked.
    """
    plan = plan_round(
        session,
        name,
        groups,
        size=size,
        mode=mode,
        seed=seed,
        eligibility=eligibility,
        agenda_item=agenda_item,
    )
    return apply_plan(session, plan)


def reshuffle_round(session: WorkshopSession, round_id: int, seed: int | None = None) -> RoundView:
    """Form an unlocked round again with a new seed (the next one by default), keeping its pins."""
    return apply_plan(session, plan_reshuffle(session, round_id, seed))


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
    stored = _editable(session.connection, round_id)
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
    stored = _editable(session.connection, round_id)
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


def delete_round(session: WorkshopSession, round_id: int) -> Changes:
    """Remove an unlocked round and its groups."""
    stored = _editable(session.connection, round_id)
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
