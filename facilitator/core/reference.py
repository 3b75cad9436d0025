"""Reference lists shipped in ``resources/reference``: ILO indicators, labour-rights categories and
the Manila good-practice recommendations.

Kept as data so that a workshop on another theme can ship other lists without code changes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = [
    "Indicator",
    "LabourRightsCategory",
    "Recommendation",
    "ReferenceLists",
    "load_reference",
]


@dataclass(frozen=True, slots=True)
class Indicator:
    """An ILO indicator of forced labour; ``core`` marks the six the Manila workshop singled out."""

    id: str
    label: str
    core: bool
    description: str


@dataclass(frozen=True, slots=True)
class LabourRightsCategory:
    """A kind of labour-rights violation that police may refer to labour officials."""

    id: str
    label: str
    description: str


@dataclass(frozen=True, slots=True)
class Recommendation:
    """A Manila 2017 good-practice recommendation, e.g. ``S3R12`` (Section 3, Recommendation 12)."""

    id: str
    title: str
    summary: str
    objectives: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ReferenceLists:
    """All reference lists, loaded once."""

    indicators: tuple[Indicator, ...]
    labour_rights: tuple[LabourRightsCategory, ...]
    recommendations: tuple[Recommendation, ...]


def _read(path: Path) -> dict[str, object]:
    with path.open(encoding="utf-8") as handle:
        data: dict[str, object] = json.load(handle)
    return data


@cache
def load_reference(folder: Path) -> ReferenceLists:
    """Read the reference lists from a ``resources/reference`` folder."""
    indicators = _read(folder / "ilo_indicators.json")["indicators"]
    rights = _read(folder / "labour_rights.json")["categories"]
    recommendations = _read(folder / "manila_recommendations.json")["recommendations"]
    return ReferenceLists(
        indicators=tuple(
            Indicator(i["id"], i["label"], bool(i["core"]), i["description"])
            for i in indicators  # type: ignore[attr-defined]
        ),
        labour_rights=tuple(
            LabourRightsCategory(c["id"], c["label"], c["description"])
            for c in rights  # type: ignore[attr-defined]
        ),
        recommendations=tuple(
            Recommendation(r["id"], r["title"], r["summary"], tuple(r["objectives"]))
            for r in recommendations  # type: ignore[attr-defined]
        ),
    )
