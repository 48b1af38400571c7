"""Backups against the real stack: WAL archiving and point in time with
pgBackRest, the scheduled and verified logical backups, --neutralize, and a
second stack restored from the repository alone (README.rst, "Backups")."""
import datetime
import io
import json
import os
import subprocess
import tarfile
import time
import uuid

import pytest
from proteus import Model, config as proteus_config

from ado_host.compose import compose, compose_command, project_name
from ado_host.paths import CHECKOUT
from conftest import DATABASE, TRYTON_PORT, admin_password

DB_IMAGE = f'{os.environ.get("ADO_IMAGE_PREFIX", "ado")}-db'


def ado_do(*args, env=(), check=True):
    """docker compose run --rm backup ado-do ARGS, as README.rst shows it."""
    extra = [part for name, value in env for part in ('-e', f'{name}={value}')]
    return compose('run', '--rm', '-T', *extra, 'backup', 'ado-do', *args,
                   check=check, capture_output=True, text=True)


def sql(database, statement, project_env=None):
    """One statement through psql in the running db container; its rows as text."""
    done = subprocess.run([*compose_command(), 'exec', '-T', 'db', 'psql', '-U', 'postgres',
                           '-XAt', '-v', 'ON_ERROR_STOP=1', '-d', database, '-c', statement],
                          cwd=CHECKOUT, env=project_env, capture_output=True, text=True,
                          check=True)
    return done.stdout.strip()


def listing(env=()):
    return json.loads(ado_do('backups', '--json', env=env).stdout)


ROW_COUNTS = ("SELECT table_name || '=' || (xpath('/row/c/text()', query_to_xml(format("
              "'SELECT count(*) AS c FROM public.%I', table_name), false, true, '')))[1]::text "
              "FROM information_schema.tables WHERE table_schema = 'public' "
              "AND table_type = 'BASE TABLE' ORDER BY 1")


@pytest.fixture(scope='module')
def based(stack):
    """The stack with a base backup: the backup service makes one at its first start."""
    deadline = time.monotonic() + 900
    while not listing()['base_backups']:
        assert time.monotonic() < deadline, 'the backup service made no base backup'
        time.sleep(5)


@pytest.fixture
def made():
    """Databases a test makes, deleted afterwards (README's db-delete)."""
    names = []
    yield names
    for name in names:
        # check=False: a test that failed early made none
        compose('run', '--rm', '-T', 'tryton', 'ado-do', 'db-delete', '--yes', name,
                capture_output=True, check=False)


def admin():
    """The admin in c3s through the Tryton port, as the Tryton client."""
    url = f'http://admin:{admin_password()}@localhost:{TRYTON_PORT}/{DATABASE}/rpc/'
    return proteus_config.set_xmlrpc(url)


def psql_value(database, statement):
    """One value, through README's `ado-do db-psql` (trytond serves only c3s)."""
    done = compose('run', '--rm', '-T', 'tryton', 'ado-do', 'db-psql', database, '-XAt',
                   '-v', 'ON_ERROR_STOP=1', '-c', statement, capture_output=True, text=True,
                   check=True)
    return done.stdout.strip()


def files_in_store(database):
    """The contents of the files in a database's file store, as README's
    `db-backup --with-files` archives them."""
    done = subprocess.run([*compose_command(), 'run', '--rm', '-T', 'tryton', 'ado-do',
                           'db-backup', '--with-files', database], cwd=CHECKOUT,
                          capture_output=True, check=True)
    with tarfile.open(fileobj=io.BytesIO(done.stdout)) as archive:
        return {archive.extractfile(member).read() for member in archive
                if member.isfile() and member.name.startswith('filestore/')}


@pytest.fixture
def backup_dir():
    """A directory of logical backups of this test's own, removed afterwards."""
    directory = f'/backups/test-{uuid.uuid4().hex[:8]}'
    yield directory
    compose('run', '--rm', '-T', '--entrypoint', 'rm', 'backup', '-rf', directory,
            capture_output=True)


def server_now():
    """The database server's clock (UTC), which --at times are compared with."""
    text = sql('c3s', "SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', "
                      "'YYYY-MM-DD\"T\"HH24:MI:SS.US')")
    return datetime.datetime.fromisoformat(text + '+00:00')


def test_wal_is_archived(based):
    archiving = listing()['archiving']
    assert archiving['archived_count'] > 0
    assert archiving['failed_count'] == 0


