#!/usr/bin/env python3
"""Portal and API throughput through the proxy, beside a bare Pyramid "hello"
app served the same way (the ceiling), with 1 and 2 replicas.

Measures requests/s and p99 latency with wrk (Debian's `wrk`) for: the portal
home page, a logged-in creations list, the API's creations list (bearer
token), the hello app, and the engine's speed for the same list: trytond's
own JSON-RPC `model.creation.search_read` of the fields the list shows, as
the portal's Tryton user for alice, through the proxy's port 8000 (trytond
in gunicorn, ENVIRONMENT=production). Everything runs in throwaway containers of this
checkout's images on a network of their own: a database, `ado-do deploy-portal`
and `ado-do deploy-api` (ENVIRONMENT=production: gunicorn), the hello app under
the same gunicorn, and the ado proxy with one more server block for the hello
app. So the stack a user runs (ports 81/8000) is left alone.

Usage: bench/bench_portal.py [--duration 10] [--connections 16]
Needs: docker (images ado-db, ado-portal, ado-proxy), wrk, and the docker SDK
and requests (the host venv has both).
"""
import argparse
import base64
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import docker
import requests
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import write_section  # noqa: E402

CHECKOUT = Path(__file__).resolve().parent.parent
PREFIX = os.environ.get('ADO_IMAGE_PREFIX') or 'ado'
DB_IMAGE, PORTAL_IMAGE, PROXY_IMAGE = (f'{PREFIX}-{name}' for name in ('db', 'portal', 'proxy'))
IMAGES = (DB_IMAGE, PORTAL_IMAGE, PROXY_IMAGE)
# what the portal's creations list shows (records.creation_list)
LIST_FIELDS = ['uuid', 'title', 'date', 'artist.uuid', 'artist.name']
PORTAL_PASSWORD = secrets.token_hex(16)
DEMO_EMAIL, DEMO_PASSWORD = 'alice@example.org', os.environ.get('DEMO_PASSWORD', 'demo-password')
WORKERS = str(2 * (os.cpu_count() or 1) + 1)
# ENVIRONMENT=production refuses the development defaults: one-run secrets
DB_PASSWORD, ADMIN_PASSWORD = secrets.token_hex(16), secrets.token_hex(16)
SESSION_SECRET = secrets.token_hex(32)

HELLO_APP = '''
from pyramid.config import Configurator
from pyramid.response import Response


def hello(request):
    return Response('Hello World!')


def main(global_config, **settings):
    with Configurator(settings=settings) as config:
        config.add_route('hello', '/')
        config.add_view(hello, route_name='hello')
    return config.make_wsgi_app()
'''
HELLO_INI = '[app:main]\nuse = call:hello:main\n'
HELLO_SERVER = '''
server {
    listen 81;
    server_name hello.localhost;
    location / {
        set $hello hello;
        proxy_pass http://$hello:6543;
    }
}
'''


def fail(message):
    print(f'bench_portal: {message}', file=sys.stderr)
    sys.exit(1)


class Bench:
    """The throwaway containers of one run; stop() removes all of them."""

    def __init__(self, client, workdir):
        self.client = client
        self.workdir = workdir
        self.name = f'ado-bench-{uuid.uuid4().hex[:6]}'
        self.network = client.networks.create(self.name)
        self.containers = []

    def run(self, image, command, alias, **kwargs):
        # the proxy finds every replica of a service by this DNS name
        endpoint = self.client.api.create_endpoint_config(aliases=[alias])
        container = self.client.containers.run(
            image, command, detach=True, name=f'{self.name}-{alias}-{len(self.containers)}',
            network=self.network.name, networking_config={self.network.name: endpoint},
            **kwargs)
        self.containers.append(container)
        return container

    def web(self, alias, command, extra_env=None):
        env = {
            'TRYTOND_CONFIG': '/ado/etc/trytond.conf',
            'TRYTOND_DATABASE__URI': f'postgresql://postgres:{DB_PASSWORD}@db:5432/',
            'TRYTONPASSFILE': '/bench/trytonpass', 'PORTAL_SESSION_SECRET': SESSION_SECRET,
            'ENVIRONMENT': 'production', 'WEB_WORKERS': WORKERS,
            **(extra_env or {}),
        }
        mounts = {str(CHECKOUT / 'ado'): {'bind': '/ado', 'mode': 'rw'},
                  str(self.workdir): {'bind': '/bench', 'mode': 'ro'}}
        return self.run(PORTAL_IMAGE, command, alias, environment=env, volumes=mounts)

    def stop(self):
        for container in self.containers:
            container.remove(force=True)
        self.network.remove()


