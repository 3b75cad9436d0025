"""The columns of a round on the Groups page, side by side, with the chip selection across them.

One chip at most is selected in the whole board (selecting in one column clears the others), so
the page's keys (Space, Alt+Left / Alt+Right) always act on one person.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QWidget

from facilitator.app.groups import RoundView
from facilitator.ui.groups.chips import balance_badges
from facilitator.ui.groups.columns import GroupColumn

__all__ = ["GroupBoard"]


class GroupBoard(QScrollArea):
    """A scrollable row of group columns.

    Args:
        on_drop: Called with (participant id, group, row) when a chip is dropped on a column.
        on_place: Called with (group, text) when a group's place is edited.
    """

    def __init__(
        self,
        on_drop: Callable[[int, int, int], None],
        on_place: Callable[[int, str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._on_drop = on_drop
        self._on_place = on_place
        self.columns: list[GroupColumn] = []
        self._selected_column: GroupColumn | None = None
        self.host = QWidget()
        self.row = QHBoxLayout(self.host)
        self.row.addStretch(1)
        self.setWidgetResizable(True)
        self.setWidget(self.host)

    def show_round(self, view: RoundView | None) -> None:
        """One column per group of the round, keeping the selected chip selected."""
        selected = self.selected_member()
        count = len(view.groups) if view else 0
        while len(self.columns) > count:
            column = self.columns.pop()
            column.setParent(None)
            column.deleteLater()
        while len(self.columns) < count:
            column = GroupColumn(len(self.columns), self._on_drop, self._on_column_selected, self._on_place)
            self.row.insertWidget(len(self.columns), column)
            self.columns.append(column)
        if view is not None:
            editable = not view.locked
            late = frozenset(view.arrivals)
            for number, column in enumerate(self.columns):
                badges = balance_badges(view.quality.balances, number)
                members = view.groups[number]
                name = view.round.group_names[number]
                column.show_group(name, members, view.pinned, editable, badges, view.place(number), late)
        if selected is not None:
            self.select_member(selected)

    def _on_column_selected(self, column: GroupColumn) -> None:
        if self._selected_column is not None and self._selected_column is not column:
            self._selected_column.clear_selection()
        self._selected_column = column

    def selected_member(self) -> int | None:
        """The participant id of the selected chip, if any."""
        for column in self.columns:
            person = column.selected()
            if person is not None:
                return person.id
        return None

    def select_member(self, participant_id: int) -> bool:
        """Select a member's chip wherever it is."""
        for column in self.columns:
            if column.select(participant_id):
                self._on_column_selected(column)
                return True
        return False

    def group_of(self, participant_id: int) -> int | None:
        """The group (0-based) a participant is shown in."""
        return next((c.number for c in self.columns if c.model.row_of(participant_id) is not None), None)
