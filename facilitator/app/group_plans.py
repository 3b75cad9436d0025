"""Forming a round: solve without the workshop held (a plan), then write it if it still holds.

The GUI solves off the GUI thread on a reader session and applies the plan afterwards; the CLI
does both in a row. Between the two, other actions may change the roster, the check-ins, the
pins or the round itself, so applying re-checks everything the plan was solved from inside the
transaction that writes it, and refuses with a plain message if it no longer holds.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from facilitator.app.changes import GROUPS
from facilitator.app.group_views import PRESENT, RoundView, Who, history, load_view, people_for
from facilitator.app.session import WorkshopSession
from facilitator.core.errors import ActionRefused, InputError, NotFoundError
from facilitator.core.grouping import (
    MODES,
    SPREAD,
    Eligibility,
    GroupingQuality,
    GroupingRequest,
    Proofs,
    assign_groups,
    groups_for_size,
    proofs_to_text,
)
from facilitator.core.participants import Participant, describe_roster_change
from facilitator.core.user_text import clean_line
from facilitator.storage import groups_store, roster_store
from facilitator.storage.groups_store import StoredRound

__all__ = [
    "DEFAULT_SEED",
    "RoundPlan",
    "apply_plan",
    "assign_round",
    "editable",
    "plan_reshuffle",
    "plan_round",
    "reshuffle_round",
]

#: Seed of a round's first assignment; each reshuffle adds one.
DEFAULT_SEED = 1
_AGAIN = "Form the groups again; nothing was changed."


def editable(conn: sqlite3.Connection, round_id: int) -> StoredRound:
    """The round, if it may be changed.

    Raises:
        ActionRefused: It is locked (announced).
        NotFoundError: No such round.
    """
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
        who: Whom the round is formed from.
        proofs: What the solver proved, stored with the round.
    """

    name: str
    existing: int | None
    agenda_item: int | None
    request: GroupingRequest
    groups: tuple[tuple[int, ...], ...]
    quality: GroupingQuality
    roster: tuple[Participant, ...]
    who: Who = field(default_factory=Who)
    proofs: Proofs | None = None


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
        history=history(conn, existing.position if existing else None),
    )


def _plan(
    session: WorkshopSession,
    name: str,
    existing: StoredRound | None,
    groups: int | None,
    size: int | None,
    settings: tuple[str, int, int | None],
    who: Who,
    eligibility: Eligibility,
) -> RoundPlan:
    mode, seed, agenda_item = settings
    conn = session.connection
    everyone = tuple(roster_store.load_participants(conn))
    people = people_for(conn, who, eligibility, list(everyone))
    if not people:
        if who.source == PRESENT:
            raise ActionRefused(
                f"Nobody who takes part in groups is checked in for day {who.day} yet: check people in "
                "first, or form the round from the whole roster."
            )
        raise InputError("Nobody takes part in the groups: check the roster's sectors and roles.")
    if groups is None:
        if size is None:
            raise InputError("Give a number of groups or a group size.")
        groups = groups_for_size(len(people), size)
    request = _request(conn, people, existing, groups, mode, seed)
    result = assign_groups(request)
    existing_id = existing.id if existing else None
    return RoundPlan(
        name, existing_id, agenda_item, request, result.groups, result.quality, everyone, who, result.proofs
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
    who: Who | None = None,
) -> RoundPlan:
    """Solve a round without writing anything (safe on a reader session off the GUI thread).

    Arguments as for :func:`assign_round`.
    """
    name = clean_line(name)
    if not name:
        raise InputError("Round name: give the round a name, for example 'Breakout 1'.")
    if mode not in MODES:
        raise InputError(f"Mode '{mode}': choose {' or '.join(MODES)}.")
    existing = groups_store.find_round(session.connection, name)
    if existing is not None:
        editable(session.connection, existing.id)
        name = existing.name
    if seed is None:
        seed = existing.seed if existing else DEFAULT_SEED
    settings = (mode, seed, agenda_item)
    return _plan(session, name, existing, groups, size, settings, who or Who(), eligibility or Eligibility())


def plan_reshuffle(session: WorkshopSession, round_id: int, seed: int | None = None) -> RoundPlan:
    """Solve an unlocked round again with a new seed (the next one by default), keeping its pins.

    The round is formed again from the same source: a round of the people present takes everyone
    checked in now, late arrivals included; a selection keeps its members.
    """
    stored = editable(session.connection, round_id)
    seed = stored.seed + 1 if seed is None else seed
    who = load_view(session.connection, stored).who
    groups = max(1, len(stored.group_names))
    settings = (stored.mode, seed, None)
    return _plan(session, stored.name, stored, groups, None, settings, who, Eligibility())


