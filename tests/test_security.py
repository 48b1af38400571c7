"""The attacks of issue 10, each against the running stack, each asserting
that it no longer works. The attacker runs in a container of its own on the
stack's network (tests/attacker.py), so its address differs from the
tests' own, as alice's differs from an attacker's."""
import base64
import datetime
import json
import re
import subprocess
import tarfile
import uuid

import pytest
import requests

import inbox

from conftest import (API, API_HOST, DATABASE, PASSWORD, PORTAL, PROXY, PROXY_TRYTON, TRYTON,
                      admin_password, api_get, api_login_request, attack, basic, csrf, jsonrpc,
                      new_email, portal_login, replayed_after_logout, signed_in_error)
from ado_host.compose import compose
from ado_host.paths import CHECKOUT

pytestmark = pytest.mark.usefixtures('stack')

# 1. Anyone locks every login shut -------------------------------------------

def test_a_flood_of_failed_logins_from_one_address_does_not_stop_alice(alice):
    emails = [new_email() for _ in range(40)]
    seen = attack([api_login_request(e, 'wrong-password') for e in emails], count=340,
                  concurrency=8)
    # the attacker's own address ran out of its budget, at once (no sleep)
    assert seen['statuses'].get('429', 0) > 0, seen
    assert seen['retry_after'], seen
    # alice, at another address, logs in to the API and to the portal
    assert api_get('/v1/artists', basic(alice, PASSWORD)).status_code == 200
    assert portal_login(alice, PASSWORD).status_code == 302


# 2. Anyone locks any one account --------------------------------------------

def test_wrong_passwords_for_alice_from_elsewhere_do_not_lock_her_out(alice):
    seen = attack([api_login_request(alice, 'wrong-password')], count=12)
    assert seen['statuses'].get('429', 0) > 0, seen
    assert api_get('/v1/artists', basic(alice, PASSWORD)).status_code == 200
    assert portal_login(alice, PASSWORD).status_code == 302


def test_over_budget_is_an_immediate_429_with_retry_after(alice):
    seen = attack([api_login_request(alice, 'wrong-password')], count=10)
    assert seen['statuses'].get('429', 0) > 0, seen
    # all() of nothing is true: the header must have come
    assert seen['retry_after'], seen
    assert all(int(value) > 0 for value in seen['retry_after']), seen


def test_wrong_admin_passwords_from_elsewhere_do_not_lock_out_tryton_admin():
    login = {'url': f'{PROXY_TRYTON}/{DATABASE}/rpc/', 'method': 'POST',
             'headers': {'Content-Type': 'application/json'},
             'body': json.dumps({'id': 1, 'method': 'common.db.login',
                                 'params': ['admin', {'password': 'wrong'}, 'en']})}
    seen = attack([login], count=12)
    assert seen['statuses'].get('429', 0) > 0, seen
    assert seen['retry_after'], seen
    result = jsonrpc(f'{TRYTON}/{DATABASE}/rpc/', 'common.db.login',
                     ['admin', {'password': admin_password()}, 'en'])
    assert result and result[0]


def test_rotating_x_forwarded_for_through_the_proxy_does_not_buy_new_budgets(alice):
    spoofed = [{**api_login_request(alice, 'wrong-password'),
                'headers': {**api_login_request(alice, 'x')['headers'],
                            'Authorization': basic(alice, 'wrong')['Authorization'],
                            'X-Forwarded-For': f'10.9.{i}.{i}'}} for i in range(12)]
    seen = attack(spoofed, count=12, concurrency=1)
    assert seen['statuses'].get('429', 0) > 0, seen


def test_a_replica_ignores_x_forwarded_for_from_anyone_but_the_proxy(alice):
    # straight to a portal replica on the stack's network, a new address each time
    direct = [{'url': 'http://api:6543/v1/artists',
               'headers': {**basic(alice, 'wrong'), 'X-Forwarded-For': f'10.8.{i}.{i}'}}
              for i in range(12)]
    seen = attack(direct, count=12, concurrency=1)
    assert seen['statuses'].get('429', 0) > 0, seen


