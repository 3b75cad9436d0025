"""Guidelines page: the outline, each section's text, its key actions and referral triggers.

Rapporteurs add their group's key actions in the section they belong to; the facilitator merges
duplicates, marks actions agreed or deferred, pulls the top-voted red flags into the two trigger
sections, numbers a new version and exports the draft as PDF or Word. Every change goes through
the controller, so the Edit menu's Undo and Redo cover all of it.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QFocusEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.app import guidelines
from facilitator.app.changes import GUIDELINES, Changes
from facilitator.app.exports import EXPORT_KINDS, ExportOptions, default_output
from facilitator.core.guidelines import GuidelinesDraft, Section
from facilitator.ui.controller import Controller
from facilitator.ui.guidelines.dialogs import MergeDialog, StatusDelegate
from facilitator.ui.guidelines.models import ACTION_COLUMNS, KeyActionsModel, SectionsModel, TriggersModel

__all__ = ["GuidelinesPage"]


def _button(text: str, slot: object, tip: str, shortcut: str | None = None) -> QPushButton:
    button = QPushButton(text)
    button.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
    if shortcut:
        button.setShortcut(QKeySequence(shortcut))
    button.clicked.connect(slot)
    return button


def _table(model: object) -> QTableView:
    table = QTableView()
    table.setModel(model)  # type: ignore[arg-type]
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class GuidelinesPage(QWidget):
    """Outline on the left; the chosen section's text, triggers and key actions on the right."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.draft: GuidelinesDraft | None = None
        self.section_id: int | None = None
        self.merge_dialog: MergeDialog | None = None
        self._reloading = False
        self._text_dirty = False
        self.sections_model = SectionsModel()
        self.actions_model = KeyActionsModel(controller)
        self.triggers_model = TriggersModel()

        self.title_edit = QLineEdit()
        self.title_edit.setToolTip("Title printed on the draft")
        self.title_edit.editingFinished.connect(self._on_title_edit_finished)
        self.version_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel("Title"))
        top.addWidget(self.title_edit, 1)
        top.addWidget(self.version_label)
        top.addWidget(_button("New version…", self.new_version, "Number a new version of the draft"))
        top.addWidget(_button("Export PDF", self.export_pdf, "Write the draft as PDF", "Ctrl+Shift+E"))
        top.addWidget(_button("Export Word", self.export_docx, "Write the draft as a Word file (.docx)"))

        self.outline = QListView()
        self.outline.setModel(self.sections_model)
        self.outline.setWordWrap(True)
        self.outline.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.outline.setSpacing(2)
        self.outline.selectionModel().currentChanged.connect(self._on_outline_current_changed)
        outline_box = QGroupBox("Outline")
        outline_layout = QVBoxLayout(outline_box)
        outline_layout.addWidget(self.outline, 1)
        outline_buttons = QHBoxLayout()
        outline_buttons.addWidget(_button("Add", self.add_section, "Add a section after this one"))
        outline_buttons.addWidget(_button("Rename", self.rename_section, "Rename this section"))
        outline_buttons.addWidget(_button("Remove", self.remove_section, "Remove this section"))
        outline_buttons.addWidget(_button("↑", lambda: self.move_section(-1), "Move the section up"))
        outline_buttons.addWidget(_button("↓", lambda: self.move_section(1), "Move the section down"))
        outline_layout.addLayout(outline_buttons)

        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.text_edit = QPlainTextEdit()
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.textChanged.connect(self._on_text_changed)
        self.text_edit.installEventFilter(self)
        self.save_text_button = _button("Save text", self.commit_text, "Save the section text", "Ctrl+Return")

        self.triggers_table = _table(self.triggers_model)
        for column, width in enumerate((300, 170, 220, 140, 55, 110)):
            self.triggers_table.setColumnWidth(column, width)
        self.triggers_table.horizontalHeader().setStretchLastSection(False)
        self.triggers_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.triggers_box = QGroupBox("Referral triggers (top-voted red flags from the board)")
        triggers_layout = QVBoxLayout(self.triggers_box)
        triggers_layout.addWidget(self.triggers_table, 1)
        trigger_buttons = QHBoxLayout()
        trigger_buttons.addWidget(
            _button(
                "Pull referral triggers",
                self.pull_triggers,
                "Bring in the top-voted red flags of both boards",
            )
        )
        trigger_buttons.addWidget(
            _button("Remove trigger", self.remove_triggers, "Take the selected triggers out")
        )
        trigger_buttons.addStretch(1)
        triggers_layout.addLayout(trigger_buttons)

        self.actions_table = _table(self.actions_model)
        self.actions_table.setItemDelegateForColumn(ACTION_COLUMNS.index("status"), StatusDelegate(self))
        self.actions_table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        for column, width in enumerate((44, 320, 125, 135, 100, 85, 70, 80)):
            self.actions_table.setColumnWidth(column, width)
        self.actions_table.horizontalHeader().setStretchLastSection(False)
        self.actions_table.horizontalHeader().setSectionResizeMode(
            ACTION_COLUMNS.index("action"), QHeaderView.ResizeMode.Stretch
        )
        self.move_menu = QMenu(self)
        self.move_menu.aboutToShow.connect(self._on_move_menu_about_to_show)
        move_button = QToolButton()
        move_button.setText("Move to section")
        move_button.setMenu(self.move_menu)
        move_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        action_buttons = QHBoxLayout()
        for button in (
            _button("Add key action", self.add_action, "Add a key action to this section", "Ctrl+Shift+N"),
            _button("Merge…", self.merge_selected, "Merge the selected duplicate actions into one", "Ctrl+M"),
            _button(
                "Agreed",
                lambda: self.set_status("agreed"),
                "Mark the selected actions agreed",
                "Ctrl+Shift+A",
            ),
            _button("Proposed", lambda: self.set_status("proposed"), "Mark the selected actions proposed"),
            _button(
                "Defer",
                lambda: self.set_status("deferred"),
                "Mark the selected actions deferred",
                "Ctrl+Shift+D",
            ),
            _button("↑", lambda: self.move_action(-1), "Move the action up", "Alt+Up"),
            _button("↓", lambda: self.move_action(1), "Move the action down", "Alt+Down"),
        ):
            action_buttons.addWidget(button)
        action_buttons.addWidget(move_button)
        action_buttons.addWidget(
            _button("Remove", self.remove_actions, "Remove the selected actions (Delete)")
        )
        action_buttons.addStretch(1)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.actions_table, self.remove_actions)
        actions_box = QGroupBox("Key actions")
        actions_layout = QVBoxLayout(actions_box)
        actions_layout.addWidget(self.actions_table, 1)
        actions_layout.addLayout(action_buttons)
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
        editor_layout.addWidget(actions_box, 3)
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
        controller.workshop_changed.connect(self._on_workshop_changed)
        self.reload()

    # Reading ------------------------------------------------------------------------------------

    def _on_workshop_changed(self, changes: Changes) -> None:
        if changes.everything:
            self.section_id = None
            self._text_dirty = False
        if changes.touches(GUIDELINES):
            self.reload()

    def reload(self) -> None:
        """Read the draft again and show the same section and selection as before."""
        kept = self.selected_action_ids()
        self.draft = guidelines.draft(self.controller.session)
        self.title_edit.setText(self.draft.title)
        version = self.draft.current_version
        self.version_label.setText(
            f"Draft {version.label} of {version.created.day} {version.created:%B %Y}" if version else ""
        )
        self.summary_label.setText(self.draft.status_summary)
        self._reloading = True
        try:
            self.sections_model.set_draft(self.draft)
            if self.section_id is None or self.sections_model.row_of(self.section_id) is None:
                self.section_id = self.draft.sections[0].id if self.draft.sections else None
                self._text_dirty = False
            row = self.sections_model.row_of(self.section_id) if self.section_id is not None else None
            if row is not None:
                self.outline.setCurrentIndex(self.sections_model.index(row))
        finally:
            self._reloading = False
        self._show_section(kept)

    def current_section(self) -> Section | None:
        """The section being edited."""
        return self.draft.section(self.section_id) if self.draft and self.section_id is not None else None

    def _section_number(self) -> int:
        row = self.sections_model.row_of(self.section_id) if self.section_id is not None else None
        return (row or 0) + 1

    def _show_section(self, selected: list[int] | None = None) -> None:
        section = self.current_section()
        assert self.draft is not None
        self.heading.setText(f"{self._section_number()}. {section.title}" if section else "No sections")
        if not self._text_dirty:
            self.text_edit.blockSignals(True)
            self.text_edit.setPlainText(section.body if section else "")
            self.text_edit.blockSignals(False)
        self.text_edit.setPlaceholderText(section.hint if section else "")
        self.text_edit.setEnabled(section is not None)
        self.triggers_box.setVisible(bool(section and section.is_trigger_section))
        self.triggers_model.set_triggers(self.draft.triggers_in(section.id) if section else [])
        self.actions_model.set_actions(
            self._section_number(), self.draft.actions_in(section.id) if section else []
        )
        self.select_actions(selected or [])

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
        title, ok = QInputDialog.getText(self, "Add section", "Title of the new section:")
        if ok and title.strip():
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
        title, ok = QInputDialog.getText(self, "Rename section", "New title:", text=section.title)
        if ok:
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

    # Key actions ---------------------------------------------------------------------------------

    def selected_action_ids(self) -> list[int]:
        """Ids of the selected key actions, first selected first."""
        model = self.actions_table.selectionModel()
        rows = [index.row() for index in model.selectedRows()] if model else []
        return [self.actions_model.action(row).id for row in rows if row < self.actions_model.rowCount()]

    def select_actions(self, ids: list[int]) -> None:
        """Select key actions by id (those shown)."""
        self.actions_table.clearSelection()
        for action_id in ids:
            row = self.actions_model.row_of(action_id)
            if row is not None:
                self.actions_table.selectionModel().select(
                    self.actions_model.index(row, 0),
                    self.actions_table.selectionModel().SelectionFlag.Select
                    | self.actions_table.selectionModel().SelectionFlag.Rows,
                )

    def add_action(self) -> int | None:
        """Add a key action to this section and start writing it."""
        if self.section_id is None:
            return None
        new_id = self.controller.run(guidelines.add_action, self.section_id, "New key action")
        row = self.actions_model.row_of(new_id) if new_id is not None else None
        if row is not None:
            index = self.actions_model.index(row, ACTION_COLUMNS.index("action"))
            self.actions_table.setCurrentIndex(index)
            self.actions_table.edit(index)
        return new_id

    def remove_actions(self) -> None:
        """Remove the selected key actions."""
        ids = self.selected_action_ids()
        if ids:
            self.controller.run(guidelines.remove_actions, ids)

    def set_status(self, status: str) -> None:
        """Mark the selected key actions."""
        ids = self.selected_action_ids()
        if ids:
            self.controller.run(guidelines.set_status, ids, status)

    def move_action(self, offset: int) -> None:
        """Move the selected key action up or down."""
        ids = self.selected_action_ids()
        if len(ids) == 1:
            self.controller.run(guidelines.move_action, ids[0], offset)
            self.select_actions(ids)

    def move_actions_to(self, section_id: int) -> None:
        """Move the selected key actions to the end of another section."""
        for action_id in self.selected_action_ids():
            self.controller.run(guidelines.move_action, action_id, section_id=section_id)

    def _on_move_menu_about_to_show(self) -> None:
        self.move_menu.clear()
        for row in range(self.sections_model.rowCount()):
            section = self.sections_model.section(row)
            if section.id != self.section_id:
                self.move_menu.addAction(
                    f"{row + 1}. {section.title}", lambda s=section.id: self.move_actions_to(s)
                )

    def merge_selected(self) -> None:
        """Ask for the merged wording of the selected actions, then merge them."""
        ids = self.selected_action_ids()
        if len(ids) < 2:
            self.controller.error_reported.emit(
                "Action not done", "Merge: select two or more key actions (Ctrl+click), then merge."
            )
            return
        actions = [self.actions_model.action(self.actions_model.row_of(i) or 0) for i in ids]
        self.merge_dialog = MergeDialog(actions, self)
        self.merge_dialog.accepted.connect(self._on_merge_dialog_accepted)
        self.merge_dialog.open()

    def _on_merge_dialog_accepted(self) -> None:
        dialog = self.merge_dialog
        if dialog is not None:
            kept = self.controller.run(guidelines.merge_actions, dialog.action_ids, dialog.text)
            if kept is not None:
                self.select_actions([kept])

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
        note, ok = QInputDialog.getText(self, "New version", prompt)
        if ok:
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
