"""Proofs kept with a round, believed only while they still hold for the round's people and rules.

A proof says "no grouping of *these* people under *these* rules does better", and it is expensive
to redo (CP-SAT), so the round stores it. But people and rules change after a round is formed:
someone is added late, a sector is corrected, a pin is dropped. So each stored proof carries a
fingerprint of the people as counted, the number of groups and the mode (and the earlier rounds,
when it covers repeated pairs), plus the pins and keep-apart pairs it was proven under. It still
holds when the fingerprint matches and its pins and pairs are among today's: more pins or pairs
only restrict the groupings, so a bound proven without them remains a bound. Otherwise it is
ignored, and the report falls back to the bounds any grouping can check for itself.
"""

from __future__ import annotations

import hashlib
import json

from facilitator.core.grouping.keys import person_keys
from facilitator.core.grouping.objectives import OBJECTIVES, REPEATS, Proofs
from facilitator.core.grouping.request import GroupingRequest

__all__ = ["proofs_from_text", "proofs_to_text"]


def _fingerprint(request: GroupingRequest, groups: int, with_history: bool) -> str:
    """Who (as counted), how many groups, the mode and, if asked, the earlier rounds, as a digest."""
    people = sorted((p.id, p.is_member_state, *person_keys(p, request.mode)) for p in request.people)
    facts = [people, groups, request.mode, request.history if with_history else None]
    return hashlib.sha256(json.dumps(facts).encode()).hexdigest()[:32]


def proofs_to_text(request: GroupingRequest, groups: int, proofs: Proofs) -> str:
    """Proofs as stored with a round ("" when there are none)."""
    if not proofs:
        return ""
    with_history = REPEATS in proofs
    record = {
        "for": _fingerprint(request, groups, with_history),
        "history": with_history,
        "pins": sorted(request.pins),
        "apart": sorted(request.apart),
        "bounds": {name: proofs[name] for name in OBJECTIVES if name in proofs},
    }
    return json.dumps(record, sort_keys=True)


def proofs_from_text(request: GroupingRequest, groups: int, text: str) -> dict[str, int]:
    """The stored proofs that still hold for ``request`` (none when they do not, or none were stored)."""
    if not text:
        return {}
    try:
        record = json.loads(text)
        if record["for"] != _fingerprint(request, groups, bool(record["history"])):
            return {}
        if not {(int(p), int(g)) for p, g in record["pins"]} <= set(request.pins):
            return {}
        if not {(int(a), int(b)) for a, b in record["apart"]} <= set(request.apart):
            return {}
        return {str(name): int(bound) for name, bound in record["bounds"].items() if name in OBJECTIVES}
    except (ValueError, KeyError, TypeError, AttributeError):
        return {}