# 3. Open redirect, CRLF and NUL in next -------------------------------------

@pytest.mark.parametrize('target', ['/\\evil.com', '/\\/evil.com', '//evil.com',
                                    'http://evil.com/', '/a\r\nSet-Cookie: x=1', '/a\x00b'])
def test_next_after_login_stays_on_the_site(alice, target):
    reply = portal_login(alice, PASSWORD, next_path=target)
    assert reply.status_code == 302, reply.text
    assert reply.headers['Location'] == '/dashboard'


def test_next_after_login_keeps_a_path_of_the_site(alice):
    reply = portal_login(alice, PASSWORD, next_path='/artists?x=1')
    assert reply.headers['Location'] == '/artists?x=1'


# 4. Deeply nested JSON ------------------------------------------------------

def test_deeply_nested_json_is_a_400(alice):
    reply = requests.post(API + '/v1/artists', data='[' * 100000,
                          headers={**API_HOST, **basic(alice, PASSWORD),
                                   'Content-Type': 'application/json'}, timeout=30)
    assert reply.status_code == 400, reply.text


@pytest.mark.parametrize('track', [{'license': 'CC-BY\x00'},
                                   {'creation': 'ffffffff-0000-4000-8000-00000000000\x00'}])
def test_a_nul_in_a_code_or_reference_is_a_422_not_a_server_error(alice, track):
    # found by schemathesis: a NUL in a track's license code reached
    # PostgreSQL, which refused it (500, and a traceback in the log)
    reply = requests.post(API + '/v1/releases', json={'title': 'Nul', 'tracks': [track]},
                          headers={**API_HOST, **basic(alice, PASSWORD)}, timeout=30)
    assert reply.status_code == 422, reply.text


# 7. Unbounded fields, and one set of rules --------------------------------

def test_the_portal_refuses_a_huge_description(alice):
    _, session = login_session(alice)
    reply = session.post(PORTAL + '/artists/add', data={
        'csrf_token': csrf(session, '/artists/add'), 'name': 'Huge',
        'description': 'x' * 20001}, allow_redirects=False, timeout=30)
    assert reply.status_code == 400
    assert 'At most 10000 characters' in reply.text


def test_the_proxy_caps_bodies():
    reply = requests.post(PORTAL + '/login', data='x' * (2 * 1024 * 1024), timeout=30)
    assert reply.status_code == 413


def login_session(email, password=PASSWORD):
    session = requests.Session()
    reply = portal_login(email, password, session=session)
    assert reply.status_code == 302, reply.text
    return reply, session


# 9. Races -------------------------------------------------------------------

def test_simultaneous_posts_of_one_artist_name_make_one_artist(alice):
    name = f'Racer {uuid.uuid4().hex[:6]}'
    post = {'url': f'{PROXY}/v1/artists', 'method': 'POST', 'body': json.dumps({'name': name}),
            'headers': {**basic(alice, PASSWORD), 'Host': 'api.localhost',
                        'Content-Type': 'application/json'}}
    seen = attack([post], count=8, concurrency=8)
    assert seen['statuses'].get('201') == 1, seen
    assert seen['statuses'].get('409') == 7, seen
    listed = api_get('/v1/artists', basic(alice, PASSWORD), params={'q': name}).json()
    assert listed['total'] == 1


# 11. Tryton on :8000 --------------------------------------------------------

@pytest.mark.parametrize('database', ['postgres', 'template1', 'template0'])
def test_trytond_serves_no_postgresql_database(database):
    reply = requests.post(f'{TRYTON}/{database}/rpc/', json={
        'id': 1, 'method': 'common.db.login', 'params': ['admin', {'password': 'x'}, 'en']},
        timeout=30)
    assert reply.status_code == 404


