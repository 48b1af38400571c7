import click

from .. import daemons, deploy, options, server


@click.command('deploy-cron')
@click.argument('dbname', default='c3s')
@options.timeout
def command(dbname, timeout):
    """Run Tryton's scheduled actions (ir.cron) of DBNAME: trytond-cron.

    Exactly one of these may run per database. It runs the due actions at
    start and then every minute, touching /tmp/ado-cron.heartbeat each time
    (the container's healthcheck). As user tryton.

    \b
    Example:
      ado-do deploy-cron c3s
    """
    deploy.prepare('tryton', dbname, timeout)
    server.exec_as_tryton(daemons.command('cron', dbname))
