"""The workshop report's chapters, gathered from a sample workshop and from an empty one."""

from __future__ import annotations

from datetime import datetime

from facilitator.app import guidelines
from facilitator.app.report import build_report
from facilitator.core.report import DraftBlock, Note, ReportTable, Subheading

CHAPTERS = ["objectives", "agenda", "attendance", "groups", "matrix", "guidelines", "annex"]


def _tables(chapter) -> list[ReportTable]:  # type: ignore[no-untyped-def]
    return [b for b in chapter.blocks if isinstance(b, ReportTable)]


def test_report_has_every_chapter_in_order(sample_session) -> None:  # type: ignore[no-untyped-def]
    """The chapters come in the agreed order, the annex last and unnumbered."""
    report = build_report(sample_session, now=lambda: datetime(2019, 5, 28, 17, 0))
    assert [c.key for c in report.chapters] == CHAPTERS
    assert [c.numbered for c in report.chapters] == [True] * 6 + [False]
    assert report.generated == datetime(2019, 5, 28, 17, 0)
    assert ("Participants registered", "65 (36 women), besides 3 staff and drivers") in report.at_a_glance
    assert ("Breakout rounds", "3") in report.at_a_glance


def test_objectives_and_attendance_carry_the_sample_figures(sample_session) -> None:  # type: ignore[no-untyped-def]
    """Objectives A–D are listed; attendance totals add up by sector and name Member States in full;
    the three provincial staff (one of them the driver) are not counted as participants."""
    report = build_report(sample_session)
    objectives = report.chapter("objectives")
    assert [b.text[:2] for b in objectives.blocks] == ["A.", "B.", "C.", "D."]  # type: ignore[union-attr]
    by_sector, by_delegation = _tables(report.chapter("attendance"))[:2]
    assert by_sector.rows[-1] == ("All participants", "36", "29", "0", "65", "55%")
    assert by_sector.total_row
    assert ("Brunei Darussalam", "2", "2", "0", "4", "50%") in by_delegation.rows
    assert any(row[-1].endswith("(below target)") for row in by_delegation.rows)


def test_guidelines_chapter_carries_the_draft_and_annex_groups_its_outputs(sample_session) -> None:  # type: ignore[no-untyped-def]
    """The draft is embedded whole; the annex lists the key actions each group proposed, in group
    order, under their own heading (the draft records the group, not the round)."""
    report = build_report(sample_session)
    chapter = report.chapter("guidelines")
    draft_blocks = [b for b in chapter.blocks if isinstance(b, DraftBlock)]  # type: ignore[union-attr]
    assert len(draft_blocks) == 1 and len(draft_blocks[0].draft.actions) == 11
    annex = report.chapter("annex")
    groups = [b.text for b in annex.blocks if isinstance(b, Subheading)]  # type: ignore[union-attr]
    assert groups[:7] == ["Key actions proposed by each group"] + [
        f"Key actions: Group {n}" for n in range(1, 7)
    ]
    guidelines.merge_actions(sample_session, [a.id for a in guidelines.draft(sample_session).actions[3:5]])
    annex = build_report(sample_session).chapter("annex")
    group_three = annex.blocks.index(Subheading("Key actions: Group 3", 2))  # type: ignore[union-attr]
    assert "focal point" in annex.blocks[group_three + 1].rows[0][0]  # type: ignore[union-attr]


def test_empty_workshop_report_says_what_is_missing(empty_session) -> None:  # type: ignore[no-untyped-def]
    """With no data, each chapter is one plain sentence instead of an empty table."""
    report = build_report(empty_session)
    assert [c.key for c in report.chapters] == CHAPTERS
    for key, sentence in (
        ("objectives", "No objectives were recorded."),
        ("attendance", "No participants are registered."),
        ("guidelines", "The guidelines draft has no text or key actions yet."),
        ("annex", "No group outputs were recorded."),
    ):
        chapter = report.chapter(key)
        assert chapter is not None and chapter.blocks == (Note(sentence, muted=True),)
    assert ("Participants registered", "0 (0 women)") in report.at_a_glance
    assert ("Breakout rounds", "0") in report.at_a_glance


