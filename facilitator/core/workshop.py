"""What a workshop is: its identity, objectives and the composition it expects."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from facilitator.core.participants import Participant

__all__ = ["CompositionCategory", "Objective", "WorkshopInfo"]


@dataclass(frozen=True, slots=True)
class Objective:
    """A workshop objective, referred to by its letter (A–D in the sample)."""

    letter: str
    text: str


@dataclass(frozen=True, slots=True)
class CompositionCategory:
    """One line of the expected-participation table of a concept paper.

    A participant belongs to the first category whose every given criterion matches; an empty
    criterion matches everyone. Keeping the rule as data lets the next workshop bring its own table.
    """

    key: str
    label: str
    expected: int
    delegations: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()

    def matches(self, person: Participant) -> bool:
        """Whether the person falls into this category."""
        return (
            (not self.delegations or person.delegation in self.delegations)
            and (not self.sectors or person.sector in self.sectors)
            and (not self.roles or person.role in self.roles)
        )


@dataclass(frozen=True, slots=True)
class WorkshopInfo:
    """The identity of a workshop, printed on every document it produces.

    Attributes:
        code: Short code printed in check-in QR codes (letters and digits only).
        title: Full title.
        short_title: Title for headers, badges and the projector.
        host: Hosting government or agency.
        venue: Town and country.
        start: First day.
        end: Last day.
        objectives: Objectives by letter.
        composition: Expected participation by category.
        women_target: Share of women each delegation is asked to reach (0–1).
    """

    code: str
    title: str
    short_title: str = ""
    host: str = ""
    venue: str = ""
    start: date | None = None
    end: date | None = None
    objectives: tuple[Objective, ...] = ()
    composition: tuple[CompositionCategory, ...] = field(default_factory=tuple)
    women_target: float = 0.5

    @property
    def display_title(self) -> str:
        """The short title when there is one, otherwise the full title."""
        return self.short_title or self.title

    @property
    def dates_label(self) -> str:
        """Dates as printed on documents, e.g. "27–28 May 2019"."""
        if self.start is None:
            return ""
        end = self.end or self.start
        if end == self.start:
            return f"{self.start.day} {self.start:%B %Y}"
        if (end.year, end.month) == (self.start.year, self.start.month):
            return f"{self.start.day}–{end.day} {end:%B %Y}"
        if end.year == self.start.year:
            return f"{self.start.day} {self.start:%B} – {end.day} {end:%B %Y}"
        return f"{self.start.day} {self.start:%B %Y} – {end.day} {end:%B %Y}"

    def category_of(self, person: Participant) -> CompositionCategory | None:
        """The composition category a person counts in, if any."""
        return next((c for c in self.composition if c.matches(person)), None)

    def composition_counts(self, people: Iterable[Participant]) -> dict[str, int]:
        """Registered people per composition category key ("" for those in none)."""
        counts = {c.key: 0 for c in self.composition}
        counts[""] = 0
        for person in people:
            category = self.category_of(person)
            counts[category.key if category else ""] += 1
        return counts
