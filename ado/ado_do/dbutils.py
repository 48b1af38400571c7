"""Shared database helpers: connections, advisory locks, existence, names.

Every identifier goes through psycopg.sql.Identifier; names are validated
before anything touches the server, so a bad name changes nothing.
"""
import contextlib
import hashlib
import re
import time
from urllib.parse import urlsplit

import click
import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict

from . import settings

# PostgreSQL's limit is 63 bytes; Tryton names are word characters and dashes.
NAME = re.compile(r'[A-Za-z_][A-Za-z0-9_-]{0,62}')
MAINTENANCE_DB = 'postgres'
DEFAULT_TIMEOUT = 30


def validate_name(name):
    """The name, or a ClickException saying why it is not a database name."""
    if not name:
        raise click.ClickException('the database name is empty')
    if not NAME.fullmatch(name):
        raise click.ClickException(
            f'invalid database name {name!r}: use letters, digits, _ and -, '
            'start with a letter or _, at most 63 characters')
    return name


def server_label(uri=None):
    parts = urlsplit(uri or settings.database_uri())
    return f'{parts.hostname or "local socket"}:{parts.port or 5432}'


def connect(dbname=MAINTENANCE_DB, timeout=DEFAULT_TIMEOUT):
    """An autocommit connection; waits up to `timeout` s for the server to answer
    (it may still be starting), but not for wrong credentials or names."""
    uri = settings.database_uri()
    started = time.monotonic()
    said = False
    while True:
        try:
            return psycopg.connect(uri, dbname=dbname, autocommit=True,
                                   connect_timeout=max(2, min(5, timeout)))
        except psycopg.OperationalError as error:
            reason = _reason(error)
            if not _is_unreachable(reason):
                raise click.ClickException(f'cannot connect to database {dbname!r} at '
                                           f'{server_label(uri)}: {reason}') from None
            waited = time.monotonic() - started
            if waited >= timeout:
                raise click.ClickException(f'PostgreSQL at {server_label(uri)} did not '
                                           f'answer within {timeout} s: {reason}') from None
        if not said and waited >= 2:
            click.echo(f'waiting for PostgreSQL at {server_label(uri)} (up to {timeout} s)...',
                       err=True)
            said = True
        time.sleep(0.5)


def _reason(error):
    """libpq's first line, without the "connection failed: ..." preamble."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    if not lines:
        return type(error).__name__
    return lines[0].rsplit('failed: ', 1)[-1].strip()


def _is_unreachable(reason):
    """Errors that mean "not up yet" rather than "wrong credentials or name"."""
    reason = reason.lower()
    return any(text in reason for text in (
        'connection refused', 'could not translate host name', 'timeout expired',
        'no route to host', 'the database system is starting up',
        'the database system is shutting down', 'no such file or directory',
        'name or service not known', 'temporary failure in name resolution',
        'failed to resolve host'))


def conninfo(dbname):
    """libpq environment (PG*) for psql, pg_dump and pg_restore, from the one URI."""
    params = conninfo_to_dict(settings.database_uri())
    names = {'host': 'PGHOST', 'port': 'PGPORT', 'user': 'PGUSER',
             'password': 'PGPASSWORD', 'sslmode': 'PGSSLMODE'}
    env = {names[key]: str(value) for key, value in params.items() if key in names}
    env['PGDATABASE'] = dbname
    return env


def exists(conn, name):
    row = conn.execute('SELECT 1 FROM pg_database WHERE datname = %s', (name,)).fetchone()
    return row is not None


def require(conn, name):
    if not exists(conn, name):
        raise click.ClickException(f'database {name!r} does not exist')


def is_tryton(name, timeout=DEFAULT_TIMEOUT):
    with connect(name, timeout) as conn:
        row = conn.execute("SELECT to_regclass('public.ir_module') IS NOT NULL").fetchone()
    return row[0]


def lock_key(label):
    """A stable signed 64-bit key for pg_advisory_lock."""
    digest = hashlib.blake2b(f'ado-do:{label}'.encode(), digest_size=8).digest()
    return int.from_bytes(digest, 'big', signed=True)


@contextlib.contextmanager
def advisory_lock(conn, label, waiting=None):
    """Hold a session advisory lock; blocks (server side, no polling) while another
    ado-do holds it. All ado-do processes lock in the maintenance database, so
    they see each other's locks. The lock ends with the session, also when the
    process is killed."""
    key = lock_key(label)
    got = conn.execute('SELECT pg_try_advisory_lock(%s)', (key,)).fetchone()[0]
    if not got:
        click.echo(waiting or f'waiting for another ado-do working on {label}...', err=True)
        conn.execute('SELECT pg_advisory_lock(%s)', (key,))
    try:
        yield
    finally:
        if not conn.closed:
            conn.execute('SELECT pg_advisory_unlock(%s)', (key,))


def try_advisory_lock(conn, label):
    return conn.execute('SELECT pg_try_advisory_lock(%s)', (lock_key(label),)).fetchone()[0]


def unlock(conn, label):
    conn.execute('SELECT pg_advisory_unlock(%s)', (lock_key(label),))


def create(conn, name):
    conn.execute(sql.SQL("CREATE DATABASE {} ENCODING 'UTF8' TEMPLATE template0").format(
        sql.Identifier(name)))


def end_sessions(conn, name):
    """End other sessions on `name`, so it can be used as a template or renamed."""
    conn.execute('SELECT pg_terminate_backend(pid) FROM pg_stat_activity '
                 'WHERE datname = %s AND pid <> pg_backend_pid()', (name,))


def copy(conn, source, target):
    """`target` as a copy of `source`; retries while a client reconnects to source."""
    statement = sql.SQL('CREATE DATABASE {} TEMPLATE {}').format(
        sql.Identifier(target), sql.Identifier(source))
    for attempt in range(5):
        end_sessions(conn, source)
        try:
            conn.execute(statement)
            return
        except psycopg.errors.ObjectInUse:
            if attempt == 4:
                raise
            time.sleep(0.2)


def drop(conn, name):
    """Drop `name` (ending its sessions: WITH (FORCE)), also when it is a template."""
    conn.execute(sql.SQL('ALTER DATABASE {} IS_TEMPLATE false').format(sql.Identifier(name)))
    conn.execute(sql.SQL('DROP DATABASE {} WITH (FORCE)').format(sql.Identifier(name)))


def drop_if_exists(conn, name):
    if exists(conn, name):
        drop(conn, name)


def rename(conn, old, new):
    end_sessions(conn, old)
    conn.execute(sql.SQL('ALTER DATABASE {} RENAME TO {}').format(
        sql.Identifier(old), sql.Identifier(new)))


def scratch_name(prefix, name):
    """A fixed-length work name for building `name`, so a killed build is found
    (and redone) by the next run and never looks like the finished database."""
    return f'{prefix}_{hashlib.sha256(name.encode()).hexdigest()[:16]}'


def table_rows(conn):
    """{schema.table: rows} of every table outside PostgreSQL's own schemas."""
    tables = conn.execute(
        "SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition "
        "AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
        "AND n.nspname NOT LIKE 'pg\\_%' ORDER BY 1, 2").fetchall()
    return {f'{schema}.{table}': conn.execute(
                sql.SQL('SELECT count(*) FROM {}.{}').format(
                    sql.Identifier(schema), sql.Identifier(table))).fetchone()[0]
            for schema, table in tables}
