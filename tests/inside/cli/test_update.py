"""update: trytond-admin on the activated modules or the listed ones."""
from conftest import ado_do, connect, err_lines, query


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
    assert lines[-1] == 'database adotest_update updated'
    assert query('adotest_update', "SELECT state FROM ir_module "
                 "WHERE name = 'collecting_society'") == [('activated',)]
    assert query('adotest_update', 'SELECT count(*) FROM web_user') == [(3,)]


def test_update_refuses_a_database_that_is_not_trytons():
    ado_do('db-create', 'adotest_not_tryton')
    done = ado_do('update', 'adotest_not_tryton')
    assert done.returncode == 1
    assert err_lines(done) == ["Error: database 'adotest_not_tryton' is not a Tryton database"]
    assert query('adotest_not_tryton', "SELECT to_regclass('public.ir_module')") == [(None,)]
