"""Dialogs of the Groups page: form a new round, and keep two people apart."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from facilitator.core.grouping import COUNTRY, SPREAD
from facilitator.core.participants import Participant
from facilitator.ui.widgets import action_buttons

__all__ = ["KeepApartDialog", "NewRoundDialog"]


class NewRoundDialog(QDialog):
    """Name, number of groups, mode and linked breakout session of a new round."""

    def __init__(
        self,
        suggested_name: str,
        breakouts: list[tuple[int, str]],
        people: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("New breakout round")
        self.name_edit = QLineEdit(suggested_name)
        self.groups_spin = QSpinBox()
        self.groups_spin.setRange(1, max(1, people))
        self.groups_spin.setValue(min(6, max(1, people)))
        self.mode_combo = QComboBox()
        self.mode_combo.addItem("Mixed groups: spread the countries", SPREAD)
        self.mode_combo.addItem("Country teams: keep each delegation together", COUNTRY)
        self.agenda_combo = QComboBox()
        self.agenda_combo.addItem("(not linked)", None)
        for item_id, title in breakouts:
            self.agenda_combo.addItem(title, item_id)
        form = QFormLayout(self)
        form.addRow("Round name", self.name_edit)
        form.addRow("Number of groups", self.groups_spin)
        form.addRow("Mode", self.mode_combo)
        form.addRow("Agenda session", self.agenda_combo)
        buttons = action_buttons(self, "Form groups")
        form.addRow(buttons)

    def choice(self) -> tuple[str, int, str, int | None]:
        """Name, number of groups, mode and agenda item id (or None)."""
        item = self.agenda_combo.currentData()
        return (
            self.name_edit.text(),
            self.groups_spin.value(),
            str(self.mode_combo.currentData()),
            int(item) if item is not None else None,
        )


class KeepApartDialog(QDialog):
    """Choose two people who must not share a group.

    A person counts as chosen only when the box holds a name from the list: typed text that
    matches no one must never stand for whoever happened to be selected before.
    """

    def __init__(self, people: list[Participant], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keep two people apart")
        self.first = QComboBox()
        self.second = QComboBox()
        for combo in (self.first, self.second):
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            for person in sorted(people, key=lambda p: p.name.casefold()):
                combo.addItem(f"{person.name} ({person.delegation})", person.id)
            combo.setCurrentIndex(-1)
            combo.lineEdit().setPlaceholderText("Type part of a name, then pick it")
            completer = combo.completer()
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            combo.editTextChanged.connect(self._on_choice_changed)
        self.hint = QLabel()
        form = QFormLayout(self)
        form.addRow("First person", self.first)
        form.addRow("Second person", self.second)
        form.addRow(self.hint)
        buttons = action_buttons(self, "Keep apart")
        self.keep_apart_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        form.addRow(buttons)
        self.setMinimumWidth(420)
        self._on_choice_changed()

    def pair(self) -> tuple[int, int] | None:
        """The two chosen participant ids, or None until two different people are chosen."""
        first, second = _chosen(self.first), _chosen(self.second)
        if first is None or second is None or first == second:
            return None
        return first, second

    def _on_choice_changed(self) -> None:
        first, second = _chosen(self.first), _chosen(self.second)
        self.keep_apart_button.setEnabled(self.pair() is not None)
        if first is not None and first == second:
            self.hint.setText("Choose two different people.")
        elif first is None or second is None:
            self.hint.setText("Choose each person from the list.")
        else:
            self.hint.setText("")


def _chosen(combo: QComboBox) -> int | None:
    """The participant whose list entry the box holds, if any (case does not matter)."""
    index = combo.findText(combo.currentText().strip(), Qt.MatchFlag.MatchFixedString)
    return int(combo.itemData(index)) if index >= 0 else None