@pytest.mark.parametrize('method, params', [
    ('model.res.user.read', [[1], ['login'], {}]),
    # malformed logins raised inside trytond, which (in development mode)
    # sent the traceback with the server's code paths to anyone
    ('common.db.login', ['admin', 'not a dict', 'en']),
    ('common.db.login', []),
])
def test_trytond_shows_no_traceback_to_anonymous_callers(method, params):
    reply = requests.post(f'{TRYTON}/{DATABASE}/rpc/', json={
        'id': 1, 'method': method, 'params': params}, timeout=30)
    # trytond's own refusal (a 5xx from a dead server has no traceback either)
    assert reply.status_code in (200, 401, 403), reply.text
    assert reply.status_code != 200 or reply.json()['error'], reply.text
    assert 'Traceback' not in reply.text
    assert '.py' not in reply.text


def test_a_signed_in_developer_still_gets_the_traceback():
    reply = signed_in_error(f'{TRYTON}/{DATABASE}/rpc/', admin_password())
    assert 'Traceback' in reply.text, reply.text


# 12. Headers ----------------------------------------------------------------

@pytest.mark.parametrize('path,host', [('/', 'localhost'), ('/login', 'localhost'),
                                       ('/v1/openapi.json', 'api.localhost')])
def test_security_headers(path, host):
    reply = requests.get(PORTAL + path, headers={'Host': host}, timeout=30)
    csp = reply.headers['Content-Security-Policy']
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert 'unsafe-inline' not in csp
    assert reply.headers['X-Frame-Options'] == 'DENY'
    assert reply.headers['X-Content-Type-Options'] == 'nosniff'
    assert reply.headers['Referrer-Policy']
    assert re.fullmatch(r'nginx', reply.headers.get('Server', 'nginx'))


def test_tryton_port_has_the_headers_too():
    reply = requests.post(f'{TRYTON}/{DATABASE}/rpc/', json={
        'id': 1, 'method': 'common.server.version', 'params': []}, timeout=30)
    assert reply.headers['X-Content-Type-Options'] == 'nosniff'
    assert reply.headers.get('Server', 'nginx') == 'nginx'


def test_unknown_host_is_refused():
    reply = requests.get(PORTAL + '/', headers={'Host': 'evil.example'}, timeout=30)
    assert reply.status_code == 421


def test_error_pages_show_no_nginx_version():
    reply = requests.get(PORTAL + '/', headers={'Host': 'evil.example'}, timeout=30)
    assert not re.search(r'nginx/\d', reply.text)
    assert reply.headers.get('Server') == 'nginx'


# 8. Around the proxy --------------------------------------------------------

@pytest.mark.parametrize('service,port', [('portal', 6543), ('api', 6543), ('tryton', 8000)])
def test_replicas_publish_only_on_loopback_in_development(service, port):
    done = compose('port', service, str(port), capture_output=True, text=True)
    assert done.stdout.strip().startswith('127.0.0.1:'), done.stdout


def production_config():
    done = compose('-f', 'docker-compose.yml', '-f', 'docker-compose.production.yml',
                   'config', '--format', 'json', capture_output=True, text=True,
                   env=production_env())
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def production_env():
    import os
    return {**os.environ, 'ADO_SECRETS': str(CHECKOUT / 'tests')}


def test_production_publishes_only_the_proxy():
    services = production_config()['services']
    published = {name for name, spec in services.items() if spec.get('ports')}
    assert published == {'proxy'}


def test_production_lists_no_databases():
    services = production_config()['services']
    for name in ('tryton', 'portal', 'api'):
        assert services[name]['environment']['TRYTOND_DATABASE__LIST'] == 'False'


