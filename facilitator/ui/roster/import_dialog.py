"""Review of a roster import: column mapping, what the import does to the roster, every problem
with its row and column, then import."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from facilitator.app import roster
from facilitator.core.participants import FIELD_LABELS, ROSTER_FIELDS
from facilitator.core.roster_headers import fold
from facilitator.core.roster_import import ImportPlan, RawTable
from facilitator.core.wording import counted
from facilitator.ui.controller import Controller
from facilitator.ui.roster.import_preview import ImportPreviewModel
from facilitator.ui.window_fit import fit_to_screen

__all__ = ["ImportDialog", "remembered_mapping"]

_IGNORE = ""
#: Colour of a problem that stops the import (notes to check keep the normal colour).
_PROBLEM_INK = "#cf222e"
#: Longest example value shown beside a column's header.
_SAMPLE_LENGTH = 30
#: Import-only choices: a list with first and last names in two columns.
_NAME_PARTS = (("given_name", "Name: first (given) part"), ("family_name", "Name: last (family) part"))
_SETTINGS_GROUP = "roster_import_mappings"


def _settings_key(headers: tuple[str, ...]) -> str:
    """One key per set of headings, whatever their case or spacing."""
    return hashlib.sha1("\x1f".join(fold(h) for h in headers).encode()).hexdigest()


def remembered_mapping(headers: tuple[str, ...]) -> dict[str, str]:
    """The mapping last chosen by hand for a file with these headings (a UI preference)."""
    settings = QSettings("Facilitator", "Facilitator")
    stored = settings.value(f"{_SETTINGS_GROUP}/{_settings_key(headers)}", "")
    try:
        mapping = json.loads(stored) if isinstance(stored, str) and stored else {}
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in mapping.items()} if isinstance(mapping, dict) else {}


def _remember_mapping(headers: tuple[str, ...], mapping: dict[str, str]) -> None:
    settings = QSettings("Facilitator", "Facilitator")
    settings.setValue(f"{_SETTINGS_GROUP}/{_settings_key(headers)}", json.dumps(mapping, ensure_ascii=False))


class ImportDialog(QDialog):
    """Shows how each column will be read, who is new, changed, unchanged or not in the file, and
    what is wrong; imports only when all is well.

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
        self.import_result: roster.ImportResult | None = None
        self.setWindowTitle(f"Import {self.source.name}")
        fit_to_screen(self, 980, 760)

        intro = QLabel(
            f"<b>{self.source.name}</b>: {len(table.rows)} rows below the header in row {table.header_row}. "
            "Check how each column will be read (columns set to “(ignore)” are not imported) and what "
            "the import will do. People already on the roster are matched by e-mail, then by name and "
            "delegation, and updated in place."
        )
        intro.setWordWrap(True)
        mapping_box = QGroupBox("Columns")
        form = QFormLayout(mapping_box)
        self.combos: list[QComboBox] = []
        remembered = remembered_mapping(table.headers)
        self.automatic = roster.prepare_import(controller.session, table).mapping
        initial = roster.prepare_import(controller.session, table, remembered).mapping if remembered else None
        for index in range(len(table.headers)):
            combo = QComboBox()
            combo.addItem("(ignore)", _IGNORE)
            for field in ROSTER_FIELDS:
                combo.addItem(FIELD_LABELS[field], field)
            for field, label in _NAME_PARTS:
                combo.addItem(label, field)
            mapping = initial or self.automatic
            guessed = mapping.fields[index] if mapping else None
            combo.setCurrentIndex(combo.findData(guessed or _IGNORE))
            combo.currentIndexChanged.connect(self.replan)
            form.addRow(_column_label(table, index), combo)
            self.combos.append(combo)
        columns = QScrollArea()
        columns.setWidget(mapping_box)
        columns.setWidgetResizable(True)

        self.replace_box = QCheckBox("Replace the whole roster (otherwise people are matched and updated)")
        self.replace_box.toggled.connect(self.replan)
        self.remove_box = QCheckBox()
        self.remove_box.toggled.connect(self.replan)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.preview_model = ImportPreviewModel(self)
        self.preview = QTreeView()
        self.preview.setModel(self.preview_model)
        self.preview.setUniformRowHeights(True)
        self.preview.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.preview.header().setStretchLastSection(True)
        self.preview.setColumnWidth(0, 260)
        self.preview.setColumnWidth(1, 130)
        self.problems = QListWidget()
        self.problems.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = QPushButton("Import")
        self.import_button.setDefault(True)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.clicked.connect(self.import_now)
        self.buttons.rejected.connect(self.reject)

        lower = QSplitter(Qt.Orientation.Vertical)
        lower.addWidget(self.preview)
        lower.addWidget(self.problems)
        lower.setSizes([380, 110])  # the preview is what an updated list is checked by
        upper = QSplitter(Qt.Orientation.Vertical)
        upper.addWidget(columns)
        upper.addWidget(lower)
        upper.setSizes([220, 480])
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(upper, 1)
        layout.addWidget(self.replace_box)
        layout.addWidget(self.remove_box)
        layout.addWidget(self.summary)
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
        replace = self.replace_box.isChecked()
        self.plan = roster.prepare_import(self.controller.session, self.table, self.mapping(), replace)
        missing = len(self.plan.missing)
        self.remove_box.setText(
            "Also remove the person on the roster who is not in this file"
            if missing == 1
            else f"Also remove the {missing} people on the roster who are not in this file"
        )
        self.remove_box.setEnabled(bool(missing) and not replace)
        self.preview_model.set_plan(self.plan, self.remove_box.isChecked() and self.remove_box.isEnabled())
        self.preview.expandAll()
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
                f"<span style='color:#1a7f37'><b>Ready:</b> {len(self.plan.participants)} new, "
                f"{len(self.plan.updates)} changed, {len(self.plan.unchanged)} unchanged, "
                f"{missing} on the roster but not in the file.</span>{to_check}"
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
        that what the dialog shows is true again and Import can be pressed once more. A mapping
        corrected by hand is remembered for the next file with the same headings.
        """
        if self.plan is None or not self.plan.ok:
            return
        self.import_result = self.controller.run(
            roster.apply_import,
            self.plan,
            str(self.source),
            self.replace_box.isChecked(),
            self.remove_box.isChecked() and self.remove_box.isEnabled(),
        )
        if self.import_result is not None:
            chosen, guessed = self.plan.mapping, self.automatic
            if chosen is not None and guessed is not None and chosen.fields != guessed.fields:
                _remember_mapping(self.table.headers, self.mapping())
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
