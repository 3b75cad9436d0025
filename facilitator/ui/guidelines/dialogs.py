"""The guidelines page's dialog for merging key actions."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.guidelines import KeyAction
from facilitator.ui.widgets import action_buttons

__all__ = ["MergeDialog"]


class MergeDialog(QDialog):
    """Shows the key actions to be merged and lets the facilitator word the merged one.

    The first action chosen is kept; its wording is the starting point, and the others are shown
    so that nothing they said is lost when they are folded in.
    """

    def __init__(self, actions: Sequence[KeyAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Merge {len(actions)} key actions")
        self.setMinimumWidth(560)
        self.action_ids = [a.id for a in actions]
        listing = "".join(
            f"<li>{_escape(a.action)}"
            + (f" <i>({_escape(a.source_group)})</i>" if a.source_group else "")
            + "</li>"
            for a in actions
        )
        intro = QLabel(
            f"<p>These key actions become one:</p><ol>{listing}</ol>"
            "<p>Lead agencies, partners, groups and Manila recommendations are combined. "
            "Word the merged action:</p>"
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        self.wording = QPlainTextEdit(actions[0].action)
        self.wording.setTabChangesFocus(True)
        self.wording.setFixedHeight(90)
        buttons = action_buttons(self, "Merge")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.wording)
        layout.addWidget(buttons)

    @property
    def text(self) -> str:
        """The wording entered."""
        return self.wording.toPlainText()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
