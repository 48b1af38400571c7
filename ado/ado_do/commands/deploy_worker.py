import click

from .. import daemons, deploy, options, server


@click.command('deploy-worker')
@click.argument('dbname', default='c3s')
@click.option('--processes', type=click.IntRange(min=1), default=daemons.default_processes,
              show_default='WORKER_PROCESSES or 1', help='Tasks run at the same time.')
@options.timeout
def command(dbname, processes, timeout):
    """Run the queued tasks (ir.queue) of DBNAME: trytond-worker.

    The servers' [queue] worker = True (set by deploy-*) makes them enqueue
    its tasks instead of running them; this runs them. It touches
    /tmp/ado-worker.heartbeat each time it pulls from the queue (on each
    task, and every 10 s when idle): the container's healthcheck.

    \b
    Example:
      ado-do deploy-worker c3s
    """
    deploy.prepare('tryton', dbname, timeout)
    server.exec_as_tryton(daemons.command('worker', dbname, processes))
