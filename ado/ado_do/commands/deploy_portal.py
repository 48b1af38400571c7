import click

from .. import deploy, options, server

workers_option = click.option(
    '--workers', type=click.IntRange(min=1), default=deploy.default_workers,
    show_default='WEB_WORKERS or 2 x cores + 1', help='gunicorn workers in production.')


@click.command('deploy-portal')
@click.argument('dbname', default='c3s')
@workers_option
@options.timeout
def command(dbname, workers, timeout):
    """Start the web portal on 0.0.0.0:6543, after making sure DBNAME exists.

    The Pyramid app of PORTAL_INI (default ado/etc/portal.ini): pserve --reload
    in ENVIRONMENT=development, gunicorn in production; as user tryton.

    \b
    Example:
      ado-do deploy-portal
    """
    deploy.prepare('portal', dbname, timeout)
    server.exec_as_tryton(deploy.web_command(deploy.web_ini('portal.ini'), workers))
