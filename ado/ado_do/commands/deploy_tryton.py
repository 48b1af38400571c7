import os

import click

from .. import deploy, devserver, options, server, settings

WORKERS_VARIABLE = 'TRYTON_WORKERS'
# a JSON-RPC call longer than this is cut off, its worker restarted
REQUEST_TIMEOUT = 120
# on restart (SIGHUP) or stop (SIGTERM) a worker finishes its request first
GRACEFUL_TIMEOUT = 30


def default_workers():
    return int(os.environ.get(WORKERS_VARIABLE) or 2 * (os.cpu_count() or 1) + 1)


@click.command('deploy-tryton')
@click.argument('dbname', type=options.DBNAME, default='c3s')
@click.option('--workers', type=click.IntRange(min=1), default=default_workers,
              show_default=f'{WORKERS_VARIABLE} or 2 x cores + 1',
              help='gunicorn workers in production.')
@options.timeout
def command(dbname, workers, timeout):
    """Start trytond on 0.0.0.0:8000, after making sure DBNAME exists with demo data.

    Installs the tryton development packages first. ENVIRONMENT=production:
    trytond.application:app in gunicorn's workers (request timeout, graceful
    restarts with SIGHUP); development: trytond's own server with --dev
    (reloads on edits). As user tryton.

    \b
    Example:
      ado-do deploy-tryton c3s
    """
    deploy.prepare('tryton', dbname, timeout)
    if settings.environment() == 'production':
        server.exec_as_tryton(gunicorn(dbname, workers))
    # -d loads DBNAME's pool at start; without it trytond 8 registers an
    # empty pool on the first request and every login fails
    server.exec_as_tryton(devserver.command(settings.config_path(), dbname))


def gunicorn(dbname, workers):
    """trytond's WSGI app reads TRYTOND_CONFIG, and loads the pools of
    TRYTOND_DATABASE_NAMES in each worker before it serves."""
    os.environ['TRYTOND_CONFIG'] = settings.config_path()
    os.environ['TRYTOND_DATABASE_NAMES'] = dbname
    listen = settings.trytond_config().get('web', 'listen')
    return ['gunicorn', 'trytond.application:app', '--workers', str(workers),
            '--bind', listen, '--timeout', str(REQUEST_TIMEOUT),
            '--graceful-timeout', str(GRACEFUL_TIMEOUT)]
