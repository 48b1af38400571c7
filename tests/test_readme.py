"""README.rst is executable: every `$ ` command of its literal blocks runs, in
the order and form written, against this checkout's running stack, and must
exit 0; where README shows the output, the output must have its shape.

A command added to README.rst later is picked up by itself. The commands in
SKIPPED cannot run as written; each says why and runs in an adapted form.
The commands in EXEMPT do not run here at all, each for its reason, and so
does a command written twice where it first ran: test_exemptions counts
them, so a new one cannot pass silently. Commands that need a checkout of
their own (a production stack, the remove-the-database recipe, moving the
proxy's ports) run as written in SCRATCH: a clone of this checkout with its
own Compose project and ports, removed at the end.
"""
import datetime
import hashlib
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests

from ado_host.paths import CHECKOUT
from conftest import TRYTON, admin_password, assert_nothing_skipped, free_port
from ado_host.stack import wait_healthy

# README's run of trytond's own test suite (upstream's tests, not ado's)
UPSTREAM_SUITE = 'unittest discover -s trytond/tests'

README = CHECKOUT / 'README.rst'
PROMPT = '$ '


@dataclass
class Command:
    text: str                       # as written, continuations joined with newlines
    line: int                       # README line of its `$ `
    output: list = field(default_factory=list)   # the lines README shows after it


def literal_blocks(lines):
    """(first line number, [lines]) of each literal block: the indented lines
    after a paragraph ending in `::` (or a `::` line), up to the dedent."""
    index = 0
    while index < len(lines):
        if lines[index].rstrip().endswith('::'):
            start = index + 1
            while start < len(lines) and not lines[start].strip():
                start += 1
            block = []
            end = start
            while end < len(lines) and (not lines[end].strip() or lines[end].startswith(' ')):
                block.append(lines[end])
                end += 1
            while block and not block[-1].strip():
                block.pop()
            if block and block[0].startswith(' '):
                yield start + 1, block
            index = end
        else:
            index += 1


def complete(script):
    """True when bash reads `script` as whole commands (a `for ...; do` needs its `done`)."""
    return subprocess.run(['bash', '-n', '-c', script], capture_output=True).returncode == 0


def commands_in(lines):
    """Every `$ ` command of README's literal blocks, with the output shown after it."""
    found = []
    for first, block in literal_blocks(lines):
        indent = min(len(line) - len(line.lstrip()) for line in block if line.strip())
        index = 0
        while index < len(block):
            text = block[index][indent:]
            if not text.startswith(PROMPT):
                if found and found[-1].line >= first and text.strip():
                    found[-1].output.append(text.rstrip())
                index += 1
                continue
            command, line = [text[len(PROMPT):].rstrip()], first + index
            index += 1
            # `\` continues a line; a compound command continues until bash reads it whole
            while index < len(block) and (command[-1].endswith('\\')
                                          or not complete('\n'.join(command))):
                command.append(block[index].strip())
                index += 1
            found.append(Command('\n'.join(command), line))
    return found


def readme_commands():
    return commands_in(README.read_text().splitlines())


