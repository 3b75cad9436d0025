"""The rapporteur's notes of the group shown on the board page: read, saved, exported.

The notes are read again only when another group or board is shown, or when an action wrote
notes (a phone's rapporteur, Undo): with seventy phones adding cards, the page redraws after
every burst, and reading the notes each time would be wasted.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from facilitator.app import board_setup
from facilitator.app.changes import Changes
from facilitator.ui.boards.export_actions import export_group
from facilitator.ui.boards.panels import NotesPanel, keep_mine
from facilitator.ui.controller import Controller

__all__ = ["GroupNotesEditor"]

_NOTES_TABLE = "boards_notes"


class GroupNotesEditor:
    """Connects a :class:`NotesPanel` to the workshop for one board and group at a time."""

    def __init__(self, panel: NotesPanel, controller: Controller, parent: QWidget) -> None:
        self.panel = panel
        self.controller = controller
        self._parent = parent
        self._shown: tuple[str, str] | None = None
        panel.notes_edited.connect(self._on_notes_edited)
        panel.export_requested.connect(self._on_export_requested)

    def show(self, board_id: str, group: str) -> None:
        """Show a group's notes (none for all groups), reading them only if needed."""
        wanted = (board_id, group)
        if wanted == self._shown:
            return
        self._shown = wanted
        notes = board_setup.group_notes(self.controller.session, board_id, group) if group else None
        self.panel.show_notes(notes)

    def note_changes(self, changes: Changes) -> None:
        """Read the notes again at the next :meth:`show` if an action may have written them."""
        rows = changes.rows_of(_NOTES_TABLE)
        if rows is None or rows.all:
            self._shown = None

    def _on_notes_edited(self, group: str, field: str, text: str) -> None:
        if self._shown is None:
            return
        board_id = self._shown[0]
        # A rapporteur's phone may have saved this box while it was being typed here.
        stored = board_setup.group_notes(self.controller.session, board_id, group)
        theirs = getattr(stored, field)
        if theirs not in (self.panel.started_from(field), text) and not keep_mine(
            self._parent, group, field, theirs
        ):
            self.panel.show_notes(stored)
            return
        self.controller.run(board_setup.save_group_notes, board_id, group, **{field: text})

    def _on_export_requested(self, group: str) -> None:
        if self._shown is not None:
            export_group(self._parent, self.controller, self._shown[0], group)
