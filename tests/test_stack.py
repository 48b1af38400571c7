"""The user's story against the real stack (issue 2): compose up, Tryton client
on :8000, portal and api through the proxy on :81, scaling, restarts."""
import collections
import threading
import time

import pytest
import requests
from proteus import Model, config as proteus_config

from conftest import (DATABASE, PORTAL, TRYTON, TRYTON_PORT, admin_password, jsonrpc, run_in,
                      session_header, up)
from ado_host.compose import compose
from ado_host.paths import CHECKOUT
from ado_host.stack import containers, wait_healthy

pytestmark = pytest.mark.usefixtures('stack')


def test_every_service_is_healthy():
    services = {c.labels['com.docker.compose.service'] for c in containers()}
    assert {'db', 'tryton', 'portal', 'api', 'proxy'} <= services
    wait_healthy(timeout=60)


def connect_proteus():
    """A real Tryton client library over the network, as admin."""
    url = f'http://admin:{admin_password()}@localhost:{TRYTON_PORT}/{DATABASE}/rpc/'
    return proteus_config.set_xmlrpc(url)


def test_proteus_logs_in_and_reads_demo_data():
    connect_proteus()
    Module = Model.get('ir.module')
    activated, = Module.find([('name', '=', 'collecting_society')])
    assert activated.state == 'activated'
    Company = Model.get('company.company')
    assert [c.rec_name for c in Company.find([])] == [
        'Cultural Commons Collecting Society SCE']
    assert Model.get('artist').find([])
    assert Model.get('creation').find([])


def login(password):
    """common.db.login as the Tryton client calls it."""
    return requests.post(f'{TRYTON}/{DATABASE}/rpc/', timeout=60, json={
        'id': 1, 'method': 'common.db.login',
        'params': ['admin', {'password': password}, 'en']})


def test_wrong_admin_password_is_refused():
    right = login(admin_password())
    assert right.status_code == 200 and right.json()['result'][1], right.text
    # refused by trytond itself (401), not a connection that failed
    assert login(f'wrong-{admin_password()}').status_code == 401


def test_portal_home_through_proxy():
    reply = requests.get(PORTAL + '/', timeout=30)
    assert reply.status_code == 200
    assert 'text/html' in reply.headers['Content-Type']


def test_api_through_proxy_by_host_name():
    reply = requests.get(PORTAL + '/v1/openapi.json', headers={'Host': 'api.localhost'},
                         timeout=30)
    assert reply.status_code == 200
    assert reply.json()['openapi'].startswith('3.')
    # the portal's host name does not serve the api's document
    assert requests.get(PORTAL + '/v1/openapi.json', timeout=30).status_code == 404


