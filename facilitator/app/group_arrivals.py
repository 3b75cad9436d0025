"""Add late arrivals: people who checked in after a round was announced join the group where they
do the least harm, and nobody already placed moves.

Allowed on a locked round as well: locking says the groups were announced, and adding a late
arrival moves nobody who heard the announcement. Like forming a round, it is planned first (the
GUI plans off the GUI thread) and written only if the round, the roster and the people waiting
are still what the plan was made from.
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.app.changes import GROUPS
from facilitator.app.group_views import RoundView, load_view, round_request
from facilitator.app.session import WorkshopSession
from facilitator.core.errors import ActionRefused, NotFoundError
from facilitator.core.grouping import GroupingRequest, LatePlacement, place_late
from facilitator.core.participants import Participant, describe_roster_change
from facilitator.storage import groups_store, roster_store

__all__ = ["LateArrivals", "LatePlan", "add_late", "apply_late", "plan_late"]


@dataclass(frozen=True, slots=True)
class LatePlan:
    """Where the people waiting for a round's groups would go, not yet written.

    Attributes:
        round_id: The round.
        name: Its name (for messages).
        before: Its groups (participant ids) when the plan was made.
        placement: Where each late arrival goes, and the round's report with them.
        roster: The roster the plan was made from.
    """

    round_id: int
    name: str
    before: tuple[tuple[int, ...], ...]
    placement: LatePlacement
    roster: tuple[Participant, ...]


@dataclass(frozen=True, slots=True)
class LateArrivals:
    """What "Add late arrivals" did.

    Attributes:
        view: The round now.
        placed: Each person added, with the group (0-based) they joined.
        proven: Whether no other placement (moving nobody else) would have been better.
    """

    view: RoundView
    placed: tuple[tuple[Participant, int], ...]
    proven: bool

    def lines(self) -> list[str]:
        """ "Sok Chanthy → Group 3 (Mekong room)" for each person added."""
        names = self.view.round.group_names
        lines = []
        for person, number in self.placed:
            place = self.view.place(number)
            lines.append(f"{person.name} → {names[number]}" + (f" ({place})" if place else ""))
        return lines

    def as_json(self) -> dict[str, object]:
        """``groups add-late --json``: who went where, then the round as ``groups show`` has it."""
        names = self.view.round.group_names
        added = [
            {"id": p.id, "name": p.name, "group": names[n], "place": self.view.place(n)}
            for p, n in self.placed
        ]
        return {"added": added, "proven": self.proven, **self.view.as_json()}


def plan_late(session: WorkshopSession, round_id: int) -> LatePlan:
    """Place the people waiting for a round's groups, without writing anything.

    Raises:
        NotFoundError: No such round.
        ActionRefused: Nobody is waiting for a group in this round.
    """
    conn = session.connection
    stored = groups_store.load_round(conn, round_id)
    view = load_view(conn, stored)
    if not view.unplaced:
        raise ActionRefused(f"Nobody is waiting for a group in '{stored.name}': {_nobody_waiting(view)}")
    if not view.groups:
        raise ActionRefused(f"'{stored.name}' has no groups to add people to.")
    roster = tuple(roster_store.load_participants(conn))
    members, pinned = groups_store.load_members(conn, round_id)
    by_id = {p.id: p for p in roster}
    request = round_request(conn, stored, members, pinned, by_id)
    everyone = request.people + view.unplaced
    apart = groups_store.load_apart(conn)
    ids = {p.id for p in everyone}
    full = GroupingRequest.build(
        everyone,
        len(members),
        mode=request.mode,
        seed=request.seed,
        pins=request.pins,
        apart=[(a, b) for a, b in apart if a in ids and b in ids],
        history=request.history,
    )
    placement = place_late(full, members, [p.id for p in view.unplaced])
    return LatePlan(round_id, stored.name, tuple(tuple(g) for g in members), placement, roster)


def _nobody_waiting(view: RoundView) -> str:
    if view.round.source == "present":
        return f"everyone checked in for day {view.round.day} who takes part is in a group."
    if view.round.source == "selection":
        return "it was formed from a selection of people."
    return "everyone on the roster who takes part is in a group."


def apply_late(session: WorkshopSession, plan: LatePlan) -> LateArrivals:
    """Write a late-arrival plan if the round and the roster are still as it was made from.

    Raises:
        ActionRefused: The round was deleted or its groups changed, the roster changed, or
            someone waiting was placed or stopped waiting meanwhile.
    """
    again = "Add the late arrivals again; nothing was changed."
    arrivals = plan.placement.arrivals
    count = len(arrivals)
    label = f"Add {count} late arrival{'s' if count != 1 else ''} to {plan.name}"
    with session.action(label, [GROUPS]) as conn:
        try:
            stored = groups_store.load_round(conn, plan.round_id)
        except NotFoundError:
            raise ActionRefused(f"'{plan.name}' was deleted meanwhile; nothing was changed.") from None
        members, _ = groups_store.load_members(conn, plan.round_id)
        if tuple(tuple(g) for g in members) != plan.before:
            raise ActionRefused(f"The groups of '{plan.name}' changed meanwhile. {again}")
        change = describe_roster_change(plan.roster, roster_store.load_participants(conn))
        if change:
            raise ActionRefused(f"The roster changed meanwhile: {change}. {again}")
        waiting = {p.id for p in load_view(conn, stored).unplaced}
        if not {pid for pid, _ in arrivals} <= waiting:
            raise ActionRefused(
                f"Someone waiting for a group in '{plan.name}' was checked out meanwhile. {again}"
            )
        groups_store.add_members(conn, plan.round_id, arrivals)
        groups_store.set_proofs(conn, plan.round_id, "")
        view = load_view(conn, groups_store.load_round(conn, plan.round_id))
    by_id = {p.id: p for p in plan.roster}
    placed = tuple((by_id[pid], group) for pid, group in arrivals)
    return LateArrivals(view, placed, plan.placement.proven)


def add_late(session: WorkshopSession, round_id: int) -> LateArrivals:
    """Place everyone waiting for a round's groups where they do the least harm (nobody else moves).

    Raises:
        ActionRefused: Nobody is waiting, or the round changed while placing them.
        NotFoundError: No such round.
    """
    return apply_late(session, plan_late(session, round_id))
