"""Datasette plugin: a client's mistake (an unknown id, a bad query) is a plain error page, not a server traceback.

Datasette's own handler prints every exception with its local variables (130
lines for one unknown ``/article/<id>``), and Datasette runs every handler it
has, so this one wraps them: for an error with a status under 500 (the
client's) the handlers' results are replaced by the usual error page (or
JSON), and only the access log line is written.  Anything else keeps
Datasette's handler, which prints the traceback a real bug deserves.
"""

from __future__ import annotations

from datasette import Response, hookimpl
from datasette.utils.asgi import Base400
from datasette.views.base import DatasetteError
from markupsafe import Markup


def client_error(exception) -> tuple[int, object, dict, str | None] | None:
    """(status, message, extra JSON fields, title) for an error that is the client's, else None."""
    if isinstance(exception, Base400):
        return exception.status, str(exception.args[0]) if exception.args else "Not found", {}, None
    if isinstance(exception, DatasetteError) and exception.status < 500:
        message = Markup(exception.message) if exception.message_is_html else exception.message
        return exception.status, message, dict(exception.error_dict or {}), exception.title
    return None


@hookimpl(hookwrapper=True)
def handle_exception(datasette, request, exception):
    outcome = yield
    found = client_error(exception)
    if found is None:
        return
    status, message, extra, title = found

    async def inner():
        info = dict(extra, ok=False, error=message, status=status, title=title)
        if request.path.endswith(".json"):
            return Response.json(info, status=status)
        template = datasette.jinja_env.select_template([f"{status}.html", "error.html"])
        return Response.html(
            await template.render_async(
                dict(info, urls=datasette.urls, app_css_hash=datasette.app_css_hash(), menu_links=lambda: [])
            ),
            status=status,
        )

    outcome.force_result([inner])
