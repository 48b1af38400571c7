import click

from .. import deploy, options, server


@click.command('deploy-api')
@options.workers
@options.timeout
def command(workers, timeout):
    """Start the API on 0.0.0.0:6543, after making sure its database exists.

    The portal's packages with PORTAL_INI (default ado/etc/api.ini), on the
    database its tryton.database names (created with demo data if missing):
    gunicorn, under
    hupper's reloader in ENVIRONMENT=development; as user tryton.

    \b
    Example:
      ado-do deploy-api
    """
    ini = deploy.web_ini('api.ini')
    deploy.prepare('portal', deploy.ini_database(ini), timeout)
    server.exec_as_tryton(deploy.web_command(ini, workers))
