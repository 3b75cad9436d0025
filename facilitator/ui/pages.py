"""The pages of the main window, each built the first time it is shown.

Importing a page only when it is opened keeps start-up fast (a page may pull in heavy modules) and
lets each capability own its page module.
"""

from __future__ import annotations

import importlib
from typing import NamedTuple

from PySide6.QtWidgets import QWidget

__all__ = ["PAGES", "PageSpec", "load_page_class"]


class PageSpec(NamedTuple):
    """A page in the navigation list (a named tuple: built at every start, and cheaper than a
    dataclass to define).

    Attributes:
        key: Stable identifier (also used in settings).
        title: Name in the navigation list.
        target: ``"module:Class"``; the class is built as ``Class(controller, parent)``.
        shortcut: Keyboard shortcut that opens the page.
    """

    key: str
    title: str
    target: str
    shortcut: str


PAGES: tuple[PageSpec, ...] = (
    PageSpec("roster", "Roster", "facilitator.ui.roster.page:RosterPage", "Ctrl+1"),
    PageSpec("statistics", "Statistics", "facilitator.ui.statistics.page:StatisticsPage", "Ctrl+2"),
    PageSpec("checkin", "Check-in desk", "facilitator.ui.checkin.page:CheckinPage", "Ctrl+3"),
    PageSpec("agenda", "Agenda and timer", "facilitator.ui.agenda.page:AgendaPage", "Ctrl+4"),
    PageSpec("groups", "Breakout groups", "facilitator.ui.groups.page:GroupsPage", "Ctrl+5"),
    PageSpec("boards", "Red-flag boards", "facilitator.ui.boards.page:BoardsPage", "Ctrl+6"),
    PageSpec("guidelines", "Guidelines draft", "facilitator.ui.guidelines.page:GuidelinesPage", "Ctrl+7"),
    PageSpec("documents", "Documents", "facilitator.ui.documents_page:DocumentsPage", "Ctrl+8"),
)


def load_page_class(spec: PageSpec) -> type[QWidget] | None:
    """The page's class, or ``None`` while that capability is not part of this build."""
    module_name, _, class_name = spec.target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name and module_name.startswith(error.name):
            return None
        raise
    page_class: type[QWidget] = getattr(module, class_name)
    return page_class
