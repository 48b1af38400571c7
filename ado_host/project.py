"""The running containers of one compose project, found by the labels Compose
puts on them (so any folder name works, no guessing from container names)."""
import os
import re
from dataclasses import dataclass, field

import click
import docker

from .compose import project_name
from .errors import HostError

PROJECT = 'com.docker.compose.project'
SERVICE = 'com.docker.compose.service'
NUMBER = 'com.docker.compose.container-number'
ONEOFF = 'com.docker.compose.oneoff'
WORKING_DIR = 'com.docker.compose.project.working_dir'


@dataclass(frozen=True)
class Container:
    id: str
    name: str          # as docker ps shows it
    service: str
    number: int
    oneoff: bool       # made by `docker compose run`
    labels: dict = field(hash=False)
    ports: list = field(hash=False)   # the list API's: IP, PrivatePort, PublicPort, Type

    @property
    def instance(self):
        """portal-1, as Compose counts replicas; one-off runs keep their name."""
        return self.name if self.oneoff else f'{self.service}-{self.number}'


project_option = click.option(
    '--project', '-p', default=project_name, show_default='this checkout\'s',
    help='The compose project (COMPOSE_PROJECT_NAME, else the folder name).')


def connect(pool_size=10):
    """A docker client that has answered once; a clear message if Docker does not."""
    try:
        client = docker.from_env(max_pool_size=pool_size)
        client.ping()
    except docker.errors.DockerException as error:
        where = os.environ.get('DOCKER_HOST', 'unix:///var/run/docker.sock')
        reason = re.sub(r'\s+', ' ', str(error))
        raise HostError(f'Docker is not reachable at {where}: is it running, and may '
                                   f'you use it? ({reason})')
    return client


def _container(attrs):
    labels = attrs.get('Labels') or {}
    number = labels.get(NUMBER, '')
    return Container(
        id=attrs['Id'], name=attrs['Names'][0].lstrip('/'), service=labels.get(SERVICE, '?'),
        number=int(number) if number.isdigit() else 0,
        oneoff=labels.get(ONEOFF, 'False').lower() == 'true',
        labels=labels, ports=attrs.get('Ports') or [])


def running_containers(client, project):
    """The project's running containers, by service and replica number."""
    # Compose copies project and service labels onto the images it builds, so a
    # plain `docker run` of such an image carries them too; only containers
    # Compose made have the oneoff label.
    found = client.api.containers(filters={'label': [f'{PROJECT}={project}', ONEOFF]})
    containers = sorted((_container(attrs) for attrs in found),
                        key=lambda c: (c.service, c.oneoff, c.number, c.name))
    if not containers:
        raise HostError(
            f'no container of compose project {project!r} is running; start the stack with '
            '`docker compose up -d` (or name the project with --project)')
    return containers
