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
from functools import cache
from pathlib import Path

from datasette import hookimpl
from datasette.utils.asgi import Response

from extract.yamlfile import read_data

DATABASE = "tocoron"
QUERIES = Path(__file__).resolve().parents[1] / "front_page.yaml"
LIMIT = 20          # items per list
TIMELINE_PAGE = 40  # events per page of the timeline
PER_SPEAKER = 3     # quotations shown under each speaker


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


def page_number(request) -> int:
    try:
        return max(1, int(request.args.get("page", "1")))
    except ValueError:
        return 1


async def rows(db, name: str, **params) -> list[dict]:
    return [dict(r) for r in (await db.execute(queries()[name], params)).rows]


async def story(datasette, request) -> dict:
    db = datasette.get_database(DATABASE)
    page = page_number(request)
    overview = (await rows(db, "overview"))[0]
    events = await rows(db, "timeline", limit=TIMELINE_PAGE + 1, offset=(page - 1) * TIMELINE_PAGE)
    more_events = len(events) > TIMELINE_PAGE
    events = events[:TIMELINE_PAGE]
    told = await rows(db, "event_sources", ids=json.dumps([e["event_id"] for e in events]))
    for event in events:
        event["shown_date"] = shown_date(event["date"], event["date_precision"])
        event["sources"] = [t for t in told if t["event_id"] == event["event_id"]]

    speakers = await rows(db, "speakers", limit=LIMIT)
    said = await rows(db, "speaker_quotes", ids=json.dumps([s["speaker_id"] for s in speakers]), per_speaker=PER_SPEAKER)
    for speaker in speakers:
        speaker["said"] = [q for q in said if q["speaker_id"] == speaker["speaker_id"]]

    quantities = await rows(db, "shared_quantities", limit=LIMIT)
    for quantity in quantities:
        quantity["figures"] = await rows(db, "quantity_figures", event_id=quantity["event_id"],
                                         quantity=quantity["quantity"], unit=quantity["unit"])
    return {
        "overview": overview,
        "sources": await rows(db, "sources", limit=LIMIT),
        "events": events, "page": page, "more_events": more_events,
        "disagreements": await rows(db, "contradictions", same=0, limit=LIMIT),
        "disagreements_count": (await rows(db, "contradictions_count", same=0))[0]["n"],
        "conflicts": await rows(db, "contradictions", same=1, limit=LIMIT),
        "conflicts_count": (await rows(db, "contradictions_count", same=1))[0]["n"],
        "speakers": speakers,
        "unattributed": (await rows(db, "unattributed_quotes"))[0]["n"],
        "quantities": quantities,
        "limit": LIMIT,
    }


async def front(datasette, request):
    context = await story(datasette, request)
    context.update({"database": DATABASE, "metadata": datasette.metadata()})
    return Response.html(await datasette.render_template("front.html", context, request=request))


@hookimpl
def register_routes():
    return [(r"^/$", front)]
