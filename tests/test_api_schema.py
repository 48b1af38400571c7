"""schemathesis against the running api, through the proxy: the API answers
what its OpenAPI document (/v1/openapi.json) promises, and never a server
error. It calls as a freshly registered web user with a bearer token, so
the authenticated operations are exercised too and a 401 is a failure;
DELETE /v1/token (which would revoke that token midway) is left out here
and tested in the package's own tests.

ADO_API_URL / ADO_PORTAL_URL point the test at another running api/portal
(then the stack fixture is not used)."""
import os
import socket
import uuid
from urllib.parse import urlsplit

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance, response_headers_conformance, response_schema_conformance,
    status_code_conformance)

import inbox

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance, response_headers_conformance]
# the proxy's port on the host (tests/conftest.py follows the same variable)
HTTP_PORT = os.environ.get('ADO_HTTP_PORT', '81')
PASSWORD = 'Schema-Test-Password-7'


def target(url):
    """(base URL to connect to, Host header): *.localhost names may not resolve
    on the host, but the proxy routes by the Host header alone."""
    parts = urlsplit(url)
    try:
        socket.getaddrinfo(parts.hostname, parts.port or 80)
        return url.rstrip('/'), {}
    except socket.gaierror:
        if not parts.hostname.endswith('.localhost'):
            raise
        return f'{parts.scheme}://localhost:{parts.port or 80}', {'Host': parts.netloc}


@pytest.fixture(scope='session')
def urls(request):
    if 'ADO_API_URL' not in os.environ:
        request.getfixturevalue('stack')
    return (os.environ.get('ADO_API_URL', f'http://api.localhost:{HTTP_PORT}'),
            os.environ.get('ADO_PORTAL_URL', f'http://localhost:{HTTP_PORT}'))


def register(portal):
    """A new web user, registered through the portal's form and its
    verification mail; its email."""
    return inbox.register(portal, f'schema-{uuid.uuid4().hex[:12]}@example.org', PASSWORD)


@pytest.fixture(scope='session')
def api_call(urls):
    """(base URL, headers) for calls to the api as a fresh web user."""
    api, portal = urls
    base, host = target(api)
    reply = requests.post(f'{base}/v1/token', headers=host, timeout=30,
                          auth=(register(portal), PASSWORD))
    assert reply.status_code == 201, reply.text
    return base, {**host, 'Authorization': f"Bearer {reply.json()['token']}"}


@pytest.fixture(scope='session')
def api_schema(api_call):
    base, headers = api_call
    host = {k: v for k, v in headers.items() if k == 'Host'}
    return schemathesis.openapi.from_url(f'{base}/v1/openapi.json', headers=host, timeout=30)


# revoking the token in use (or all of them) would end every later call with
# a 401; tests/test_security.py revokes tokens on purpose
schema = schemathesis.pytest.from_fixture('api_schema').exclude(
    method='DELETE', path=['/v1/token', '/v1/tokens'])
# the demo data (releases with tracks, creations with contributions) only
# shows in a demo user's lists; read-only, so the demo data stays as it is
demo_schema = schemathesis.pytest.from_fixture('api_schema').include(method='GET')


@pytest.fixture(scope='session')
def demo_call(urls):
    """(base URL, headers) for read-only calls as the demo user alice."""
    base, host = target(urls[0])
    password = os.environ.get('DEMO_PASSWORD', 'demo-password')
    reply = requests.post(f'{base}/v1/token', headers=host, timeout=30,
                          auth=('alice@example.org', password))
    assert reply.status_code == 201, reply.text
    headers = {**host, 'Authorization': f"Bearer {reply.json()['token']}"}
    releases = requests.get(f'{base}/v1/releases', headers=headers, timeout=30).json()
    assert releases['total'] > 0, 'the demo user has no releases: is the demo data there?'
    return base, headers


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms(case, api_call):
    call(case, api_call)


@demo_schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_with_demo_data(case, demo_call):
    call(case, demo_call)


def call(case, base_and_headers):
    base, headers = base_and_headers
    # schemathesis makes up credentials from the security schemes; use ours
    case.headers = {**(case.headers or {}), **headers}
    response = case.call_and_validate(base_url=base, checks=CHECKS, timeout=30)
    # the credentials are good: a 401 would mean the operation was never exercised
    assert response.status_code != 401, response.text


def test_a_long_query_gets_the_apis_answer_and_an_overlong_one_the_proxys(api_call):
    """Found by schemathesis: 6.5 KB of query made gunicorn answer its own,
    undocumented 414. The proxy alone limits the request line (8 KB)."""
    base, headers = api_call
    long = requests.get(f'{base}/v1/licenses', params={'limit': 'x' * 6500},
                        headers=headers, timeout=30)
    assert long.status_code == 400 and long.json()['error'], long.text
    overlong = requests.get(f'{base}/v1/licenses', params={'limit': 'x' * 9000},
                            headers=headers, timeout=30)
    assert overlong.status_code == 414
    assert overlong.headers['Content-Type'].startswith('text/html')
