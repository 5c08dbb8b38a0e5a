"""First come, first served: a worker renders a few pages at a time, the others wait their turn in order.

A worker's event loop interleaves every request it has open: each page runs
until it awaits (a query in the SQL thread), then goes to the back of the
line behind all the others.  With ten keep-alive connections on a worker, a
page that awaits four times (a facet page: its rows, its count, each facet)
waited four times for nine other pages' work, and such pages were the slow
tail (p95 two to three times the median, while their CPU was the median's).
Letting only ``SLOTS`` requests in at a time, in the order they came, makes
each one wait once, in line, then run with nothing else beside it: the same
work done, in the same time overall, with far fewer very late answers.  One
slot is enough: a page's SQL runs on the CPU too, so there is little to
overlap (``bench/serve_load.py --slots N`` compares; see the README).

So that one slow page (a query running to the SQL time limit, a large
download) cannot hold the line, a request gives up its slot after
``RELEASE_AFTER_S`` and goes on beside the others; the next in line gets its
slot.  A request that arrives when a slot is free and no one waits goes
straight in.  ``TOCORON_ADMIT_SLOTS=0`` turns the gate off.
"""

from __future__ import annotations

import asyncio
import collections
import os

SLOTS = 1
RELEASE_AFTER_S = 0.05


class Admission:
    """An ASGI wrapper letting at most ``slots`` HTTP requests run at once, in the order they arrived."""

    def __init__(self, app, slots: int = SLOTS, release_after: float = RELEASE_AFTER_S) -> None:
        self.app, self.slots, self.release_after = app, slots, release_after
        self.busy = 0
        self.waiting: collections.deque[asyncio.Future] = collections.deque()

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or self.slots <= 0:
            return await self.app(scope, receive, send)
        await self.enter()
        held = [True]

        def leave() -> None:
            if held[0]:
                held[0] = False
                self.hand_over()

        timer = asyncio.get_running_loop().call_later(self.release_after, leave)
        try:
            return await self.app(scope, receive, send)
        finally:
            timer.cancel()
            leave()

    async def enter(self) -> None:
        """Wait for a slot: at once if one is free and no one waits, else in line."""
        if self.busy < self.slots and not self.waiting:
            self.busy += 1
            return
        turn = asyncio.get_running_loop().create_future()
        self.waiting.append(turn)
        try:
            await turn
        except asyncio.CancelledError:  # the client went away while waiting
            if turn.done() and not turn.cancelled():
                self.hand_over()  # its slot had been handed to it already: pass it on
            elif turn in self.waiting:
                self.waiting.remove(turn)
            raise

    def hand_over(self) -> None:
        """A slot is given up: to the first in line still waiting, else it is free."""
        while self.waiting:
            turn = self.waiting.popleft()
            if not turn.done():
                turn.set_result(None)
                return
        self.busy -= 1


def slots_setting() -> int:
    return int(os.environ.get("TOCORON_ADMIT_SLOTS", str(SLOTS)))
