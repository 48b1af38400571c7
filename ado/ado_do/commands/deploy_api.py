import click

from .. import deploy, options, server
from .deploy_portal import workers_option


@click.command('deploy-api')
@click.argument('dbname', default='c3s')
@workers_option
@options.timeout
def command(dbname, workers, timeout):
    """Start the API on 0.0.0.0:6543, after making sure DBNAME exists.

    The portal's packages with PORTAL_INI (default ado/etc/api.ini): pserve
    --reload in ENVIRONMENT=development, gunicorn in production; as user tryton.

    \b
    Example:
      ado-do deploy-api
    """
    deploy.prepare('portal', dbname, timeout)
    server.exec_as_tryton(deploy.web_command(deploy.web_ini('api.ini'), workers))
