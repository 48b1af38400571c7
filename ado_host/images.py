"""What `docker compose build` needs on a machine with no registry.

- The Debian base image: pulled if a registry answers, else built from
  Debian's archive with debootstrap and `docker import` (once per machine).
- The wheelhouse (Dockerfiles/wheels): the images' Python packages fetched on
  the host, because containers here may not trust PyPI's TLS (an egress proxy
  with its own CA). The Dockerfiles install from it when it has wheels.
- The images, tryton before portal (the portal image is FROM the tryton image).
"""
import hashlib
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .compose import compose, ensure_plugin
from .paths import CHECKOUT
from .errors import HostError, log

BASE_IMAGE = 'debian:bookworm-slim'
SUITE = 'bookworm'
DEFAULT_MIRROR = 'http://deb.debian.org/debian'
WHEELS = CHECKOUT / 'Dockerfiles' / 'wheels'
REQUIREMENTS = [CHECKOUT / 'Dockerfiles' / name / 'requirements.txt'
                for name in ('tryton', 'portal')]
# The images run Debian bookworm's CPython 3.11 on x86_64 (glibc 2.36).
WHEEL_TARGET = ['--python-version', '3.11', '--implementation', 'cp', '--abi', 'cp311',
                '--platform', 'manylinux_2_28_x86_64', '--platform', 'manylinux2014_x86_64',
                '--platform', 'manylinux_2_17_x86_64', '--platform', 'any',
                '--only-binary', ':all:']




def image_exists(name):
    done = subprocess.run(['docker', 'image', 'inspect', name], capture_output=True)
    return done.returncode == 0


def apt_mirror():
    """The Debian mirror this machine's apt uses, so debootstrap goes where apt goes."""
    sources = [Path('/etc/apt/sources.list'), *Path('/etc/apt/sources.list.d').glob('*')]
    for path in sources:
        try:
            text = path.read_text()
        except OSError:
            continue
        for url in re.findall(r'(?:^deb|^URIs:)\s+(?:\[[^\]]*\]\s+)?(\S+)', text, re.M):
            if url.rstrip('/').endswith('/debian'):
                return url
    return DEFAULT_MIRROR


def pull(name):
    done = subprocess.run(['docker', 'pull', name], capture_output=True, timeout=120)
    return done.returncode == 0


def install_debootstrap():
    """Debian's debootstrap, when this machine lets us install it."""
    import os
    if os.geteuid() != 0 or not shutil.which('apt-get'):
        return
    log('installing debootstrap (apt-get) to build the base image')
    env = dict(os.environ, DEBIAN_FRONTEND='noninteractive')
    subprocess.run(['apt-get', '-q', '-y', 'install', 'debootstrap'], env=env,
                   stdout=subprocess.DEVNULL)


def build_base_image():
    """debootstrap a minimal bookworm and import it as the base image."""
    if not shutil.which('debootstrap'):
        install_debootstrap()
    if not shutil.which('debootstrap'):
        raise HostError(f'{BASE_IMAGE} is missing and cannot be pulled; install '
                         'debootstrap (apt-get install debootstrap) so ./update can build it')
    mirror = apt_mirror()
    log(f'{BASE_IMAGE} cannot be pulled: building it from {mirror} '
        '(debootstrap, once per machine, about a minute)')
    with tempfile.TemporaryDirectory(prefix='ado-rootfs-') as root:
        subprocess.run(['debootstrap', '--variant=minbase', SUITE, root, mirror],
                       check=True, stdout=subprocess.DEVNULL)
        # debootstrap leaves its package cache; the image does not need it
        shutil.rmtree(Path(root, 'var/cache/apt/archives'), ignore_errors=True)
        tar = subprocess.Popen(['tar', '-C', root, '-c', '.'], stdout=subprocess.PIPE)
        subprocess.run(['docker', 'import', '--change', 'CMD ["bash"]', '-', BASE_IMAGE],
                       stdin=tar.stdout, check=True, stdout=subprocess.DEVNULL)
        if tar.wait() != 0:
            raise HostError('could not pack the debootstrapped base image')
    log(f'built {BASE_IMAGE}')


def ensure_base_image():
    if image_exists(BASE_IMAGE):
        return
    log(f'pulling {BASE_IMAGE}')
    try:
        if pull(BASE_IMAGE):
            return
    except subprocess.TimeoutExpired:
        pass
    build_base_image()


def _requirements_hash():
    digest = hashlib.sha256(' '.join(WHEEL_TARGET).encode())
    for path in REQUIREMENTS:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def ensure_wheelhouse():
    """Fetch the images' wheels on the host, again only when a requirements file changed."""
    stamp = WHEELS / '.requirements-hash'
    wanted = _requirements_hash()
    if stamp.exists() and stamp.read_text() == wanted:
        return
    log(f'fetching the images\' Python wheels into {WHEELS.relative_to(CHECKOUT)}')
    requirements = [arg for path in REQUIREMENTS for arg in ('-r', str(path))]
    subprocess.run([sys.executable, '-m', 'pip', 'download', '--quiet',
                    '--disable-pip-version-check', '--dest', str(WHEELS),
                    *WHEEL_TARGET, *requirements], check=True)
    stamp.write_text(wanted)


def build_images(*options, **run_options):
    """docker compose build [OPTIONS], tryton before the portal image made FROM it."""
    log('building the images (the first build takes a few minutes)')
    for services in (['db', 'tryton'], ['portal', 'proxy']):
        compose('build', *options, *services, **run_options)


def prepare_images(build=True):
    ensure_plugin()
    ensure_base_image()
    ensure_wheelhouse()
    if build:
        build_images()
