"""deploy-*: the database is made, then ado-do becomes the server (exec), as tryton."""
import json
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest

from conftest import (ADO_DO, CONFIG, STORE, URI, WORK, ado_do, connect, drop, err_lines,
                      query)

TRYTON_URL = 'http://127.0.0.1:8765/rpc/'  # the tests' trytond.conf listens there


def answer(url, data=None, seconds=180, process=None):
    """The first answer of `url` within `seconds`; fails early if the server died."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise AssertionError(f'the server ended: {process.log.read_text()[-3000:]}')
        try:
            request = urllib.request.Request(url, data=data,
                                             headers={'Content-Type': 'application/json'})
            with urllib.request.urlopen(request, timeout=5) as response:
                return response.status, response.read()
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f'{url} did not answer in {seconds} s')


def answered_while_stopping(process, port=6543, start=b'GET /health HTTP/1.1\r\n', body=b''):
    """Start a request, tell the server to stop (as docker stop does), then
    finish the request: the raw reply it gets."""
    with socket.create_connection(('127.0.0.1', port), timeout=30) as in_flight:
        in_flight.sendall(start + b'Host: localhost\r\n')
        time.sleep(0.5)
        os.kill(process.pid, signal.SIGTERM)
        time.sleep(0.5)
        in_flight.sendall(b'Connection: close\r\n\r\n' + body)
        return in_flight.makefile('rb').read()


def proc_info(pid):
    cmdline = open(f'/proc/{pid}/cmdline', 'rb').read().split(b'\0')
    uid = next(int(line.split()[1]) for line in open(f'/proc/{pid}/status')
               if line.startswith('Uid:'))
    return [part.decode() for part in cmdline if part], uid


def program(argv):
    """The program a process runs: its script's name when python runs one."""
    first = Path(argv[0]).name
    return Path(argv[1]).name if first.startswith('python') else first


def start(*args, env=None):
    """ado-do in the background, its output in a file (a server's log never
    fills a pipe nobody reads)."""
    log = WORK / f'{args[0]}-{time.monotonic_ns()}.log'
    with open(log, 'wb') as out:
        process = subprocess.Popen([sys.executable, str(ADO_DO), *args], stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True,
                                   env=dict(os.environ, **(env or {})))
    process.log = log
    return process


def stop(process):
    if process.poll() is None:
        os.kill(process.pid, signal.SIGTERM)  # what docker stop sends
    try:
        return process.wait(timeout=30)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)


@pytest.fixture
def as_root():
    if os.geteuid() != 0:
        pytest.skip('deploy-* drop to user tryton from root, as in the containers')


@pytest.fixture
def production_secrets():
    """Production refuses the development defaults: a role and an admin password
    of its own for this test, dropped afterwards."""
    password = secrets.token_hex(16)
    role = 'adotest_prod_role'
    with connect() as conn:
        conn.execute(psycopg.sql.SQL('CREATE ROLE {} LOGIN SUPERUSER PASSWORD {}').format(
            psycopg.sql.Identifier(role), psycopg.sql.Literal(password)))
    passfile = WORK / 'production-passfile'
    passfile.write_text(secrets.token_hex(16) + '\n')
    parts = urlsplit(URI)
    uri = f'postgresql://{role}:{password}@{parts.hostname}:{parts.port or 5432}/'
    yield {'ENVIRONMENT': 'production', 'TRYTOND_DATABASE__URI': uri,
           'TRYTONPASSFILE': str(passfile)}
    drop('adotest_deploy_production')
    with connect() as conn:
        conn.execute(psycopg.sql.SQL('DROP ROLE {}').format(psycopg.sql.Identifier(role)))


RPC_CALL = b'{"id": 0, "method": "common.server.version", "params": []}'
RPC_START = (b'POST /rpc/ HTTP/1.1\r\nContent-Type: application/json\r\n'
             b'Content-Length: %d\r\n' % len(RPC_CALL))


def deploy_tryton(dbname, env):
    process = start('deploy-tryton', dbname, env=env)
    try:
        call = json.dumps({'id': 1, 'method': 'common.db.list', 'params': []}).encode()
        status, body = answer(TRYTON_URL, call, process=process)
        assert status == 200
        assert dbname in json.loads(body)['result']
        # the same process: ado-do exec'd gunicorn with trytond's WSGI app
        # (in development under hupper)
        argv, uid = proc_info(process.pid)
        assert program(argv) in ('hupper', 'gunicorn'), argv
        assert 'collecting_society.served_databases:app' in argv
        assert uid == pwd.getpwnam('tryton').pw_uid
        assert STORE.stat().st_uid == uid
        # a request in flight when the server stops is answered (trytond's
        # own server died mid-request)
        reply = answered_while_stopping(process, 8765, RPC_START, RPC_CALL)
        assert reply.startswith(b'HTTP/1.1 200 ') and b'"result"' in reply, reply
        assert process.wait(timeout=30) == 0
    finally:
        stop(process)
    assert query(dbname, 'SELECT count(*) FROM web_user') == [(6,)]
    return argv


def test_deploy_tryton_development(installed, as_root):
    argv = deploy_tryton('adotest_deploy_development', {'ENVIRONMENT': 'development'})
    assert program(argv) == 'hupper', argv


def test_deploy_tryton_production(installed, as_root, production_secrets):
    argv = deploy_tryton('adotest_deploy_production', production_secrets)
    assert program(argv) == 'gunicorn' and 'hupper' not in argv, argv


def test_deploy_tryton_missing_passfile(installed):
    done = ado_do('deploy-tryton', 'adotest_nopass', env={'TRYTONPASSFILE': '/nowhere'})
    assert done.returncode == 1
    assert err_lines(done)[-1].startswith('Error: admin password file /nowhere is missing')


def test_deploy_portal_missing_ini():
    done = ado_do('deploy-portal', env={'PORTAL_INI': '/nowhere/portal.ini'})
    assert done.returncode == 1
    assert err_lines(done) == ['Error: no Pyramid ini file at /nowhere/portal.ini (PORTAL_INI)']


PORTAL_INI = '''[app:main]
use = egg:collecting_society.portal
ado.mode = {mode}
tryton.database = adotest_web
tryton.config = {config}
tryton.user = portal
session.secret = test-secret
'''
WEB_URL = 'http://127.0.0.1:6543'


@pytest.mark.parametrize('command, mode', [('deploy-portal', 'portal'), ('deploy-api', 'api')])
def test_deploy_web(as_root, command, mode):
    if not shutil.which('hupper'):
        pytest.skip('hupper is in the ado-portal image; run these tests there too')
    ini = WORK / f'{mode}.ini'
    ini.write_text(PORTAL_INI.format(mode=mode, config=CONFIG))
    os.chmod(WORK, 0o755)
    process = start(command, env={'PORTAL_INI': str(ini)})
    try:
        status, _ = answer(f'{WEB_URL}/health', process=process)
        assert status == 200
        # development: gunicorn under hupper, which restarts it on edits
        argv, uid = proc_info(process.pid)
        assert program(argv) == 'hupper' and 'gunicorn' in argv, argv
        assert uid == pwd.getpwnam('tryton').pw_uid
        # a stopping server finishes the requests it has (waitress under
        # pserve died mid-request, and the proxy lost it)
        assert answered_while_stopping(process).startswith(b'HTTP/1.1 200 ')
        assert process.wait(timeout=30) == 0
    finally:
        stop(process)
    assert query('adotest_web', 'SELECT count(*) FROM web_user') == [(6,)]
