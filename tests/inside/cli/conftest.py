"""ado-do's tests: every command against a real PostgreSQL and real trytond.

Run inside the ado-tryton image with the checkout's ado mounted at /ado and
TRYTOND_DATABASE__URI naming a PostgreSQL server, e.g.

    docker compose run --rm -v ./tests:/tests tryton pytest /tests/inside/cli

The tests use their own trytond config (the database address still comes
from TRYTOND_DATABASE__URI) and file store, and only databases named
adotest_*, which they drop at the end. Outside a container, ADO_DIR names the
checkout's ado directory.
"""
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import psycopg
import pytest

ADO = Path(os.environ.get('ADO_DIR', '/ado'))
ADO_DO = ADO / 'ado-do'
PREFIX = 'adotest_'

# Before anything imports trytond: trytond reads its config once, at import.
WORK = Path(tempfile.mkdtemp(prefix='ado-cli-tests-'))
WORK.chmod(0o755)  # the servers of the deploy tests run as user tryton
STORE = WORK / 'store'
CONFIG = WORK / 'trytond.conf'
PASSFILE = WORK / 'trytonpassfile'
CONFIG.write_text(f'[database]\npath = {STORE}\nlanguage = en\n'
                  '[web]\nlisten = 127.0.0.1:8765\n')
PASSFILE.write_text('admin\n')
URI = os.environ.get('TRYTOND_DATABASE__URI', '')
os.environ.update(TRYTOND_CONFIG=str(CONFIG), TRYTONPASSFILE=str(PASSFILE),
                  ENVIRONMENT='development')
sys.path.insert(0, str(ADO))


def pytest_configure(config):
    if not URI.startswith('postgresql'):
        raise pytest.UsageError('set TRYTOND_DATABASE__URI to a PostgreSQL server')


def ado_do(*args, env=None, input=None, timeout=600):
    """Run ado-do as a user does; returns the CompletedProcess (bytes stdout)."""
    return subprocess.run([sys.executable, str(ADO_DO), *args], input=input,
                          capture_output=True, env=dict(os.environ, **(env or {})),
                          timeout=timeout)


def start(*args, env=None):
    """ado-do in the background, in its own process group (to kill it whole)."""
    return subprocess.Popen([sys.executable, str(ADO_DO), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=dict(os.environ, **(env or {})),
                            start_new_session=True)


def connect(dbname='postgres'):
    return psycopg.connect(URI, dbname=dbname, autocommit=True)


def databases():
    with connect() as conn:
        return {name for name, in conn.execute('SELECT datname FROM pg_database')}


def query(dbname, sql, params=None):
    with connect(dbname) as conn:
        return conn.execute(sql, params).fetchall()


def table_digests(dbname):
    """{table: (rows, md5 of all rows)} of every table in public."""
    with connect(dbname) as conn:
        tables = [name for name, in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
        result = {}
        for table in tables:
            result[table] = conn.execute(psycopg.sql.SQL(
                'SELECT count(*), md5(coalesce(string_agg(t::text, %s ORDER BY t::text), %s)) '
                'FROM {} t').format(psycopg.sql.Identifier(table)), ('\n', '')).fetchone()
    return result


def drop(*names):
    with connect() as conn:
        for name in names:
            conn.execute(psycopg.sql.SQL('DROP DATABASE IF EXISTS {} WITH (FORCE)').format(
                psycopg.sql.Identifier(name)))


def err_lines(done):
    return done.stderr.decode().strip().splitlines()


@pytest.fixture(scope='session', autouse=True)
def cleanup():
    """Drop the tests' databases at the end (templates stay: they are the cache)."""
    yield
    drop(*[name for name in databases() if name.startswith(PREFIX)])


@pytest.fixture(scope='session')
def installed():
    """The tryton service's development packages, as deploy-tryton installs them."""
    done = ado_do('pip-install', 'tryton')
    assert done.returncode == 0, done.stderr.decode()
    return True


@pytest.fixture(scope='session')
def demo_db(installed):
    """adotest_demo, made by db-demo-setup (the template is built if missing)."""
    done = ado_do('db-demo-setup', 'adotest_demo')
    assert done.returncode == 0, done.stderr.decode()
    return 'adotest_demo'
