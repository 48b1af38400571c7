"""Installing a service's development packages, once per requirements content.

The images install them at build time (Dockerfiles/tryton, portal), editable at
/ado/src, where docker-compose.yml mounts ./ado: a fresh container imports the
mounted sources without installing anything. What an editable install copies
into the venv (the package list, the entry points) comes from the requirements
files and each package's setup files, so their content is the install's key:
ado-do re-installs only when that key differs from the one the install wrote.
"""
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

from . import modules, settings


def known_services():
    return sorted(path.stem[len('requirements-'):]
                  for path in settings.ETC.glob('requirements-*.txt'))


def requirements(service):
    path = settings.ETC / f'requirements-{service}.txt'
    if not path.is_file():
        raise click.ClickException(
            f'unknown service {service!r} (known: {", ".join(known_services())})')
    return path


# what pip reads from an editable package (its sources are read at import time)
SETUP_FILES = ('setup.py', 'setup.cfg', 'pyproject.toml')


def content_hash(path, seen=None):
    """Hash of the file, the files it includes with -r and the setup files of
    the packages it installs with -e, so an edit of any of them re-installs."""
    seen = seen if seen is not None else set()
    seen.add(path)
    text = path.read_text()
    digest = hashlib.sha256(text.encode())
    for match in re.finditer(r'^\s*-r\s+(\S+)', text, re.M):
        included = (path.parent / match.group(1)).resolve()
        if included not in seen and included.is_file():
            digest.update(content_hash(included, seen).encode())
    for match in re.finditer(r'^\s*-e\s+(\S+)', text, re.M):
        package = path.parent / match.group(1)
        for name in SETUP_FILES:
            setup = package / name
            digest.update(setup.read_bytes() if setup.is_file() else b'-')
    return digest.hexdigest()


def flag(service):
    """Inside the container's own venv, so each container installs once."""
    return Path(sys.prefix) / f'.ado-pip-install-{service}.sha256'


def is_current(service):
    marker = flag(service)
    return (marker.is_file()
            and marker.read_text().strip() == content_hash(requirements(service)))


def install(service, force=False, quiet=False):
    """pip install -r requirements-SERVICE.txt unless done with this content."""
    path = requirements(service)
    if not force and is_current(service):
        if not quiet:
            click.echo(f'{path.name} unchanged since the last install, skipped', err=True)
        return False
    # tryton, portal and api containers share /ado/src: one pip at a time writes
    # there; a second ado-do of this container finds the first one's install done
    with open(_lock_path(), 'a') as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not force and is_current(service):
            return False
        wanted = content_hash(path)
        _pip(path)
        flag(service).write_text(wanted + '\n')
    _activate_new_packages()
    return True


def installed_services():
    """The services whose packages this container's venv holds (the image's build
    installed them, or ado-do pip-install did)."""
    prefix = '.ado-pip-install-'
    return sorted(path.name[len(prefix):-len('.sha256')]
                  for path in Path(sys.prefix).glob(prefix + '*.sha256'))


def ensure_current():
    """Before a command that imports the development packages: re-install those
    this container has when their requirements or setup files changed since
    (a few file reads when nothing changed)."""
    for service in installed_services():
        if (settings.ETC / f'requirements-{service}.txt').is_file():
            install(service, quiet=True)


def _activate_new_packages():
    """Editable installs hook in through .pth files, which Python reads only at
    start-up; read them now, so this same process (deploy-*) sees the modules."""
    site.addsitedir(sysconfig.get_paths()['purelib'])
    importlib.invalidate_caches()
    modules.available.cache_clear()


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
