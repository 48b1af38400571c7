"""What every deploy-* command does before its server starts."""
import configparser
import os
from pathlib import Path

import click

from . import dbutils, demo, moduleupdate, pipinstall, roles, secrets, server, settings

WEB_LISTEN = '0.0.0.0:6543'
DEFAULT_DATABASE = 'c3s'


def prepare(service, dbname, timeout):
    """Install the development packages if they changed, make sure the database
    exists with demo data and its modules are updated to the code (replicas
    starting together create and update it once), and the file store is
    writable by the server."""
    settings.environment()
    secrets.refuse_defaults()
    pipinstall.install(service)
    if not demo.setup(dbname, timeout=timeout):
        moduleupdate.update_database(dbname, timeout=timeout)
    roles.use_service_role(dbname)
    server.make_store_writable()


def web_ini(default_name):
    path = Path(os.environ.get('PORTAL_INI') or settings.ETC / default_name)
    if not path.is_file():
        raise click.ClickException(f'no Pyramid ini file at {path} (PORTAL_INI)')
    secrets.refuse_defaults(session_secret=default_name == 'portal.ini')
    return str(path)


def ini_database(ini):
    """The database the Pyramid app uses: its ini's tryton.database (the one
    place that names it for the portal and the api)."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ini)
    return dbutils.validate_name(
        parser.get('app:main', 'tryton.database', fallback=DEFAULT_DATABASE))


def web_command(ini, workers):
    """pserve with --reload in development; gunicorn's workers without reload in
    production."""
    if settings.environment() == 'development':
        return ['pserve', ini, '--reload']
    return ['gunicorn', '--paste', ini, '--workers', str(workers), '--bind', WEB_LISTEN]
