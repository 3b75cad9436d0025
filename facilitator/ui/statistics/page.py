"""Statistics page: who is coming, by sex, sector and delegation, against the women's target and
the concept paper's expected composition."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.app import roster
from facilitator.app.changes import ROSTER, WORKSHOP, Changes
from facilitator.core.participants import ASEAN_MEMBERS, SECTOR_LABELS, SEX_LABELS
from facilitator.core.statistics import roster_statistics
from facilitator.core.wording import counted
from facilitator.ui.change_follower import ChangeFollower
from facilitator.ui.controller import Controller
from facilitator.ui.rows_model import RowsModel

__all__ = ["StatisticsPage"]

_BELOW = "#ffd8d3"
_SHORT = "#fff1c2"


def _table(model: RowsModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().setVisible(False)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().setDefaultSectionSize(22)
    return view


def _boxed(title: str, widget: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    QVBoxLayout(box).addWidget(widget)
    return box


class StatisticsPage(QWidget):
    """Counts that refresh as the roster changes; delegations under the women's target in red."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.sex_model = RowsModel(("Sex", "People", "Share"))
        self.sector_model = RowsModel(("Sector", "People", "Share"))
        self.delegation_model = RowsModel(
            ("Delegation", "Women", "Men", "Total", "Women's share", "Target"),
            highlight=lambda row: _BELOW if row[5] == "Below target" else None,
        )
        self.composition_model = RowsModel(
            ("Category (concept paper)", "Expected", "Registered", "Difference"),
            highlight=self._composition_colour,
        )
        grid = QGridLayout(self)
        grid.addWidget(self.summary, 0, 0, 1, 2)
        grid.addWidget(_boxed("By sex", _table(self.sex_model)), 1, 0)
        grid.addWidget(_boxed("By sector", _table(self.sector_model)), 2, 0)
        grid.addWidget(_boxed("Women's share by delegation", _table(self.delegation_model)), 1, 1, 2, 1)
        grid.addWidget(_boxed("Registered against expected", _table(self.composition_model)), 3, 0, 1, 2)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        grid.setRowStretch(1, 2)
        grid.setRowStretch(2, 3)
        grid.setRowStretch(3, 3)
        # Counting the whole roster after every edit is wasted while the page is not shown.
        self.follower = ChangeFollower(self, controller, self._on_workshop_changed, ROSTER, WORKSHOP)
        self.refresh()

    @staticmethod
    def _composition_colour(row: Sequence[Any]) -> str | None:
        return _SHORT if isinstance(row[3], int) and row[3] < 0 else None

    def _on_workshop_changed(self, changes: Changes) -> None:
        if changes.touches(ROSTER, WORKSHOP):
            self.refresh()

    def refresh(self) -> None:
        """Recount from the roster."""
        session = self.controller.session
        info = session.info
        people = roster.participants(session)
        stats = roster_statistics(people, info.women_target)
        total = max(stats.participants, 1)
        self.sex_model.set_rows([(SEX_LABELS[k], v, f"{v / total:.0%}") for k, v in stats.by_sex.items()])
        self.sector_model.set_rows(
            [(SECTOR_LABELS.get(k, k), v, f"{v / total:.0%}") for k, v in stats.by_sector.items()]
        )
        self.delegation_model.set_rows(
            [
                (
                    f"{b.delegation} — {ASEAN_MEMBERS[b.delegation]}"
                    if b.delegation in ASEAN_MEMBERS
                    else b.delegation or "(none)",
                    b.women,
                    b.men,
                    b.total,
                    f"{b.share:.0%}",
                    "Meets target" if b.meets_target else "Below target",
                )
                # Delegations below the target first: they are what the donor asks about.
                for b in sorted(stats.balances, key=lambda balance: balance.meets_target)
            ]
        )
        counts = info.composition_counts(people)
        composition = [
            (c.label, c.expected, counts[c.key], counts[c.key] - c.expected) for c in info.composition
        ]
        if counts[""]:
            composition.append(("Not in any category", 0, counts[""], counts[""]))
        self.composition_model.set_rows(composition)
        below = [b.delegation for b in stats.balances if not b.meets_target]
        women = stats.by_sex.get("F", 0)
        self.summary.setText(
            f"<b>{stats.participants} participants</b>, {women} women ({women / total:.0%}). "
            + (
                f"<span style='color:#cf222e'>{counted(len(below), 'delegation')} "
                f"below the {info.women_target:.0%} "
                f"women's target: {', '.join(below)}. "
                "The donor asks these delegations for an explanation.</span>"
                if below
                else f"Every delegation meets the {info.women_target:.0%} women's target."
            )
        )
