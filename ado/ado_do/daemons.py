"""trytond-cron and trytond-worker, each leaving a heartbeat file that its
container's healthcheck reads: the proof that it does its work, not only
that its process exists.

- cron: the file is touched each time the scheduled actions of the database
  have been run (trytond runs them at start and then every minute), in the
  process that ran them.
- worker: the file is touched each time the worker pulled from the queue
  (a task taken, or an empty queue seen): on every new task and at least
  every --timeout seconds when idle; and, while all its processes are busy,
  every --timeout seconds for up to TASK_PATIENCE seconds of one wait: a
  long task is work, a task stuck longer is not.
- worker: when the queue's connection is ended (db-copy and db-restore end
  the sessions on their database), it exits; its service restarts it.

Run as `python -m ado_do.daemons cron|worker TRYTOND-OPTIONS`; deploy-cron
and deploy-worker exec this.
"""
import os
import sys
import time
from concurrent import futures
from pathlib import Path

HEARTBEATS = Path('/tmp')
# the worker pulls at least this often when idle, so its heartbeat stays fresh
WORKER_TIMEOUT = 10
# while its processes are busy, the worker counts as working this long
TASK_PATIENCE = 300


def default_processes():
    return int(os.environ.get('WORKER_PROCESSES') or 1)


def command(kind, dbname, processes=1):
    """The argv that runs trytond-KIND on dbname through main() below."""
    from . import settings
    start = f'import sys; sys.path.insert(0, {str(settings.ADO)!r}); ' \
            'from ado_do.daemons import main; main()'
    argv = [sys.executable, '-c', start, kind,
            '-c', settings.config_path(), '-d', dbname, '-n', str(processes)]
    if kind == 'worker':
        argv += ['--timeout', str(WORKER_TIMEOUT)]
    return argv


def heartbeat(name):
    return HEARTBEATS / f'ado-{name}.heartbeat'


def beat(name):
    heartbeat(name).touch()


def run_cron(database_name):
    """trytond.cron.run_cron, then the heartbeat (module level: the process
    pool pickles it by name)."""
    _original['run_cron'](database_name)
    beat('cron')


_original = {}


def patch_cron():
    import trytond.cron
    _original['run_cron'] = trytond.cron.run_cron
    trytond.cron.run_cron = run_cron


def patch_worker():
    import trytond.worker
    pull = trytond.worker.Queue.pull

    def pull_and_beat(self, name=None):
        try:
            found = pull(self, name)
        except Exception:
            if self.connection.closed:
                # a database copy or restore ended the queue's session;
                # trytond's worker would retry on the dead connection forever;
                # trytond.cli.worker swallows SystemExit's message: print it
                print('trytond-worker: the connection to the queue was lost; '
                      'exiting so that the container restarts', file=sys.stderr, flush=True)
                raise SystemExit(1)
            raise
        beat('worker')
        return found
    trytond.worker.Queue.pull = pull_and_beat
    trytond.worker.futures = FuturesThatBeat()


class FuturesThatBeat:
    """concurrent.futures as trytond.worker sees it, but its wait for a free
    process beats every WORKER_TIMEOUT seconds, for up to TASK_PATIENCE."""

    def __getattr__(self, name):
        return getattr(futures, name)

    @staticmethod
    def wait(tasks, timeout=None, return_when=futures.ALL_COMPLETED):
        if timeout is not None:
            return futures.wait(tasks, timeout, return_when)
        started = time.monotonic()
        while True:
            waited = futures.wait(tasks, timeout=WORKER_TIMEOUT, return_when=return_when)
            if waited.done:
                return waited
            if time.monotonic() - started < TASK_PATIENCE:
                beat('worker')


def main():
    kind, sys.argv[1:] = sys.argv[1], sys.argv[2:]
    heartbeat(kind).unlink(missing_ok=True)
    if kind == 'cron':
        from trytond.cli import cron as cli
        patch_cron()
    elif kind == 'worker':
        from trytond.cli import worker as cli
        patch_worker()
    else:
        raise SystemExit(f'ado_do.daemons: unknown daemon {kind!r} (cron or worker)')
    sys.argv[0] = f'trytond-{kind}'
    cli.main()


if __name__ == '__main__':
    main()