def wait_until(what, check, timeout=1800, containers=()):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except (requests.RequestException, docker.errors.APIError):
            pass
        time.sleep(2)
    for container in containers:
        # why it did not come up: the end of each container's log
        tail = container.logs(tail=5).decode(errors='replace').rstrip()
        print(f'--- {container.name}:\n{tail}', file=sys.stderr)
    fail(f'{what} did not come up within {timeout} s')


def address(container):
    container.reload()
    return container.attrs['NetworkSettings']['Networks'][
        next(iter(container.attrs['NetworkSettings']['Networks']))]['IPAddress']


def healthy(proxy, host):
    reply = requests.get(f'http://{proxy}:81/health', headers={'Host': host}, timeout=5)
    return reply.status_code == 200


def start_stack(bench):
    bench.run(DB_IMAGE, None, 'db', environment={'POSTGRES_PASSWORD': DB_PASSWORD})
    (bench.workdir / 'trytonpass').write_text(ADMIN_PASSWORD + '\n')
    template = (CHECKOUT / 'Dockerfiles/proxy/nginx.conf.template').read_text() + HELLO_SERVER
    (bench.workdir / 'ado.conf.template').write_text(template)
    (bench.workdir / 'hello.py').write_text(HELLO_APP)
    (bench.workdir / 'hello.ini').write_text(HELLO_INI)


def add_replica(bench):
    """One more replica of the portal, the api and the hello app."""
    bench.web('portal', 'ado-do deploy-portal', {'PORTAL_INI': '/ado/etc/portal.ini'})
    bench.web('api', 'ado-do deploy-api', {'PORTAL_INI': '/ado/etc/api.ini'})
    bench.web('hello', ['gunicorn', '--paste', '/bench/hello.ini', '--pythonpath', '/bench',
                        '--workers', WORKERS, '--bind', '0.0.0.0:6543'])


def start_tryton(bench):
    """trytond (gunicorn in production) behind the proxy's port 8000."""
    return bench.web('tryton', 'ado-do deploy-tryton c3s')


# gives the portal's Tryton user a password for this run, so the bench can
# log in as it over JSON-RPC; prints alice's web user id (the record rules' key)
PORTAL_LOGIN = """
import sys
from trytond import config
config.update_etc('/ado/etc/trytond.conf')
from trytond.pool import Pool
from trytond.transaction import Transaction
Pool.start()
pool = Pool('c3s')
with Transaction().start('c3s', 0) as transaction:
    pool.init()
    User = pool.get('res.user')
    portal, = User.search([('login', '=', 'portal')])
    User.write([portal], {'password': sys.argv[1]})
    alice, = pool.get('web.user').search([('email', '=', sys.argv[2])])
    print(alice.id)
"""


def jsonrpc_session(tryton, proxy):
    """(Authorization header, alice's web user id) for the portal user."""
    done = tryton.exec_run(['python3', '-c', PORTAL_LOGIN, PORTAL_PASSWORD, DEMO_EMAIL])
    if done.exit_code != 0:
        fail(f'could not set the portal user\'s password: {done.output.decode()[-500:]}')
    alice = int(done.output.decode().split()[-1])
    reply = requests.post(f'http://{proxy}:8000/c3s/rpc/', timeout=60, json={
        'id': 1, 'method': 'common.db.login',
        'params': ['portal', {'password': PORTAL_PASSWORD}, 'en']})
    user_id, session = reply.json()['result'][:2]
    header = base64.b64encode(f'portal:{user_id}:{session}'.encode()).decode()
    return f'Session {header}', alice


def search_read_body(alice):
    return json.dumps({'id': 1, 'method': 'model.creation.search_read',
                       'params': [[], 0, None, None, LIST_FIELDS, {'web_user': alice}]})


