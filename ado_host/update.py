"""./update: directories, development repositories and config files from
config.py, then the Docker images."""
import concurrent.futures
import subprocess
import sys

import click

from .config import load_config
from .configfiles import copy_configfile
from .progress import PlainLog, display
from .repositories import Outcome, update_repository
from .paths import CHECKOUT
from .errors import HostError

NEXT_STEPS = '''
Next: start the stack and open the portal

    {compose} up
    open http://localhost:81   (api: http://api.localhost:81, Tryton: localhost:8000)
'''


def next_steps():
    """What to run next, with the Compose this machine has."""
    from .compose import compose_command
    try:
        compose = ' '.join(compose_command())
    except HostError:  # no Compose yet: name the one README.rst asks for
        compose = 'docker compose'
    return NEXT_STEPS.format(compose=compose)


def _name(config, path):
    return str(path.relative_to(config.root))


def update_repositories(config, jobs):
    """Every repository in parallel; returns [(name, outcome)] in config order."""
    directories = [entry for entry in config.repositories if entry.url is None]
    clones = [entry for entry in config.repositories if entry.url is not None]
    results = {}
    # Directories first (quick, no display needed): a clone may land inside one.
    log = PlainLog()
    for entry in directories:
        results[entry.name] = update_repository(entry)
        log.done(entry.name, results[entry.name])
    with display([entry.name for entry in clones]) as shown, \
            concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        def run(entry):
            outcome = update_repository(entry, lambda text: shown.state(entry.name, text))
            shown.done(entry.name, outcome)
            return outcome
        results.update(zip([entry.name for entry in clones], pool.map(run, clones)))
    return [(entry.name, results[entry.name]) for entry in config.repositories]


def copy_configfiles(config):
    results = []
    log = PlainLog()
    for example, target in config.configfiles:
        outcome = copy_configfile(example, target)
        name = _name(config, target)
        log.done(name, outcome)
        results.append((name, outcome))
    return results


def prepare(build):
    """The base image, the wheelhouse and (unless --no-build) the images;
    [(name, outcome)] naming what failed, so it joins the summary."""
    from .images import prepare_images  # only when Docker is wanted
    from .project import connect
    sys.stdout.flush()
    try:
        # else images.py takes Docker's silence for "cannot pull" and debootstraps
        connect()
        prepare_images(build=build)
    except HostError as error:
        return [('docker images', Outcome(False, error.message))]
    except subprocess.CalledProcessError as error:
        command = ' '.join(map(str, error.cmd[:3]))
        return [('docker images', Outcome(False, f'{command} ... failed; see its output above'))]
    except FileNotFoundError as error:
        return [('docker images', Outcome(False, f'{error.filename} is not installed; see '
                                                 'README.rst, Requirements'))]
    return []


def report_failures(failures):
    click.echo(f'\nado: {len(failures)} item(s) need your attention:', err=True)
    for name, outcome in failures:
        click.echo(f'  {name}: {outcome.message}', err=True)


@click.command(context_settings={'help_option_names': ['-h', '--help']})
@click.option('--config', 'config_path', type=click.Path(dir_okay=False),
              default=str(CHECKOUT / 'config.py'), show_default=True,
              help='The config file; its paths are relative to its folder.')
@click.option('--no-build', is_flag=True,
              help='Make the base image and wheels ready, but do not build the images.')
@click.option('--no-images', is_flag=True,
              help='Skip Docker altogether: only directories, repositories and config files.')
# 8: fetches wait on the network, not the cpu, yet servers (sshd's MaxStartups)
# drop many simultaneous connections from one client.
@click.option('--jobs', '-j', type=click.IntRange(1, 64), default=8,
              show_default=True, help='How many repositories to handle at once.')
def main(config_path, no_build, no_images, jobs):
    """Set up this checkout: create the directories, clone or pull the
    development repositories (in parallel) and copy the config files listed in
    config.py, then make the Docker images ready.

    Never loses work: a repository with uncommitted changes, unpushed or
    diverged commits, or a folder that is not a repository is reported and
    left as it is. Exits non-zero when anything needs attention."""
    config = load_config(config_path)
    try:
        done = update_repositories(config, jobs) + copy_configfiles(config)
    except KeyboardInterrupt:
        # git cleans up an interrupted clone or fetch itself
        sys.exit('\nado: interrupted; run ./update again to finish')
    failures = [(name, outcome) for name, outcome in done if not outcome.ok]
    if not no_images:
        failures += prepare(build=not no_build)
    if failures:
        report_failures(failures)
        sys.exit(1)
    click.echo(next_steps())
