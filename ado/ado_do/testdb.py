"""The database the tests run on: PostgreSQL (a copy of a cached template) or
SQLite (a file in trytond's [database] path)."""
import os
import sqlite3

import click

from . import dbutils, demo, filestore, modules, pipinstall, settings, trytonadmin

SQLITE_ENV = {'TRYTOND_DATABASE__URI': 'sqlite://'}


def sqlite_file(dbname):
    return settings.filestore_root() / f'{dbname}.sqlite'


def env(dbtype, dbname):
    """What the tests need to find their database."""
    extra = {'DB_NAME': dbname}
    if dbtype == 'sqlite':
        extra.update(SQLITE_ENV)
    return extra


def create(dbtype, dbname, cache=True, timeout=dbutils.DEFAULT_TIMEOUT):
    pipinstall.ensure_current()
    if dbtype == 'postgres':
        demo.setup(dbname, scenario=None, cache=cache, timeout=timeout)
    else:
        create_sqlite(dbname)


def delete(dbtype, dbname, timeout=dbutils.DEFAULT_TIMEOUT):
    if dbtype == 'sqlite':
        sqlite_file(dbname).unlink(missing_ok=True)
        return
    with dbutils.connect(timeout=timeout) as conn:
        with dbutils.advisory_lock(conn, f'database:{dbname}'):
            dbutils.drop_if_exists(conn, dbname)
            filestore.remove(dbname)


def create_sqlite(dbname):
    """Built as a scratch file and renamed when complete."""
    dbutils.validate_name(dbname)
    target = sqlite_file(dbname)
    if target.exists():
        click.echo(f'database {target} exists, skipped', err=True)
        return
    scratch_name = dbutils.scratch_name('ado_build', dbname)
    scratch = sqlite_file(scratch_name)
    scratch.parent.mkdir(parents=True, exist_ok=True)
    scratch.unlink(missing_ok=True)
    sqlite3.connect(scratch).close()
    try:
        trytonadmin.run(scratch_name, update=modules.DEMO, all_modules=True,
                        extra_env=SQLITE_ENV)
    except BaseException:
        scratch.unlink(missing_ok=True)
        raise
    os.replace(scratch, target)
    click.echo(f'database {target} created', err=True)
