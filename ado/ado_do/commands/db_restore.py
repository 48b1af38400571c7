import contextlib
import shutil
import sys
import tempfile
from pathlib import Path

import click

from .. import dbutils, neutralize, options, pitr, restore


@click.command('db-restore')
@click.argument('dbname', type=options.DBNAME)
@click.argument('file', default='-')
@click.option('--at', 'at', metavar='TIME',
              help="Point in time: make FILE's name (a new database) from DBNAME as it was "
                   "at TIME (ISO 8601, e.g. '2026-11-28 10:42:00+00:00'; without a zone, "
                   "the database server's).")
@click.option('--force', is_flag=True, help='Replace DBNAME if it exists.')
@click.option('--neutralize', 'make_safe', is_flag=True,
              help='Make the restored database a safe copy: cron jobs off, queued tasks '
                   'dropped, email addresses undeliverable, marked as a copy.')
@options.timeout
def command(dbname, file, at, force, make_safe, timeout):
    """Restore a dump made by db-backup (plain, custom or --with-files) into
    DBNAME; or, with --at TIME SRC DST, SRC as it was at TIME into the new DST.

    Reads FILE, or stdin when FILE is - or missing. DBNAME must not exist
    unless --force is given; a failed restore leaves no database behind.
    --at restores from the pgBackRest repository (base backup and WAL) while
    SRC and the stack keep running, with SRC's file store from the newest
    logical backup before TIME.

    \b
    Example:
      docker compose run --rm -T tryton ado-do db-restore c3s_copy < c3s.sql
      docker compose run --rm backup ado-do db-restore --at '2026-11-28 10:42:00' c3s c3s_1042
    """
    dbutils.validate_name(dbname)
    if at is not None:
        target = dbutils.validate_name(file) if file != '-' else None
        if target is None:
            raise click.UsageError('--at needs SRC and DST: db-restore --at TIME SRC DST')
        if force:
            raise click.UsageError('--at makes a new database; --force is not accepted')
        pitr.restore(dbname, target, at, timeout)
        note, restored = f'{dbname} as of {at}', target
    else:
        _restore_file(dbname, file, force, timeout)
        note, restored = f'restored from {file}', dbname
    if make_safe:
        neutralize.neutralize(restored, note, timeout)
        click.echo(f'database {restored} neutralized: cron jobs off, mail undeliverable',
                   err=True)
    click.echo(f'database {restored} restored', err=True)


def _restore_file(dbname, file, force, timeout):
    if file != '-' and not Path(file).is_file():
        raise click.ClickException(f'no dump file {file!r}')
    if file == '-' and sys.stdin.isatty():
        raise click.ClickException('no dump given: name a FILE or pipe one to stdin')
    with dbutils.connect(timeout=timeout) as conn:
        with dbutils.advisory_lock(conn, f'database:{dbname}'):
            if dbutils.exists(conn, dbname) and not force:
                raise click.ClickException(
                    f'database {dbname!r} exists; use --force to replace it')
            with _spooled(file) as path:
                restore.restore(conn, dbname, path, force)


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
