"""The statistics page highlights delegations below the women's target."""

from __future__ import annotations

from PySide6.QtCore import Qt

from facilitator.app import roster
from facilitator.app.session import WorkshopSession
from facilitator.ui.controller import Controller
from facilitator.ui.statistics.page import StatisticsPage


def test_below_target_rows_are_highlighted_and_refresh(
    qtbot, qtmodeltester, sample_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """Brunei falls below 50% after a woman is removed, and its row turns red."""
    controller = Controller(sample_session)
    page = StatisticsPage(controller)
    qtbot.addWidget(page)
    page.show()
    model = page.delegation_model
    qtmodeltester.check(model)

    def bn_row() -> int:
        return next(r for r in range(model.rowCount()) if str(model.row_values(r)[0]).startswith("BN"))

    assert model.data(model.index(bn_row(), 0), Qt.ItemDataRole.BackgroundRole) is None
    controller.run(roster.remove_participants, [1])
    assert model.row_values(bn_row())[5] == "Below target"
    assert model.data(model.index(bn_row(), 0), Qt.ItemDataRole.BackgroundRole) is not None
    assert "BN" in page.summary.text()
    composition = {row[0]: row for row in (model_row for model_row in page.composition_model._rows)}
    assert any(values[3] == -1 for values in composition.values())


def test_delegations_below_target_come_first(qtbot, sample_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """The rows the donor asks about are on screen without scrolling: below target, then the rest."""
    page = StatisticsPage(Controller(sample_session))
    qtbot.addWidget(page)
    model = page.delegation_model
    targets = [model.row_values(row)[5] for row in range(model.rowCount())]
    below = targets.count("Below target")
    assert below == 3
    assert targets[:below] == ["Below target"] * below
    assert str(model.row_values(below)[0]).startswith("BN")
    assert "3 delegations below the 50% women's target" in page.summary.text()


def test_hidden_page_counts_nothing_and_is_current_when_shown(  # type: ignore[no-untyped-def]
    qtbot, sample_session: WorkshopSession, monkeypatch
) -> None:
    """Roster edits made while the page is hidden cost it no recount; shown, it is up to date."""
    controller = Controller(sample_session)
    page = StatisticsPage(controller)
    qtbot.addWidget(page)
    counts: list[int] = []
    real = roster.participants
    monkeypatch.setattr(roster, "participants", lambda session: counts.append(1) or real(session))
    controller.run(roster.remove_participants, [1])
    controller.run(roster.remove_participants, [2])
    assert counts == [] and page.summary.text().startswith("<b>68 participants")
    page.show()
    assert len(counts) == 1 and page.summary.text().startswith("<b>66 participants")
