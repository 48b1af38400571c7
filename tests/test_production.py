"""The production stack (docker-compose.yml + docker-compose.production.yml),
brought up for real under its own project name, host ports and data directory,
beside the development stack, and taken down with its volumes afterwards."""
import hashlib
import os
import re
import secrets
import socket
import ssl
import subprocess
import time
from pathlib import Path

import pytest
import requests

from ado_host.compose import compose_command, project_name
from ado_host.stack import client, containers, wait_healthy
from ado_host.paths import CHECKOUT
from conftest import free_port, signed_in_error

# beside this checkout's own stack, and beside another checkout's production test
PROJECT = f'{project_name()}prodtest'
FILES = ['-f', 'docker-compose.yml', '-f', 'docker-compose.production.yml']
SECRETS = ('postgres_password', 'tryton_admin_password', 'portal_session_secret',
           'tryton_db_password', 'portal_db_password', 'api_db_password',
           'backup_cipher_pass')
VERSION_CALL = {'id': 0, 'method': 'common.server.version', 'params': []}
# README: ERP_HOST is trytond's host name, which the TLS certificate names
ERP_HOST = 'erp.example.test'
FILESTORE_SERVICES = ('tryton', 'portal', 'api', 'worker')


def project_containers(project):
    """Every container of a Compose project, stopped and `run` ones too."""
    return client().containers.list(
        all=True, filters={'label': f'com.docker.compose.project={project}'})


def write_secrets(directory, **values):
    """One file per secret, random unless given; the directory keeps them
    private, the files are readable by the containers' users."""
    directory.mkdir(mode=0o700, exist_ok=True)
    for name in SECRETS:
        path = directory / name
        path.write_text(values.get(name, secrets.token_urlsafe(24)) + '\n')
        path.chmod(0o644)
    return directory


class Production:
    """docker compose on the production files with this test's environment."""

    def __init__(self, tmp):
        self.http = free_port()
        self.tryton = free_port()
        self.data = tmp / 'pgdata'
        self.filestore = tmp / 'filestore'
        self.secrets = write_secrets(tmp / 'secrets')
        self.env = dict(os.environ, COMPOSE_PROJECT_NAME=PROJECT,
                        ADO_HTTP_PORT=str(self.http), ADO_TRYTON_PORT=str(self.tryton),
                        ADO_DB_DATA=str(self.data), ADO_SECRETS=str(self.secrets),
                        # its own backups: a repository holds one cluster's
                        ADO_BACKUP_REPO=str(tmp / 'backups' / 'pgbackrest'),
                        ADO_BACKUP_DIR=str(tmp / 'backups'),
                        # README: the number of gunicorn workers per server
                        WEB_WORKERS='2', TRYTON_WORKERS='3',
                        # README: the file store and trytond's host name move
                        ADO_FILESTORE=str(self.filestore), ERP_HOST=ERP_HOST)

    def compose(self, *args, check=True, env=None, **kwargs):
        return subprocess.run([*compose_command(), *FILES, *args], cwd=CHECKOUT,
                              env=env or self.env, check=check, **kwargs)

    def logs(self, service):
        return self.compose('logs', '--no-color', service, capture_output=True,
                            text=True).stdout

    def fingerprint_logged(self):
        return logged_fingerprints(self.logs('proxy'))[-1]

    def remove(self):
        self.compose('down', '--volumes', '--timeout', '10', check=False)
        # the cluster's files belong to the container's postgres user
        subprocess.run(['docker', 'run', '--rm', '-v', f'{self.data.parent}:/tmp/d',
                        '--entrypoint', 'rm', 'ado-db', '-rf', '/tmp/d/pgdata',
                        '/tmp/d/backups', '/tmp/d/filestore'], check=False)


def logged_fingerprints(text):
    return re.findall(r'sha1 Fingerprint=([0-9A-F:]+)', text)


def der_fingerprint(der):
    """The SHA1 fingerprint as the Tryton client and openssl show it."""
    digest = hashlib.sha1(der).hexdigest().upper()
    return ':'.join(digest[i:i + 2] for i in range(0, len(digest), 2))


def served_certificate(port):
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    with socket.create_connection(('localhost', port), timeout=10) as sock:
        with context.wrap_socket(sock, server_hostname='localhost') as tls:
            return tls.getpeercert(binary_form=True)


@pytest.fixture(scope='module', autouse=True)
def proxy_image():
    """The proxy image as this checkout builds it (the image name is shared
    with other checkouts on this engine; the build is cached)."""
    subprocess.run([*compose_command(), 'build', '--quiet', 'proxy'], cwd=CHECKOUT,
                   check=True)


