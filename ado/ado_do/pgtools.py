"""Running PostgreSQL's client programs against the one configured server."""
import os

from . import dbutils


def pg_env(dbname):
    """The environment for psql, pg_dump, pg_restore: PG* from trytond's URI, so
    the password never shows on a command line."""
    return dict(os.environ, **dbutils.conninfo(dbname))
