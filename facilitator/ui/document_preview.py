"""In-app preview of a generated PDF, with Print…, Save as… and Open folder."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.system_errors import describe_system_error
from facilitator.core.wording import counted
from facilitator.documents.atomic import atomic_output
from facilitator.ui.window_fit import fit_to_screen

__all__ = ["DocumentPreview"]


class DocumentPreview(QDialog):
    """Shows a PDF as it will print, so the organiser checks it before paper is used."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.setWindowTitle(f"Preview — {self.path.name}")
        self.document = QPdfDocument(self)
        self.document.load(str(self.path))
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        pages = self.document.pageCount()
        info = QLabel(f"{self.path}  ·  {counted(pages, 'page')}")
        info.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = QPushButton("Print…")
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.save_button = QPushButton("Save as…")
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        folder_button = QPushButton("Open folder")
        for button in (self.print_button, self.save_button, folder_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self._on_print_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)
        folder_button.clicked.connect(self._on_folder_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        # Tall enough for a page and a half, but never past a laptop screen's task bar.
        fit_to_screen(self, 900, 760)

    def save_copy(self, target: Path) -> Path:
        """Copy the document to ``target``; a file already there stays whole until the copy is."""
        target = Path(target)
        if target.resolve() != self.path.resolve():
            with atomic_output(target) as partial:
                shutil.copyfile(self.path, partial)
        return target

    def _on_save_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Save document as", str(self.path), "PDF (*.pdf)")
        if name:
            try:
                self.save_copy(Path(name))
            except OSError as error:
                QMessageBox.warning(self, "Document not saved", describe_system_error(error))

    def _on_folder_clicked(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent)))

    def _on_print_clicked(self) -> None:
        from PySide6.QtGui import QPainter
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(
                self, "Cannot print", "The printer could not be opened. Check it and try again."
            )
            return
        rect = painter.viewport()
        for index in range(self.document.pageCount()):
            if index:
                printer.newPage()
            size = self.document.pagePointSize(index).toSize()
            scale = min(rect.width() / max(size.width(), 1), rect.height() / max(size.height(), 1))
            image = self.document.render(index, size * scale)
            painter.drawImage(0, 0, image)
        painter.end()
