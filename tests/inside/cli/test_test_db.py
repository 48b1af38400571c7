"""create-test-db and run-tests: the portal's tests on a fresh test database."""
import pytest

from conftest import STORE, ado_do, databases, err_lines, query

TEST_FILE = '''
import os
import psycopg


def test_database_is_there():
    assert os.environ['DB_NAME'] == 'adotest_tests'
    with psycopg.connect(os.environ['TRYTOND_DATABASE__URI'], dbname='adotest_tests') as conn:
        assert conn.execute("SELECT count(*) FROM ir_module WHERE state = 'activated' "
                            "AND name = 'collecting_society'").fetchone() == (1,)


def test_selected_by_k():
    pass


def test_failing_unless_deselected():
    assert False
'''


def test_create_test_db_postgres(installed):
    done = ado_do('create-test-db', '--dbname', 'adotest_testdb')
    assert done.returncode == 0, err_lines(done)
    assert query('adotest_testdb', "SELECT state FROM ir_module "
                 "WHERE name = 'collecting_society'") == [('activated',)]
    # the test database has no demo data
    assert query('adotest_testdb', 'SELECT count(*) FROM web_user') == [(0,)]
    again = ado_do('create-test-db', '--dbname', 'adotest_testdb')
    assert err_lines(again)[-1] == 'database adotest_testdb exists, skipped'


def test_create_test_db_sqlite(installed):
    import sqlite3
    done = ado_do('create-test-db', '--dbtype', 'sqlite', '--dbname', 'adotest_sqlite')
    assert done.returncode == 0, err_lines(done)
    path = STORE / 'adotest_sqlite.sqlite'
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT state FROM ir_module WHERE name = 'collecting_society'"
                            ).fetchall() == [('activated',)]
    assert 'adotest_sqlite' not in databases()


@pytest.fixture
def tests_dir(tmp_path):
    (tmp_path / 'test_portal_like.py').write_text(TEST_FILE)
    return tmp_path


def test_run_tests_passes_args_to_pytest(installed, tests_dir):
    done = ado_do('run-tests', '--dbname', 'adotest_tests', '--path', str(tests_dir),
                  '-k', 'not failing', '-p', 'no:cacheprovider')
    out = done.stdout.decode()
    assert done.returncode == 0, out + done.stderr.decode()
    assert '2 passed, 1 deselected' in out


def test_run_tests_exit_code_is_pytests(installed, tests_dir):
    done = ado_do('run-tests', '--no-reset', '--dbname', 'adotest_tests',
                  '--path', str(tests_dir), '-p', 'no:cacheprovider')
    assert done.returncode == 1
    assert '1 failed, 2 passed' in done.stdout.decode()


def test_run_tests_missing_path():
    done = ado_do('run-tests', '--path', '/nowhere/tests')
    assert done.returncode == 1
    assert err_lines(done) == ['Error: no tests at /nowhere/tests']