def test_ado_do_help_in_a_container():
    done = run_in('tryton', 'ado-do', '--help', capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    for command in ('deploy-tryton', 'db-demo-setup', 'db-backup', 'update'):
        assert command in done.stdout


def replica_addresses(service):
    addresses = set()
    for container in containers(service=service):
        for network in container.attrs['NetworkSettings']['Networks'].values():
            addresses.add(network['IPAddress'])
    return addresses


def ask(service):
    """One request to SERVICE through the proxy, as its users make it."""
    if service == 'tryton':
        return requests.post(f'{TRYTON}/rpc/', timeout=30, json={
            'id': 0, 'method': 'common.server.version', 'params': []})
    headers = {'Host': 'api.localhost'} if service == 'api' else {}
    path = '/v1/openapi.json' if service == 'api' else '/'
    return requests.get(PORTAL + path, headers=headers, timeout=30)


def upstreams(count, service='portal'):
    seen = collections.Counter()
    for _ in range(count):
        reply = ask(service)
        assert reply.status_code == 200
        seen[reply.headers['X-Upstream'].split(':')[0]] += 1
    return seen


@pytest.mark.parametrize('service', ['portal', 'api', 'tryton'])
def test_scaled_service_is_balanced_and_loses_no_request_when_a_replica_stops(service):
    up('--scale', f'{service}=3')
    expected = replica_addresses(service)
    assert len(expected) == 3
    # nginx re-resolves the service name, so new replicas are used without a restart
    deadline = time.monotonic() + 30
    while set(upstreams(30, service)) != expected:
        assert time.monotonic() < deadline, 'the proxy did not reach all three replicas'

    failures, answered, stop = [], [], threading.Event()

    def stream():
        while not stop.is_set():
            try:
                reply = ask(service)
                (answered if reply.status_code == 200 else failures).append(reply.status_code)
            except requests.RequestException as error:
                failures.append(repr(error))

    streams = [threading.Thread(target=stream) for _ in range(4)]
    for thread in streams:
        thread.start()
    time.sleep(2)
    containers(service=service)[-1].stop(timeout=10)
    time.sleep(5)
    stop.set()
    for thread in streams:
        thread.join()
    assert answered and not failures, f'{len(failures)} lost: {failures[:5]}'
    up('--scale', f'{service}=1')


def status_within(service, wanted, seconds):
    """Asks SERVICE through the proxy until it answers `wanted`."""
    deadline = time.monotonic() + seconds
    while (status := ask(service).status_code) != wanted:
        assert time.monotonic() < deadline, f'{service} still answers {status}, not {wanted}'
        time.sleep(0.5)


@pytest.mark.parametrize('service, source', [
    ('portal', 'collecting_society.portal/collecting_society_portal/health.py'),
    ('tryton', 'collecting_society/__init__.py')])
def test_a_saved_edit_restarts_the_server_and_a_broken_one_waits_for_the_next(service, source):
    """README, Development: saving a file under ado/src restarts the server;
    one that fails to start waits for the next save."""
    path = CHECKOUT / 'ado' / 'src' / source
    original = path.read_text()
    try:
        path.write_text(original + "\nraise RuntimeError('a broken edit')\n")
        # restarted on the save: the broken code does not start, nothing serves
        status_within(service, 502, 30)
        path.write_text(original)
        status_within(service, 200, 60)
    finally:
        if path.read_text() != original:
            path.write_text(original)
    wait_healthy(timeout=60)


def test_scaled_tryton_shares_sessions():
    up('--scale', 'tryton=3')
    user_id, session, *_ = jsonrpc(f'{TRYTON}/{DATABASE}/rpc/', 'common.db.login',
                                   ['admin', {'password': admin_password()}])
    header = session_header('admin', user_id, session)
    replicas = containers(service='tryton')
    assert len(replicas) == 3
    for replica in replicas:
        port = replica.ports['8000/tcp'][0]['HostPort']
        preferences = jsonrpc(f'http://localhost:{port}/{DATABASE}/rpc/',
                              'model.res.user.get_preferences', [False, {}], session=header)
        assert preferences['name'] == 'Administrator'
    # and through the proxy, which balances over the three
    for _ in range(6):
        jsonrpc(f'{TRYTON}/{DATABASE}/rpc/', 'model.res.user.get_preferences', [True, {}],
                session=header)
    up('--scale', 'tryton=1')


def test_down_then_up_keeps_the_data(unique):
    connect_proteus()
    Party = Model.get('party.party')
    party = Party(name=f'kept across restarts {unique}')
    party.save()
    compose('down')
    up()
    connect_proteus()
    assert Model.get('party.party').find([('name', '=', f'kept across restarts {unique}')])


def test_admin_login_opens_no_configuration_wizard():
    """The demo setup configured the company and the rest, so the admin's login
    starts no "Module Configuration" wizard (the client runs the login actions
    get_preferences names)."""
    user_id, session, *_ = jsonrpc(f'{TRYTON}/{DATABASE}/rpc/', 'common.db.login',
                                   ['admin', {'password': admin_password()}])
    header = session_header('admin', user_id, session)
    preferences = jsonrpc(f'{TRYTON}/{DATABASE}/rpc/', 'model.res.user.get_preferences',
                          [False, {}], session=header)
    assert preferences['actions'] == [], preferences['actions']
