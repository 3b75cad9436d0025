"""The documents page: its choices and what they pass to an export."""

from __future__ import annotations

from facilitator.app.session import WorkshopSession
from facilitator.documents.label_sheets import label_sheets
from facilitator.ui.documents_page import DocumentsPage


def test_label_sheets_are_the_ones_name_tags_know_by_the_same_names(
    qtbot, open_page, sample_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """Every sheet the name tags can print on is offered, titled as at the check-in desk."""
    page, _ = open_page(DocumentsPage, sample_session)
    offered = [(page.sheet.itemData(i), page.sheet.itemText(i)) for i in range(page.sheet.count())]
    assert offered == [(key, sheet.title) for key, sheet in label_sheets().items()]
    page.sheet.setCurrentIndex(1)
    page.day.setValue(2)
    options = page.options()
    assert (options.sheet, options.day) == (offered[1][0], 2)
