"""Check-in codes: what a name tag's QR code says, and how the desk knows it is genuine.

A code reads ``LPB2019-42-K7QX3MZA``: the workshop code, the participant id and eight check
characters, the first 40 bits of an HMAC-SHA256 over the first two parts keyed with a random secret
kept in the workshop file. It carries no personal data (a lost badge tells a finder nothing), a
code for another workshop is recognised as foreign, and a typed or altered code fails the check.

Only upper-case letters, digits and ``-`` are used so that the QR code stays in the dense
alphanumeric mode (21 × 21 modules) and a USB scanner types it the same on any keyboard layout.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from datetime import date

from facilitator.core.errors import ActionRefused, InputError

__all__ = [
    "CHECK_LENGTH",
    "CheckinCode",
    "CodeRefused",
    "day_count",
    "default_day",
    "make_code",
    "validate_day",
    "verify_code",
]

#: Check characters per code (base32, 5 bits each: 40 bits).
CHECK_LENGTH = 8

_CODE_PATTERN = re.compile(r"^([A-Z0-9]+)-([1-9][0-9]{0,8})-([A-Z2-7]+)$")


class CodeRefused(ActionRefused):
    """A scanned or typed code is not a valid check-in code for this workshop.

    Attributes:
        reason: ``"malformed"`` (not a check-in code at all), ``"foreign"`` (another workshop's
            code) or ``"forged"`` (the check characters do not match: altered, mistyped or made up).
    """

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class CheckinCode:
    """A verified code: which workshop and which participant it names."""

    workshop_code: str
    participant_id: int

    def __str__(self) -> str:
        return f"{self.workshop_code}-{self.participant_id}"


def _check(workshop_code: str, participant_id: int, secret: bytes) -> str:
    # hmac and hashlib load OpenSSL; imported here so that opening the app does not wait for it.
    import hashlib
    import hmac

    message = f"{workshop_code}-{participant_id}".encode("ascii")
    digest = hmac.new(secret, message, hashlib.sha256).digest()
    return base64.b32encode(digest[:5]).decode("ascii")


def _clean_workshop_code(workshop_code: str) -> str:
    code = workshop_code.strip().upper()
    if not re.fullmatch(r"[A-Z0-9]+", code):
        raise InputError(
            f"Workshop code '{workshop_code}': use letters and digits only, so that it fits in a QR code."
        )
    return code


def make_code(workshop_code: str, participant_id: int, secret: bytes) -> str:
    """The text of a participant's QR code.

    Args:
        workshop_code: The workshop's short code (letters and digits).
        participant_id: The participant's roster id (positive).
        secret: The workshop's check-in secret.
    """
    if participant_id < 1:
        raise InputError(f"Participant id {participant_id}: a check-in code needs a positive id.")
    code = _clean_workshop_code(workshop_code)
    return f"{code}-{participant_id}-{_check(code, participant_id, secret)}"


def verify_code(text: str, workshop_code: str, secret: bytes) -> CheckinCode:
    """Check a scanned or typed code and say whom it names.

    Letter case and surrounding spaces are ignored (a scanner with Caps Lock on still works).

    Raises:
        CodeRefused: The text is not a check-in code, belongs to another workshop, or its check
            characters do not match; ``reason`` says which and the message says what to do.
    """
    cleaned = "".join(text.split()).upper()
    match = _CODE_PATTERN.match(cleaned)
    if match is None:
        shown = text.strip()[:40] or "(empty)"
        raise CodeRefused(
            "malformed",
            f"'{shown}' is not a check-in code. Scan the QR code on the name tag or the sign-in "
            "sheet, or search for the name.",
        )
    code_workshop, id_text, check = match.groups()
    own = _clean_workshop_code(workshop_code)
    if code_workshop != own:
        raise CodeRefused(
            "foreign",
            f"This code is for another workshop ({code_workshop}), not {own}. Search for the "
            "name instead, and print a new name tag if needed.",
        )
    participant_id = int(id_text)
    import hmac

    if not hmac.compare_digest(check, _check(own, participant_id, secret)):
        raise CodeRefused(
            "forged",
            "This code was not issued by this workshop file (its check characters do not match): "
            "it may be altered, mistyped or printed from another copy of the workshop. Search for "
            "the name instead.",
        )
    return CheckinCode(own, participant_id)


def day_count(start: date | None, end: date | None) -> int | None:
    """How many days the workshop lasts, or None when its dates are not set."""
    if start is None:
        return None
    return max(((end or start) - start).days, 0) + 1


def default_day(start: date | None, end: date | None, today: date) -> int:
    """The day to check people in for: today's workshop day, else day 1.

    Outside the workshop's dates (preparing beforehand, or a demonstration afterwards) the desk
    starts on day 1 and the user picks another day explicitly.
    """
    count = day_count(start, end)
    if start is None or count is None:
        return 1
    offset = (today - start).days + 1
    return offset if 1 <= offset <= count else 1


def validate_day(day: int, start: date | None, end: date | None) -> int:
    """Return ``day`` if the workshop has such a day.

    Raises:
        InputError: The day is below 1 or after the workshop's last day.
    """
    count = day_count(start, end)
    if day < 1 or (count is not None and day > count):
        allowed = f"1 to {count}" if count else "1 or more"
        raise InputError(f"Day {day}: this workshop has days {allowed}.")
    return day
