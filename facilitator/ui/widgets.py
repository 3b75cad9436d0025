"""Widget helpers every page shares."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QInputDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QWidget,
)

__all__ = ["action_buttons", "ask_text", "button", "scrolled_lines"]

#: Width of a one-line question: room for a section's title.
_ASK_WIDTH = 520


def button(
    text: str,
    slot: Callable[[], object],
    tip: str,
    shortcut: str | None = None,
    *,
    takes_focus: bool = True,
    narrow: bool = False,
) -> QPushButton:
    """A push button whose tooltip names its shortcut (active only while its page is shown).

    ``takes_focus=False`` keeps keyboard focus where it is when the button is clicked: the
    check-in desk's scan field and the timer's single-key shortcuts rely on that. ``narrow=True``
    makes a button as wide as its text (↑ and ↓), not the style's minimum for a word.
    """
    widget = QPushButton(text)
    if narrow:
        widget.setFixedWidth(
            widget.fontMetrics().horizontalAdvance(text) + 4 * widget.fontMetrics().averageCharWidth()
        )
    widget.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
    if shortcut:
        widget.setShortcut(QKeySequence(shortcut))
    if not takes_focus:
        widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    widget.clicked.connect(lambda _checked=False: slot())
    return widget


def ask_text(parent: QWidget, title: str, prompt: str, action: str, text: str = "") -> str | None:
    """Ask for one line of text; the answer, or None when cancelled.

    Unlike ``QInputDialog.getText`` the dialog is wide enough for a long title and its button
    names the action ("Rename", "Create v0.2") rather than "OK".
    """
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(prompt)
    dialog.setTextValue(text)
    dialog.setOkButtonText(action)
    dialog.resize(_ASK_WIDTH, dialog.sizeHint().height())
    return dialog.textValue() if dialog.exec() else None


def action_buttons(dialog: QDialog, action: str) -> QDialogButtonBox:
    """A dialog's buttons: the action by name ("Add day", not "OK") and Cancel, wired to it."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(action)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def scrolled_lines(label: QLabel, lines: int) -> QScrollArea:
    """A label of changing length shown at a fixed height of ``lines`` lines, scrolling beyond.

    The widgets above it keep their size whatever the text says.
    """
    area = QScrollArea()
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(label)
    area.setFixedHeight(lines * label.fontMetrics().lineSpacing() + 2 * area.frameWidth() + 8)
    return area
