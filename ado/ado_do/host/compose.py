"""Which Compose this machine has: the plugin (`docker compose`) or a
standalone `docker-compose` (v2, or v1.29 on Debian bookworm). The project
name is the checkout's folder name, as Compose itself picks it."""
import functools
import re
import shutil
import subprocess

from .venv import CHECKOUT


@functools.cache
def compose_command():
    """The argv prefix that runs Compose here, e.g. ['docker', 'compose']."""
    for command in (['docker', 'compose'], ['docker-compose']):
        if not shutil.which(command[0]):
            continue
        done = subprocess.run(command + ['version'], capture_output=True)
        if done.returncode == 0:
            return command
    raise SystemExit('ado: neither `docker compose` nor `docker-compose` works here; '
                     'install Docker Compose (README.rst, Requirements)')


def project_name():
    """Compose's default project name for this checkout."""
    return re.sub(r'[^a-z0-9_-]', '', CHECKOUT.name.lower())


def compose(*args, check=True, **kwargs):
    """Runs Compose on this checkout's docker-compose.yml."""
    return subprocess.run([*compose_command(), *args], cwd=CHECKOUT, check=check, **kwargs)
