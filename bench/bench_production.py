#!/usr/bin/env python3
"""Portal throughput through the proxy: ENVIRONMENT=production (gunicorn
workers, docker-compose.production.yml) against development (one threaded gunicorn
worker under hupper's reloader, docker-compose.yml alone), in the same run.

Both stacks come up side by side as throwaway compose projects of this
checkout, each with its own host ports, data directory and file store, so the
user's stack (ports 81/8000) is left alone. wrk then loads the portal home
page through each proxy in alternating rounds, so both see the same machine.

Usage: bench/bench_production.py [--duration 10] [--connections 16] [--rounds 3]
Needs: docker, docker compose, wrk (Debian's), images built (./update).
"""
import argparse
import base64
import json
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
sys.path.insert(0, str(CHECKOUT))
from ado_host.stack import wait_healthy  # noqa: E402

PREFIX = os.environ.get('ADO_IMAGE_PREFIX') or 'ado'
# the development stack's file store in a volume too: the checkout's
# ado/var belongs to the user's stack, whose database has the same name
DEV_OVERRIDE = '''
services:
  tryton: {volumes: ["filestore:/ado/var/lib/trytond"]}
  portal: {volumes: ["filestore:/ado/var/lib/trytond"]}
  api: {volumes: ["filestore:/ado/var/lib/trytond"]}
  migrate: {volumes: ["filestore:/ado/var/lib/trytond"]}
  cron: {volumes: ["filestore:/ado/var/lib/trytond"]}
  worker: {volumes: ["filestore:/ado/var/lib/trytond"]}
volumes:
  filestore:
'''
SECRETS = ('postgres_password', 'tryton_admin_password', 'portal_session_secret',
           'tryton_db_password', 'portal_db_password', 'api_db_password',
           'backup_cipher_pass')


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
        self.tryton_port = free_port()
        self.env = dict(os.environ, COMPOSE_PROJECT_NAME=f'adobench{name}',
                        ADO_HTTP_PORT=str(self.port), ADO_TRYTON_PORT=str(self.tryton_port),
                        ADO_DB_DATA=str(workdir / 'pgdata'),
                        ADO_BACKUP_REPO=str(workdir / 'backups' / 'pgbackrest'),
                        ADO_BACKUP_DIR=str(workdir / 'backups'),
                        ADO_SECRETS=str(write_secrets(workdir / 'secrets')))
        self.url = f'http://localhost:{self.port}/'
        # the Tryton client's port: TLS in production
        scheme = 'https' if name == 'production' else 'http'
        self.rpc = f'{scheme}://localhost:{self.tryton_port}/c3s/rpc/'

    def admin_password(self):
        path = (self.workdir / 'secrets' / 'tryton_admin_password'
                if self.name == 'production' else CHECKOUT / 'ado' / 'etc' / 'trytonpassfile')
        return path.read_text().strip()

    def compose(self, *args, check=True):
        argv = ['docker', 'compose']
        for path in self.files:
            argv += ['-f', str(path)]
        return subprocess.run([*argv, *args], cwd=CHECKOUT, env=self.env, check=check,
                              stdout=subprocess.DEVNULL)

    def up(self):
        # not --wait: it counts the one-shot migrate's exit as a failure
        self.compose('up', '-d')
        wait_healthy(f'adobench{self.name}', timeout=900)

    def down(self):
        self.compose('down', '--volumes', '--timeout', '10', check=False)
        subprocess.run(['docker', 'run', '--rm', '-v', f'{self.workdir}:/tmp/d',
                        '--entrypoint', 'rm', f'{PREFIX}-db', '-rf', '/tmp/d/pgdata'], check=False)


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


# what the portal's creations list shows
LIST_FIELDS = ['uuid', 'title', 'date', 'artist.uuid', 'artist.name']