def start_proxy(bench):
    env_files = {str(CHECKOUT / f'{s}.env'): {'bind': f'/etc/ado/{s}.env', 'mode': 'ro'}
                 for s in ('portal', 'api')}
    template = {str(bench.workdir / 'ado.conf.template'):
                {'bind': '/etc/nginx/ado.conf.template', 'mode': 'ro'}}
    # X-Upstream names the answering replica: how wait_ready sees them all
    return address(bench.run(PROXY_IMAGE, None, 'proxy', volumes={**env_files, **template},
                             environment={'SHOW_UPSTREAM': '1'}, sysctls=proxy_sysctls()))


def proxy_sysctls():
    """The proxy's kernel settings, as docker-compose.yml gives them."""
    compose = yaml.safe_load((CHECKOUT / 'docker-compose.yml').read_text())
    return {name: str(value) for name, value in compose['services']['proxy']['sysctls'].items()}


def wait_ready(bench, proxy, replicas):
    """Every replica answers: hit each service until all its addresses were seen."""
    for host in ('localhost', 'api.localhost'):
        wait_until(f'{host} through the proxy', lambda: healthy(proxy, host),
                   containers=bench.containers)
        seen = set()

        def all_seen():
            reply = requests.get(f'http://{proxy}:81/health', headers={'Host': host}, timeout=5)
            if reply.status_code == 200:
                seen.add(reply.headers.get('X-Upstream'))
            return len(seen) >= replicas
        wait_until(f'{replicas} replicas of {host}', all_seen, containers=bench.containers)


def tryton_ready(proxy):
    reply = requests.post(f'http://{proxy}:8000/rpc/', timeout=5, json={
        'id': 0, 'method': 'common.server.version', 'params': []})
    return reply.status_code == 200


def cookie_header(*jars):
    """One Cookie header from the jars; a later jar's cookie wins."""
    cookies = {cookie.name: cookie.value for jar in jars for cookie in jar}
    return '; '.join(f'{name}={value}' for name, value in cookies.items())


def portal_cookie(proxy):
    # production's cookies are Secure, which requests keeps from plain http:
    # the Cookie header is written by hand, as wrk gets it
    url = f'http://{proxy}:81/login'
    page = requests.get(url, headers={'Host': 'localhost'}, timeout=30)
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    reply = requests.post(url, headers={'Host': 'localhost', 'Cookie': cookie_header(page.cookies)},
                          allow_redirects=False, timeout=60,
                          data={'csrf_token': csrf, 'email': DEMO_EMAIL, 'password': DEMO_PASSWORD})
    if reply.status_code != 302:
        fail(f'could not log in as {DEMO_EMAIL}: HTTP {reply.status_code}')
    # the cookie as a browser holds it after its first page: that page adds
    # the CSRF token of the logout form, which the login's cookie lacks (wrk
    # never updates its cookie, so each request would make a new token)
    first = requests.get(f'http://{proxy}:81/', allow_redirects=False, timeout=30, headers={
        'Host': 'localhost', 'Cookie': cookie_header(page.cookies, reply.cookies)})
    return cookie_header(page.cookies, reply.cookies, first.cookies)


def api_token(proxy):
    reply = requests.post(f'http://{proxy}:81/v1/token', headers={'Host': 'api.localhost'},
                          auth=(DEMO_EMAIL, DEMO_PASSWORD), timeout=60)
    if reply.status_code != 201:
        fail(f'could not get an API token: HTTP {reply.status_code}')
    return reply.json()['token']


