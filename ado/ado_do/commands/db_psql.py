import os

import click

from .. import dbutils, options
from ..pgtools import pg_env


@click.command('db-psql', context_settings={'ignore_unknown_options': True})
@click.argument('dbname', type=options.DBNAME)
@click.argument('psql_args', nargs=-1, type=click.UNPROCESSED)
@options.timeout
def command(dbname, psql_args, timeout):
    """Open psql on DBNAME; further arguments go to psql.

    ado-do is replaced by psql, so Ctrl-C and exit codes behave as in psql.

    \b
    Example:
      ado-do db-psql c3s -c 'select count(*) from party_party'
    """
    with dbutils.connect(timeout=timeout) as conn:
        dbutils.require(conn, dbname)
    os.execvpe('psql', ['psql', *psql_args], pg_env(dbname))
