"""Bring a list-backed table model up to date row by row instead of resetting it.

A reset drops the selection, the current cell, the scroll position and any open editor: the
typist loses their place whenever anyone else changes anything. :func:`sync_rows` compares the
rows shown with a fresh read, keyed by id, and tells the views only what happened: rows removed,
inserted or moved (persistent indexes, and so the selection, follow a moved row) and rows whose
values changed. Changed rows are announced whole, never as a single cell, because Qt rewrites an
open editor with the model's value when exactly its cell is reported changed.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, MutableSequence, Sequence
from typing import TypeVar

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex

__all__ = ["emit_rows_changed", "sync_rows"]

T = TypeVar("T")


def emit_rows_changed(model: QAbstractItemModel, rows: Sequence[int]) -> None:
    """Announce that these rows changed, in whole runs of consecutive rows."""
    # A list model hides columnCount() (it has one column).
    last = 0 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex()) - 1
    ordered = sorted(set(rows))
    start = 0
    while start < len(ordered):
        end = start
        while end + 1 < len(ordered) and ordered[end + 1] == ordered[end] + 1:
            end += 1
        model.dataChanged.emit(model.index(ordered[start], 0), model.index(ordered[end], max(last, 0)))
        start = end + 1


def sync_rows(
    model: QAbstractItemModel,
    rows: MutableSequence[T],
    fresh: Sequence[T],
    key: Callable[[T], Hashable],
    changed: Callable[[T, T], bool] | None = None,
) -> None:
    """Make ``rows`` (the list ``model`` shows) equal to ``fresh``, telling the views each step.

    Args:
        model: The flat model whose rows are ``rows``.
        rows: The model's own list; it is changed in place.
        fresh: The rows as they are now.
        key: A row's identity (its id).
        changed: Whether an old and a new version of a row differ on screen (default: ``!=``).
    """
    differs = changed or (lambda old, new: old != new)
    wanted = {key(row) for row in fresh}
    root = QModelIndex()
    for position in range(len(rows) - 1, -1, -1):
        if key(rows[position]) not in wanted:
            model.beginRemoveRows(root, position, position)
            del rows[position]
            model.endRemoveRows()
    updated: list[int] = []
    for position, row in enumerate(fresh):
        identity = key(row)
        if position < len(rows) and key(rows[position]) == identity:
            if differs(rows[position], row):
                rows[position] = row
                updated.append(position)
            continue
        found = next((i for i in range(position + 1, len(rows)) if key(rows[i]) == identity), None)
        if found is None:
            model.beginInsertRows(root, position, position)
            rows.insert(position, row)
            model.endInsertRows()
            continue
        model.beginMoveRows(root, found, found, root, position)
        old = rows.pop(found)
        rows.insert(position, row)
        model.endMoveRows()
        if differs(old, row):
            updated.append(position)
    emit_rows_changed(model, updated)
