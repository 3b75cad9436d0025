"""The walk-in form: register someone who is not on the roster, check them in, print their tag."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPushButton,
    QWidget,
)

from facilitator.core.participants import ASEAN_MEMBERS, FIELD_LABELS, SECTOR_LABELS, SECTORS
from facilitator.documents.label_sheets import label_sheets

__all__ = ["WalkInForm"]


class WalkInForm(QGroupBox):
    """Name, native name, sex, delegation, organisation, position and sector of a walk-in.

    Signals:
        submitted(dict): the roster values typed in (the page registers and checks in).
    """

    submitted = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Walk-in registration (F3)", parent)
        self.name = QLineEdit()
        self.name.setPlaceholderText("Full name as it should appear on the name tag")
        self.native_name = QLineEdit()
        self.native_name.setPlaceholderText("Optional: name in Lao, Thai, Khmer or Myanmar script")
        self.sex = QComboBox()
        for code, label in (("", "Not given"), ("F", "Woman"), ("M", "Man"), ("X", "Other")):
            self.sex.addItem(label, code)
        self.delegation = QComboBox()
        self.delegation.setEditable(True)
        self.delegation.addItem("")
        for code, name in ASEAN_MEMBERS.items():
            self.delegation.addItem(f"{name} ({code})", code)
        self.delegation.setToolTip("A Member State, or type an organisation")
        self.organisation = QLineEdit()
        self.position = QLineEdit()
        self.sector = QComboBox()
        self.sector.addItem("Not given", "")
        for sector in SECTORS:
            self.sector.addItem(SECTOR_LABELS[sector], sector)
        self.print_tag = QCheckBox("Print the name tag now")
        self.print_tag.setChecked(True)
        self.print_tag.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.sheet = QComboBox()
        for key, sheet in label_sheets().items():
            self.sheet.addItem(sheet.title, key)
        self.sheet.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.submit_button = QPushButton("Register and check in")
        self.submit_button.setToolTip("Register and check in (Enter in any field)")
        self.submit_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.submit_button.clicked.connect(self.submit)

        form = QFormLayout(self)
        self._editors: dict[str, QWidget] = {}
        for field, editor in (
            ("name", self.name),
            ("native_name", self.native_name),
            ("sex", self.sex),
            ("delegation", self.delegation),
            ("organisation", self.organisation),
            ("position", self.position),
            ("sector", self.sector),
        ):
            form.addRow(FIELD_LABELS[field], editor)
            self._editors[FIELD_LABELS[field]] = editor
        form.addRow(self.print_tag, self.sheet)
        form.addRow(self.submit_button)
        for line_edit in (self.name, self.native_name, self.organisation, self.position):
            line_edit.returnPressed.connect(self.submit)
        line = self.delegation.lineEdit()
        if line is not None:
            line.returnPressed.connect(self.submit)

    def focus_field_of(self, message: str) -> bool:
        """Put the cursor in the field a refusal starts with ("Name: …"); whether there was one."""
        editor = self._editors.get(message.partition(":")[0].strip())
        if editor is not None:
            editor.setFocus()
        return editor is not None

    def inputs(self) -> list[QWidget]:
        """The widgets that may hold keyboard focus (the page gives focus back to the scan field
        from anything else)."""
        widgets: list[QWidget] = [self.name, self.native_name, self.sex, self.delegation]
        widgets += [self.organisation, self.position, self.sector]
        line = self.delegation.lineEdit()
        if line is not None:
            widgets.append(line)
        return widgets

    def values(self) -> dict[str, str]:
        """The roster values typed in; a chosen Member State gives its code."""
        typed = self.delegation.currentText().strip()
        index = self.delegation.findText(typed)
        delegation = str(self.delegation.itemData(index) or typed) if index >= 0 else typed
        values = {
            "name": self.name.text(),
            "native_name": self.native_name.text(),
            "sex": str(self.sex.currentData()),
            "delegation": delegation,
            "organisation": self.organisation.text(),
            "position": self.position.text(),
            "sector": str(self.sector.currentData()),
        }
        return {field: value for field, value in values.items() if value.strip()}

    def submit(self) -> None:
        """Hand the values to the page."""
        self.submitted.emit(self.values())

    def clear(self) -> None:
        """Empty the form for the next walk-in."""
        for field in (self.name, self.native_name, self.organisation, self.position):
            field.clear()
        self.delegation.setCurrentIndex(0)
        self.delegation.setEditText("")
        self.sex.setCurrentIndex(0)
        self.sector.setCurrentIndex(0)
