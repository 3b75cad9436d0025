"""Red-flag boards page: write, sort, merge and dot-vote cards; silent writing, reveal, lock; the
plenary matrix; the projector; exports.

The page is a view: every action is an application command run through the controller (so undo
and redo cover it), and the page redraws from the board's snapshot, which one :class:`BoardFeed`
reads after each change and shares with the projector window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator.app import board_setup, boards
from facilitator.app.changes import AGENDA, BOARDS, GROUPS, TIMER, Changes
from facilitator.core.boards import BoardSnapshot, consolidate
from facilitator.core.errors import NotFoundError
from facilitator.ui.boards.add_bar import AddCardBar
from facilitator.ui.boards.board_status import banner_text
from facilitator.ui.boards.columns import BoardColumns
from facilitator.ui.boards.export_actions import export_board, export_group
from facilitator.ui.boards.feed import BoardFeed
from facilitator.ui.boards.group_notes_editor import GroupNotesEditor
from facilitator.ui.boards.matrix_table import fill_matrix, matrix_table
from facilitator.ui.boards.models import CardItems, MatrixModel
from facilitator.ui.boards.new_board_dialog import ask_new_board
from facilitator.ui.boards.panels import CardPanel, NotesPanel
from facilitator.ui.boards.projector import BoardProjector
from facilitator.ui.boards.toolbar import build_actions
from facilitator.ui.boards.voting_bar import VotingBar
from facilitator.ui.controller import Controller

__all__ = ["ALL_GROUPS", "BoardsPage"]

ALL_GROUPS = "All groups"


class BoardsPage(QWidget):
    """A board as columns of cards, with everything a facilitator and rapporteurs do on it."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.projector: BoardProjector | None = None
        self._items = CardItems()
        self._matrix_stale = True

        self.board_choice = QComboBox()
        self.board_choice.setAccessibleName("Board")
        self.group_filter = QComboBox()
        self.group_filter.setAccessibleName("Show cards of")
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.add_bar = AddCardBar()
        self.columns = BoardColumns()
        self.columns.set_callbacks(self._on_card_text_edited, self._on_cards_dropped)
        self.matrix_model = MatrixModel()
        self.matrix_view = matrix_table(self.matrix_model, wall=False)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.columns)
        self.stack.addWidget(self.matrix_view)
        self.card_panel = CardPanel()
        self.notes_panel = NotesPanel()
        self.notes = GroupNotesEditor(self.notes_panel, controller, self)

        self.board_actions = build_actions(self, self.columns, self._handlers())
        self.voting = VotingBar(self.board_actions.room)
        self.voting_group = self.voting.group
        self.group_budget = self.voting.group_budget
        self.dots_label = self.voting.dots_label
        self._layout()
        self._connect()
        self.feed = BoardFeed(controller, boards.boards(controller.session)[0].id, self)
        self._round_groups: list[str] = []
        self._read_round_groups()
        self.feed.snapshot_changed.connect(self._on_snapshot_changed)
        self.feed.board_removed.connect(self._on_board_removed)
        self._fill_board_choice()
        self.feed.refresh()

    # Layout ------------------------------------------------------------------------------------

    def _layout(self) -> None:
        top = QHBoxLayout()
        for label, widget in (("Board", self.board_choice), ("Show", self.group_filter)):
            top.addWidget(QLabel(label))
            top.addWidget(widget)
        top.addWidget(self.board_actions.toolbar(self), 1)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.card_panel)
        side_layout.addWidget(self.notes_panel)
        # On a 1280 × 720 projector the two panels are taller than the page: they scroll rather
        # than squash their text boxes onto one another.
        side_scroll = QScrollArea()
        side_scroll.setWidget(side)
        side_scroll.setWidgetResizable(True)
        side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        splitter = QSplitter()
        splitter.addWidget(self.stack)
        splitter.addWidget(side_scroll)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([940, 280])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.voting)
        layout.addWidget(self.banner)
        layout.addWidget(self.add_bar)
        layout.addWidget(splitter, 1)

    def _connect(self) -> None:
        self.controller.workshop_changed.connect(self._on_workshop_changed)
        self.board_choice.activated.connect(self._on_board_choice_activated)
        self.group_filter.activated.connect(self._on_group_filter_activated)
        self.voting.group_changed.connect(lambda: self._update_status(self.feed.snapshot))
        self.voting.budget_edited.connect(self._on_budget_edited)
        self.add_bar.add_requested.connect(self.add_card)
        self.columns.selection_changed.connect(self._show_current_card)
        self.columns.current_changed.connect(lambda _card_id: self._show_current_card())
        self.card_panel.field_edited.connect(self._on_card_field_edited)
        self.card_panel.split_requested.connect(
            lambda card_id: self.controller.run(boards.split_card, card_id)
        )

    def _handlers(self) -> dict[str, Callable[[], object]]:
        return {
            "focus_add": self.add_bar.text.setFocus,
            "merge": self.merge_selected,
            "delete": self.delete_selected,
            "add_dot": lambda: self.vote(+1),
            "remove_dot": lambda: self.vote(-1),
            "move_left": lambda: self.move_current(-1),
            "move_right": lambda: self.move_current(+1),
            "column_left": lambda: self.columns.focus_neighbour(-1),
            "column_right": lambda: self.columns.focus_neighbour(+1),
            "silent": lambda: self._run_on_board(boards.set_hidden, self.board_actions.silent.isChecked()),
            "reveal_selected": lambda: self._run_on_board(boards.reveal_cards, self._selected()),
            "hide_selected": lambda: self._run_on_board(boards.withdraw_cards, self._selected()),
            "reveal_all": lambda: self._run_on_board(boards.reveal_cards),
            "lock": lambda: self._run_on_board(boards.set_locked, self.board_actions.lock.isChecked()),
            "matrix": self._on_matrix_toggled,
            "projector": self.open_projector,
            "export_pdf": lambda: export_board(self, self.controller, self.board_id, ".pdf"),
            "export_csv": lambda: export_board(self, self.controller, self.board_id, ".csv"),
            "export_xlsx": lambda: export_board(self, self.controller, self.board_id, ".xlsx"),
            "export_consolidated": lambda: export_board(self, self.controller, "", ".pdf", consolidated=True),
            "new_board": self.create_board,
            "room": self.open_room,
        }

    # Reading -----------------------------------------------------------------------------------

    @property
    def board_id(self) -> str:
        """The board on screen."""
        return self.feed.board_id

    @property
    def shown_group(self) -> str:
        """The group whose cards are shown, or "" for all groups."""
        text = self.group_filter.currentText()
        return "" if text in ("", ALL_GROUPS) else text

    def _on_snapshot_changed(self, snapshot: BoardSnapshot) -> None:
        board = snapshot.board
        self.columns.set_board(board)
        self.add_bar.set_categories(board)
        group = self.shown_group
        self.columns.set_cards(
            self._items.by_category(snapshot, (lambda c: c.group == group) if group else None)
        )
        self._matrix_stale = True
        if self.stack.currentWidget() is self.matrix_view:
            self._refresh_matrix()
        self._update_groups(snapshot)
        self._update_status(snapshot)
        self._show_current_card()

    def _refresh_matrix(self) -> None:
        fill_matrix(self.matrix_view, self.matrix_model, consolidate([self.feed.snapshot]))
        self._matrix_stale = False

    def _fill_board_choice(self) -> None:
        self.board_choice.clear()
        for board in boards.boards(self.controller.session):
            self.board_choice.addItem(board.title, board.id)
        self.board_choice.setCurrentIndex(max(0, self.board_choice.findData(self.board_id)))

    def _update_groups(self, snapshot: BoardSnapshot) -> None:
        names = list(dict.fromkeys([*self._round_groups, *snapshot.group_names()]))
        if [self.group_filter.itemText(i) for i in range(1, self.group_filter.count())] != names:
            shown = self.group_filter.currentText()
            self.group_filter.clear()
            self.group_filter.addItems([ALL_GROUPS, *names])
            self.group_filter.setCurrentText(shown if shown in names else ALL_GROUPS)
            self.voting.set_groups(names)
            self.add_bar.set_groups(names)
        self.notes.show(self.board_id, self.shown_group)

    def _update_status(self, snapshot: BoardSnapshot) -> None:
        board = snapshot.board
        self.board_actions.silent.setChecked(board.hidden)
        self.board_actions.lock.setChecked(board.locked)
        self.add_bar.setEnabled(not board.locked)
        self.voting.show_board(snapshot)
        self.banner.setText(banner_text(snapshot))

    def _show_current_card(self) -> None:
        snapshot = self.feed.snapshot
        card_id = self.columns.current_id() or next(iter(self.columns.selected_ids()), 0)
        if not card_id:
            card_id = self.card_panel.card_id
        try:
            card = snapshot.card(card_id) if card_id else None
        except NotFoundError:
            card = None
        if card is None or card.merged_into is not None:
            self.card_panel.show_card(None, None)
            return
        merged = [c.id for c in snapshot.merged_cards(card.id)]
        self.card_panel.show_card(self._items.item(snapshot, card), snapshot.board, merged)

    def _read_round_groups(self) -> None:
        """Read the breakout groups this board offers (they follow the agenda and the rounds)."""
        self._round_groups = board_setup.round_group_names(self.controller.session, self.board_id)

    def _on_workshop_changed(self, changes: Changes) -> None:
        if changes.everything:
            self._items.clear()
        self.notes.note_changes(changes)
        if not changes.everything:
            self.notes.show(self.board_id, self.shown_group)  # reads only if notes were written
        boards_rows = changes.rows_of("boards_boards")
        # Cards and dots change all the time (seventy phones); the list of boards seldom does.
        if changes.touches(BOARDS) and (boards_rows is None or boards_rows.inserted or boards_rows.deleted):
            known = [self.board_choice.itemData(i) for i in range(self.board_choice.count())]
            if known != [b.id for b in boards.boards(self.controller.session)]:
                self._fill_board_choice()
        if changes.touches(GROUPS, AGENDA, TIMER):
            self._read_round_groups()
            if not changes.touches(BOARDS):
                # A change to boards brings a new snapshot, which lists the groups anyway.
                self._update_groups(self.feed.snapshot)

    def _on_group_filter_activated(self, _index: int) -> None:
        # New cards belong to the group on screen; otherwise they would vanish from the filtered view.
        if self.shown_group:
            self.add_bar.group.setCurrentText(self.shown_group)
            self.voting_group.setCurrentText(self.shown_group)
        self._on_snapshot_changed(self.feed.snapshot)

    def _on_board_choice_activated(self, index: int) -> None:
        self._items.clear()
        self._show_board(str(self.board_choice.itemData(index)))

    def _on_board_removed(self, _board_id: str) -> None:
        self._fill_board_choice()
        self._show_board(str(self.board_choice.itemData(0)))

    def _show_board(self, board_id: str) -> None:
        if board_id != self.board_id:
            self._round_groups = board_setup.round_group_names(self.controller.session, board_id)
        self.feed.set_board(board_id)

    # Commands ----------------------------------------------------------------------------------

    def _selected(self) -> list[int]:
        return self.columns.selected_ids() or [i for i in [self.columns.current_id()] if i]

    def _run_on_board(self, command: object, *args: object) -> None:
        self.controller.run(command, self.board_id, *args)  # type: ignore[arg-type]
        self._update_status(self.feed.snapshot)

    def add_card(self, text: str, category: str, group: str) -> int | None:
        """Add a card from the add bar; on success the bar is cleared for the next one.

        The category is the text as typed: the command finds the category it names, by the same
        rule as ``facilitator board add --category``.
        """
        card_id = self.controller.run(boards.add_card, self.board_id, text, category=category, group=group)
        if card_id is not None:
            self.add_bar.card_added()
            snapshot = self.feed.snapshot
            key = snapshot.card(card_id).category
            self.add_bar.category.setText(snapshot.board.category(key).label if key else "")
            self.columns.scroll_to_card(card_id)
        return card_id

    def _on_card_text_edited(self, card_id: int, text: str) -> bool:
        return self.controller.run(boards.edit_card, card_id, text=text) is not None

    def _on_card_field_edited(self, card_id: int, field: str, value: str) -> None:
        self.controller.run(boards.edit_card, card_id, **{field: value})

    def _on_cards_dropped(self, card_ids: list[int], category: str) -> None:
        # Moving rewrites both columns' models: do it after the view has finished its drop.
        QTimer.singleShot(0, lambda: self.move_cards(card_ids, category))

    def move_cards(self, card_ids: list[int], category: str) -> None:
        """Move cards to a category (what dragging them onto its column does): one action, one Undo."""
        self.controller.run(boards.move_cards, card_ids, category)

    def move_current(self, step: int) -> None:
        """Move the focused card to the category on its left or right."""
        card_id = self.columns.current_id()
        if not card_id:
            return
        board = self.feed.snapshot.board
        keys = ["", *(c.key for c in board.categories)]
        position = keys.index(self.feed.snapshot.card(card_id).category) + step
        if 0 <= position < len(keys):
            self.controller.run(boards.move_card, card_id, keys[position])
            self.columns.select_card(card_id)

    def merge_selected(self) -> None:
        """Merge the selected cards into the one with the focus (or the first selected)."""
        ids = self._selected()
        if len(ids) < 2:
            self.controller.error_reported.emit(
                "Action not done", "Merge: select two or more cards (Ctrl+click), then merge."
            )
            return
        target = self.columns.current_id() if self.columns.current_id() in ids else ids[0]
        self.controller.run(boards.merge_cards, target, [i for i in ids if i != target])

    def delete_selected(self) -> None:
        """Delete the selected cards (Ctrl+Z brings them back)."""
        ids = self._selected()
        if ids:
            self.controller.run(boards.delete_cards, ids)

    def vote(self, step: int) -> None:
        """Place (+1) or take back (−1) one dot of the voting group on the focused card."""
        card_id = self.columns.current_id() or next(iter(self._selected()), 0)
        group = self.voting_group.currentText()
        if card_id:
            self.controller.run(boards.add_dot if step > 0 else boards.remove_dot, card_id, group)

    def _on_budget_edited(self, group_budget: int, category_budget: int) -> None:
        self.controller.run(boards.set_budget, self.board_id, group_budget, category_budget)
        self._update_status(self.feed.snapshot)

    def _on_matrix_toggled(self) -> None:
        show = self.board_actions.matrix.isChecked()
        if show and self._matrix_stale:
            self._refresh_matrix()
        self.stack.setCurrentWidget(self.matrix_view if show else self.columns)
        if self.projector is not None:
            self.projector.set_matrix_mode(show)

    def open_projector(self) -> BoardProjector:
        """Show the board on the projector (the last screen), revealed cards only."""
        if self.projector is None:
            self.projector = BoardProjector(self.feed, self)
        self.projector.set_matrix_mode(self.board_actions.matrix.isChecked())
        self.projector.show_on_screen()
        return self.projector

    def open_room(self) -> None:
        """Open the room to phones, writing to the board on screen (or show the open room)."""
        from facilitator.ui.room import open_room  # the room's code loads only when it is used

        open_room(self.window(), self.controller, self.board_id)

    def create_board(self) -> str | None:
        """Ask for a title and categories, create a free board and show it; returns its key."""
        key = ask_new_board(self, self.controller)
        if key is not None:
            self._fill_board_choice()
            self.board_choice.setCurrentIndex(self.board_choice.findData(key))
            self._show_board(key)
        return key

    def export_group(self, group: str) -> None:
        """Write one group's output (cards and notes) as a PDF and preview it."""
        export_group(self, self.controller, self.board_id, group)
