"""Guidelines page: the outline, each section's text, its key actions and referral triggers.

Rapporteurs add their group's key actions in the section they belong to; the facilitator merges
duplicates, marks actions agreed or deferred, pulls the top-voted red flags into the two trigger
sections, numbers a new version and exports the draft as PDF or Word. Every change goes through
the controller, so the Edit menu's Undo and Redo cover all of it.

The page follows changes only while shown (``ChangeFollower``); a change whose rows are known
updates the tables row by row, so an edit made elsewhere leaves the selection, the current cell
and an open editor where they were.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from facilitator.app import guidelines
from facilitator.app.changes import GUIDELINES, Changes
from facilitator.app.exports import EXPORT_KINDS, ExportOptions, default_output
from facilitator.core.guidelines import GuidelinesDraft, Section, next_version_label
from facilitator.ui.change_follower import ChangeFollower
from facilitator.ui.controller import Controller
from facilitator.ui.guidelines.actions_panel import KeyActionsPanel
from facilitator.ui.guidelines.models import SectionsModel, TriggersModel
from facilitator.ui.guidelines.widgets import table_view
from facilitator.ui.widgets import ask_text, button

__all__ = ["GuidelinesPage"]

#: The tables the page shows; when an action's rows in any of them are unknown, it reloads whole.
_TABLES = (
    "guidelines_draft",
    "guidelines_sections",
    "guidelines_actions",
    "guidelines_triggers",
    "guidelines_versions",
)


class GuidelinesPage(QWidget):
    """Outline on the left; the chosen section's text, triggers and key actions on the right."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.draft: GuidelinesDraft | None = None
        self.section_id: int | None = None
        self._reloading = False
        self._text_dirty = False
        self.sections_model = SectionsModel()
        self.triggers_model = TriggersModel()

        self.title_edit = QLineEdit()
        self.title_edit.setToolTip("Title printed on the draft")
        self.title_edit.editingFinished.connect(self._on_title_edit_finished)
        self.version_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel("Title"))
        top.addWidget(self.title_edit, 1)
        top.addWidget(self.version_label)
        top.addWidget(button("New version…", self.new_version, "Number a new version of the draft"))
        top.addWidget(button("Export PDF", self.export_pdf, "Write the draft as PDF", "Ctrl+Shift+E"))
        top.addWidget(button("Export Word", self.export_docx, "Write the draft as a Word file (.docx)"))

        self.outline = QListView()
        self.outline.setModel(self.sections_model)
        self.outline.setWordWrap(True)
        self.outline.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.outline.selectionModel().currentChanged.connect(self._on_outline_current_changed)
        outline_box = QGroupBox("Outline")
        outline_layout = QVBoxLayout(outline_box)
        outline_layout.addWidget(self.outline, 1)
        outline_buttons = QHBoxLayout()
        outline_buttons.addWidget(button("Add", self.add_section, "Add a section after this one"))
        outline_buttons.addWidget(button("Rename", self.rename_section, "Rename this section"))
        outline_buttons.addWidget(button("Remove", self.remove_section, "Remove this section"))
        outline_buttons.addWidget(
            button("↑", lambda: self.move_section(-1), "Move the section up", narrow=True)
        )
        outline_buttons.addWidget(
            button("↓", lambda: self.move_section(1), "Move the section down", narrow=True)
        )
        outline_layout.addLayout(outline_buttons)

        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.text_edit = QPlainTextEdit()
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.textChanged.connect(self._on_text_changed)
        self.text_edit.installEventFilter(self)
        self.save_text_button = button("Save text", self.commit_text, "Save the section text", "Ctrl+Return")

        self.triggers_table = table_view(self.triggers_model)
        for column, width in enumerate((300, 170, 220, 140, 55, 110)):
            self.triggers_table.setColumnWidth(column, width)
        self.triggers_table.horizontalHeader().setStretchLastSection(False)
        self.triggers_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.triggers_box = QGroupBox("Referral triggers (top-voted red flags from the board)")
        triggers_layout = QVBoxLayout(self.triggers_box)
        triggers_layout.addWidget(self.triggers_table, 1)
        trigger_buttons = QHBoxLayout()
        trigger_buttons.addWidget(
            button(
                "Pull referral triggers",
                self.pull_triggers,
                "Bring in the top-voted red flags of both boards",
            )
        )
        trigger_buttons.addWidget(
            button("Remove trigger", self.remove_triggers, "Take the selected triggers out")
        )
        trigger_buttons.addStretch(1)
        triggers_layout.addLayout(trigger_buttons)

        self.key_actions = KeyActionsPanel(controller, self._outline_entries)
        self.summary_label = QLabel()

        editor = QWidget()
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(self.heading)
        text_row = QHBoxLayout()
        text_row.addWidget(self.text_edit, 1)
        text_row.addWidget(self.save_text_button, 0, Qt.AlignmentFlag.AlignTop)
        editor_layout.addLayout(text_row, 1)
        editor_layout.addWidget(self.triggers_box, 2)
        editor_layout.addWidget(self.key_actions, 3)
        editor_layout.addWidget(self.summary_label)

        splitter = QSplitter()
        splitter.addWidget(outline_box)
        splitter.addWidget(editor)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        outline_box.setMinimumWidth(240)
        splitter.setSizes([340, 1160])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.follower = ChangeFollower(self, controller, self._on_workshop_changed, GUIDELINES)
        self.reload()

    # Reading ------------------------------------------------------------------------------------

    def _on_workshop_changed(self, changes: Changes) -> None:
        if changes.everything:
            self.section_id = None
            self._text_dirty = False
        rows = [changes.rows_of(table) for table in _TABLES]
        if any(r is None for r in rows):
            self.reload()
        elif any(r is not None and r.all for r in rows):
            self.reload(reset=False)

    def reload(self, reset: bool = True) -> None:
        """Read the draft again and show the same section and selection as before.

        Without ``reset`` the tables update only the rows that changed (see the module).
        """
        self.draft = guidelines.draft(self.controller.session)
        self.title_edit.setText(self.draft.title)
        version = self.draft.current_version
        self.version_label.setText(
            f"Draft {version.label} of {version.created.day} {version.created:%B %Y}" if version else ""
        )
        self.summary_label.setText(self.draft.status_summary)
        self._reloading = True
        try:
            self.sections_model.set_draft(self.draft, reset)
            if self.section_id is None or self.sections_model.row_of(self.section_id) is None:
                self.section_id = self.draft.sections[0].id if self.draft.sections else None
                self._text_dirty = False
                reset = True
            row = self.sections_model.row_of(self.section_id) if self.section_id is not None else None
            if row is not None and self.outline.currentIndex().row() != row:
                self.outline.setCurrentIndex(self.sections_model.index(row))
        finally:
            self._reloading = False
        self._show_section(reset)

    def current_section(self) -> Section | None:
        """The section being edited."""
        return self.draft.section(self.section_id) if self.draft and self.section_id is not None else None

    def _section_number(self) -> int:
        row = self.sections_model.row_of(self.section_id) if self.section_id is not None else None
        return (row or 0) + 1

    def _show_section(self, reset: bool = True) -> None:
        section = self.current_section()
        if self.draft is None:
            return
        self.heading.setText(f"{self._section_number()}. {section.title}" if section else "No sections")
        if not self._text_dirty:
            self.text_edit.blockSignals(True)
            self.text_edit.setPlainText(section.body if section else "")
            self.text_edit.blockSignals(False)
        self.text_edit.setPlaceholderText(section.hint if section else "")
        self.text_edit.setEnabled(section is not None)
        self.triggers_box.setVisible(bool(section and section.is_trigger_section))
        self.triggers_model.set_triggers(self.draft.triggers_in(section.id) if section else [], reset)
        self.key_actions.show_actions(
            self.section_id,
            self._section_number(),
            self.draft.actions_in(section.id) if section else [],
            reset,
        )

    def _on_outline_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._reloading or not current.isValid():
            return
        new_id = self.sections_model.section(current.row()).id
        if new_id == self.section_id:
            return
        self.commit_text()
        self.section_id = new_id
        self.reload()

    # Section text and outline ----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Save the section text when the editor loses focus (not for a menu popping up)."""
        if watched is self.text_edit and event.type() == QEvent.Type.FocusOut:
            reason = cast(QFocusEvent, event).reason()
            if reason != Qt.FocusReason.PopupFocusReason:
                self.commit_text()
        return super().eventFilter(watched, event)

    def _on_text_changed(self) -> None:
        self._text_dirty = True

    def commit_text(self) -> None:
        """Save the section text if it was edited."""
        if not self._text_dirty or self.section_id is None:
            return
        self._text_dirty = False
        self.controller.run(guidelines.edit_section_text, self.section_id, self.text_edit.toPlainText())

    def _on_title_edit_finished(self) -> None:
        if self.draft is None or self.title_edit.text().strip() == self.draft.title:
            return
        if self.controller.run(guidelines.set_title, self.title_edit.text()) is None:
            self.title_edit.setText(self.draft.title)

    def add_section(self) -> None:
        """Add a section after the current one, named by the user."""
        current = self.current_section()
        after = f" It goes after “{current.title}”." if current else ""
        title = ask_text(self, "Add section", f"Title of the new section.{after}", "Add section")
        if title is not None:
            self.commit_text()
            new_id = self.controller.run(guidelines.add_section, title, self.section_id)
            if new_id is not None:
                self.section_id = new_id
                self.reload()

    def rename_section(self) -> None:
        """Rename the current section."""
        section = self.current_section()
        if section is None:
            return
        title = ask_text(
            self, "Rename section", f"New title for “{section.title}”:", "Rename", text=section.title
        )
        if title is not None:
            self.controller.run(guidelines.rename_section, section.id, title)

    def remove_section(self) -> None:
        """Remove the current section with its actions (Ctrl+Z brings it back)."""
        if self.section_id is not None:
            self._text_dirty = False
            self.controller.run(guidelines.remove_section, self.section_id)

    def move_section(self, offset: int) -> None:
        """Move the current section up or down the outline."""
        if self.section_id is not None:
            self.commit_text()
            self.controller.run(guidelines.move_section, self.section_id, offset)

    def _outline_entries(self) -> list[tuple[int, str]]:
        return [
            (self.sections_model.section(row).id, f"{row + 1}. {self.sections_model.section(row).title}")
            for row in range(self.sections_model.rowCount())
        ]

    # Triggers, versions, export ---------------------------------------------------------------------

    def pull_triggers(self) -> None:
        """Bring the top-voted red flags of both referral boards into their sections."""
        result = self.controller.run(guidelines.pull_referral_triggers)
        if result is not None:
            self.controller.status_message.emit(result.message)

    def remove_triggers(self) -> None:
        """Take the selected triggers out of the draft."""
        rows = {index.row() for index in self.triggers_table.selectionModel().selectedRows()}
        ids = [self.triggers_model.trigger(row).id for row in sorted(rows)]
        if ids:
            self.controller.run(guidelines.remove_triggers, ids)

    def new_version(self) -> None:
        """Number a new version, with a note of what changed."""
        self.commit_text()
        current = self.draft.current_version if self.draft else None
        prompt = f"What changed since {current.label}? (optional)" if current else "Note (optional):"
        label = next_version_label(v.label for v in self.draft.versions) if self.draft else "v0.1"
        note = ask_text(self, "New version", prompt, f"Create {label}")
        if note is not None:
            version = self.controller.run(guidelines.new_version, note)
            if version is not None:
                self.controller.status_message.emit(f"The draft is now {version.label}.")

    def export_pdf(self) -> None:
        """Write the draft as PDF; it opens in the preview."""
        self.commit_text()
        self.controller.export("guidelines")

    def export_docx(self) -> None:
        """Write the draft as a Word file in the exports folder."""
        self.commit_text()
        kind = EXPORT_KINDS["guidelines"]
        target = default_output(self.controller.session, kind, ExportOptions()).with_suffix(".docx")
        self.controller.export("guidelines", ExportOptions(), target)
