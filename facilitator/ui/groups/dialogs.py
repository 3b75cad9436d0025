"""Dialogs of the Groups page: form a new round (from whom, how many groups, which mode), and keep
two people apart."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from facilitator.app.groups import Who
from facilitator.core.grouping import COUNTRY, SPREAD
from facilitator.core.participants import Participant
from facilitator.ui.groups.models import PeopleChoiceModel
from facilitator.ui.widgets import action_buttons, button

__all__ = ["KeepApartDialog", "NewRoundDialog", "Takers"]


@dataclass(frozen=True, slots=True)
class Takers:
    """Whom a new round can be formed from, as the dialog offers it.

    Attributes:
        day: Today's workshop day.
        present: Those checked in today who take part in groups.
        roster: Everyone on the roster who takes part in groups.
        everyone: The whole roster, to choose from.
        default: What the dialog starts with (the people present once today's check-in has begun).
    """

    day: int
    present: int
    roster: int
    everyone: tuple[Participant, ...]
    default: Who


class NewRoundDialog(QDialog):
    """Name, people, number of groups, mode and linked breakout session of a new round.

    The people are those checked in today (the default once today's check-in has begun), the
    whole roster, or people chosen from a list; the number of groups follows the count.
    """

    def __init__(
        self,
        suggested_name: str,
        breakouts: list[tuple[int, str]],
        takers: Takers,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("New breakout round")
        self.takers = takers
        self.name_edit = QLineEdit(suggested_name)
        self.who_combo = QComboBox()
        self.who_combo.addItem(f"People checked in today, day {takers.day} ({takers.present})", "present")
        self.who_combo.addItem(f"Whole roster ({takers.roster})", "roster")
        self.who_combo.addItem("Choose people…", "selection")
        self.who_combo.setCurrentIndex(0 if takers.default.source == "present" else 1)
        self.people_model = PeopleChoiceModel(takers.everyone)
        self.chooser = _PeopleChooser(self.people_model)
        self.groups_spin = QSpinBox()
        self.mode_combo = QComboBox()
        self.mode_combo.addItem("Mixed groups: spread the countries", SPREAD)
        self.mode_combo.addItem("Country teams: keep each delegation together", COUNTRY)
        self.agenda_combo = QComboBox()
        self.agenda_combo.addItem("(not linked)", None)
        for item_id, title in breakouts:
            self.agenda_combo.addItem(title, item_id)
        form = QFormLayout(self)
        form.addRow("Round name", self.name_edit)
        form.addRow("People", self.who_combo)
        form.addRow(self.chooser)
        form.addRow("Number of groups", self.groups_spin)
        form.addRow("Mode", self.mode_combo)
        form.addRow("Agenda session", self.agenda_combo)
        buttons = action_buttons(self, "Form groups")
        self.form_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        form.addRow(buttons)
        self.who_combo.currentIndexChanged.connect(self._on_people_changed)
        self.people_model.dataChanged.connect(self._on_people_changed)
        self.groups_spin.setValue(6)
        self._on_people_changed()

    def people(self) -> int:
        """How many people the round would take."""
        source = self.who_combo.currentData()
        if source == "present":
            return self.takers.present
        if source == "roster":
            return self.takers.roster
        return len(self.people_model.chosen())

    def who(self) -> Who:
        """Whom the round is formed from."""
        source = self.who_combo.currentData()
        if source == "present":
            return Who.present(self.takers.day)
        if source == "selection":
            return Who.selection(self.people_model.chosen())
        return Who()

    def _on_people_changed(self, *_args: object) -> None:
        self.chooser.setVisible(self.who_combo.currentData() == "selection")
        people = self.people()
        wanted = self.groups_spin.value()
        self.groups_spin.setRange(1, max(1, people))
        self.groups_spin.setValue(min(wanted, max(1, people)))
        self.form_button.setEnabled(people > 0)
        self.form_button.setToolTip("" if people else "Nobody to form groups from: choose other people.")
        self.adjustSize()

    def choice(self) -> tuple[str, int, str, int | None, Who]:
        """Name, number of groups, mode, agenda item id (or None) and whom to form it from."""
        item = self.agenda_combo.currentData()
        return (
            self.name_edit.text(),
            self.groups_spin.value(),
            str(self.mode_combo.currentData()),
            int(item) if item is not None else None,
            self.who(),
        )


class _PeopleChooser(QWidget):
    """A filter box, All / None, and the people with a check box each."""

    def __init__(self, model: PeopleChoiceModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter by name, delegation or sector")
        self.filter.textChanged.connect(self._on_filter_text_changed)
        self.view = QListView()
        self.view.setModel(model)
        self.view.setMinimumHeight(220)
        row = QHBoxLayout()
        row.addWidget(self.filter, 1)
        row.addWidget(button("All", lambda: self.model.set_all(True, self._shown()), "Check everyone listed"))
        row.addWidget(
            button("None", lambda: self.model.set_all(False, self._shown()), "Uncheck everyone listed")
        )
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.view)

    def _shown(self) -> list[int]:
        return [row for row in range(self.model.rowCount()) if not self.view.isRowHidden(row)]

    def _on_filter_text_changed(self, text: str) -> None:
        words = text.casefold().split()
        for row in range(self.model.rowCount()):
            shown = str(self.model.data(self.model.index(row))).casefold()
            self.view.setRowHidden(row, not all(word in shown for word in words))


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
            line, completer = combo.lineEdit(), combo.completer()
            if line is not None and completer is not None:  # an editable combo box has both
                line.setPlaceholderText("Type part of a name, then pick it")
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
