"""Check-in codes: signing, verification, tampering, foreign workshops and workshop days."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator.core.checkin_codes import (
    CHECK_LENGTH,
    CodeRefused,
    day_count,
    default_day,
    make_code,
    validate_day,
    verify_code,
)
from facilitator.core.errors import InputError

SECRET = bytes(range(32))
OTHER_SECRET = bytes(range(1, 33))


def test_code_round_trips_and_holds_no_personal_data() -> None:
    """A code names the workshop and the id, and verifies back to them."""
    code = make_code("LPB2019", 42, SECRET)
    workshop, participant, check = code.split("-")
    assert (workshop, participant) == ("LPB2019", "42")
    assert len(check) == CHECK_LENGTH
    verified = verify_code(code, "LPB2019", SECRET)
    assert (verified.workshop_code, verified.participant_id) == ("LPB2019", 42)
    assert str(verified) == "LPB2019-42"


def test_code_uses_only_qr_alphanumeric_characters() -> None:
    """Only upper-case letters, digits and '-' appear, so the QR stays in alphanumeric mode."""
    code = make_code("lpb2019", 7, SECRET)
    assert set(code) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")


def test_scanner_case_and_spaces_are_ignored() -> None:
    """A scanner with Caps Lock inverted, or stray spaces, still checks in."""
    code = make_code("LPB2019", 5, SECRET)
    assert verify_code(f"  {code.lower()}\n", "LPB2019", SECRET).participant_id == 5


@given(st.integers(min_value=1, max_value=99_999), st.integers(min_value=0, max_value=CHECK_LENGTH - 1))
def test_any_altered_check_character_is_refused(participant_id: int, position: int) -> None:
    """Changing any one check character makes the code forged."""
    code = make_code("LPB2019", participant_id, SECRET)
    head, check = code.rsplit("-", 1)
    replacement = "A" if check[position] != "A" else "B"
    altered = f"{head}-{check[:position]}{replacement}{check[position + 1 :]}"
    with pytest.raises(CodeRefused) as refused:
        verify_code(altered, "LPB2019", SECRET)
    assert refused.value.reason == "forged"


def test_changing_the_participant_id_is_refused() -> None:
    """Someone who edits the id in a copied code to check in a colleague is refused."""
    code = make_code("LPB2019", 12, SECRET)
    forged = code.replace("-12-", "-13-")
    with pytest.raises(CodeRefused, match="not issued by this workshop") as refused:
        verify_code(forged, "LPB2019", SECRET)
    assert refused.value.reason == "forged"


def test_code_of_another_workshop_is_foreign() -> None:
    """A badge from another workshop is recognised as foreign and named."""
    code = make_code("BKK2020", 3, SECRET)
    with pytest.raises(CodeRefused, match="another workshop \\(BKK2020\\)") as refused:
        verify_code(code, "LPB2019", SECRET)
    assert refused.value.reason == "foreign"


def test_same_workshop_code_with_another_secret_is_refused() -> None:
    """Another copy of the workshop with its own secret cannot forge this file's codes."""
    code = make_code("WS", 3, OTHER_SECRET)
    with pytest.raises(CodeRefused) as refused:
        verify_code(code, "WS", SECRET)
    assert refused.value.reason == "forged"


@pytest.mark.parametrize("text", ["", "hello", "LPB2019-0-AAAAAAAA", "LPB2019-x-AAAAAAAA", "LPB2019-1"])
def test_text_that_is_not_a_code_is_malformed(text: str) -> None:
    """Typed names, empty scans and truncated codes are refused as not a code."""
    with pytest.raises(CodeRefused, match="not a check-in code") as refused:
        verify_code(text, "LPB2019", SECRET)
    assert refused.value.reason == "malformed"


def test_make_code_refuses_bad_input() -> None:
    """A workshop code with punctuation or a non-positive id cannot be encoded."""
    with pytest.raises(InputError, match="letters and digits"):
        make_code("LPB 2019", 1, SECRET)
    with pytest.raises(InputError, match="positive id"):
        make_code("LPB2019", 0, SECRET)


def test_days_follow_the_workshop_dates() -> None:
    """Monday 27 and Tuesday 28 May 2019 are days 1 and 2; other dates default to day 1."""
    start, end = date(2019, 5, 27), date(2019, 5, 28)
    assert day_count(start, end) == 2
    assert day_count(start, None) == 1
    assert day_count(None, None) is None
    assert default_day(start, end, date(2019, 5, 27)) == 1
    assert default_day(start, end, date(2019, 5, 28)) == 2
    assert default_day(start, end, date(2019, 5, 29)) == 1
    assert default_day(None, None, date(2019, 5, 28)) == 1


def test_validate_day_names_the_allowed_days() -> None:
    """Day 3 of a two-day workshop is refused with the range; without dates any day from 1 goes."""
    start, end = date(2019, 5, 27), date(2019, 5, 28)
    assert validate_day(2, start, end) == 2
    with pytest.raises(InputError, match="days 1 to 2"):
        validate_day(3, start, end)
    with pytest.raises(InputError):
        validate_day(0, None, None)
    assert validate_day(5, None, None) == 5