JSONRPC_LABEL = 'trytond JSON-RPC creations search_read (engine)'
# py-spy (from PyPI, on the host: `py-spy record --pid PID --format raw`) on
# the portal's process while wrk loaded the logged-in list, before the first
# change; cProfile in the portal container before the second
PROFILE = (
    'What the profile of the logged-in list showed (py-spy, issue 11; the '
    'flame graph is not kept in git): about 70 % of a request waited on '
    'PostgreSQL. 44 % was the view reading every creation as records with '
    'fields the list never shows (lyrics, notes, the contributions and their '
    'artists: one One2Many read and a read per relation), 19 % was checking '
    'the session key (web_user\'s search, a read of its dates, the user), '
    'about 10 % each the connection pool\'s check and the rollback of the '
    'read-only transaction (trytond\'s own), and template loading (a '
    'development setting). Changed: the list is one search_read of the '
    'shown fields (the artist by a join) and the session key is checked in '
    'one query (also refusing a deactivated web user).\n\n'
    'Second round (cProfile of 500 logged-in list requests in one production '
    'process, webtest, 4.5 ms a request without the profiler): 36 % waited on '
    'PostgreSQL (four statements: the pool\'s check, the session key, the '
    'search, the read), 13 % built SQL text (python-sql), 13 % started and '
    'ended the Tryton transaction, 8 % was a failing template lookup on every '
    'render (pyramid_jinja2 first tries the name in the calling package; the '
    'miss is not cached). Changed: the list is two queries, the page\'s ids by '
    'trytond\'s search (rights, record rules, order) and one join for the shown '
    'columns (search_read made three and fetched every column, lyrics and '
    'notes too); templates are named by asset spec; the API\'s list gives the '
    'same summaries (the whole creation is at /v1/creations/{uuid}) and checks '
    'a bearer token in one query. What is left is trytond\'s transaction, the '
    'pool\'s check and the SQL round trips, which the engine pays too.\n\n'
    'Third round (the same cProfile, then py-spy on a production worker under '
    'wrk): a logged-in list still asked PostgreSQL four times (the session key, '
    'the ids, the join, and BEGIN/ROLLBACK around them) for data that changes '
    'rarely. Changed: which web user a session key or API token stands for, '
    'and the creations lists, are kept per process in trytond caches, cleared '
    'in every process at once (LISTEN/NOTIFY) by any change of a session, '
    'token, web user, creation or artist; the key holds the caller\'s '
    'record-rule domains and access rights are checked on every request. '
    'In-process the list went from 2.9 to 0.6 ms a request. Then py-spy showed '
    'the workers idle 75 % of the time in gunicorn\'s graceful close, waiting '
    'for nginx: after the home page\'s burst, some 14,000 closed connections '
    'to the same server sat in TIME_WAIT and each connect() searched the '
    'ports, so the list ran at 410 req/s for a minute, 1,350 after it. The '
    'proxy now reuses TIME_WAIT ports for new connections (net.ipv4.tcp_tw_reuse '
    'and a wider port range, in docker-compose.yml).')


def targets(proxy, tryton):
    """(label, host, path, extra headers, port, POST body), each checked to
    answer 200 first."""
    cookie, token = portal_cookie(proxy), api_token(proxy)
    authorization, alice = jsonrpc_session(tryton, proxy)
    result = [
        ('hello app (ceiling)', 'hello.localhost', '/', {}, 81, None),
        ('portal home page', 'localhost', '/', {}, 81, None),
        ('portal creations list (logged in)', 'localhost', '/creations', {'Cookie': cookie},
         81, None),
        ('API creations list (bearer)', 'api.localhost', '/v1/creations',
         {'Authorization': f'Bearer {token}'}, 81, None),
        (JSONRPC_LABEL, 'localhost', '/c3s/rpc/',
         {'Authorization': authorization, 'Content-Type': 'application/json'}, 8000,
         search_read_body(alice)),
    ]
    for label, host, path, headers, port, body in result:
        reply = requests.request('POST' if body else 'GET', f'http://{proxy}:{port}{path}',
                                 headers={'Host': host, **headers}, data=body,
                                 allow_redirects=False, timeout=30)
        if reply.status_code != 200 or (body and reply.json().get('error')):
            fail(f'{label}: HTTP {reply.status_code} before measuring: {reply.text[:300]}')
        if body and not reply.json()['result']:
            fail(f'{label}: no creations found for alice')
    return result


UNITS = {'us': 0.001, 'ms': 1.0, 's': 1000.0}


