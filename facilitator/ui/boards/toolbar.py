"""The board page's commands as actions with keyboard shortcuts, and the bars that hold them.

Shortcuts work while the focus is anywhere on the page; the voting keys (+ and −) and Delete only
while a column has the focus, so that typing in a text box never places a dot.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton, QWidget

__all__ = ["BoardActions", "build_actions"]


@dataclass(frozen=True)
class BoardActions:
    """Every action of the board page."""

    focus_add: QAction
    merge: QAction
    delete: QAction
    add_dot: QAction
    remove_dot: QAction
    move_left: QAction
    move_right: QAction
    column_left: QAction
    column_right: QAction
    silent: QAction
    reveal_selected: QAction
    hide_selected: QAction
    reveal_all: QAction
    lock: QAction
    matrix: QAction
    projector: QAction
    export_pdf: QAction
    export_csv: QAction
    export_xlsx: QAction
    export_consolidated: QAction
    new_board: QAction
    room: QAction

    def toolbar(self, parent: QWidget) -> QToolBar:
        """The page's tool bar (board-wide commands)."""
        bar = QToolBar(parent)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.silent, self.reveal_selected, self.hide_selected, self.reveal_all):
            bar.addAction(action)
        bar.addSeparator()
        for action in (self.merge, self.lock):
            bar.addAction(action)
        bar.addSeparator()
        for action in (self.matrix, self.projector):
            bar.addAction(action)
        export = QToolButton(bar)
        export.setText("Export")
        export.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(export)
        for action in (self.export_pdf, self.export_csv, self.export_xlsx, self.export_consolidated):
            menu.addAction(action)
        export.setMenu(menu)
        bar.addWidget(export)
        bar.addSeparator()
        bar.addAction(self.new_board)
        return bar


def build_actions(page: QWidget, columns: QWidget, handlers: dict[str, Callable[[], object]]) -> BoardActions:
    """Create the actions, wire each to ``handlers[name]`` and give them their shortcuts.

    Args:
        page: Owner of page-wide shortcuts.
        columns: Owner of the shortcuts that act on the focused card.
        handlers: One callable per action name (the field names of :class:`BoardActions`).
    """

    def make(
        name: str,
        text: str,
        shortcut: str | QKeySequence.StandardKey | tuple[str, ...] | None = None,
        tip: str = "",
        owner: QWidget = page,
        checkable: bool = False,
    ) -> QAction:
        action = QAction(text, owner)
        if shortcut is not None:
            keys_list = shortcut if isinstance(shortcut, tuple) else (shortcut,)
            action.setShortcuts([QKeySequence(k) for k in keys_list])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            owner.addAction(action)
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            tip = f"{tip} ({keys})" if tip else f"{text} ({keys})"
        action.setToolTip(tip or text)
        action.setCheckable(checkable)
        action.triggered.connect(lambda _checked=False: handlers[name]())
        return action

    return BoardActions(
        focus_add=make("focus_add", "New card", "Ctrl+Shift+N", "Write a new card"),
        merge=make("merge", "Merge", "Ctrl+M", "Merge the selected cards into the card with the focus"),
        delete=make("delete", "Delete card", QKeySequence.StandardKey.Delete, owner=columns),
        add_dot=make("add_dot", "+ dot", ("+", "="), "Place a dot of the voting group on the card", columns),
        remove_dot=make("remove_dot", "− dot", "-", "Take back a dot of the voting group", columns),
        move_left=make(
            "move_left", "Move left", "Alt+Left", "Move the card to the category on the left", columns
        ),
        move_right=make(
            "move_right", "Move right", "Alt+Right", "Move the card to the category on the right", columns
        ),
        column_left=make("column_left", "Previous column", "Ctrl+Left", owner=columns),
        column_right=make("column_right", "Next column", "Ctrl+Right", owner=columns),
        silent=make(
            "silent", "Silent writing", "Ctrl+Shift+H", "New cards stay off the projector", checkable=True
        ),
        reveal_selected=make(
            "reveal_selected", "Reveal", "Ctrl+R", "Show the selected cards on the projector"
        ),
        hide_selected=make("hide_selected", "Hide", "Ctrl+H", "Take the selected cards off the projector"),
        reveal_all=make("reveal_all", "Reveal all", "Ctrl+Shift+R", "Show every card and end silent writing"),
        lock=make("lock", "Lock", "Ctrl+L", "Freeze cards and votes", checkable=True),
        matrix=make(
            "matrix",
            "Plenary matrix",
            "Ctrl+Shift+M",
            "Red flags ranked by votes per category",
            checkable=True,
        ),
        projector=make("projector", "Projector", "F5", "Show the board on the projector in large type"),
        export_pdf=make("export_pdf", "This board as PDF…", "Ctrl+Shift+E"),
        export_csv=make("export_csv", "This board's matrix as CSV…"),
        export_xlsx=make("export_xlsx", "This board as XLSX…"),
        export_consolidated=make("export_consolidated", "Consolidated matrix of both referral boards (PDF)…"),
        new_board=make("new_board", "New board…", tip="Create a free board with your own categories"),
        room=make(
            "room", "Open to the room…", tip="Let phones on the venue Wi-Fi add cards, vote and write notes"
        ),
    )
