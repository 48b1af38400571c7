"""Options and argument types shared by several commands, as decorators."""
import os

import click

from . import dbutils


class DatabaseName(click.ParamType):
    """A database name as PostgreSQL and Tryton accept it; checked before
    anything touches the server, so a bad name changes nothing."""
    name = 'DBNAME'

    def convert(self, value, param, ctx):
        try:
            return dbutils.validate_name(value)
        except click.ClickException as error:
            self.fail(error.message, param, ctx)


DBNAME = DatabaseName()

timeout = click.option(
    '--timeout', type=click.IntRange(min=1), default=dbutils.DEFAULT_TIMEOUT,
    show_default=True, metavar='SECONDS',
    help='How long to wait for the database server to answer.')

no_cache = click.option(
    '--no-cache', is_flag=True,
    help='Build from scratch instead of copying the cached template.')


def default_workers():
    return int(os.environ.get('WEB_WORKERS') or 2 * (os.cpu_count() or 1) + 1)


workers = click.option(
    '--workers', type=click.IntRange(min=1), default=default_workers,
    show_default='WEB_WORKERS or 2 x cores + 1', help='gunicorn workers in production.')

# the test database of create-test-db and run-tests
test_dbtype = click.option(
    '--dbtype', type=click.Choice(['postgres', 'sqlite']), default='postgres',
    show_default=True, help='The database backend of the test database.')
test_dbname = click.option('--dbname', type=DBNAME, default='test', show_default=True,
                           help='The test database.')
