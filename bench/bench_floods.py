#!/usr/bin/env python3
"""The floods of one anonymous client that stalled a server (issue 26): each
sent for a while from a container of its own on the stack's network, while
alice's GET /login and the admin's common.server.version are timed from the
host, 10 a second each. Side by side in one run: both p99s quiet, then
during each flood, beside the target (200 ms, as for the login flood).

Runs against this checkout's running stack (`docker compose up -d` first).

Usage: python -m bench.bench_floods [--seconds 20]
Writes the section "floods" of BENCHMARKS.md.
"""
import argparse
import base64
import json
import os
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid

import requests

from ado_host.compose import compose_command
from ado_host.paths import CHECKOUT
from bench.report import write_section

PORTAL = f'http://localhost:{os.environ.get("ADO_HTTP_PORT", "81")}'
TRYTON = f'http://localhost:{os.environ.get("ADO_TRYTON_PORT", "8000")}'
RATE = 10  # timed calls per second, each kind
TARGET_MS = 200
PASSWORD = 'violet-Harbour-tractor-57'
JSON = {'Content-Type': 'application/json'}


def registration_with_an_endless_email():
    session = requests.Session()
    page = session.get(PORTAL + '/register', timeout=30).text
    token = page.split('name="csrf_token" value="')[1].split('"')[0]
    cookie = '; '.join(f'{k}={v}' for k, v in session.cookies.items())
    body = urllib.parse.urlencode({'csrf_token': token, 'email': 'a@' + '.' * 200_000 + '@',
                                   'password': PASSWORD, 'password_confirm': PASSWORD})
    return [{'url': 'http://proxy:81/register', 'method': 'POST', 'body': body,
             'headers': {'Host': 'localhost', 'Cookie': cookie,
                         'Content-Type': 'application/x-www-form-urlencoded'}}]


def calls_for_unknown_databases():
    call = json.dumps({'id': 1, 'method': 'common.db.login',
                       'params': ['admin', {'password': 'x'}, 'en']})
    return [{'url': f'http://proxy:8000/atk-{uuid.uuid4().hex[:10]}/rpc/', 'method': 'POST',
             'body': call, 'headers': JSON} for _ in range(500)]


def tryton_password_resets():
    return [{'url': 'http://proxy:8000/c3s/rpc/', 'method': 'POST', 'headers': JSON,
             'body': json.dumps({'id': 1, 'method': 'common.db.reset_password',
                                 'params': [f'nobody-{i}', 'en']})} for i in range(50)]


def forms_of_many_fields():
    return [{'url': 'http://proxy:81/login', 'method': 'POST', 'body': 'a=1&' * 250_000,
             'headers': {'Host': 'localhost',
                         'Content-Type': 'application/x-www-form-urlencoded'}}]


def basic_auth_on_one_account(email):
    token = base64.b64encode(f'{email}:{PASSWORD}'.encode()).decode()
    return [{'url': 'http://proxy:81/v1/artists',
             'headers': {'Host': 'api.localhost', 'Authorization': f'Basic {token}'}}]


def floods(alice):
    """(name, requests, concurrency) of each flood of the issue."""
    return [
        ('registrations with a 200,000-dot email', registration_with_an_endless_email(), 8),
        ('JSON-RPC for databases trytond does not serve', calls_for_unknown_databases(), 10),
        ("the Tryton client's password reset", tryton_password_resets(), 16),
        ('forms of 250,000 fields', forms_of_many_fields(), 12),
        ('HTTP basic auth on one account', basic_auth_on_one_account(alice), 8),
    ]


def start_attacker(spec):
    """tests/attacker.py in a container of its own on the stack's network,
    given `spec` on stdin; read its stdout for what it saw."""
    attacker = subprocess.Popen(
        [*compose_command(), 'run', '--rm', '--no-deps', '-T', '--entrypoint', 'python3',
         '-v', f'{CHECKOUT / "tests"}:/tests:ro', 'tryton', '/tests/attacker.py'],
        cwd=CHECKOUT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    attacker.stdin.write(json.dumps(spec))
    attacker.stdin.close()
    return attacker


def timed(call, seconds):
    """Milliseconds of `call`, RATE a second, for `seconds`."""
    latencies, started = [], time.monotonic()
    for index in range(int(seconds * RATE)):
        delay = started + index / RATE - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        begin = time.monotonic()
        try:
            call()
        except requests.RequestException:
            pass  # a call that failed took as long as it took
        latencies.append((time.monotonic() - begin) * 1000)
    return latencies


def login_page():
    requests.get(PORTAL + '/login', timeout=30)


def server_version():
    requests.post(f'{TRYTON}/rpc/', timeout=30, json={
        'id': 1, 'method': 'common.server.version', 'params': []})


def both_timed(seconds):
    """(login p99, version p99) measured side by side."""
    results = {}
    threads = [threading.Thread(target=lambda n=n, c=c: results.update({n: timed(c, seconds)}))
               for n, c in (('login', login_page), ('version', server_version))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return p99(results['login']), p99(results['version'])


def p99(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def verdict(milliseconds):
    return 'met' if milliseconds < TARGET_MS else 'missed'


def main():
    sys.path.insert(0, str(CHECKOUT / 'tests'))
    import inbox  # the tests' mail catcher client: alice confirms her address
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--seconds', type=int, default=20, help='length of each flood')
    args = parser.parse_args()
    alice = inbox.register(PORTAL, f'bench-{uuid.uuid4().hex[:8]}@example.org', PASSWORD)
    rows = [('quiet', '-', *both_timed(10))]
    for name, requests_, concurrency in floods(alice):
        attacker = start_attacker({'requests': requests_, 'count': 100_000,
                                   'concurrency': concurrency, 'seconds': args.seconds + 5})
        time.sleep(5)  # the attacker's container starts
        login, version = both_timed(args.seconds)
        out = attacker.stdout.read()
        attacker.wait()
        seen = json.loads(out.strip().splitlines()[-1])
        statuses = ', '.join(f'{n} x {s}' for s, n in sorted(seen['statuses'].items()))
        rows.append((name, statuses, login, version))
    write_section('floods', markdown(args, rows))


def markdown(args, rows):
    lines = [
        '## Floods of one anonymous client (bench/bench_floods.py)',
        '',
        f'Each flood for {args.seconds} s from a container on the stack\'s network; '
        f'meanwhile, from the host, {RATE}/s each: alice\'s GET /login (portal) and '
        f'common.server.version (trytond on :8000). Target for both p99s: under '
        f'{TARGET_MS} ms.',
        '',
        '| flood | attacker\'s answers | GET /login p99 (ms) | | version p99 (ms) | |',
        '|---|---|---:|---|---:|---|',
    ]
    for name, statuses, login, version in rows:
        lines.append(f'| {name} | {statuses} | {login:.1f} | {verdict(login)} | '
                     f'{version:.1f} | {verdict(version)} |')
    return '\n'.join(lines)


if __name__ == '__main__':
    main()
