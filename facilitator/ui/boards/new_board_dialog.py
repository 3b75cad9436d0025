"""The dialog that creates a free board: its title and its categories, on one form."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QWidget

from facilitator.app import board_setup
from facilitator.ui.controller import Controller
from facilitator.ui.widgets import action_buttons

__all__ = ["NewBoardDialog", "ask_new_board"]


class NewBoardDialog(QDialog):
    """Title and comma-separated categories of a new board.

    The dialog closes only once ``submit`` has created the board: a refusal (no title, no
    category) is explained and the dialog stays, with what was typed.

    Args:
        submit: Creates the board from ``(title, categories)``; returns whether it did.
    """

    def __init__(self, submit: Callable[[str, list[str]], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._submit = submit
        self.setWindowTitle("New board")
        self.setMinimumWidth(520)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("e.g. Good practice in joint inspections")
        self.categories_edit = QLineEdit()
        self.categories_edit.setPlaceholderText("e.g. Laws, Practice, Gaps")
        note = QLabel("Each category becomes a column. Separate them with commas.")
        note.setWordWrap(True)
        buttons = action_buttons(self, "Create board")
        form = QFormLayout(self)
        form.addRow("Title", self.title_edit)
        form.addRow("Categories", self.categories_edit)
        form.addRow(note)
        form.addRow(buttons)

    def accept(self) -> None:
        """Close only when the board was created."""
        if self._submit(self.title_edit.text(), self.categories_edit.text().split(",")):
            super().accept()


def ask_new_board(parent: QWidget, controller: Controller) -> str | None:
    """Ask for a title and categories and create a free board; returns its key (None if cancelled)."""
    created: list[str] = []

    def submit(title: str, categories: list[str]) -> bool:
        key = controller.run(board_setup.create_board, title, categories)
        if key:
            created.append(key)
        return bool(key)

    if not NewBoardDialog(submit, parent).exec() or not created:
        return None
    return created[0]
