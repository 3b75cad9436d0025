"""Breakout groups page: rounds, group columns with drag and drop, late arrivals, places, projector.

Left, the rounds and the keep-apart pairs; right, the round's agenda breakout session (a drop-down,
changeable at any time), a banner with the people waiting for a group (or where the latest late
arrivals went), and one column per group: its place, its counts coloured green inside the fair
share, red outside it, amber for a lone member, and its members as chips coloured by sector and
marked by sex, country, role and lateness. Dragging a chip to another column moves the person;
the colours follow at once. Under the columns, every objective against its bound.

Keys: Insert new round, Ctrl+R shuffle with a new seed, Ctrl+L lock or unlock, Ctrl+Shift+A add
late arrivals, Space pin or unpin the selected person, Alt+Left / Alt+Right move them to the
previous / next group, Ctrl+Shift+P print the group lists, F5 projector. Undo and redo are the
window's Ctrl+Z and Ctrl+Shift+Z. Solving and placing late arrivals run off the GUI thread. The
page reopens on the round it showed last, per workshop.
"""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QSplitter, QVBoxLayout, QWidget

from facilitator.app import group_documents, groups, roster
from facilitator.app.changes import AGENDA, CHECKIN, GROUPS, ROSTER, Changes
from facilitator.app.checkin import current_day
from facilitator.app.exports import EXPORT_KINDS, ExportOptions, default_output
from facilitator.app.groups import PRESENT, LateArrivals, LatePlan, RoundPlan, RoundView, Who
from facilitator.app.session import WorkshopSession
from facilitator.core.grouping import SPREAD, Eligibility
from facilitator.ui.change_follower import ChangeFollower
from facilitator.ui.controller import Controller
from facilitator.ui.groups.agenda_link import AgendaLinkChoice
from facilitator.ui.groups.arrivals import ArrivalsBar, arrivals_text
from facilitator.ui.groups.board import GroupBoard
from facilitator.ui.groups.columns import GroupColumn
from facilitator.ui.groups.dialogs import NewRoundDialog, Takers
from facilitator.ui.groups.feed import GroupFeed
from facilitator.ui.groups.projector import GroupsProjector
from facilitator.ui.groups.report import subheading, summary
from facilitator.ui.groups.rounds_panel import RoundsPanel
from facilitator.ui.widgets import button, scrolled_lines

__all__ = ["GroupsPage"]


