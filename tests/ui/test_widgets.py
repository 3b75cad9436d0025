"""The shared push button: tooltip with its shortcut, focus policy, and a slot called bare."""

from __future__ import annotations

from PySide6.QtCore import Qt

from facilitator.ui.widgets import button


def test_button_names_its_shortcut_and_calls_the_slot_without_arguments(qtbot) -> None:  # type: ignore[no-untyped-def]
    calls: list[tuple[object, ...]] = []

    def slot(*args: object) -> None:
        calls.append(args)

    widget = button("Export PDF", slot, "Write the draft as PDF", "Ctrl+Shift+E")
    qtbot.addWidget(widget)
    widget.click()
    assert calls == [()]
    assert widget.toolTip() == "Write the draft as PDF (Ctrl+Shift+E)"
    assert widget.shortcut().toString() == "Ctrl+Shift+E"
    assert widget.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_button_can_leave_keyboard_focus_where_it_is(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = button("Start", lambda: None, "Start or pause the countdown (Space)", takes_focus=False)
    qtbot.addWidget(widget)
    assert widget.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert widget.toolTip() == "Start or pause the countdown (Space)"
