"""db-restore --at: a database as it was at a moment, into a new database.

The cluster's base backup and WAL (pgBackRest) give the rows to the second;
the file store, which is not in PostgreSQL, comes from the newest logical
backup (db-backup --with-files, ADO_BACKUP_DIR) made at or before that moment.
"""
import re
import shutil
import tarfile
import tempfile
from pathlib import Path

import click
import psycopg

from . import archive, backupstore, dbutils, filestore, pgbackrest

# ISO 8601 date and time, to the second or finer, with an optional zone
ISO_TIME = re.compile(r'\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?'
                      r'(Z|[+-]\d{2}(:?\d{2})?)?')


def restore(source, target, at, timeout):
    with dbutils.connect(timeout=timeout) as conn:
        moment = parse_time(conn, at)
        dbutils.require(conn, source)
        with dbutils.advisory_lock(conn, f'database:{target}'):
            if dbutils.exists(conn, target):
                raise click.ClickException(f'database {target!r} exists already')
            _check_range(conn, source, moment)
            click.echo(f'archiving the newest WAL, then restoring {source} as of '
                       f'{moment.isoformat()}...', err=True)
            pgbackrest.wait_archived(conn)
            scratch = dbutils.scratch_name('ado_pitr', target)
            dbutils.drop_if_exists(conn, scratch)
            filestore.remove(scratch)
            try:
                dbutils.create(conn, scratch)
                pgbackrest.pitr_copy(conn, moment, source, scratch)
                _restore_filestore(source, moment, scratch)
            except BaseException:
                dbutils.drop_if_exists(conn, scratch)
                filestore.remove(scratch)
                raise
            dbutils.rename(conn, scratch, target)
            filestore.move(scratch, target)


def parse_time(conn, text):
    """TIME as an aware datetime; without a zone it is in the server's zone."""
    if not ISO_TIME.fullmatch(text.strip()):
        raise click.ClickException(
            f"--at {text!r} is not an ISO 8601 time; write e.g. '2026-11-28 10:42:00' "
            "or '2026-11-28T10:42:00+00:00'")
    try:
        return conn.execute('SELECT %s::timestamptz', (text.strip(),)).fetchone()[0]
    except psycopg.DataError:
        raise click.ClickException(f'--at {text!r} is not a valid time') from None


def _check_range(conn, source, moment):
    span = pgbackrest.restorable_range(conn)
    if span is None:
        raise click.ClickException(
            'no base backup in the repository yet, so no point in time can be restored '
            '(the backup service makes one at its start)')
    oldest, now = span
    if not oldest <= moment <= now:
        raise click.ClickException(
            f'cannot restore {source} as of {moment.isoformat()}: the repository can '
            f'restore any moment from {oldest.isoformat()} to now ({now.isoformat()})')


def _restore_filestore(source, moment, scratch):
    backup = next((b for b in backupstore.backups(source) if b.time <= moment), None)
    if backup is None:
        click.echo(f'no backup of {source}\'s file store before {moment.isoformat()} in '
                   f'{backupstore.root()}: the restored database has no attachments', err=True)
        return
    click.echo(f'file store from {backup.path.name}', err=True)
    with tempfile.TemporaryDirectory(prefix='ado-pitr-') as tmp, \
            tarfile.open(backup.path) as tar:
        members = [m for m in tar.getmembers()
                   if m.name == archive.FILESTORE or m.name.startswith(archive.FILESTORE + '/')]
        tar.extractall(tmp, members=archive.safe_members(members))
        if (Path(tmp) / archive.FILESTORE).is_dir():
            shutil.copytree(Path(tmp) / archive.FILESTORE, filestore.path(scratch))
