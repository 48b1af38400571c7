"""trytond's WSGI application, answering only for the databases it serves.

trytond opens a connection pool for any database a caller names in the path
(`/<name>/rpc/`), and each call for a name PostgreSQL does not know holds a
server thread for the pool's 30 s timeout, leaving the pool and its threads
behind for good: ten anonymous requests froze a server (issue 26, item 2).
Here a path naming a database that is not one of TRYTOND_DATABASE_NAMES (the
ones deploy-tryton loads) is a 404 before trytond sees it. The proxy refuses
the same paths (Dockerfiles/proxy); this gate holds for callers that reach a
server directly.

It also answers trytond's early refusals: trytond aborts a request with a
foreign Origin before its own error handling, which gunicorn turned into a
500 with a traceback in the log. And it installs the budgeted password reset
of the Tryton client (client_password_reset), which only servers answer.

    gunicorn collecting_society.served_databases:app
"""
import csv
import io
import os

from werkzeug.exceptions import HTTPException, NotFound

from trytond.application import app as trytond

from . import client_password_reset

client_password_reset.install()


def served_names():
    """TRYTOND_DATABASE_NAMES, read as trytond.application reads it (csv)."""
    names = os.environ.get('TRYTOND_DATABASE_NAMES', '')
    return frozenset(next(csv.reader(io.StringIO(names)), []))


SERVED = served_names()


def named_database(environ):
    """The database the request's path names (trytond's own routes decide,
    the avatar's base64 name included), or None for the routes without one."""
    adapter = trytond.url_map.bind_to_environ(environ)
    try:
        return adapter.match()[1].get('database_name')
    except HTTPException:
        # no route, or a method the route lacks: trytond answers that itself
        return None
    except ValueError:
        # the avatar route's name is not base64 (binascii.Error), or not UTF-8
        raise NotFound()


def app(environ, start_response):
    try:
        database = named_database(environ)
        if database is not None and database not in SERVED:
            raise NotFound()
        return trytond(environ, start_response)
    except HTTPException as refusal:
        return refusal(environ, start_response)
