"""ASEAN Member States as registration lists name them, and suggestions for names that match none.

The members, the short names ASEAN uses and the variants people type ("Lao PDR", "Laos", "Viet Nam",
"Burma", "Phils.", "RP", "Brunei", "East Timor") are data in ``resources/countries``; the ISO 3166
names of each member (official, common, alpha-3) come from pycountry rather than being typed
here. A value that is none of these is not a member: the importer keeps it as written and lists it
for review with the closest suggestions.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable
from functools import cache

from facilitator import paths
from facilitator.core.participants import ASEAN_MEMBERS, MEMBERS_FILE
from facilitator.core.roster_headers import fold

__all__ = ["delegation_suggestions", "member_code", "outside_asean"]

#: Words around a country's name that do not change which country it is ("Thailand delegation").
_FILLER = frozenset({"delegation", "delegate", "delegates", "team", "government", "govt", "of", "the"})


@cache
def _variants() -> dict[str, str]:
    """Folded name or variant → member code, for every member in ``resources/``."""
    import pycountry  # ISO names; only loaded when a list is imported.

    data = json.loads(paths.resources_dir().joinpath(*MEMBERS_FILE).read_text(encoding="utf-8"))
    lookup: dict[str, str] = {}
    for member in data["members"]:
        code = member["code"]
        names = [code, member["name"], *member.get("aliases", ())]
        country = pycountry.countries.get(alpha_2=code)
        if country is not None:
            names += [
                country.name,
                country.alpha_3,
                getattr(country, "official_name", ""),
                getattr(country, "common_name", ""),
            ]
        for name in names:
            if name:
                lookup[fold(name)] = code
    return lookup


def member_code(value: str) -> str | None:
    """The member code a country name, code or variant stands for, or ``None``."""
    folded = fold(value)
    if not folded:
        return None
    lookup = _variants()
    if folded in lookup:
        return lookup[folded]
    core = " ".join(word for word in folded.split() if word not in _FILLER)
    return lookup.get(core) if core else None


def outside_asean(value: str) -> str | None:
    """The ISO name of a country outside ASEAN that ``value`` names ("Australia"), or ``None``."""
    import pycountry

    folded = fold(value)
    if len(folded) < 4:
        return None
    for country in pycountry.countries:
        if country.alpha_2 in ASEAN_MEMBERS:
            continue
        names = (country.name, getattr(country, "common_name", ""), getattr(country, "official_name", ""))
        if folded in {fold(name) for name in names if name}:
            return str(country.name)
    return None


def delegation_suggestions(value: str, known: Iterable[str] = (), limit: int = 3) -> list[str]:
    """The closest members and known delegations to an unmatched delegation, as people read them:
    "Philippines (PH)", or a delegation already on the roster as written there."""
    folded = fold(value)
    lookup = _variants()
    candidates: dict[str, str] = {key: f"{ASEAN_MEMBERS[code]} ({code})" for key, code in lookup.items()}
    for delegation in known:
        if delegation and delegation not in ASEAN_MEMBERS:
            candidates.setdefault(fold(delegation), delegation)
    found: list[str] = []
    for key in difflib.get_close_matches(folded, list(candidates), n=10, cutoff=0.75):
        label = candidates[key]
        if label not in found:
            found.append(label)
    return found[:limit]
