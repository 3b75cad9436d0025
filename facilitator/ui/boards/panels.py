"""The side panels of the board page: the selected card's details, and a group's notes.

Fields save when the cursor leaves them (one undo step per field), so a rapporteur can type
freely and never has to press a Save button.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, QStringListModel, Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.boards import Board, GroupNotes
from facilitator.core.wording import counted
from facilitator.ui.boards.models import CardItem

__all__ = ["CardPanel", "CommitTextEdit", "NotesPanel", "keep_mine"]


class CommitTextEdit(QPlainTextEdit):
    """A multi-line box that reports its text once, when the cursor leaves it after a change."""

    committed = Signal(str)

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        self.setMinimumHeight(54)
        #: The text as last read from the workshop: what the user started from when typing.
        self.stored = ""

    def sizeHint(self) -> QSize:
        """Four lines: room to read a card, while both side panels fit a 720-pixel projector (they
        grow into any height left over)."""
        margin = 2 * (self.frameWidth() + int(self.document().documentMargin()))
        return QSize(super().sizeHint().width(), 4 * self.fontMetrics().lineSpacing() + margin)

    def set_text(self, text: str) -> None:
        """Show a stored text unless the user is typing here."""
        if self.hasFocus() and self.document().isModified():
            return
        if self.toPlainText() != text:
            self.setPlainText(text)
        self.document().setModified(False)
        self.stored = text

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Report the text if it changed."""
        super().focusOutEvent(event)
        if self.document().isModified():
            self.document().setModified(False)
            self.committed.emit(self.toPlainText())


class _CommitLineEdit(QLineEdit):
    """A one-line box that reports its text when editing finishes with a change."""

    committed = Signal(str)

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.editingFinished.connect(self._on_editing_finished)

    def set_text(self, text: str) -> None:
        if not (self.hasFocus() and self.isModified()):
            self.setText(text)
            self.setModified(False)

    def _on_editing_finished(self) -> None:
        if self.isModified():
            self.setModified(False)
            self.committed.emit(self.text())


