"""Datasette plugin: an in-memory cache of rendered GET responses.

The database is served immutable, so a page's bytes depend only on its URL.
Pages are cached (LRU, ``TOCORON_CACHE_SIZE`` entries, default 2048; 0 turns
the cache off) when the request carries no cookie and the response is a
complete 200 with no ``Set-Cookie`` and a body under 2 MB; anything else is
passed through untouched.  Each worker process has its own cache.
"""

from __future__ import annotations

import os
from collections import OrderedDict

from datasette import hookimpl

MAX_BODY = 2_000_000


class ResponseCache:
    def __init__(self, app, size: int):
        self.app = app
        self.size = size
        self.entries: OrderedDict[tuple, tuple[dict, list[bytes]]] = OrderedDict()

    async def __call__(self, scope, receive, send):
        cacheable = (self.size > 0 and scope["type"] == "http" and scope["method"] == "GET"
                     and not any(name == b"cookie" for name, _ in scope.get("headers", [])))
        if not cacheable:
            return await self.app(scope, receive, send)
        key = (scope["path"], scope.get("query_string", b""))
        hit = self.entries.get(key)
        if hit is not None:
            self.entries.move_to_end(key)
            start, bodies = hit
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
            elif message["type"] == "http.response.body":
                recorded["bodies"].append(message.get("body", b""))
                recorded["size"] += len(message.get("body", b""))
                if recorded["size"] > MAX_BODY:
                    recorded["ok"] = False
                if not message.get("more_body") and recorded["ok"]:
                    self.entries[key] = (recorded["start"], list(recorded["bodies"]))
                    if len(self.entries) > self.size:
                        self.entries.popitem(last=False)
            await send(message)

        await self.app(scope, receive, recording_send)


@hookimpl
def asgi_wrapper(datasette):
    size = int(os.environ.get("TOCORON_CACHE_SIZE", "2048"))

    def wrap(app):
        return ResponseCache(app, size)

    return wrap
