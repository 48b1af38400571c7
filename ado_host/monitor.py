"""./monitor: cpu (user, system, %) and memory (rss, cache) of every
container of the stack, sampled concurrently from the Docker stats API."""
import concurrent.futures
import json
import sys
import time

import click
import docker
from rich.console import Console
from rich.live import Live
from rich.table import Table

from .project import connect, project_option, running_containers
from .stats import cpu_percent, sample, seconds
from .errors import HostError

# Each stats request waits on the daemon's once-a-second collection; asked all
# at once, the whole stack takes as long as one container.
MAX_THREADS = 32


def _one(client, container):
    """The container's figures, cpu % over the daemon's last second (as docker stats)."""
    try:
        stats = client.api.stats(container.id, stream=False)
    except (docker.errors.APIError, ValueError):
        # stopped between listing and sampling: the API answers 404, or an
        # empty body that is not JSON
        return None
    now, before = sample(stats), sample(stats, previous=True)
    return {'name': container.name, 'instance': container.instance,
            'service': container.service,
            'cpu_user_seconds': round(seconds(now.cpu_user), 2),
            'cpu_system_seconds': round(seconds(now.cpu_system), 2),
            'cpu_percent': _rounded(cpu_percent(before, now)),
            'rss_bytes': now.rss, 'cache_bytes': now.cache}


def rows(client, containers):
    """One dict per container, all sampled at once (a thread each): raw
    figures, for the table and for --json."""
    if not containers:
        return []
    with concurrent.futures.ThreadPoolExecutor(min(MAX_THREADS, len(containers))) as pool:
        found = pool.map(lambda container: _one(client, container), containers)
        return [row for row in found if row is not None]


def _rounded(value):
    return None if value is None else round(value, 1)


def human_bytes(count):
    for unit in ('B', 'KiB', 'MiB', 'GiB'):
        if count < 1024 or unit == 'GiB':
            return f'{count:.0f} {unit}' if unit == 'B' else f'{count:.1f} {unit}'
        count /= 1024


def human_time(value):
    minutes, secs = divmod(value, 60)
    hours, minutes = divmod(int(minutes), 60)
    if hours:
        return f'{hours}h{minutes:02d}m'
    return f'{minutes}m{secs:04.1f}s' if minutes else f'{secs:.2f}s'


def table(project, found):
    view = Table(title=f'compose project {project}', title_justify='left')
    view.add_column('container')
    for heading in ('cpu user', 'cpu system', 'cpu %', 'rss', 'cache'):
        view.add_column(heading, justify='right')
    for row in found:
        percent = row['cpu_percent']
        view.add_row(row['name'], human_time(row['cpu_user_seconds']),
                     human_time(row['cpu_system_seconds']),
                     '-' if percent is None else f'{percent:.1f}',
                     human_bytes(row['rss_bytes']), human_bytes(row['cache_bytes']))
    return view


def make_console():
    """rich's console; in a pipe, wide enough that names are never cut."""
    return Console() if sys.stdout.isatty() else Console(width=250)


def show(console, project, found, as_json):
    if as_json:
        # one line per refresh with --watch, so scripts can read it as a stream
        click.echo(json.dumps({'project': project, 'containers': found}))
    else:
        console.print(table(project, found))


def watch(client, project, interval, as_json):
    """Refresh until Ctrl-C: in place on a terminal, a new table per refresh otherwise."""
    console = make_console()
    running_containers(client, project)  # a clear message if there is no stack
    in_place = console.is_terminal and not as_json
    with Live(console=console, auto_refresh=False) if in_place else _Nothing() as live:
        while True:
            started = time.monotonic()
            found = rows(client, _still_running(client, project))
            if in_place:
                live.update(table(project, found), refresh=True)
            else:
                show(console, project, found, as_json)
                sys.stdout.flush()
            time.sleep(max(0.0, interval - (time.monotonic() - started)))


def _still_running(client, project):
    try:
        return running_containers(client, project)
    except HostError:
        return []  # the stack went down while watching: show an empty table


class _Nothing:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


@click.command(context_settings={'help_option_names': ['-h', '--help']})
@project_option
@click.option('--watch', '-w', 'watch_', is_flag=True, help='Refresh until Ctrl-C.')
@click.option('--interval', '-n', type=click.FloatRange(0, 3600), default=2.0,
              show_default=True, help='Seconds between refreshes with --watch.')
@click.option('--json', 'as_json', is_flag=True,
              help='Print JSON, for scripts (one line per refresh with --watch).')
def main(project, watch_, interval, as_json):
    """Show cpu (user and system time, %) and memory (rss and cache) of every
    running container of the stack: one snapshot, or live with --watch
    (`watch ./monitor` works too)."""
    client = connect(pool_size=MAX_THREADS)
    try:
        if watch_:
            watch(client, project, interval, as_json)
        show(make_console(), project, rows(client, running_containers(client, project)),
             as_json)
    except KeyboardInterrupt:
        sys.exit(0)
