"""Group lists documents: every round for ``facilitator export groups``, or one round from the page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from facilitator.app.exports import ExportOptions
from facilitator.app.groups import RoundView, load_round, rounds
from facilitator.app.session import WorkshopSession
from facilitator.core.errors import ActionRefused

__all__ = ["export_all_rounds", "export_round"]

Progress = Callable[[int, int], None]


def export_all_rounds(session: WorkshopSession, output: Path, options: ExportOptions) -> Path:
    """Group lists PDF for every round: an overview page to project or post, then a page per group."""
    views = [load_round(session, r.id) for r in rounds(session)]
    if not views:
        raise ActionRefused("There are no breakout rounds yet: assign a round first.")
    return _write_round_lists(session, output, views, options.progress)


def export_round(
    session: WorkshopSession, output: Path, round_id: int, progress: Progress | None = None
) -> Path:
    """Group lists PDF for one round (what the page's Print button produces)."""
    return _write_round_lists(session, output, [load_round(session, round_id)], progress)


def _write_round_lists(
    session: WorkshopSession, output: Path, views: list[RoundView], progress: Progress | None
) -> Path:
    """Write the group lists of some rounds."""
    from facilitator.documents.groups_pdf import RoundSheet, write_group_lists

    sheets = [
        RoundSheet(
            name=v.name,
            mode=v.round.mode,
            locked=v.locked,
            agenda_title=v.agenda_title,
            group_names=v.round.group_names,
            groups=v.groups,
            quality=v.quality,
            places=v.round.places,
        )
        for v in views
    ]
    return write_group_lists(Path(output), session.info, sheets, progress)