@pytest.fixture(scope='module')
def production(tmp_path_factory):
    stack = Production(tmp_path_factory.mktemp('production'))
    try:
        stack.compose('up', '-d')
        wait_healthy(PROJECT)
        yield stack
    finally:
        stack.remove()


def service_containers(service):
    found = containers(PROJECT, service)
    assert found, f'no {service} container in project {PROJECT}'
    return found


def process_lines(service):
    """Every process of the service's first container, as `ps` shows it."""
    return [' '.join(row[-1:]) for row in service_containers(service)[0].top()['Processes']]


def test_portal_and_api_through_the_proxy(production):
    assert requests.get(f'http://localhost:{production.http}/', timeout=30).status_code == 200
    api = requests.get(f'http://localhost:{production.http}/v1/licenses',
                       headers={'Host': 'api.localhost'}, timeout=30)
    assert api.status_code == 200 and api.json()
    # a write (a new trytond session) through the api's own database role
    token = requests.post(f'http://localhost:{production.http}/v1/token',
                          headers={'Host': 'api.localhost'}, timeout=60,
                          auth=('alice@example.org', 'demo-password'))
    assert token.status_code == 201, token.text


@pytest.mark.parametrize('service, workers', [('portal', 2), ('api', 2), ('tryton', 3)])
def test_servers_are_gunicorn_workers_without_reloader(production, service, workers):
    lines = process_lines(service)
    assert not [line for line in lines if 'hupper' in line or '--reload' in line], lines
    # the master and exactly WEB_WORKERS (TRYTON_WORKERS) workers
    assert len([line for line in lines if 'gunicorn' in line]) == workers + 1, lines


def test_trytond_runs_without_dev_mode(production, tmp_path):
    # development sends a signed-in caller the traceback of an unexpected
    # error (TRYTOND_DEV, tests/test_security.py); production never does
    password = (production.secrets / 'tryton_admin_password').read_text().strip()
    reply = signed_in_error(f'https://localhost:{production.tryton}/c3s/rpc/', password,
                            verify=trusted_certificate(production, tmp_path))
    assert reply.json().get('error') and 'Traceback' not in reply.text, reply.text


def test_every_service_restarts_unless_stopped(production):
    for service in ('db', 'tryton', 'portal', 'api', 'proxy'):
        for container in service_containers(service):
            assert container.attrs['HostConfig']['RestartPolicy']['Name'] == 'unless-stopped'


def test_secrets_are_files_not_environment(production):
    password = (production.secrets / 'postgres_password').read_text().strip()
    session = (production.secrets / 'portal_session_secret').read_text().strip()
    for service in ('db', 'tryton', 'portal', 'api'):
        env = '\n'.join(service_containers(service)[0].attrs['Config']['Env'])
        assert password not in env and session not in env, service
        assert 'ENVIRONMENT=production' in env or service == 'db'


def psql(production, *args, user):
    """psql in the db container, over TCP as a service's role with its secret
    password: no user's command connects as a service's role."""
    secret = f'{user[4:]}_db_password'
    password = (production.secrets / secret).read_text().strip()
    return production.compose('exec', '-T', '-e', f'PGPASSWORD={password}', 'db', 'psql',
                              '-h', 'localhost', '-U', user, '-d', 'c3s', '-tA', '-v',
                              'ON_ERROR_STOP=1', *args, check=False, capture_output=True,
                              text=True)