def wrk(proxy, host, path, headers, port, body, duration, connections):
    """(requests/s, p99 in ms, non-2xx responses) of one wrk run."""
    command = ['wrk', '--latency', f'-t{min(2, connections)}', f'-c{connections}',
               f'-d{duration}s', '-H', f'Host: {host}']
    for name, value in headers.items():
        command += ['-H', f'{name}: {value}']
    with tempfile.NamedTemporaryFile('w', suffix='.lua') as script:
        if body:
            # wrk sends a body only from a Lua script
            script.write(f'wrk.method = "POST"\nwrk.body = {json.dumps(body)}\n')
            script.flush()
            command += ['-s', script.name]
        output = subprocess.run(command + [f'http://{proxy}:{port}{path}'], check=True,
                                capture_output=True, text=True).stdout
    rate = float(re.search(r'Requests/sec:\s+([\d.]+)', output).group(1))
    value, unit = re.search(r'^\s+99%\s+([\d.]+)(us|ms|s)\s*$', output, re.M).groups()
    errors = re.search(r'Non-2xx or 3xx responses:\s+(\d+)', output)
    return rate, float(value) * UNITS[unit], int(errors.group(1)) if errors else 0


def measure(proxy, tryton, replicas, duration, connections):
    rows = []
    for label, host, path, headers, port, body in targets(proxy, tryton):
        # a short warm-up loads each gunicorn worker's Tryton pool first
        wrk(proxy, host, path, headers, port, body, 3, connections)
        rate, p99, errors = wrk(proxy, host, path, headers, port, body, duration, connections)
        print(f'{replicas} replica(s) {label}: {rate:.0f} req/s, p99 {p99:.1f} ms, '
              f'{errors} errors', file=sys.stderr)
        rows.append((replicas, label, rate, p99, errors))
    return rows


def markdown(rows, duration, connections):
    lines = [
        '## Portal and API through the proxy',
        '',
        f'wrk, {connections} connections for {duration} s per line, through the ado proxy '
        f'(nginx); each replica is gunicorn with {WORKERS} workers (ENVIRONMENT=production). '
        'The hello app is a bare Pyramid view in the same image, server and proxy: the '
        'ceiling. Ratio: requests/s against the hello app with the same replicas.',
        '',
        '| replicas | what | requests/s | p99 (ms) | ratio to hello | non-2xx |',
        '|---|---|---:|---:|---:|---:|',
    ]
    ceiling = {r: rate for r, label, rate, _, _ in rows if label.startswith('hello')}
    engine = {r: rate for r, label, rate, _, _ in rows if label == JSONRPC_LABEL}
    for replicas, label, rate, p99, errors in rows:
        lines.append(f'| {replicas} | {label} | {rate:.0f} | {p99:.1f} | '
                     f'{rate / ceiling[replicas]:.2f} | {errors} |')
    lines += ['', PROFILE]
    lines += ['', 'Against the engine (trytond\'s own JSON-RPC for the same list, one '
              'trytond replica; target: at least 1.0):', '']
    for replicas, label, rate, _, _ in rows:
        if 'creations list' in label:
            lines.append(f'- {replicas} replica(s), {label}: '
                         f'**{rate / engine[replicas]:.2f}x** the engine')
    return '\n'.join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--duration', type=int, default=10, help='seconds per measurement')
    parser.add_argument('--connections', type=int, default=16, help='concurrent connections')
    args = parser.parse_args()
    if not shutil.which('wrk'):
        fail('wrk is not installed (apt-get install wrk)')
    client = docker.from_env()
    missing = [i for i in IMAGES if not client.images.list(name=i)]
    if missing:
        fail(f'missing images: {", ".join(missing)} (build the stack first)')
    with tempfile.TemporaryDirectory(prefix='ado-bench-') as workdir:
        bench = Bench(client, Path(workdir))
        try:
            start_stack(bench)
            rows = []
            for replicas in (1, 2):
                add_replica(bench)
                if replicas == 1:
                    tryton = start_tryton(bench)
                    proxy = start_proxy(bench)
                wait_ready(bench, proxy, replicas)
                wait_until('trytond through the proxy', lambda: tryton_ready(proxy),
                           containers=bench.containers)
                rows += measure(proxy, tryton, replicas, args.duration, args.connections)
        finally:
            bench.stop()
    write_section('portal', markdown(rows, args.duration, args.connections))


if __name__ == '__main__':
    main()
