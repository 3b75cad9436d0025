"""Item model of the agenda table: one day's items, edited and reordered through the app layer.

Rows are the items of the chosen day with their planned times, what the timer recorded, and
(while the day is being run) when each later item now starts. Dragging rows calls
``agenda.move_items``. After any action the model updates only the rows whose text changed
(inserts, removals, moves, ``dataChanged``), so the selection, current cell and an open editor
survive an edit made elsewhere; it resets only when the action's rows are unknown.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from facilitator.app import agenda, links
from facilitator.app.changes import AGENDA, TIMER, Changes, RowChanges
from facilitator.core.agenda import KIND_LABELS, DaySchedule, ScheduledItem, clock_text
from facilitator.core.timer_view import TimerView
from facilitator.ui.controller import Controller
from facilitator.ui.headed_table_model import HeadedTableModel
from facilitator.ui.item_index import Index
from facilitator.ui.row_sync import emit_rows_changed, sync_rows

__all__ = ["COLUMNS", "MIME_TYPE", "AgendaTableModel"]

#: (key, title) of each column; keys that are item fields are editable.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("start", "Start"),
    ("end", "End"),
    ("now", "Now"),
    ("actual", "Actual"),
    ("title", "Title"),
    ("kind", "Kind"),
    ("duration", "Min"),
    ("lead", "Lead or speaker"),
    ("objective", "Obj."),
    ("flexible", "Flexible"),
    ("link", "Link"),
    ("notes", "Notes"),
)
_KEYS = tuple(key for key, _ in COLUMNS)
_EDITABLE = frozenset(agenda.ITEM_FIELDS) - {"flexible"}
MIME_TYPE = "application/x-facilitator-agenda-items"


def _wall_clock(wall: float | None) -> str:
    return "…" if wall is None else clock_text(datetime.fromtimestamp(wall))


#: The tables holding what an item can link to (round names, board titles): a card or a vote
#: changes none of them, so the links column is read again only when one of these changes.
_LINKED_TABLES = ("groups_rounds", "boards_boards")


class AgendaTableModel(HeadedTableModel):
    """The items of one day, brought up to date by :meth:`apply_changes`; polls nothing itself.

    Args:
        controller: The GUI controller (edits go through ``controller.run``).
    """

    def __init__(self, controller: Controller) -> None:
        super().__init__()
        self._controller = controller
        self._days: list[DaySchedule] = []
        self._day_id: int | None = None
        self._rows: list[ScheduledItem] = []
        self._actual: dict[int, str] = {}
        self._projected: dict[int, str] = {}
        self._current: int | None = None
        self._targets = links.link_targets(controller.session)
        self.reload()

    # Loading -----------------------------------------------------------------------------------

    @property
    def days(self) -> list[DaySchedule]:
        """Every day, timed."""
        return self._days

    @property
    def day(self) -> DaySchedule | None:
        """The day shown."""
        return next((d for d in self._days if d.day.id == self._day_id), None)

    def set_day(self, day_id: int | None) -> None:
        """Show another day."""
        self._day_id = day_id
        self.reload()

    def reload(self) -> None:
        """Read the agenda, the timer's record and the link targets again, and reset the table."""
        self.beginResetModel()
        self._targets = links.link_targets(self._controller.session)
        self._days = agenda.load_schedule(self._controller.session)
        if self.day is None:
            self._day_id = self._days[0].day.id if self._days else None
        day = self.day
        self._rows = list(day.items) if day else []
        self._actual = self._read_actual()
        self.endResetModel()

    def _read_actual(self) -> dict[int, str]:
        return {
            key: f"{_wall_clock(run.started)}–{_wall_clock(run.ended) if run.ended else 'now'}"
            for key, run in agenda.item_runs(self._controller.session).items()
            if run.started is not None
        }

    @property
    def link_targets(self) -> links.LinkTargets:
        """The rounds and boards an item can link to, as last read."""
        return self._targets

    def apply_changes(self, changes: Changes) -> None:
        """Update the rows an action changed; reset only when its rows are unknown.

        An item's start and end follow from the durations before it, so the day is timed again
        and compared row by row: only rows whose text changed are reported.
        """
        tables = ("agenda_items", "agenda_days", "timer_runs")
        rows: list[RowChanges | None] = [changes.rows_of(t) for t in tables]
        if changes.touches(AGENDA, TIMER) and any(r is None for r in rows):
            self.reload()
            return
        if any(changes.rows_of(t) != RowChanges() for t in _LINKED_TABLES):
            targets = links.link_targets(self._controller.session)
            if targets != self._targets:
                self._targets = targets
                emit_rows_changed(self, range(len(self._rows)))
        items, days, runs = (r or RowChanges() for r in rows)
        if items.all or days.all:
            self._days = agenda.load_schedule(self._controller.session)
            day = self.day
            if day is None:
                self.reload()
                return
            sync_rows(self, self._rows, day.items, lambda timed: timed.item.id)
        if runs.all:
            actual = self._read_actual()
            ids = {i for i in actual.keys() | self._actual.keys() if actual.get(i) != self._actual.get(i)}
            self._actual = actual
            self._emit_ids(ids)

    def _emit_ids(self, ids: set[int]) -> None:
        emit_rows_changed(self, [row for row, timed in enumerate(self._rows) if timed.item.id in ids])

    def show_timer(self, view: TimerView) -> None:
        """Mark the current item and the re-planned starts (called by the page's polling)."""
        current = view.item.item.id if view.item else None
        projected = {}
        if view.replan is not None and view.day is not None and view.day.day.id == self._day_id:
            projected = {k: clock_text(v) for k, v in view.replan.projected.items()}
        if current == self._current and projected == self._projected:
            return
        ids = {self._current, current} - {None}
        ids |= {
            i for i in projected.keys() | self._projected.keys() if projected.get(i) != self._projected.get(i)
        }
        self._current, self._projected = current, projected
        self._emit_ids({i for i in ids if i is not None})

    # Reading -----------------------------------------------------------------------------------

    def item_id(self, row: int) -> int:
        """Id of the item in a row."""
        return self._rows[row].item.id

    def row_of(self, item_id: int) -> int | None:
        """Row of an item, if it is on the day shown."""
        return next((i for i, t in enumerate(self._rows) if t.item.id == item_id), None)

    def _display(self, timed: ScheduledItem, key: str) -> str:
        item = timed.item
        if key == "start":
            return clock_text(timed.start)
        if key == "end":
            return clock_text(timed.end)
        if key == "kind":
            return KIND_LABELS.get(item.kind, item.kind)
        if key == "duration":
            return str(item.duration)
        if key == "flexible":
            return ""
        if key == "actual":
            return self._actual.get(item.id, "")
        if key == "now":
            return self._projected.get(item.id, "")
        if key == "link":
            return self._targets.label(item.link)
        return str(getattr(item, key))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, edit values, the flexible check box and the current item's highlight."""
        if not index.isValid():
            return None
        timed = self._rows[index.row()]
        key = _KEYS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(timed, key)
        if role == Qt.ItemDataRole.EditRole:
            if key in ("kind", "link"):
                return getattr(timed.item, key)
            return self._display(timed, key)
        missing = key == "link" and not self._targets.exists(timed.item.link)
        if role == Qt.ItemDataRole.ForegroundRole and missing:
            return QBrush(QColor("#b42318"))
        if role == Qt.ItemDataRole.CheckStateRole and key == "flexible":
            return Qt.CheckState.Checked if timed.item.flexible else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "now":
                return "When the item now starts, re-planned from the running timer"
            if key in ("title", "notes") and timed.item.notes:
                return timed.item.notes
            if missing:
                return "What this links to no longer exists; choose another link or clear it."
            if key == "link":
                return "The breakout round or board this session uses (double-click to choose)"
        if role == Qt.ItemDataRole.FontRole and timed.item.id == self._current:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            if timed.item.id == self._current:
                return QBrush(QColor("#fff3c4"))
            if timed.item.kind in ("break", "meal"):
                return QBrush(QColor("#eef1f5"))
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("start", "end", "duration", "objective"):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Item fields are editable, flexible is a check box, rows can be dragged."""
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        key = _KEYS[index.column()]
        if key in _EDITABLE:
            base |= Qt.ItemFlag.ItemIsEditable
        if key == "flexible":
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    # Writing -----------------------------------------------------------------------------------

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Save an edit through the application layer; a refused value is reported, not kept."""
        if not index.isValid():
            return False
        key = _KEYS[index.column()]
        item_id = self._rows[index.row()].item.id
        if role == Qt.ItemDataRole.CheckStateRole and key == "flexible":
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            return self._controller.run(agenda.edit_item, item_id, flexible=checked) is not None
        if role != Qt.ItemDataRole.EditRole or key not in _EDITABLE:
            return False
        return self._controller.run(agenda.edit_item, item_id, **{key: str(value)}) is not None

    def supportedDropActions(self) -> Qt.DropAction:
        """Rows are moved, never copied."""
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        """The private type carrying dragged item ids."""
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """The ids of the dragged rows, in table order."""
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data = QMimeData()
        data.setData(MIME_TYPE, QByteArray(",".join(str(self.item_id(r)) for r in rows).encode()))
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Only agenda rows, only as a move."""
        return data.hasFormat(MIME_TYPE) and action == Qt.DropAction.MoveAction

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Move the dropped items before ``row`` (or onto the row dropped on) as one undo step.

        Returns False even on success: the move is done by the app layer and the model reloads,
        so the view must not remove the source rows itself; the rows move when the change arrives.
        """
        if not self.canDropMimeData(data, action, row, column, parent) or self._day_id is None:
            return False
        raw = bytes(data.data(MIME_TYPE).data()).decode()
        ids = [int(part) for part in raw.split(",") if part]
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self._rows))
        self.move(ids, target)
        return False

    def move(self, ids: list[int], row: int) -> None:
        """Move items to ``row`` of the day shown."""
        if self._day_id is not None and ids:
            self._controller.run(agenda.move_items, ids, self._day_id, row)

    def row_count(self) -> int:
        """Number of items on the day."""
        return len(self._rows)

    def column_titles(self) -> list[str]:
        """Column titles."""
        return [title for _, title in COLUMNS]
