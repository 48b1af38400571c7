"""./show_external_urls: where each running service of the stack answers on
this host, and the proxy's routes."""
import json
from pathlib import Path

import click

from .project import WORKING_DIR, connect, project_option, running_containers
from .paths import CHECKOUT

PROXY = 'proxy'
# the proxy's port 81 routes by Host header to these services (docker-compose.yml)
ROUTED = (('portal', 'portal.env'), ('api', 'api.env'))
# Tryton clients take host:port, not a URL
TRYTON_PORT = 8000
PROXY_HTTP_PORT = 81


def host(ip):
    """The address a user types: localhost for a wildcard bind."""
    if ip in ('', '0.0.0.0', '::'):
        return 'localhost'
    return f'[{ip}]' if ':' in ip else ip


def published(container):
    """[(container port, host, host port)], IPv4 first.

    Docker may publish one container port on different host ports for IPv4
    and IPv6; localhost reaches the IPv4 one, so an IPv6 wildcard bind is
    shown only when there is no IPv4 one."""
    tcp = [port for port in container.ports
           if port.get('PublicPort') and port.get('Type') == 'tcp']
    has_ipv4 = {port['PrivatePort'] for port in tcp if ':' not in port.get('IP', '')}
    return sorted({(port['PrivatePort'], host(port.get('IP', '')), port['PublicPort'])
                   for port in tcp
                   if not (port.get('IP') == '::' and port['PrivatePort'] in has_ipv4)})


def address(private, where, public):
    if private == TRYTON_PORT:
        return f'{where}:{public}'
    return f'http://{where}:{public}'


def virtual_hosts(folder, envfile):
    """VIRTUAL_HOST of an env file (comma-separated names allowed), or []."""
    try:
        lines = (Path(folder) / envfile).read_text().splitlines()
    except OSError:
        click.echo(f'ado: {Path(folder) / envfile} cannot be read; its proxy route is not shown',
                   err=True)
        return []
    for line in lines:
        key, _, value = line.strip().partition('=')
        if key.strip() == 'VIRTUAL_HOST':
            return [name.strip() for name in value.strip().strip('"\'').split(',') if name.strip()]
    return []


def proxy_routes(proxy):
    """[(service, address)] that the proxy container serves on the host."""
    folder = proxy.labels.get(WORKING_DIR) or CHECKOUT
    routes = []
    for private, where, public in published(proxy):
        if private == PROXY_HTTP_PORT:
            suffix = '' if public == 80 else f':{public}'
            routes += [(service, f'http://{name}{suffix}')
                       for service, envfile in ROUTED for name in virtual_hosts(folder, envfile)]
        elif private == TRYTON_PORT:
            routes.append(('tryton', address(private, where, public)))
    return routes


def collect(client, project):
    """{'project', 'instances': [...], 'routes': [...]} for the running stack."""
    containers = running_containers(client, project)
    instances = [{'name': c.instance, 'service': c.service, 'container': c.name,
                  'urls': [address(*port) for port in published(c)]}
                 for c in containers if c.service != PROXY and not c.oneoff]
    routes = [{'service': service, 'url': url}
              for proxy in containers if proxy.service == PROXY and not proxy.oneoff
              for service, url in proxy_routes(proxy)]
    return {'project': project, 'instances': instances, 'routes': routes}


def show(found):
    rows = [(instance['name'], url) for instance in found['instances']
            for url in instance['urls'] or ['(not published)']]
    routes = [(route['service'], route['url']) for route in found['routes']]
    width = max(len(name) for name, _ in rows + routes)
    click.echo(f'compose project {found["project"]}, each instance:')
    for name, url in rows:
        click.echo(f'  {name:<{width}}  {url}')
    if routes:
        click.echo('through the proxy:')
        for name, url in routes:
            click.echo(f'  {name:<{width}}  {url}')


@click.command(context_settings={'help_option_names': ['-h', '--help']})
@project_option
@click.option('--json', 'as_json', is_flag=True, help='Print JSON, for scripts.')
def main(project, as_json):
    """Show where each running service of the stack answers on this host:
    every instance's published port (e.g. portal-1 http://localhost:49153;
    Tryton as localhost:PORT) and the proxy's routes (http://localhost:81,
    http://api.localhost:81, Tryton on localhost:8000)."""
    found = collect(connect(), project)
    if as_json:
        click.echo(json.dumps(found, indent=2))
    else:
        show(found)
