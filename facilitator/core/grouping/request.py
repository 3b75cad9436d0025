"""What a facilitator asks of the grouping solver: who takes part, how many groups, which rules.

A request is plain data so that the CLI, the GUI and the tests can build one without a workshop
file, and so that a request and its seed reproduce the same groups every time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from facilitator.core.errors import InputError
from facilitator.core.participants import SECTORS, Participant

__all__ = [
    "COUNTRY",
    "MODES",
    "SPREAD",
    "Eligibility",
    "GroupingRequest",
    "groups_for_size",
]

#: Countries spread: no delegation above its fair share in any group (mixed groups).
SPREAD = "spread"
#: Country teams: each ASEAN Member State delegation stays whole (for national action points).
COUNTRY = "country"
MODES = (SPREAD, COUNTRY)


@dataclass(frozen=True, slots=True)
class Eligibility:
    """Who takes part in breakout groups.

    The default follows the workshop's purpose: labour officials, law enforcement and ASEAN bodies
    work in the groups; partners take part only when they have a group role (facilitator or
    rapporteur); organisers and staff run the room and stay out. People whose sector is not given
    are included rather than silently dropped.

    Attributes:
        sectors: Sectors whose members take part.
        group_roles: Roles that take part whatever the sector.
        excluded_roles: Roles that never take part.
    """

    sectors: frozenset[str] = frozenset({"labour", "law-enforcement", "asean", ""})
    group_roles: frozenset[str] = frozenset({"facilitator", "rapporteur"})
    excluded_roles: frozenset[str] = frozenset({"organiser", "staff"})

    @classmethod
    def everyone(cls) -> Eligibility:
        """Everybody on the roster, whatever the sector or role."""
        return cls(sectors=frozenset((*SECTORS, "")), excluded_roles=frozenset())

    def admits(self, person: Participant) -> bool:
        """Whether the person takes part in the groups."""
        if person.role in self.excluded_roles:
            return False
        return person.sector in self.sectors or person.role in self.group_roles

    def select(self, people: Iterable[Participant]) -> tuple[Participant, ...]:
        """The people who take part, in the order given."""
        return tuple(p for p in people if self.admits(p))


def groups_for_size(people: int, size: int) -> int:
    """How many groups keep every group at ``size`` people or fewer."""
    if size < 1:
        raise InputError("Group size: give a number of people of at least 1.")
    return max(1, -(-people // size))


@dataclass(frozen=True, slots=True)
class GroupingRequest:
    """One round of groups to form.

    Attributes:
        people: The people to place (usually ``Eligibility().select(roster)``).
        groups: Number of groups.
        mode: ``SPREAD`` (mix countries) or ``COUNTRY`` (keep Member State delegations whole).
        seed: Seed of every random choice; the same request and seed give the same groups.
        pins: ``(participant id, group index)`` pairs: these people stay in that group.
        apart: Pairs of participant ids who must not share a group.
        history: Earlier rounds, each a sequence of groups (participant ids): pairs who already
            met there are kept apart as far as the balance allows.
        effort: Multiplies the search budget (1 is enough for rosters of a few thousand).
    """

    people: tuple[Participant, ...]
    groups: int
    mode: str = SPREAD
    seed: int = 0
    pins: tuple[tuple[int, int], ...] = ()
    apart: tuple[tuple[int, int], ...] = ()
    history: tuple[tuple[tuple[int, ...], ...], ...] = field(default=())
    effort: float = 1.0

    @classmethod
    def build(
        cls,
        people: Iterable[Participant],
        groups: int,
        *,
        mode: str = SPREAD,
        seed: int = 0,
        pins: dict[int, int] | Iterable[tuple[int, int]] = (),
        apart: Iterable[tuple[int, int]] = (),
        history: Iterable[Sequence[Sequence[int]]] = (),
        effort: float = 1.0,
    ) -> GroupingRequest:
        """A request from ordinary Python collections."""
        pin_pairs = pins.items() if isinstance(pins, dict) else pins
        return cls(
            people=tuple(people),
            groups=groups,
            mode=mode,
            seed=seed,
            pins=tuple((int(p), int(g)) for p, g in pin_pairs),
            apart=tuple((int(a), int(b)) for a, b in apart),
            history=tuple(tuple(tuple(int(i) for i in group) for group in rnd) for rnd in history),
            effort=effort,
        )

    def validate(self) -> None:
        """Refuse a request that no grouping could satisfy, saying what to change.

        Raises:
            InputError: The request names unknown people or groups, or contradicts itself.
        """
        names = {p.id: p.name for p in self.people}
        if len(names) != len(self.people):
            raise InputError("The same participant appears twice in the list to group.")
        if self.mode not in MODES:
            raise InputError(f"Mode '{self.mode}': choose {' or '.join(MODES)}.")
        if not self.people:
            raise InputError("Nobody takes part in the groups: check the roster's sectors and roles.")
        if self.groups < 1:
            raise InputError("Number of groups: give at least 1.")
        if self.groups > len(self.people):
            raise InputError(
                f"{self.groups} groups for {len(self.people)} people: ask for at most "
                f"{len(self.people)} groups."
            )
        pins = dict(self.pins)
        for pid, group in self.pins:
            if pid not in names:
                raise InputError(f"Pinned participant {pid} does not take part in this round.")
            if not 0 <= group < self.groups:
                raise InputError(
                    f"{names[pid]} is pinned to group {group + 1}, but there are only {self.groups} groups."
                )
        for a, b in self.apart:
            for pid in (a, b):
                if pid not in names:
                    raise InputError(f"Keep-apart: participant {pid} does not take part in this round.")
            if a == b:
                raise InputError(f"Keep-apart: {names[a]} is paired with themself.")
            if a in pins and pins.get(a) == pins.get(b):
                raise InputError(
                    f"{names[a]} and {names[b]} are both pinned to group {pins[a] + 1} but must be kept "
                    "apart: unpin one of them or drop the keep-apart pair."
                )
