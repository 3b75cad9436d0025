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
from facilitator.app.checkin_documents import is_participant, participant_summary
from facilitator.app.session import WorkshopSession
from facilitator.core.guidelines import STATUS_LABELS
from facilitator.core.participants import ASEAN_MEMBERS, SECTOR_LABELS, SEX_LABELS, Participant
from facilitator.core.report import Block, DraftBlock, Note, ReportChapter, Subheading, table
from facilitator.core.statistics import roster_statistics
from facilitator.storage.groups_store import StoredRound

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


def _length_difference(item: dict[str, object]) -> str:
    start, end = _minutes(item.get("actual_start")), _minutes(item.get("actual_end"))  # type: ignore[arg-type]
    if start is None:
        return ""
    if end is None:
        return "not finished"
    delta = (end - start) - int(item.get("duration") or 0)  # type: ignore[call-overload]
    return "as planned" if delta == 0 else f"{delta:+d} min"


def _start_difference(item: dict[str, object]) -> str:
    planned, actual = _minutes(str(item["start"])), _minutes(item.get("actual_start"))  # type: ignore[arg-type]
    if actual is None or planned is None:
        return ""
    delta = actual - planned
    if delta == 0:
        return "on time"
    return f"{delta} min late" if delta > 0 else f"{-delta} min early"


def _day_outcome(day: dict[str, object], items: list[dict[str, object]]) -> Note:
    """When the day really ended, against its "must end by" time, in one plain sentence."""
    ran = [i for i in items if i.get("actual_start")]
    ended = [m for m in (_minutes(i.get("actual_end")) for i in ran) if m is not None]  # type: ignore[arg-type]
    if not ran:
        return Note("No item of this day was run with the timer.", muted=True)
    text = f"{len(ran)} of {len(items)} items were run with the timer."
    unfinished = len(ran) - len(ended)
    if unfinished:
        text += f" {unfinished} started but did not finish."
    limit = _minutes(day.get("planned_end"))  # type: ignore[arg-type]
    if ended:
        last = max(ended)
        text += f" The last item ended at {last // 60:02d}:{last % 60:02d}"
        if limit is not None:
            over = last - limit
            limit_text = str(day["planned_end"])
            text += (
                f", {over} min after the {limit_text} it had to end by: the day overran."
                if over > 0
                else f", within the {limit_text} it had to end by."
            )
        else:
            text += "."
    return Note(text)


