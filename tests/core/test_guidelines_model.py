"""Tests of the pure guidelines model: merging, lists, recommendations, versions."""

from __future__ import annotations

from datetime import date

import pytest

from facilitator.core.errors import InputError
from facilitator.core.guidelines import (
    GuidelinesDraft,
    KeyAction,
    ReferralTrigger,
    Section,
    Version,
    clean_action_fields,
    merge_actions,
    merge_lists,
    next_version_label,
    parse_recommendations,
)

KNOWN = ("S3R12", "S4R2", "S3R13", "S4R1", "S3R7", "S3R8")


def _action(id: int, **values: object) -> KeyAction:
    return KeyAction(id=id, section_id=1, position=id, **{"action": f"Action {id}", **values})  # type: ignore[arg-type]


def test_merge_lists_drops_repeats_whatever_the_case_and_separator() -> None:
    """Names repeated with another case or separator appear once, first spelling first."""
    assert merge_lists("Labour inspectorate; Police", "police, Immigration", "") == (
        "Labour inspectorate, Police, Immigration"
    )


def test_parse_recommendations_accepts_any_case_and_refuses_unknown_ids() -> None:
    """Ids are matched without regard to case, and an unknown id names the valid ones."""
    assert parse_recommendations("s3r12; S4R2, s3r12", KNOWN) == ("S3R12", "S4R2")
    with pytest.raises(InputError, match=r"S9R9.*S3R12"):
        parse_recommendations("S9R9", KNOWN)


def test_clean_action_fields_normalises_and_names_the_wrong_field() -> None:
    """Spaces are squeezed, status is lower-cased, and bad values name their field."""
    cleaned = clean_action_fields({"action": "  Share   lists ", "status": "Agreed"}, KNOWN)
    assert cleaned == {"action": "Share lists", "status": "agreed"}
    with pytest.raises(InputError, match="Key action"):
        clean_action_fields({"action": "   "}, KNOWN)
    with pytest.raises(InputError, match="Status"):
        clean_action_fields({"status": "done"}, KNOWN)
    with pytest.raises(InputError, match="colour"):
        clean_action_fields({"colour": "red"}, KNOWN)


def test_merge_keeps_wording_and_unites_partners_groups_and_recommendations() -> None:
    """The kept action's wording wins; partners, groups and recommendations are united."""
    kept = _action(
        1,
        lead_agency="Ministry of labour",
        partners="Police",
        source_group="Group 1",
        recommendations=("S3R13",),
    )
    other = _action(
        2,
        lead_agency="Police",
        partners="Ministry of labour; Social welfare",
        timeframe="By end of 2019",
        source_group="Group 3",
        recommendations=("S3R12", "S3R13"),
    )
    merged = merge_actions(kept, [other])
    assert merged.id == 1
    assert merged.action == "Action 1"
    assert merged.lead_agency == "Ministry of labour"
    assert merged.partners == "Police, Social welfare"
    assert merged.timeframe == "By end of 2019"
    assert merged.source_group == "Group 1, Group 3"
    assert merged.recommendations == ("S3R13", "S3R12")


def test_merge_never_loses_an_agreement_and_accepts_new_wording() -> None:
    """If any merged action was agreed the result is agreed; given wording replaces the text."""
    merged = merge_actions(_action(1), [_action(2, status="agreed")], text="  Joint  focal points ")
    assert merged.status == "agreed"
    assert merged.action == "Joint focal points"
    with pytest.raises(InputError):
        merge_actions(_action(1), [_action(2)], text=" ")


def test_next_version_label_counts_minor_and_major_steps() -> None:
    """v0.1 follows nothing, v0.2 follows v0.1, v1.0 is a major step, odd labels are ignored."""
    assert next_version_label([]) == "v0.1"
    assert next_version_label(["v0.1"]) == "v0.2"
    assert next_version_label(["v0.1", "v0.9", "final"]) == "v0.10"
    assert next_version_label(["v0.3"], major=True) == "v1.0"
    assert next_version_label(["v1.0"]) == "v1.1"


def test_draft_groups_actions_and_triggers_by_section_in_order() -> None:
    """A draft lists each section's actions and triggers by position and counts statuses."""
    draft = GuidelinesDraft(
        title="Guidelines",
        sections=(Section(1, 0, "a", "A"), Section(2, 1, "b", "B", board="labour-to-police")),
        actions=(
            KeyAction(5, 1, 1, "Second", status="agreed"),
            KeyAction(4, 1, 0, "First"),
        ),
        triggers=(ReferralTrigger(7, 2, 0, "Passport kept by employer", votes=5),),
        versions=(Version(1, "v0.1", date(2019, 5, 27)), Version(2, "v0.2", date(2019, 5, 28))),
    )
    assert [a.action for a in draft.actions_in(1)] == ["First", "Second"]
    assert [t.red_flag for t in draft.triggers_in(2)] == ["Passport kept by employer"]
    assert draft.section(2) is not None and draft.section(2).is_trigger_section  # type: ignore[union-attr]
    assert draft.current_version is not None and draft.current_version.label == "v0.2"
    assert draft.status_counts() == {"proposed": 1, "agreed": 1, "deferred": 0}
    assert not draft.is_empty


def test_find_section_by_number_key_or_title() -> None:
    """A section is found by its outline number, key or title; anything else lists the choices."""
    draft = GuidelinesDraft(
        title="G",
        sections=(Section(7, 0, "purpose", "Purpose and scope"), Section(9, 1, "", "Definitions")),
        actions=(),
        triggers=(),
        versions=(),
    )
    assert draft.find_section("2").id == 9
    assert draft.find_section("PURPOSE").id == 7
    assert draft.find_section(" definitions ").id == 9
    with pytest.raises(InputError, match=r"1 \(purpose\), 2 \(Definitions\)"):
        draft.find_section("3")
