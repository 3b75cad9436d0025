"""Fixtures of the GUI tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
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


@pytest.fixture(autouse=True)
def one_main_window_per_test() -> Iterator[None]:
    """Forget the agenda-page builder a test's main window left with the projector keys.

    The app has one main window for its whole life; a test suite makes hundreds, and a window
    that a test closed but Qt has not yet deleted would otherwise be asked by a later test's
    projector to build its agenda page on a closed workshop.
    """
    yield
    from facilitator.ui import projector

    projector._builders.clear()
