"""db-demo-setup: demo data, the template cache, concurrency, killed halfway."""
import datetime
import hashlib
import json
import os
import signal
import time

import psycopg

from conftest import ado_do, connect, databases, err_lines, query, start, table_digests

# three artists' and three licensees' web users (scenario_master_data.txt)
DEMO_USERS = [('alice@example.org',), ('bob@example.org',), ('carol@example.org',),
              ('club@example.org',), ('radio@example.org',), ('stream@example.org',)]


def scratch(target):
    return 'ado_build_' + hashlib.sha256(target.encode()).hexdigest()[:16]


def test_demo_data(demo_db):
    assert query(demo_db, 'SELECT email FROM web_user ORDER BY email') == DEMO_USERS
    assert query(demo_db, "SELECT state FROM ir_module WHERE name = 'collecting_society'") \
        == [('activated',)]


def test_second_setup_is_a_copy_of_the_template(demo_db):
    done = ado_do('db-demo-setup', 'adotest_second')
    assert done.returncode == 0, err_lines(done)
    lines = err_lines(done)
    assert any(line.startswith('using the cached template ado_tpl_') for line in lines), lines
    assert not any('trytond-admin' in line for line in lines)
    assert table_digests('adotest_second') == table_digests(demo_db)


def test_existing_database_is_left_alone(demo_db):
    oid = query('postgres', 'SELECT oid FROM pg_database WHERE datname = %s', (demo_db,))
    done = ado_do('db-demo-setup', demo_db)
    assert done.returncode == 0
    assert err_lines(done) == [f'database {demo_db} exists, skipped']
    assert query('postgres', 'SELECT oid FROM pg_database WHERE datname = %s', (demo_db,)) == oid


def run_together(args_list):
    processes = [start(*args) for args in args_list]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=900)
        results.append((process.returncode, err.decode()))
    return results


def test_concurrent_setups_from_the_template(demo_db):
    """Replicas starting together: one creates each database, the others find it."""
    targets = ['adotest_conc_a'] * 4 + ['adotest_conc_b'] * 2
    results = run_together([['db-demo-setup', target] for target in targets])
    assert [code for code, _ in results] == [0] * 6, results
    for target, count in (('adotest_conc_a', 4), ('adotest_conc_b', 2)):
        errs = [err for (_, err), name in zip(results, targets) if name == target]
        assert sum(f'database {target} created' in err for err in errs) == 1, errs
        assert sum(f'database {target} exists, skipped' in err for err in errs) == count - 1
        assert table_digests(target) == table_digests(demo_db)


def test_concurrent_setups_from_scratch(installed):
    """Four at once with --no-cache: the database is built exactly once."""
    results = run_together([['db-demo-setup', '--no-cache', 'adotest_scratch']] * 4)
    assert [code for code, _ in results] == [0] * 4, results
    errs = [err for _, err in results]
    assert sum('running trytond-admin' in err for err in errs) == 1, errs
    assert sum('database adotest_scratch created' in err for err in errs) == 1
    assert sum('database adotest_scratch exists, skipped' in err for err in errs) == 3
    assert query('adotest_scratch', 'SELECT email FROM web_user ORDER BY email') == DEMO_USERS
    assert scratch('adotest_scratch') not in databases()


def wait_for_tables(dbname, seconds=300):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            found = query(dbname, "SELECT to_regclass('public.ir_model') IS NOT NULL")[0][0]
        except psycopg.OperationalError:
            found = False
        if found:
            return
        time.sleep(0.5)
    raise AssertionError(f'{dbname} got no tables in {seconds} s')


def test_killed_halfway_leaves_nothing_that_looks_finished(installed):
    target = 'adotest_killed'
    process = start('db-demo-setup', '--no-cache', target)
    wait_for_tables(scratch(target))
    os.killpg(process.pid, signal.SIGKILL)  # as docker kill does to the container
    process.wait()
    assert target not in databases()
    done = ado_do('db-demo-setup', target)
    assert done.returncode == 0, err_lines(done)
    assert f'database {target} created' in err_lines(done)
    assert query(target, 'SELECT email FROM web_user ORDER BY email') == DEMO_USERS
    assert scratch(target) not in databases()


def test_cache_key_follows_scenario_and_modules(tmp_path, installed):
    from ado_do import demo, settings
    base = demo.cache_key(('collecting_society',), settings.SCENARIO)
    assert demo.cache_key(('collecting_society',), settings.SCENARIO) == base
    changed = tmp_path / 'scenario.txt'
    changed.write_bytes(settings.SCENARIO.read_bytes() + b'\n    >>> 1\n    1\n')
    assert demo.cache_key(('collecting_society',), changed) != base
    assert demo.cache_key(('collecting_society', 'party'), settings.SCENARIO) != base
    assert demo.cache_key(('collecting_society',), None) != base


def test_only_the_most_recently_used_templates_are_kept(demo_db):
    """Old templates go; a template in use (locked) is kept."""
    from ado_do import dbutils, demo
    fakes = [f'{demo.TEMPLATE_PREFIX}adotest{n:09d}' for n in range(demo.KEEP + 2)]
    with connect() as conn:
        for number, name in enumerate(fakes):
            conn.execute(psycopg.sql.SQL('CREATE DATABASE {}').format(psycopg.sql.Identifier(name)))
            used = datetime.datetime(2000, 1, number + 1, tzinfo=datetime.timezone.utc)
            note = json.dumps({'key': 'k', 'used': used.isoformat()})
            conn.execute(psycopg.sql.SQL('COMMENT ON DATABASE {} IS {}').format(
                psycopg.sql.Identifier(name), psycopg.sql.Literal(demo.COMMENT_PREFIX + note)))
    in_use = fakes[0]
    with dbutils.connect() as conn:
        most_recent = {name for name, _ in demo.templates(conn)[:demo.KEEP]}
    assert in_use not in most_recent and len(most_recent) == demo.KEEP
    with dbutils.connect() as holder, dbutils.advisory_lock(holder, f'template:{in_use}'):
        with dbutils.connect() as conn:
            demo.prune(conn)
        left = {name for name in databases() if name.startswith(demo.TEMPLATE_PREFIX)}
    try:
        # exactly the four most recently used stay, and the one in use
        assert left == most_recent | {in_use}
        assert any(name not in fakes for name in left), 'the real templates were dropped'
    finally:
        from conftest import drop
        drop(*fakes)


def test_demo_database_leaves_the_configuration_wizard_done(demo_db):
    """The admin's first login opens no "Module Configuration" wizard."""
    assert query(demo_db, 'SELECT count(*) FROM ir_module_config_wizard_item '
                          "WHERE state = 'open'") == [(0,)]
