"""The room's HTTP endpoints: the phone page, joining, reading the board and writing to it.

Every handler runs on the server's event loop. Reads use the room's own read-only session
(:class:`RoomReader`); writes go to the :class:`Writer` of the thread that owns the workshop and
wait for its answer, so a phone is told "saved" only once its card is committed. The phone API is
documented in the README ("Open to the room").
"""

from __future__ import annotations

import asyncio
import json
import time
import traceback
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

from aiohttp import web

from facilitator.core.errors import FacilitatorError, InputError, NotFoundError
from facilitator.room import phone_commands
from facilitator.room.access import Device, RoomAccess
from facilitator.room.guards import (
    MAX_BODY,
    PHONE,
    access_logger,
    add_security_headers,
    guard_middleware,
)
from facilitator.room.limits import FailureLimiter, RateLimiter
from facilitator.room.reading import RoomReader, encode
from facilitator.room.streams import EventStreams
from facilitator.room.views import device_view, notes_view
from facilitator.room.writers import Work, Writer

__all__ = ["COOKIE", "RoomWeb", "static_files"]

COOKIE = "facilitator_room"
#: A phone stays signed in for the length of the workshop (a day and a half), unless signed out.
COOKIE_AGE = 2 * 24 * 3600
#: How long a phone waits for the laptop to save its write before it is told to try again.
WRITE_TIMEOUT = 20.0
_STATIC_TYPES = {
    "index.html": "text/html; charset=utf-8",
    "room.js": "text/javascript; charset=utf-8",
    "room.css": "text/css; charset=utf-8",
}


def static_files() -> dict[str, bytes]:
    """The phone page's files, shipped inside the package (no CDN, no build step)."""
    folder = resources.files("facilitator.room").joinpath("static")
    return {name: folder.joinpath(name).read_bytes() for name in _STATIC_TYPES}


def _refusal(kind: type[web.HTTPException], message: str, **extra: Any) -> web.HTTPException:
    return kind(text=json.dumps({"error": message, **extra}), content_type="application/json")


def _json(value: Any, status: int = 200) -> web.Response:
    response = web.Response(body=encode(value), status=status, content_type="application/json")
    response.headers["Cache-Control"] = "no-store"
    return response


