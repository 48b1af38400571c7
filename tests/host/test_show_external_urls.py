"""./show_external_urls against real containers labelled as a compose project."""
import json
import uuid

from .conftest import run_script


def urls(*args, **kwargs):
    return run_script('show_external_urls', *args, timeout=60, **kwargs)


def test_text(fake_stack):
    done = urls('--project', fake_stack.project)
    assert done.returncode == 0, done.stderr
    lines = [' '.join(line.split()) for line in done.stdout.splitlines()]
    web1, web2 = (fake_stack.port(f'web-{n}', '6543/tcp') for n in (1, 2))
    tryton = fake_stack.port('tryton-1', '8000/tcp')
    proxy_http = fake_stack.port('proxy-1', '81/tcp')
    proxy_tryton = fake_stack.port('proxy-1', '8000/tcp')
    assert f'web-1 http://localhost:{web1}' in lines
    assert f'web-2 http://localhost:{web2}' in lines
    assert f'tryton-1 localhost:{tryton}' in lines
    assert 'db-1 (not published)' in lines
    assert f'portal http://portal.test:{proxy_http}' in lines
    assert f'api http://api.test:{proxy_http}' in lines
    assert f'api http://api2.test:{proxy_http}' in lines
    assert f'tryton localhost:{proxy_tryton}' in lines
    assert not any(line.startswith('proxy-1') for line in lines)
    assert 'stranger' not in done.stdout
    assert 'web_run' not in done.stdout
    assert str(fake_stack.port_of(fake_stack.oneoff, '6543/tcp')) not in done.stdout
    assert str(fake_stack.port_of(fake_stack.stranger, '6543/tcp')) not in done.stdout


def test_json(fake_stack):
    done = urls('--project', fake_stack.project, '--json')
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert found['project'] == fake_stack.project
    instances = {i['name']: i for i in found['instances']}
    assert sorted(instances) == ['db-1', 'tryton-1', 'web-1', 'web-2']
    assert instances['web-2']['urls'] == [
        f'http://localhost:{fake_stack.port("web-2", "6543/tcp")}']
    assert instances['web-2']['container'] == f'{fake_stack.project}_web_2'
    assert instances['db-1']['urls'] == []
    port = fake_stack.port('proxy-1', '81/tcp')
    assert {'service': 'portal', 'url': f'http://portal.test:{port}'} in found['routes']
    assert len(found['routes']) == 4


def test_no_stack_running():
    done = urls('--project', f'adotest-nothing-{uuid.uuid4().hex[:8]}')
    assert done.returncode == 1
    assert 'no container of compose project' in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert done.stdout == ''


def test_docker_unreachable():
    done = urls(env={'DOCKER_HOST': 'unix:///nonexistent/docker.sock'})
    assert done.returncode == 1
    assert 'Docker is not reachable' in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_project_from_the_environment(fake_stack):
    """As Compose: COMPOSE_PROJECT_NAME names the project when --project does not."""
    done = urls(env={'COMPOSE_PROJECT_NAME': fake_stack.project})
    assert done.returncode == 0, done.stderr
    assert f'compose project {fake_stack.project}' in done.stdout
    assert 'web-2' in done.stdout
