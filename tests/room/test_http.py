"""The room over real HTTP on 127.0.0.1: every endpoint, and every refusal a shared network needs."""

from __future__ import annotations

import gzip
import json
import socket
import time

import pytest
from room_http import OpenRoom, Phone, wait_until

from facilitator.app import board_setup, boards
from facilitator.core.boards import LABOUR_TO_POLICE
from facilitator.room.guards import MAX_BODY

L2P = LABOUR_TO_POLICE


def _cards(room: OpenRoom) -> list[tuple[str, str, bool]]:
    state = room.on_writer(lambda session: boards.snapshot(session, L2P))
    return [(card.text, card.group, card.revealed) for card in state.cards]


def test_join_link_gives_a_strict_http_only_cookie_and_a_locked_down_page(room: OpenRoom) -> None:
    """The QR link answers the page with an HttpOnly SameSite=Strict cookie and strict security headers."""
    phone = Phone(room.base)
    answer = phone.join(room.links().join_url)
    assert answer.status == 200 and b"Join your group" in answer.body
    cookie = answer.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
    csp = answer.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert answer.headers["referrer-policy"] == "no-referrer"
    me = phone.get("/api/me").json()
    assert (me["group"], me["rapporteur"], me["dots_left"]) == ("Group 1", False, 2)


def test_a_bad_or_missing_token_gets_nothing(room: OpenRoom) -> None:
    """A made-up join token redirects to the code page; without a cookie every API call is refused."""
    phone = Phone(room.base)
    answer = phone.get("/j/not-a-real-token-at-all-000000")
    assert answer.status == 303 and answer.headers["location"] == "/#expired"
    assert phone.cookie is None
    assert phone.get("/api/me").status == 401
    assert phone.get("/api/board").status == 401
    assert phone.post("/api/cards", {"text": "Sneaky card"}).status == 401
    assert _cards(room) == []


def test_join_with_the_short_code_as_typed(room: OpenRoom) -> None:
    """A code typed in lower case with its dash joins the right group and role."""
    phone = Phone(room.base)
    answer = phone.post("/api/join", {"code": room.links("Group 4").rapporteur_code.lower()})
    assert answer.status == 200
    assert (answer.json()["group"], answer.json()["rapporteur"]) == ("Group 4", True)
    assert phone.get("/api/me").status == 200


def test_wrong_codes_are_rate_limited(room: OpenRoom) -> None:
    """After five wrong codes from one address the sixth try is refused with Retry-After, even a right one."""
    phone = Phone(room.base)
    for _ in range(5):
        assert phone.post("/api/join", {"code": "AAAA-AAAA"}).status == 403
    blocked = phone.post("/api/join", {"code": room.links().join_code})
    assert blocked.status == 429 and int(blocked.headers["retry-after"]) > 0
    assert phone.cookie is None


def test_a_phone_card_is_written_by_the_app_command_with_its_own_undo_entry(room: OpenRoom) -> None:
    """A card from a phone lands on the board under its group, labelled by group, off the desktop's Undo."""
    phone = room.phone("Group 2")
    answer = phone.post(
        "/api/cards",
        {"text": "ຍຶດໜັງສືຜ່ານແດນ: passports kept", "category": "retention-of-documents", "evidence": "Safe"},
    )
    assert answer.status == 201
    assert _cards(room) == [("ຍຶດໜັງສືຜ່ານແດນ: passports kept", "Group 2", True)]
    labels = room.on_writer(lambda session: (session.undo_label, session.undo_label_of("phone")))
    assert labels == (None, "Add red flag (Group 2, phone)")


def test_writes_need_the_custom_header_the_origin_and_json(room: OpenRoom) -> None:
    """POSTs without X-Room, from another origin or site, or not JSON, are refused and write nothing."""
    phone = room.phone()
    body = json.dumps({"text": "Card"}).encode()
    plain = {"Content-Type": "application/json"}
    assert phone.request("POST", "/api/cards", body, plain).status == 403
    assert phone.post("/api/cards", {"text": "Card"}, Origin="http://evil.example").status == 403
    assert phone.post("/api/cards", {"text": "Card"}, Sec_Fetch_Site="cross-site").status == 403
    as_text = {"Content-Type": "text/plain", "X-Room": "1"}
    assert phone.request("POST", "/api/cards", body, as_text).status == 415
    assert _cards(room) == []


