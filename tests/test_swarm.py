"""The same compose files on Docker Swarm: a one-node swarm made for this test,
the production stack deployed with `docker stack deploy`, the portal reached
through the proxy and scaled to 3, then the stack removed and the swarm left,
so the engine is as it was. Skipped, with the reason, where the engine cannot
make a swarm or already is in one (that one is not ours to touch)."""
import json
import ssl
import subprocess
import time

import pytest
import requests

from ado_host.compose import compose, project_name
from ado_host.stack import containers
from ado_host.paths import CHECKOUT

from conftest import free_port, up
from test_production import VERSION_CALL, served_certificate, write_secrets

STACK = 'adoswarmtest'
FILES = ['-f', 'docker-compose.yml', '-f', 'docker-compose.production.yml',
         '-f', 'docker-compose.swarm.yml']


def docker(*args, check=True):
    return subprocess.run(['docker', *args], capture_output=True, text=True, check=check)


def swarm_state():
    return docker('info', '--format', '{{.Swarm.LocalNodeState}}').stdout.strip()


def compose_proxy_answers():
    """Whether the development stack (if up) still serves through its proxy:
    swarm adds networks and firewall rules, which must not cut the Compose
    stack off. The portal's /health goes through Docker's DNS on the stack's
    network. None when there is no proxy running to ask."""
    proxies = [c for c in containers(project_name(), 'proxy') if c.status == 'running']
    if not proxies:
        return None
    port = proxies[0].ports['81/tcp'][0]['HostPort']
    try:
        return requests.get(f'http://localhost:{port}/health', timeout=10).ok
    except requests.RequestException:
        return False


def mend_compose_stack():
    """Docker 20.10 here: after a swarm is made and left, names no longer
    resolve on networks made before it (the proxy answers 502). Making the
    stack's network anew mends it; the data stays."""
    compose('down')
    up()


def network_exists(name):
    return docker('network', 'inspect', name, check=False).returncode == 0


@pytest.fixture(scope='module')
def swarm():
    if swarm_state() != 'inactive':
        pytest.skip(f'this engine is already in a swarm ({swarm_state()}); not touching it')
    before = compose_proxy_answers()
    had_bridge = network_exists('docker_gwbridge')
    made = docker('swarm', 'init', '--advertise-addr', '127.0.0.1', check=False)
    if made.returncode != 0:
        pytest.skip(f'docker swarm init does not work here: {made.stderr.strip()}')
    try:
        assert compose_proxy_answers() is not False or not before
        yield
    finally:
        docker('swarm', 'leave', '--force', check=False)
        # swarm makes this bridge for its tasks and leaving keeps it
        if not had_bridge:
            docker('network', 'rm', 'docker_gwbridge', check=False)
        if before and not compose_proxy_answers():
            mend_compose_stack()
    assert swarm_state() == 'inactive'
    assert network_exists('docker_gwbridge') == had_bridge
    assert compose_proxy_answers() is not False or not before


def stack_file(env, path):
    """The stack file as README.rst makes it: ./stackfile > ado-stack.json."""
    stack = subprocess.run(['./stackfile'], cwd=CHECKOUT, env=env,
                           check=True, capture_output=True)
    path.write_bytes(stack.stdout)
    return path


def wait_for(what, check, timeout=600):
    deadline = time.monotonic() + timeout
    while True:
        try:
            if check():
                return
        except requests.RequestException:
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f'{what}: not within {timeout} s')
        time.sleep(2)


def replicas(service):
    return docker('service', 'ls', '--filter', f'name={STACK}_{service}',
                  '--format', '{{.Replicas}}').stdout.strip()


def remove_stack():
    docker('stack', 'rm', STACK, check=False)
    wait_for('stack removed', lambda: not docker(
        'ps', '-aq', '--filter', f'label=com.docker.stack.namespace={STACK}').stdout.strip(),
        timeout=120)
    # stack rm leaves the stack's volumes; a later deploy must start afresh
    for volume in ('filestore', 'tls'):
        docker('volume', 'rm', f'{STACK}_{volume}', check=False)


@pytest.fixture(scope='module')
def deployed(swarm, tmp_path_factory):
    import os
    tmp = tmp_path_factory.mktemp('swarm')
    data = tmp / 'pgdata'
    data.mkdir()  # swarm never makes a bind mount's source
    http, tryton = free_port(), free_port()
    env = dict(os.environ, ADO_HTTP_PORT=str(http), ADO_TRYTON_PORT=str(tryton),
               ADO_DB_DATA=str(data), ADO_SECRETS=str(write_secrets(tmp / 'secrets')),
               ADO_BACKUP_REPO=str(tmp / 'backups' / 'pgbackrest'),
               ADO_BACKUP_DIR=str(tmp / 'backups'),
               # the replica in a header, to see the balancing (README.rst)
               ADO_SHOW_UPSTREAM='1',
               # README: the replicas of each web service (default 2 each)
               ADO_PORTAL_REPLICAS='2', ADO_API_REPLICAS='1')
    (tmp / 'backups' / 'pgbackrest').mkdir(parents=True)  # nor these
    stack = stack_file(env, tmp / 'stack.json')
    try:
        docker('stack', 'deploy', '--detach=true', '-c', str(stack), STACK)
        portal = f'http://localhost:{http}/'
        wait_for('portal through the proxy',
                 lambda: requests.get(portal, timeout=10).status_code == 200)
        yield {'portal': portal, 'tryton_port': tryton,
               'stack': json.loads(stack.read_text())}
    finally:
        remove_stack()
        subprocess.run(['docker', 'run', '--rm', '-v', f'{tmp}:/tmp/d', '--entrypoint', 'rm',
                        'ado-db', '-rf', '/tmp/d/pgdata'], check=False)


def test_portal_and_api_replicas_behind_the_proxy(deployed):
    # the first replica answering does not mean the second has started
    # ADO_PORTAL_REPLICAS=2, ADO_API_REPLICAS=1 (deployed above)
    wait_for('2 portal and 1 api replicas',
             lambda: replicas('portal') == '2/2' and replicas('api') == '1/1', timeout=300)
    assert requests.get(deployed['portal'], timeout=30).status_code == 200


def test_tryton_client_port_is_tls(deployed, tmp_path):
    # trust exactly the certificate the proxy made for this installation
    port = deployed['tryton_port']
    pem = tmp_path / 'tryton.crt'
    pem.write_text(ssl.DER_cert_to_PEM_cert(served_certificate(port)))
    reply = requests.post(f'https://localhost:{port}/rpc/', json=VERSION_CALL,
                          verify=str(pem), timeout=30)
    assert reply.json()['result'].startswith('8.0')


def test_secrets_are_docker_secrets(deployed):
    names = docker('secret', 'ls', '--format', '{{.Name}}').stdout.split()
    for secret in ('postgres_password', 'tryton_admin_password', 'portal_session_secret'):
        assert f'{STACK}_{secret}' in names


def test_db_is_pinned_to_one_node(deployed):
    placement = deployed['stack']['services']['db']['deploy']['placement']
    assert placement['constraints'] == ['node.role == manager']
    assert replicas('db') == '1/1'


def upstreams(url, count):
    return {requests.get(url, timeout=30).headers['X-Upstream'] for _ in range(count)}


def test_scaled_portal_is_balanced_over_three_replicas(deployed):
    docker('service', 'scale', '--detach', f'{STACK}_portal=3')
    wait_for('3 portal replicas', lambda: replicas('portal') == '3/3')
    wait_for('the proxy reaching all 3',
             lambda: len(upstreams(deployed['portal'], 30)) == 3, timeout=120)
