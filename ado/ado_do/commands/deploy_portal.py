import click

from .. import deploy, options, server

workers_option = click.option(
    '--workers', type=click.IntRange(min=1), default=deploy.default_workers,
    show_default='WEB_WORKERS or 2 x cores + 1', help='gunicorn workers in production.')


@click.command('deploy-portal')
@workers_option
@options.timeout
def command(workers, timeout):
    """Start the web portal on 0.0.0.0:6543, after making sure its database exists.

    The Pyramid app of PORTAL_INI (default ado/etc/portal.ini), on the database
    its tryton.database names (created with demo data if missing): pserve
    --reload in ENVIRONMENT=development, gunicorn in production; as user tryton.

    \b
    Example:
      ado-do deploy-portal
    """
    ini = deploy.web_ini('portal.ini')
    deploy.prepare('portal', deploy.ini_database(ini), timeout)
    server.exec_as_tryton(deploy.web_command(ini, workers))
