"""A worker renders pages first come, first served, a few at a time, and no slow page holds the line."""

import asyncio

from extract.publish.site.admission import Admission

HTTP = {"type": "http", "method": "GET", "path": "/"}


class Recorder:
    """An ASGI app whose requests each take ``pause`` seconds (awaiting, as a page awaits its SQL) and that records
    when each one starts and ends, and how many run at once."""

    def __init__(self, pause: float = 0.01) -> None:
        self.pause, self.events, self.running, self.most = pause, [], 0, 0

    async def __call__(self, scope, receive, send):
        name = scope.get("name")
        self.running += 1
        self.most = max(self.most, self.running)
        self.events.append(("start", name))
        try:
            await asyncio.sleep(scope.get("pause", self.pause))
        finally:
            self.running -= 1
            self.events.append(("end", name))


def run(gate: Admission, scopes: list[dict]) -> None:
    async def main():
        await asyncio.gather(*(gate(scope, None, None) for scope in scopes))

    asyncio.run(main())


def test_at_most_the_slots_run_at_once_and_they_start_in_the_order_they_came():
    app = Recorder()
    run(Admission(app, slots=2, release_after=5), [dict(HTTP, name=n) for n in range(6)])
    assert app.most == 2
    assert [n for what, n in app.events if what == "start"] == list(range(6))


def test_with_one_slot_each_request_runs_alone_from_start_to_end():
    app = Recorder()
    run(Admission(app, slots=1, release_after=5), [dict(HTTP, name=n) for n in range(4)])
    assert app.events == [(what, n) for n in range(4) for what in ("start", "end")]


def test_a_slow_request_gives_up_its_slot_and_the_next_goes_in_before_it_ends():
    app = Recorder()
    slow, quick = dict(HTTP, name="slow", pause=0.5), dict(HTTP, name="quick", pause=0.001)
    run(Admission(app, slots=1, release_after=0.02), [slow, quick])
    assert app.events == [("start", "slow"), ("start", "quick"), ("end", "quick"), ("end", "slow")]


def test_without_slots_or_for_what_is_not_a_request_nothing_waits():
    app = Recorder()
    run(Admission(app, slots=0), [dict(HTTP, name=n) for n in range(5)])
    assert app.most == 5
    app = Recorder()
    run(Admission(app, slots=1), [{"type": "lifespan", "name": n} for n in range(3)])
    assert app.most == 3


def test_a_request_whose_client_left_while_waiting_leaves_no_slot_taken():
    app = Recorder(pause=0.02)
    gate = Admission(app, slots=1, release_after=5)

    async def main():
        first = asyncio.ensure_future(gate(dict(HTTP, name="first"), None, None))
        await asyncio.sleep(0)
        gone = asyncio.ensure_future(gate(dict(HTTP, name="gone"), None, None))
        await asyncio.sleep(0)
        gone.cancel()  # its client went away while it waited
        await first
        await asyncio.gather(gone, return_exceptions=True)
        await asyncio.wait_for(gate(dict(HTTP, name="later"), None, None), 1)  # the slot is free again

    asyncio.run(main())
    assert [n for what, n in app.events if what == "start"] == ["first", "later"]
    assert gate.busy == 0 and not gate.waiting


def test_a_request_cancelled_just_as_its_turn_came_passes_the_slot_on():
    app = Recorder(pause=0.01)
    gate = Admission(app, slots=1, release_after=5)

    async def main():
        await gate.enter()  # the slot is taken
        unlucky = asyncio.ensure_future(gate(dict(HTTP, name="unlucky"), None, None))
        after = asyncio.ensure_future(gate(dict(HTTP, name="after"), None, None))
        await asyncio.sleep(0)  # both wait in line
        gate.hand_over()  # the slot goes to "unlucky"...
        unlucky.cancel()  # ...whose client leaves before it wakes
        await asyncio.wait_for(after, 1)
        await asyncio.gather(unlucky, return_exceptions=True)

    asyncio.run(main())
    assert [n for what, n in app.events if what == "start"] == ["after"]
    assert gate.busy == 0 and not gate.waiting


def test_a_worker_holding_more_than_its_share_of_connections_sends_one_away_at_a_time():
    from extract.serve import Balancing

    now = [0.0]
    counts = [0, 9]  # the other worker holds 9 connections
    mine = set(range(13))  # this one 13: its share of 22 is 11
    balancing = Balancing(None, counts, 0, mine, clock=lambda: now[0])
    assert balancing.sheds_now() and counts[0] == 13
    assert not balancing.sheds_now()  # not again before the counts catch up
    now[0] += Balancing.SHED_EVERY_S
    assert balancing.sheds_now()
    mine.discard(12), mine.discard(11)
    counts[1] = 11  # both went to the other worker: 11 and 11
    now[0] += Balancing.SHED_EVERY_S
    assert not balancing.sheds_now()  # even: nothing is sent away
    counts[1] = 12  # 11 against 12: the share of 23 is 12, no one holds more
    assert not balancing.sheds_now()


def test_the_connection_sent_away_is_told_to_close_and_the_others_are_kept():
    from extract.serve import Balancing

    async def app(scope, receive, send):
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
        await send({"type": "http.response.body", "body": b"ok"})

    def response(balancing):
        sent = []

        async def send(message):
            sent.append(message)

        asyncio.run(balancing(dict(HTTP), None, send))
        return dict(sent[0]["headers"])

    assert response(Balancing(app, [0, 0], 0, set(range(5))))[b"connection"] == b"close"
    assert b"connection" not in response(Balancing(app, [0, 5], 0, set(range(5))))
