import contextlib
import shutil
import sys
import tempfile

import click

from .. import dbutils, options, restore


@click.command('db-restore')
@click.argument('dbname', type=options.DBNAME)
@click.argument('file', default='-', type=click.Path(exists=True, allow_dash=True, dir_okay=False))
@click.option('--force', is_flag=True, help='Replace DBNAME if it exists.')
@options.timeout
def command(dbname, file, force, timeout):
    """Restore a dump made by db-backup (plain, custom or --with-files) into DBNAME.

    Reads FILE, or stdin when FILE is - or missing. DBNAME must not exist
    unless --force is given; a failed restore leaves no database behind.

    \b
    Example:
      docker compose run --rm -T tryton ado-do db-restore c3s_copy < c3s.sql
    """
    if file == '-' and sys.stdin.isatty():
        raise click.ClickException('no dump given: name a FILE or pipe one to stdin')
    with dbutils.connect(timeout=timeout) as conn:
        with dbutils.advisory_lock(conn, f'database:{dbname}'):
            if dbutils.exists(conn, dbname) and not force:
                raise click.ClickException(
                    f'database {dbname!r} exists; use --force to replace it')
            with _spooled(file) as path:
                restore.restore(conn, dbname, path, force)
    click.echo(f'database {dbname} restored', err=True)


@contextlib.contextmanager
def _spooled(file):
    """The dump as a file path; stdin is copied to a temporary file first,
    since its format is known only from its first bytes."""
    if file != '-':
        yield file
        return
    with tempfile.NamedTemporaryFile(prefix='ado-restore-', suffix='.dump') as tmp:
        shutil.copyfileobj(sys.stdin.buffer, tmp)
        tmp.flush()
        yield tmp.name
