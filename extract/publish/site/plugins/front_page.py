"""Datasette plugin: the front page (``/``), the story told by the data.

What happened and from which sources, a timeline of events (a page at a
time), where the reports disagree (claims of different sources that
contradict each other), where one report holds conflicting claims (the same
source), who said what (grouped by speaker) and the figures several sources
give for the same quantity.  The queries are in ``site/front_page.yaml``; each
list is bounded and links to where all of it is; every item links to its row
and to its words in the annotated article (``/article/<source_id>#anchor``).
The tables are listed on the database page (``/tocoron``), linked from here.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import weakref
from functools import cache
from pathlib import Path

from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.utils import sqlite_timelimit
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

from extract.serve import database_name
from extract.yamlfile import read_data

DATABASE = database_name()  # from publish/dataset.yaml (datasette_db)
QUERIES = Path(__file__).resolve().parents[1] / "front_page.yaml"
LIMIT = 20  # items per list
TIMELINE_PAGE = 40  # events per page of the timeline
PER_SPEAKER = 3  # quotations shown under each speaker


@cache
def queries() -> dict[str, str]:
    return read_data(QUERIES)


def shown_date(date: str | None, precision: str) -> str:
    """A date at the precision it is known: ``2014`` for a year, ``September 2023`` for a month."""
    if date is None or precision == "unknown":
        return "undated"
    day = dt.date.fromisoformat(date)
    if precision == "year":
        return str(day.year)
    if precision == "month":
        return day.strftime("%B %Y")
    return day.isoformat()


def first_told(places) -> list[dict]:
    """Per source (in publication order), the first place it tells of the event: a mention, else a claim, quote or figure."""
    best: dict[str, dict] = {}
    for t in places:
        if t["source_id"] not in best or (t["priority"], t["char_start"]) < (
            best[t["source_id"]]["priority"],
            best[t["source_id"]]["char_start"],
        ):
            best[t["source_id"]] = t
    return sorted(best.values(), key=lambda t: (t["published"], t["source_id"]))


def in_telling_order(events: list[dict]) -> list[dict]:
    """The page's events, same-day events in the order the earliest report tells them (then by id).

    The page keeps its date order; only events of one date swap places, so an
    event is never moved across pages.
    """

    def told(event):
        firsts = [(t["published"], t["priority"], t["char_start"]) for t in event["sources"]]
        return min(firsts) if firsts else ("\uffff",)

    position = {e["event_id"]: i for i, e in enumerate(events)}
    return sorted(events, key=lambda e: (e["date"] is None, e["date"] or "", told(e), position[e["event_id"]]))


def page_number(request) -> int:
    try:
        return max(1, int(request.args.get("page", "1")))
    except ValueError:
        return 1


async def unbounded(db, name: str, **params) -> list[dict]:
    """A query of front_page.yaml without the time limit: only for the summary computed once per process."""
    sql = queries()[name]

    def run(conn):
        cursor = conn.execute(sql, params)
        columns = [d[0] for d in cursor.description]
        return [dict(zip(columns, row, strict=False)) for row in cursor.fetchall()]

    return await db.execute_fn(run)


SUMMARIES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


async def summary(datasette) -> dict:
    """Everything on the front page but the timeline, queried and rendered; the database is immutable, so once per
    Datasette instance.

    Its HTML (``_front_sources.html``, ``_front_story.html``: some 300 links) is
    rendered here too, not on every request: it was most of a front page's CPU."""
    if datasette not in SUMMARIES:
        data = await summarize(datasette.get_database(DATABASE))
        context = dict(data, database=DATABASE, metadata=datasette.metadata(), urls=datasette.urls)
        SUMMARIES[datasette] = {
            "sources_html": Markup(await datasette.jinja_env.get_template("_front_sources.html").render_async(context)),
            "story_html": Markup(await datasette.jinja_env.get_template("_front_story.html").render_async(context)),
        }
    return SUMMARIES[datasette]


