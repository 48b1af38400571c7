import datetime
import os
import time

import click

from .. import backup_round, backupstore, options, schedule
from ..settings import environment


@click.command('deploy-backup')
@click.option('--once', is_flag=True, help='One round now, then exit (non-zero if it failed).')
@options.timeout
def command(once, timeout):
    """Run the backup service: every ADO_BACKUP_SCHEDULE (default 1d) a
    pgBackRest base backup (full every ADO_BACKUP_FULL_EVERY, else
    incremental), then `db-backup --with-files` of every Tryton database into
    ADO_BACKUP_DIR, each verified by restoring it, keeping ADO_BACKUP_KEEP.

    \b
    Example:
      docker compose run --rm backup ado-do deploy-backup --once
    """
    environment()  # a wrong ENVIRONMENT stops the service at once
    every = schedule.interval(_setting('ADO_BACKUP_SCHEDULE', '1d'))
    if once:
        raise SystemExit(0 if backup_round.run(timeout) else 1)
    backup_round.say(f'every {every}, into {backupstore.root()}')
    last = None
    while True:
        _sleep_until(_next_round(every, last))
        last = datetime.datetime.now(datetime.timezone.utc)
        backup_round.run(timeout)


def _next_round(every, last):
    """A round is due `every` after the last one (a failed one too) or after
    the newest backup, so a restart does not take an extra one; at once when
    there is neither."""
    moments = [b.time for b in backupstore.backups()[:1]] + ([last] if last else [])
    if not moments:
        return datetime.datetime.now(datetime.timezone.utc)
    return max(moments) + every


def _sleep_until(moment):
    while True:
        backup_round.HEARTBEAT.touch()
        left = (moment - datetime.datetime.now(datetime.timezone.utc)).total_seconds()
        if left <= 0:
            return
        time.sleep(min(left, 10))


def _setting(name, default):
    return os.environ.get(name) or default
