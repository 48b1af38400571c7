import click

from .. import dbutils, filestore, options


@click.command('db-copy')
@click.argument('src', type=options.DBNAME)
@click.argument('dst', type=options.DBNAME)
@options.timeout
def command(src, dst, timeout):
    """Create DST as a copy of SRC, with its file store.

    SRC's other sessions are ended first: PostgreSQL copies only a database
    nobody is connected to.

    \b
    Example:
      ado-do db-copy c3s c3s_before_update
    """
    if src == dst:
        raise click.ClickException('SRC and DST are the same database')
    with dbutils.connect(timeout=timeout) as conn:
        dbutils.require(conn, src)
        with dbutils.advisory_lock(conn, f'database:{dst}'):
            if dbutils.exists(conn, dst):
                raise click.ClickException(f'database {dst!r} exists already')
            dbutils.copy(conn, src, dst)
            filestore.copy(src, dst)
    click.echo(f'database {dst} created as a copy of {src}', err=True)
