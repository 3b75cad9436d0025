"""The banner above a round's groups: who is waiting for a group, and where the latest late
arrivals went.

At 9:05 a third of the room may not be there yet. Once the round is formed from those present,
each person checked in later appears here as waiting; "Add late arrivals" places them all where
they do the least harm, and the banner then says where each one went, so the facilitator can
send them to their table (the projector shows the same line).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from facilitator.app.groups import RoundView
from facilitator.core.participants import Participant
from facilitator.ui.groups.chips import LATE_COLOUR
from facilitator.ui.widgets import button

__all__ = ["ArrivalsBar", "arrivals_text"]

_WAITING_STYLE = "background: #fff7ed; border: 1px solid #fdba74; border-radius: 6px; padding: 6px;"
_JOINED_STYLE = "background: #f0fdf4; border: 1px solid #86efac; border-radius: 6px; padding: 6px;"


def arrivals_text(view: RoundView) -> str:
    """ "Sok Chanthy → Group 3 (Mekong room) · …" for the latest late arrivals, or ""."""
    names = view.round.group_names
    parts = []
    for person, number in view.latest_arrivals():
        place = view.place(number)
        parts.append(f"{person.name} → {names[number]}" + (f" ({place})" if place else ""))
    return " · ".join(parts)


class ArrivalsBar(QWidget):
    """Waiting people with the "Add late arrivals" button, or where the latest ones went.

    Signals:
        add_requested(): the facilitator asked to place the people waiting.
    """

    add_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.add_button: QPushButton = button(
            "Add late arrivals",
            self.add_requested.emit,
            "Place everyone waiting where they do the least harm; nobody already placed moves",
            "Ctrl+Shift+A",
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.add_button)
        self.setVisible(False)

    def show_round(self, view: RoundView | None) -> None:
        """Show the round's waiting people, else its latest late arrivals, else nothing."""
        waiting = view.unplaced if view is not None else ()
        joined = arrivals_text(view) if view is not None else ""
        self.show_waiting(waiting, joined)

    def show_waiting(self, waiting: tuple[Participant, ...], joined: str = "") -> None:
        """Show who waits (the button then places them) or, when nobody does, who joined last."""
        if waiting:
            count = len(waiting)
            who = "person is" if count == 1 else "people are"
            names = ", ".join(escape(p.name) for p in waiting)
            self.label.setText(f"<b>{count} {who} waiting for a group:</b> {names}")
            self.label.setStyleSheet(_WAITING_STYLE)
            self.add_button.setText(f"Add late arrivals ({count})")
        elif joined:
            self.label.setText(f'<b style="color:{LATE_COLOUR}">Joined late:</b> {escape(joined)}')
            self.label.setStyleSheet(_JOINED_STYLE)
        self.add_button.setVisible(bool(waiting))
        self.add_button.setEnabled(bool(waiting))
        self.setVisible(bool(waiting or joined))
