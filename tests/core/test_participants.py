"""Participants: how a change between two readings of the roster is put into words."""

from __future__ import annotations

from facilitator.core.participants import Participant, describe_roster_change

_ROSTER = (
    Participant(1, "Souphaphone Keomany", native_name="ສຸພາພອນ ແກ້ວມະນີ (ນ.)", sex="F", delegation="LA"),
    Participant(2, "Somchai Jaidee-3", native_name="สมชาย ใจดี-3.", sex="M", delegation="TH"),
    Participant(3, "Daw Khin Myo Thu", native_name="ဒေါ်ခင်မျိုးသူ (၁၉၇၅)", sex="F", delegation="MM"),
)


def test_an_unchanged_roster_is_described_by_nothing() -> None:
    """The same people in another order is no change."""
    assert describe_roster_change(_ROSTER, reversed(_ROSTER)) == ""


def test_each_kind_of_change_is_counted_in_words() -> None:
    """Removals, additions and edits are counted separately, singular or plural."""
    walk_in = Participant(4, "Sok Chan [2]", native_name="សុខ ចាន់ [២]", sex="F", delegation="KH")
    edited = _ROSTER[0].with_changes(position="Deputy Director (a.i.)")
    assert describe_roster_change(_ROSTER, _ROSTER[:1]) == "2 people were removed"
    assert describe_roster_change(_ROSTER, (*_ROSTER, walk_in)) == "1 person was added"
    assert (
        describe_roster_change(_ROSTER, (edited, _ROSTER[1], walk_in))
        == "1 person was removed, 1 person was added and 1 person was edited"
    )