def test_point_in_time_restore_has_a_record_deleted_since(based, made, unique, backup_dir):
    """A party with an attachment, made and deleted in the Tryton client:
    restored as of a moment between, with the attachment's file from the
    logical backup made before."""
    admin()
    Party, Attachment = Model.get('party.party'), Model.get('ir.attachment')
    name, data = f'Backup probe {unique}', f'attachment of {unique}'.encode()
    party = Party(name=name)
    party.save()
    Attachment(name='probe.txt', type='data', data=data, resource=party).save()
    env = [('ADO_BACKUP_DIR', backup_dir), ('ADO_BACKUP_DATABASES', DATABASE)]
    ado_do('deploy-backup', '--once', env=env)
    t1 = server_now()
    time.sleep(2)
    Attachment.delete(Attachment.find([('resource', '=', f'party.party,{party.id}')]))
    Party.delete(Party.find([('name', '=', name)]))
    at = (t1 + datetime.timedelta(seconds=1)).strftime('%Y-%m-%d %H:%M:%S+00:00')
    copy = f'c3s_at_{unique}'
    made.append(copy)
    done = ado_do('db-restore', '--at', at, 'c3s', copy, env=env)
    assert f'database {copy} restored' in done.stderr
    assert psql_value(copy, f"SELECT count(*) FROM party_party WHERE name = '{name}'") == '1'
    assert data in files_in_store(copy)
    assert not Party.find([('name', '=', name)])


@pytest.mark.parametrize('at', ['2001-01-01 00:00:00+00:00', '2999-01-01T00:00:00'])
def test_point_in_time_outside_the_range_is_refused_naming_it(based, at):
    done = ado_do('db-restore', '--at', at, 'c3s', 'c3s_never', check=False)
    assert done.returncode != 0
    assert 'the repository can restore any moment from' in done.stderr
    assert sql('postgres', "SELECT count(*) FROM pg_database WHERE datname = 'c3s_never'") == '0'


def test_point_in_time_refuses_a_time_that_is_not_iso_8601(based):
    done = ado_do('db-restore', '--at', 'yesterday', 'c3s', 'c3s_never', check=False)
    assert done.returncode != 0 and 'ISO 8601' in done.stderr


@pytest.fixture(scope='module')
def scheduled(based):
    """A second backup service on a schedule of seconds, keeping the 2 newest,
    into its own directory; stopped once 3 rounds were verified."""
    directory = f'test-{uuid.uuid4().hex[:8]}'
    env = [('ADO_BACKUP_SCHEDULE', '3s'), ('ADO_BACKUP_KEEP', 'last:2'),
           ('ADO_BACKUP_DIR', f'/backups/{directory}'), ('ADO_BACKUP_DATABASES', 'c3s')]
    name = f'{project_name()}-backup-test-{directory}'
    compose('run', '-d', '--name', name, *[p for n, v in env for p in ('-e', f'{n}={v}')],
            'backup', capture_output=True)
    try:
        seen = set()
        deadline = time.monotonic() + 900
        while len(seen) < 3:
            assert time.monotonic() < deadline, f'only {len(seen)} scheduled rounds'
            time.sleep(5)
            seen |= {b['file'] for b in listing(env)['backups'] if b['checked']}
        subprocess.run(['docker', 'rm', '-f', name], capture_output=True)
        yield env, seen
    finally:
        subprocess.run(['docker', 'rm', '-f', name], capture_output=True)
        compose('run', '--rm', '-T', '--entrypoint', 'rm', 'backup', '-rf',
                f'/backups/{directory}', capture_output=True)


def test_scheduled_backups_are_verified_and_old_generations_pruned(scheduled):
    env, seen = scheduled
    backups = listing(env)['backups']
    verified = [b for b in backups if b['verified']]
    assert len(seen) >= 3 and 1 <= len(verified) <= 2, backups  # last:2
    # besides those, only the newest, when the service stopped while verifying it
    assert all(b['reason'] == 'not checked yet' for b in backups[:-len(verified)]), backups
    assert len(backups) - len(verified) <= 1
    assert {b['database'] for b in backups} == {'c3s'}


