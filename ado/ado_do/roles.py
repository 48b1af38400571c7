"""PostgreSQL roles per service: the server a deploy-* command starts connects
as its own role (ADO_DB_ROLE, password from ADO_DB_ROLE_PASSWORD or its
_FILE), which may read and write the rows of the database, but not create,
alter or drop anything: that stays with the superuser, which only the
one-shot `migrate` service (and `backup`) know. migrate makes the roles
(ADO_DB_ROLES: "role=password_file ..."); a server with a role waits until
migrate has made its database current, and never sees the superuser's
password.

Without ADO_DB_ROLE (development) the servers keep the superuser's address.
"""
import os
import time
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import click
from psycopg import sql

from . import dbutils, moduleupdate, secrets, settings

ROLE = 'ADO_DB_ROLE'
PASSWORD = 'ADO_DB_ROLE_PASSWORD'
ROLES = 'ADO_DB_ROLES'
# what trytond and the portal do at run time: rows, and sequence values
GRANTS = (
    'GRANT CONNECT, TEMPORARY ON DATABASE {db} TO {role}',
    'GRANT USAGE ON SCHEMA public TO {role}',
    'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}',
    'GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {role}',
    # tables and sequences a later `ado-do update` makes (as the superuser)
    'ALTER DEFAULT PRIVILEGES IN SCHEMA public '
    'GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {role}',
    'ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {role}',
)


def service_role():
    """(role, password) from the environment, or None when not asked for."""
    role = os.environ.get(ROLE)
    if not role:
        return None
    dbutils.validate_name(role)
    password = os.environ.get(PASSWORD, '')
    if not password:
        raise click.ClickException(f'{ROLE} is {role!r} but has no password: set {PASSWORD}_FILE')
    return role, password


def roles_to_make():
    """[(role, password)] that migrate makes, from ADO_DB_ROLES."""
    found = []
    for item in os.environ.get(ROLES, '').split():
        role, sep, path = item.partition('=')
        if not sep or not path:
            raise click.ClickException(f'{ROLES}: {item!r} is not ROLE=PASSWORD_FILE')
        dbutils.validate_name(role)
        try:
            password = Path(path).read_text().strip()
        except OSError as error:
            raise click.ClickException(
                f'{ROLES}: the password file of {role} cannot be read: {path} '
                f'({error.strerror})') from None
        if secrets.is_production():
            secrets.refuse(password, f'the secret file {path} ({role}\'s database password)')
        found.append((role, password))
    return found


def make_roles(dbname):
    """The services' roles exist, with their secrets' passwords and rights on
    the rows of `dbname` only."""
    found = roles_to_make()
    if not found:
        return
    with dbutils.connect() as conn:
        # migrate and an operator's `ado-do migrate` must not race: concurrent
        # CREATE ROLE or GRANTs fail ("tuple concurrently updated")
        with dbutils.advisory_lock(conn, 'service roles'):
            for role, password in found:
                ensure_role(conn, role, password)
                grant(dbname, role)
                click.echo(f'role {role} may read and write the rows of {dbname}', err=True)


def use_service_role(dbname, timeout):
    """With ADO_DB_ROLE: point TRYTOND_DATABASE__URI at the service's role, so
    the server exec'd next connects as it, and wait until `dbname` is current
    (migrate makes and updates it). Returns False without ADO_DB_ROLE."""
    found = service_role()
    if found is None:
        return False
    role, password = found
    settings.use_database_uri(role_uri(settings.database_uri(), role, password))
    wait_until_migrated(dbname, timeout)
    click.echo(f'the server connects to PostgreSQL as role {role}', err=True)
    return True


def wait_until_migrated(dbname, timeout):
    """Polls as the role until `dbname` exists and every activated module is
    the code's; a clear error after `timeout` s (the container restarts)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            why = _not_current(dbname, timeout)
        except click.ClickException as error:
            # e.g. the role does not exist yet: migrate has not run
            why = error.message
        if why is None:
            return
        if time.monotonic() >= deadline:
            raise click.ClickException(
                f'database {dbname} is not ready after {timeout} s ({why}): the migrate '
                'service makes and updates it (docker compose up migrate)')
        time.sleep(1)


def _not_current(dbname, timeout):
    with dbutils.connect(timeout=timeout) as conn:
        if not dbutils.exists(conn, dbname):
            return 'it does not exist yet'
    with dbutils.connect(dbname, timeout) as conn:
        if not moduleupdate.has_states(conn):
            return 'its modules are not set up yet'
        stale = moduleupdate.changed(conn)
    if stale:
        return 'modules to update: ' + ', '.join(name for name, _ in stale)
    return None


def ensure_role(conn, role, password):
    """The role exists, may log in, and has the secret's password (kept in step
    with the secret file when that changes)."""
    exists = conn.execute('SELECT 1 FROM pg_roles WHERE rolname = %s', (role,)).fetchone()
    verb = 'ALTER' if exists else 'CREATE'
    conn.execute(sql.SQL(verb + ' ROLE {} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE '
                         'PASSWORD {}').format(sql.Identifier(role), sql.Literal(password)))


def grant(dbname, role):
    with dbutils.connect(dbname) as conn:
        for statement in GRANTS:
            conn.execute(sql.SQL(statement).format(db=sql.Identifier(dbname),
                                                   role=sql.Identifier(role)))


def role_uri(uri, role, password):
    parts = urlsplit(uri)
    host = parts.netloc.rsplit('@', 1)[-1]
    netloc = f'{quote(role, safe="")}:{quote(password, safe="")}@{host}'
    return urlunsplit(parts._replace(netloc=netloc))
