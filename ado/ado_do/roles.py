"""PostgreSQL roles per service: the server a deploy-* command starts connects
as its own role (ADO_DB_ROLE, password from ADO_DB_ROLE_PASSWORD or its
_FILE), which may read and write the rows of the database, but not create,
alter or drop anything: that stays with the superuser, used only by ado-do
itself (creating the database, db-* commands, update).

Without ADO_DB_ROLE (development) the servers keep the superuser's address.
"""
import os
from urllib.parse import quote, urlsplit, urlunsplit

import click
from psycopg import sql

from . import dbutils, settings

ROLE = 'ADO_DB_ROLE'
PASSWORD = 'ADO_DB_ROLE_PASSWORD'
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


def use_service_role(dbname):
    """Make the service's role with rights on `dbname` only, then point
    TRYTOND_DATABASE__URI at it, so the server exec'd next connects as it."""
    found = service_role()
    if found is None:
        return
    role, password = found
    with dbutils.connect() as conn:
        # services starting together must not race: concurrent CREATE ROLE or
        # GRANTs on the same objects fail ("tuple concurrently updated")
        with dbutils.advisory_lock(conn, 'service roles'):
            ensure_role(conn, role, password)
            grant(dbname, role)
    os.environ['TRYTOND_DATABASE__URI'] = role_uri(settings.database_uri(), role, password)
    click.echo(f'the server connects to PostgreSQL as role {role}', err=True)


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
