#!/usr/bin/env python3
"""Logins under a password-guessing attack: 50 failed logins per second for
30 s from one attacker address, while alice logs in from another and
everyone's GET /login keeps its speed.

Runs against this checkout's running stack (`docker compose up -d` first):
the attacker is tests/attacker.py in a container of its own on the stack's
network, alice and the page loads come from the host. Side by side in one
run: the p99 of GET /login with no attack, then during the attack.

Usage: bench/bench_security.py [--rate 50] [--seconds 30]
Writes the section "security" of BENCHMARKS.md.
"""
import argparse
import base64
import json
import os
import re
import sys
import threading
import time
import uuid
from pathlib import Path

import requests

CHECKOUT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(CHECKOUT))
sys.path.insert(0, str(CHECKOUT / 'tests'))
import inbox  # noqa: E402
from bench import bench_floods  # noqa: E402
from bench.report import write_section  # noqa: E402

PORTAL = f'http://localhost:{os.environ.get("ADO_HTTP_PORT", "81")}'
PASSWORD = 'violet-Harbour-tractor-57'
PAGE_RATE = 10  # GET /login per second from the host


def csrf(session, path):
    page = session.get(PORTAL + path, timeout=30)
    return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)


def register_alice():
    """alice registers and clicks the link in her mail (the mail catcher)."""
    return inbox.register(PORTAL, f'alice-{uuid.uuid4().hex[:8]}@example.org', PASSWORD)


def alice_logs_in(email):
    """(portal status, API status, seconds) of alice's two logins."""
    started = time.monotonic()
    session = requests.Session()
    portal = session.post(PORTAL + '/login', data={
        'csrf_token': csrf(session, '/login'), 'email': email, 'password': PASSWORD},
        allow_redirects=False, timeout=30).status_code
    token = base64.b64encode(f'{email}:{PASSWORD}'.encode()).decode()
    api = requests.get(PORTAL + '/v1/artists', timeout=30, headers={
        'Host': 'api.localhost', 'Authorization': f'Basic {token}'}).status_code
    return portal, api, time.monotonic() - started


def page_latencies(seconds, stop=None):
    """Milliseconds of GET /login, PAGE_RATE a second, for `seconds`."""
    latencies, started = [], time.monotonic()
    for index in range(int(seconds * PAGE_RATE)):
        if stop and stop.is_set():
            break
        delay = started + index / PAGE_RATE - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        begin = time.monotonic()
        requests.get(PORTAL + '/login', timeout=30)
        latencies.append((time.monotonic() - begin) * 1000)
    return latencies


def p99(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def start_attacker(victim, rate, seconds):
    """tests/attacker.py in a container of its own: wrong passwords for
    alice and for made-up emails through the proxy, `rate` a second."""
    def guess(email):
        token = base64.b64encode(f'{email}:wrong-guess'.encode()).decode()
        return {'url': 'http://proxy:81/v1/artists',
                'headers': {'Host': 'api.localhost', 'Authorization': f'Basic {token}'}}
    spec = {'requests': [guess(victim)] + [guess(f'nobody{i}@example.org') for i in range(9)],
            'count': rate * seconds, 'rate': rate, 'concurrency': 16}
    return bench_floods.start_attacker(spec)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--rate', type=int, default=50, help='failed logins per second')
    parser.add_argument('--seconds', type=int, default=30, help='length of the attack')
    args = parser.parse_args()
    alice = register_alice()
    quiet = page_latencies(10)
    attacker = start_attacker(alice, args.rate, args.seconds)
    time.sleep(5)  # the attacker's container starts
    stop, during = threading.Event(), []
    pages = threading.Thread(target=lambda: during.extend(page_latencies(args.seconds, stop)))
    pages.start()
    logins = []
    for _ in range(3):
        time.sleep(args.seconds / 4)
        logins.append(alice_logs_in(alice))
    out = attacker.stdout.read()
    attacker.wait()
    stop.set()
    pages.join()
    seen = json.loads(out.strip().splitlines()[-1])
    write_section('security', markdown(args, seen, quiet, during, logins))


def markdown(args, seen, quiet, during, logins):
    statuses = ', '.join(f'{count} x {status}' for status, count in sorted(seen['statuses'].items()))
    lines = [
        '## Logins under attack (bench/bench_security.py)',
        '',
        f'One attacker address sends {args.rate} failed logins/s for {args.seconds} s '
        '(API basic auth through the proxy: alice\'s email and made-up ones) from a '
        'container on the stack\'s network; alice logs in from the host meanwhile. '
        f'GET /login from the host, {PAGE_RATE}/s, before and during the attack.',
        '',
        f'Attacker: {seen["count"] if "count" in seen else sum(seen["statuses"].values())} '
        f'requests in {seen["seconds"]:.1f} s: {statuses}.',
        '',
        '| alice logs in during the attack | portal | API | seconds |',
        '|---|---:|---:|---:|',
    ]
    for index, (portal, api, seconds) in enumerate(logins, 1):
        lines.append(f'| try {index} | {portal} | {api} | {seconds:.2f} |')
    lines += [
        '',
        '| GET /login | requests | p99 (ms) | ratio to quiet |',
        '|---|---:|---:|---:|',
        f'| quiet | {len(quiet)} | {p99(quiet):.1f} | 1.00 |',
        f'| during the attack | {len(during)} | {p99(during):.1f} | '
        f'{p99(during) / p99(quiet):.2f} |',
    ]
    return '\n'.join(lines)


if __name__ == '__main__':
    main()
