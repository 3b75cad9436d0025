"""Tests of the one cleaner of user text: control characters never reach the store."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from facilitator.core.user_text import CONTROL_CHARACTERS, clean_line, strip_controls

_CONTROLS = "".join(chr(c) for c in (*range(0x20), 0x7F, *range(0x80, 0xA0)) if chr(c) not in "\t\n\r")


def test_every_control_character_is_removed_but_tab_and_line_breaks() -> None:
    """C0 (less tab, LF and CR), DEL and C1 go; the text around them and its line breaks stay."""
    assert strip_controls(f"Debt{_CONTROLS} bondage\n\tfees\r\n") == "Debt bondage\n\tfees\r\n"


def test_a_line_is_squashed_after_its_controls_go() -> None:
    """A name with a unit separator and a line break becomes one line with single spaces."""
    assert clean_line("  Somchai\x1f \n Phommachanh\x85 ") == "Somchai Phommachanh"


@given(st.text())
def test_no_control_character_survives(text: str) -> None:
    """Whatever is typed, the cleaned text holds no character the pattern names."""
    assert not CONTROL_CHARACTERS.search(strip_controls(text))
    assert not CONTROL_CHARACTERS.search(clean_line(text))
