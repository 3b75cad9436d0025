"""The drop-down that links the round on screen to the agenda breakout session it serves.

A round is linked when it is formed; the agenda often changes after that (a session is renamed,
moved to the second day, or the round is reused for another breakout), so the link can be
changed here at any time, locked round or not: it says when the groups meet, not who is in them.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from facilitator.app.groups import RoundView

__all__ = ["NOT_LINKED", "AgendaLinkChoice"]

NOT_LINKED = "(not linked to the agenda)"


class AgendaLinkChoice(QComboBox):
    """ "Not linked", then every agenda breakout session; the round's own link is selected.

    Signals:
        link_chosen(object): the user chose another session (its agenda item id, or None).
    """

    link_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Agenda session")
        self.setToolTip("The agenda breakout session this round is for")
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.activated.connect(self._on_activated)
        self._linked: int | None = None

    def show_round(self, view: RoundView | None, breakouts: list[tuple[int, str]]) -> None:
        """Offer the breakout sessions and select the one the round is linked to."""
        self.blockSignals(True)
        self.clear()
        self.addItem(NOT_LINKED, None)
        for item_id, title in breakouts:
            self.addItem(title, item_id)
        self._linked = view.round.agenda_item if view is not None else None
        position = self.findData(self._linked) if self._linked is not None else 0
        if position < 0:
            # The linked item was removed from the agenda or is no longer a breakout session.
            self.addItem("(its agenda session was removed)", self._linked)
            position = self.count() - 1
        self.setCurrentIndex(position)
        self.setEnabled(view is not None)
        self.blockSignals(False)

    def _on_activated(self, index: int) -> None:
        chosen = self.itemData(index)
        if chosen != self._linked:
            self.link_chosen.emit(chosen)
