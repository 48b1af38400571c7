import click

from .. import deploy, options, server


@click.command('deploy-portal')
@options.workers
@options.timeout
def command(workers, timeout):
    """Start the web portal on 0.0.0.0:6543, after making sure its database exists.

    The Pyramid app of PORTAL_INI (default ado/etc/portal.ini), on the database
    its tryton.database names (created with demo data if missing): gunicorn,
    under hupper's reloader in ENVIRONMENT=development; as user tryton.

    \b
    Example:
      ado-do deploy-portal
    """
    ini = deploy.web_ini('portal.ini')
    deploy.prepare('portal', deploy.ini_database(ini), timeout)
    server.exec_as_tryton(deploy.web_command(ini, workers))
