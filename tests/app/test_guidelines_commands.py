"""Tests of the guidelines commands on real workshop files, with undo and redo."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from facilitator.app import guidelines
from facilitator.app.workshops import open_workshop
from facilitator.core.errors import ActionRefused, InputError, NotFoundError

OUTLINE = [
    "purpose",
    "triggers-labour-police",
    "triggers-police-labour",
    "joint-operations",
    "information-sharing",
    "victims",
    "recruitment-agencies",
    "informal-economy",
    "follow-up",
]


def _section_id(session, key: str) -> int:  # type: ignore[no-untyped-def]
    return next(s.id for s in guidelines.draft(session).sections if s.key == key)


def test_every_new_workshop_gets_the_nine_section_outline_and_v0_1(empty_session) -> None:  # type: ignore[no-untyped-def]
    """An empty workshop has the default outline, no actions and version v0.1."""
    draft = guidelines.draft(empty_session)
    assert [s.key for s in draft.sections] == OUTLINE
    assert [s.board for s in draft.sections if s.board] == ["labour-to-police", "police-to-labour"]
    assert all(s.hint for s in draft.sections)
    assert draft.actions == ()
    assert [v.label for v in draft.versions] == ["v0.1"]
    assert draft.is_empty


def test_sample_key_actions_link_to_the_manila_recommendations(sample_session) -> None:  # type: ignore[no-untyped-def]
    """The sample's proposed actions cite every recommendation of Box 1."""
    draft = guidelines.draft(sample_session)
    linked = {r for a in draft.actions for r in a.recommendations}
    assert linked == {"S3R12", "S4R2", "S3R13", "S4R1", "S3R7", "S3R8"}
    assert draft.status_counts()["proposed"] >= 5
    assert draft.versions[0].created == date(2019, 5, 28)


def test_add_edit_and_undo_a_key_action(empty_session) -> None:  # type: ignore[no-untyped-def]
    """A key action is stored, edited field by field, and undo rewinds each step."""
    section = _section_id(empty_session, "joint-operations")
    action_id = guidelines.add_action(
        empty_session,
        section,
        "Plan joint visits",
        lead_agency="Labour inspectorate",
        recommendations="s3r13",
        source_group="Group 2",
    )
    guidelines.edit_action(empty_session, action_id, timeframe="Twice a year", partners="Police")
    stored = empty_session.connection.execute(
        "SELECT action, lead_agency, partners, timeframe, recommendations, source_group, status "
        "FROM guidelines_actions WHERE id = ?",
        (action_id,),
    ).fetchone()
    assert stored == (
        "Plan joint visits",
        "Labour inspectorate",
        "Police",
        "Twice a year",
        "S3R13",
        "Group 2",
        "proposed",
    )
    assert empty_session.undo_label == "Edit key action"
    empty_session.undo()
    assert guidelines.draft(empty_session).actions[0].timeframe == ""
    empty_session.undo()
    assert guidelines.draft(empty_session).actions == ()
    empty_session.redo()
    assert guidelines.draft(empty_session).actions[0].action == "Plan joint visits"


def test_add_action_refuses_bad_input_and_changes_nothing(empty_session) -> None:  # type: ignore[no-untyped-def]
    """Empty text, an unknown recommendation or section are refused with the field named."""
    section = _section_id(empty_session, "purpose")
    with pytest.raises(InputError, match="Key action"):
        guidelines.add_action(empty_session, section, "  ")
    with pytest.raises(InputError, match="Manila recommendation"):
        guidelines.add_action(empty_session, section, "Do it", recommendations="S1R1")
    with pytest.raises(NotFoundError):
        guidelines.add_action(empty_session, 999, "Do it")
    assert guidelines.draft(empty_session).actions == ()
    assert empty_session.undo_label is None


def test_merge_folds_duplicates_into_the_first_and_undo_restores_them(sample_session) -> None:  # type: ignore[no-untyped-def]
    """Merging the two focal-point actions leaves one with both groups; undo brings both back."""
    section = _section_id(sample_session, "information-sharing")
    first, second, third = (a.id for a in guidelines.draft(sample_session).actions_in(section))
    kept = guidelines.merge_actions(sample_session, [first, second])
    after = guidelines.draft(sample_session).actions_in(section)
    assert kept == first
    assert [a.id for a in after] == [first, third]
    assert [a.position for a in after] == [0, 1]
    assert after[0].source_group == "Group 1, Group 3"
    assert after[0].recommendations == ("S3R13", "S3R12")
    sample_session.undo()
    assert [a.id for a in guidelines.draft(sample_session).actions_in(section)] == [first, second, third]
    with pytest.raises(InputError, match="at least two"):
        guidelines.merge_actions(sample_session, [first, first])


def test_set_status_marks_several_actions_and_skips_unchanged(sample_session) -> None:  # type: ignore[no-untyped-def]
    """Status changes apply to every chosen action; choosing the same status again does nothing."""
    ids = [a.id for a in guidelines.draft(sample_session).actions[:3]]
    guidelines.set_status(sample_session, ids, "Agreed")
    assert {a.status for a in guidelines.draft(sample_session).actions if a.id in ids} == {"agreed"}
    assert not guidelines.set_status(sample_session, ids, "agreed").topics
    with pytest.raises(InputError, match="Status"):
        guidelines.set_status(sample_session, ids, "finished")


