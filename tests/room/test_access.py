"""Ways into the room: tokens, codes, phones signed in, rotation and closing."""

from __future__ import annotations

import base64

from facilitator.room.access import (
    CODE_ALPHABET,
    CODE_LENGTH,
    MAX_DEVICES_PER_GROUP,
    MEMBER,
    RAPPORTEUR,
    RoomAccess,
    format_code,
    normalise_code,
)


def _access() -> RoomAccess:
    access = RoomAccess(clock=lambda: 1000.0)
    access.add_groups(["Group 1", "Group 2"])
    return access


def test_tokens_carry_at_least_128_random_bits_and_differ() -> None:
    """Every join and rapporteur token decodes to 18 random bytes (144 bits) and no two are alike."""
    access = _access()
    passes = [access.group_pass(g, role) for g in access.groups() for role in (MEMBER, RAPPORTEUR)]
    tokens = [p.token for p in passes]
    assert len(set(tokens)) == 4
    for token in tokens:
        assert len(base64.urlsafe_b64decode(token + "==")) * 8 >= 128
    assert all(len(p.code) == CODE_LENGTH and set(p.code) <= set(CODE_ALPHABET) for p in passes)
    assert not set(CODE_ALPHABET) & set("01IOL")


def test_codes_are_read_as_people_type_them() -> None:
    """A code is shown in two blocks and accepted in any case, with spaces or the dash."""
    assert format_code("K7QX3MZA") == "K7QX-3MZA"
    assert normalise_code(" k7qx-3mza ") == normalise_code("K7QX 3MZA") == "K7QX3MZA"


def test_joining_gives_a_device_of_the_group_and_role() -> None:
    """The token and the code both sign a phone in to their group and role; anything else does not."""
    access = _access()
    member = access.join(access.group_pass("Group 2").token, "Mozilla/5.0 (Linux; Android 14) Chrome/130")
    rapporteur = access.join(format_code(access.group_pass("Group 1", RAPPORTEUR).code).lower())
    assert member is not None and (member.group, member.role, member.agent) == (
        "Group 2",
        MEMBER,
        "Android, Chrome",
    )
    assert rapporteur is not None and (rapporteur.group, rapporteur.role) == ("Group 1", RAPPORTEUR)
    assert rapporteur.label == "Group 1, phone 2 (rapporteur)"
    assert access.join("not a token") is None and access.join("") is None and access.join("x" * 500) is None
    assert access.device(member.id) is not None and access.device("forged") is None


def test_joining_again_replaces_the_phone_s_old_session() -> None:
    """A phone that scans another code is one device: its old cookie stops working."""
    access = _access()
    first = access.join(access.group_pass("Group 1").token)
    assert first is not None
    second = access.join(access.group_pass("Group 2").token, replaces=first.id)
    assert second is not None and access.device(first.id) is None
    assert [d.group for d in access.devices()] == ["Group 2"]


def test_rotation_sign_out_and_closing() -> None:
    """New codes refuse the old ones but keep phones; sign-out and closing end sessions for good."""
    access = _access()
    old = access.group_pass("Group 1")
    phone = access.join(old.token)
    other = access.join(access.group_pass("Group 1").code)
    assert phone is not None and other is not None
    access.rotate("Group 1")
    assert access.join(old.token) is None and access.join(old.code) is None
    assert access.device(phone.id) is not None
    assert access.sign_out(phone.id) and access.device(phone.id) is None
    assert access.sign_out_group("Group 1") == 1
    access.join(access.group_pass("Group 2").token)
    access.close()
    assert access.devices() == [] and access.groups() == [] and access.join("anything") is None


def test_a_group_cannot_fill_the_room_with_phones() -> None:
    """Past the cap of phones per group a join is refused (a bound on memory)."""
    access = _access()
    token = access.group_pass("Group 1").token
    joined = [access.join(token) for _ in range(MAX_DEVICES_PER_GROUP + 3)]
    assert sum(device is not None for device in joined) == MAX_DEVICES_PER_GROUP


def test_dots_and_cards_are_counted_per_phone() -> None:
    """A phone's dots are kept per board and card, and a dot taken back is forgotten."""
    access = _access()
    phone = access.join(access.group_pass("Group 1").token)
    assert phone is not None
    access.record_card(phone.id)
    access.record_dot(phone.id, "board", 7, +1)
    access.record_dot(phone.id, "board", 7, +1)
    access.record_dot(phone.id, "board", 7, -1)
    device = access.device(phone.id)
    assert device is not None and device.cards == 1 and device.dots == {("board", 7): 1}
    access.record_dot(phone.id, "board", 7, -1)
    assert access.device(phone.id).dots == {}  # type: ignore[union-attr]