# Commands that cannot run as written, why, and what runs instead (a command,
# run in the same place; None: nothing).
SKIPPED = {
    'docker compose up': (
        'stays in the foreground until Ctrl-C: started detached, then waited for until '
        'healthy (two tryton replicas: the database must still be made once)',
        'docker compose up -d --wait --scale tryton=2'),
    './run-tests': (
        'this test is part of ./run-tests; running it here would recurse: its arguments '
        'are checked instead', './run-tests --fast --collect-only -q tests/test_stack.py'),
    './run-tests --fast -k portal': (
        'would run this test again (its cases whose commands name the portal): '
        'collected only', './run-tests --fast -k portal --collect-only -q'),
    'docker compose build --no-cache': (
        'rebuilds every image without the cache (many minutes on a shared machine): '
        'the smallest image only', 'docker compose build --no-cache proxy'),
    'sudo rm -rf postgresql-data': (
        'sudo is for a user whose files the database server made; the test runs as their '
        'owner (and in the scratch clone, not in the checkout)', 'rm -rf postgresql-data'),
    'mkdir -p /srv/ado/postgresql-data': (
        'outside the checkout: a scratch directory instead', 'mkdir -p ./scratch-data'),
    'ADO_DB_DATA=/srv/ado/postgresql-data ./stackfile > ado-stack.json': (
        'the data directory is the scratch one',
        'ADO_DB_DATA=./scratch-data ./stackfile > ado-stack.json '
        '&& python3 -m json.tool ado-stack.json > /dev/null'),
    './monitor --watch        # refreshed in place until Ctrl-C (--interval SECONDS)': (
        'runs until Ctrl-C: stopped with SIGINT after a few refreshes', 'ctrl-c after 5 s'),
    'ADO_HTTP_PORT=8081 ADO_TRYTON_PORT=8001 docker compose up': (
        'stays in the foreground, and 8081 may be taken by another checkout: detached, '
        'on free ports, in the scratch clone; the proxy must answer there',
        'ADO_HTTP_PORT={free_http} ADO_TRYTON_PORT={free_tryton} docker compose up -d --wait '
        '&& curl -fsS -o /dev/null http://localhost:{free_http}/.proxy-health'),
    'rm ~/.config/tryton/8.0/known_hosts': (
        "would delete the tester's own Tryton client file: a scratch HOME holds one",
        'mkdir -p ~/.config/tryton/8.0 && touch ~/.config/tryton/8.0/known_hosts '
        '&& rm ~/.config/tryton/8.0/known_hosts'),
    'docker compose run --rm --service-ports portal ado-do deploy-portal': (
        'a server in the foreground until Ctrl-C: stopped with SIGINT once it serves',
        'ctrl-c when serving'),
    'docker compose run --rm --service-ports api ado-do deploy-api': (
        'a server in the foreground until Ctrl-C: stopped with SIGINT once it serves',
        'ctrl-c when serving'),
    'docker compose run --rm --service-ports tryton ado-do deploy-tryton c3s': (
        'a server in the foreground until Ctrl-C: stopped with SIGINT once it serves',
        'ctrl-c when serving'),
    # Backups: README's file names and moments are examples
    'docker compose run --rm backup ado-do backups --verify c3s/c3s-20261128T020000Z.tar': (
        'the file is an example: the newest verified backup instead',
        'docker compose run --rm backup ado-do backups --verify {newest_backup}'),
    "docker compose run --rm backup ado-do db-restore --at '2026-11-28 10:42:00' c3s c3s_1042": (
        'the moment is an example, before this repository began: a few seconds ago instead',
        "docker compose run --rm backup ado-do db-restore --at '{moment}' c3s c3s_1042"),
    "docker compose run --rm backup ado-do db-restore --at '2026-11-28T10:42:00+01:00' c3s "
    "c3s_1042": (
        'the moment is an example, and c3s_1042 was just made by the line above: a few '
        'seconds ago in +01:00, into c3s_1042 once the copy above is deleted',
        'docker compose run --rm tryton ado-do db-delete c3s_1042 && '
        "docker compose run --rm backup ado-do db-restore --at '{moment_plus_one}' c3s c3s_1042"),
    'docker compose run --rm backup ado-do db-restore c3s_restored '
    '/backups/c3s/c3s-20261128T020000Z.tar': (
        'the file is an example: the newest verified backup instead',
        'docker compose run --rm backup ado-do db-restore c3s_restored /backups/{newest_backup}'),
    'docker compose run --rm backup ado-do db-restore --neutralize c3s_dev '
    '/backups/c3s/c3s-20261128T020000Z.tar': (
        'the file is an example: the newest verified backup instead',
        'docker compose run --rm backup ado-do db-restore --neutralize c3s_dev '
        '/backups/{newest_backup}'),
}

# Commands that do not run here at all, and why (test_exemptions counts them).
SWAPS_C3S = ('swaps the c3s that the other tests (and engineers) use while they run: '
             'the restore --at into a copy runs above, db-delete and db-copy in Database')
EXEMPT = {
    'git clone <url of ado> ado':
        'the url is a placeholder: this checkout is cloned instead (the scratch clone)',
    'cd ado': 'each command runs in the checkout itself (or the scratch clone)',
    'docker compose stop tryton portal api': SWAPS_C3S,
    'docker compose run --rm tryton ado-do db-delete c3s': SWAPS_C3S,
    'docker compose run --rm tryton ado-do db-copy c3s_1042 c3s': SWAPS_C3S,
    'docker compose start tryton portal api': SWAPS_C3S,
    'ADO_DB_RESTORE=latest docker compose up -d':
        'needs an empty data directory: tests/test_backups.py'
        '::test_a_new_machine_restores_from_the_repository_alone starts a db so',
    'docker swarm init': 'makes the whole engine a swarm node (every project on it); '
                         'tests/test_swarm.py runs the swarm recipe on its own',
    'docker stack deploy -c ado-stack.json ado': 'needs the swarm (see docker swarm init)',
    'docker service scale ado_portal=3': 'needs the swarm (see docker swarm init)',
    'docker stack rm ado': 'needs the swarm (see docker swarm init)',
}
WRITTEN_TWICE = 'written twice: ran where it first appears'

