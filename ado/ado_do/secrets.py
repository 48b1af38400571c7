"""Secrets: read from files (*_FILE, as Docker secrets are mounted), and in
ENVIRONMENT=production refused when empty or left at a development default.

A refusal is one line naming the variable to set, before anything is changed.
"""
import os
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import click

# secrets that may come from a file named by NAME_FILE
FILE_SECRETS = ('POSTGRES_PASSWORD', 'PORTAL_SESSION_SECRET', 'ADO_DB_ROLE_PASSWORD')
# the development defaults shipped in docker-compose.yml, portal.ini and
# trytonpassfile.example: anyone can read them, so production refuses them
DEFAULTS = {'', 'postgres', 'admin', 'ado-development-session-secret-change-me'}


def load_files():
    """NAME from the file NAME_FILE names; the database password also goes into
    TRYTOND_DATABASE__URI, the one source of the database address."""
    for name in FILE_SECRETS:
        path = os.environ.get(f'{name}_FILE')
        if path:
            os.environ[name] = _read(path, f'{name}_FILE')
    if os.environ.get('POSTGRES_PASSWORD_FILE'):
        _password_into_uri(os.environ['POSTGRES_PASSWORD'])


def _read(path, variable):
    try:
        return Path(path).read_text().strip()
    except OSError as error:
        raise click.ClickException(
            f'{variable} names a file that cannot be read: {path} ({error.strerror})')


def _password_into_uri(password):
    """TRYTOND_DATABASE__URI without a password gets the one from the file."""
    uri = os.environ.get('TRYTOND_DATABASE__URI')
    if not uri:
        return
    parts = urlsplit(uri)
    if parts.password is not None or not parts.username:
        return
    netloc = f'{parts.username}:{quote(password, safe="")}@{parts.netloc.split("@", 1)[1]}'
    os.environ['TRYTOND_DATABASE__URI'] = urlunsplit(parts._replace(netloc=netloc))


def is_production():
    return os.environ.get('ENVIRONMENT') == 'production'


def refuse_defaults(session_secret=False):
    """In production: the database password, the Tryton admin password and (for
    the portal) the session secret must be set and not a known default."""
    if not is_production():
        return
    password = urlsplit(os.environ.get('TRYTOND_DATABASE__URI', '')).password
    _refuse(password, 'POSTGRES_PASSWORD_FILE (or POSTGRES_PASSWORD)')
    passfile = os.environ.get('TRYTONPASSFILE', '')
    admin = _read(passfile, 'TRYTONPASSFILE') if passfile else ''
    _refuse(admin, 'TRYTONPASSFILE (a file holding the Tryton admin password)')
    if os.environ.get('ADO_DB_ROLE'):
        _refuse(os.environ.get('ADO_DB_ROLE_PASSWORD'),
                'ADO_DB_ROLE_PASSWORD_FILE (the service role\'s database password)')
    if session_secret:
        _refuse(os.environ.get('PORTAL_SESSION_SECRET'),
                'PORTAL_SESSION_SECRET_FILE (or PORTAL_SESSION_SECRET)')


def _refuse(value, variable):
    if (value or '').strip() in DEFAULTS:
        raise click.ClickException(
            f'ENVIRONMENT=production refuses an empty or default secret: set {variable}')
