"""Helpers of the room tests: a real room on 127.0.0.1, and phones that talk to it over real HTTP."""

from __future__ import annotations

import http.client
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import urlsplit

from facilitator.app.session import WorkshopSession
from facilitator.app.workshops import create_workshop
from facilitator.room.service import RoomService, RoomSettings
from facilitator.room.web import COOKIE
from facilitator.room.writers import QueueWriter


def wait_until(condition: Any, seconds: float = 5.0) -> Any:
    """Poll ``condition()`` until it is true (for what the server does after answering)."""
    deadline = time.monotonic() + seconds
    while not (result := condition()):
        if time.monotonic() > deadline:
            return result
        time.sleep(0.01)
    return result


@dataclass
class Answer:
    """One HTTP answer: status, headers (lower-case names) and body."""

    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        """The body as JSON."""
        return json.loads(self.body)


@dataclass
class Phone:
    """A phone's browser, reduced to what the room needs: its cookie and its requests."""

    base: str
    cookie: str | None = None
    extra: dict[str, str] = field(default_factory=dict)

    def request(
        self, method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None
    ) -> Answer:
        """Send one request; a Set-Cookie in the answer is kept, as a browser would."""
        parts = urlsplit(self.base)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        sent = {"Host": parts.netloc, **self.extra, **(headers or {})}
        if self.cookie and "Cookie" not in sent:
            sent["Cookie"] = f"{COOKIE}={self.cookie}"
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            answer = Answer(
                response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
            )
        finally:
            connection.close()
        cookie = SimpleCookie(answer.headers.get("set-cookie", ""))
        if COOKIE in cookie:
            self.cookie = cookie[COOKIE].value or None
        return answer

    def get(self, path: str, **headers: str) -> Answer:
        """GET a path (``Accept_Encoding="gzip"`` sends ``Accept-Encoding``)."""
        return self.request("GET", path, headers={k.replace("_", "-"): v for k, v in headers.items()})

    def post(self, path: str, value: Any, **headers: str) -> Answer:
        """POST JSON the way the room's page does (with its custom header and origin)."""
        sent = {
            "Content-Type": "application/json",
            "X-Room": "1",
            "Origin": self.base,
            **{k.replace("_", "-"): v for k, v in headers.items()},
        }
        return self.request("POST", path, json.dumps(value).encode(), sent)

    def join(self, link: str) -> Answer:
        """Open a join link (the QR code's)."""
        return self.get(urlsplit(link).path)


@dataclass
class OpenRoom:
    """A room being served, with the workshop session that owns the writes."""

    service: RoomService
    session: WorkshopSession
    writer: QueueWriter

    @property
    def base(self) -> str:
        """The room's address."""
        return self.service.url

    def links(self, group: str = "Group 1") -> Any:
        """A group's links and codes."""
        return next(g for g in self.service.groups() if g.name == group)

    def phone(self, group: str = "Group 1", rapporteur: bool = False) -> Phone:
        """A phone that has joined a group by its QR link."""
        phone = Phone(self.base)
        links = self.links(group)
        answer = phone.join(links.rapporteur_url if rapporteur else links.join_url)
        assert answer.status == 200 and phone.cookie
        return phone

    def on_writer(self, work: Any) -> Any:
        """Run a desktop action on the thread that owns the session, and wait for it."""
        return self.writer.submit(work).result(10)


def open_room(tmp_path: Any, **options: Any) -> Iterator[OpenRoom]:
    """Serve a room on 127.0.0.1 over a new sample workshop until the test ends."""
    session = create_workshop(tmp_path / "room.sqlite", sample=True)
    writer = QueueWriter(session)
    settings = RoomSettings(session.path, "labour-to-police", "127.0.0.1", 0, **options)
    service = RoomService(settings, writer)
    session.subscribe(service.notify)
    owner = threading.Thread(target=writer.serve, name="writer owner")
    owner.start()
    try:
        service.start().result(20)
        yield OpenRoom(service, session, writer)
    finally:
        service.stop()
        writer.stop()
        owner.join(10)
        session.close()
