import click

from .. import dbutils, options


@click.command('db-create')
@click.argument('dbname', type=options.DBNAME)
@options.timeout
def command(dbname, timeout):
    """Create the empty database DBNAME (UTF-8); an existing one is left as it is.

    \b
    Example:
      ado-do db-create c3s_empty
    """
    with dbutils.connect(timeout=timeout) as conn:
        with dbutils.advisory_lock(conn, f'database:{dbname}'):
            if dbutils.exists(conn, dbname):
                click.echo(f'database {dbname} exists, skipped', err=True)
                return
            dbutils.create(conn, dbname)
    click.echo(f'database {dbname} created', err=True)
