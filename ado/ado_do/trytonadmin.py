"""trytond-admin, run so that it never waits on stdin."""
import os
import subprocess

import click

from . import settings

ADMIN_EMAIL = 'admin@example.org'


def run(dbname, update=(), all_modules=False, extra_env=None):
    """trytond-admin on `dbname`; the password comes from TRYTONPASSFILE and the
    email from the command line, so it has nothing to ask."""
    args = ['trytond-admin', '-c', settings.config_path(), '-d', dbname,
            '--email', ADMIN_EMAIL, '--activate-dependencies']
    if all_modules:
        args.append('--all')
    if update:
        args += ['-u', *update]
    env = dict(os.environ, TRYTONPASSFILE=settings.passfile(), **(extra_env or {}))
    click.echo(f'running {" ".join(args)}', err=True)
    done = subprocess.run(args, env=env, stdin=subprocess.DEVNULL, stdout=2)
    if done.returncode != 0:
        raise click.ClickException(
            f'trytond-admin failed on {dbname!r} (exit {done.returncode}); see above')