# Commands that need a checkout of their own: run as written in the scratch clone.
IN_SCRATCH = re.compile(
    r'^(git pull|mkdir -m 700 secrets|for s in |chmod 644 secrets|'
    r'docker compose -f docker-compose.yml -f docker-compose.production.yml|'
    r'docker compose down$|sudo rm -rf postgresql-data|./update$|'
    r'docker compose up$|ADO_HTTP_PORT=8081|mkdir -p /srv|ADO_DB_DATA=/srv|rm ~/)')
# in the scratch clone, after the remove-the-database recipe's `docker compose down`
SCRATCH_AFTER_DOWN = ('./update', 'docker compose up')

# The ado-do commands README names as COMMAND.
HELP_TEMPLATE = 'docker compose run --rm tryton ado-do COMMAND --help'


RANDOM_KEY = re.compile(rb'^\\(un)?restrict .*\n', re.M)


def dump_through_run_t_is_byte_for_byte(where, env):
    """The dump that `run -T` passes to the host is the one pg_dump wrote in
    the container, byte for byte (pg_dump's per-run random \\restrict key aside)."""
    dump = run('docker compose run --rm -T tryton ado-do db-backup c3s_copy > c3s_copy.sql',
               where, env)
    assert dump.returncode == 0, dump.stderr
    inside = run("docker compose run --rm -T tryton sh -c 'ado-do db-backup c3s_copy "
                 "> /tmp/dump.sql && sha256sum /tmp/dump.sql && cat /tmp/dump.sql' "
                 "| head -c 1000000000 > c3s_copy_inside.sql", where, env)
    assert inside.returncode == 0, inside.stderr
    try:
        host = (where / 'c3s_copy.sql').read_bytes()
        checksum, container = (where / 'c3s_copy_inside.sql').read_bytes().split(b'\n', 1)
        assert len(host) > 100000
        assert RANDOM_KEY.sub(b'', host) == RANDOM_KEY.sub(b'', container)
        assert hashlib.sha256(container).hexdigest() == checksum.split()[0].decode()
    finally:
        (where / 'c3s_copy.sql').unlink()
        (where / 'c3s_copy_inside.sql').unlink()


def serves_only(database, other):
    """README: the Tryton client reaches the database trytond serves, and no other."""
    def check(where, env):
        call = {'id': 1, 'method': 'common.db.login',
                'params': ['admin', {'password': admin_password()}, 'en']}
        login = requests.post(f'{TRYTON}/{database}/rpc/', json=call, timeout=60)
        assert login.status_code == 200 and login.json().get('result'), login.text
        refused = requests.post(f'{TRYTON}/{other}/rpc/', json=call, timeout=60)
        assert refused.status_code == 404, refused.text
    return check


# What a command's README promise adds to "exits 0", checked after it.
CHECKS = {
    'docker compose run --rm -T tryton ado-do db-restore c3s_copy < c3s.sql':
        dump_through_run_t_is_byte_for_byte,
    'ADO_TRYTON_DATABASE=c3s_3 docker compose up -d --wait tryton proxy':
        serves_only('c3s_3', 'c3s'),
    'docker compose up -d --wait tryton proxy': serves_only('c3s', 'c3s_3'),
}


# README's interactive commands get a line on stdin and must answer it (with
# stdin closed they read EOF and exit 0 having done nothing); the answer is
# computed, so an echo of the input is no answer.
STDIN = {
    'docker compose run --rm portal bash': ('echo ado-$((6 * 7))\n', 'ado-42'),
    'docker compose run --rm tryton ado-do db-psql c3s': ("SELECT 'ado-' || 6 * 7;\n", 'ado-42'),
}


def said(done):
    return done.stdout + done.stderr


def says_what_it_updates(done):
    """README: it says which modules it updates and why, or that none changed."""
    assert re.search(r'^database c3s: (updating \w+ \(.+\)|the code of every activated '
                     r'module is the one it was updated with; nothing to update)$',
                     said(done), re.M), said(done)


