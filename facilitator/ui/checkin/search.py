"""Name search for people without their badge: type part of a name, pick, check in.

A scanner may fire while this field has the focus, so a code typed here is handed back to the
desk as a scan instead of being searched for.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal, SignalInstance
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.participants import Participant
from facilitator.ui.headed_table_model import HeadedTableModel
from facilitator.ui.keyed_rows_model import KeyedRowsModel

__all__ = ["FittedTableView", "SearchPanel", "looks_like_code", "make_table"]

_CODE_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")


def looks_like_code(text: str) -> bool:
    """Whether typed text has the shape of a check-in code (two dashes, no spaces)."""
    cleaned = text.strip().upper()
    return cleaned.count("-") == 2 and set(cleaned) <= _CODE_CHARS


class FittedTableView(QTableView):
    """A table that asks its layout for room to show every column whole.

    The desk's counts sit in a narrow side column; without this the first column, which takes
    what the others leave, shrank until "Law enforcement" read "Law …".
    """

    def minimumSizeHint(self) -> QSize:
        """At least as wide as the widest text (or title) of every column, side by side."""
        hint = super().minimumSizeHint()
        header = self.horizontalHeader()
        columns = range(self.model().columnCount()) if self.model() is not None else range(0)
        width = sum(max(self.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in columns)
        width += 2 * self.frameWidth() + self.verticalScrollBar().sizeHint().width()
        return QSize(max(hint.width(), width), hint.height())


def make_table(model: HeadedTableModel, stretch_column: int = 1, fit_columns: bool = False) -> QTableView:
    """A read-only table that never takes the keyboard focus from the scan field.

    Args:
        model: The rows.
        stretch_column: The column that takes the width left over.
        fit_columns: Ask for enough width to show every column whole (short tables of labels).
    """
    view = FittedTableView() if fit_columns else QTableView()
    view.setModel(model)
    if fit_columns:
        for signal in (model.modelReset, model.rowsInserted, model.dataChanged):
            signal.connect(view.updateGeometry)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    return view


class SearchPanel(QGroupBox):
    """Search field, matching people with today's status, and Check in / Print name tag.

    Signals:
        check_in_requested(int): check in this participant id.
        print_requested(int): print this participant's name tag.
        code_entered(str): a code was typed or scanned into the search field.
    """

    check_in_requested = Signal(int)
    print_requested = Signal(int)
    code_entered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Find by name (Ctrl+F)", parent)
        self.field = QLineEdit()
        self.field.setPlaceholderText(
            "Part of a name, delegation or agency; Up/Down to choose, Enter to check in"
        )
        self.field.setClearButtonEnabled(True)
        self.field.returnPressed.connect(self._on_field_return_pressed)
        self.field.installEventFilter(self)
        self._people: list[Participant] = []
        self.model = KeyedRowsModel(("Id", "Name", "Delegation", "Today"))
        self.table = make_table(self.model)
        self.table.doubleClicked.connect(lambda index: self._request(self.check_in_requested, index.row()))
        buttons = QHBoxLayout()
        for text, tip, signal in (
            ("Check in", "Check in the selected person (Enter)", self.check_in_requested),
            ("Print name tag", "Print the selected person's name tag", self.print_requested),
        ):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, s=signal: self._request(s, self.selected_row()))
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def show_results(self, people: list[Participant], times: dict[int, str]) -> None:
        """List matching people; ``times`` gives the check-in time of those already in today.

        The person chosen with Up and Down stays chosen when the list is shown again (someone
        else checked in at another desk); otherwise the first match is chosen.
        """
        self._people = people
        self.model.set_rows(
            [
                (p.id, (p.id, p.name, p.delegation_name, f"in at {times[p.id]}" if p.id in times else ""))
                for p in people
            ]
        )
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def show_times(self, times: dict[int, str]) -> None:
        """Update the "Today" column of the people listed (only rows that change are redrawn)."""
        self.show_results(self._people, times)

    def selected_row(self) -> int:
        """The chosen row (the first when none is chosen)."""
        index = self.table.currentIndex()
        return index.row() if index.isValid() else 0

    def _request(self, signal: SignalInstance, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            signal.emit(int(self.model.row_values(row)[0]))

    def _on_field_return_pressed(self) -> None:
        text = self.field.text()
        if looks_like_code(text):
            self.field.clear()
            self.code_entered.emit(text)
        else:
            self._request(self.check_in_requested, self.selected_row())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down in the search field move through the results."""
        if watched is self.field and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
            if step and self.model.rowCount():
                row = min(max(self.table.currentIndex().row() + step, 0), self.model.rowCount() - 1)
                self.table.selectRow(row)
                return True
        return super().eventFilter(watched, event)