def test_another_host_name_is_refused(room: OpenRoom) -> None:
    """A request naming another host (DNS rebinding) is refused before anything else."""
    phone = room.phone()
    assert phone.get("/api/me", Host="attacker.example:80").status == 421
    assert phone.get("/", Host="attacker.example").status == 421


def test_bodies_and_texts_are_bounded(room: OpenRoom) -> None:
    """An oversized body is refused unread, and a card longer than 500 characters is refused with a reason."""
    phone = room.phone()
    huge = phone.post("/api/cards", {"text": "x" * (MAX_BODY + 10)})
    assert huge.status == 413
    long = phone.post("/api/cards", {"text": "x" * 501})
    assert long.status == 400 and "at most 500 characters" in long.json()["error"]
    unknown = phone.post("/api/cards", {"text": "Card", "category": "no-such-category"})
    assert unknown.status == 400
    assert phone.post("/api/cards", {"text": "   "}).status == 400
    assert (
        phone.request(
            "POST", "/api/cards", b"[1, 2", {"Content-Type": "application/json", "X-Room": "1"}
        ).status
        == 400
    )
    assert _cards(room) == []


def test_a_phone_writing_too_fast_is_slowed_down(room: OpenRoom) -> None:
    """Past its burst of writes a phone gets 429 with Retry-After; what was accepted is all on the board."""
    phone = room.phone()
    statuses = [phone.post("/api/cards", {"text": f"Card {n}"}).status for n in range(18)]
    assert statuses[:15] == [201] * 15
    assert 429 in statuses[15:]
    refused = phone.post("/api/cards", {"text": "One more"})
    assert refused.status == 429 and int(refused.headers["retry-after"]) >= 1
    assert len(_cards(room)) == statuses.count(201)


def test_signed_out_and_closed_phones_are_refused(room: OpenRoom) -> None:
    """A phone signed out from the desktop is refused at once; its cookie never works again."""
    phone = room.phone("Group 3")
    other = room.phone("Group 3")
    device = next(d for d in room.service.devices() if d.number == 1)
    room.service.sign_out(device)
    assert phone.get("/api/me").status == 401
    assert phone.post("/api/cards", {"text": "After sign-out"}).status == 401
    assert other.get("/api/me").status == 200


def test_new_codes_stop_the_old_link_but_keep_phones_in(room: OpenRoom) -> None:
    """Rotating a group's codes refuses its old link and code; phones already in keep working."""
    old = room.links("Group 5")
    phone = room.phone("Group 5")
    room.service.rotate("Group 5")
    assert Phone(room.base).join(old.join_url).status == 303
    assert Phone(room.base).post("/api/join", {"code": old.join_code}).status == 403
    assert phone.post("/api/cards", {"text": "Still in"}).status == 201
    assert Phone(room.base).join(room.links("Group 5").join_url).status == 200


def test_the_board_view_is_cached_and_compressed(room: OpenRoom) -> None:
    """The board comes gzipped with an ETag; asking again with it gets 304 until something changes."""
    phone = room.phone()
    answer = phone.get("/api/board", Accept_Encoding="gzip")
    assert answer.headers["content-encoding"] == "gzip"
    view = json.loads(gzip.decompress(answer.body))
    assert view["board"]["title"] == "Labour to police" and len(view["categories"]) == 11
    etag = answer.headers["etag"]
    assert phone.get("/api/board", If_None_Match=etag).status == 304
    phone.post("/api/cards", {"text": "New"})
    assert phone.get("/api/board", If_None_Match=etag).status == 200


def test_silent_writing_keeps_phone_cards_hidden_from_other_groups(room: OpenRoom) -> None:
    """In silent writing a phone's card arrives hidden: its group sees it marked, others see nothing."""
    room.on_writer(lambda session: boards.set_hidden(session, L2P, True))
    writer, mate, other = room.phone("Group 1"), room.phone("Group 1"), room.phone("Group 2")
    assert writer.post("/api/cards", {"text": "Wages held back three months"}).status == 201
    assert _cards(room) == [("Wages held back three months", "Group 1", False)]
    [seen] = mate.get("/api/board").json()["cards"]
    assert (seen["text"], seen["ours"], seen["revealed"]) == ("Wages held back three months", True, False)
    assert other.get("/api/board").json()["cards"] == []
    room.on_writer(lambda session: boards.reveal_cards(session, L2P))
    [revealed] = other.get("/api/board").json()["cards"]
    assert (revealed["ours"], revealed["revealed"]) == (False, True)


