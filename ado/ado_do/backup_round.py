"""One round of the backup service: a base backup, then a verified logical
backup of every Tryton database, then the old generations pruned.
"""
import datetime
import os
from pathlib import Path

import click
import psycopg

from . import backupstore, dbutils, demo, pgbackrest, schedule, verify
from .commands import db_backup

# touched while the service waits and at every step of a round: its healthcheck
HEARTBEAT = Path('/tmp/ado-backup-heartbeat')
# databases ado-do makes for its own work, never backed up
SCRATCH_PREFIXES = (demo.TEMPLATE_PREFIX, 'ado_restore_', 'ado_verify_', 'ado_pitr_')


def run(timeout):
    """A round; returns False when any part of it failed (each part still runs)."""
    keep = schedule.generations(os.environ.get('ADO_BACKUP_KEEP', 'daily:7,weekly:4'))
    full_every = schedule.interval(os.environ.get('ADO_BACKUP_FULL_EVERY', '7d'),
                                   'ADO_BACKUP_FULL_EVERY')
    with dbutils.connect(timeout=timeout) as conn:
        # one round at a time, also with several backup containers
        with dbutils.advisory_lock(conn, 'backup round'):
            ok = _base_backup(conn, full_every)
            for dbname in _chosen(tryton_databases(conn, timeout)):
                ok = _logical_backup(dbname, keep, timeout) and ok
    return ok


def tryton_databases(conn, timeout):
    names = [name for name, in conn.execute(
        'SELECT datname FROM pg_database WHERE datallowconn AND NOT datistemplate '
        'ORDER BY datname')]
    return [name for name in names if not name.startswith(SCRATCH_PREFIXES)
            and dbutils.NAME.fullmatch(name) and _is_tryton(name, timeout)]


def _chosen(names):
    """ADO_BACKUP_DATABASES (comma-separated) narrows the round to those."""
    wanted = [n.strip() for n in os.environ.get('ADO_BACKUP_DATABASES', '').split(',')
              if n.strip()]
    return [name for name in names if not wanted or name in wanted]


def _is_tryton(name, timeout):
    try:
        return dbutils.is_tryton(name, timeout)
    except click.ClickException:
        return False  # dropped meanwhile, or not ours to read


def _base_backup(conn, full_every):
    """Full when the newest full one is older than ADO_BACKUP_FULL_EVERY, else incremental."""
    try:
        fulls = [b for b in pgbackrest.base_backups(conn) if b['type'] == 'full']
        now = datetime.datetime.now(datetime.timezone.utc)
        kind = 'incr' if fulls and now - fulls[-1]['stop'] < full_every else 'full'
        say(f'base backup ({kind}) of the cluster')
        pgbackrest.backup(conn, kind)
        return True
    except (click.ClickException, psycopg.Error) as error:
        say(f'base backup failed: {error}')
        return False


def _logical_backup(dbname, keep, timeout):
    path = backupstore.new_path(dbname)
    try:
        backupstore.write_atomically(
            path, lambda out: db_backup.write_archive(dbname, out, timeout))
    except (click.ClickException, psycopg.Error, OSError) as error:
        say(f'backup of {dbname} failed: {error}')
        return False
    backup = backupstore.Backup(path)
    verdict = verify.verify(backup, timeout)
    say(f'{path.name}: ' + ('verified' if verdict['verified']
                            else f'NOT verified: {verdict["reason"]}'))
    prune(dbname, keep)
    return verdict['verified']


def prune(dbname, keep):
    """Keep the generations `keep` of verified backups, and any unverified one
    newer than the newest verified (to look at); remove the rest."""
    backups = backupstore.backups(dbname)
    verified = [b for b in backups if (b.verdict() or {}).get('verified')]
    chosen = schedule.kept(verified, keep)
    newest = verified[0].time if verified else None
    for backup in backups:
        if backup in chosen or newest is None or backup.time > newest:
            continue
        say(f'removing {backup.path.name} (older generation)')
        backup.remove()


def say(text):
    HEARTBEAT.touch()
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M:%S')
    click.echo(f'{stamp} backup: {text}', err=True)