def _check_people(conn: sqlite3.Connection, plan: RoundPlan) -> None:
    """Refuse a plan whose roster, or whose people present, changed since it was solved."""
    change = describe_roster_change(plan.roster, roster_store.load_participants(conn))
    if change:
        raise ActionRefused(
            f"The roster changed since the groups of '{plan.name}' were formed: {change}. {_AGAIN}"
        )
    if plan.who.source == PRESENT and plan.who.day is not None:
        here = set(people_for(conn, plan.who, Eligibility.everyone(), list(plan.roster)))
        gone = [p.name for p in plan.request.people if p not in here]
        if gone:
            raise ActionRefused(
                f"{', '.join(gone)} {'is' if len(gone) == 1 else 'are'} no longer checked in for day "
                f"{plan.who.day} (a check-in was undone) since the groups of '{plan.name}' were formed. "
                + _AGAIN
            )


def _check_plan(conn: sqlite3.Connection, plan: RoundPlan) -> StoredRound | None:
    """The round a plan replaces (None for a new round), once the plan is known to still hold.

    People checked in meanwhile do not void the plan: they wait for a group like any late arrival.

    Raises:
        ActionRefused: What the plan was solved from has changed; the message says what.
    """
    taken = groups_store.find_round(conn, plan.name)
    existing = None
    if plan.existing is not None:
        try:
            existing = editable(conn, plan.existing)
        except NotFoundError:
            raise ActionRefused(
                f"'{plan.name}' was deleted while its groups were being formed; nothing was changed."
            ) from None
    if taken is not None and taken.id != plan.existing:
        raise ActionRefused(f"A round named '{plan.name}' was created meanwhile. {_AGAIN}")
    _check_people(conn, plan)
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
            f"The {' and '.join(changed)} changed since the groups of '{plan.name}' were formed. {_AGAIN}"
        )
    return existing


def apply_plan(session: WorkshopSession, plan: RoundPlan) -> RoundView:
    """Write a solved round (replacing the round it was planned from), if it still holds.

    Raises:
        ActionRefused: Since the plan was solved, the round was locked or deleted, another round
            took its name, the roster, the check-ins it was formed from, pins, keep-apart pairs or
            earlier rounds changed.
    """
    request = plan.request
    names = [f"Group {n + 1}" for n in range(len(plan.groups))]
    shown = groups_store.find_round(session.connection, plan.name)  # names the undo step only
    verb = "Shuffle" if shown is not None and shown.seed != request.seed else "Assign"
    source, day = plan.who.source, plan.who.day
    with session.action(f"{verb} {plan.name}", [GROUPS]) as conn:
        existing = _check_plan(conn, plan)
        if existing is None:
            position = groups_store.next_position(conn)
            round_id = groups_store.insert_round(
                conn, plan.name, position, request.mode, request.seed, plan.agenda_item, source, day
            )
        else:
            round_id = existing.id
            if plan.agenda_item is not None:
                groups_store.set_agenda_item(conn, round_id, plan.agenda_item)
        proofs = proofs_to_text(request, request.groups, plan.proofs or {})
        groups_store.update_round(
            conn, round_id, mode=request.mode, seed=request.seed, proofs=proofs, source=source, day=day
        )
        pinned = frozenset(pid for pid, _ in request.pins)
        groups_store.replace_groups(conn, round_id, plan.groups, names, pinned)
        return load_view(conn, groups_store.load_round(conn, round_id))


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
    who: Who | None = None,
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
        eligibility: Who takes part (default: see :class:`Eligibility`); a selection takes its
            people as chosen.
        agenda_item: Agenda breakout item to link.
        who: Whom to form it from: the whole roster (default), the people checked in on a day,
            or a selection.

    Raises:
        InputError: No name, no number of groups, unknown mode, or a request no grouping meets.
        ActionRefused: The round is locked, or nobody is checked in yet for a round of those present.
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
        who=who,
    )
    return apply_plan(session, plan)


def reshuffle_round(session: WorkshopSession, round_id: int, seed: int | None = None) -> RoundView:
    """Form an unlocked round again with a new seed (the next one by default), keeping its pins."""
    return apply_plan(session, plan_reshuffle(session, round_id, seed))
