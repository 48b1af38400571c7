"""What every deploy-* command does before its server starts."""
import configparser
import os
from pathlib import Path

import click

from . import dbutils, demo, moduleupdate, pipinstall, roles, secrets, server, settings

WEB_LISTEN = '0.0.0.0:6543'
DEFAULT_DATABASE = 'c3s'
# a stopped web server's requests finish within this, inside Docker's 10 s
GRACEFUL_TIMEOUT = 8
# development runs one worker, a single process to restart on edits
DEVELOPMENT_THREADS = 8
# the longest request line the proxy passes (nginx's 8k header buffers,
# Dockerfiles/proxy/nginx.conf.template): the proxy alone refuses longer ones
# (414), so the apps answer every request it passes (gunicorn: 4094)
REQUEST_LINE_LIMIT = 8190


def prepare(service, dbname, timeout):
    """Install the development packages if they changed; with a service role
    (production) wait until migrate has made the database current, else make
    sure the database exists with demo data and its modules are updated to the
    code (replicas starting together create and update it once); then make
    the file store writable by the server."""
    settings.environment()
    secrets.refuse_defaults()
    pipinstall.install(service)
    if not roles.use_service_role(dbname, timeout):
        migrate(dbname, timeout)
    server.make_store_writable()
    # servers enqueue (Model.__queue__) and the worker service runs the tasks;
    # set here, after the demo setup, whose scenario has no worker to wait for
    # (an invoice is marked paid by a queued task), and not in trytond.conf,
    # which would win over the environment everywhere
    os.environ['TRYTOND_QUEUE__WORKER'] = 'True'
    # every server process (each tryton replica and gunicorn worker, portal,
    # api, cron, worker) hears cache invalidations at once through
    # PostgreSQL's LISTEN/NOTIFY instead of re-reading them every 300 s, so
    # an access right changed in the Tryton client holds everywhere at once.
    # Not in trytond.conf: the listening connection would keep one-off
    # commands' and test suites' databases from being dropped.
    os.environ['TRYTOND_CACHE__CLEAN_TIMEOUT'] = '0'


def migrate(dbname, timeout):
    """Make `dbname` (demo setup) or update its changed modules, then the
    services' roles (ADO_DB_ROLES)."""
    if not demo.setup(dbname, timeout=timeout):
        moduleupdate.update_database(dbname, timeout=timeout)
    roles.make_roles(dbname)


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
    """gunicorn with the Pyramid app of `ini`; in development under the
    reloader, which also watches the ini."""
    argv = ['gunicorn', '--paste', ini, '--bind', WEB_LISTEN,
            '--graceful-timeout', str(GRACEFUL_TIMEOUT),
            '--limit-request-line', str(REQUEST_LINE_LIMIT)]
    if settings.environment() == 'development':
        return reloading(argv, [f'{settings.SRC}/**/*.py', ini])
    return [*argv, '--workers', str(workers)]


def reloading(gunicorn, watched):
    """Development: `gunicorn` with one threaded worker, under hupper, which
    restarts it when a file matching a `watched` glob changes.

    Production and development both stop gracefully: on SIGTERM (docker
    stop) gunicorn closes its port and finishes the requests it has, so the
    proxy loses none. waitress under pserve, and trytond's own server, died
    mid-request. hupper waits for that stop, on restarts too."""
    watches = [arg for pattern in watched for arg in ('-w', pattern)]
    return ['hupper', '--shutdown-interval', str(GRACEFUL_TIMEOUT), *watches,
            '-m', *gunicorn, '--workers', '1', '--threads', str(DEVELOPMENT_THREADS)]
