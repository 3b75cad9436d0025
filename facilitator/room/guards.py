"""What every request to the room passes through: who it claims to be for, and what it may send.

The room listens on a shared network, so it assumes anyone on it may send anything:

* the ``Host`` header must name the address the room was opened on (a page elsewhere that points
  its own name at the laptop, DNS rebinding, is refused);
* a write (POST) must carry the ``X-Room`` header, which a page of another origin cannot add
  without asking permission that the room never grants, come from the room's own origin when the
  browser says where it comes from, and be JSON of bounded size;
* every answer forbids scripts, styles and connections from anywhere but the room itself, and
  framing, sniffing and referrers;
* an access log in the exports folder records each request without tokens or cookies.
"""

from __future__ import annotations

import re
import time
from collections.abc import Awaitable, Callable, Set
from pathlib import Path
from typing import TextIO

from aiohttp import web
from aiohttp.abc import AbstractAccessLogger
from aiohttp.typedefs import Middleware

__all__ = [
    "CUSTOM_HEADER",
    "MAX_BODY",
    "PHONE",
    "SECURITY_HEADERS",
    "access_logger",
    "add_security_headers",
    "guard_middleware",
    "open_access_log",
]

#: Header every write must carry (its value is ignored; a cross-origin page cannot add it).
CUSTOM_HEADER = "X-Room"
#: Largest request body accepted: a card with its details, or a rapporteur's three boxes.
MAX_BODY = 16 * 1024

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}

#: The phone a request came from ("Group 2, phone 3"), for the access log.
PHONE = web.RequestKey("room_phone", str)

_TOKEN_PATH = re.compile(r"^/j/[^/]*")
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _refuse(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)


def guard_middleware(hosts: Set[str]) -> Middleware:
    """A middleware that refuses requests for other hosts and writes without the room's marks.

    Args:
        hosts: Accepted ``Host`` values (``address:port``, lower case). Read on every request:
            the server fills it in once it knows the port it got.
    """
    allowed = hosts

    @web.middleware
    async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.host.lower() not in allowed:
            return _refuse(421, "This address is not the room's. Use the address shown on the screen.")
        if request.method not in ("GET", "HEAD", "POST"):
            return _refuse(405, "This method is not used by the room.")
        if request.method == "POST":
            if CUSTOM_HEADER not in request.headers:
                return _refuse(403, "Writes come only from the room's own page.")
            origin = request.headers.get("Origin")
            if origin is not None and origin.lower().removeprefix("http://") not in allowed:
                return _refuse(403, "Writes come only from the room's own page.")
            if request.headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin", "none"):
                return _refuse(403, "Writes come only from the room's own page.")
            if request.content_type != "application/json":
                return _refuse(415, "The room reads JSON only.")
            if request.content_length is None:
                return _refuse(411, "A write must say how long it is.")
            if request.content_length > MAX_BODY:
                return _refuse(413, f"Too much at once: at most {MAX_BODY // 1024} KB per request.")
        return await handler(request)

    return guard


async def add_security_headers(_request: web.Request, response: web.StreamResponse) -> None:
    """Add the security headers to every answer, streams and errors included (``on_response_prepare``)."""
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)


def _redact(path: str) -> str:
    """A path fit for the log: join tokens replaced, query strings dropped."""
    return _TOKEN_PATH.sub("/j/<token>", path.split("?", 1)[0])


def access_logger(log: TextIO, clock: Callable[[], float] = time.time) -> type[AbstractAccessLogger]:
    """An access-log class for aiohttp's runner that writes one line per request to ``log``.

    A line: time, client address, the phone (group and number, once it signed in), method, path
    with tokens removed, status, bytes sent and milliseconds taken. No cookie, token, code or
    card text is ever written.
    """

    class RoomAccessLogger(AbstractAccessLogger):
        def log(self, request: web.BaseRequest, response: web.StreamResponse, time_taken: float) -> None:
            moment = time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(clock()))
            phone = request.get(PHONE, "-")
            log.write(
                f'{moment} {request.remote or "-"} "{phone}" {request.method} {_redact(request.path)} '
                f"{response.status} {response.body_length}B {time_taken * 1000:.0f}ms\n"
            )

    return RoomAccessLogger


def open_access_log(path: Path) -> TextIO:
    """Open (append) the access log, line-buffered so that it can be read while the room is open."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return path.open("a", encoding="utf-8", buffering=1)
