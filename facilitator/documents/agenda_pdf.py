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
from facilitator.core.wording import counted
from facilitator.core.workshop import WorkshopInfo
from facilitator.documents.pdf import DocumentInfo, build_document, styles
from facilitator.documents.tables import Headed, Row, SectionTable
from facilitator.documents.textblock import Outline, para

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


def _minutes_between(planned: datetime, actual: float) -> int:
    return round((datetime.fromtimestamp(actual) - planned).total_seconds() / 60)


def _start_difference(timed: ScheduledItem, run: ItemRun) -> tuple[str, str | None]:
    """When it started against the plan, e.g. "69 min late", with the colour to print it in."""
    assert run.started is not None
    minutes = _minutes_between(timed.start, run.started)
    if minutes == 0:
        return "on time", None
    return (f"{minutes} min late", _LATE) if minutes > 0 else (f"{-minutes} min early", _EARLY)


def _length_difference(timed: ScheduledItem, run: ItemRun) -> tuple[str, str | None]:
    """Actual length against planned, e.g. "+7 min"; an item the timer has not left yet (running
    or paused) is "not finished", since the document cannot tell which."""
    if run.started is None or run.ended is None:
        return "not finished", None
    minutes = round((run.ended - run.started) / 60) - timed.item.duration
    if minutes == 0:
        return "as planned", None
    return (f"+{minutes} min", _LATE) if minutes > 0 else (f"-{-minutes} min", _EARLY)


def _session_cell(timed: ScheduledItem) -> list[Any]:
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

    style = styles()
    cell = style["cell"]
    if actuals:
        header = ["Planned", "Actual", "Start", "Length", "Session", "Kind", "Obj."]
        fixed: list[float | None] = [64, 64, 60, 56, None, 66, 32]
    else:
        header = ["Time", "Session", "Kind", "Obj."]
        fixed = [72, None, 76, 34]
    rest = width - sum(w for w in fixed if w is not None)
    widths = [w if w is not None else rest for w in fixed]
    rows: list[Row] = []
    for timed in day.items:
        planned = para(f"{clock_text(timed.start)}–{clock_text(timed.end)}", cell)
        kind = para(KIND_LABELS.get(timed.item.kind, timed.item.kind), cell)
        objective = para(timed.item.objective, cell)
        shade: tuple[tuple[Any, ...], ...] = ()
        if timed.item.kind in ("break", "meal"):
            shade = (("BACKGROUND", (0, 0), (-1, 0), HexColor("#f4f6f8")),)
        if not actuals:
            rows.append(Row([planned, _session_cell(timed), kind, objective], commands=shade))
            continue
        run = document.runs.get(timed.item.id)
        if run is None or run.started is None:
            rows.append(
                Row(
                    [planned, para("not run", cell), "", "", _session_cell(timed), kind, objective],
                    commands=shade,
                )
            )
            continue
        actual = f"{_clock(run.started)}–{_clock(run.ended) or '…'}"
        differences = [
            para(text, cell.clone("diff", textColor=HexColor(colour)) if colour else cell)
            for text, colour in (_start_difference(timed, run), _length_difference(timed, run))
        ]
        rows.append(
            Row(
                [planned, para(actual, cell), *differences, _session_cell(timed), kind, objective],
                commands=shade,
            )
        )
    header_cells = [para(text, style["cell_bold"]) for text in header]
    return SectionTable(header_cells, rows, widths, title=_day_title(day), padding=4)


def _day_title(day: DaySchedule) -> str:
    return day.day.label if day.day.title else f"Day {day.number}: {day.day.label}"


def _day_summary(document: AgendaDocument, day: DaySchedule, actuals: bool) -> str:
    """The day's plan, and once run, when it really ended against its "must end by" time."""
    parts = [f"Planned {clock_text(day.start)}–{clock_text(day.end)}"]
    if day.planned_end is not None:
        parts.append(f"must end by {clock_text(day.planned_end)}")
    summary = "; ".join(parts) + "."
    if not actuals:
        return summary
    runs = [document.runs.get(t.item.id) for t in day.items]
    ran = [run for run in runs if run is not None and run.started is not None]
    if not ran:
        return summary + " Not run with the timer."
    ended = [run.ended for run in ran if run.ended is not None]
    open_items = len(ran) - len(ended)
    if not ended:
        return summary + " Under way: no item has finished yet."
    last = max(ended)
    not_run = len(day.items) - len(ran)
    so_far = " so far" if open_items or not_run else ""
    text = f" The last item run{so_far} ended at {_clock(last)}"
    if day.planned_end is not None:
        over = _minutes_between(day.planned_end, last)
        if over > 0:
            text += f", {over} min after the {clock_text(day.planned_end)} limit: the day overran"
        else:
            text += f", within the {clock_text(day.planned_end)} limit"
    text += "."
    if open_items:
        text += f" {counted(open_items, 'item')} started but not finished."
    if not_run:
        text += f" {counted(not_run, 'item')} not run."
    return summary + text


def agenda_story(document: AgendaDocument, width: float) -> list[Any]:
    """The flowables of the agenda: title block, one table per day, objectives."""
    from reportlab.platypus import Spacer

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
        title = _day_title(day)
        block = [para(title, style["h1"], outline=Outline(0, f"day-{day.number}", title))]
        if day.day.title:
            block.append(para(day.day.title, style["h2"]))
        block.append(para(_day_summary(document, day, actuals), style["small"]))
        story.append(Headed(block, _day_table(document, day, actuals, width)))
        if day.warning:
            story.append(Spacer(1, 4))
            story.append(para(f"Warning: {day.warning}", style["body"]))
    letters = {t.item.objective for d in document.days for t in d.items}
    objectives = [o for o in info.objectives if o.letter in letters]
    if objectives:
        story.append(para("Objectives", style["h2"], outline=Outline(0, "objectives", "Objectives")))
        story += [para(f"{o.letter}. {o.text}", style["small"]) for o in objectives]
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
        info=DocumentInfo.of(document.info, subtitle),
        subtitle=subtitle,
        progress=progress,
    )
