#!/usr/bin/env python3
"""Portal throughput through the proxy: ENVIRONMENT=production (gunicorn
workers, docker-compose.production.yml) against development (pserve --reload,
docker-compose.yml alone), in the same run.

Both stacks come up side by side as throwaway compose projects of this
checkout, each with its own host ports, data directory and file store, so the
user's stack (ports 81/8000) is left alone. wrk then loads the portal home
page through each proxy in alternating rounds, so both see the same machine.

Usage: bench/bench_production.py [--duration 10] [--connections 16] [--rounds 3]
Needs: docker, docker compose, wrk (Debian's), images built (./update).
"""
import argparse
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.request import urlopen

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import write_section  # noqa: E402

CHECKOUT = Path(__file__).resolve().parent.parent
# the development stack's file store in a volume too: the checkout's
# ado/var belongs to the user's stack, whose database has the same name
DEV_OVERRIDE = '''
services:
  tryton: {volumes: ["filestore:/ado/var/lib/trytond"]}
  portal: {volumes: ["filestore:/ado/var/lib/trytond"]}
  api: {volumes: ["filestore:/ado/var/lib/trytond"]}
volumes:
  filestore:
'''
SECRETS = ('postgres_password', 'tryton_admin_password', 'portal_session_secret',
           'tryton_db_password', 'portal_db_password', 'api_db_password')


def free_port():
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]


class Stack:
    """One throwaway compose project: up, its portal URL, down."""

    def __init__(self, name, files, workdir):
        self.name = name
        self.files = files
        self.workdir = workdir
        self.port = free_port()
        self.env = dict(os.environ, COMPOSE_PROJECT_NAME=f'adobench{name}',
                        ADO_HTTP_PORT=str(self.port), ADO_TRYTON_PORT=str(free_port()),
                        ADO_DB_DATA=str(workdir / 'pgdata'),
                        ADO_SECRETS=str(write_secrets(workdir / 'secrets')))
        self.url = f'http://localhost:{self.port}/'

    def compose(self, *args, check=True):
        argv = ['docker', 'compose']
        for path in self.files:
            argv += ['-f', str(path)]
        return subprocess.run([*argv, *args], cwd=CHECKOUT, env=self.env, check=check,
                              stdout=subprocess.DEVNULL)

    def up(self):
        self.compose('up', '-d', '--wait', '--wait-timeout', '900')

    def down(self):
        self.compose('down', '--volumes', '--timeout', '10', check=False)
        subprocess.run(['docker', 'run', '--rm', '-v', f'{self.workdir}:/tmp/d',
                        '--entrypoint', 'rm', 'ado-db', '-rf', '/tmp/d/pgdata'], check=False)


def write_secrets(directory):
    directory.mkdir(mode=0o700, exist_ok=True)
    for name in SECRETS:
        (directory / name).write_text(secrets.token_urlsafe(24) + '\n')
        (directory / name).chmod(0o644)
    return directory


def warm(url, seconds=5):
    """Each server's first requests compile templates and fill caches."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        urlopen(url, timeout=30).read()


def wrk(url, duration, connections):
    """(requests/s, p99 ms, non-2xx) from one wrk run."""
    out = subprocess.run(['wrk', '-t', '2', '-c', str(connections), '-d', f'{duration}s',
                          '--latency', url], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r'Requests/sec:\s+([\d.]+)', out).group(1))
    p99 = re.search(r'99%\s+([\d.]+)(us|ms|s)\b', out)
    scale = {'us': 0.001, 'ms': 1, 's': 1000}[p99.group(2)]
    errors = re.search(r'Non-2xx or 3xx responses: (\d+)', out)
    return rate, float(p99.group(1)) * scale, int(errors.group(1)) if errors else 0


def measure(stacks, args):
    results = {stack.name: [] for stack in stacks}
    for _ in range(args.rounds):
        for stack in stacks:
            results[stack.name].append(wrk(stack.url, args.duration, args.connections))
    return results


def report(results, args):
    rows = ['| environment | requests/s (median) | p99 ms (median) | non-2xx |',
            '|---|---|---|---|']
    for name, runs in results.items():
        rows.append(f'| {name} | {statistics.median(r[0] for r in runs):.1f} | '
                    f'{statistics.median(r[1] for r in runs):.1f} | {sum(r[2] for r in runs)} |')
    return (f'## Portal through the proxy: production vs development\n\n'
            f'The portal home page through each stack\'s proxy, wrk {args.connections} '
            f'connections, {args.duration} s per run, {args.rounds} alternating rounds; '
            f'one replica each. development: pserve --reload (waitress, one process); '
            f'production: gunicorn with {2 * (os.cpu_count() or 1) + 1} workers.\n\n'
            + '\n'.join(rows))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--duration', type=int, default=10)
    parser.add_argument('--connections', type=int, default=16)
    parser.add_argument('--rounds', type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix='ado-bench-production-') as tmp:
        tmp = Path(tmp)
        (tmp / 'dev').mkdir()
        (tmp / 'prod').mkdir()
        (tmp / 'dev-override.yml').write_text(DEV_OVERRIDE)
        stacks = [
            Stack('development', ['docker-compose.yml', tmp / 'dev-override.yml'], tmp / 'dev'),
            Stack('production', ['docker-compose.yml', 'docker-compose.production.yml'],
                  tmp / 'prod'),
        ]
        try:
            for stack in stacks:
                stack.up()
                warm(stack.url)
            results = measure(stacks, args)
        finally:
            for stack in stacks:
                stack.down()
    write_section('production', report(results, args))


if __name__ == '__main__':
    main()
