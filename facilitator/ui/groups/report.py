"""How a round's report reads on the Groups page: a line about the round, and each objective
against its bound, proven or not, followed by what does not hold.

Pure text and HTML, no widgets: the page puts them in labels, and tests read them directly.
"""

from __future__ import annotations

from html import escape

from facilitator.app.groups import RoundView

__all__ = ["subheading", "summary"]

_GOOD = "#1a7f37"
_BAD = "#b42318"
_MUTED = "#57606a"


def subheading(view: RoundView | None) -> str:
    """Mode, seed, whom the round was formed from, and whether it is locked."""
    if view is None:
        return "Press New round… to form balanced groups from the people present or the roster."
    mode = "Country teams" if view.round.mode == "country" else "Mixed groups"
    parts = [mode, f"seed {view.round.seed}", f"formed from: {view.who.describe().lower()}"]
    if view.locked:
        parts.append("locked (announced)")
    return " · ".join(parts)


def summary(view: RoundView | None) -> str:
    """The verdict, each objective with its value, its bound ("fewest") and a ✓ when proven, then
    the problems, as rich text."""
    if view is None:
        return ""
    quality = view.quality
    colour = _GOOD if quality.optimal else _BAD
    verdict = (
        "Proven the best possible on every objective (✓ proven)."
        if quality.optimal
        else "Not proven the best possible on every objective (✓ proven)."
    )
    cells = []
    for objective in quality.objectives:
        mark = (
            f'<span style="color:{_GOOD}">✓</span>'
            if objective.proven
            else f'<span style="color:{_BAD}">✗ not proven</span>'
        )
        cells.append(
            f"<td>{escape(objective.label)}: <b>{objective.value}</b> "
            f'<span style="color:{_MUTED}">(fewest {objective.bound})</span> {mark}</td>'
        )
    rows = "".join(f"<tr>{''.join(cells[i : i + 3])}</tr>" for i in range(0, len(cells), 3))
    problems = "<br>".join(escape(problem) for problem in quality.problems)
    return (
        f'<b style="color:{colour}">{verdict}</b>'
        f'<table cellspacing="0" cellpadding="3">{rows}</table>{problems}'
    )
