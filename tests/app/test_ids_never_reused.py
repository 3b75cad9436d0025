"""A printed badge always names the person it was printed for: ids are never handed out twice."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.app import checkin, roster
from facilitator.app.session import WorkshopSession
from facilitator.core.errors import NotFoundError


def test_the_badge_of_a_removed_person_never_checks_in_the_next_one(sample_session: WorkshopSession) -> None:
    """Removing the highest id and adding someone gives a new id; the old badge is refused."""
    last = max(p.id for p in roster.participants(sample_session))
    badge = checkin.participant_code(sample_session, last)
    roster.remove_participants(sample_session, [last])
    newcomer = roster.add_participant(sample_session, name="ສົມໃຈ (ໃໝ່)")
    assert newcomer == last + 1
    with pytest.raises(NotFoundError, match=f"participant {last} is no longer on the roster"):
        checkin.check_in_code(sample_session, badge, 1)


def test_replacing_the_roster_numbers_on_from_the_highest_id_ever_used(
    sample_session: WorkshopSession, tmp_path: Path
) -> None:
    """`--replace` with a list that carries no ids gives everyone new ids, past the 68 printed ones."""
    listing = tmp_path / "registrations.csv"
    listing.write_text(
        "Full name,Sex,Country\nพ.ต.ท. สมชาย (ใจดี),M,Thailand\nសុខ-ចាន់ 2,F,Cambodia\n", encoding="utf-8"
    )
    badge = checkin.participant_code(sample_session, 1)
    roster.import_roster(sample_session, listing, replace=True)
    assert sorted(p.id for p in roster.participants(sample_session)) == [69, 70]
    with pytest.raises(NotFoundError):
        checkin.check_in_code(sample_session, badge, 1)
