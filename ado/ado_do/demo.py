"""Building Tryton databases once and copying them: the demo template cache.

A template database is built once per cache key (the modules to activate,
every installed module's package version, the sources of modules under
development and the scenario file) and each demo database is a copy of it
(CREATE DATABASE ... TEMPLATE: well under a second, where building takes a
minute). A build happens under a scratch name and is renamed when finished,
so a killed build never looks finished; the next run drops and redoes it.
"""
import datetime
import hashlib
import json
import os
import subprocess
import sys

import click
from psycopg import sql

from . import dbutils, filestore, moduleupdate, modules, pipinstall, settings, trytonadmin

TEMPLATE_PREFIX = 'ado_tpl_'
COMMENT_PREFIX = 'ado-do template '
KEEP = 4  # most recently used templates kept (demo and test ones together)
# Part of the cache key: change it when build() changes what it makes, so
# templates built by an older ado-do are not used.
BUILD = 2  # 2: module code states recorded, configuration wizard done


def cache_key(activate, scenario):
    """A hash of everything the built database depends on."""
    digest = hashlib.sha256()
    digest.update(json.dumps([BUILD, sorted(activate), modules.versions()]).encode())
    for name in sorted(activate):
        root = modules.module_root(name)
        for path in modules.development_files(name):
            digest.update(str(path).encode())
            digest.update((root / path).read_bytes())
    digest.update(scenario.read_bytes() if scenario and scenario.is_file() else b'no scenario')
    if scenario is not None:  # the scenario gives the demo users this password
        digest.update(hashlib.sha256(os.environ.get('DEMO_PASSWORD', '').encode()).digest())
    return digest.hexdigest()


def build(conn, name, activate, scenario):
    """Make the Tryton database `name` from nothing: create, activate, run the scenario."""
    dbutils.drop_if_exists(conn, name)
    filestore.remove(name)
    dbutils.create(conn, name)
    trytonadmin.run(name, update=activate, all_modules=True)
    if scenario is not None:
        run_scenario(name, scenario)
        close_config_wizard(name)
    # built from this code: `ado-do update` has nothing to do on it (or its copies)
    moduleupdate.record_all(name)


def run_scenario(name, scenario):
    if not scenario.is_file():
        click.echo(f'warning: no demo scenario at {scenario}; database {name} has no demo data',
                   err=True)
        return
    click.echo(f'running the demo scenario {scenario}', err=True)
    env = dict(os.environ, DB_NAME=name, TRYTONPASSFILE=settings.passfile())
    done = subprocess.run([sys.executable, '-m', 'doctest', str(scenario)],
                          env=env, stdin=subprocess.DEVNULL, stdout=2)
    if done.returncode != 0:
        raise click.ClickException(f'the demo scenario failed on {name!r}; see above')


def close_config_wizard(name):
    """The scenario configured the company, users and the rest, so the
    "Module Configuration" wizard that the admin's login opens while an item is
    open would only ask again: its items are done."""
    with dbutils.connect(name) as conn:
        conn.execute("UPDATE ir_module_config_wizard_item SET state = 'done' "
                     "WHERE state = 'open'")


def build_as(conn, scratch, target, activate, scenario):
    """Build under the name `scratch`, then rename it to `target`: `target`
    appears only when complete."""
    try:
        build(conn, scratch, activate, scenario)
    except BaseException:
        _discard(conn, scratch)
        raise
    dbutils.rename(conn, scratch, target)
    filestore.move(scratch, target)