class RoomWeb:
    """The room's web application and what it needs: ways in, reads, writes, streams, limits.

    Args:
        access: Ways in and signed-in phones.
        writer: Runs writes on the thread that owns the workshop's writer session.
        reader: The room's reads (created on the event loop's thread).
        dots_per_phone: Dots one phone may place on a board, within its group's budget.
        error_log: Where an unexpected error's details are written.
        clock: Monotonic seconds, for the rate limits.
    """

    def __init__(
        self,
        access: RoomAccess,
        writer: Writer,
        reader: RoomReader,
        dots_per_phone: int,
        error_log: Path,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.access = access
        self.writer = writer
        self.reader = reader
        self.dots_per_phone = dots_per_phone
        self.error_log = error_log
        self.streams = EventStreams(clock)
        self.reads = RateLimiter(rate=5.0, burst=40, clock=clock)
        self.writes = RateLimiter(rate=1.0, burst=15, clock=clock)
        self.failures = FailureLimiter(failures=5, window=300.0, clock=clock)
        self.room_failures = FailureLimiter(failures=60, window=60.0, clock=clock)
        self.files = static_files()

    def application(self, hosts: set[str], log: TextIO | None) -> tuple[web.Application, dict[str, Any]]:
        """The aiohttp application, and the keyword arguments its runner needs (the access log)."""
        app = web.Application(middlewares=[guard_middleware(hosts)], client_max_size=MAX_BODY)
        app.on_response_prepare.append(add_security_headers)
        app.router.add_get("/", self.page)
        app.router.add_get("/j/{token}", self.join_link)
        app.router.add_get("/static/{name}", self.static)
        app.router.add_get("/favicon.ico", self.no_icon)
        app.router.add_post("/api/join", self.join)
        app.router.add_get("/api/me", self.me)
        app.router.add_get("/api/events", self.events)
        app.router.add_get("/api/board", self.board)
        app.router.add_post("/api/cards", self.add_card)
        app.router.add_post("/api/votes", self.vote)
        app.router.add_get("/api/notes", self.notes)
        app.router.add_post("/api/notes", self.save_notes)
        app.router.add_post("/api/leave", self.leave)
        runner_options: dict[str, Any] = {"access_log": None}
        if log is not None:
            runner_options = {"access_log_class": access_logger(log)}
        return app, runner_options

    # Who is asking -----------------------------------------------------------------------------

    def _phone(self, request: web.Request, limiter: RateLimiter | None = None) -> Device:
        device = self.access.device(request.cookies.get(COOKIE))
        if device is None:
            raise _refusal(web.HTTPUnauthorized, "This phone is not in the room. Scan your group's code.")
        request[PHONE] = device.label
        limiter = limiter or self.reads
        if not limiter.allow(device.id):
            wait = limiter.retry_after(device.id)
            error = _refusal(web.HTTPTooManyRequests, f"Too fast: wait {wait} s and try again.")
            error.headers["Retry-After"] = str(wait)
            raise error
        return device

    def _check_failures(self, request: web.Request) -> None:
        wait = max(self.failures.blocked_for(request.remote or "-"), self.room_failures.blocked_for("room"))
        if wait:
            error = _refusal(
                web.HTTPTooManyRequests, f"Too many wrong codes: wait {wait} s before trying again."
            )
            error.headers["Retry-After"] = str(wait)
            raise error

    def _failed(self, request: web.Request) -> None:
        self.failures.failed(request.remote or "-")
        self.room_failures.failed("room")

    def _signed_in(self, device: Device, response: web.StreamResponse, request: web.Request) -> None:
        request[PHONE] = device.label
        response.set_cookie(COOKIE, device.id, max_age=COOKIE_AGE, path="/", httponly=True, samesite="Strict")

    # Pages -------------------------------------------------------------------------------------

    def _file(self, name: str) -> web.Response:
        response = web.Response(body=self.files[name], content_type=_STATIC_TYPES[name].split(";")[0])
        response.charset = "utf-8"
        response.headers["Cache-Control"] = "no-cache"
        return response

    async def page(self, request: web.Request) -> web.Response:
        """The phone page; it shows the code box or the board, as ``/api/me`` says."""
        return self._file("index.html")

    async def static(self, request: web.Request) -> web.Response:
        """The page's script and style sheet."""
        name = request.match_info["name"]
        if name not in self.files or name == "index.html":
            raise _refusal(web.HTTPNotFound, "No such file.")
        return self._file(name)

    async def no_icon(self, request: web.Request) -> web.Response:
        """Browsers ask for an icon; the room has none."""
        return web.Response(status=204)

    async def join_link(self, request: web.Request) -> web.Response:
        """A group's QR link: exchange its token for a device cookie and show the page."""
        self._check_failures(request)
        device = self.access.join(
            request.match_info["token"], request.headers.get("User-Agent", ""), request.cookies.get(COOKIE)
        )
        if device is None:
            self._failed(request)
            raise web.HTTPSeeOther("/#expired")
        response = self._file("index.html")
        self._signed_in(device, response, request)
        return response

    # API: joining and reading ------------------------------------------------------------------

    async def _body(self, request: web.Request) -> dict[str, Any]:
        try:
            value = await request.json()
        except (ValueError, UnicodeDecodeError) as error:
            raise _refusal(web.HTTPBadRequest, "The request is not valid JSON.") from error
        if not isinstance(value, dict):
            raise _refusal(web.HTTPBadRequest, "The request must be a JSON object.")
        return value

    async def join(self, request: web.Request) -> web.Response:
        """``POST /api/join {"code"}``: join with a group's short code."""
        self._check_failures(request)
        code = (await self._body(request)).get("code")
        agent = request.headers.get("User-Agent", "")
        device = self.access.join(code, agent, request.cookies.get(COOKIE)) if isinstance(code, str) else None
        if device is None:
            self._failed(request)
            raise _refusal(
                web.HTTPForbidden, "This code does not open the room. Check it on the screen and try again."
            )
        response = _json(self._me(device))
        self._signed_in(device, response, request)
        return response

    def _me(self, device: Device) -> dict[str, Any]:
        snapshot = self.reader.snapshot()
        return device_view(snapshot, device, self.dots_per_phone, self.reader.version, self.reader.standing)

    async def me(self, request: web.Request) -> web.Response:
        """``GET /api/me``: this phone's group, role, dots and the board's version."""
        return _json(self._me(self._phone(request)))

    async def events(self, request: web.Request) -> web.StreamResponse:
        """``GET /api/events``: a stream that sends ``state`` (as ``/api/me``) after each change."""
        device = self._phone(request)
        if self.streams.full_for(device.id):
            raise _refusal(web.HTTPServiceUnavailable, "Too many open pages; close one.")

        def message() -> tuple[str, bytes]:
            current = self.access.device(device.id)
            if current is None:
                return "signed-out", b"{}"
            return "state", encode(self._me(current))

        return await self.streams.serve(request, device.id, message)

    async def board(self, request: web.Request) -> web.Response:
        """``GET /api/board``: the group's view of the board (``ETag``: its version)."""
        device = self._phone(request)
        try:
            view = self.reader.board_view(device.group)
        except NotFoundError as error:
            raise _refusal(web.HTTPNotFound, "The board was removed. Ask the facilitator.") from error
        if request.headers.get("If-None-Match") == view.etag:
            return web.Response(status=304, headers={"ETag": view.etag})
        zipped = "gzip" in request.headers.get("Accept-Encoding", "")
        response = web.Response(body=view.gzipped if zipped else view.body, content_type="application/json")
        response.headers.update({"ETag": view.etag, "Cache-Control": "no-cache", "Vary": "Accept-Encoding"})
        if zipped:
            response.headers["Content-Encoding"] = "gzip"
        return response

    async def notes(self, request: web.Request) -> web.Response:
        """``GET /api/notes``: the group's notes, for its rapporteur."""
        device = self._phone(request)
        return _json({"notes": notes_view(self.reader.notes(device.group))})

    # API: writing ------------------------------------------------------------------------------

    async def _write(self, work: Work) -> Any:
        """Run ``work`` on the writer's thread and wait; refusals become the phone's answer."""
        future = self.writer.submit(work)
        try:
            result = await asyncio.wait_for(asyncio.wrap_future(future), WRITE_TIMEOUT)
        except TimeoutError as error:
            raise _refusal(
                web.HTTPServiceUnavailable, "The laptop is busy. Check the list, then try again if needed."
            ) from error
        except phone_commands.NotesConflict as conflict:
            raise _refusal(
                web.HTTPConflict, str(conflict), conflict=conflict.fields, notes=notes_view(conflict.current)
            ) from conflict
        except InputError as error:
            raise _refusal(web.HTTPBadRequest, str(error)) from error
        except FacilitatorError as error:
            raise _refusal(web.HTTPConflict, str(error)) from error
        except Exception as error:
            with self.error_log.open("a", encoding="utf-8") as log:
                log.write("".join(traceback.format_exception(error)))
            raise _refusal(
                web.HTTPInternalServerError, "Something went wrong on the laptop; this was not saved."
            ) from error
        # No version bump here: the writer's session announced the change (and the room was
        # notified) before the future was settled, so the next read sees the new version.
        return result

    async def add_card(self, request: web.Request) -> web.Response:
        """``POST /api/cards {"text", "category", "evidence", "refer_to"}``: write a red flag."""
        device = self._phone(request, self.writes)
        fields = await self._body(request)
        board = self.reader.board_id
        card_id = await self._write(
            lambda session: phone_commands.add_card(session, self.access, device.id, board, fields)
        )
        return _json({"id": card_id}, status=201)

    async def vote(self, request: web.Request) -> web.Response:
        """``POST /api/votes {"card", "add"}``: place (``add`` true) or take back a dot."""
        device = self._phone(request, self.writes)
        body = await self._body(request)
        card, add = body.get("card"), body.get("add", True)
        if not isinstance(card, int) or isinstance(card, bool) or not isinstance(add, bool):
            raise _refusal(web.HTTPBadRequest, "A vote names a card (a number) and add (true or false).")
        board = self.reader.board_id
        budget = self.dots_per_phone
        if add:
            await self._write(
                lambda session: phone_commands.vote(session, self.access, device.id, board, card, budget)
            )
        else:
            await self._write(
                lambda session: phone_commands.remove_vote(session, self.access, device.id, board, card)
            )
        return _json(self._me(self.access.device(device.id) or device))

    async def save_notes(self, request: web.Request) -> web.Response:
        """``POST /api/notes {"base", "notes"}``: save the rapporteur's changes, or 409 with the
        notes as they are now when someone else changed the same box meanwhile."""
        device = self._phone(request, self.writes)
        body = await self._body(request)
        base, notes = body.get("base"), body.get("notes")
        if not isinstance(base, dict) or not isinstance(notes, dict):
            raise _refusal(web.HTTPBadRequest, "Notes are saved with the text you started from (base).")
        board = self.reader.board_id
        saved = await self._write(
            lambda session: phone_commands.save_notes(session, self.access, device.id, board, base, notes)
        )
        return _json({"notes": notes_view(saved)})

    async def leave(self, request: web.Request) -> web.Response:
        """``POST /api/leave``: sign this phone out (to join another group, say)."""
        device = self._phone(request, self.writes)
        self.access.sign_out(device.id)
        self.streams.wake(device.id)
        response = _json({"left": True})
        response.del_cookie(COOKIE, path="/")
        return response

    # From the desktop (on the event loop's thread) ----------------------------------------------

    def changed(self, groups_may_change: bool = False) -> None:
        """The workshop changed: new version, phones told soon; new groups get ways in."""
        if groups_may_change:
            self.access.add_groups(self.reader.group_names())
        self.reader.changed()
        self.streams.changed()