def test_each_service_connects_as_its_own_role(production):
    requests.get(f'http://localhost:{production.http}/', timeout=30)
    # README: maintenance commands run in migrate's container (db-psql)
    done = production.compose(
        'run', '--rm', '-T', '--no-deps', 'migrate', 'ado-do', 'db-psql', 'c3s', '-tA', '-c',
        "SELECT DISTINCT usename FROM pg_stat_activity "
        "WHERE datname = 'c3s' AND usename <> 'postgres'",
        check=False, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert set(done.stdout.split()) == {'ado_tryton', 'ado_portal', 'ado_api'}, done


@pytest.mark.parametrize('role', ['ado_tryton', 'ado_portal', 'ado_api'])
def test_service_roles_read_and_write_rows_but_change_no_schema(production, role):
    reads = psql(production, '-c', 'SELECT count(*) FROM res_user', user=role)
    assert reads.returncode == 0 and int(reads.stdout) > 0, reads.stderr
    ddl = psql(production, '-c', 'CREATE TABLE ado_not_allowed (id int)', user=role)
    assert ddl.returncode != 0 and 'permission denied' in ddl.stderr
    drop = psql(production, '-c', 'DROP TABLE res_user', user=role)
    assert drop.returncode != 0 and 'must be owner' in drop.stderr


# each container mounts only the secrets it needs: one code execution in a
# server must not give the superuser's or the Tryton admin's password
OWN_SECRETS = {
    'tryton': {'tryton_db_password'},
    'cron': {'tryton_db_password'},
    'worker': {'tryton_db_password'},
    'portal': {'portal_db_password', 'portal_session_secret'},
    'api': {'api_db_password'},
    'backup': {'postgres_password', 'tryton_admin_password'},
}


@pytest.mark.parametrize('service', sorted(OWN_SECRETS))
def test_each_service_mounts_only_its_own_secrets(production, service):
    for container in service_containers(service):
        mounted = {Path(mount['Destination']).name for mount in container.attrs['Mounts']
                   if mount['Destination'].startswith('/run/secrets/')}
        assert mounted == OWN_SECRETS[service], (container.name, mounted)
        env = container.attrs['Config']['Env']
        if service != 'backup':
            assert not [line for line in env if line.startswith(
                ('POSTGRES_PASSWORD', 'TRYTONPASSFILE=/run'))], env


def test_the_servers_cannot_read_the_superusers_password(production):
    done = production.compose('exec', '-T', 'portal', 'sh', '-c',
                              'ls /run/secrets; env', check=False,
                              capture_output=True, text=True)
    # a failed exec prints nothing, which would have no password in it either
    assert done.returncode == 0, done.stderr
    assert 'portal_db_password' in done.stdout and 'ENVIRONMENT=production' in done.stdout
    password = (production.secrets / 'postgres_password').read_text().strip()
    assert password not in done.stdout
    assert 'postgres_password' not in done.stdout and 'tryton_admin_password' not in done.stdout


def test_maintenance_commands_use_the_superuser_from_the_secret_file(production):
    # migrate's container is the one with the superuser's secret (README.rst)
    done = production.compose('run', '--rm', '-T', '--no-deps', 'migrate', 'ado-do', 'db-list',
                              capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert 'c3s' in done.stdout


def test_server_logs_reach_docker(production):
    assert 'Booting worker' in production.logs('portal')
    assert 'GET /' in production.logs('proxy')


def trusted_certificate(production, tmp_path):
    """The served certificate as a file: the client trusts exactly this one."""
    pem = tmp_path / 'tryton.crt'
    pem.write_text(ssl.DER_cert_to_PEM_cert(served_certificate(production.tryton)))
    return str(pem)


def test_tryton_client_port_is_tls_with_the_logged_certificate(production, tmp_path):
    assert der_fingerprint(served_certificate(production.tryton)) == \
        production.fingerprint_logged()
    url = f'https://localhost:{production.tryton}'
    password = (production.secrets / 'tryton_admin_password').read_text().strip()
    reply = requests.post(f'{url}/c3s/rpc/', verify=trusted_certificate(production, tmp_path),
                          timeout=60, json={'id': 1, 'method': 'common.db.login',
                                            'params': ['admin', {'password': password}]})
    assert reply.status_code == 200
    assert reply.json().get('error') is None, reply.json()


def test_plain_http_on_the_tryton_port_is_refused(production):
    reply = requests.post(f'http://localhost:{production.tryton}/rpc/', json=VERSION_CALL,
                          timeout=30)
    assert reply.status_code == 400


@pytest.mark.parametrize('host', [ERP_HOST, 'erp.localhost'])
def test_trytond_is_not_served_in_plain_http_on_port_81(production, host):
    # with TLS on 8000, ERP_HOST on :81 would be a way around it
    reply = requests.post(f'http://localhost:{production.http}/rpc/', json=VERSION_CALL,
                          headers={'Host': host}, timeout=30)
    # refused by the proxy as an unknown host (a 502 from a dead server would
    # have no result either)
    assert reply.status_code == 421, reply.text
    assert 'result' not in reply.text, reply.text


def certificate_names(der):
    """The subject and alternative names of a DER certificate, as openssl prints them."""
    pem = ssl.DER_cert_to_PEM_cert(der)
    done = subprocess.run(['openssl', 'x509', '-noout', '-subject', '-ext', 'subjectAltName'],
                          input=pem, capture_output=True, text=True, check=True)
    return done.stdout


def test_the_certificate_names_erp_host(production):
    names = certificate_names(served_certificate(production.tryton))
    assert ERP_HOST in names, names


@pytest.mark.parametrize('service', FILESTORE_SERVICES)
def test_the_file_store_is_where_ado_filestore_says(production, service):
    container = service_containers(service)[0]
    sources = {mount['Destination']: mount['Source'] for mount in container.attrs['Mounts']}
    assert sources['/ado/var/lib/trytond'] == str(production.filestore)
    # and the server's user writes there: a file made inside shows up on the host
    probe = f'probe-{service}'
    production.compose('exec', '-T', '-u', 'tryton', service, 'touch',
                       f'/ado/var/lib/trytond/{probe}')
    assert (production.filestore / probe).exists()


def test_certificate_survives_a_new_proxy_container(production):
    before = der_fingerprint(served_certificate(production.tryton))
    production.compose('up', '-d', '--force-recreate', '--no-deps', 'proxy')
    wait_healthy(PROJECT, services=['proxy'])
    assert der_fingerprint(served_certificate(production.tryton)) == before


def proxy_certificate(*docker_args):
    """The fingerprint a fresh proxy container logs for its certificate."""
    done = subprocess.run(['docker', 'run', '--rm', '-e', 'TRYTON_TLS=1', *docker_args,
                           'ado-proxy', 'true'], capture_output=True, text=True, check=True)
    return logged_fingerprints(done.stderr)[0]


def test_each_installation_makes_its_own_certificate():
    assert proxy_certificate() != proxy_certificate()


def test_the_users_own_certificate_is_served_as_is(tmp_path):
    subprocess.run(['openssl', 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1',
                    '-subj', '/CN=erp.example.org', '-keyout', tmp_path / 'tryton.key',
                    '-out', tmp_path / 'tryton.crt'], check=True, capture_output=True)
    (tmp_path / 'tryton.key').chmod(0o644)
    own = ssl.PEM_cert_to_DER_cert((tmp_path / 'tryton.crt').read_text())
    # README: ADO_TLS=./dir puts your own certificate in the proxy's place
    (tmp_path / 'stack').mkdir()
    stack = Production(tmp_path / 'stack')
    env = dict(stack.env, ADO_TLS=str(tmp_path), COMPOSE_PROJECT_NAME=f'{PROJECT}owntls')
    name = f'{PROJECT}owntls-proxy'
    try:
        stack.compose('run', '-d', '--no-deps', '--service-ports', '--name', name, 'proxy',
                      env=env, capture_output=True)
        # what a client connecting to the Tryton port gets
        assert served_when_up(stack.tryton) == own
    finally:
        subprocess.run(['docker', 'rm', '-f', name], capture_output=True)
        stack.compose('down', '--volumes', env=env, check=False, capture_output=True)


def served_when_up(port, seconds=120):
    """The certificate served on port, once the proxy listens there."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            return served_certificate(port)
        except OSError:
            assert time.monotonic() < deadline, f'nothing serves TLS on port {port}'
            time.sleep(1)


REFUSALS = [
    ('migrate', 'migrate', 'postgres_password', 'postgres', 'POSTGRES_PASSWORD'),
    ('migrate', 'migrate', 'tryton_admin_password', 'admin', 'TRYTONPASSFILE'),
    ('migrate', 'migrate', 'portal_db_password', '', 'portal_db_password'),
    ('tryton', 'deploy-tryton', 'tryton_db_password', 'admin', 'ADO_DB_ROLE_PASSWORD'),
    ('portal', 'deploy-portal', 'portal_session_secret', '', 'PORTAL_SESSION_SECRET'),
    ('api', 'deploy-api', 'api_db_password', '', 'ADO_DB_ROLE_PASSWORD'),
    ('portal', 'deploy-portal', 'portal_session_secret',
     'ado-development-session-secret-change-me', 'PORTAL_SESSION_SECRET'),
]


@pytest.mark.parametrize('service,command,secret,value,variable', REFUSALS)
def test_production_refuses_a_default_secret(tmp_path, service, command, secret, value,
                                             variable):
    stack = Production(tmp_path)
    write_secrets(stack.secrets, **{secret: value})
    env = dict(stack.env, COMPOSE_PROJECT_NAME=f'{PROJECT}refusal')
    done = stack.compose('run', '--rm', '--no-deps', '-T', service, 'ado-do', command,
                         env=env, check=False, capture_output=True, text=True)
    assert done.returncode != 0
    last = done.stderr.strip().splitlines()[-1]
    assert variable in last and 'production' in last, done.stderr
    # the refusing container is gone too (containers() leaves out `run` ones)
    assert not project_containers(f'{PROJECT}refusal')
    stack.compose('down', '--volumes', env=env, check=False, capture_output=True)


def test_production_without_secrets_files_does_not_start(tmp_path):
    stack = Production(tmp_path)
    env = dict(stack.env, ADO_SECRETS=str(tmp_path / 'missing'),
               COMPOSE_PROJECT_NAME=f'{PROJECT}missing')
    done = stack.compose('up', '-d', 'tryton', env=env, check=False, capture_output=True,
                         text=True)
    assert done.returncode != 0
    assert 'postgres_password' in done.stderr or 'tryton_admin_password' in done.stderr
    assert not project_containers(f'{PROJECT}missing')
    stack.compose('down', '--volumes', env=env, check=False, capture_output=True)
