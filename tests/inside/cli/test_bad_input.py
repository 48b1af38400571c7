"""Bad input: one clear line on stderr, a non-zero exit, nothing changed."""
import pytest

from conftest import ado_do, databases, err_lines

BAD_NAMES = ['x; drop database c3s', '', 'a"b', '1abc', 'x' * 64, '../etc']

# every command that takes a database name, with the name in its place
NAME_COMMANDS = [
    ['db-create', '{}'], ['db-delete', '--yes', '{}'], ['db-copy', '{}', 'adotest_dst'],
    ['db-copy', 'postgres', '{}'], ['db-psql', '{}'], ['db-backup', '{}'],
    ['db-restore', '{}', '/dev/null'], ['update', '{}'], ['db-demo-setup', '{}'],
    ['create-test-db', '--dbname', '{}'], ['deploy-tryton', '{}'],
]


def one_error(done):
    lines = err_lines(done)
    assert done.returncode != 0, lines
    assert len(lines) == 1, lines
    assert lines[0].startswith('Error: '), lines
    assert done.stdout == b''
    return lines[0]


@pytest.mark.parametrize('name', BAD_NAMES)
@pytest.mark.parametrize('command', NAME_COMMANDS, ids=lambda c: c[0])
def test_bad_database_name(command, name):
    before = databases()
    line = one_error(ado_do(*[name if arg == '{}' else arg for arg in command]))
    assert 'database name' in line
    assert databases() == before


MISSING = 'adotest_missing'


@pytest.mark.parametrize('command', [
    ['db-delete', '--yes', MISSING], ['db-copy', MISSING, 'adotest_dst'],
    ['db-psql', MISSING], ['db-backup', MISSING], ['update', MISSING],
], ids=lambda c: c[0])
def test_missing_database(command):
    before = databases()
    line = one_error(ado_do(*command))
    assert f"'{MISSING}' does not exist" in line
    assert databases() == before


def test_unknown_module_changes_nothing(demo_db):
    from conftest import query
    before = query(demo_db, 'SELECT name, state, write_date FROM ir_module ORDER BY name')
    line = one_error(ado_do('update', '-m', 'party,no_such_module', demo_db))
    assert 'no_such_module' in line
    assert query(demo_db, 'SELECT name, state, write_date FROM ir_module ORDER BY name') == before


def test_unknown_service():
    line = one_error(ado_do('pip-install', 'nosuchservice'))
    assert "unknown service 'nosuchservice'" in line
    assert 'tryton' in line and 'portal' in line


@pytest.mark.parametrize('command', [['db-list'], ['db-create', 'adotest_x'],
                                     ['db-demo-setup', 'adotest_x'], ['db-backup', 'c3s']],
                         ids=lambda c: c[0])
def test_unreachable_server(command):
    env = {'TRYTOND_DATABASE__URI': 'postgresql://postgres:postgres@127.0.0.1:1/'}
    line = one_error(ado_do(*command, '--timeout', '1', env=env))
    assert 'did not answer within 1 s' in line and '127.0.0.1:1' in line


def test_waiting_says_what_for():
    """A longer wait says once what it waits for, then fails at the timeout."""
    env = {'TRYTOND_DATABASE__URI': 'postgresql://postgres:postgres@127.0.0.1:1/'}
    done = ado_do('db-list', '--timeout', '3', env=env)
    lines = err_lines(done)
    assert done.returncode == 1
    assert lines[0] == 'waiting for PostgreSQL at 127.0.0.1:1 (up to 3 s)...'
    assert lines[-1].startswith('Error: PostgreSQL at 127.0.0.1:1 did not answer within 3 s')


def test_wrong_password_fails_at_once():
    uri = __import__('conftest').URI
    from urllib.parse import urlsplit
    parts = urlsplit(uri)
    bad = f'postgresql://{parts.username}:wrong-password@{parts.hostname}:{parts.port or 5432}/'
    done = ado_do('db-list', '--timeout', '20', env={'TRYTOND_DATABASE__URI': bad})
    # at once: one line, no "waiting for PostgreSQL" (the retry loop is for a
    # server that is not up yet, not for wrong credentials)
    line = one_error(done)
    assert 'cannot connect' in line and 'password' in line


def test_production_delete_asks(demo_db):
    from conftest import connect
    with connect() as conn:
        conn.execute('CREATE DATABASE adotest_keep')
    done = ado_do('db-delete', 'adotest_keep', env={'ENVIRONMENT': 'production'}, input=b'n\n')
    assert done.returncode != 0
    assert 'adotest_keep' in databases()
    done = ado_do('db-delete', 'adotest_keep', env={'ENVIRONMENT': 'production'}, input=b'y\n')
    assert done.returncode == 0, err_lines(done)
    assert 'adotest_keep' not in databases()


def test_unknown_environment():
    line = one_error(ado_do('db-delete', 'adotest_missing', env={'ENVIRONMENT': 'staging'}))
    assert 'ENVIRONMENT' in line
