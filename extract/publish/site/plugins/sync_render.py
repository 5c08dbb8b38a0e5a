"""Datasette plugin: every page is rendered by Jinja in its ordinary (synchronous) mode.

Datasette renders its templates in Jinja's async mode: every output
expression, attribute, call and loop step of a template goes through
coroutine helpers (``auto_await``, ``auto_aiter``, an async generator step for
each piece of output).  At 10,000 articles the render of ``table.html`` and
``base.html`` was the largest part of a table page's CPU, for a template that
awaits nothing: the only things a page's templates await are the few async
functions Datasette puts in their context (``menu_links()``,
``table_actions()``, ``database_actions()``, ``crumb_items(...)``).

So each template Datasette loads is of class ``RenderedInSyncMode``
(``prepare_jinja2_environment`` sets the environment's ``template_class``, a
documented attribute of Jinja's ``Environment``): its ``render_async`` first
awaits those functions (``resolved``: a function of no argument is called once
and stands for its result; ``crumb_items`` is answered for the page's database
and table, the only arguments Datasette's templates give it, and only for those
a template has asked for before), then renders the
same template, by name, from a twin environment in synchronous mode (an
``overlay`` of Datasette's: the same loader, filters, globals and settings, a
cache of its own).  A context holding any other async function, or anything
awaitable, and a template without a name (``from_string``) are rendered as
before, in async mode.  Both modes run the same template source, so a page is
the same byte for byte (``tests/test_serving.py`` renders every kind of page
both ways and compares them).
"""

from __future__ import annotations

import inspect
import weakref

from datasette import hookimpl
from jinja2 import Environment, Template

SYNC_TWINS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
CACHE_SIZE = 400  # Jinja's default: compiled templates kept by the twin


def sync_twin(env: Environment) -> Environment:
    """The synchronous twin of an async environment, made on first use (after every plugin has prepared ``env``:
    an overlay copies the loader it has when made)."""
    twin = SYNC_TWINS.get(env)
    if twin is None:
        twin = env.overlay(enable_async=False, cache_size=CACHE_SIZE)
        twin.template_class = Template
        SYNC_TWINS[env] = twin
    return twin


class Fallback(Exception):
    """The context holds something only the async mode can wait for."""


def constant(value):
    def answer(*args, **kwargs):
        return value

    return answer


def takes_no_argument(function) -> bool:
    try:
        parameters = inspect.signature(function).parameters.values()
    except (TypeError, ValueError):
        return False
    return all(p.default is not p.empty or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in parameters)


CRUMBS_ASKED: dict[str, set] = {}
"""Per template, which crumbs its renders asked ``crumb_items`` for: the site's (0), the page's database (1), the
page's table (2).  Only those are worked out (each is up to three permission checks); a template asking for others is
rendered in async mode once, and its next renders have them too."""


async def crumbs_for(crumb_items, context: dict, template: str):
    """``crumb_items`` answered for the arguments the templates give it: the request, and the page's database and
    table or neither (``_crumbs.html``'s ``nav(request, database=None, table=None)``)."""
    request, database, table = context.get("request"), context.get("database"), context.get("table")
    database = database if isinstance(database, str) else None
    table = table if isinstance(table, str) and database else None
    keys = [(None, None), (database, None), (database, table)]
    asked = CRUMBS_ASKED.setdefault(template, {0, 1, 2})  # the first render: all three
    known = {}
    for level in sorted(asked):
        if keys[level] not in known:
            known[keys[level]] = await crumb_items(request=request, database=keys[level][0], table=keys[level][1])
    used = set()
    if asked == {0, 1, 2}:
        CRUMBS_ASKED[template] = used  # learnt from this render

    def answer(request=None, database=None, table=None):
        key = (database, table)
        if key in keys:
            used.add(keys.index(key))
        if key not in known:
            CRUMBS_ASKED[template] = asked | used | {0, 1, 2}
            raise Fallback(f"crumb_items for {key}")
        return known[key]

    return answer


async def resolved(context: dict, template: str = "") -> dict:
    """The context with each async function replaced by a plain one giving its result (``Fallback`` if it cannot)."""
    done = dict(context)
    for name, value in context.items():
        if not callable(value):
            if inspect.isawaitable(value):
                raise Fallback(name)
            continue
        if not inspect.iscoroutinefunction(value):
            continue
        if name == "crumb_items":
            done[name] = await crumbs_for(value, context, template)
        elif takes_no_argument(value):
            done[name] = constant(await value())
        else:
            raise Fallback(name)
    return done


class RenderedInSyncMode(Template):
    """A template of Datasette's environment whose ``render_async`` renders its twin in synchronous mode."""

    fallbacks = 0  # renders left to the async mode (tests check the site's pages have none)

    async def render_async(self, *args, **kwargs) -> str:
        if self.name is None:
            return await super().render_async(*args, **kwargs)
        try:
            context = await resolved(dict(*args, **kwargs), self.name)
            return sync_twin(self.environment).get_template(self.name).render(context)
        except Fallback:
            RenderedInSyncMode.fallbacks += 1
            return await super().render_async(*args, **kwargs)


@hookimpl
def prepare_jinja2_environment(env):
    env.template_class = RenderedInSyncMode


PAGES = (
    "table.html",
    "_table.html",
    "row.html",
    "query.html",
    "database.html",
    "search.html",
    "article.html",
    "front.html",
)
"""The templates the site's pages are rendered from (Datasette's and the project's), compiled at start-up with every
template they extend or include."""


def used_by(env: Environment, names) -> list[str]:
    """``names`` and every template they extend, include or import, found in their sources (a name computed at
    render time is left to be compiled then)."""
    from jinja2 import TemplateNotFound, meta

    found, todo = [], list(names)
    while todo:
        name = todo.pop()
        if name in found:
            continue
        try:
            source = env.loader.get_source(env, name)[0]
        except TemplateNotFound:
            continue
        found.append(name)
        todo += [n for n in meta.find_referenced_templates(env.parse(source)) if n is not None]
    return found


@hookimpl
def startup(datasette):
    """The pages' templates compiled at start-up, in both modes, not by the first visitor of each kind of page.

    A worker's first table page took 90 ms more than the next ones (``table.html``, ``_table.html``, ``base.html``
    and the rest compiled, twice: async and sync), and behind it waited every request of that worker.  Only what the
    pages use (``PAGES`` and what they refer to): all 49 templates Datasette and the site have cost 0.4 s of CPU at
    each start."""
    env = datasette.jinja_env
    for name in used_by(env, PAGES):
        for each in (env, sync_twin(env)):
            each.get_template(name)
