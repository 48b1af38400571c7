"""The running stack as Docker sees it: this compose project's containers and
their health. Used by ./run-tests' tests and by bench/."""
import time

import docker

from .compose import project_name


def client():
    return docker.from_env()


def containers(project=None, service=None, all=False):
    """The project's service containers (optionally one service's), oldest first.

    Only containers Compose made for a service count (oneoff=False): the
    images carry the project's labels too, so `docker run ado-tryton ...`
    and `docker compose run` containers would otherwise look like replicas.
    """
    labels = [f'com.docker.compose.project={project or project_name()}',
              'com.docker.compose.oneoff=False']
    if service:
        labels.append(f'com.docker.compose.service={service}')
    found = client().containers.list(all=all, filters={'label': labels})
    return sorted(found, key=lambda c: c.attrs['Created'])


def health(container):
    state = container.attrs['State']
    return state.get('Health', {}).get('Status', state['Status'])


def unhealthy(project=None, services=None):
    """Names of running services' containers that are not healthy yet."""
    waiting = []
    for container in containers(project):
        service = container.labels['com.docker.compose.service']
        if services and service not in services:
            continue
        if container.status != 'running' or health(container) != 'healthy':
            waiting.append(f'{container.name} ({health(container)})')
    return waiting


def wait_healthy(project=None, services=None, timeout=900):
    """Blocks until every running container of the project is healthy."""
    deadline = time.monotonic() + timeout
    while True:
        waiting = unhealthy(project, services)
        if not waiting and containers(project):
            return
        if time.monotonic() > deadline:
            raise TimeoutError(f'not healthy after {timeout}s: {", ".join(waiting)}')
        time.sleep(0.25)
