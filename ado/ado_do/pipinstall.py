"""Installing a service's development packages, once per requirements content."""
import fcntl
import hashlib
import importlib
import re
import site
import subprocess
import sys
import sysconfig
from pathlib import Path

import click

from . import settings


def known_services():
    return sorted(path.stem[len('requirements-'):]
                  for path in settings.ETC.glob('requirements-*.txt'))


def requirements(service):
    path = settings.ETC / f'requirements-{service}.txt'
    if not path.is_file():
        raise click.ClickException(
            f'unknown service {service!r} (known: {", ".join(known_services())})')
    return path


def content_hash(path, seen=None):
    """Hash of the file and the files it includes with -r, so an edit of an
    included file re-installs too."""
    seen = seen if seen is not None else set()
    seen.add(path)
    digest = hashlib.sha256(path.read_bytes())
    for match in re.finditer(r'^\s*-r\s+(\S+)', path.read_text(), re.M):
        included = (path.parent / match.group(1)).resolve()
        if included not in seen and included.is_file():
            digest.update(content_hash(included, seen).encode())
    return digest.hexdigest()


def flag(service):
    """Inside the container's own venv, so each container installs once."""
    return Path(sys.prefix) / f'.ado-pip-install-{service}.sha256'


def install(service, force=False):
    """pip install -r requirements-SERVICE.txt unless done with this content."""
    path = requirements(service)
    wanted = content_hash(path)
    marker = flag(service)
    if not force and marker.is_file() and marker.read_text().strip() == wanted:
        click.echo(f'{path.name} unchanged since the last install, skipped', err=True)
        return False
    # tryton, portal and api containers share /ado/src: one pip at a time writes there
    with open(_lock_path(), 'a') as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        _pip(path)
    marker.write_text(wanted + '\n')
    _activate_new_packages()
    return True


def _activate_new_packages():
    """Editable installs hook in through .pth files, which Python reads only at
    start-up; read them now, so this same process (deploy-*) sees the modules."""
    site.addsitedir(sysconfig.get_paths()['purelib'])
    importlib.invalidate_caches()


def _lock_path():
    var = settings.ADO / 'var'
    var.mkdir(parents=True, exist_ok=True)
    return var / '.pip-install.lock'


def _pip(path):
    # nothing is fetched at run time: third-party packages are in the image
    args = [sys.executable, '-m', 'pip', 'install', '--no-deps', '--no-build-isolation',
            '--no-index', '--use-pep517', '--disable-pip-version-check', '-r', str(path)]
    click.echo(f'installing {path}', err=True)
    done = subprocess.run(args, stdin=subprocess.DEVNULL, stdout=2)
    if done.returncode != 0:
        raise click.ClickException(f'pip could not install {path} (exit {done.returncode})')
