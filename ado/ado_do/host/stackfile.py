#!/usr/bin/env python3
"""A stack file for `docker stack deploy` from `docker compose ... config
--format json` (stdin to stdout), so swarm runs the same compose files.

docker stack deploy reads the older version 3 schema: it has no depends_on
conditions (swarm restarts a task until its dependencies answer), no build,
and wants published ports as numbers. Names Compose gives volumes, networks
and secrets are dropped, so the stack names its own (STACK_name).
Only the Python standard library: it runs on the host as it is.
"""
import json
import sys

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


def main():
    json.dump(stack(json.load(sys.stdin)), sys.stdout, indent=1)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
