import os

import click

from .. import deploy, options, server, settings

WORKERS_VARIABLE = 'TRYTON_WORKERS'
# a JSON-RPC call longer than this is cut off, its worker restarted
REQUEST_TIMEOUT = 120
# development restarts trytond when a module's code, views or tryton.cfg
# change (trytond --dev watched the same)
WATCHED = [f'{settings.SRC}/**/*.{extension}' for extension in ('py', 'xml', 'cfg')]


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
    trytond's WSGI app in gunicorn's workers (request timeout, graceful
    restarts with SIGHUP, graceful stops); development: the same in one
    threaded worker, restarted on edits by hupper, with tracebacks for the
    Tryton client. As user tryton.

    \b
    Example:
      ado-do deploy-tryton c3s
    """
    deploy.prepare('tryton', dbname, timeout)
    argv = gunicorn(dbname)
    if settings.environment() == 'production':
        server.exec_as_tryton([*argv, '--workers', str(workers)])
    # the traceback of an unexpected error goes to the Tryton client
    # (collecting_society/tracebacks.py keeps it from anonymous callers)
    os.environ['TRYTOND_DEV'] = '1'
    server.exec_as_tryton(deploy.reloading(argv, WATCHED))


def gunicorn(dbname):
    """trytond's WSGI app reads TRYTOND_CONFIG, and loads the pools of
    TRYTOND_DATABASE_NAMES in each worker before it serves (without them
    trytond 8 registers an empty pool on the first request and every login
    fails); collecting_society's wrapper of it answers for those databases
    only (a request naming another is a 404, never a new pool)."""
    os.environ['TRYTOND_CONFIG'] = settings.config_path()
    os.environ['TRYTOND_DATABASE_NAMES'] = dbname
    listen = settings.trytond_config().get('web', 'listen')
    return ['gunicorn', 'collecting_society.served_databases:app', '--bind', listen,
            '--timeout', str(REQUEST_TIMEOUT),
            '--graceful-timeout', str(deploy.GRACEFUL_TIMEOUT),
            '--limit-request-line', str(deploy.REQUEST_LINE_LIMIT)]
