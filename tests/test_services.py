"""The Tryton services beside the servers (issue 11): the one-shot migrate,
trytond-cron running the scheduled actions, trytond-worker running the
queued tasks, and one cache for every process (LISTEN/NOTIFY), also with
replicas. Admin work goes through the Tryton port (proteus), web users' work
through the proxy, as users do."""
import hashlib
import time
import uuid
import xmlrpc.client

import pytest
import requests
import yaml
from proteus import Model, config as proteus_config

from conftest import (DATABASE, PORTAL, TRYTON_PORT, admin_password, portal_login,
                      replayed_after_logout, run_in, up)
from ado_host.compose import compose
from ado_host.stack import containers, health, wait_healthy

pytestmark = pytest.mark.usefixtures('stack')

API = {'Host': 'api.localhost'}
ALICE = ('alice@example.org', 'demo-password')
# how long a test waits for every process to see a change: without
# LISTEN/NOTIFY a process sees it after up to [cache] clean_timeout (300 s by
# default), with it at once; how fast is a bench figure (bench/), not an assert
SEEN_WITHIN = 60


def admin():
    url = f'http://admin:{admin_password()}@localhost:{TRYTON_PORT}/{DATABASE}/rpc/'
    return proteus_config.set_xmlrpc(url)


def psql(statement):
    """A statement through README's `ado-do db-psql`, for what no client shows
    or changes: the queue and the tokens (the back office's admin may read
    neither) and a token's expiry; its value as text."""
    done = run_in('tryton', 'ado-do', 'db-psql', DATABASE, '-XAt', '-v', 'ON_ERROR_STOP=1',
                  '-c', statement, check=True, capture_output=True, text=True)
    return done.stdout.strip()


def wait_for(what, check, timeout):
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, f'{what} not within {timeout} s'
        time.sleep(0.1)


def token(email, password):
    reply = requests.post(PORTAL + '/v1/token', headers=API, auth=(email, password),
                          timeout=60)
    assert reply.status_code == 201, reply.text
    return reply.json()['token']


def token_rows(key):
    """How many API tokens with this key the database holds (it keeps only
    the key's SHA-256)."""
    digest = hashlib.sha256(key.encode()).hexdigest()
    return int(psql(f"SELECT count(*) FROM \"web_user_api_token\" WHERE key_hash = '{digest}'"))


def bearer(key):
    return {**API, 'Authorization': f'Bearer {key}'}


def test_migrate_exits_0_and_every_trytond_process_waits_for_it():
    migrate, = containers(service='migrate', all=True)
    assert migrate.status == 'exited'
    assert migrate.attrs['State']['ExitCode'] == 0
    services = yaml.safe_load(compose('config', capture_output=True, text=True).stdout)[
        'services']
    for service in ('tryton', 'portal', 'api', 'cron', 'worker'):
        assert services[service]['depends_on']['migrate'] == {
            'condition': 'service_completed_successfully', 'required': True}, service


def test_cron_and_worker_are_healthy_and_cron_has_one_instance():
    wait_healthy(services=['cron', 'worker'], timeout=120)
    assert len(containers(service='cron')) == 1
    for service in ('cron', 'worker'):
        assert [health(c) for c in containers(service=service)] == ['healthy']


def new_web_user(email, password):
    admin()
    WebUser = Model.get('web.user')
    user = WebUser(email=email, password=password, email_valid=True)
    user.save()
    return user


def test_the_scheduled_action_removes_expired_sessions(unique):
    password = f'Long enough {uuid.uuid4().hex}'
    user = new_web_user(f'expiring-{unique}@example.org', password)
    key = token(user.email, password)
    # expired yesterday
    digest = hashlib.sha256(key.encode()).hexdigest()
    psql("UPDATE \"web_user_api_token\" SET expires = now() - interval '1 day' "
         f"WHERE key_hash = '{digest}'")
    assert token_rows(key) == 1
    admin()
    Cron = Model.get('ir.cron')
    cron, = Cron.find([('method', '=', 'web.user|remove_expired')])
    runs = len(cron.logs)
    # due now: the cron service runs due actions every minute
    cron.next_call = None
    cron.save()
    wait_for('the cron service running the action', lambda: token_rows(key) == 0,
             timeout=120)
    cron.reload()
    assert len(cron.logs) > runs
    reply = requests.get(PORTAL + '/v1/creations', headers=bearer(key), timeout=30)
    assert reply.status_code == 401


def queued_end_sessions(user_id):
    """The unfinished queued tasks ending the web user's sessions."""
    return int(psql("SELECT count(*) FROM ir_queue WHERE finished_at IS NULL "
                    "AND data->>'method' = 'end_sessions' "
                    f"AND data->>'instances' LIKE '%{user_id}%'"))


def test_deactivating_a_web_user_ends_its_sessions_by_the_worker(unique):
    password = f'Long enough {uuid.uuid4().hex}'
    user = new_web_user(f'leaving-{unique}@example.org', password)
    key = token(user.email, password)
    assert requests.get(PORTAL + '/v1/creations', headers=bearer(key),
                        timeout=30).status_code == 200
    compose('stop', 'worker')
    try:
        user.active = False
        user.save()
        # the admin's save enqueued the task; without a worker nobody runs it
        wait_for('the task in the queue', lambda: queued_end_sessions(user.id) == 1,
                 timeout=SEEN_WITHIN)
        assert token_rows(key) == 1
        # the token is still there, but its web user is not active: refused
        # already (it once worked until the worker ran the task)
        assert requests.get(PORTAL + '/v1/creations', headers=bearer(key),
                            timeout=30).status_code == 401
    finally:
        compose('start', 'worker')
    wait_for('the worker ending the sessions and tokens', lambda: token_rows(key) == 0,
             timeout=120)
    assert queued_end_sessions(user.id) == 0
    assert requests.get(PORTAL + '/v1/creations', headers=bearer(key),
                        timeout=30).status_code == 401
    wait_healthy(services=['worker'], timeout=120)



