"""The phone page in a real browser: Debian's Chromium, headless, driven by Playwright.

Playwright cannot download its own browser here, so it is pointed at the system Chromium, which
``make test`` installs from Debian when it is missing. Where neither can be had the tests are
skipped, saying so. Waits use Playwright's ``expect`` rather than ``wait_for_function``: the
page's Content-Security-Policy forbids the string evaluation that the latter relies on.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from room_http import OpenRoom

from facilitator.app import board_setup, boards
from facilitator.core.boards import LABOUR_TO_POLICE

L2P = LABOUR_TO_POLICE
CHROMIUM = os.environ.get("FACILITATOR_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
#: A mid-range phone's screen, in CSS pixels.
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}
LAO_CARD = "ນາຍຈ້າງເກັບໜັງສືຜ່ານແດນຂອງຄົນງານ"

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is not installed (pip install -e '.[test]')"
)
if not os.path.exists(CHROMIUM):
    pytest.skip(
        f"No Chromium at {CHROMIUM}: 'make test' installs Debian's chromium; it could not be installed here.",
        allow_module_level=True,
    )


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium from the system, for every test of this module."""
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


def _phone(browser: Any, link: str) -> Any:
    """A new phone (its own cookies) that opened a join link and shows its group's board."""
    page = browser.new_context(**PHONE).new_page()
    page.goto(link)
    page.wait_for_selector("#room:not([hidden])")
    return page


def test_a_lao_card_reaches_the_group_and_others_only_once_revealed(room: OpenRoom, browser: Any) -> None:
    """A Lao card shows on a second phone of the group at once, and on another group's after reveal."""
    room.on_writer(lambda session: boards.set_hidden(session, L2P, True))
    writer = _phone(browser, room.links("Group 1").join_url)
    mate = _phone(browser, room.links("Group 1").join_url)
    other = _phone(browser, room.links("Group 2").join_url)
    assert writer.url.endswith("/") and "/j/" not in writer.url  # the token left the address bar
    assert writer.text_content("#group-name") == "Group 1"

    writer.fill("#card-text", LAO_CARD)
    writer.select_option("#card-category", "retention-of-documents")
    writer.click("#card-submit")
    writer.wait_for_selector("#card-message.ok")
    assert "once the facilitator reveals it" in writer.text_content("#card-message")

    mate.wait_for_selector(f"#ours li:has-text('{LAO_CARD}')")
    assert "Not on the screen yet" in mate.text_content("#ours li")
    assert other.locator("#others li").count() == 0
    [card] = room.on_writer(lambda session: boards.snapshot(session, L2P).cards)
    assert (card.text, card.group, card.revealed) == (LAO_CARD, "Group 1", False)

    room.on_writer(lambda session: boards.reveal_cards(session, L2P))
    other.wait_for_selector(f"#others li:has-text('{LAO_CARD}')")
    assert "Retention of identity documents" in other.text_content("#others li")
    other.click("#others li button:has-text('+ dot')")
    sync_api.expect(other.locator("#dots")).to_have_text("1 dot left to vote with")
    assert room.on_writer(lambda session: boards.snapshot(session, L2P).total_votes(card.id)) == 1
    writer.screenshot(path=str(room.session.path.parent / "phone.png"), full_page=True)


def test_a_phone_joins_with_the_typed_code(room: OpenRoom, browser: Any) -> None:
    """A phone that cannot scan types its group's code and lands on that group's board."""
    page = browser.new_context(**PHONE).new_page()
    page.goto(room.base + "/")
    page.wait_for_selector("#join:not([hidden])")
    page.fill("#join-code", "wrong-code")
    page.click("#join-form button")
    page.wait_for_selector("#join-message.error")
    page.fill("#join-code", room.links("Group 3").join_code.lower())
    page.click("#join-form button")
    page.wait_for_selector("#room:not([hidden])")
    assert page.text_content("#group-name") == "Group 3"


def test_rapporteurs_see_a_conflict_instead_of_losing_text(room: OpenRoom, browser: Any) -> None:
    """Two rapporteurs edit the summary at once: the second is shown the first's text, nothing is lost."""
    link = room.links("Group 4").rapporteur_url
    first, second = _phone(browser, link), _phone(browser, link)
    for page in (first, second):
        page.wait_for_selector("#notes:not([hidden])")
    second.fill("#notes-summary", "Joint inspections every quarter")  # still typing…
    first.fill("#notes-summary", "Labour inspectors call the police focal point")
    first.click("#notes-form button")
    first.wait_for_selector("#notes-message.ok")
    second.click("#notes-form button")
    second.wait_for_selector("#notes-message.error")
    assert "someone else changed the summary" in second.text_content("#notes-message")
    assert "Labour inspectors call the police focal point" in second.text_content("#notes-summary-theirs")
    assert second.input_value("#notes-summary") == "Joint inspections every quarter"
    second.fill("#notes-summary", "Focal point, and joint inspections every quarter")
    second.click("#notes-form button")
    second.wait_for_selector("#notes-message.ok")
    notes = room.on_writer(lambda session: board_setup.group_notes(session, L2P, "Group 4"))
    assert notes.summary == "Focal point, and joint inspections every quarter"


def test_a_rapporteur_not_typing_sees_the_other_s_notes_arrive(room: OpenRoom, browser: Any) -> None:
    """Notes saved on one rapporteur's phone appear on the other's while it is not being edited."""
    link = room.links("Group 6").rapporteur_url
    first, second = _phone(browser, link), _phone(browser, link)
    first.wait_for_selector("#notes:not([hidden])")
    first.fill("#notes-questions", "Who pays for shelters?")
    first.click("#notes-form button")
    first.wait_for_selector("#notes-message.ok")
    sync_api.expect(second.locator("#notes-questions")).to_have_value("Who pays for shelters?")


def test_a_signed_out_phone_is_told_so(room: OpenRoom, browser: Any) -> None:
    """When the facilitator signs a phone out its page returns to the code box with a message."""
    page = _phone(browser, room.links("Group 5").join_url)
    device = next(d for d in room.service.devices() if d.group == "Group 5")
    room.service.sign_out(device)
    page.wait_for_selector("#join:not([hidden])")
    assert "signed out" in page.text_content("#join-message")
