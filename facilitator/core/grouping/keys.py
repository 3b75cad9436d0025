"""What is counted in a group for each person, and the fair share of each count.

One place decides which counts a person adds to (``size``, ``sex:F``, ``sector:labour``,
``role:rapporteur``, ``delegation:TH``), so that the solver, its bounds and the report can never
disagree on what a rule counts.
"""

from __future__ import annotations

from facilitator.core.grouping.request import SPREAD
from facilitator.core.participants import Participant

__all__ = [
    "BALANCED_SECTORS",
    "GROUP_ROLES",
    "LONE_KEYS",
    "even_pairs",
    "fair_band",
    "person_keys",
    "sector_class",
]

#: Sectors balanced on their own; every other sector counts as "other".
BALANCED_SECTORS = ("labour", "law-enforcement")
GROUP_ROLES = ("facilitator", "rapporteur")
#: Counts whose group holding exactly one is a lone member (a lone woman, a lone labour official…).
LONE_KEYS = ("sex:F", "sector:labour", "sector:law-enforcement", "sector:other")


def sector_class(sector: str) -> str:
    """The sector as balanced: labour, law enforcement, or other."""
    return sector if sector in BALANCED_SECTORS else "other"


def person_keys(person: Participant, mode: str) -> list[str]:
    """The counts a person adds to; delegations count only when countries are spread."""
    keys = ["size", f"sector:{sector_class(person.sector)}"]
    if person.sex in ("F", "M"):
        keys.append(f"sex:{person.sex}")
    if person.role in GROUP_ROLES:
        keys.append(f"role:{person.role}")
    if mode == SPREAD and person.delegation:
        keys.append(f"delegation:{person.delegation}")
    return keys


def fair_band(key: str, total: int, groups: int) -> tuple[int, int]:
    """Fewest and most per group without cost: floor and ceiling of the share; a delegation has
    only its cap (no floor: a group without a given country is fine)."""
    high = -(-total // groups)
    return (0 if key.startswith("delegation:") else total // groups), high


def even_pairs(people: int, bins: int) -> int:
    """Pairs sharing a bin when ``people`` are spread as evenly as possible over ``bins``."""
    q, r = divmod(people, bins)
    return r * (q + 1) * q // 2 + (bins - r) * q * (q - 1) // 2
