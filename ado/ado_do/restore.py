"""Restoring what db-backup wrote into a new database, all or nothing.

The dump goes into a scratch database; only a complete restore is renamed to
the wanted name, so a failed one leaves nothing half-made behind.
"""
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import click

from . import archive, dbutils, filestore
from .pgtools import pg_env


def kind(path):
    """'archive' (db-backup --with-files), 'custom' or 'plain'."""
    if archive.is_archive(path):
        return 'archive'
    with open(path, 'rb') as dump:
        return 'custom' if dump.read(5) == b'PGDMP' else 'plain'


def restore(conn, dbname, path, force):
    if os.path.getsize(path) == 0:
        raise click.ClickException('the dump is empty; nothing was restored')
    scratch = dbutils.scratch_name('ado_restore', dbname)
    dbutils.drop_if_exists(conn, scratch)
    filestore.remove(scratch)
    try:
        fill(conn, scratch, path)
    except BaseException:
        dbutils.drop_if_exists(conn, scratch)
        filestore.remove(scratch)
        raise
    if force and dbutils.exists(conn, dbname):
        dbutils.drop(conn, dbname)
        filestore.remove(dbname)
    dbutils.rename(conn, scratch, dbname)
    filestore.move(scratch, dbname)


def fill(conn, scratch, path):
    dbutils.create(conn, scratch)
    found = kind(path)
    if found == 'archive':
        with tempfile.TemporaryDirectory(prefix='ado-restore-') as tmp:
            tmp = Path(tmp)
            archive.extract(path, tmp)
            _run_pg_restore(scratch, tmp / archive.DUMP)
            if (tmp / archive.FILESTORE).is_dir():
                shutil.copytree(tmp / archive.FILESTORE, filestore.path(scratch))
    elif found == 'custom':
        _run_pg_restore(scratch, path)
    else:
        _run(['psql', '--no-psqlrc', '--quiet', '--output=/dev/null', '--set=ON_ERROR_STOP=1',
              '--single-transaction', f'--file={path}'], scratch)


def _run_pg_restore(scratch, path):
    _run(['pg_restore', '--exit-on-error', '--single-transaction', '--no-password',
          f'--dbname={scratch}', str(path)], scratch)


def _run(args, scratch):
    # stdout goes to stderr: db-restore prints nothing but messages
    done = subprocess.run(args, env=pg_env(scratch), stdin=subprocess.DEVNULL, stdout=2)
    if done.returncode != 0:
        raise click.ClickException(
            f'{args[0]} failed (exit {done.returncode}); nothing was restored')
