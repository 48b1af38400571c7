"""pgBackRest in the db container, reached through PostgreSQL itself.

The repository, its key and the cluster's files are in the db container only.
ado-do asks the server to run pgBackRest there (COPY ... FROM PROGRAM, a
superuser's right, runs as user postgres) and reads its output back as rows:
no docker.sock, no second way into the db container, and it works wherever
ado-do reaches the database (Compose, swarm, a fresh container).
"""
import datetime
import json
import shlex
import time

import click
from psycopg import sql

STANZA = 'ado'
# CSV with control characters as delimiter and quote: every output line is
# read back verbatim, whatever it holds.
_VERBATIM = "(FORMAT csv, DELIMITER E'\\x1f', QUOTE E'\\x1e')"


def run_program(conn, argv):
    """The lines `argv` printed (stdout) when the db server ran it."""
    command = ' '.join(shlex.quote(arg) for arg in argv)
    with conn.transaction():
        conn.execute('CREATE TEMPORARY TABLE ado_program_output '
                     '(n serial, line text) ON COMMIT DROP')
        conn.execute(sql.SQL('COPY ado_program_output (line) FROM PROGRAM {} ' + _VERBATIM)
                     .format(sql.Literal(command)))
        rows = conn.execute('SELECT line FROM ado_program_output ORDER BY n').fetchall()
    return [line or '' for line, in rows]


def pgbackrest(conn, *args):
    """pgBackRest's stdout; its errors (stderr, exit code) as one ClickException."""
    marker = 'ado-do: pgbackrest exit '
    # the exit code as the last line, since COPY FROM PROGRAM only says "failed";
    # on a line of its own (pgBackRest's JSON ends without a newline)
    lines = run_program(conn, ['sh', '-c', f'pgbackrest --stanza={STANZA} "$@" 2>&1; '
                               f'printf "\\n{marker}%s\\n" $?', 'pgbackrest', *args])
    code = int(lines[-1][len(marker):]) if lines and lines[-1].startswith(marker) else -1
    lines = [line for line in lines[:-1] if line]
    if code != 0:
        why = next((line for line in lines if 'ERROR' in line), lines[-1] if lines else '')
        raise click.ClickException(f'pgbackrest {args[0]} failed: {why.strip()}')
    return lines


def info(conn):
    """pgBackRest's `info` of the stanza (a dict), or None before its first WAL file."""
    stanzas = json.loads(''.join(pgbackrest(conn, 'info', '--output=json')))
    if not stanzas or stanzas[0]['status']['code'] == 1:  # 1: no stanza yet
        return None
    return stanzas[0]


def base_backups(conn):
    """The repository's base backups, oldest first: label, type, start, stop, size."""
    stanza = info(conn)
    return [{'label': backup['label'], 'type': backup['type'],
             'start': _utc(backup['timestamp']['start']),
             'stop': _utc(backup['timestamp']['stop']),
             'size': backup['info']['repository']['delta']}
            for backup in (stanza or {}).get('backup', [])]


def backup(conn, kind):
    """Take a base backup: 'full' or 'incr' (pgBackRest expires old ones after)."""
    pgbackrest(conn, 'backup', f'--type={kind}')


def restorable_range(conn):
    """(oldest, newest) moment a point-in-time restore can reach, or None.

    From the end of the oldest base backup (the first consistent moment) to
    now: every WAL file since is archived (wait_archived makes sure)."""
    backups = base_backups(conn)
    if not backups:
        return None
    now = conn.execute('SELECT now()').fetchone()[0]
    return backups[0]['stop'], now


def wait_archived(conn, timeout=120):
    """Archive everything written so far, with a commit after it.

    Recovery to a time stops at the first commit after that time, so one is
    made now; then the current WAL file is closed and waited for until the
    archiver has pushed it."""
    conn.execute('SELECT pg_current_xact_id()')  # a transaction with a commit record
    wal = conn.execute('SELECT pg_walfile_name(pg_switch_wal())').fetchone()[0]
    deadline = time.monotonic() + timeout
    while True:
        archived, failed = conn.execute(
            'SELECT last_archived_wal, last_failed_wal FROM pg_stat_archiver').fetchone()
        if archived and archived[8:] >= wal[8:] and archived[:8] == wal[:8]:
            return
        if time.monotonic() > deadline:
            raise click.ClickException(
                f'WAL file {wal} was not archived within {timeout} s '
                f'(last failed: {failed or "none"}); see `docker compose logs db`')
        time.sleep(0.2)


def pitr_copy(conn, target, source, into):
    """Fill the empty database `into` with `source` as it was at `target` (UTC)."""
    stamp = target.astimezone(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M:%S.%f+00')
    # a session of its own: the temporary cluster's signals stay away from the
    # backend running it (a backend killed by a signal restarts the whole server)
    lines = run_program(conn, ['setsid', '--wait', 'pitr-copy', stamp, source, into])
    for line in lines[:-1]:
        click.echo(line, err=True)
    last = lines[-1] if lines else 'pitr-copy: failed: no output'
    if last != 'pitr-copy: ok':
        raise click.ClickException(last.removeprefix('pitr-copy: ') + '; nothing was restored')


def _utc(epoch):
    return datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc)