def proxy_site(**env):
    """The nginx site the proxy's entrypoint writes with these settings."""
    image = f'{compose_project_prefix()}-proxy'
    args = ['docker', 'run', '--rm']
    for key, value in env.items():
        args += ['-e', f'{key}={value}']
    import subprocess
    done = subprocess.run([*args, '--entrypoint', 'sh', image, '-c',
                           'proxy-entrypoint true >/dev/null 2>&1; '
                           'cat /etc/nginx/conf.d/ado.conf /etc/nginx/ado-headers.conf'],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def compose_project_prefix():
    import os
    return os.environ.get('ADO_IMAGE_PREFIX', 'ado')


def test_production_proxy_serves_trytond_only_over_tls():
    site = proxy_site(TRYTON_TLS='1')
    assert 'erp.' not in site
    assert 'listen 8000 ssl' in site
    assert 'X-Upstream' not in site


def test_development_proxy_overwrites_x_forwarded_for():
    site = proxy_site()
    assert 'proxy_set_header X-Forwarded-For $remote_addr;' in site
    assert 'proxy_add_x_forwarded_for' not in site


# 5. Tokens ------------------------------------------------------------------

def new_token(email, **body):
    reply = requests.post(API + '/v1/token', json=body or None,
                          headers={**API_HOST, **basic(email, PASSWORD)}, timeout=30)
    assert reply.status_code == 201, reply.text
    return reply.json()


def bearer(token):
    return {'Authorization': f'Bearer {token}'}


def test_a_token_cannot_mint_tokens(alice):
    token = new_token(alice)['token']
    reply = requests.post(API + '/v1/token', headers={**API_HOST, **bearer(token)}, timeout=30)
    assert reply.status_code == 403


def test_delete_token_with_basic_auth_does_not_pretend(alice):
    token = new_token(alice)['token']
    reply = requests.delete(API + '/v1/token', headers={**API_HOST, **basic(alice, PASSWORD)},
                            timeout=30)
    assert reply.status_code == 400
    assert api_get('/v1/artists', bearer(token)).status_code == 200


def test_revoke_one_and_all_tokens(alice):
    first, second, third = (new_token(alice, name=f'token {i}') for i in range(3))
    listed = api_get('/v1/tokens', basic(alice, PASSWORD)).json()['items']
    assert {t['name'] for t in listed} == {'token 0', 'token 1', 'token 2'}
    assert requests.delete(f'{API}/v1/tokens/{first["uuid"]}', timeout=30,
                           headers={**API_HOST, **bearer(second['token'])}).status_code == 204
    assert api_get('/v1/artists', bearer(first['token'])).status_code == 401
    assert api_get('/v1/artists', bearer(second['token'])).status_code == 200
    assert requests.delete(API + '/v1/tokens', timeout=30,
                           headers={**API_HOST, **basic(alice, PASSWORD)}).status_code == 204
    for token in (second, third):
        assert api_get('/v1/artists', bearer(token['token'])).status_code == 401


def test_tokens_expire_and_show_their_last_use(alice):
    token = new_token(alice, name='short', days=1)
    # the lifetime asked for, not any later expiry
    lifetime = (datetime.datetime.fromisoformat(token['expires'])
                - datetime.datetime.fromisoformat(token['created']))
    assert abs(lifetime - datetime.timedelta(days=1)) < datetime.timedelta(minutes=1), token
    api_get('/v1/artists', bearer(token['token']))
    listed = api_get('/v1/tokens', basic(alice, PASSWORD)).json()['items']
    assert listed[0]['last_used']
    assert requests.post(API + '/v1/token', json={'days': 366}, timeout=30,
                         headers={**API_HOST, **basic(alice, PASSWORD)}).status_code == 422


def test_the_portal_session_key_is_no_api_token(alice):
    _, session = login_session(alice)
    cookie = session.cookies['ado_session']
    payload = base64.urlsafe_b64decode(cookie + '=' * (-len(cookie) % 4))
    keys = re.findall(rb'"web_user_session": "([0-9a-f]+)"', payload)
    assert keys, payload
    assert api_get('/v1/artists', bearer(keys[0].decode())).status_code == 401


def test_a_cookie_replayed_after_logout_is_refused(alice):
    # the portal keeps a logged-in key per process (issue 11's speed): the
    # logout must end it in every process, not only in the database
    _, session = login_session(alice)
    for _ in range(3):
        assert session.get(PORTAL + '/creations', allow_redirects=False,
                           timeout=30).status_code == 200
    assert set(replayed_after_logout(session)) == {302}


def test_the_portal_lists_and_revokes_tokens(alice):
    token = new_token(alice, name='listed in the portal')
    _, session = login_session(alice)
    page = session.get(PORTAL + '/tokens', timeout=30)
    assert 'listed in the portal' in page.text
    reply = session.post(f'{PORTAL}/tokens/revoke-all', data={
        'csrf_token': csrf(session, '/tokens')}, allow_redirects=False, timeout=30)
    assert reply.status_code == 302
    assert api_get('/v1/artists', bearer(token['token'])).status_code == 401


# 6. Weak passwords ----------------------------------------------------------

def registration(email, password):
    session = requests.Session()
    return session.post(PORTAL + '/register', data={
        'csrf_token': csrf(session, '/register'), 'email': email,
        'password': password, 'password_confirm': password},
        allow_redirects=False, timeout=30)


@pytest.mark.parametrize('password', ['12345678', 'password', 'Passw0rd', 'EMAIL',
                                      'Long-' + 'x' * 1100])
def test_weak_passwords_are_refused_with_the_reason(password):
    email = new_email()
    reply = registration(email, email if password == 'EMAIL' else password)
    assert reply.status_code == 400
    assert 'class="error"' in reply.text


# 9. Look-alikes and enumeration ---------------------------------------------

@pytest.mark.parametrize('variant', [
    lambda e: e + '.', lambda e: e.upper(), lambda e: e.replace('e', '\u0435', 1)])
def test_look_alike_emails_make_no_second_account(alice, variant):
    look_alike = variant(alice)
    reply = registration(look_alike, 'quartz-Meadow-lantern-93')
    assert reply.status_code == 200 and 'Check your mail' in reply.text
    # nobody can log in with the look-alike and its password
    assert portal_login(look_alike, 'quartz-Meadow-lantern-93').status_code == 400
    # alice hears that someone tried
    assert any('tried to register' in text for text in
               inbox.messages_to(alice, containing='tried to register'))


def test_registration_answers_the_same_whether_or_not_the_email_exists(alice):
    known = registration(alice, PASSWORD)
    unknown_email = new_email()
    unknown = registration(unknown_email, PASSWORD)
    assert known.status_code == unknown.status_code == 200
    assert known.text.replace(alice, 'EMAIL') == unknown.text.replace(unknown_email, 'EMAIL')


def test_an_email_with_a_colon_is_refused():
    reply = registration(f'a:b-{uuid.uuid4().hex[:6]}@example.org', PASSWORD)
    assert reply.status_code == 400


def test_login_needs_a_verified_email():
    email = new_email()
    assert registration(email, PASSWORD).status_code == 200
    assert portal_login(email, PASSWORD).status_code == 403
    assert api_get('/v1/artists', basic(email, PASSWORD)).status_code == 401
    assert inbox.verify(PORTAL, email).status_code == 200
    assert portal_login(email, PASSWORD).status_code == 302
    # the link works once
    assert inbox.verify(PORTAL, email).status_code == 400


def test_password_reset_link_works_once(alice):
    session = requests.Session()
    session.post(PORTAL + '/reset', data={'csrf_token': csrf(session, '/reset'),
                                          'email': alice}, timeout=30)
    link = inbox.link_to(alice, '/reset/confirm')
    from urllib.parse import parse_qs, urlsplit
    query = parse_qs(urlsplit(link).query)
    new_password = 'quartz-Meadow-lantern-93'

    def set_password():
        browser = requests.Session()
        return browser.post(PORTAL + '/reset/confirm', allow_redirects=False, timeout=30, data={
            'csrf_token': csrf(browser, '/reset'), 'email': query['email'][0],
            'token': query['token'][0], 'password': new_password,
            'password_confirm': new_password})
    assert set_password().status_code == 302
    assert set_password().status_code == 400
    assert portal_login(alice, new_password).status_code == 302


def test_reset_answers_the_same_whether_or_not_the_email_exists(alice):
    def ask(email):
        session = requests.Session()
        return session.post(PORTAL + '/reset', timeout=30, data={
            'csrf_token': csrf(session, '/reset'), 'email': email})
    unknown_email = new_email()
    known, unknown = ask(alice), ask(unknown_email)
    assert known.status_code == unknown.status_code == 200
    assert known.text.replace(alice, 'EMAIL') == unknown.text.replace(unknown_email, 'EMAIL')


# 10. Secrets in production --------------------------------------------------

def layer_files(image, tmp_path):
    """Every file name in every layer the image's manifest lists (docker save),
    and the number of layers read. A layer may be compressed ('r:*'); one
    that cannot be read fails the test rather than hiding its files."""
    archive = tmp_path / 'image.tar'
    done = subprocess.run(['docker', 'save', '-o', str(archive), image],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    names, read = [], 0
    with tarfile.open(archive) as outer:
        manifest, = json.load(outer.extractfile('manifest.json'))
        for layer in manifest['Layers']:
            with tarfile.open(fileobj=outer.extractfile(layer), mode='r:*') as inner:
                names += inner.getnames()
            read += 1
    assert read == len(manifest['Layers']) > 0, manifest
    archive.unlink()
    return names


# a file each image was built with: proof that its layers were read
OWN_FILE = {'tryton': 'ado/etc/trytond.conf', 'portal': 'ado/etc/trytond.conf',
            'proxy': 'etc/nginx/ado.conf.template'}


@pytest.mark.parametrize('image', sorted(OWN_FILE))
def test_no_secret_in_any_image_layer(image, tmp_path):
    names = layer_files(f'{compose_project_prefix()}-{image}', tmp_path)
    assert any(name.endswith(OWN_FILE[image]) for name in names), names[:50]
    # the proxy's own certificate key is made at its first start, in a volume
    leaks = [n for n in names if n.endswith('trytonpassfile') or '/secrets/' in f'/{n}'
             or n.endswith('.env') or n.startswith('etc/ado/tls/')]
    assert not leaks


# that servers never see the superuser's password is ado-do's own test
# (tests/inside/cli/test_secrets.py) and the production stack's
# (tests/test_production.py, the servers' environment)


# 7. One set of rules: the portal, the API and the OpenAPI document agree ------

def test_portal_api_and_openapi_share_the_field_table(alice):
    document = api_get('/v1/openapi.json').json()
    limit = document['components']['schemas']['ArtistInput']['properties']['description'][
        'maxLength']
    too_long = 'x' * (limit + 1)
    reply = requests.post(API + '/v1/artists', json={'name': 'Too long', 'description': too_long},
                          headers={**API_HOST, **basic(alice, PASSWORD)}, timeout=30)
    assert reply.status_code == 422 and 'description' in reply.json()['error']['fields']
    _, session = login_session(alice)
    reply = session.post(PORTAL + '/artists/add', data={
        'csrf_token': csrf(session, '/artists/add'), 'name': 'Too long',
        'description': too_long}, allow_redirects=False, timeout=30)
    assert reply.status_code == 400 and f'At most {limit} characters' in reply.text
    # a date in a form the domain layer does not take is refused by both
    artist = requests.post(API + '/v1/artists', json={'name': f'Dated {uuid.uuid4().hex[:6]}'},
                           headers={**API_HOST, **basic(alice, PASSWORD)}, timeout=30).json()
    reply = requests.post(API + '/v1/creations', json={
        'title': 'Compact date', 'artist': artist['uuid'], 'date': '20240531'},
        headers={**API_HOST, **basic(alice, PASSWORD)}, timeout=30)
    assert reply.status_code == 422