def search_read_script(stack, directory):
    """A wrk Lua script: JSON-RPC model.creation.search_read as admin, with
    a session from common.db.login."""
    import requests
    login = requests.post(stack.rpc, verify=False, timeout=60, json={
        'id': 1, 'method': 'common.db.login',
        'params': ['admin', {'password': stack.admin_password()}, 'en']})
    user_id, session = login.json()['result'][:2]
    header = base64.b64encode(f'admin:{user_id}:{session}'.encode()).decode()
    body = json.dumps({'id': 1, 'method': 'model.creation.search_read',
                       'params': [[], 0, None, None, LIST_FIELDS, {}]})
    answer = requests.post(stack.rpc, verify=False, timeout=60, data=body, headers={
        'Authorization': f'Session {header}', 'Content-Type': 'application/json'}).json()
    if not answer.get('result'):
        raise SystemExit(f'bench_production: search_read on {stack.name}: {answer}')
    script = directory / f'search_read_{stack.name}.lua'
    script.write_text(f'wrk.method = "POST"\nwrk.body = {json.dumps(body)}\n'
                      f'wrk.headers["Content-Type"] = "application/json"\n'
                      f'wrk.headers["Authorization"] = "Session {header}"\n')
    return script


def wrk(url, duration, connections, script=None):
    """(requests/s, p99 ms, non-2xx) from one wrk run."""
    extra = ['-s', str(script)] if script else []
    out = subprocess.run(['wrk', '-t', '2', '-c', str(connections), '-d', f'{duration}s',
                          '--latency', *extra, url],
                         capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r'Requests/sec:\s+([\d.]+)', out).group(1))
    p99 = re.search(r'99%\s+([\d.]+)(us|ms|s)\b', out)
    scale = {'us': 0.001, 'ms': 1, 's': 1000}[p99.group(2)]
    errors = re.search(r'Non-2xx or 3xx responses: (\d+)', out)
    return rate, float(p99.group(1)) * scale, int(errors.group(1)) if errors else 0


def measure(stacks, args, scripts):
    """{(what, environment): [runs]}: the portal's home page and trytond's
    JSON-RPC, alternating between the stacks."""
    results = {}
    for _ in range(args.rounds):
        for stack in stacks:
            results.setdefault(('portal home page', stack.name), []).append(
                wrk(stack.url, args.duration, args.connections))
            results.setdefault(('trytond JSON-RPC search_read', stack.name), []).append(
                wrk(stack.rpc, args.duration, args.connections, scripts[stack.name]))
    return results


def report(results, args):
    rows = ['| what | environment | requests/s (median) | p99 ms (median) | non-2xx |',
            '|---|---|---|---|---|']
    for (what, name), runs in results.items():
        rows.append(f'| {what} | {name} | {statistics.median(r[0] for r in runs):.1f} | '
                    f'{statistics.median(r[1] for r in runs):.1f} | {sum(r[2] for r in runs)} |')
    return (f'## Portal and trytond through the proxy: production vs development\n\n'
            f'The portal home page through each stack\'s proxy, wrk {args.connections} '
            f'connections, {args.duration} s per run, {args.rounds} alternating rounds; '
            f'one replica each. development: gunicorn with one threaded worker '
            f'under hupper\'s reloader; '
            f'production: gunicorn with {2 * (os.cpu_count() or 1) + 1} workers. '
            f'trytond: JSON-RPC model.creation.search_read (the list\'s fields) as '
            f'admin through the proxy\'s port 8000 (TLS in production); development: '
            f'trytond\'s app (collecting_society.served_databases) in the same one worker '
            f'under hupper; '
            f'production: the same app '
            f'in gunicorn with {2 * (os.cpu_count() or 1) + 1} workers.\n\n'
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
            scripts = {stack.name: search_read_script(stack, tmp) for stack in stacks}
            results = measure(stacks, args, scripts)
        finally:
            for stack in stacks:
                stack.down()
    write_section('production', report(results, args))


if __name__ == '__main__':
    main()