def test_a_corrupted_backup_is_reported_not_verified(scheduled):
    env, _ = scheduled
    newest = listing(env)['backups'][0]['file']
    broken = 'c3s/c3s-20010101T000000Z.tar'
    directory = dict(env)['ADO_BACKUP_DIR']
    # zeros over 64 KiB in the middle of a copy: what a failing disk does
    compose('run', '--rm', '-T', '--entrypoint', 'python3', 'backup', '-c',
            f'import shutil; shutil.copy("{directory}/{newest}", "{directory}/{broken}"); '
            f'f = open("{directory}/{broken}", "r+b"); f.seek(0, 2); n = f.tell(); '
            f'f.seek(n // 2); f.write(bytes(65536)); f.close()', capture_output=True)
    done = ado_do('backups', '--verify', broken, '--json', env=env)
    entry = next(b for b in json.loads(done.stdout)['backups'] if b['file'] == broken)
    assert entry['verified'] is False and entry['reason']
    table = ado_do('backups', env=env).stdout
    assert 'NOT verified' in table


def test_neutralize_leaves_no_cron_job_and_no_mail_address(scheduled, made, unique):
    env, _ = scheduled
    newest = next(b['file'] for b in listing(env)['backups'] if b['verified'])
    copy = f'c3s_safe_{unique}'
    made.append(copy)
    assert int(sql('c3s', 'SELECT count(*) FROM ir_cron WHERE active')) > 0
    ado_do('db-restore', '--neutralize', copy, f'{dict(env)["ADO_BACKUP_DIR"]}/{newest}')
    assert sql(copy, 'SELECT count(*) FROM ir_cron WHERE active') == '0'
    assert sql(copy, 'SELECT count(*) FROM ir_queue') == '0'
    assert sql(copy, "SELECT count(*) FROM party_contact_mechanism WHERE type = 'email' "
                     "AND value NOT LIKE '%@neutralized.invalid'") == '0'
    assert sql(copy, "SELECT count(*) FROM web_user WHERE email NOT LIKE "
                     "'%@neutralized.invalid'") == '0'
    assert sql('postgres', f"SELECT shobj_description(oid, 'pg_database') FROM pg_database "
                           f"WHERE datname = '{copy}'").startswith('neutralized copy')


def test_a_new_machine_restores_from_the_repository_alone(based, tmp_path):
    """A second stack with an empty data directory and a copy of the
    repository: the db makes its cluster from the repository."""
    counts = sql('c3s', ROW_COUNTS)
    # everything written so far into the repository, then the repository copied
    sql('c3s', 'SELECT pg_current_xact_id()')
    wal = sql('c3s', 'SELECT pg_walfile_name(pg_switch_wal())')
    deadline = time.monotonic() + 120
    while sql('c3s', 'SELECT last_archived_wal FROM pg_stat_archiver') < wal:
        assert time.monotonic() < deadline
        time.sleep(0.5)
    subprocess.run(['docker', 'run', '--rm', '-v', f'{CHECKOUT / "backups" / "pgbackrest"}:/src:ro',
                    '-v', f'{tmp_path}:/dst', '--entrypoint', 'cp', DB_IMAGE, '-a', '/src',
                    '/dst/repo'], check=True)
    (tmp_path / 'pgdata').mkdir()
    env = dict(os.environ, COMPOSE_PROJECT_NAME=f'{project_name()}restoretest',
               ADO_DB_DATA=str(tmp_path / 'pgdata'), ADO_BACKUP_REPO=str(tmp_path / 'repo'),
               ADO_DB_RESTORE='latest')
    try:
        subprocess.run([*compose_command(), 'up', '-d', 'db'], cwd=CHECKOUT, env=env,
                       check=True, capture_output=True)
        deadline = time.monotonic() + 600
        while True:
            try:
                if sql('postgres', 'SELECT pg_is_in_recovery()', env) == 'f':
                    break
            except subprocess.CalledProcessError:
                pass
            assert time.monotonic() < deadline, 'the restored cluster did not open'
            time.sleep(2)
        assert sql('c3s', ROW_COUNTS, env) == counts
    finally:
        subprocess.run([*compose_command(), 'down', '--timeout', '10'], cwd=CHECKOUT, env=env,
                       capture_output=True)
        subprocess.run(['docker', 'run', '--rm', '-v', f'{tmp_path}:/d', '--entrypoint', 'rm',
                        DB_IMAGE, '-rf', '/d/pgdata', '/d/repo'], capture_output=True)