class _Clocks:
    """Wall and monotonic clocks that move only when told to."""

    def __init__(self, wall: datetime) -> None:
        self.wall_now, self.mono_now = wall.timestamp(), 100.0

    def wall(self) -> float:
        return self.wall_now

    def mono(self) -> float:
        return self.mono_now

    def advance(self, minutes: float) -> None:
        self.wall_now += minutes * 60
        self.mono_now += minutes * 60


def test_agenda_chapter_sets_actual_times_beside_the_plan(sample_session) -> None:  # type: ignore[no-untyped-def]
    """Items run with the timer show their actual times, how late they started and how long they
    ran against the plan; an item still under way is "not finished", never "running"."""
    from facilitator.app.timer import AgendaTimer

    clocks = _Clocks(datetime(2019, 5, 27, 8, 0))
    timer = AgendaTimer(sample_session, clocks.wall, clocks.mono)
    timer.start()
    clocks.advance(40)
    timer.next()
    clocks.advance(25)
    timer.next()
    timer.close()
    chapter = build_report(sample_session).chapter("agenda")
    days = [b.text for b in chapter.blocks if isinstance(b, Subheading)]  # type: ignore[union-attr]
    assert days == [
        "Day 1: shared definitions, mandates and red flags (Monday 27 May 2019)",
        "Day 2: from red flags to guidelines for cooperation (Tuesday 28 May 2019)",
    ]
    monday = _tables(chapter)[0]
    assert monday.headers == ("Planned", "Item", "Lead", "Actual", "Start vs plan", "Length vs plan")
    assert monday.rows[0] == (
        "08:00–08:30",
        "Registration and name tags",
        "Organising committee",
        "08:00–08:40",
        "on time",
        "+10 min",
    )
    assert monday.rows[1][3:] == ("08:40–09:05", "10 min late", "-5 min")
    assert monday.rows[2][3:] == ("09:05–…", "5 min late", "not finished")
    outcome = next(b for b in chapter.blocks if isinstance(b, Note) and b.text.startswith("3 of 15"))  # type: ignore[union-attr]
    assert "1 started but did not finish" in outcome.text and "within the 17:00" in outcome.text


def test_agenda_chapter_of_a_workshop_without_agenda(empty_session) -> None:  # type: ignore[no-untyped-def]
    """A workshop with no agenda days says so."""
    chapter = build_report(empty_session).chapter("agenda")
    assert chapter is not None and chapter.blocks == (Note("No agenda was recorded.", muted=True),)


def test_attendance_chapter_counts_check_ins_per_day(sample_session) -> None:  # type: ignore[no-untyped-def]
    """Check-ins appear per workshop day by sex; before any, the chapter says none were recorded."""
    from facilitator.app import checkin, roster

    chapter = build_report(sample_session).chapter("attendance")
    assert Note("No check-ins were recorded.", muted=True) in chapter.blocks  # type: ignore[union-attr]
    people = roster.participants(sample_session)
    women = [p for p in people if p.sex == "F"][:3]
    men = [p for p in people if p.sex == "M"][:2]
    for person in [*women, *men]:
        checkin.check_in_participant(sample_session, person.id, 1)
    checkin.check_in_participant(sample_session, women[0].id, 2)
    tables = _tables(build_report(sample_session).chapter("attendance"))
    present = next(t for t in tables if t.headers[0] == "Day")
    assert present.rows == (
        ("Day 1 – Monday 27 May 2019", "3", "2", "5", "8%"),
        ("Day 2 – Tuesday 28 May 2019", "1", "0", "1", "2%"),
    )
    by_delegation = [t for t in tables if t.headers[:2] == ("Delegation", "Registered")]
    assert len(by_delegation) == 2
    assert by_delegation[1].rows[-1] == ("All participants", "65", "1", "0", "1", "100%")


