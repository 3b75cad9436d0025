"""The desk's large coloured answer to each scan: green accepted, amber duplicate, red refused.

The person at the desk glances at it while handing over a badge, so it says who it was and what
to do in a few large words, and the colour alone tells the outcome from across the table.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from facilitator.core.participants import Participant

__all__ = ["FeedbackPanel"]

_STYLES = {
    "idle": ("#eef1f5", "#1d2433"),
    "search": ("#dbe7f7", "#1d2433"),
    "accepted": ("#1a7f37", "#ffffff"),
    "duplicate": ("#f0b429", "#1d2433"),
    "refused": ("#cf222e", "#ffffff"),
    "undone": ("#57606a", "#ffffff"),
}


def _who(person: Participant) -> str:
    native = (
        f"<br><span style='font-size:22pt'>{escape(person.native_name)}</span>" if person.native_name else ""
    )
    delegation = escape(person.delegation_name or "No delegation")
    return (
        f"<span style='font-size:30pt; font-weight:600'>{escape(person.name)}</span>{native}<br>{delegation}"
    )


class FeedbackPanel(QFrame):
    """A coloured panel with a headline, the person, and a line of detail.

    Attributes:
        state: ``idle``, ``search``, ``accepted``, ``duplicate``, ``refused`` or ``undone`` (for tests and
            screen readers as much as for the colour).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feedback")
        self.setMinimumHeight(190)
        self.headline = QLabel()
        self.body = QLabel()
        self.detail = QLabel()
        for label, size in ((self.headline, 20), (self.body, 18), (self.detail, 14)):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            font = label.font()
            font.setPointSize(size)
            label.setFont(font)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.headline)
        layout.addWidget(self.body)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        # One style sheet for every state, chosen by a property: setting a new sheet on each scan
        # re-parsed it and re-styled the panel, several milliseconds of every check-in.
        self.setStyleSheet(
            "".join(
                f'QFrame#feedback[state="{state}"] {{ background: {background}; border-radius: 10px; }}'
                f'QFrame#feedback[state="{state}"] QLabel {{ color: {ink}; background: transparent; }}'
                for state, (background, ink) in _STYLES.items()
            )
        )
        self.state = ""
        self.show_idle("Ready to scan")

    def _show(self, state: str, headline: str, body: str, detail: str) -> None:
        if state != self.state:
            self.state = state
            self.setProperty("state", state)
            for widget in (self, self.headline, self.body, self.detail):
                widget.style().unpolish(widget)
                widget.style().polish(widget)
        self.headline.setText(f"<b>{escape(headline)}</b>")
        self.body.setText(body)
        self.body.setVisible(bool(body))
        self.detail.setText(escape(detail))
        self.detail.setVisible(bool(detail))

    def show_idle(self, message: str) -> None:
        """Waiting for the next scan."""
        self._show("idle", message, "", "Scan a name tag or sign-in sheet, or search for a name.")

    def show_search(self, detail: str) -> None:
        """Neutral: what was typed is a name, not a code; the search lists matches."""
        self._show("search", "Searching by name", "", detail)

    def show_accepted(self, person: Participant, detail: str) -> None:
        """Green: checked in."""
        self._show("accepted", "Welcome", _who(person), detail)

    def show_duplicate(self, person: Participant, detail: str) -> None:
        """Amber: already checked in today; nothing changed."""
        self._show("duplicate", "Already checked in", _who(person), detail)

    def show_refused(self, headline: str, detail: str) -> None:
        """Red: not checked in, with the reason."""
        self._show("refused", headline, "", detail)

    def show_undone(self, detail: str) -> None:
        """Grey: the last check-in was undone."""
        self._show("undone", "Check-in undone", "", detail)
