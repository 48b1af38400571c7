"""Bringing a database's modules up to date with the code: the one place that
decides which modules `ado-do update DBNAME`, the deploy-* commands (and so
`docker compose restart tryton`) update.

The database keeps, per activated module, the state of the code it was last
updated with (table ado_module_source): for a development module (installed
editable, e.g. from /ado/src) a hash of its sources, since its version does not
change on edits; for the others, their package's version. A module whose state
in this container differs from the recorded one, or has none recorded, is
updated with trytond-admin -u; then its new state is recorded.
"""
import hashlib

import click

from . import dbutils, modules, trytonadmin

TABLE = 'ado_module_source'


def code_state(name):
    """What the database must have been updated with for `name` to be current."""
    files = modules.development_files(name)
    if not files:
        return f'version {modules.package_version(name)}'
    root = modules.module_root(name)
    digest = hashlib.sha256()
    for path in files:
        digest.update(str(path).encode() + b'\0' + (root / path).read_bytes() + b'\0')
    return f'sources {digest.hexdigest()}'


def activated(conn):
    return [name for name, in conn.execute(
        "SELECT name FROM ir_module WHERE state = 'activated' ORDER BY name")]


def has_states(conn):
    """Whether the database has the table of recorded states (read-only: a
    service role may ask, but not create it)."""
    return conn.execute('SELECT to_regclass(%s) IS NOT NULL', (TABLE,)).fetchone()[0]


def recorded(conn):
    if not has_states(conn):
        return {}
    return dict(conn.execute(f'SELECT module, state FROM {TABLE}').fetchall())


def record(conn, names):
    """The current code state of `names`, as the one the database is updated with."""
    conn.execute(f'CREATE TABLE IF NOT EXISTS {TABLE} '
                 '(module varchar PRIMARY KEY, state varchar NOT NULL, '
                 'updated timestamptz NOT NULL DEFAULT now())')
    for name in names:
        conn.execute(f'INSERT INTO {TABLE} (module, state) VALUES (%s, %s) '
                     'ON CONFLICT (module) DO UPDATE SET state = excluded.state, '
                     'updated = now()', (name, code_state(name)))


def changed(conn):
    """[(module, why)] of the activated modules whose code is not the recorded one."""
    available = modules.available()
    states = recorded(conn)
    result = []
    for name in activated(conn):
        if name not in available:
            click.echo(f'warning: module {name} is activated but not installed here', err=True)
            continue
        now, before = code_state(name), states.get(name)
        if before is None:
            result.append((name, 'no code state recorded yet'))
        elif now != before:
            what = 'sources changed' if now.startswith('sources') else \
                f'{before} -> {now.split(" ", 1)[1]}'
            result.append((name, what))
    return result


def record_all(dbname, timeout=dbutils.DEFAULT_TIMEOUT):
    """After building `dbname` from the current code: every activated module is current."""
    with dbutils.connect(dbname, timeout) as conn:
        record(conn, activated(conn))


def is_current(dbname, timeout=dbutils.DEFAULT_TIMEOUT):
    """Whether no activated module's code changed: asked without the lock, so
    services starting together on a current database do not queue for it."""
    with dbutils.connect(dbname, timeout) as conn:
        return not changed(conn)


def update_database(dbname, names=(), all_modules=False, timeout=dbutils.DEFAULT_TIMEOUT):
    """Update DBNAME's modules: `names` (activating them if needed), every
    activated one with `all_modules`, else exactly those whose code changed.
    Under the database's advisory lock, so replicas starting together update
    once: the others find the new states recorded. Says which modules and why;
    returns their names."""
    if not names and not all_modules and is_current(dbname, timeout):
        return _nothing_to_update(dbname)
    with dbutils.connect(timeout=timeout) as lock_conn, \
            dbutils.advisory_lock(lock_conn, f'database:{dbname}',
                                  f'waiting for another ado-do updating {dbname}...'), \
            dbutils.connect(dbname, timeout) as conn:
        before = set(activated(conn))
        if names:
            todo = [(name, 'named with -m') for name in names]
        elif all_modules:
            todo = [(name, '--all') for name in sorted(before)]
        else:
            todo = changed(conn)
        if not todo:
            return _nothing_to_update(dbname)
        for name, why in todo:
            click.echo(f'database {dbname}: updating {name} ({why})', err=True)
        updated = [name for name, _ in todo]
        trytonadmin.run(dbname, update=() if all_modules else updated,
                        all_modules=all_modules)
        # modules just activated (with their dependencies) are current too
        record(conn, sorted(set(updated) | (set(activated(conn)) - before)))
    return updated


def _nothing_to_update(dbname):
    click.echo(f'database {dbname}: the code of every activated module is the one '
               'it was updated with; nothing to update', err=True)
    return []
