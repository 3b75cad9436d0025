"""The chapters of the workshop report, each read through its capability's public app functions.

Every chapter reads what its capability recorded and turns it into neutral report blocks; with
nothing recorded it says so in one plain sentence, so the report of a workshop that has not started
yet is short and still makes sense.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from facilitator.app import agenda, boards, checkin, groups, guidelines, roster
from facilitator.app.session import WorkshopSession
from facilitator.core.guidelines import STATUS_LABELS
from facilitator.core.participants import ASEAN_MEMBERS, SECTOR_LABELS, SEX_LABELS, Participant
from facilitator.core.report import Block, DraftBlock, Note, ReportChapter, Subheading, table

__all__ = [
    "agenda_chapter",
    "attendance_chapter",
    "groups_chapter",
    "guidelines_chapter",
    "matrix_chapter",
    "objectives_chapter",
    "outputs_annex",
]


def objectives_chapter(session: WorkshopSession) -> ReportChapter:
    """The objectives, as set out in the concept paper."""
    objectives = session.info.objectives
    blocks: list[Block] = [Note(f"{o.letter}. {o.text}") for o in objectives]
    return ReportChapter(
        "objectives", "Objectives", tuple(blocks or [Note("No objectives were recorded.", muted=True)])
    )


_AGENDA_TITLE = "Agenda: planned and actual"


def _minutes(clock: str | None) -> int | None:
    if not clock:
        return None
    hours, _, minutes = clock.partition(":")
    return int(hours) * 60 + int(minutes)


def _difference(item: dict[str, object]) -> str:
    start, end = _minutes(item.get("actual_start")), _minutes(item.get("actual_end"))  # type: ignore[arg-type]
    if start is None or end is None:
        return ""
    delta = (end - start) - int(item.get("duration") or 0)  # type: ignore[call-overload]
    return "as planned" if delta == 0 else f"{delta:+d} min"


def agenda_chapter(session: WorkshopSession) -> ReportChapter:
    """Each day's items with planned and actual times."""
    days: list[dict[str, object]] = agenda.agenda_json(session)
    blocks: list[Block] = []
    for day in days:
        items: list[dict[str, object]] = day["items"]  # type: ignore[assignment]
        when = date.fromisoformat(str(day["date"]))
        heading = str(day.get("title") or f"Day {day['day']}")
        blocks.append(Subheading(f"{heading} ({when:%A} {when.day} {when:%B %Y})"))
        if not items:
            blocks.append(Note("No items were planned for this day.", muted=True))
            continue
        rows = [
            (
                f"{i['start']}–{i['end']}",
                i["title"],
                i.get("lead") or "",
                f"{i['actual_start']}–{i['actual_end'] or '…'}" if i.get("actual_start") else "not run",
                _difference(i),
            )
            for i in items
        ]
        blocks.append(
            table(("Planned", "Item", "Lead", "Actual", "Length vs plan"), rows, (14, 44, 22, 14, 12))
        )
        ran = sum(1 for i in items if i.get("actual_start"))
        blocks.append(Note(f"{ran} of {len(items)} items were run with the timer.", muted=ran == 0))
    if not blocks:
        blocks.append(Note("No agenda was recorded.", muted=True))
    return ReportChapter("agenda", _AGENDA_TITLE, tuple(blocks))


def _sex_row(label: str, people: Iterable[Participant]) -> tuple[object, ...]:
    people = list(people)
    women = sum(1 for p in people if p.sex == "F")
    men = sum(1 for p in people if p.sex == "M")
    share = f"{women / len(people):.0%}" if people else ""
    return (label, women, men, len(people) - women - men, len(people), share)


def attendance_chapter(session: WorkshopSession) -> ReportChapter:
    """Registration by sex, sector and delegation, the women's target, and check-ins per day."""
    people = roster.participants(session)
    if not people:
        return ReportChapter(
            "attendance", "Attendance", (Note("No participants are registered.", muted=True),)
        )
    stats = roster.statistics(session)
    headers = ("", SEX_LABELS["F"], SEX_LABELS["M"], "Other or not given", "Total", "Women's share")
    widths = (40, 12, 12, 16, 10, 14)
    by_sector = [
        _sex_row(SECTOR_LABELS.get(s, s), [p for p in people if p.sector == s]) for s in stats.by_sector
    ]
    target = session.info.women_target
    by_delegation = [
        (
            *_sex_row(
                ASEAN_MEMBERS.get(b.delegation, b.delegation),
                [p for p in people if p.delegation == b.delegation],
            )[:-1],
            f"{b.share:.0%}" + ("" if b.meets_target else " (below target)"),
        )
        for b in stats.balances
    ]
    blocks: list[Block] = [
        Subheading("Registered participants by sector"),
        table(
            ("Sector", *headers[1:]),
            [*by_sector, _sex_row("All participants", people)],
            widths,
            total_row=True,
        ),
        Subheading("Registered participants by delegation"),
        Note(f"Each delegation is asked to include at least {target:.0%} women."),
        table(("Delegation", *headers[1:]), by_delegation, widths),
    ]
    blocks += _checkin_blocks(session, len(people))
    return ReportChapter("attendance", "Attendance", tuple(blocks))


def _checkin_blocks(session: WorkshopSession, registered: int) -> list[Block]:
    days = checkin.workshop_days(session) or 1
    rows = []
    for day in range(1, days + 1):
        line = checkin.day_summary(session, day).total
        present: dict[str, int] = line.present
        total = sum(present.values())
        label = checkin.day_label(session, day)
        rows.append((label, present.get("F", 0), present.get("M", 0), total, f"{total / registered:.0%}"))
    if not any(row[3] for row in rows):
        return [Subheading("Present each day"), Note("No check-ins were recorded.", muted=True)]
    return [
        Subheading("Present each day (checked in)"),
        table(("Day", "Women", "Men", "Present", "Of those registered"), rows, (40, 12, 12, 12, 18)),
    ]