def agenda_chapter(session: WorkshopSession) -> ReportChapter:
    """Each day's items with planned and actual times: when each started against the plan, how
    long it ran against the plan, and when the day ended against its limit."""
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
                _start_difference(i),
                _length_difference(i),
            )
            for i in items
        ]
        headers = ("Planned", "Item", "Lead", "Actual", "Start vs plan", "Length vs plan")
        blocks.append(table(headers, rows, (13, 38, 19, 13, 11, 11)))
        blocks.append(_day_outcome(day, items))
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
    everyone = roster.participants(session)
    people = [p for p in everyone if is_participant(p)]
    if not people:
        return ReportChapter(
            "attendance", "Attendance", (Note("No participants are registered.", muted=True),)
        )
    stats = roster_statistics(people, session.info.women_target)
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
    support = len(everyone) - len(people)
    legend = (
        "Women, Men and Other or not given count registered participants by sex; Women's share is "
        "women among them."
        + (f" The {support} staff and drivers who supported the workshop are not counted." if support else "")
    )
    blocks: list[Block] = [
        Note(legend, muted=True),
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
    summaries = [
        (checkin.day_label(session, day), participant_summary(session, day)) for day in range(1, days + 1)
    ]
    rows = []
    for label, summary in summaries:
        line = summary.total
        total = line.present_total
        rows.append((label, line.women_present, line.men_present, total, f"{total / registered:.0%}"))
    if not any(row[3] for row in rows):
        return [Subheading("Present each day"), Note("No check-ins were recorded.", muted=True)]
    blocks: list[Block] = [
        Subheading("Present each day (checked in)"),
        Note("Participants checked in at the desk on each day, by sex, against those registered."),
        table(
            ("Day", "Women present", "Men present", "Present", "Share of those registered"),
            rows,
            (40, 14, 14, 12, 20),
        ),
    ]
    headers = ("Delegation", "Registered", "Women present", "Men present", "Present", "Women's share")
    for label, summary in summaries:
        if not summary.total.present_total:
            continue
        lines = [
            (
                d.label,
                d.expected_total,
                d.women_present,
                d.men_present,
                d.present_total,
                f"{d.women_share:.0%}" if d.present_total else "–",
            )
            for d in (*summary.by_delegation, summary.total)
        ]
        lines[-1] = ("All participants", *lines[-1][1:])
        blocks += [
            Subheading(f"{label}: present by delegation", 2),
            table(headers, lines, (34, 13, 13, 13, 12, 15), total_row=True),
        ]
    return blocks


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


def _board_rounds(session: WorkshopSession) -> dict[str, list[StoredRound]]:
    """The breakout rounds whose agenda session is linked to each board (by board id)."""
    stored = groups.rounds(session)
    linked: dict[str, list[StoredRound]] = {}
    for day in agenda.load_schedule(session):
        for item in (timed.item for timed in day.items):
            kind, _, key = item.link.partition(":")
            if item.kind != "breakout" or kind != "board":
                continue
            found = next((r for r in stored if r.agenda_item == item.id), None)
            found = found or next((r for r in stored if item.link == f"round:{r.name}"), None)
            if found is not None and found not in linked.setdefault(key, []):
                linked[key].append(found)
    return linked


_CARD_HEADERS = ("Board", "Red flag", "Category", "Evidence to secure")
_CARD_WIDTHS = (20, 36, 20, 24)


def _cards_by_round(session: WorkshopSession) -> dict[str, dict[str, list[tuple[object, ...]]]]:
    """Cards as round → group → rows; a card whose board no round is linked to, or whose group
    is not one of that round's groups, goes under "" (no round)."""
    linked = _board_rounds(session)
    order = {r.name: index for index, r in enumerate(groups.rounds(session))}
    found: dict[str, dict[str, list[tuple[object, ...]]]] = {}
    for board in boards.boards(session):
        for card in boards.snapshot(session, board.id).cards:
            label = card.group or "Plenary"
            rounds = [r for r in linked.get(board.id, []) if label in r.group_names]
            round_name = rounds[0].name if len(rounds) == 1 else ""
            category = board.category(card.category).label if card.category else "Not yet sorted"
            row = (board.title, card.text, category, card.evidence)
            found.setdefault(round_name, {}).setdefault(label, []).append(row)
    return dict(sorted(found.items(), key=lambda item: order.get(item[0], len(order))))


def outputs_annex(session: WorkshopSession) -> ReportChapter:
    """What each breakout group produced, round by round: the red flags it wrote, then the key
    actions groups proposed for the guidelines (the draft names the group, not the round)."""
    blocks: list[Block] = []
    for round_name, by_group in _cards_by_round(session).items():
        level = 2 if round_name else 1
        if round_name:
            blocks.append(Subheading(round_name))
        else:
            blocks.append(Subheading("Red flags not linked to a breakout round"))
            blocks.append(
                Note("These boards are not linked to a breakout session on the agenda.", muted=True)
            )
            level = 2
        for label in sorted(by_group, key=_group_key):
            title = f"{round_name}: {label}" if round_name else label
            blocks.append(Subheading(title, level))
            blocks.append(table(_CARD_HEADERS, by_group[label], _CARD_WIDTHS))
    actions_by_group: dict[str, list[tuple[object, ...]]] = {}
    for action in guidelines.draft(session).actions:
        for label in (g.strip() for g in re.split(r"[,;]", action.source_group)):
            if label:
                actions_by_group.setdefault(label, []).append(
                    (action.action, action.lead_agency, action.timeframe, STATUS_LABELS[action.status])
                )
    if actions_by_group:
        blocks.append(Subheading("Key actions proposed by each group"))
        for label in sorted(actions_by_group, key=_group_key):
            blocks.append(Subheading(f"Key actions: {label}", 2))
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