def marks_trytons(done):
    """README: List the databases (Tryton's are marked)."""
    assert re.search(r'^c3s +tryton$', done.stdout, re.M), done.stdout
    assert re.search(r'^postgres +-$', done.stdout, re.M), done.stdout


def lists_backups_as_json(done):
    """README: what there is, whether each backup is verified (or why not),
    the base backups, the moments a point-in-time restore can reach, and
    whether WAL archiving fails."""
    report = json.loads(done.stdout)
    assert report['backups'] and report['base_backups'], report
    assert all(b['verified'] or b['reason'] for b in report['backups']), report
    assert report['restorable']['from'] and report['restorable']['to'], report
    assert report['archiving']['failed_count'] is not None, report


def lists_backups(done):
    for heading in ('Logical backups with file store', 'Base backups (pgBackRest):',
                    'Point in time: any moment from', 'WAL archiving:'):
        assert heading in done.stdout, done.stdout


def verified_again(done):
    """Listed as verified, by a check made now (its verdict beside it, README)."""
    newest = newest_backup()
    assert re.search(rf'^\s*{re.escape(newest)}\s.*\sverified$', done.stdout, re.M), \
        done.stdout
    verdict = CHECKOUT / 'backups' / newest.replace('.tar', '.verified.json')
    checked = datetime.datetime.fromisoformat(json.loads(verdict.read_text())['checked'])
    assert checked > done.started, verdict.read_text()


def made_a_verified_backup(done):
    """README: take a round of backups now (each verified)."""
    assert re.search(r'\bc3s-\d+T\d+Z\.tar: verified$', said(done), re.M), said(done)


def updates_the_named_module(done):
    assert re.search(r'^database c3s: updating collecting_society \(named with -m\)$',
                     said(done), re.M), said(done)


def restored(name, neutralized=False):
    def check(done):
        assert f'database {name} restored' in done.stderr, done.stderr
        assert not neutralized or f'database {name} neutralized' in done.stderr, done.stderr
    return check


# What README says a command prints, checked on its output.
PRINTS = {
    'docker compose run --rm tryton ado-do update c3s': says_what_it_updates,
    'docker compose run --rm tryton ado-do migrate c3s': says_what_it_updates,
    'docker compose run --rm tryton ado-do update -m collecting_society c3s':
        updates_the_named_module,
    'docker compose run --rm tryton ado-do db-list': marks_trytons,
    'docker compose run --rm backup ado-do backups': lists_backups,
    'docker compose run --rm backup ado-do backups --json': lists_backups_as_json,
    'docker compose run --rm backup ado-do backups --verify c3s/c3s-20261128T020000Z.tar':
        verified_again,
    'docker compose run --rm backup ado-do deploy-backup --once': made_a_verified_backup,
    "docker compose run --rm backup ado-do db-restore --at '2026-11-28 10:42:00' c3s c3s_1042":
        restored('c3s_1042'),
    "docker compose run --rm backup ado-do db-restore --at '2026-11-28T10:42:00+01:00' c3s "
    "c3s_1042": restored('c3s_1042'),
    'docker compose run --rm backup ado-do db-restore c3s_restored '
    '/backups/c3s/c3s-20261128T020000Z.tar': restored('c3s_restored'),
    'docker compose run --rm backup ado-do db-restore --neutralize c3s_dev '
    '/backups/c3s/c3s-20261128T020000Z.tar': restored('c3s_dev', neutralized=True),
}


def newest_backup():
    """The newest verified logical backup of c3s, as `backups --json` names it."""
    done = subprocess.run(['docker', 'compose', 'run', '--rm', '-T', 'backup', 'ado-do',
                           'backups', '--json'], cwd=CHECKOUT, capture_output=True,
                          text=True, timeout=300, check=True)
    return next(b['file'] for b in json.loads(done.stdout)['backups']
                if b['verified'] and b['database'] == 'c3s')


def filled_in(text, scratch):
    """An adapted command with this run's ports, backup file and moments."""
    moment = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(seconds=5)
    plus_one = datetime.timezone(datetime.timedelta(hours=1))
    values = dict(scratch.ports, moment=moment.strftime('%Y-%m-%d %H:%M:%S'),
                  moment_plus_one=moment.astimezone(plus_one).isoformat(timespec='seconds'))
    if '{newest_backup}' in text:
        values['newest_backup'] = newest_backup()
    return text.format(**values)


