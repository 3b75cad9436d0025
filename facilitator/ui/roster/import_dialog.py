"""Review of a roster import: column mapping, every problem with its row and column, then import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.app import roster
from facilitator.core.participants import FIELD_LABELS, ROSTER_FIELDS
from facilitator.core.roster_import import ImportPlan, RawTable
from facilitator.core.wording import counted
from facilitator.ui.controller import Controller

__all__ = ["ImportDialog"]

_IGNORE = ""
#: Colour of a problem that stops the import (notes to check keep the normal colour).
_PROBLEM_INK = "#cf222e"
#: Longest example value shown beside a column's header.
_SAMPLE_LENGTH = 30


class ImportDialog(QDialog):
    """Shows how each column will be read and what is wrong, and imports only when all is well.

    Args:
        controller: The GUI controller.
        table: The file's contents, already read off the GUI thread.
        source: The file, for messages.
    """

    def __init__(
        self, controller: Controller, table: RawTable, source: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.table = table
        self.source = Path(source)
        self.plan: ImportPlan | None = None
        self.result: roster.ImportResult | None = None
        self.setWindowTitle(f"Import {self.source.name}")
        self.resize(760, 600)

        intro = QLabel(
            f"<b>{self.source.name}</b>: {len(table.rows)} rows below the header in row {table.header_row}. "
            "Check how each column will be read. Columns set to “(ignore)” are not imported."
        )
        intro.setWordWrap(True)
        mapping_box = QGroupBox("Columns")
        form = QFormLayout(mapping_box)
        self.combos: list[QComboBox] = []
        initial = roster.prepare_import(controller.session, table).mapping
        for index in range(len(table.headers)):
            combo = QComboBox()
            combo.addItem("(ignore)", _IGNORE)
            for field in ROSTER_FIELDS:
                combo.addItem(FIELD_LABELS[field], field)
            guessed = initial.fields[index] if initial else None
            combo.setCurrentIndex(combo.findData(guessed or _IGNORE))
            combo.currentIndexChanged.connect(self.replan)
            form.addRow(_column_label(table, index), combo)
            self.combos.append(combo)

        self.replace_box = QCheckBox("Replace the whole roster (otherwise the people are added)")
        self.replace_box.toggled.connect(self.replan)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.problems = QListWidget()
        self.problems.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = QPushButton("Import")
        self.import_button.setDefault(True)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.clicked.connect(self.import_now)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(mapping_box)
        layout.addWidget(self.replace_box)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.buttons)
        self.replan()

    def mapping(self) -> dict[str, str]:
        """The chosen mapping as header → field ("" ignores the column)."""
        return {
            header or f"column {index + 1}": str(combo.currentData())
            for index, (header, combo) in enumerate(zip(self.table.headers, self.combos, strict=True))
        }

    def replan(self) -> None:
        """Check the file again with the current choices."""
        self.plan = roster.prepare_import(
            self.controller.session, self.table, self.mapping(), self.replace_box.isChecked()
        )
        self.problems.clear()
        for problem in self.plan.problems:
            item = QListWidgetItem(f"Problem — {problem}")
            item.setForeground(QColor(_PROBLEM_INK))
            self.problems.addItem(item)
        for note in self.plan.notes:
            self.problems.addItem(f"Check — {note}")
        notes, problems = len(self.plan.notes), len(self.plan.problems)
        if self.plan.ok:
            to_check = f" {counted(notes, 'item')} to check below." if notes else ""
            self.summary.setText(
                f"<span style='color:#1a7f37'><b>Ready:</b> {len(self.plan.participants)} participants "
                f"will be imported.</span>{to_check}"
            )
        else:
            self.summary.setText(
                f"<span style='color:{_PROBLEM_INK}'><b>{counted(problems, 'problem')}</b> must be "
                "corrected in the file (or by choosing another column) before importing. "
                "Nothing has been imported.</span>"
            )
        self.import_button.setEnabled(self.plan.ok)

    def import_now(self) -> None:
        """Import in one transaction and close; if the import is refused, check the file again.

        A refusal usually means the roster changed while the dialog was open (a walk-in was
        registered, someone was removed): the check is redone against the roster as it is now, so
        that what the dialog shows is true again and Import can be pressed once more.
        """
        if self.plan is None or not self.plan.ok:
            return
        self.result = self.controller.run(
            roster.apply_import, self.plan, str(self.source), self.replace_box.isChecked()
        )
        if self.result is not None:
            self.accept()
        else:
            self.replan()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        """Enter imports only when the import button is enabled."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.import_button.isEnabled():
            return
        super().keyPressEvent(event)


def _column_label(table: RawTable, index: int) -> str:
    """The column's header and its first value, so that an unfamiliar heading can be placed."""
    header = table.headers[index] or f"(column {index + 1}, no header)"
    sample = next((row[index].strip() for row in table.rows if index < len(row) and row[index].strip()), "")
    if len(sample) > _SAMPLE_LENGTH:
        sample = sample[: _SAMPLE_LENGTH - 1] + "…"
    return f"{header}  (e.g. {sample})" if sample else header