def test_reorder_and_move_actions_between_sections(sample_session) -> None:  # type: ignore[no-untyped-def]
    """Actions move up and down within a section and to the end of another, positions stay dense."""
    source = _section_id(sample_session, "information-sharing")
    target = _section_id(sample_session, "follow-up")
    a, b, c = (x.id for x in guidelines.draft(sample_session).actions_in(source))
    guidelines.move_action(sample_session, c, offset=-2)
    assert [x.id for x in guidelines.draft(sample_session).actions_in(source)] == [c, a, b]
    assert not guidelines.move_action(sample_session, c, offset=-1).topics
    guidelines.move_action(sample_session, a, section_id=target)
    draft = guidelines.draft(sample_session)
    assert [x.position for x in draft.actions_in(source)] == [0, 1]
    assert draft.actions_in(target)[-1].id == a
    assert [x.position for x in draft.actions_in(target)] == [0, 1]


def test_sections_can_be_added_renamed_edited_moved_and_removed(sample_session) -> None:  # type: ignore[no-untyped-def]
    """Outline edits keep positions dense and removing a section takes its actions, until undo."""
    purpose = _section_id(sample_session, "purpose")
    new = guidelines.add_section(sample_session, "  Definitions ", after=purpose)
    assert [s.title for s in guidelines.draft(sample_session).sections][:2] == [
        "Purpose and scope",
        "Definitions",
    ]
    guidelines.rename_section(sample_session, new, "Terms used")
    guidelines.edit_section_text(sample_session, new, "Forced labour means…  \n\nTrafficking means…\n")
    guidelines.move_section(sample_session, new, 20)
    draft = guidelines.draft(sample_session)
    assert draft.sections[-1].title == "Terms used"
    assert draft.sections[-1].body == "Forced labour means…\n\nTrafficking means…"
    assert [s.position for s in draft.sections] == list(range(10))
    joint = _section_id(sample_session, "joint-operations")
    count = len(draft.actions)
    guidelines.remove_section(sample_session, joint)
    assert len(guidelines.draft(sample_session).actions) == count - 2
    sample_session.undo()
    assert len(guidelines.draft(sample_session).actions) == count
    with pytest.raises(InputError, match="Section title"):
        guidelines.rename_section(sample_session, new, " ")


def test_draft_title_comes_from_the_outline_and_can_be_changed(empty_session) -> None:  # type: ignore[no-untyped-def]
    """The outline's title is the default; a new title is stored and undoable; empty is refused."""
    assert guidelines.draft(empty_session).title.startswith("Guidelines and key actions")
    guidelines.set_title(empty_session, "  Luang Prabang   guidelines ")
    assert guidelines.draft(empty_session).title == "Luang Prabang guidelines"
    empty_session.undo()
    assert guidelines.draft(empty_session).title.startswith("Guidelines and key actions")
    with pytest.raises(InputError, match="Draft title"):
        guidelines.set_title(empty_session, "")


def test_new_version_numbers_and_dates_the_draft(sample_session) -> None:  # type: ignore[no-untyped-def]
    """New versions follow v0.1 with v0.2, a major step gives v1.0, and a date before the last is refused."""
    version = guidelines.new_version(sample_session, "After plenary", today=date(2019, 5, 28))
    assert (version.label, version.created, version.note) == ("v0.2", date(2019, 5, 28), "After plenary")
    assert guidelines.new_version(sample_session, major=True, today=date(2019, 6, 30)).label == "v1.0"
    with pytest.raises(ActionRefused, match="computer's date"):
        guidelines.new_version(sample_session, today=date(2019, 1, 1))
    assert [v.label for v in guidelines.draft(sample_session).versions] == ["v0.1", "v0.2", "v1.0"]


def test_edits_are_on_disk_when_the_command_returns(sample_session) -> None:  # type: ignore[no-untyped-def]
    """A second connection sees the new key action at once (nothing waits for a save)."""
    guidelines.add_action(sample_session, _section_id(sample_session, "victims"), "Open shelters to men")
    other = sqlite3.connect(sample_session.path)
    try:
        texts = [row[0] for row in other.execute("SELECT action FROM guidelines_actions")]
    finally:
        other.close()
    assert "Open shelters to men" in texts
    sample_session.close()
    reopened = open_workshop(sample_session.path)
    try:
        assert "Open shelters to men" in [a.action for a in guidelines.draft(reopened).actions]
    finally:
        reopened.close()


def test_a_command_reports_the_label_its_undo_step_carries(sample_session) -> None:  # type: ignore[no-untyped-def]
    """What a command returns (shown as "<label> — saved") names the action as Undo will."""
    section = guidelines.draft(sample_session).sections[0]
    changes = guidelines.rename_section(sample_session, section.id, section.title + " (revised)")
    assert changes.label == sample_session.undo_label == f"Rename section {section.title}"
    assert changes.touches("guidelines")
