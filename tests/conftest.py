"""Shared fixtures: the real stack of this checkout, brought up with Compose."""
import base64
import json
import os
import re
import socket
import uuid

import pytest
import requests

import inbox

from ado_host.compose import compose
from ado_host.stack import wait_healthy
from ado_host.paths import CHECKOUT

# tests/inside/ runs inside the containers (tests/test_in_containers.py runs it there)
collect_ignore = ['inside']

# the proxy's host ports: docker-compose.yml's defaults, or moved (README, Problems)
HTTP_PORT = os.environ.get('ADO_HTTP_PORT', '81')
TRYTON_PORT = os.environ.get('ADO_TRYTON_PORT', '8000')
PORTAL = f'http://localhost:{HTTP_PORT}'
TRYTON = f'http://localhost:{TRYTON_PORT}'
DATABASE = 'c3s'


def admin_password():
    return (CHECKOUT / 'ado' / 'etc' / 'trytonpassfile').read_text().strip()


def skips_fail():
    """./run-tests sets ADO_SKIP_FAILS=1 (also with --fast), CI sets CI=true;
    a bare `pytest` lets a developer skip what their machine lacks."""
    return os.environ.get('ADO_SKIP_FAILS') == '1' or os.environ.get('CI') == 'true'


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Under ./run-tests a skipped test fails the run: a suite that passes by
    skipping proves nothing (the machine lacked something the test needs)."""
    outcome = yield
    report = outcome.get_result()
    if skips_fail() and report.skipped and not hasattr(report, 'wasxfail'):
        report.outcome = 'failed'
        report.longrepr = f'skipped under ./run-tests, which counts as a failure: {report.longrepr}'


def assert_nothing_skipped(output):
    """A suite run inside a container (pytest or unittest) skipped nothing and ran something."""
    skipped = re.findall(r'\b\d+ skipped\b|skipped=\d+', output)
    assert not skipped, f'tests skipped inside the container:\n{output[-6000:]}'
    assert not re.search(r'\bno tests ran\b|\bRan 0 tests\b', output), output[-6000:]


def up(*args):
    """docker compose up -d, then wait until every service is healthy."""
    compose('up', '-d', *args)
    wait_healthy()


@pytest.fixture(scope='session')
def stack():
    """The user's stack, up and healthy (one replica each); left running afterwards."""
    up('--scale', 'portal=1', '--scale', 'tryton=1')
    yield
    up('--scale', 'portal=1', '--scale', 'tryton=1')


@pytest.fixture
def unique():
    return uuid.uuid4().hex[:8]


def run_in(service, *command, check=False, **kwargs):
    """docker compose run --rm SERVICE COMMAND, with ./tests mounted at /tests."""
    return compose('run', '--rm', '-T', '-v', f'{CHECKOUT / "tests"}:/tests',
                   service, *command, check=check, **kwargs)


def jsonrpc(url, method, params, session=None, timeout=30):
    """One JSON-RPC call, as the Tryton client makes it; returns the result."""
    headers = {}
    if session:
        headers['Authorization'] = f'Session {session}'
    reply = requests.post(url, json={'id': 1, 'method': method, 'params': params},
                          headers=headers, timeout=timeout)
    reply.raise_for_status()
    body = reply.json()
    assert 'error' not in body or body['error'] is None, body
    return body['result']


def session_header(login, user_id, session):
    """trytond's session credentials, as the Tryton client sends them."""
    return base64.b64encode(f'{login}:{user_id}:{session}'.encode()).decode()


def signed_in_error(rpc, password, **options):
    """The reply to a call that fails inside trytond (a malformed read), made
    by the admin signed in with `password`; `options` go to requests (verify)."""
    login = requests.post(rpc, timeout=60, json={
        'id': 1, 'method': 'common.db.login',
        'params': ['admin', {'password': password}, 'en']}, **options).json()
    assert login.get('error') is None, login
    user_id, key = login['result'][:2]
    return requests.post(rpc, timeout=60, json={
        'id': 1, 'method': 'model.res.user.read', 'params': [[1], 'not a list', {}]},
        headers={'Authorization': f"Session {session_header('admin', user_id, key)}"},
        **options)


def free_port():
    """A port of this machine nobody listens on now (for a second stack)."""
    with socket.socket() as sock:
        sock.bind(('', 0))
        return sock.getsockname()[1]


def csrf(session, path):
    """The CSRF token of the portal's form at path, as a browser gets it."""
    page = session.get(PORTAL + path, timeout=30)
    return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)


def portal_login(email, password, next_path=None, session=None):
    """The reply to the portal's login form; session keeps the cookie."""
    session = session or requests.Session()
    data = {'csrf_token': csrf(session, '/login'), 'email': email, 'password': password}
    if next_path is not None:
        data['next'] = next_path
    return session.post(PORTAL + '/login', data=data, allow_redirects=False, timeout=30)


def replayed_after_logout(session, tries=10):
    """Log the portal session out, then replay its old cookie: the statuses
    of the list page (302 to the login page is right, 200 is a hole)."""
    stolen = session.cookies['ado_session']
    reply = session.post(PORTAL + '/logout', data={'csrf_token': csrf(session, '/logout')},
                         allow_redirects=False, timeout=30)
    assert reply.status_code == 302
    return [requests.get(PORTAL + '/creations', cookies={'ado_session': stolen},
                         allow_redirects=False, timeout=30).status_code
            for _ in range(tries)]


# the attacker's side (tests/attacker.py): a container of its own on the
# stack's network, where the proxy is `proxy`, on its container ports
API = PORTAL
API_HOST = {'Host': 'api.localhost'}
PROXY = 'http://proxy:81'
PROXY_TRYTON = 'http://proxy:8000'
PASSWORD = 'violet-Harbour-tractor-57'


def attack(requests_, count, concurrency=4, rate=None, timeout=300):
    """Send the requests from a container of its own on the stack's network;
    the statuses it saw, and a few Retry-After values and bodies."""
    spec = {'requests': requests_, 'count': count, 'concurrency': concurrency, 'rate': rate}
    done = compose('run', '--rm', '--no-deps', '-T', '--entrypoint', 'python3',
                   '-v', f'{CHECKOUT / "tests"}:/tests:ro', 'tryton',
                   '/tests/attacker.py', input=json.dumps(spec),
                   capture_output=True, text=True, check=False, timeout=timeout)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def basic(email, password):
    token = base64.b64encode(f'{email}:{password}'.encode()).decode()
    return {'Authorization': f'Basic {token}'}


def api_login_request(email, password):
    return {'url': f'{PROXY}/v1/artists', 'headers': {**basic(email, password),
                                                      'Host': 'api.localhost'}}


def new_email():
    return f'sec-{uuid.uuid4().hex[:12]}@example.org'


def register(email=None, password=PASSWORD):
    """A new, verified web user through the portal's form and its mail."""
    return inbox.register(PORTAL, email or new_email(), password)


def api_get(path, headers=None, **kwargs):
    return requests.get(API + path, headers={**API_HOST, **(headers or {})},
                        timeout=30, **kwargs)


@pytest.fixture
def alice():
    return register()
