"""Breakout groups page: rounds, group columns with drag and drop, pins, shuffle, lock, projector.

Left, the rounds and the keep-apart pairs; right, the round's agenda breakout session (a drop-down,
changeable at any time) and one column per group with member chips coloured by sector and marked
by sex and country, and under each group's name its counts coloured green inside the fair share,
red outside it, amber for a lone member. Dragging a chip to another column moves the person; the
colours follow at once.

Keys: Insert new round, Ctrl+R shuffle with a new seed, Ctrl+L lock or unlock, Space pin or unpin
the selected person, Alt+Left / Alt+Right move them to the previous / next group, Ctrl+Shift+P
print the group lists, F5 projector. Undo and redo are the window's Ctrl+Z and Ctrl+Shift+Z.
Solving runs off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.app import group_documents, group_setup, groups, roster
from facilitator.app.changes import AGENDA, GROUPS, ROSTER, Changes
from facilitator.app.exports import EXPORT_KINDS, ExportOptions, default_output
from facilitator.app.groups import RoundPlan, RoundView
from facilitator.app.session import WorkshopSession
from facilitator.core.grouping import SPREAD, Eligibility
from facilitator.ui.controller import Controller
from facilitator.ui.groups.agenda_link import AgendaLinkChoice
from facilitator.ui.groups.chips import balance_badges
from facilitator.ui.groups.columns import GroupColumn
from facilitator.ui.groups.dialogs import KeepApartDialog, NewRoundDialog
from facilitator.ui.groups.models import RoundsModel
from facilitator.ui.groups.projector import GroupsProjector
from facilitator.ui.rows_model import RowsModel
from facilitator.ui.widgets import button

__all__ = ["GroupsPage"]

Planner = Callable[[WorkshopSession], RoundPlan]


class GroupsPage(QWidget):
    """Form, adjust and announce breakout groups.

    Signals:
        round_formed(int): a round was formed or shuffled (its id), after the background solve.
    """

    round_formed = Signal(int)

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.view: RoundView | None = None
        self.projector: GroupsProjector | None = None
        self.columns: list[GroupColumn] = []
        self._selected_column: GroupColumn | None = None

        self.rounds_model = RoundsModel()
        self.rounds_list = QListView()
        self.rounds_list.setModel(self.rounds_model)
        self.rounds_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rounds_list.selectionModel().currentChanged.connect(self._on_rounds_current_changed)
        self.apart_model = RowsModel(["Keep apart", "and"])
        self.apart_table = QTableView()
        self.apart_table.setModel(self.apart_model)
        self.apart_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.apart_table.verticalHeader().setVisible(False)
        self.apart_table.horizontalHeader().setStretchLastSection(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel("<b>Rounds</b>"))
        left_layout.addWidget(self.rounds_list, 2)
        row = QHBoxLayout()
        row.addWidget(button("New round…", self.new_round, "Form a new round of groups (Insert)"))
        row.addWidget(button("Delete", self.delete_round, "Delete the selected round (undo brings it back)"))
        left_layout.addLayout(row)
        left_layout.addWidget(QLabel("<b>Never in the same group</b>"))
        left_layout.addWidget(self.apart_table, 1)
        row = QHBoxLayout()
        row.addWidget(
            button("Keep apart…", self.add_keep_apart, "Choose two people who must not share a group")
        )
        row.addWidget(button("Remove pair", self.remove_keep_apart, "Drop the selected keep-apart pair"))
        left_layout.addLayout(row)

        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.subheading = QLabel()
        self.agenda_link = AgendaLinkChoice()
        self.agenda_link.link_chosen.connect(self.link_agenda_item)
        self.shuffle_button = button(
            "Shuffle", self.shuffle, "Form the round again with a new seed; pins stay (Ctrl+R)"
        )
        self.lock_button = button("Lock", self.toggle_lock, "Lock the round once announced (Ctrl+L)")
        self.pin_button = button(
            "Pin / unpin", self.toggle_pin, "Keep the selected person in their group (Space)"
        )
        actions = [
            self.shuffle_button,
            self.lock_button,
            self.pin_button,
            button("Undo", controller.undo, "Undo the last change (Ctrl+Z)"),
            button("Redo", controller.redo, "Redo (Ctrl+Shift+Z)"),
            button("Print lists", self.print_round, "Group lists PDF for this round (Ctrl+Shift+P)"),
            button("Projector", self.open_projector, "Show the groups on the room's screen (F5)"),
        ]
        toolbar = QHBoxLayout()
        toolbar.addWidget(self.heading)
        toolbar.addStretch(1)
        for widget in actions:
            toolbar.addWidget(widget)
        self.columns_host = QWidget()
        self.columns_layout = QHBoxLayout(self.columns_host)
        self.columns_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.columns_host)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(toolbar)
        details = QHBoxLayout()
        details.addWidget(self.subheading, 1)
        details.addWidget(QLabel("Agenda session"))
        details.addWidget(self.agenda_link)
        right_layout.addLayout(details)
        right_layout.addWidget(scroll, 1)
        right_layout.addWidget(self.summary)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([240, 1100])
        QVBoxLayout(self).addWidget(splitter)
        self._shortcuts()
        controller.workshop_changed.connect(self._on_workshop_changed)
        controller.workshop_opened.connect(self._on_workshop_opened)
        self.refresh()

    def _shortcuts(self) -> None:
        for key, slot in [
            ("Insert", self.new_round),
            ("Ctrl+R", self.shuffle),
            ("Ctrl+L", self.toggle_lock),
            ("Space", self.toggle_pin),
            ("Alt+Left", lambda: self.move_selected(-1)),
            ("Alt+Right", lambda: self.move_selected(1)),
            ("Ctrl+Shift+P", self.print_round),
            ("F5", self.open_projector),
        ]:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(shortcut.context().WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # Showing ------------------------------------------------------------------------------------

    @property
    def session(self) -> WorkshopSession:
        """The open workshop."""
        return self.controller.session

    def refresh(self) -> None:
        """Reload the rounds and the selected round from the workshop."""
        current = self.view.id if self.view else None
        self.rounds_model.set_rounds(groups.rounds(self.session))
        self.apart_model.set_rows([(a.name, b.name) for a, b in group_setup.keep_apart_pairs(self.session)])
        row = self.rounds_model.row_of(current) if current is not None else None
        if row is None and self.rounds_model.rowCount():
            row = 0
        if row is None:
            self._show(None)
            return
        self.rounds_list.selectionModel().blockSignals(True)
        self.rounds_list.setCurrentIndex(self.rounds_model.index(row))
        self.rounds_list.selectionModel().blockSignals(False)
        self._show(groups.load_round(self.session, self.rounds_model.round_at(row).id))

    def select_round(self, round_id: int) -> None:
        """Show a round."""
        row = self.rounds_model.row_of(round_id)
        if row is not None:
            self.rounds_list.setCurrentIndex(self.rounds_model.index(row))

    def _on_rounds_current_changed(self, current: object, _previous: object) -> None:
        row = self.rounds_list.currentIndex().row()
        if 0 <= row < self.rounds_model.rowCount():
            self._show(groups.load_round(self.session, self.rounds_model.round_at(row).id))

    def _show(self, view: RoundView | None) -> None:
        selected = self.selected_member()
        self.view = view
        count = len(view.groups) if view else 0
        while len(self.columns) > count:
            column = self.columns.pop()
            column.setParent(None)
            column.deleteLater()
        while len(self.columns) < count:
            column = GroupColumn(len(self.columns), self._on_drop_requested, self._on_column_selected)
            self.columns_layout.insertWidget(len(self.columns), column)
            self.columns.append(column)
        editable = view is not None and not view.locked
        if view is not None:
            for number, column in enumerate(self.columns):
                badges = balance_badges(view.quality.balances, number)
                column.show_group(
                    view.round.group_names[number], view.groups[number], view.pinned, editable, badges
                )
        for widget in (self.shuffle_button, self.pin_button):
            widget.setEnabled(editable)
        self.lock_button.setEnabled(view is not None)
        self.lock_button.setText("Unlock" if view and view.locked else "Lock")
        self.heading.setText(view.name if view else "No breakout rounds yet")
        self.subheading.setText(self._subheading(view))
        self.agenda_link.show_round(view, groups.breakout_items(self.session) if view else [])
        self.summary.setText(self._summary(view))
        if selected is not None:
            self.select_member(selected)
        if self.projector is not None:
            self.projector.show_round(view)

    @staticmethod
    def _subheading(view: RoundView | None) -> str:
        if view is None:
            return "Press New round… to form balanced groups from the roster."
        mode = "Country teams" if view.round.mode == "country" else "Mixed groups"
        parts = [mode, f"seed {view.round.seed}"]
        if view.locked:
            parts.append("locked (announced)")
        if view.unplaced:
            parts.append(f"not yet in a group: {', '.join(p.name for p in view.unplaced)}")
        return " · ".join(p for p in parts if p)

    @staticmethod
    def _summary(view: RoundView | None) -> str:
        if view is None:
            return ""
        quality = view.quality
        colour = "#1a7f37" if quality.optimal else "#b42318"
        verdict = "Balanced as well as possible" if quality.optimal else "Not at the best balance"
        lines = [
            f'<b style="color:{colour}">{verdict}.</b> {quality.excess} placements outside the fair share '
            f"(fewest possible {quality.lower_bound}); lone members {quality.lone} "
            f"(fewest {quality.lone_bound}); pairs meeting again {quality.repeats} "
            f"(fewest {quality.repeat_bound})."
        ]
        lines += [escape(problem) for problem in quality.problems]
        return "<br>".join(lines)

    def _on_workshop_changed(self, changes: Changes) -> None:
        if changes.touches(GROUPS, ROSTER, AGENDA):
            self.refresh()

    def _on_workshop_opened(self) -> None:
        self.view = None
        self.refresh()

    # Members ------------------------------------------------------------------------------------

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

    def _on_drop_requested(self, participant_id: int, group: int, row: int) -> None:
        self.move_member(participant_id, group, row)

    def move_member(self, participant_id: int, group: int, index: int | None = None) -> bool:
        """Move a person to a group (what a drag and drop does); False if it was refused."""
        if self.view is None:
            return False
        done = self.controller.run(groups.move_member, self.view.id, participant_id, group, index) is not None
        if done:
            self.select_member(participant_id)
        return done

    def move_selected(self, step: int) -> None:
        """Move the selected person to the previous (−1) or next (+1) group."""
        participant = self.selected_member()
        current = self.group_of(participant) if participant is not None else None
        if participant is not None and current is not None and 0 <= current + step < len(self.columns):
            self.move_member(participant, current + step)

    def toggle_pin(self, participant_id: int | None = None) -> None:
        """Pin the selected (or given) person to their group, or unpin them."""
        participant = participant_id if participant_id is not None else self.selected_member()
        if self.view is None or participant is None:
            return
        pinned = participant not in self.view.pinned
        self.controller.run(groups.set_pinned, self.view.id, participant, pinned)

    # Rounds -------------------------------------------------------------------------------------

    def _solve(self, title: str, planner: Planner) -> None:
        path = self.session.path

        def work(_progress: Callable[[int, int], None]) -> RoundPlan:
            reader = WorkshopSession.open_reader(path)
            try:
                return planner(reader)
            finally:
                reader.close()

        self.controller.run_task(title, work, self._on_planned)

    def _on_planned(self, plan: RoundPlan) -> None:
        view = self.controller.run(groups.apply_plan, plan)
        if view is not None:
            self.select_round(view.id)
            self.round_formed.emit(view.id)

    def new_round(
        self,
        name: str | None = None,
        count: int | None = None,
        mode: str | None = None,
        agenda_item: int | None = None,
    ) -> None:
        """Form a new round: from the arguments, or as asked in a dialog."""
        if name is None or count is None:
            dialog = NewRoundDialog(
                f"Breakout {self.rounds_model.rowCount() + 1}",
                groups.breakout_items(self.session),
                len(Eligibility().select(roster.participants(self.session))),
                self,
            )
            if not dialog.exec():
                return
            name, count, mode, agenda_item = dialog.choice()
        title, groups_wanted, how, item = name, count, mode or SPREAD, agenda_item
        self._solve(
            f"Form {title}",
            lambda s: groups.plan_round(s, title, groups_wanted, mode=how, agenda_item=item),
        )

    def shuffle(self) -> None:
        """Form the shown round again with the next seed, keeping pinned people in place."""
        if self.view is not None and not self.view.locked:
            round_id = self.view.id
            self._solve(f"Shuffle {self.view.name}", lambda s: groups.plan_reshuffle(s, round_id))

    def toggle_lock(self) -> None:
        """Lock the shown round (announced: no more changes), or unlock it."""
        if self.view is not None:
            self.controller.run(groups.set_locked, self.view.id, not self.view.locked)

    def link_agenda_item(self, item_id: int | None) -> None:
        """Link the shown round to another agenda breakout session (None: to none)."""
        if self.view is not None:
            self.controller.run(groups.link_agenda_item, self.view.id, item_id)

    def delete_round(self) -> None:
        """Delete the shown round after asking."""
        if self.view is None:
            return
        answer = QMessageBox.question(self, "Delete round", f"Delete {self.view.name}? Undo brings it back.")
        if answer == QMessageBox.StandardButton.Yes:
            self.controller.run(groups.delete_round, self.view.id)

    def add_keep_apart(self) -> None:
        """Ask for two people who must never share a group."""
        dialog = KeepApartDialog(roster.participants(self.session), self)
        pair = dialog.pair() if dialog.exec() else None
        if pair is not None:
            self.controller.run(group_setup.add_keep_apart, *pair)

    def remove_keep_apart(self) -> None:
        """Drop the selected keep-apart pair."""
        rows = self.apart_table.selectionModel().selectedRows()
        pairs = group_setup.keep_apart_pairs(self.session)
        if rows and rows[0].row() < len(pairs):
            first, second = pairs[rows[0].row()]
            self.controller.run(group_setup.remove_keep_apart, first.id, second.id)

    def print_round(self) -> None:
        """Write the shown round's group lists in the background and preview them."""
        if self.view is None:
            return
        round_id, path = self.view.id, self.session.path
        target = default_output(self.session, EXPORT_KINDS["groups"], ExportOptions())

        def work(progress: Callable[[int, int], None]) -> object:
            reader = WorkshopSession.open_reader(path)
            try:
                return group_documents.export_round(reader, target, round_id, progress)
            finally:
                reader.close()

        self.controller.run_task("Print group lists", work, self.controller.show_document)

    def projector_window(self) -> GroupsProjector:
        """The projector window, made on first use and kept in step with the page."""
        if self.projector is None:
            self.projector = GroupsProjector()
            self.projector.show_round(self.view)
        return self.projector

    def open_projector(self, screen: int | None = None) -> GroupsProjector:
        """Show the groups on the room's screen (the last screen by default)."""
        projector = self.projector_window()
        projector.show_on_screen(screen)
        return projector
