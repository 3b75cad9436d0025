"""Fixtures of the GUI tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from facilitator.app.session import WorkshopSession


@pytest.fixture
def open_page(qtbot) -> Callable[[type[Any], WorkshopSession], tuple[Any, Any]]:  # type: ignore[no-untyped-def]
    """Build and show a page on a real workshop, as the main window does: ``open_page(Page,
    session)`` returns the page and its controller; the page is closed after the test. Shown,
    because a hidden page only notes what changed until it is shown again (ChangeFollower)."""
    from facilitator.ui.controller import Controller

    def build(page_class: type[Any], session: WorkshopSession) -> tuple[Any, Any]:
        controller = Controller(session)
        page = page_class(controller)
        qtbot.addWidget(page)
        page.show()
        return page, controller

    return build