def _member_name(person: Participant) -> str:
    return f"{person.name} ({person.delegation})" if person.delegation else person.name


def _group_row(name: str, members: tuple[Participant, ...]) -> tuple[object, ...]:
    classes = [p.sector if p.sector in ("labour", "law-enforcement") else "other" for p in members]
    return (
        name,
        len(members),
        sum(1 for p in members if p.sex == "F"),
        classes.count("labour"),
        classes.count("law-enforcement"),
        classes.count("other"),
        "; ".join(_member_name(p) for p in members),
    )


def groups_chapter(session: WorkshopSession) -> ReportChapter:
    """The breakout rounds: each group's members and its balance of sex and sector."""
    title = "Breakout groups"
    blocks: list[Block] = []
    for stored in groups.rounds(session):
        view = groups.load_round(session, stored.id)
        mode = "country teams" if stored.mode == "country" else "countries mixed"
        blocks.append(Subheading(f"{view.name} ({mode})"))
        if view.agenda_title:
            blocks.append(Note(f"For the agenda session “{view.agenda_title}”."))
        rows = [
            _group_row(name, members) for name, members in zip(stored.group_names, view.groups, strict=True)
        ]
        headers = ("Group", "People", "Women", "Labour", "Law enforcement", "Others", "Members")
        blocks.append(table(headers, rows, (9, 7, 8, 8, 12, 8, 48)))
        quality = view.quality
        blocks += [Note(problem) for problem in quality.problems]
        if quality.optimal and not quality.problems:
            blocks.append(
                Note("The balance of sex, sector and countries is the best any grouping could reach.")
            )
    return ReportChapter(
        "groups", title, tuple(blocks or [Note("No breakout rounds were recorded.", muted=True)])
    )


def matrix_chapter(session: WorkshopSession) -> ReportChapter:
    """The consolidated referral matrix: for each referral board, each category's red flags."""
    title = "Consolidated referral matrix"
    blocks: list[Block] = []
    current_board = None
    rows: list[tuple[object, ...]] = []
    unraised: list[str] = []

    def close_board() -> None:
        if current_board is None:
            return
        blocks.append(Subheading(current_board.title))
        if rows:
            headers = ("Indicator or violation", "Red flag", "Evidence to secure", "Refer to", "Votes")
            blocks.append(table(headers, rows, (20, 30, 26, 16, 8)))
        else:
            blocks.append(Note("No red flags were written on this board.", muted=True))
        if rows and unraised:
            blocks.append(Note("Not raised by any group: " + "; ".join(unraised) + ".", muted=True))

    for section in boards.referral_matrix(session):
        if current_board is None or section.board.id != current_board.id:
            close_board()
            current_board, rows, unraised = section.board, [], []
        if not section.flags:
            unraised.append(section.category.label)
        for flag in section.flags:
            rows.append(
                (
                    section.category.label,
                    flag.text,
                    "; ".join(flag.evidence),
                    ", ".join(flag.refer_to),
                    flag.votes,
                )
            )
    close_board()
    return ReportChapter(
        "matrix", title, tuple(blocks or [Note("No referral boards were recorded.", muted=True)])
    )


def guidelines_chapter(session: WorkshopSession) -> ReportChapter:
    """The guidelines draft as it stands, with its version."""
    draft = guidelines.draft(session)
    title = "Guidelines draft"
    if draft.is_empty:
        return ReportChapter(
            "guidelines", title, (Note("The guidelines draft has no text or key actions yet.", muted=True),)
        )
    version = draft.current_version
    intro = f"{draft.title}. " + (f"Draft {version.label} of {version.created:%d %B %Y}. " if version else "")
    return ReportChapter(
        "guidelines",
        title,
        (Note(intro + draft.status_summary), DraftBlock(draft, guidelines.recommendations(session))),
    )


def _group_key(label: str) -> tuple[int, str]:
    number = re.search(r"\d+", label)
    return (int(number.group()) if number else 10**6, label.casefold())


def outputs_annex(session: WorkshopSession) -> ReportChapter:
    """What each breakout group produced: red flags it wrote and key actions it proposed."""
    cards_by_group: dict[str, list[tuple[object, ...]]] = {}
    for board in boards.boards(session):
        for card in boards.snapshot(session, board.id).cards:
            label = card.group or "Plenary"
            category = board.category(card.category).label if card.category else "Not yet sorted"
            cards_by_group.setdefault(label, []).append((board.title, card.text, category, card.evidence))
    actions_by_group: dict[str, list[tuple[object, ...]]] = {}
    for action in guidelines.draft(session).actions:
        for label in (g.strip() for g in re.split(r"[,;]", action.source_group)):
            if label:
                actions_by_group.setdefault(label, []).append(
                    (action.action, action.lead_agency, action.timeframe, STATUS_LABELS[action.status])
                )
    blocks: list[Block] = []
    for label in sorted(set(cards_by_group) | set(actions_by_group), key=_group_key):
        blocks.append(Subheading(label))
        if label in cards_by_group:
            blocks.append(
                table(
                    ("Board", "Red flag", "Category", "Evidence to secure"),
                    cards_by_group[label],
                    (20, 36, 20, 24),
                )
            )
        if label in actions_by_group:
            blocks.append(
                table(
                    ("Key action proposed", "Lead agency", "Timeframe", "Status"),
                    actions_by_group[label],
                    (50, 20, 16, 14),
                )
            )
    return ReportChapter(
        "annex",
        "Outputs of each group",
        tuple(blocks or [Note("No group outputs were recorded.", muted=True)]),
        numbered=False,
    )
