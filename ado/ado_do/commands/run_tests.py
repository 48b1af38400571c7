import os

import click

from .. import options, pipinstall, settings, testdb

PORTAL = settings.SRC / 'collecting_society.portal'


@click.command('run-tests', context_settings={'ignore_unknown_options': True})
@options.test_dbtype
@options.test_dbname
@click.option('--reset/--no-reset', default=True, show_default=True,
              help='Renew the test database before the tests.')
@click.option('--path', type=click.Path(), default=str(PORTAL), show_default=True,
              help='What pytest collects.')
@options.timeout
@click.argument('pytest_args', nargs=-1, type=click.UNPROCESSED)
def command(dbtype, dbname, reset, path, timeout, pytest_args):
    """Run the portal's tests with pytest on a fresh test database.

    DB_NAME names the test database for the tests; further ARGS go to pytest,
    which replaces ado-do, so its exit code is the command's.

    \b
    Example:
      ado-do run-tests -- -x -k login
    """
    pipinstall.ensure_current()
    if not os.path.exists(path):
        raise click.ClickException(f'no tests at {path}')
    if reset:
        testdb.delete(dbtype, dbname, timeout)
    testdb.create(dbtype, dbname, timeout=timeout)
    env = dict(os.environ, **testdb.env(dbtype, dbname))
    os.execvpe('pytest', ['pytest', path, *pytest_args], env)
