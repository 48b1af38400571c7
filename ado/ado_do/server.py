"""Starting a server: its file store writable by user tryton, then exec as tryton.

exec (not a child process), so Docker's signals reach the server and its exit
code is the container's.
"""
import os
import pwd

import click

from . import secrets, settings

USER = 'tryton'


def tryton_user():
    try:
        return pwd.getpwnam(USER)
    except KeyError:
        return None


def make_store_writable():
    """trytond's [database] path, owned by tryton: the server writes attachments
    there, while ado-do (root) may have made files in it."""
    root = settings.filestore_root()
    root.mkdir(parents=True, exist_ok=True)
    user = tryton_user()
    if user is None or os.geteuid() != 0:
        return
    for path in [root, *root.rglob('*')]:
        if path.lstat().st_uid != user.pw_uid:
            os.lchown(path, user.pw_uid, user.pw_gid)


def exec_as_tryton(argv):
    """Replace this process with `argv`, as user tryton when started as root."""
    env = secrets.server_environment()
    user = tryton_user()
    if os.geteuid() == 0 and user is not None:
        env['HOME'] = user.pw_dir
        argv = ['setpriv', f'--reuid={USER}', f'--regid={USER}', '--init-groups', *argv]
    click.echo(f'starting {" ".join(argv)}', err=True)
    os.execvpe(argv[0], argv, env)
