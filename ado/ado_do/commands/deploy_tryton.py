import click

from .. import deploy, options, server, settings


@click.command('deploy-tryton')
@click.argument('dbname', type=options.DBNAME, default='c3s')
@options.timeout
def command(dbname, timeout):
    """Start trytond, after making sure DBNAME exists with demo data.

    Installs the tryton development packages first; trytond runs as user
    tryton, with --dev in ENVIRONMENT=development.

    \b
    Example:
      ado-do deploy-tryton c3s
    """
    deploy.prepare('tryton', dbname, timeout)
    # -d loads DBNAME's pool at start; without it trytond 8 registers an
    # empty pool on the first request and every login fails
    argv = ['trytond', '-c', settings.config_path(), '-d', dbname]
    if settings.environment() == 'development':
        argv.append('--dev')
    server.exec_as_tryton(argv)