def test_matrix_chapter_and_annex_show_the_boards_red_flags(sample_session) -> None:  # type: ignore[no-untyped-def]
    """The matrix lists each board's red flags by category with votes; the annex lists them by group."""
    from facilitator.app import boards

    empty = build_report(sample_session).chapter("matrix")
    assert Note("No red flags were written on this board.", muted=True) in empty.blocks  # type: ignore[union-attr]
    card = boards.add_card(
        sample_session,
        "labour-to-police",
        "Passports kept by the employer",
        category="retention-of-documents",
        group="Group 2",
        evidence="Worker statements",
    )
    boards.add_dot(sample_session, card, "Group 5")
    report = build_report(sample_session)
    matrix = report.chapter("matrix")
    assert [b.text for b in matrix.blocks if isinstance(b, Subheading)] == [  # type: ignore[union-attr]
        "Labour to police",
        "Police to labour",
    ]
    table_rows = _tables(matrix)[0].rows
    assert table_rows == (
        (
            "Retention of identity documents",
            "Passports kept by the employer",
            "Worker statements",
            "Police (anti-trafficking unit)",
            "1",
        ),
    )
    unraised = next(b for b in matrix.blocks if isinstance(b, Note) and b.text.startswith("Not raised"))  # type: ignore[union-attr]
    assert "Debt bondage" in unraised.text
    assert ("Red flags on the referral boards", "1") in report.at_a_glance
    annex = report.chapter("annex")
    assert Subheading("Breakout 1") in annex.blocks  # type: ignore[union-attr]
    group_two = annex.blocks.index(Subheading("Breakout 1: Group 2", 2))  # type: ignore[union-attr]
    assert annex.blocks[group_two + 1].rows[0][:2] == ("Labour to police", "Passports kept by the employer")  # type: ignore[union-attr]


def test_groups_chapter_lists_each_round_with_its_balance(sample_session) -> None:  # type: ignore[no-untyped-def]
    """Each sample round has a table whose rows count members, women and sectors and name everyone."""
    from facilitator.app import groups

    chapter = build_report(sample_session).chapter("groups")
    rounds = [b.text for b in chapter.blocks if isinstance(b, Subheading)]  # type: ignore[union-attr]
    assert rounds == [
        f"{r.name} ({'country teams' if r.mode == 'country' else 'countries mixed'})"
        for r in groups.rounds(sample_session)
    ]
    first = _tables(chapter)[0]
    assert first.headers == ("Group", "People", "Women", "Labour", "Law enforcement", "Others", "Members")
    view = groups.load_round(sample_session, groups.rounds(sample_session)[0].id)
    assert [row[0] for row in first.rows] == list(view.round.group_names)
    for row, members in zip(first.rows, view.groups, strict=True):
        assert int(row[1]) == len(members) == int(row[3]) + int(row[4]) + int(row[5])
        assert int(row[2]) == sum(1 for p in members if p.sex == "F")
        assert members[0].name in row[6]


def test_groups_chapter_without_rounds(empty_session) -> None:  # type: ignore[no-untyped-def]
    """A workshop with no rounds says that no breakout rounds were recorded."""
    chapter = build_report(empty_session).chapter("groups")
    assert chapter is not None and chapter.blocks == (Note("No breakout rounds were recorded.", muted=True),)


def test_annex_keeps_the_same_group_name_of_two_rounds_apart(sample_session) -> None:  # type: ignore[no-untyped-def]
    """Cards of "Group 1" on boards linked to Breakout 1 and Breakout 2 are listed under each round."""
    from facilitator.app import boards

    boards.add_card(sample_session, "labour-to-police", "Passports kept", group="Group 1")
    boards.add_card(sample_session, "police-to-labour", "No written contract", group="Group 1")
    annex = build_report(sample_session).chapter("annex")
    headings = [(b.text, b.level) for b in annex.blocks if isinstance(b, Subheading)]  # type: ignore[union-attr]
    assert headings[:4] == [
        ("Breakout 1", 1),
        ("Breakout 1: Group 1", 2),
        ("Breakout 2", 1),
        ("Breakout 2: Group 1", 2),
    ]
    first = annex.blocks.index(Subheading("Breakout 1: Group 1", 2))  # type: ignore[union-attr]
    second = annex.blocks.index(Subheading("Breakout 2: Group 1", 2))  # type: ignore[union-attr]
    assert [row[1] for row in annex.blocks[first + 1].rows] == ["Passports kept"]  # type: ignore[union-attr]
    assert [row[1] for row in annex.blocks[second + 1].rows] == ["No written contract"]  # type: ignore[union-attr]
