"""update: trytond-admin on the modules whose code changed, the listed ones or all."""
import json
import shutil
import subprocess
import sys

import pytest

from conftest import ADO, WORK, ado_do, connect, err_lines, query
from test_deploy import TRYTON_URL, answer, as_root, start, stop  # noqa: F401 (fixture)


def test_update_listed_modules(demo_db):
    ado_do('db-copy', demo_db, 'adotest_update')
    # a state only trytond-admin's update of this module clears
    with connect('adotest_update') as conn:
        conn.execute("UPDATE ir_module SET state = 'to upgrade' "
                     "WHERE name = 'collecting_society'")
    done = ado_do('update', '-m', 'collecting_society', 'adotest_update')
    assert done.returncode == 0, err_lines(done)
    lines = err_lines(done)
    assert any(line.startswith('running trytond-admin') and '-u collecting_society' in line
               for line in lines), lines
    assert lines[-1] == 'database adotest_update updated: collecting_society'
    assert query('adotest_update', "SELECT state FROM ir_module "
                 "WHERE name = 'collecting_society'") == [('activated',)]
    assert query('adotest_update', 'SELECT count(*) FROM web_user') == [(6,)]


def test_update_refuses_a_database_that_is_not_trytons():
    ado_do('db-create', 'adotest_not_tryton')
    done = ado_do('update', 'adotest_not_tryton')
    assert done.returncode == 1
    assert err_lines(done) == ["Error: database 'adotest_not_tryton' is not a Tryton database"]
    assert query('adotest_not_tryton', "SELECT to_regclass('public.ir_module')") == [(None,)]


def updating(done):
    """The modules the run said it updated, with the reason it gave."""
    prefix = 'updating '
    return [line.split(prefix, 1)[1] for line in err_lines(done)
            if line.startswith('database ') and prefix in line]


def columns(dbname, table):
    return {name for name, in query(dbname, 'SELECT column_name FROM information_schema.columns '
                                            'WHERE table_name = %s', (table,))}


def pip_install_editable(path):
    subprocess.run([sys.executable, '-m', 'pip', 'install', '--quiet', '--no-deps',
                    '--no-index', '--no-build-isolation', '--use-pep517',
                    '--disable-pip-version-check', '-e', str(path)], check=True)


@pytest.fixture
def module_copy(installed):
    """An editable copy of collecting_society installed in this container in
    place of /ado/src's, so the test edits the copy, never the checkout."""
    copy = WORK / 'collecting_society'
    shutil.rmtree(copy, ignore_errors=True)  # a copy an earlier test edited
    shutil.copytree(ADO / 'src' / 'collecting_society', copy, ignore=shutil.ignore_patterns(
        '*.egg-info', '__pycache__', 'build'))
    pip_install_editable(copy)
    yield copy
    pip_install_editable(ADO / 'src' / 'collecting_society')


def add_field(copy, name):
    """A new column on artist, as a developer adds a field to the model."""
    source = copy / 'artist.py'
    text = source.read_text()
    anchor = '    creations = fields.One2Many('
    source.write_text(text.replace(anchor, f'    {name} = fields.Char("{name}")\n{anchor}', 1))


def test_only_the_changed_module_is_updated(demo_db, module_copy):
    db = 'adotest_changed'
    assert ado_do('db-copy', demo_db, db).returncode == 0
    unchanged = ado_do('update', db)
    assert unchanged.returncode == 0, err_lines(unchanged)
    assert updating(unchanged) == [], err_lines(unchanged)
    assert 'nothing to update' in err_lines(unchanged)[-1]

    add_field(module_copy, 'probe')
    done = ado_do('update', db)
    assert done.returncode == 0, err_lines(done)
    assert updating(done) == ['collecting_society (sources changed)'], err_lines(done)
    assert 'probe' in columns(db, 'artist')
    assert updating(ado_do('update', db)) == []

    everything = ado_do('update', '--all', db)
    assert everything.returncode == 0, err_lines(everything)
    activated = query(db, "SELECT count(*) FROM ir_module WHERE state = 'activated'")[0][0]
    assert len(updating(everything)) == activated > 1


def test_a_server_start_updates_the_changed_module(demo_db, module_copy, as_root):
    """What `docker compose restart tryton` does: deploy-tryton updates the
    changed module before the server answers."""
    db = 'adotest_restart'
    assert ado_do('db-copy', demo_db, db).returncode == 0
    add_field(module_copy, 'restart_probe')
    process = start('deploy-tryton', db)
    try:
        call = json.dumps({'id': 1, 'method': 'common.db.list', 'params': []}).encode()
        answer(TRYTON_URL, call, process=process)
    finally:
        stop(process)
    log = process.log.read_text()
    assert f'database {db}: updating collecting_society (sources changed)' in log, log
    assert log.count(f'database {db}: updating ') == 1, log
    assert 'restart_probe' in columns(db, 'artist')
