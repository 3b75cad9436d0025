"""The category a user types means the same card column on the command line and on the board page:
the rule lives in ``facilitator.core.boards`` and both ask it."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.app import boards
from facilitator.app.workshops import create_workshop, open_workshop
from facilitator.cli import main
from facilitator.core.boards import LABOUR_TO_POLICE
from facilitator.ui.boards.page import BoardsPage

L2P = LABOUR_TO_POLICE

#: What a user types, and the category it files the card under (None: refused).
TYPED = [
    ("debt", "debt-bondage"),
    ("Debt bondage", "debt-bondage"),
    ("DEBT-BONDAGE", "debt-bondage"),
    ("  debt   bondage ", "debt-bondage"),
    ("wages", "withholding-wages"),
    ("identity", "retention-of-documents"),
    ("overtime", "excessive-overtime"),
    ("", ""),
    ("Not yet sorted", ""),
    ("abus", None),  # abuse of vulnerability, abusive working and living conditions
    ("of", None),
    ("forced marriage", None),
]


def _cli_category(tmp_path: Path, typed: str, capsys: pytest.CaptureFixture[str]) -> str | None:
    path = tmp_path / "cli.sqlite"
    create_workshop(path).close()
    code = main(["--workshop", str(path), "board", "add", L2P, "A red flag", "--category", typed])
    capsys.readouterr()
    if code != 0:
        return None
    session = open_workshop(path)
    try:
        [card] = boards.snapshot(session, L2P).cards
        return card.category
    finally:
        session.close()


@pytest.mark.parametrize(("typed", "expected"), TYPED)
def test_cli_and_board_page_accept_and_refuse_the_same_category_text(
    qtbot, open_page, tmp_path: Path, capsys: pytest.CaptureFixture[str], typed: str, expected: str | None
) -> None:  # type: ignore[no-untyped-def]
    """`board add --category TEXT` and the page's category box file the card in the same column, or
    both refuse the text."""
    assert _cli_category(tmp_path, typed, capsys) == expected
    session = create_workshop(tmp_path / "gui.sqlite")
    page, controller = open_page(BoardsPage, session)
    refusals: list[str] = []
    controller.error_reported.connect(lambda _title, message: refusals.append(message))
    page.add_bar.text.setText("A red flag")
    page.add_bar.category.setText(typed)
    page.add_bar.submit()
    cards = boards.snapshot(session, L2P).cards
    if expected is None:
        assert cards == () and len(refusals) == 1
    else:
        assert [card.category for card in cards] == [expected] and refusals == []
