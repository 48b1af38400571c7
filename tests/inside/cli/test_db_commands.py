"""db-create, db-copy, db-delete, db-list, db-psql on a real server."""
import threading

import psycopg
import pytest

from conftest import STORE, ado_do, connect, databases, err_lines, query, table_digests


def test_db_create_is_utf8_and_idempotent():
    done = ado_do('db-create', 'adotest_create')
    assert done.returncode == 0, err_lines(done)
    assert err_lines(done) == ['database adotest_create created']
    encoding = query('postgres', 'SELECT pg_encoding_to_char(encoding) FROM pg_database '
                     'WHERE datname = %s', ('adotest_create',))
    assert encoding == [('UTF8',)]
    again = ado_do('db-create', 'adotest_create')
    assert again.returncode == 0
    assert err_lines(again) == ['database adotest_create exists, skipped']


def test_db_copy_copies_rows_and_files_ending_sessions(demo_db):
    (STORE / demo_db / 'ab').mkdir(parents=True, exist_ok=True)
    (STORE / demo_db / 'ab' / 'attachment').write_bytes(b'file content')
    # a session on the source, as a running trytond has: db-copy ends it
    session = connect(demo_db)
    done = ado_do('db-copy', demo_db, 'adotest_copy')
    assert done.returncode == 0, err_lines(done)
    assert table_digests('adotest_copy') == table_digests(demo_db)
    assert (STORE / 'adotest_copy' / 'ab' / 'attachment').read_bytes() == b'file content'
    with pytest.raises(psycopg.OperationalError):
        session.execute('SELECT 1')


def test_db_copy_refuses_an_existing_target(demo_db):
    ado_do('db-create', 'adotest_taken')
    before = databases()
    done = ado_do('db-copy', demo_db, 'adotest_taken')
    assert done.returncode == 1
    assert err_lines(done) == ["Error: database 'adotest_taken' exists already"]
    assert query('adotest_taken', "SELECT to_regclass('public.ir_module')") == [(None,)]
    assert databases() == before


def test_db_delete_ends_sessions_and_removes_files():
    ado_do('db-create', 'adotest_delete')
    (STORE / 'adotest_delete').mkdir(parents=True, exist_ok=True)
    (STORE / 'adotest_delete' / 'file').write_text('x')
    session = connect('adotest_delete')
    done = ado_do('db-delete', 'adotest_delete')
    assert done.returncode == 0, err_lines(done)
    assert 'adotest_delete' not in databases()
    assert not (STORE / 'adotest_delete').exists()
    session.close()


def test_db_list_marks_tryton_databases(demo_db):
    ado_do('db-create', 'adotest_plain')
    done = ado_do('db-list')
    assert done.returncode == 0, err_lines(done)
    rows = dict(line.split(None, 1) for line in done.stdout.decode().splitlines())
    assert rows[demo_db] == 'tryton'
    assert rows['adotest_plain'] == '-'
    assert any(kind == 'ado-do template' for kind in rows.values())


def test_db_psql_runs_psql_and_passes_its_exit_code(demo_db):
    done = ado_do('db-psql', demo_db, '-At', '-c', 'SELECT count(*) FROM web_user')
    assert done.returncode == 0, err_lines(done)
    assert int(done.stdout) >= 3
    failing = ado_do('db-psql', demo_db, '-v', 'ON_ERROR_STOP=1', '-c', 'SELECT nonsense')
    assert failing.returncode != 0


def test_concurrent_db_create_creates_once():
    results = []

    def run():
        results.append(ado_do('db-create', 'adotest_race'))
    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [done.returncode for done in results] == [0] * 4
    messages = sorted(err_lines(done)[-1] for done in results)
    assert messages.count('database adotest_race created') == 1
    assert messages.count('database adotest_race exists, skipped') == 3