async def summarize(db) -> dict:
    speakers = await unbounded(db, "speakers", limit=LIMIT)
    for speaker in speakers:
        actor = speaker["speaker_table"] == "actors"
        speaker["said"] = await unbounded(
            db,
            "speaker_quotes",
            actor_id=speaker["speaker_id"] if actor else None,
            organization_id=None if actor else speaker["speaker_id"],
            per_speaker=PER_SPEAKER,
        )
    quantities = await unbounded(db, "shared_quantities", limit=LIMIT)
    for quantity in quantities:
        quantity["figures"] = await unbounded(
            db, "quantity_figures", event_id=quantity["event_id"], quantity=quantity["quantity"], unit=quantity["unit"]
        )
    return {
        "overview": (await unbounded(db, "overview"))[0],
        "sources": await unbounded(db, "sources", limit=LIMIT),
        "disagreements": await unbounded(db, "contradictions", same=0, limit=LIMIT),
        "disagreements_count": (await unbounded(db, "contradictions_count", same=0))[0]["n"],
        "conflicts": await unbounded(db, "contradictions", same=1, limit=LIMIT),
        "conflicts_count": (await unbounded(db, "contradictions_count", same=1))[0]["n"],
        "speakers": speakers,
        "unattributed": (await unbounded(db, "unattributed_quotes"))[0]["n"],
        "quantities": quantities,
        "limit": LIMIT,
    }


def timeline_rows(conn, page: int, time_limit_ms: int) -> tuple[list[dict], list[dict]]:
    """A timeline page's events (one more than a page: is there a next?) and where its events are told, in one round
    trip to the SQL thread under one time limit (two before: under load each is a turn of the event loop on which the
    worker's other requests run first)."""

    def run(name: str, **params) -> list[dict]:
        cursor = conn.execute(queries()[name], params)
        columns = [d[0] for d in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

    with sqlite_timelimit(conn, time_limit_ms):
        try:
            events = run("timeline", limit=TIMELINE_PAGE + 1, offset=(page - 1) * TIMELINE_PAGE)
            ids = json.dumps([e["event_id"] for e in events[:TIMELINE_PAGE]])
            return events, run("event_sources", ids=ids)
        except sqlite3.OperationalError as exc:
            if exc.args == ("interrupted",):
                raise QueryInterrupted(exc, "timeline", {"page": page}) from None
            raise


async def story(datasette, request) -> dict:
    db = datasette.get_database(DATABASE)
    page = page_number(request)
    limit_ms = datasette.setting("sql_time_limit_ms")
    events, places = await db.execute_fn(lambda conn: timeline_rows(conn, page, limit_ms))
    more_events = len(events) > TIMELINE_PAGE
    events = events[:TIMELINE_PAGE]
    told: dict[str, list[dict]] = {}  # by event: one pass over the places, not one per event of the page
    for t in places:
        told.setdefault(t["event_id"], []).append(t)
    for event in events:
        event["shown_date"] = shown_date(event["date"], event["date_precision"])
        event["sources"] = first_told(told.get(event["event_id"], ()))
    events = in_telling_order(events)
    return dict(await summary(datasette), events=events, page=page, more_events=more_events)


def timeline_html(events: list[dict], urls, database: str) -> Markup:
    """The ``<li>`` of each event of the timeline's page (what a Jinja loop of ``front.html`` wrote).

    Written in Python for the reason ``rows_html`` is (plugins/table_columns.py): in Jinja's async mode that loop, 40
    events and their sources, was half of a front page's CPU.  Values are escaped as Jinja's autoescape would."""
    items = []
    for e in events:
        place = f" · {escape(e['place'])}" if e.get("place") else ""
        told = (
            " · told by"
            + "".join(
                f' <a class="source" href="/article/{escape(t["source_id"])}#{escape(t["anchor"])}">'
                f"{escape(t['source_id'])}</a>"
                for t in e["sources"]
            )
            if e.get("sources")
            else ""
        )
        items.append(
            f'<li class="event" data-event="{escape(e["event_id"])}"><span class="when">{escape(e["shown_date"])}</span>\n'
            f'      <a href="{escape(urls.row(database, "events", e["event_id"]))}">{escape(e["summary"])}</a>\n'
            f'      <span class="meta">{escape(e["event_type"]).replace("_", " ")}{place}\n'
            f"      {told}</span></li>"
        )
    return Markup("\n".join(items))


async def front(datasette, request):
    context = await story(datasette, request)
    context.update(
        {
            "database": DATABASE,
            "metadata": datasette.metadata(),
            "timeline_html": timeline_html(context["events"], datasette.urls, DATABASE),
        }
    )
    return Response.html(await datasette.render_template("front.html", context, request=request))


@hookimpl
def startup(datasette):
    async def inner():
        await summary(datasette)

    return inner


@hookimpl
def register_routes():
    return [(r"^/$", front)]
