"""The agenda PDF: the programme as planned, or, once the timer has run, planned against actual.

Before the workshop it is the printed programme for the tables. Afterwards the same document,
with the actual times, is the record of how the days really went (for the workshop report).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from facilitator.core.agenda import KIND_LABELS, DaySchedule, ScheduledItem, clock_text
from facilitator.core.countdown import ItemRun
from facilitator.core.workshop import WorkshopInfo
from facilitator.documents.pdf import build_document, styles, table_style

__all__ = ["AgendaDocument", "agenda_story", "write_agenda_pdf"]

Progress = Callable[[int, int], None]

_LATE = "#b42318"
_EARLY = "#1a7f37"


@dataclass(frozen=True, slots=True)
class AgendaDocument:
    """What the agenda PDF shows.

    Attributes:
        info: The workshop, for the title block and the objectives.
        days: The days to print, timed.
        runs: Actual times by item id (empty before the workshop).
    """

    info: WorkshopInfo
    days: Sequence[DaySchedule]
    runs: Mapping[int, ItemRun]

    @property
    def has_actuals(self) -> bool:
        """Whether any printed item has been run."""
        return any(self._run(t) is not None for d in self.days for t in d.items)

    def _run(self, timed: ScheduledItem) -> ItemRun | None:
        run = self.runs.get(timed.item.id)
        return run if run is not None and run.started is not None else None


def _clock(wall: float | None) -> str:
    return "" if wall is None else clock_text(datetime.fromtimestamp(wall))


def _difference(timed: ScheduledItem, run: ItemRun) -> tuple[str, str | None]:
    """Actual length against planned, e.g. "+7 min", with the colour to print it in."""
    if run.started is None or run.ended is None:
        return "running", None
    minutes = round((run.ended - run.started) / 60) - timed.item.duration
    if minutes == 0:
        return "on time", None
    return (f"+{minutes} min", _LATE) if minutes > 0 else (f"-{-minutes} min", _EARLY)


def _session_cell(timed: ScheduledItem) -> list[Any]:
    from facilitator.documents.text import para

    style = styles()
    item = timed.item
    cell = [para(item.title, style["cell_bold"])]
    if item.lead:
        cell.append(para(item.lead, style["small"]))
    if item.notes:
        cell.append(para(item.notes, style["small"]))
    return cell


def _day_table(document: AgendaDocument, day: DaySchedule, actuals: bool, width: float) -> Any:
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Paragraph, Table

    style = styles()
    kind_style = style["cell"]
    if actuals:
        header = ["Planned", "Actual", "Difference", "Session", "Kind", "Obj."]
        fixed: list[float | None] = [66, 66, 62, None, 68, 30]
    else:
        header = ["Time", "Session", "Kind", "Obj."]
        fixed = [72, None, 76, 34]
    rest = width - sum(w for w in fixed if w is not None)
    widths = [w if w is not None else rest for w in fixed]
    rows: list[list[Any]] = [header]
    colours: list[tuple[int, str]] = []
    for timed in day.items:
        planned = f"{clock_text(timed.start)}–{clock_text(timed.end)}"
        kind = Paragraph(KIND_LABELS.get(timed.item.kind, timed.item.kind), kind_style)
        if actuals:
            run = document.runs.get(timed.item.id)
            if run is not None and run.started is not None:
                actual = f"{_clock(run.started)}–{_clock(run.ended)}"
                difference, colour = _difference(timed, run)
                if colour:
                    colours.append((len(rows), colour))
            else:
                actual, difference = "not run", ""
            rows.append([planned, actual, difference, _session_cell(timed), kind, timed.item.objective])
        else:
            rows.append([planned, _session_cell(timed), kind, timed.item.objective])
    table = Table(rows, colWidths=widths, repeatRows=1)
    table_commands = table_style()
    for row, colour in colours:
        table_commands.add("TEXTCOLOR", (2, row), (2, row), HexColor(colour))
    for row, timed in enumerate(day.items, start=1):
        if timed.item.kind in ("break", "meal"):
            table_commands.add("BACKGROUND", (0, row), (-1, row), HexColor("#f4f6f8"))
    table.setStyle(table_commands)
    return table


def _day_summary(document: AgendaDocument, day: DaySchedule, actuals: bool) -> str:
    parts = [f"Planned {clock_text(day.start)}–{clock_text(day.end)}"]
    if day.planned_end is not None:
        parts.append(f"must end by {clock_text(day.planned_end)}")
    if actuals:
        ended = [document.runs[t.item.id].ended for t in day.items if t.item.id in document.runs]
        last = max((e for e in ended if e is not None), default=None)
        if last is not None:
            parts.append(f"last item run ended at {_clock(last)}")
    return "; ".join(parts) + "."


def agenda_story(document: AgendaDocument, width: float) -> list[Any]:
    """The flowables of the agenda: title block, one table per day, objectives."""
    from reportlab.platypus import KeepTogether, Spacer

    from facilitator.documents.text import para

    style = styles()
    info = document.info
    actuals = document.has_actuals
    heading = "Agenda as run: planned and actual times" if actuals else "Agenda"
    story: list[Any] = [para(info.title, style["title"])]
    place = ", ".join(part for part in (info.venue, info.dates_label) if part)
    story.append(para(f"{heading}" + (f" · {place}" if place else ""), style["subtitle"]))
    if not document.days:
        story.append(para("The agenda has no days yet.", style["body"]))
    for day in document.days:
        title = day.day.label if day.day.title else f"Day {day.number}: {day.day.label}"
        block = [para(title, style["h1"])]
        if day.day.title:
            block.append(para(day.day.title, style["h2"]))
        block.append(para(_day_summary(document, day, actuals), style["small"]))
        block.append(Spacer(1, 4))
        story.append(KeepTogether(block))
        story.append(_day_table(document, day, actuals, width))
        if day.warning:
            story.append(Spacer(1, 4))
            story.append(para(f"Warning: {day.warning}", style["body"]))
    letters = {t.item.objective for d in document.days for t in d.items}
    objectives = [o for o in info.objectives if o.letter in letters]
    if objectives:
        block = [para("Objectives", style["h2"])]
        block += [para(f"{o.letter}. {o.text}", style["small"]) for o in objectives]
        story.append(KeepTogether(block))
    return story


def write_agenda_pdf(path: Path, document: AgendaDocument, progress: Progress | None = None) -> Path:
    """Write the agenda PDF on A4 portrait."""
    from reportlab.lib.pagesizes import A4

    width = A4[0] - 84
    subtitle = "Agenda as run" if document.has_actuals else "Agenda"
    return build_document(
        path,
        agenda_story(document, width),
        title=document.info.display_title,
        subtitle=subtitle,
        progress=progress,
    )
