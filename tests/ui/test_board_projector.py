"""The board projector shows every revealed card whole, in the largest type that fits the screen,
and pages the columns when even the readable floor would not hold them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt

from facilitator.app import boards
from facilitator.app.session import WorkshopSession
from facilitator.core.boards import LABOUR_TO_POLICE
from facilitator.ui.boards.feed import BoardFeed
from facilitator.ui.boards.projector import BoardProjector
from facilitator.ui.boards.wall import readable_sizes
from facilitator.ui.controller import Controller

L2P = LABOUR_TO_POLICE
#: 120 characters, with a number that makes each card's text its own.
_LONG = (
    "Recruitment agency in the home country charged fees that the worker must repay from the wages "
    "with interest, card No. {:02d}"
)


def _projector(qtbot, session: WorkshopSession, width: int = 1280, height: int = 720) -> BoardProjector:  # type: ignore[no-untyped-def]
    projector = BoardProjector(BoardFeed(Controller(session), L2P))
    qtbot.addWidget(projector)
    projector.resize(width, height)
    projector.show()
    qtbot.waitUntil(lambda: projector.wall.fitted and bool(projector.wall.painted))
    return projector


def _painted_page(qtbot, projector: BoardProjector) -> dict[int, str]:  # type: ignore[no-untyped-def]
    """What the page on screen drew, card by card: its lines put back together."""
    projector.wall.painted = []
    projector.wall.repaint()
    wall = QRectF(projector.wall.rect())
    for card in projector.wall.painted:
        assert wall.contains(card.rect), f"card {card.card_id} is cut off at {card.rect}"
    return {card.card_id: "".join(card.lines) for card in projector.wall.painted}


def _add_long_cards(session: WorkshopSession, count: int, categories: int) -> dict[int, str]:
    keys = [category.key for category in boards.board(session, L2P).categories[:categories]]
    texts = {}
    for number in range(count):
        text = _LONG.format(number)
        assert len(text) == 120
        texts[boards.add_card(session, L2P, text, category=keys[number % categories])] = text
    return texts


# The offscreen platform cannot raise windows; it says so as a warning.
@pytest.mark.qt_log_ignore("This plugin does not support")
def test_forty_cards_of_120_characters_show_every_character_over_numbered_pages(
    qtbot, empty_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """At 1280 × 720, forty long cards in eight columns do not fit one screen in readable type: the
    columns page ("Page 1/N" naming the categories shown), and turning every page with Page Down
    draws every character of every card, none cut off at the wall's edge."""
    texts = _add_long_cards(empty_session, 40, 8)
    projector = _projector(qtbot, empty_session)
    wall = projector.wall
    pages = wall.page_count
    assert pages > 1 and wall.wall_layout.size >= readable_sizes(projector.height())[0]
    drawn: dict[int, str] = {}
    for page in range(pages):
        assert wall.page == page
        named = ", ".join(wall.wall_layout.page_headings(page))
        assert projector.page_line.text() == f"Page {page + 1}/{pages}: {named}"
        drawn.update(_painted_page(qtbot, projector))
        qtbot.keyClick(projector, Qt.Key.Key_PageDown)
    assert wall.page == 0  # after the last page, the first again
    assert drawn == texts


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_a_few_cards_share_one_screen_in_type_above_the_floor(qtbot, empty_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """Twelve long cards in six columns fit one screen, whole, larger than the floor; no page line."""
    texts = _add_long_cards(empty_session, 12, 6)
    projector = _projector(qtbot, empty_session)
    assert projector.wall.page_count == 1 and projector.page_line.text() == ""
    assert projector.wall.wall_layout.size > readable_sizes(projector.height())[0]
    assert _painted_page(qtbot, projector) == texts
    assert not projector.page_timer.isActive()


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_a_card_revealed_later_appears_and_the_type_shrinks_to_keep_everything(
    qtbot, empty_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """Cards written in silent writing stay off the wall; revealed, they are drawn whole, and the
    type gets smaller so that everything still fits."""
    texts = _add_long_cards(empty_session, 3, 3)
    projector = _projector(qtbot, empty_session)
    before = projector.wall.wall_layout.size
    boards.set_hidden(empty_session, L2P, True)
    hidden = _add_long_cards(empty_session, 9, 3)
    projector.feed.refresh()
    qtbot.wait(20)
    assert _painted_page(qtbot, projector) == texts
    boards.reveal_cards(empty_session, L2P)
    projector.feed.refresh()
    qtbot.waitUntil(lambda: projector.wall.wall_layout.size < before)
    assert _painted_page(qtbot, projector) == texts | hidden


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_matrix_projector_headers_are_not_clipped(qtbot, empty_session: WorkshopSession) -> None:  # type: ignore[no-untyped-def]
    """At 1280 × 720 each column title of the plenary matrix fits its header section."""
    _add_long_cards(empty_session, 4, 2)
    projector = _projector(qtbot, empty_session)
    projector.set_matrix_mode(True)
    qtbot.wait(20)
    header = projector.matrix_view.horizontalHeader()
    for column in range(header.count()):
        title = str(projector.matrix_model.headerData(column, Qt.Orientation.Horizontal))
        room = header.sectionSize(column) - 8
        needed = header.fontMetrics().boundingRect(0, 0, room, 1000, int(Qt.TextFlag.TextWordWrap), title)
        assert needed.width() <= room and needed.height() <= header.height() - 8, title


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_a_closed_projector_does_no_work_and_catches_up_when_shown(
    qtbot, empty_session: WorkshopSession
) -> None:  # type: ignore[no-untyped-def]
    """Cards added while the projector is closed are not laid out then, and are all there once it
    is shown again."""
    texts = _add_long_cards(empty_session, 2, 2)
    projector = _projector(qtbot, empty_session)
    projector.hide()
    more = _add_long_cards(empty_session, 3, 3)
    projector.feed.refresh()
    assert {card.text for column in projector.wall.columns for card in column.cards} == set(texts.values())
    projector.show()
    qtbot.waitUntil(lambda: projector.wall.fitted)
    assert _painted_page(qtbot, projector) == texts | more
