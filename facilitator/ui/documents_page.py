"""Documents page: every document the workshop produces, one click each, previewed in the app."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from facilitator import paths
from facilitator.app.exports import EXPORT_KINDS, ExportOptions
from facilitator.documents.label_sheets import label_sheets
from facilitator.ui.controller import Controller

__all__ = ["DocumentsPage"]


class DocumentsPage(QWidget):
    """Buttons for each kind of document, with the choices some of them need."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.day = QSpinBox()
        self.day.setRange(1, 14)
        self.day.setToolTip("Workshop day for sign-in sheets and attendance")
        self.sheet = QComboBox()
        for key, sheet in label_sheets().items():
            self.sheet.addItem(sheet.title, key)
        choices = QGroupBox("Choices")
        form = QFormLayout(choices)
        form.addRow("Day", self.day)
        form.addRow("Label sheet for name tags", self.sheet)

        buttons = QGroupBox("Documents (PDF, opened in a preview with Print… and Save as…)")
        column = QVBoxLayout(buttons)
        self.buttons: dict[str, QPushButton] = {}
        for kind in EXPORT_KINDS.values():
            button = QPushButton(kind.title)
            button.clicked.connect(lambda _=False, key=kind.key: self.export(key))
            column.addWidget(button)
            self.buttons[kind.key] = button
        folder = QPushButton("Open the exports folder")
        folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.exports_dir()))))
        note = QLabel(f"Documents are saved in {paths.exports_dir()}.")
        note.setWordWrap(True)

        row = QHBoxLayout()
        row.addWidget(buttons, 1)
        row.addWidget(choices, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(note)
        layout.addWidget(folder)
        layout.addStretch(1)

    def options(self) -> ExportOptions:
        """The current choices."""
        return ExportOptions(day=self.day.value(), sheet=str(self.sheet.currentData()))

    def export(self, key: str) -> None:
        """Write a document in the background; it opens in the preview when ready."""
        self.controller.export(key, self.options())
