import subprocess
import sys
import tempfile
from pathlib import Path

import click

from .. import archive, dbutils, options
from ..pgtools import pg_env


@click.command('db-backup')
@click.argument('dbname', type=options.DBNAME)
@click.option('--format', 'dump_format', type=click.Choice(['plain', 'custom']),
              default='plain', show_default=True, help='pg_dump format.')
@click.option('--with-files', is_flag=True,
              help='One tar archive: dump (custom format), file store, manifest.')
@options.timeout
def command(dbname, dump_format, with_files, timeout):
    """Write a dump of DBNAME to stdout (messages go to stderr).

    db-restore reads it back.

    \b
    Example:
      docker compose run --rm -T tryton ado-do db-backup c3s > c3s.sql
    """
    if (with_files or dump_format == 'custom') and sys.stdout.isatty():
        raise click.ClickException('refusing to write a binary dump to a terminal; '
                                   'redirect stdout to a file')
    with dbutils.connect(timeout=timeout) as conn:
        dbutils.require(conn, dbname)
    if with_files:
        _archive(dbname, timeout)
    else:
        sys.stdout.flush()
        _pg_dump(dbname, dump_format, sys.stdout.fileno())
    click.echo(f'database {dbname} backed up', err=True)


def _pg_dump(dbname, dump_format, out, snapshot=None):
    argv = ['pg_dump', f'--format={dump_format}', '--no-password']
    if snapshot:
        argv.append(f'--snapshot={snapshot}')
    done = subprocess.run(argv, env=pg_env(dbname), stdin=subprocess.DEVNULL, stdout=out)
    if done.returncode != 0:
        raise click.ClickException(f'pg_dump failed on {dbname!r} (exit {done.returncode})')


def _archive(dbname, timeout):
    write_archive(dbname, sys.stdout.buffer, timeout)
    sys.stdout.buffer.flush()


def write_archive(dbname, out, timeout):
    """The --with-files archive of `dbname` into the binary file `out`.

    The rows per table in its manifest are counted in the snapshot pg_dump
    dumps (an exported snapshot), so a restore can be checked against them
    while the database keeps changing."""
    activated = _activated_modules(dbname, timeout)
    with tempfile.TemporaryDirectory(prefix='ado-backup-') as tmp:
        dump = Path(tmp) / archive.DUMP
        with dbutils.connect(dbname, timeout) as conn, conn.transaction():
            conn.execute('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ')
            snapshot = conn.execute('SELECT pg_export_snapshot()').fetchone()[0]
            table_rows = dbutils.table_rows(conn)
            with open(dump, 'wb') as dump_file:
                _pg_dump(dbname, 'custom', dump_file.fileno(), snapshot)
        archive.write(out, dbname, dump, activated, table_rows)


def _activated_modules(dbname, timeout):
    if not dbutils.is_tryton(dbname, timeout):
        return []
    with dbutils.connect(dbname, timeout) as conn:
        rows = conn.execute("SELECT name FROM ir_module WHERE state = 'activated'").fetchall()
    return [name for name, in rows]
