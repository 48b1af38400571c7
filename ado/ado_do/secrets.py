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
    the portal) the session secret must be set and not a known default. A
    server with its own role (ADO_DB_ROLE) has only that role's password."""
    if not is_production():
        _say_development_defaults()
        return
    if os.environ.get('ADO_DB_ROLE'):
        refuse(os.environ.get('ADO_DB_ROLE_PASSWORD'),
               'ADO_DB_ROLE_PASSWORD_FILE (the service role\'s database password)')
    else:
        _refuse_setup_secrets()
    if session_secret:
        refuse(os.environ.get('PORTAL_SESSION_SECRET'),
               'PORTAL_SESSION_SECRET_FILE (or PORTAL_SESSION_SECRET)')


def _refuse_setup_secrets():
    """The superuser's and the Tryton admin's passwords, which migrate uses."""
    password = urlsplit(os.environ.get('TRYTOND_DATABASE__URI', '')).password
    refuse(password, 'POSTGRES_PASSWORD_FILE (or POSTGRES_PASSWORD)')
    passfile = os.environ.get('TRYTONPASSFILE', '')
    admin = _read(passfile, 'TRYTONPASSFILE') if passfile else ''
    refuse(admin, 'TRYTONPASSFILE (a file holding the Tryton admin password)')


def _say_development_defaults():
    """Development may keep the published defaults, but says so."""
    passfile = os.environ.get('TRYTONPASSFILE', '')
    try:
        admin = Path(passfile).read_text().strip() if passfile else ''
    except OSError:
        return
    if admin in DEFAULTS:
        click.echo('WARNING: development defaults: Tryton admin/admin and the '
                   'published session secret; never expose this stack', err=True)


def refuse(value, variable):
    if (value or '').strip() in DEFAULTS:
        raise click.ClickException(
            f'ENVIRONMENT=production refuses an empty or default secret: set {variable}')


# what only ado-do's own setup needs: the superuser's password and the
# Tryton admin's. A server that one code execution could read must not have
# them (it connects as its own role, ADO_DB_ROLE, in production).
SETUP_ONLY = ('POSTGRES_PASSWORD', 'POSTGRES_PASSWORD_FILE', 'TRYTONPASSFILE',
              'ADO_DB_ROLE_PASSWORD', 'ADO_DB_ROLE_PASSWORD_FILE')


def server_environment():
    """The environment a server is exec'd with: os.environ without the setup's
    secrets; in production the database URI must not be the superuser's."""
    env = {k: v for k, v in os.environ.items() if k not in SETUP_ONLY}
    if is_production() and os.environ.get('POSTGRES_PASSWORD'):
        password = urlsplit(env.get('TRYTOND_DATABASE__URI', '')).password
        if password and password == os.environ['POSTGRES_PASSWORD']:
            raise click.ClickException(
                'ENVIRONMENT=production: the server would connect as the superuser; '
                'set ADO_DB_ROLE and ADO_DB_ROLE_PASSWORD_FILE')
    return env
