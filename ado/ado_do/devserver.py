"""trytond --dev (development), loading the database once: in the process
that serves.

Werkzeug's reloader (--dev) runs trytond twice: a parent that only watches
the source files and restarts the child, which serves. trytond loads the
pools of its -d databases before it starts the server, so the parent loaded
them too: half the CPU of a start (about 5 s on two cores) for a process
that never answers a request. Here the parent skips that load; it still
imports every module (Pool.start), so it watches their files.

Run as a script (`python devserver.py TRYTOND-OPTIONS`): the reloader starts
the child as `python <this file> ...`, which a `python -c` would not survive.
deploy-tryton execs this in development.
"""
import sys

# run as a script, its directory came first on the path: ado_do's own
# modules (secrets, settings...) would hide the standard library's
del sys.path[0]

from pathlib import Path  # noqa: E402


def command(config_path, dbname):
    """The argv that runs trytond --dev on dbname through main() below."""
    return [sys.executable, str(Path(__file__).resolve()),
            '-c', config_path, '-d', dbname, '--dev']


def main():
    from trytond.cli import main as trytond_main
    from trytond.pool import Pool
    from werkzeug.serving import is_running_from_reloader
    if not is_running_from_reloader():
        Pool.init = _skipped_in_the_watching_parent
    sys.exit(trytond_main())


def _skipped_in_the_watching_parent(self, *args, **kwargs):
    pass


if __name__ == '__main__':
    main()
