"""Adding a card with the keyboard only: type the red flag, Tab to its category, Enter.

The category box completes from the board's categories as the rapporteur types (any part of the
name or its id), and what is typed is filed by the rule every way in shares
(:meth:`~facilitator.core.boards.Board.find_category`), so "debt" Enter files the card under "Debt
bondage". The group stays chosen
between cards, because a group usually writes several in a row.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from facilitator.core.boards import UNSORTED_LABEL, Board

__all__ = ["AddCardBar"]


class AddCardBar(QWidget):
    """Red-flag text, category with completion, group, and an Add button.

    Signals:
        add_requested(str, str, str): text, category as typed, group — on Enter or Add.
    """

    add_requested = Signal(str, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLineEdit()
        self.text.setPlaceholderText("Write a red flag, Tab to its category, Enter to add (Ctrl+Shift+N)")
        self.text.setAccessibleName("Red flag")
        self.category = QLineEdit()
        self.category.setPlaceholderText("Category (type to search)")
        self.category.setAccessibleName("Category")
        self._categories = QStringListModel(self)
        self.completer = QCompleter(self._categories, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.category.setCompleter(self.completer)
        self.group = QComboBox()
        self.group.setMinimumWidth(120)
        self.group.setAccessibleName("Group")
        # The group is typed as often as chosen: the box edits through a line edit of its own.
        self.group_edit = QLineEdit()
        self.group_edit.setPlaceholderText("Group")
        self.group.setLineEdit(self.group_edit)
        self.add_button = QPushButton("Add card")
        self.add_button.setToolTip("Add the red flag to the board (Enter)")

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("New card:"))
        layout.addWidget(self.text, 3)
        layout.addWidget(self.category, 2)
        layout.addWidget(QLabel("by"))
        layout.addWidget(self.group, 1)
        layout.addWidget(self.add_button)
        QWidget.setTabOrder(self.text, self.category)
        QWidget.setTabOrder(self.category, self.group)
        QWidget.setTabOrder(self.group, self.add_button)

        self.text.returnPressed.connect(self.submit)
        self.category.returnPressed.connect(self.submit)
        self.completer.activated.connect(self._on_completer_activated)
        self.group_edit.returnPressed.connect(self.submit)
        self.add_button.clicked.connect(self.submit)
        self._submitting = False

    def set_categories(self, board: Board) -> None:
        """Offer the board's categories (labels first, then ids) for completion."""
        names = [c.label for c in board.categories] + [c.key for c in board.categories] + [UNSORTED_LABEL]
        self._categories.setStringList(names)

    def set_groups(self, names: Sequence[str]) -> None:
        """Offer group names, keeping what is typed."""
        current = self.group.currentText()
        self.group.blockSignals(True)
        self.group.clear()
        self.group.addItems([""] + [n for n in names if n])
        self.group.setCurrentText(current)
        self.group.blockSignals(False)

    def submit(self) -> None:
        """Ask for the card to be added, if there is text.

        Enter in the completion list both completes the category and reaches the box; the card is
        asked for once, after the completion.
        """
        popup = self.completer.popup()
        if popup is not None and popup.isVisible():
            if popup.currentIndex().isValid():
                return
            popup.hide()
        if self._submitting:
            return
        if not self.text.text().strip():
            self.text.setFocus()
            return
        self._submitting = True
        QTimer.singleShot(0, self._on_submit_settled)
        self.add_requested.emit(self.text.text(), self.category.text(), self.group.currentText())

    def _on_submit_settled(self) -> None:
        self._submitting = False

    def _on_completer_activated(self, text: str) -> None:
        self.category.setText(text)
        popup = self.completer.popup()
        if popup is not None:
            popup.hide()
        self.submit()

    def card_added(self) -> None:
        """Clear the text for the next card and put the cursor back in it."""
        self.text.clear()
        self.text.setFocus()