class CardPanel(QGroupBox):
    """The selected card: text, evidence to secure, refer to, group, author, merged cards.

    Signals:
        field_edited(int, str, str): card id, field name, new value.
        split_requested(int): id of a merged card to take out again.
    """

    field_edited = Signal(int, str, str)
    split_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Selected card", parent)
        self.card_id = 0
        self._merged_ids: list[int] = []
        self.summary = QLabel("Select a card to see and edit its details.")
        self.summary.setWordWrap(True)
        self.text = CommitTextEdit("The red flag as observed")
        self.evidence = CommitTextEdit("Evidence to identify and secure")
        self.refer_to = _CommitLineEdit("Agency to refer to")
        self.group = _CommitLineEdit("Group that wrote it")
        self.author = _CommitLineEdit("Anonymous")
        self.merged_model = QStringListModel(self)
        self.merged = QListView()
        self.merged.setModel(self.merged_model)
        self.merged.setMaximumHeight(90)
        self.merged.setWordWrap(True)
        self.split_button = QPushButton("Split off")
        self.split_button.setToolTip("Take the selected merged card out again, with its own votes")
        form = QFormLayout()
        form.addRow("Red flag", self.text)
        form.addRow("Evidence", self.evidence)
        form.addRow("Refer to", self.refer_to)
        form.addRow("Group", self.group)
        form.addRow("Author", self.author)
        form.addRow("Merged", self.merged)
        form.addRow("", self.split_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        for name, box in (
            ("text", self.text),
            ("evidence", self.evidence),
            ("refer_to", self.refer_to),
            ("group", self.group),
            ("author", self.author),
        ):
            box.committed.connect(lambda value, field=name: self._on_committed(field, value))
        self.split_button.clicked.connect(self._on_split_clicked)
        self.show_card(None, None)

    def _on_committed(self, field: str, value: str) -> None:
        if self.card_id:
            self.field_edited.emit(self.card_id, field, value)

    def _on_split_clicked(self) -> None:
        row = self.merged.currentIndex().row()
        if 0 <= row < len(self._merged_ids):
            self.split_requested.emit(self._merged_ids[row])

    def show_card(
        self, item: CardItem | None, board: Board | None, merged_ids: list[int] | None = None
    ) -> None:
        """Show a card (or nothing), keeping any field the user is typing in."""
        self.card_id = item.card.id if item else 0
        self._merged_ids = list(merged_ids or [])
        for widget in (self.text, self.evidence, self.refer_to, self.group, self.author, self.merged):
            widget.setEnabled(item is not None)
        self.split_button.setEnabled(bool(self._merged_ids))
        if item is None or board is None:
            self.summary.setText("Select a card to see and edit its details.")
            for box in (self.text, self.evidence, self.refer_to, self.group, self.author):
                box.set_text("")
            self.merged_model.setStringList([])
            return
        card = item.card
        category = board.category(card.category).label if card.category else "Not yet sorted"
        state = "on the projector" if card.revealed else "hidden from the projector"
        votes = counted(item.votes, "vote")
        self.summary.setText(f"Card {card.id} · {category} · {votes} · {state}")
        self.text.set_text(card.text)
        self.evidence.set_text(card.evidence)
        self.refer_to.set_text(card.refer_to)
        self.refer_to.setPlaceholderText(board.refer_to or "Agency to refer to")
        self.group.set_text(card.group)
        self.author.set_text(card.author)
        self.merged_model.setStringList(list(item.merged_texts))


class NotesPanel(QGroupBox):
    """A group's rapporteur notes on the board: summary, disagreements, questions for plenary.

    Signals:
        notes_edited(str, str, str): group, field name, new text.
        export_requested(str): the group whose output to export.
    """

    notes_edited = Signal(str, str, str)
    export_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Group notes", parent)
        self.group = ""
        self.hint = QLabel("Choose a group in “Show” to write its rapporteur's notes.")
        self.hint.setWordWrap(True)
        self.summary = CommitTextEdit("What the group discussed and concluded")
        self.disagreements = CommitTextEdit("Where members did not agree")
        self.questions = CommitTextEdit("Questions to raise in plenary")
        self.export_button = QPushButton("Export group output…")
        self.export_button.setToolTip("A PDF of this group's cards beside its notes")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Summary", self.summary)
        form.addRow("Disagreements", self.disagreements)
        form.addRow("Questions", self.questions)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(form)
        layout.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignRight)
        for name, box in (
            ("summary", self.summary),
            ("disagreements", self.disagreements),
            ("questions", self.questions),
        ):
            box.committed.connect(lambda value, field=name: self._on_committed(field, value))
        self.export_button.clicked.connect(lambda: self.export_requested.emit(self.group))
        self.show_notes(None)

    def _on_committed(self, field: str, value: str) -> None:
        if self.group:
            self.notes_edited.emit(self.group, field, value)

    def started_from(self, field: str) -> str:
        """The stored text a box showed when its user started typing (``summary``…)."""
        box: CommitTextEdit = getattr(self, field)
        return box.stored

    def show_notes(self, notes: GroupNotes | None) -> None:
        """Show a group's notes, or nothing when no single group is chosen."""
        self.group = notes.group if notes else ""
        self.setTitle(f"Notes of {notes.group}" if notes else "Group notes")
        self.hint.setVisible(notes is None)
        for box, text in (
            (self.summary, notes.summary if notes else ""),
            (self.disagreements, notes.disagreements if notes else ""),
            (self.questions, notes.questions if notes else ""),
        ):
            box.setEnabled(notes is not None)
            box.set_text(text)
        self.export_button.setEnabled(notes is not None)


_NOTE_NAMES = {
    "summary": "summary",
    "disagreements": "points of disagreement",
    "questions": "questions for plenary",
}


def keep_mine(parent: QWidget, group: str, field: str, theirs: str) -> bool:
    """Ask whether to replace notes that a phone changed while the facilitator was typing them.

    Two people editing one box at once must not silently lose one's text: the rapporteur's phone
    is told the same way when the desktop (or another phone) saved first.
    """
    answer = QMessageBox.question(
        parent,
        "Notes changed from a phone",
        f"{group}'s {_NOTE_NAMES[field]} was changed from a phone while you were typing.\n\n"
        f"Their text:\n{theirs}\n\nReplace it with yours? (No keeps theirs.)",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
