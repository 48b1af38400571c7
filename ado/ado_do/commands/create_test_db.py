import click

from .. import options, testdb


@click.command('create-test-db')
@options.test_dbtype
@options.test_dbname
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