def test_phones_never_receive_authors_or_roster_data(room: OpenRoom) -> None:
    """Nothing a phone can read holds a card's author, another group's name or any participant's name."""
    room.on_writer(
        lambda session: boards.add_card(
            session,
            L2P,
            "Desktop card",
            group="Group 6",
            author="Somchai Keomany",
            evidence="Contract copies",
        )
    )
    roster_names = room.on_writer(
        lambda session: [row[0] for row in session.connection.execute("SELECT name FROM participants")]
    )
    phone = room.phone("Group 1", rapporteur=True)
    bodies = b"".join(phone.get(path).body for path in ("/api/me", "/api/board", "/api/notes"))
    text = bodies.decode()
    assert "Desktop card" in text and "Contract copies" in text
    assert "Somchai" not in text
    assert "Group 6" not in text
    assert not [name for name in roster_names if name in text]
    [card] = phone.get("/api/board").json()["cards"]
    assert set(card) == {
        "id",
        "text",
        "category",
        "evidence",
        "refer_to",
        "ours",
        "revealed",
        "votes",
        "our_dots",
        "merged",
    }


def test_dot_budgets_hold_per_phone_and_per_group(room: OpenRoom) -> None:
    """A phone places at most its two dots; the group's five hold across phones; only own dots come back."""
    card = room.on_writer(lambda session: boards.add_card(session, L2P, "Debt to recruiter", group="Group 6"))
    first, second, third = (room.phone("Group 1") for _ in range(3))
    assert first.post("/api/votes", {"card": card, "add": True}).json()["dots_left"] == 1
    assert first.post("/api/votes", {"card": card, "add": True}).json()["dots_left"] == 0
    refused = first.post("/api/votes", {"card": card, "add": True})
    assert refused.status == 409 and "This phone has placed its 2 dots" in refused.json()["error"]
    assert second.post("/api/votes", {"card": card, "add": True}).status == 200
    assert second.post("/api/votes", {"card": card, "add": True}).status == 200
    assert third.post("/api/votes", {"card": card, "add": True}).json()["dots_left"] == 0
    group_out = third.post("/api/votes", {"card": card, "add": True})
    assert group_out.status == 409 and "Group 1 has used all 5 dots" in group_out.json()["error"]
    assert Phone(room.base, third.cookie).post("/api/votes", {"card": card, "add": False}).status == 200
    stranger = room.phone("Group 2")
    assert stranger.post("/api/votes", {"card": card, "add": False}).status == 409
    votes = room.on_writer(lambda session: boards.snapshot(session, L2P).total_votes(card))
    assert votes == 4
    assert room.on_writer(lambda session: session.undo_label_of("phone")) == "Remove vote (Group 1, phone)"


def test_unrevealed_cards_cannot_be_voted_on(room: OpenRoom) -> None:
    """A phone cannot place a dot on a card the facilitator has not revealed, even one it can see."""
    room.on_writer(lambda session: boards.set_hidden(session, L2P, True))
    phone = room.phone("Group 1")
    card = phone.post("/api/cards", {"text": "Held back"}).json()["id"]
    answer = phone.post("/api/votes", {"card": card, "add": True})
    assert answer.status == 409 and "not revealed" in answer.json()["error"]
    assert phone.post("/api/votes", {"card": "1", "add": True}).status == 400


def test_rapporteur_notes_save_and_report_a_conflict(room: OpenRoom) -> None:
    """Two rapporteurs from one base: the second is told of the conflict and shown the stored text."""
    first, second = room.phone("Group 2", rapporteur=True), room.phone("Group 2", rapporteur=True)
    member = room.phone("Group 2")
    base = first.get("/api/notes").json()["notes"]
    assert base == {"summary": "", "disagreements": "", "questions": ""}
    saved = first.post(
        "/api/notes", {"base": base, "notes": {**base, "summary": "Referral needs a focal point"}}
    )
    assert saved.status == 200 and saved.json()["notes"]["summary"] == "Referral needs a focal point"
    clash = second.post("/api/notes", {"base": base, "notes": {**base, "summary": "Ours differs"}})
    assert clash.status == 409
    assert clash.json()["conflict"] == ["summary"]
    assert clash.json()["notes"]["summary"] == "Referral needs a focal point"
    merged = second.post("/api/notes", {"base": base, "notes": {**base, "questions": "Who pays shelters?"}})
    assert merged.status == 200
    assert merged.json()["notes"] == {
        "summary": "Referral needs a focal point",
        "disagreements": "",
        "questions": "Who pays shelters?",
    }
    refused = member.post("/api/notes", {"base": base, "notes": {**base, "summary": "Member"}})
    assert refused.status == 409 and "rapporteur" in refused.json()["error"]
    stored = room.on_writer(lambda session: board_setup.group_notes(session, L2P, "Group 2"))
    assert (stored.summary, stored.questions) == ("Referral needs a focal point", "Who pays shelters?")


