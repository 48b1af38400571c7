#!/usr/bin/env python3
"""./stackfile: a stack file for `docker stack deploy` from the merged compose
files (docker-compose.yml, .production.yml, .swarm.yml), so swarm runs the
same files as Compose.

docker stack deploy reads the older version 3 schema: it has no depends_on
conditions (swarm restarts a task until its dependencies answer), no build,
and wants published ports as numbers. Names Compose gives volumes, networks
and secrets are dropped, so the stack names its own (STACK_name).
"""
import json
import subprocess
import sys

import click

from .compose import compose
from .errors import HostError

SWARM_FILES = ('docker-compose.yml', 'docker-compose.production.yml',
               'docker-compose.swarm.yml')

DROPPED = ('build', 'depends_on', 'restart', 'container_name')


def service(spec):
    spec = {key: value for key, value in spec.items()
            if key not in DROPPED and value is not None}
    dnsrr = spec.get('deploy', {}).get('endpoint_mode') == 'dnsrr'
    ports = [port_of(port) for port in spec.get('ports', []) if port.get('published')]
    # a dnsrr service cannot publish through the ingress mesh: only fixed
    # ports stay, published on the node itself
    if dnsrr:
        ports = [dict(port, mode='host') for port in ports]
    if ports:
        spec['ports'] = ports
    else:
        spec.pop('ports', None)
    spec['volumes'] = [volume_of(volume) for volume in spec.get('volumes', [])]
    return spec


def port_of(port):
    return dict(port, published=int(port['published']))


def volume_of(volume):
    volume = dict(volume)
    volume.pop('bind', None)  # create_host_path: swarm never creates host paths
    if volume.get('volume') == {}:
        del volume['volume']
    return volume


def unnamed(resources):
    return {name: {key: value for key, value in (spec or {}).items() if key != 'name'}
            for name, spec in (resources or {}).items()}


def stack(config):
    result = {'services': {name: service(spec)
                           for name, spec in config['services'].items()}}
    for kind in ('networks', 'volumes', 'secrets'):
        if config.get(kind):
            result[kind] = unnamed(config[kind])
    return result


def merged_config():
    """`docker compose -f ... config --format json` of the swarm files."""
    files = [arg for name in SWARM_FILES for arg in ('-f', name)]
    try:
        done = compose(*files, 'config', '--format', 'json',
                       capture_output=True, text=True)
    except subprocess.CalledProcessError as error:
        raise HostError(f'docker compose config failed: {error.stderr.strip()}')
    try:
        return json.loads(done.stdout)
    except ValueError:
        raise HostError('docker compose config gave no JSON (the old docker-compose '
                        '1.29 cannot: ./update installs Compose v2)')


@click.command()
def main():
    """Print the stack file for `docker stack deploy -c FILE` on stdout."""
    json.dump(stack(merged_config()), sys.stdout, indent=1)
    sys.stdout.write('\n')