class Scratch:
    """A clone of this checkout with its own Compose project, ports and data
    directory, sharing this checkout's images, wheels and host venv."""

    def __init__(self, root):
        self.dir = root / 'ado'
        self.project = f'{os.environ.get("COMPOSE_PROJECT_NAME", CHECKOUT.name)}readme'
        self.ports = {'free_http': free_port(), 'free_tryton': free_port()}
        self.home = root / 'home'
        self.home.mkdir()

    def clone(self):
        subprocess.run(['git', 'clone', '--quiet', str(CHECKOUT), str(self.dir)], check=True)
        (self.dir / '.venv').symlink_to(CHECKOUT / '.venv')
        wheels = self.dir / 'Dockerfiles' / 'wheels'
        shutil.rmtree(wheels)
        shutil.copytree(CHECKOUT / 'Dockerfiles' / 'wheels', wheels, copy_function=os.link)
        # its own project, ports and passwords, from .env alone (README, Setup)
        self.http_port = free_port()
        self.demo_password = f'Readme-Demo-{secrets.token_hex(4)}'
        (self.dir / '.env').write_text(
            f'COMPOSE_PROJECT_NAME={self.project}\n'
            f'ADO_IMAGE_PREFIX={os.environ.get("ADO_IMAGE_PREFIX", "ado")}\n'
            f'ADO_HTTP_PORT={self.http_port}\nADO_TRYTON_PORT={free_port()}\n'
            f'POSTGRES_PASSWORD=readme-{secrets.token_hex(4)}\n'
            f'DEMO_PASSWORD={self.demo_password}\n')
        shutil.copy(CHECKOUT / 'ado' / 'etc' / 'trytonpassfile', self.dir / 'ado' / 'etc')

    def assert_first_start(self):
        """On an empty server, the services starting together made c3s once
        (README, Database), and its demo users got .env's DEMO_PASSWORD
        (README, Clients)."""
        logs = subprocess.run(['docker', 'compose', 'logs', '--no-color'], cwd=self.dir,
                              env=self.env(), capture_output=True, text=True).stdout
        assert logs.count('database c3s created') == 1, logs[-5000:]
        assert logs.count('building the template') == 1, logs[-5000:]
        reply = requests.post(f'http://localhost:{self.http_port}/v1/token', timeout=60,
                              headers={'Host': 'api.localhost'},
                              auth=('alice@example.org', self.demo_password))
        assert reply.status_code == 201, reply.text

    def env(self):
        env = {key: value for key, value in os.environ.items()
               if not key.startswith(('COMPOSE_', 'ADO_'))}
        # the scratch HOME must not hide the docker compose plugin in ~/.docker
        docker_config = os.environ.get('DOCKER_CONFIG') or str(Path.home() / '.docker')
        return dict(env, HOME=str(self.home), DOCKER_CONFIG=docker_config)

    def remove(self):
        if not self.dir.exists():
            return
        for files in (['-f', 'docker-compose.yml', '-f', 'docker-compose.production.yml'], []):
            subprocess.run(['docker', 'compose', *files, 'down', '--volumes',
                            '--remove-orphans'], cwd=self.dir, env=self.env(),
                           capture_output=True)
        shutil.rmtree(self.dir.parent, ignore_errors=True)


def readme_databases():
    """The databases README's commands make (c3s_2, c3s_copy, ...; never c3s)."""
    return sorted({name for command in COMMANDS
                   for name in re.findall(r'\bc3s_\w+', command.text)})


def drop_readme_databases():
    for name in readme_databases():
        subprocess.run(['docker', 'compose', 'run', '--rm', '-T', 'tryton', 'ado-do',
                        'db-delete', '--yes', name], cwd=CHECKOUT, capture_output=True,
                       timeout=300)
    (CHECKOUT / 'c3s.sql').unlink(missing_ok=True)


@pytest.fixture(scope='module')
def fresh_stack(stack):
    """README's commands start from a stack that has only c3s, and leave it
    so: the databases they make are dropped before (a run cut short made
    them) and after."""
    drop_readme_databases()
    yield
    drop_readme_databases()


@pytest.fixture(scope='module')
def scratch():
    root = Path(tempfile.mkdtemp(prefix='ado-readme-'))
    made = Scratch(root)
    made.clone()
    yield made
    made.remove()


