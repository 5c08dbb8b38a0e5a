"""Datasette plugin: an in-memory cache of rendered GET responses.

The database is served immutable, so a page's bytes depend only on its URL and
on the address the client used to reach it: Datasette writes absolute URLs
(``next_url``, ``<link rel=alternate>``, the ``Link:`` header) from the
``Host`` header and the scheme (which uvicorn takes from
``X-Forwarded-Proto``).  So the cache key is the scheme, every header that can
change that address (``Host``, ``X-Forwarded-Host``, ``X-Forwarded-Proto``,
``Forwarded``), the path and the query string: a request with a forged host
gets its own entry and never poisons anyone else's.

Pages are cached (LRU, at most ``TOCORON_CACHE_BYTES`` bytes of bodies and
headers, default 64 MB; 0 turns the cache off) when the request carries no
cookie and the response is a complete 200 with no ``Set-Cookie`` and a body
under 2 MB; anything else is passed through untouched.  Each worker process
has its own cache.
"""

from __future__ import annotations

import os
from collections import OrderedDict

from datasette import hookimpl

from extract.publish.site.admission import Admission, slots_setting

MAX_BODY = 2_000_000
DEFAULT_BYTES = 64_000_000
ADDRESS_HEADERS = (b"host", b"x-forwarded-host", b"x-forwarded-proto", b"forwarded")


def cache_key(scope) -> tuple:
    """What a cached page depends on: scheme, the headers that set its absolute URLs, path and query."""
    headers = tuple(
        sorted((name.lower(), value) for name, value in scope.get("headers", []) if name.lower() in ADDRESS_HEADERS)
    )
    return (scope.get("scheme", "http"), headers, scope["path"], scope.get("query_string", b""))


def entry_size(start: dict, bodies: list[bytes]) -> int:
    return sum(len(b) for b in bodies) + sum(len(k) + len(v) for k, v in start.get("headers", []))


class ResponseCache:
    def __init__(self, app, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes
        self.bytes = 0
        self.entries: OrderedDict[tuple, tuple[dict, list[bytes], int]] = OrderedDict()

    def store(self, key: tuple, start: dict, bodies: list[bytes]) -> None:
        size = entry_size(start, bodies)
        if size > self.max_bytes:
            return
        old = self.entries.pop(key, None)
        if old is not None:
            self.bytes -= old[2]
        self.entries[key] = (start, bodies, size)
        self.bytes += size
        while self.bytes > self.max_bytes:
            _, (_, _, evicted) = self.entries.popitem(last=False)
            self.bytes -= evicted

    async def __call__(self, scope, receive, send):
        cacheable = (
            self.max_bytes > 0
            and scope["type"] == "http"
            and scope["method"] == "GET"
            and not any(name.lower() == b"cookie" for name, _ in scope.get("headers", []))
        )
        if not cacheable:
            return await self.app(scope, receive, send)
        key = cache_key(scope)
        hit = self.entries.get(key)
        if hit is not None:
            self.entries.move_to_end(key)
            start, bodies, _ = hit
            await send(start)
            for i, body in enumerate(bodies):
                await send({"type": "http.response.body", "body": body, "more_body": i < len(bodies) - 1})
            return
        recorded: dict = {"start": None, "bodies": [], "size": 0, "ok": True}

        async def recording_send(message):
            if message["type"] == "http.response.start":
                recorded["start"] = message
                headers = dict(message.get("headers", []))
                recorded["ok"] = message["status"] == 200 and b"set-cookie" not in headers
            elif message["type"] == "http.response.body" and recorded["ok"]:
                recorded["bodies"].append(message.get("body", b""))
                recorded["size"] += len(message.get("body", b""))
                if recorded["size"] > MAX_BODY:
                    recorded["ok"] = False
                    recorded["bodies"] = []
                if not message.get("more_body") and recorded["ok"]:
                    self.store(key, recorded["start"], list(recorded["bodies"]))
            await send(message)

        await self.app(scope, receive, recording_send)


@hookimpl
def asgi_wrapper(datasette):
    max_bytes = int(os.environ.get("TOCORON_CACHE_BYTES", str(DEFAULT_BYTES)))

    def wrap(app):  # a page the cache holds is answered at once; the others wait their turn (admission.py)
        return ResponseCache(Admission(app, slots_setting()), max_bytes)

    return wrap
