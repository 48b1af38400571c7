import click

from .. import dbutils, filestore, options, settings


@click.command('db-delete')
@click.argument('dbname', type=options.DBNAME)
@click.option('--yes', is_flag=True, help='Do not ask for confirmation in production.')
@options.timeout
def command(dbname, yes, timeout):
    """Delete the database DBNAME and its file store, ending its sessions first.

    In ENVIRONMENT=production it asks for confirmation unless --yes is given.

    \b
    Example:
      ado-do db-delete c3s_2
    """
    production = settings.environment() == 'production'
    with dbutils.connect(timeout=timeout) as conn:
        dbutils.require(conn, dbname)
        if production and not yes:
            click.confirm(f'ENVIRONMENT is production: delete database {dbname}?',
                          abort=True, err=True)
        with dbutils.advisory_lock(conn, f'database:{dbname}'):
            dbutils.require(conn, dbname)
            dbutils.drop(conn, dbname)
            filestore.remove(dbname)
    click.echo(f'database {dbname} deleted', err=True)
