"""The board page's voting line: who is voting, the dot budgets, the dots left, and the room.

Dots are placed on the focused card with + and −, for the group chosen here; the budgets are the
board's, saved when a box is left.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QToolButton, QWidget

from facilitator.core.boards import BoardSnapshot
from facilitator.ui.boards.board_status import dots_text

__all__ = ["VotingBar"]


class VotingBar(QWidget):
    """Voting group, dots per group and per category, dots left, and the room's button.

    Signals:
        budget_edited(int, int): the user set the budgets (per group, per category; 0: no limit).
        group_changed(): another voting group was chosen.

    Args:
        room: The action that opens the room to phones.
    """

    budget_edited = Signal(int, int)
    group_changed = Signal()

    def __init__(self, room: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QComboBox()
        self.group.setEditable(True)
        self.group.setAccessibleName("Voting group")
        self.group_budget = QSpinBox()
        self.group_budget.setRange(1, 99)
        self.group_budget.setToolTip("Dots each group may place on this board")
        self.category_budget = QSpinBox()
        self.category_budget.setRange(0, 99)
        self.category_budget.setSpecialValueText("no limit")
        self.category_budget.setToolTip("Dots each group may place in one category (0: no limit)")
        self.dots_label = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("Voting as"))
        layout.addWidget(self.group)
        layout.addWidget(QLabel("Dots per group"))
        layout.addWidget(self.group_budget)
        layout.addWidget(QLabel("per category"))
        layout.addWidget(self.category_budget)
        layout.addWidget(self.dots_label, 1)
        # Here rather than at the end of the crowded tool bar, where a 1280-pixel projector screen
        # would fold it away.
        button = QToolButton()
        button.setDefaultAction(room)
        layout.addWidget(button)
        self.group.currentTextChanged.connect(lambda _text: self.group_changed.emit())
        self.group_budget.editingFinished.connect(self._on_budget_edited)
        self.category_budget.editingFinished.connect(self._on_budget_edited)
        self._budgets = (0, 0)

    def set_groups(self, names: Sequence[str]) -> None:
        """Offer these groups, keeping the one chosen (else the first)."""
        voting = self.group.currentText()
        self.group.clear()
        self.group.addItems(list(names))
        self.group.setCurrentText(voting or (names[0] if names else ""))

    def show_board(self, snapshot: BoardSnapshot) -> None:
        """Show the board's budgets (not over a box being typed in) and the group's dots left."""
        board = snapshot.board
        self._budgets = (board.group_budget, board.category_budget)
        for spin, value in zip((self.group_budget, self.category_budget), self._budgets, strict=True):
            if not spin.hasFocus() and spin.value() != value:
                spin.setValue(value)
        self.dots_label.setText(dots_text(snapshot, self.group.currentText()))

    def _on_budget_edited(self) -> None:
        wanted = (self.group_budget.value(), self.category_budget.value())
        if wanted != self._budgets:
            self.budget_edited.emit(*wanted)