def retried_on_503(call, tries=20):
    """trytond answers 503 (retry) to a call that meets a pooled connection
    that a db-copy ended, and rolls the call back; the Tryton client tries
    again, so does this."""
    for attempt in range(tries):
        try:
            return call()
        except xmlrpc.client.ProtocolError as error:
            if error.errcode != 503 or attempt == tries - 1:
                raise
            time.sleep(0.5)


def test_the_worker_comes_back_after_a_copy_ends_its_session(unique):
    # `ado-do db-copy` (README.rst) ends every session on its source, the
    # worker's queue connection too; trytond's worker alone retried on the
    # dead connection for ever, turned unhealthy and ran no task again
    password = f'Long enough {uuid.uuid4().hex}'
    user = new_web_user(f'after-copy-{unique}@example.org', password)
    key = token(user.email, password)
    run_in('tryton', 'ado-do', 'db-copy', DATABASE, f'copy_{unique}', check=True)
    try:
        time.sleep(1)
        wait_healthy(services=['worker'], timeout=120)
        user.active = False
        retried_on_503(user.save)
        wait_for('the worker ending the sessions', lambda: token_rows(key) == 0,
                 timeout=120)
    finally:
        run_in('tryton', 'ado-do', 'db-delete', f'copy_{unique}', check=True)


def portal_write_access(allowed):
    """The portal group's write access on creations, as the admin sets it in
    the Tryton client."""
    admin()
    Access = Model.get('ir.model.access')
    access, = Access.find([('model', '=', 'creation'), ('group.name', '=', 'Collecting Society Portal')])
    access.perm_write = allowed
    access.save()


def patch_status(key, creation, notes):
    reply = requests.patch(f'{PORTAL}/v1/creations/{creation}', headers=bearer(key),
                           json={'notes': notes}, timeout=30)
    return reply.status_code


def api_follows_the_access_right(key, creation):
    """Refused after the admin revokes the right, accepted after the admin
    restores it; every api replica asked."""
    replicas = len(containers(service='api'))
    try:
        portal_write_access(False)
        # as many answers as replicas in a row, so the proxy asked each
        wait_for('the api refusing', lambda: all(
            patch_status(key, creation, 'refused?') == 403 for _ in range(2 * replicas)),
            timeout=SEEN_WITHIN)
    finally:
        portal_write_access(True)
    wait_for('the api accepting', lambda: all(
        patch_status(key, creation, 'accepted') == 200 for _ in range(2 * replicas)),
        timeout=SEEN_WITHIN)


def alice_creation(key):
    reply = requests.get(PORTAL + '/v1/creations', headers=bearer(key), timeout=30)
    assert reply.status_code == 200
    return reply.json()['items'][0]['uuid']


def alice_browser():
    browser = requests.Session()
    assert portal_login(*ALICE, session=browser).status_code == 302
    return browser


def listed_in_both(browser, key, title):
    """Whether the portal's list page and the API's list both show title."""
    page = browser.get(PORTAL + '/creations', allow_redirects=False, timeout=30)
    items = requests.get(PORTAL + '/v1/creations?limit=100', headers=bearer(key),
                         timeout=30).json()['items']
    return title in page.text and title in {item['title'] for item in items}


def lists_follow_a_rename(browser, key, creation, unique):
    """The lists (cached per process) show a title the admin changes in the
    Tryton client, on every replica."""
    replicas = max(len(containers(service=s)) for s in ('portal', 'api'))
    admin()
    Creation = Model.get('creation')
    record, = Creation.find([('uuid', '=', creation)])
    old, new = record.title, f'Renamed {unique}'
    assert listed_in_both(browser, key, old)
    record.title = new
    record.save()
    try:
        wait_for('both lists showing the new title', lambda: all(
            listed_in_both(browser, key, new) for _ in range(2 * replicas)),
            timeout=SEEN_WITHIN)
    finally:
        record.title = old
        record.save()


def test_every_process_sees_a_renamed_creation_in_the_lists_at_once(unique):
    key = token(*ALICE)
    lists_follow_a_rename(alice_browser(), key, alice_creation(key), unique)


def test_every_process_sees_a_changed_access_right_at_once():
    key = token(*ALICE)
    creation = alice_creation(key)
    assert patch_status(key, creation, 'before') == 200
    api_follows_the_access_right(key, creation)


def test_every_replica_sees_a_changed_access_right_at_once(unique):
    up('--scale', 'tryton=3', '--scale', 'api=2', '--scale', 'portal=2')
    try:
        key = token(*ALICE)
        creation = alice_creation(key)
        # warm every api replica's caches first: they must be invalidated
        for _ in range(6):
            assert patch_status(key, creation, 'before') == 200
        # the admin's change lands on any of the three tryton replicas
        for _ in range(3):
            api_follows_the_access_right(key, creation)
        browser = alice_browser()
        lists_follow_a_rename(browser, key, creation, unique)
        # a logout on one portal replica ends the key on the other too
        assert set(replayed_after_logout(browser)) == {302}
    finally:
        up('--scale', 'tryton=1', '--scale', 'api=1', '--scale', 'portal=1')