def ado_do_commands():
    done = subprocess.run(['docker', 'compose', 'run', '--rm', '-T', 'tryton', 'ado-do',
                           '--help'], cwd=CHECKOUT, capture_output=True, text=True,
                          timeout=300, check=True)
    section = done.stdout.split('Commands:', 1)[1]
    return [line.split()[0] for line in section.splitlines() if line.strip()]


def run(script, cwd, env, timeout=1800, input=''):
    """bash runs script; input is its stdin (empty: it reads EOF at once)."""
    return subprocess.run(['bash', '-o', 'pipefail', '-c', script], cwd=cwd, env=env,
                          input=input, capture_output=True, text=True, timeout=timeout)


def serving(service, project):
    """True when a `docker compose run --service-ports SERVICE` container answers
    on its published port as the service's health check asks."""
    for container in run_containers(service, project):
        port = '8000' if service == 'tryton' else '6543'
        published = subprocess.run(['docker', 'port', container, port],
                                   capture_output=True, text=True).stdout.split()
        if not published:
            continue
        url = f'http://localhost:{published[0].rsplit(":", 1)[1]}'
        try:
            if service == 'tryton':
                reply = requests.post(f'{url}/rpc/', json={
                    'id': 0, 'method': 'common.server.version', 'params': []}, timeout=5)
            else:
                reply = requests.get(f'{url}/health', timeout=5)
        except requests.RequestException:
            return False
        return reply.ok
    return False


def run_containers(service, project):
    return set(subprocess.run(
        ['docker', 'ps', '-aq', '--filter', f'label=com.docker.compose.project={project}',
         '--filter', 'label=com.docker.compose.oneoff=True',
         '--filter', f'label=com.docker.compose.service={service}'],
        capture_output=True, text=True).stdout.split())


