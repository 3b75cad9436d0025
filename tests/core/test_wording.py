"""Counts with their nouns."""

from __future__ import annotations

from facilitator.core.wording import counted


def test_counted_is_plural_unless_the_count_is_one() -> None:
    assert [counted(n, "red flag") for n in (0, 1, 2)] == ["0 red flags", "1 red flag", "2 red flags"]