def _read_events(phone: Phone, until: bytes, seconds: float = 10) -> bytes:
    """Read a phone's event stream until ``until`` appears (or the stream ends)."""
    host, port = phone.base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=seconds) as sock:
        cookie = f"facilitator_room={phone.cookie}"
        sock.sendall(f"GET /api/events HTTP/1.1\r\nHost: {host}:{port}\r\nCookie: {cookie}\r\n\r\n".encode())
        received = b""
        deadline = time.monotonic() + seconds
        while until not in received and time.monotonic() < deadline:
            chunk = sock.recv(65536)
            if not chunk:
                break
            received += chunk
        return received


def test_events_tell_phones_of_desktop_changes_and_sign_outs(room: OpenRoom) -> None:
    """The event stream sends a new state after a desktop change and says when the phone is signed out."""
    import threading

    phone = room.phone("Group 1")
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(_read_events(phone, b"signed-out")))
    reader.start()
    time.sleep(0.3)
    room.on_writer(lambda session: boards.add_card(session, L2P, "From the desktop", group="Group 1"))
    time.sleep(0.6)
    room.service.sign_out(next(d for d in room.service.devices() if d.group == "Group 1"))
    reader.join(10)
    stream = got[0].decode()
    assert "text/event-stream" in stream
    versions = [
        json.loads(line[6:])["version"] for line in stream.splitlines() if line.startswith('data: {"v')
    ]
    assert len(versions) >= 2 and versions[-1] > versions[0]
    assert "event: signed-out" in stream


def test_closing_the_room_ends_streams_and_every_session(room: OpenRoom) -> None:
    """Closing the room tells open streams, forgets every phone and frees the port."""
    import threading

    phone = room.phone("Group 1")
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(_read_events(phone, b"event: closed")))
    reader.start()
    time.sleep(0.3)
    room.service.stop()
    reader.join(10)
    assert b"event: closed" in got[0]
    assert room.service.devices() == []
    with pytest.raises(OSError):
        phone.get("/api/me")


def test_static_files_and_unknown_paths(room: OpenRoom) -> None:
    """The script and style sheet are served from the package; anything else is not found."""
    phone = Phone(room.base)
    script = phone.get("/static/room.js")
    assert script.status == 200 and script.headers["content-type"].startswith("text/javascript")
    assert phone.get("/static/room.css").headers["content-type"].startswith("text/css")
    assert phone.get("/static/../pyproject.toml").status == 404
    assert phone.get("/static/secret.py").status == 404
    assert phone.get("/favicon.ico").status == 204
    assert phone.request("PUT", "/api/cards", b"{}", {"Content-Type": "application/json"}).status == 405


def test_access_log_records_requests_without_tokens(room: OpenRoom, isolated_home) -> None:  # type: ignore[no-untyped-def]
    """The access log in the exports folder names the phone by group and number, never its token or cookie."""
    links = room.links("Group 3")
    phone = room.phone("Group 3")
    phone.post("/api/cards", {"text": "Logged card text"})
    path = isolated_home / "exports" / "room-access-room.log"
    log = wait_until(
        lambda: "POST /api/cards" in path.read_text(encoding="utf-8") and path.read_text(encoding="utf-8")
    )
    assert "# Room opened at http://127.0.0.1:" in log
    assert '"Group 3, phone 1" POST /api/cards 201' in log
    assert "GET /j/<token> 200" in log
    token = links.join_url.rsplit("/", 1)[1]
    assert token not in log and str(phone.cookie) not in log and "Logged card text" not in log
