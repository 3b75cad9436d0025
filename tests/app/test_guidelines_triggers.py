"""Pulling the top-voted red flags from the referral boards into the guidelines draft."""

from __future__ import annotations

import pytest

from facilitator.app import boards, guidelines
from facilitator.core.errors import ActionRefused, InputError, NotFoundError


def _section(session, key: str):  # type: ignore[no-untyped-def]
    return next(s for s in guidelines.draft(session).sections if s.key == key)


def _vote(session, card_id: int, dots: int) -> None:  # type: ignore[no-untyped-def]
    for index in range(dots):
        boards.add_dot(session, card_id, f"Group {index + 1}")


@pytest.fixture
def voted(sample_session):  # type: ignore[no-untyped-def]
    """The sample with red flags on both referral boards and a few dots on them."""
    s = sample_session
    passports = boards.add_card(
        s,
        "labour-to-police",
        "Employer keeps the workers' passports in the office safe",
        category="retention-of-documents",
        group="Group 2",
        evidence="Photos of the safe; worker statements",
    )
    debts = boards.add_card(
        s,
        "labour-to-police",
        "Recruitment debt grows every month and is deducted from pay",
        category="debt-bondage",
        group="Group 4",
        evidence="Pay slips; debt ledger",
        refer_to="Anti-trafficking police; prosecutor",
    )
    boards.add_card(
        s, "labour-to-police", "Workers sleep at the site", category="abusive-conditions", group="Group 1"
    )
    wages = boards.add_card(
        s, "police-to-labour", "Overtime paid below the legal rate", category="unpaid-wages", group="Group 3"
    )
    _vote(s, passports, 2)
    _vote(s, debts, 3)
    _vote(s, wages, 1)
    return s, {"passports": passports, "debts": debts, "wages": wages}


def test_pull_brings_voted_red_flags_with_evidence_and_refer_to(voted) -> None:  # type: ignore[no-untyped-def]
    """Each trigger section lists its board's voted flags, most votes first, unvoted ones left out."""
    session, _ = voted
    result = guidelines.pull_referral_triggers(session)
    assert result.message == (
        "Pulled 2 red flags into Referral triggers: labour to police; "
        "1 red flag into Referral triggers: police to labour."
    )
    draft = guidelines.draft(session)
    labour = draft.triggers_in(_section(session, "triggers-labour-police").id)
    assert [(t.red_flag[:20], t.votes) for t in labour] == [
        ("Recruitment debt gro", 3),
        ("Employer keeps the w", 2),
    ]
    assert labour[0].category == "Debt bondage"
    assert labour[0].evidence == "Pay slips; debt ledger"
    assert labour[0].refer_to == "Anti-trafficking police; prosecutor"
    assert labour[1].refer_to == "Police (anti-trafficking unit)"
    assert labour[1].groups == "Group 2"
    police = draft.triggers_in(_section(session, "triggers-police-labour").id)
    assert [(t.red_flag, t.category, t.refer_to) for t in police] == [
        ("Overtime paid below the legal rate", "Unpaid or underpaid wages", "Labour inspectorate")
    ]


def test_pulling_again_replaces_and_undo_restores(voted) -> None:  # type: ignore[no-untyped-def]
    """A second pull after more votes re-ranks instead of duplicating; undo brings back the first pull."""
    session, cards = voted
    guidelines.pull_referral_triggers(session)
    _vote(session, cards["passports"], 2)
    guidelines.pull_referral_triggers(session, limit=1)
    labour = _section(session, "triggers-labour-police").id
    assert [t.votes for t in guidelines.draft(session).triggers_in(labour)] == [4]
    session.undo()
    assert [t.votes for t in guidelines.draft(session).triggers_in(labour)] == [3, 2]


def test_a_board_without_votes_keeps_its_earlier_triggers(voted) -> None:  # type: ignore[no-untyped-def]
    """When one board has no votes left, its section keeps what an earlier pull gave it."""
    session, cards = voted
    guidelines.pull_referral_triggers(session)
    boards.remove_dot(session, cards["wages"], "Group 1")
    result = guidelines.pull_referral_triggers(session)
    assert "nothing into Referral triggers: police to labour (no votes on its board yet)" in result.message
    police = _section(session, "triggers-police-labour").id
    assert len(guidelines.draft(session).triggers_in(police)) == 1


def test_pull_is_refused_without_votes_or_with_a_bad_limit(sample_session) -> None:  # type: ignore[no-untyped-def]
    """With no votes anywhere the pull explains what to do first; a limit below 1 is refused."""
    with pytest.raises(ActionRefused, match="Run the dot vote"):
        guidelines.pull_referral_triggers(sample_session)
    with pytest.raises(InputError, match="at least 1"):
        guidelines.pull_referral_triggers(sample_session, limit=0)
    assert sample_session.undo_label is None


def test_remove_triggers_keeps_positions_dense(voted) -> None:  # type: ignore[no-untyped-def]
    """Removing a trigger renumbers the rest; an unknown id is refused."""
    session, _ = voted
    guidelines.pull_referral_triggers(session)
    labour = _section(session, "triggers-labour-police").id
    first, second = guidelines.draft(session).triggers_in(labour)
    guidelines.remove_triggers(session, [first.id])
    remaining = guidelines.draft(session).triggers_in(labour)
    assert [(t.id, t.position) for t in remaining] == [(second.id, 0)]
    with pytest.raises(NotFoundError):
        guidelines.remove_triggers(session, [9999])