class GroupsPage(QWidget):
    """Form, adjust and announce breakout groups.

    Signals:
        round_formed(int): a round was formed or shuffled (its id), after the background solve.
        late_added(int): late arrivals were added to a round (its id), after the background placing.
    """

    round_formed = Signal(int)
    late_added = Signal(int)

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.view: RoundView | None = None
        self.projector: GroupsProjector | None = None
        self.feed = GroupFeed(controller, self)
        self.feed.round_changed.connect(self._show)
        self.panel = RoundsPanel(controller, self.new_round, self.delete_round)
        self.rounds_model = self.panel.rounds_model
        self.rounds_list = self.panel.rounds_list
        self.rounds_list.selectionModel().currentChanged.connect(self._on_rounds_current_changed)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.subheading = QLabel()
        self.agenda_link = AgendaLinkChoice()
        self.agenda_link.link_chosen.connect(self.link_agenda_item)
        self.arrivals = ArrivalsBar()
        self.arrivals.add_requested.connect(self.add_late)
        self.shuffle_button = button(
            "Shuffle", self.shuffle, "Form the round again with a new seed; pins stay (Ctrl+R)"
        )
        self.lock_button = button("Lock", self.toggle_lock, "Lock the round once announced (Ctrl+L)")
        self.pin_button = button(
            "Pin / unpin", self.toggle_pin, "Keep the selected person in their group (Space)"
        )
        self.board = GroupBoard(self._on_drop_requested, self.set_place)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        # At a fixed height: the report grows by a line per problem after a drag, and taking
        # that height from the columns gave every one of them a scroll bar.
        self.summary_area = scrolled_lines(self.summary, 6)
        self._build_layout()
        self._shortcuts()
        self.follower = ChangeFollower(
            self, controller, self._on_workshop_changed, GROUPS, ROSTER, AGENDA, CHECKIN
        )
        controller.workshop_opened.connect(self._on_workshop_opened)
        self.refresh()

    def _build_layout(self) -> None:
        actions = [
            self.shuffle_button,
            self.lock_button,
            self.pin_button,
            button("Undo", self.controller.undo, "Undo the last change (Ctrl+Z)"),
            button("Redo", self.controller.redo, "Redo (Ctrl+Shift+Z)"),
            button("Print lists", self.print_round, "Group lists PDF for this round (Ctrl+Shift+P)"),
            button("Projector", self.open_projector, "Show the groups on the room's screen (F5)"),
        ]
        toolbar = QHBoxLayout()
        toolbar.addWidget(self.heading)
        toolbar.addStretch(1)
        for widget in actions:
            toolbar.addWidget(widget)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(toolbar)
        details = QHBoxLayout()
        details.addWidget(self.subheading, 1)
        details.addWidget(QLabel("Agenda session"))
        details.addWidget(self.agenda_link)
        right_layout.addLayout(details)
        right_layout.addWidget(self.arrivals)
        right_layout.addWidget(self.board, 1)
        right_layout.addWidget(self.summary_area)
        splitter = QSplitter()
        splitter.addWidget(self.panel)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([240, 1100])
        QVBoxLayout(self).addWidget(splitter)

    def _shortcuts(self) -> None:
        for key, slot in [
            ("Insert", self.new_round),
            ("Ctrl+R", self.shuffle),
            ("Ctrl+L", self.toggle_lock),
            ("Ctrl+Shift+A", self.add_late),
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

    def _settings_key(self) -> str:
        digest = hashlib.sha256(str(self.session.path.resolve()).encode()).hexdigest()[:16]
        return f"groups/shown_round/{digest}"

    def refresh(self, changes: Changes | None = None) -> None:
        """Reload the rounds and the shown round (at first, the one shown last in this workshop);
        after ``changes``, the feed reads the round only if the projector has not yet."""
        if self.view is not None:
            current: int | None = self.view.id
        else:
            remembered = QSettings("Facilitator", "Facilitator").value(self._settings_key())
            current = int(str(remembered)) if remembered is not None and str(remembered).isdigit() else None
        self.rounds_model.set_rounds(groups.rounds(self.session))
        self.panel.refresh_pairs()
        row = self.rounds_model.row_of(current) if current is not None else None
        if row is None and self.rounds_model.rowCount():
            row = 0
        if row is None:
            self.feed.show_round(None, changes)
            return
        self.rounds_list.selectionModel().blockSignals(True)
        self.rounds_list.setCurrentIndex(self.rounds_model.index(row))
        self.rounds_list.selectionModel().blockSignals(False)
        self.feed.show_round(self.rounds_model.round_at(row).id, changes)

    def select_round(self, round_id: int) -> None:
        """Show a round."""
        row = self.rounds_model.row_of(round_id)
        if row is not None:
            self.rounds_list.setCurrentIndex(self.rounds_model.index(row))

    def _on_rounds_current_changed(self, current: object, _previous: object) -> None:
        row = self.rounds_list.currentIndex().row()
        if 0 <= row < self.rounds_model.rowCount():
            self.feed.show_round(self.rounds_model.round_at(row).id)

    @property
    def columns(self) -> list[GroupColumn]:
        """The shown round's group columns."""
        return self.board.columns

    def _show(self, view: RoundView | None) -> None:
        self.view = view
        if view is not None:
            QSettings("Facilitator", "Facilitator").setValue(self._settings_key(), view.id)
        self.board.show_round(view)
        editable = view is not None and not view.locked
        for widget in (self.shuffle_button, self.pin_button):
            widget.setEnabled(editable)
        self.lock_button.setEnabled(view is not None)
        self.lock_button.setText("Unlock" if view and view.locked else "Lock")
        self.heading.setText(view.name if view else "No breakout rounds yet")
        self.subheading.setText(subheading(view))
        self.agenda_link.show_round(view, groups.breakout_items(self.session) if view else [])
        self.arrivals.show_round(view)
        self.summary.setText(summary(view))

    def _on_workshop_changed(self, changes: Changes) -> None:
        """Follow a change while the page is shown (the feed follows for the projector too)."""
        if changes.touches(GROUPS, ROSTER, AGENDA):
            self.refresh(changes)
        elif changes.touches(CHECKIN) and self.view is not None and self.view.round.source == PRESENT:
            # A check-in changes only who is waiting: no report to recompute at a busy desk.
            self.arrivals.show_waiting(groups.waiting(self.session, self.view.id), arrivals_text(self.view))

    def _on_workshop_opened(self) -> None:
        self.view = None
        self.refresh()

    # Members ------------------------------------------------------------------------------------

    def selected_member(self) -> int | None:
        """The participant id of the selected chip, if any."""
        return self.board.selected_member()

    def select_member(self, participant_id: int) -> bool:
        """Select a member's chip wherever it is."""
        return self.board.select_member(participant_id)

    def group_of(self, participant_id: int) -> int | None:
        """The group (0-based) a participant is shown in."""
        return self.board.group_of(participant_id)

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

    def set_place(self, group: int, place: str) -> None:
        """Say where a group (0-based) of the shown round meets ("" clears it)."""
        if self.view is not None:
            self.controller.run(groups.set_place, self.view.id, group, place)

    # Rounds -------------------------------------------------------------------------------------

    def _on_planned(self, plan: RoundPlan) -> None:
        view = self.controller.run(groups.apply_plan, plan)
        if view is not None:
            self.select_round(view.id)
            self.round_formed.emit(view.id)

    def _takers(self) -> Takers:
        everyone = roster.participants(self.session)
        day = current_day(self.session)
        present = len(groups.people_present(self.session, day))
        default = groups.default_who(self.session, day)
        return Takers(day, present, len(Eligibility().select(everyone)), tuple(everyone), default)

    def new_round(
        self,
        name: str | None = None,
        count: int | None = None,
        mode: str | None = None,
        agenda_item: int | None = None,
        who: Who | None = None,
    ) -> None:
        """Form a new round: from the arguments (by default from whom a new round is formed by
        default: see :func:`groups.default_who`), or as asked in a dialog."""
        if name is None or count is None:
            suggested = f"Breakout {self.rounds_model.rowCount() + 1}"
            dialog = NewRoundDialog(suggested, groups.breakout_items(self.session), self._takers(), self)
            if not dialog.exec():
                return
            name, count, mode, agenda_item, who = dialog.choice()
        chosen = who if who is not None else groups.default_who(self.session, current_day(self.session))
        title, wanted, how, item = name, count, mode or SPREAD, agenda_item
        self.controller.run_query(
            f"Form {title}",
            lambda s, _progress: groups.plan_round(s, title, wanted, mode=how, agenda_item=item, who=chosen),
            self._on_planned,
        )

    def shuffle(self) -> None:
        """Form the shown round again with the next seed, keeping pinned people in place."""
        if self.view is not None and not self.view.locked:
            round_id = self.view.id
            title = f"Shuffle {self.view.name}"
            self.controller.run_query(
                title, lambda s, _progress: groups.plan_reshuffle(s, round_id), self._on_planned
            )

    def add_late(self) -> None:
        """Place everyone waiting for a group of the shown round (locked or not); nobody else moves."""
        if self.view is not None:
            round_id = self.view.id
            title = "Add late arrivals"
            self.controller.run_query(
                title, lambda s, _progress: groups.plan_late(s, round_id), self._on_late_planned
            )

    def _on_late_planned(self, plan: LatePlan) -> None:
        added: LateArrivals | None = self.controller.run(groups.apply_late, plan)
        if added is not None:
            self.select_round(added.view.id)
            self.controller.status_message.emit("Late arrivals: " + "; ".join(added.lines()))
            self.late_added.emit(added.view.id)

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

    def print_round(self) -> None:
        """Write the shown round's group lists in the background and preview them."""
        if self.view is None:
            return
        round_id = self.view.id
        target = default_output(self.session, EXPORT_KINDS["groups"], ExportOptions())
        self.controller.run_query(
            "Print group lists",
            lambda reader, progress: group_documents.export_round(reader, target, round_id, progress),
            self.controller.show_document,
        )

    def projector_window(self) -> GroupsProjector:
        """The projector window, made on first use and kept in step with the page."""
        if self.projector is None:
            self.projector = GroupsProjector()
            self.projector.show_round(self.feed.view)
            self.feed.round_changed.connect(self.projector.show_round)
            self.feed.follow(self.projector)
        return self.projector

    def open_projector(self, screen: int | None = None) -> GroupsProjector:
        """Show the groups on the room's screen (the last screen by default)."""
        projector = self.projector_window()
        projector.show_on_screen(screen)
        return projector