def copy_from_template(conn, target, activate, scenario):
    """`target` as a copy of the cached template, building the template if needed."""
    key = cache_key(activate, scenario)
    template = TEMPLATE_PREFIX + key[:16]
    with dbutils.advisory_lock(conn, f'template:{template}',
                               f'waiting for another ado-do building template {template}...'):
        if dbutils.exists(conn, template):
            click.echo(f'using the cached template {template}', err=True)
        else:
            click.echo(f'building the template {template} (once per cache key)', err=True)
            build_as(conn, template + '_build', template, activate, scenario)
            conn.execute(sql.SQL('ALTER DATABASE {} IS_TEMPLATE true').format(
                sql.Identifier(template)))
        dbutils.copy(conn, template, target)
        filestore.copy(template, target)
        touch(conn, template, key, activate)
    prune(conn)


def _discard(conn, scratch):
    """Best effort: a failed build leaves nothing; a killed one is redone next time."""
    try:
        if not conn.closed:
            dbutils.drop_if_exists(conn, scratch)
        filestore.remove(scratch)
    except Exception:
        pass


def touch(conn, template, key, activate):
    """Record the key and the time of last use in the template's comment."""
    note = json.dumps({'key': key, 'modules': sorted(activate),
                       'used': datetime.datetime.now(datetime.timezone.utc).isoformat()})
    conn.execute(sql.SQL('COMMENT ON DATABASE {} IS {}').format(
        sql.Identifier(template), sql.Literal(COMMENT_PREFIX + note)))


def templates(conn):
    """[(name, last used)] of the cached templates, most recently used first."""
    rows = conn.execute(
        "SELECT datname, coalesce(shobj_description(oid, 'pg_database'), '') "
        'FROM pg_database WHERE datname LIKE %s', (TEMPLATE_PREFIX + '%',)).fetchall()
    found = []
    for name, comment in rows:
        if name.endswith('_build'):
            continue
        used = ''
        if comment.startswith(COMMENT_PREFIX):
            used = json.loads(comment[len(COMMENT_PREFIX):]).get('used', '')
        found.append((name, used))
    return sorted(found, key=lambda item: item[1], reverse=True)


def prune(conn, keep=KEEP):
    """Drop all but the `keep` most recently used templates; one in use is skipped."""
    for name, _ in templates(conn)[keep:]:
        label = f'template:{name}'
        if not dbutils.try_advisory_lock(conn, label):
            continue
        try:
            click.echo(f'dropping the old template {name}', err=True)
            dbutils.drop_if_exists(conn, name)
            filestore.remove(name)
        finally:
            dbutils.unlock(conn, label)


def setup(target, activate=modules.DEMO, scenario=settings.SCENARIO, cache=True,
          timeout=dbutils.DEFAULT_TIMEOUT):
    """Make sure `target` exists as a Tryton database with `activate` (and the
    scenario's data); True when this call created it. Safe to run concurrently:
    the first one builds, the others wait on the lock and find it there."""
    dbutils.validate_name(target)
    pipinstall.ensure_current()
    _check_modules(activate)
    settings.passfile()
    with dbutils.connect(timeout=timeout) as conn:
        # a database appears whole (built under a scratch name, then renamed),
        # so finding it needs no lock: services starting together do not
        # queue behind each other only to find it there
        if dbutils.exists(conn, target):
            click.echo(f'database {target} exists, skipped', err=True)
            return False
        with dbutils.advisory_lock(conn, f'database:{target}',
                                   f'waiting for another ado-do setting up {target}...'):
            if dbutils.exists(conn, target):
                click.echo(f'database {target} exists, skipped', err=True)
                return False
            # a build killed halfway left its scratch database: redo from nothing
            scratch = dbutils.scratch_name('ado_build', target)
            dbutils.drop_if_exists(conn, scratch)
            filestore.remove(scratch)
            if cache:
                copy_from_template(conn, target, activate, scenario)
            else:
                build_as(conn, scratch, target, activate, scenario)
    click.echo(f'database {target} created', err=True)
    return True


def _check_modules(activate):
    missing = modules.unknown(activate)
    if missing:
        raise click.ClickException(
            f'module(s) not installed in this container: {", ".join(missing)} '
            '(name their packages in ado/etc/requirements-tryton.txt)')
