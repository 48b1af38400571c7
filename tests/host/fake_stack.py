"""A small stand-in for a compose project: real containers with Compose's
labels and published ports, made from the base image and removed afterwards.
Real enough for ./show_external_urls and ./monitor, which read only labels,
ports and the stats API."""
import uuid

import docker
import pytest

IMAGE = 'debian:bookworm-slim'
# (service, number, container ports, command, cpu limit)
CONTAINERS = [
    ('web', 1, ['6543/tcp'], ['sleep', 'infinity'], None),
    ('web', 2, ['6543/tcp'], ['sleep', 'infinity'], None),
    ('tryton', 1, ['8000/tcp'], ['sleep', 'infinity'], None),
    # busy, but held to a fifth of one cpu so its cpu % is known: 20 % (docker stats' scale)
    ('db', 1, [], ['sh', '-c', 'while :; do :; done'], 0.2),
    ('proxy', 1, ['81/tcp', '8000/tcp'], ['sleep', 'infinity'], None),
]


class FakeStack:
    def __init__(self, client, project, working_dir):
        self.client = client
        self.project = project
        self.working_dir = working_dir
        self.containers = {}   # instance name: container
        self.oneoff = self.stranger = None

    def _labels(self, service, number, oneoff):
        return {'com.docker.compose.project': self.project,
                'com.docker.compose.service': service,
                'com.docker.compose.container-number': str(number),
                'com.docker.compose.oneoff': str(oneoff),
                'com.docker.compose.project.working_dir': str(self.working_dir)}

    def _run(self, name, labels, command=('sleep', 'infinity'), ports=(), cpus=None):
        return self.client.containers.run(
            IMAGE, list(command), name=name, labels=labels, ports={port: None for port in ports},
            detach=True, init=True, nano_cpus=int(cpus * 1e9) if cpus else None)

    def start(self):
        if not self.client.images.list(name=IMAGE):
            pytest.fail(f'{IMAGE} is missing: run ./update first (it makes the base image)')
        for service, number, ports, command, cpus in CONTAINERS:
            self.containers[f'{service}-{number}'] = self._run(
                f'{self.project}_{service}_{number}', self._labels(service, number, False),
                command, ports, cpus)
        # what `docker compose run web ...` makes: counted by ./monitor, no URL
        self.oneoff = self._run(f'{self.project}_web_run_1', self._labels('web', 1, True),
                                ports=['6543/tcp'])
        # what `docker run` of an image Compose built makes: the image's project and
        # service labels, but not a container of the project
        self.stranger = self._run(f'{self.project}-stranger', {
            'com.docker.compose.project': self.project, 'com.docker.compose.service': 'web',
            'com.docker.compose.version': '2.40.3'}, ports=['6543/tcp'])

    def port(self, instance, container_port):
        """The host port Docker published an instance's container_port on, for IPv4."""
        return self.port_of(self.containers[instance], container_port)

    @staticmethod
    def port_of(container, container_port):
        container.reload()
        return int(next(bind['HostPort'] for bind in container.ports[container_port]
                        if bind['HostIp'] == '0.0.0.0'))

    def remove(self):
        for container in [*self.containers.values(), self.oneoff, self.stranger]:
            if container is None:
                continue
            try:
                container.remove(force=True)
            except docker.errors.NotFound:
                pass


@pytest.fixture(scope='module')
def fake_stack(tmp_path_factory):
    folder = tmp_path_factory.mktemp('fake-stack')
    (folder / 'portal.env').write_text('# test\nVIRTUAL_HOST=portal.test\n')
    (folder / 'api.env').write_text('VIRTUAL_HOST="api.test, api2.test"\n')
    stack = FakeStack(docker.from_env(), f'adotest-host-{uuid.uuid4().hex[:8]}', folder)
    try:
        stack.start()
        yield stack
    finally:
        stack.remove()