def run_until_ctrl_c(command, cwd, env, ready, timeout=600):
    """Start `command`, wait until `ready(output so far)`, then Ctrl-C it: it must end."""
    process = subprocess.Popen(['bash', '-c', f'exec {command}'], cwd=cwd, env=env,
                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    output = []
    reader = threading.Thread(target=lambda: output.extend(process.stdout), daemon=True)
    reader.start()
    deadline = time.monotonic() + timeout
    try:
        while not ready(''.join(output)):
            assert process.poll() is None, f'{command} ended before serving:\n{"".join(output)}'
            assert time.monotonic() < deadline, f'{command} not ready:\n{"".join(output)}'
            time.sleep(1)
        process.send_signal(signal.SIGINT)
        process.wait(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    return ''.join(output)


def shape(line, project):
    """A line of output without what differs between installations: the
    project's name, ports and numbers, runs of spaces."""
    line = line.replace(project, 'PROJECT')
    line = re.sub(r'\d+', '0', line)
    return ' '.join(line.split())


def assert_output_shape(command, output):
    project = os.environ.get('COMPOSE_PROJECT_NAME', CHECKOUT.name)
    shown = {shape(line.replace('project ado,', f'project {project},'), project)
             for line in command.output}
    got = {shape(line, project) for line in output.splitlines()}
    missing = shown - got
    assert not missing, f'README shows lines the output lacks: {missing}\n{output}'


COMMANDS = readme_commands()


def planned(commands):
    """(command, whether it runs in the scratch clone, why it does not run or
    None) for each command, in README's order. The remove-the-database
    recipe's ./update and up run in the scratch clone after its `down`."""
    ran, down = set(), False
    for command in commands:
        in_scratch = bool(IN_SCRATCH.match(command.text)) and (
            command.text not in SCRATCH_AFTER_DOWN or down)
        down = down or (in_scratch and command.text == 'docker compose down')
        key = (in_scratch, command.text)
        if command.text in EXEMPT:
            reason = EXEMPT[command.text]
        elif key in ran and not command.output:
            reason = WRITTEN_TWICE
        else:
            reason = None
        ran.add(key)
        yield command, in_scratch, reason


PLAN = list(planned(COMMANDS))


def test_readme_has_commands():
    # the extractor finds README's commands, continuations and compound ones whole
    texts = [command.text for command in COMMANDS]
    assert './update' in texts and 'docker compose up' in texts
    loop = next(text for text in texts if text.startswith('for s in'))
    assert loop.endswith('done')
    suite = next(text for text in texts if UPSTREAM_SUITE in text)
    assert suite.startswith('docker compose run --rm tryton sh -c')
    assert len(texts) > 40


def test_skip_table_names_readme_commands():
    """A skip entry whose command left README.rst would hide nothing: remove it."""
    texts = {command.text for command in COMMANDS}
    assert set(SKIPPED) - texts == set()
    assert set(EXEMPT) - texts == set()
    assert set(PRINTS) - texts == set()
    assert set(STDIN) - texts == set()


def test_exemptions():
    """Every README command runs but exactly these, each for its reason."""
    not_run = [(command.line, command.text, reason) for command, _, reason in PLAN if reason]
    for line, text, reason in not_run:
        print(f'README line {line} does not run: {text}\n    {reason}')
    assert [text for _, text, _ in not_run] == [
        'git clone <url of ado> ado', 'cd ado',
        './update',  # Maintenance: ran in Setup
        'docker compose stop tryton portal api',
        'docker compose run --rm tryton ado-do db-delete c3s',
        'docker compose run --rm tryton ado-do db-copy c3s_1042 c3s',
        'docker compose start tryton portal api',
        'ADO_DB_RESTORE=latest docker compose up -d',
        'docker swarm init', 'docker stack deploy -c ado-stack.json ado',
        'docker service scale ado_portal=3', 'docker stack rm ado',
        # Production: ran in Start it
        'docker compose -f docker-compose.yml -f docker-compose.production.yml logs proxy '
        '| grep Fingerprint',
    ], not_run


@pytest.mark.usefixtures('fresh_stack')
@pytest.mark.parametrize('command, in_scratch', [
    pytest.param(c, where, id=f'L{c.line}:{c.text[:50]}') for c, where, why in PLAN if not why])
def test_readme_command(command, in_scratch, scratch):
    where = scratch.dir if in_scratch else CHECKOUT
    env = scratch.env() if in_scratch else dict(os.environ)
    text = command.text
    if text in SKIPPED:
        reason, text = SKIPPED[text]
        print(f'README line {command.line}: {reason}')
        text = filled_in(text, scratch)
    if text == 'ctrl-c when serving':
        service = command.text.split('--service-ports ')[1].split()[0]
        project = os.environ.get('COMPOSE_PROJECT_NAME', CHECKOUT.name)
        others = run_containers(service, project)
        try:
            run_until_ctrl_c(command.text, where, env, lambda out: serving(service, project))
        finally:
            # the one this command started, if Ctrl-C left it behind; never another's
            left = run_containers(service, project) - others
            if left:
                subprocess.run(['docker', 'rm', '-f', *left], capture_output=True)
        return
    if text == 'ctrl-c after 5 s':
        started = time.monotonic()
        run_until_ctrl_c(command.text.split('#')[0], where, env,
                         lambda out: time.monotonic() - started > 5 and 'cpu' in out)
        return
    if command.text == HELP_TEMPLATE:
        for name in ado_do_commands():
            done = run(text.replace('COMMAND', name), where, env)
            assert done.returncode == 0, f'{name} --help:\n{done.stdout}{done.stderr}'
        return
    given, answer = STDIN.get(command.text, ('', None))
    started = datetime.datetime.now(datetime.timezone.utc)
    done = run(text, where, env, input=given)
    done.started = started
    assert done.returncode == 0, (f'README line {command.line}: {text}\n'
                                  f'exit {done.returncode}\n{done.stdout[-3000:]}'
                                  f'{done.stderr[-6000:]}')
    if command.output:
        assert_output_shape(command, done.stdout)
    if answer is not None:
        assert re.search(rf'^\s*{answer}\s*$', done.stdout, re.M), said(done)
    if command.text in PRINTS:
        PRINTS[command.text](done)
    if command.text in CHECKS:
        CHECKS[command.text](where, env)
    if re.search(r'unittest|doctest|run-tests', text):
        if UPSTREAM_SUITE in text:
            # trytond's own suite skips, by its own decision, what needs another
            # backend than README's SQLite or optional libraries (58 tests in
            # 8.0); ours may skip nothing
            assert re.search(r'^OK\b', done.stdout + done.stderr, re.M), done.stderr[-3000:]
        else:
            assert_nothing_skipped(done.stdout + done.stderr)
    if in_scratch and text.startswith('docker compose') and ' up' in text:
        wait_healthy(scratch.project)
    if in_scratch and command.text == 'docker compose up':
        scratch.assert_first_start()
