import click

from .. import options, testdb

dbtype_option = click.option(
    '--dbtype', type=click.Choice(['postgres', 'sqlite']), default='postgres',
    show_default=True, help='The database backend of the test database.')
dbname_option = click.option('--dbname', default='test', show_default=True,
                             help='The test database.')


@click.command('create-test-db')
@dbtype_option
@dbname_option
@options.no_cache
@options.timeout
def command(dbtype, dbname, no_cache, timeout):
    """Create the test database: collecting_society activated, no demo data.

    An existing one is left as it is (run-tests --reset renews it).

    \b
    Example:
      ado-do create-test-db --dbtype sqlite
    """
    testdb.create(dbtype, dbname, cache=not no_cache, timeout=timeout)
