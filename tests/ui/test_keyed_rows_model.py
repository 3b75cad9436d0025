"""Keyed rows: the desk's and the room window's tables update in place, keeping the selection."""

from __future__ import annotations

from facilitator.ui.keyed_rows_model import KeyedRowsModel


def test_keyed_rows_model_updates_in_place(qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    """Rows that stay keep their place and selection; leavers are removed; newcomers appended."""
    model = KeyedRowsModel(["Phone", "Group"])
    model.set_rows([(1, ("Phone 1", "Group 1")), (2, ("Phone 2", "Group 1")), (3, ("Phone 3", "Group 2"))])
    qtmodeltester.check(model)
    removed: list[int] = []
    model.rowsRemoved.connect(lambda _parent, first, _last: removed.append(first))
    model.set_rows([(1, ("Phone 1", "Group 1")), (3, ("Phone 3", "Group 3")), (4, ("Phone 4", "Group 2"))])
    assert removed == [1]
    assert [model.index(r, 1).data() for r in range(3)] == ["Group 1", "Group 3", "Group 2"]
    assert [model.key(r) for r in range(3)] == [1, 3, 4]
    qtmodeltester.check(model)
