"""Datasette plugin: what cannot change while a site lives (schema, metadata, templates) is read once, not per request.

Datasette 0.65 reads the schema afresh on every request: a table page ran 29
statements, 17 of them about the schema (``PRAGMA table_xinfo`` four times,
``PRAGMA foreign_key_list`` six times, the same ``sqlite_master`` lookups
again), each one a round trip through the SQL thread pool; every permission
check deep-copied the whole metadata (40 KB: every column's description, every
canned query) to look for ``allow`` blocks that this site never has; and every
request asked each database for its ``schema_version``.

``serve`` opens the database immutable and makes a new Datasette when a build
publishes a new one (``extract/serve.py``), so for the life of a Datasette
instance none of these answers can change.  At start-up this plugin keeps them,
per immutable database of that instance:

- the schema methods of ``Database`` (``SCHEMA_METHODS``), by their arguments
  (at most ``MAX_REMEMBERED`` answers each);
- the statements Datasette itself sends about the schema (``sqlite_master``
  lookups, ``PRAGMA schema_version``: ``SCHEMA_STATEMENTS``), by SQL and
  parameters; a user's query (``?sql=``, a canned query) is never kept, and
  neither is any statement about the data;
- which ``allow`` blocks apply to a table (``_table_permission_allows``), when
  no plugin supplies metadata (so the metadata is the fixed one it was given);
- the ``_internal`` catalogue, filled once (``refresh_schemas``) when every
  database it describes is immutable;
- the compiled templates: Jinja no longer checks each template file's time
  on every render (``auto_reload``); a changed template shows after a restart;
- the names of templates that do not exist: Datasette asks for a page's own
  template first (``table-tocoron-quotes.html``, ``_table-tocoron-quotes.html``,
  then ``_table.html``), and each miss searched every template directory again,
  on every request (``RememberingMisses``).

The answers kept are Datasette's own values, read-only for its callers (checked
for 0.65.5: views read them, none mutates them); lists are handed out as
copies all the same.  What a page shows is unchanged (``tests/test_serving.py``
compares pages with and without this plugin).
"""

from __future__ import annotations

import functools
import re

from datasette import hookimpl
from jinja2 import BaseLoader, TemplateNotFound

SCHEMA_METHODS = (
    "attached_databases",
    "fts_table",
    "foreign_keys_for_table",
    "get_all_foreign_keys",
    "get_table_definition",
    "get_view_definition",
    "hidden_table_names",
    "label_column_for_table",
    "primary_keys",
    "table_column_details",
    "table_columns",
    "table_exists",
    "table_names",
    "view_names",
)
SCHEMA_STATEMENTS = re.compile(r"\s*(?:select (?:name|sql|1) from sqlite_master\b|PRAGMA schema_version\s*$)", re.I)
"""The statements of Datasette's own schema lookups (a user's ``?sql=`` is run with ``truncate=True``, never kept)."""


MAX_REMEMBERED = 4096
"""Answers kept per method or statement: the tables, views and columns of the database many times over, yet a bound
(a URL can name any table, and the answer that it does not exist is asked and kept too)."""


def keep(known: dict, key, value):
    if len(known) < MAX_REMEMBERED:
        known[key] = value
    return value


def frozen(value):
    """A hashable form of a statement's parameters (a dict, a list or tuple, or None)."""
    if isinstance(value, dict):
        return tuple(sorted(value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(value)
    return value


def handed_out(value):
    return list(value) if isinstance(value, list) else value


def remember_method(method):
    """``method`` (an async schema method of one Database) answered once per distinct arguments."""
    known: dict = {}

    @functools.wraps(method)
    async def remembered(*args, **kwargs):
        key = (args, tuple(sorted(kwargs.items())))
        value = known[key] if key in known else keep(known, key, await method(*args, **kwargs))
        return handed_out(value)

    remembered.known = known
    return remembered


def remember_schema_statements(execute):
    """``execute`` of one Database, with Datasette's own schema statements answered once per SQL and parameters."""
    known: dict = {}

    @functools.wraps(execute)
    async def remembered(sql, params=None, truncate=False, **kwargs):
        if truncate or kwargs or not SCHEMA_STATEMENTS.match(sql):
            return await execute(sql, params, truncate=truncate, **kwargs)
        key = (sql, frozen(params))
        return known[key] if key in known else keep(known, key, await execute(sql, params))

    remembered.known = known
    return remembered


def remember_database(db) -> None:
    for name in SCHEMA_METHODS:
        setattr(db, name, remember_method(getattr(db, name)))
    db.execute = remember_schema_statements(db.execute)


def remember_table_permissions(datasette) -> None:
    allows = functools.lru_cache(maxsize=MAX_REMEMBERED)(datasette._table_permission_allows)
    datasette._table_permission_allows = lambda database, table: list(allows(database, table))


def refresh_schemas_once(datasette) -> None:
    refresh = datasette.refresh_schemas
    done = False

    async def once():
        nonlocal done
        if not done:
            await refresh()
            done = True

    datasette.refresh_schemas = once


def immutable(db) -> bool:
    return not db.is_mutable and not db.is_memory


class RememberingMisses(BaseLoader):
    """A template loader that answers "not found" at once for a name it has already not found (at most
    ``MAX_REMEMBERED`` names); everything else goes to the loader it wraps (Datasette's)."""

    def __init__(self, loader: BaseLoader) -> None:
        self.loader = loader
        self.missing: set[str] = set()

    def missed(self, name: str) -> TemplateNotFound:
        if len(self.missing) < MAX_REMEMBERED:
            self.missing.add(name)
        return TemplateNotFound(name)

    def get_source(self, environment, template):
        if template in self.missing:
            raise TemplateNotFound(template)
        try:
            return self.loader.get_source(environment, template)
        except TemplateNotFound:
            raise self.missed(template) from None

    def load(self, environment, name, globals=None):
        if name in self.missing:
            raise TemplateNotFound(name)
        try:
            return self.loader.load(environment, name, globals)
        except TemplateNotFound:
            raise self.missed(name) from None

    def list_templates(self):
        return self.loader.list_templates()


@hookimpl
def prepare_jinja2_environment(env):
    env.auto_reload = False
    if not isinstance(env.loader, RememberingMisses):
        env.loader = RememberingMisses(env.loader)


@hookimpl
def startup(datasette):
    from datasette.plugins import pm

    served = {name: db for name, db in datasette.databases.items() if name != "_internal"}
    for db in served.values():
        if immutable(db):
            remember_database(db)
    if not pm.hook.get_metadata.get_hookimpls():  # the metadata is the one this Datasette was given
        remember_table_permissions(datasette)
    if served and all(immutable(db) for db in served.values()):
        refresh_schemas_once(datasette)
