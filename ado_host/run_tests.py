"""./run-tests: every test, from a fresh machine."""
import os
import shutil
import subprocess
import sys

from .paths import CHECKOUT

# The browser test drives Debian's chromium through chromedriver.
BROWSER_PACKAGES = ['chromium', 'chromium-driver']


def log(message):
    print(f'run-tests: {message}', file=sys.stderr, flush=True)


def install_browser():
    """Debian's chromium for the portal's browser test, when this machine can install it."""
    if shutil.which('chromedriver'):
        return
    if os.geteuid() != 0 or not shutil.which('apt-get'):
        log('chromium-driver is missing and cannot be installed here (needs root and '
            'apt-get): the browser test will be skipped')
        return
    log('installing Debian\'s chromium and chromium-driver for the browser test')
    env = dict(os.environ, DEBIAN_FRONTEND='noninteractive')
    apt = ['apt-get', '-q', '-y', '-o', 'Dpkg::Use-Pty=0']
    subprocess.run(apt + ['update'], env=env, stdout=subprocess.DEVNULL)
    done = subprocess.run(apt + ['install', '--no-install-recommends', *BROWSER_PACKAGES],
                          env=env, stdout=subprocess.DEVNULL)
    if done.returncode != 0:
        log('could not install chromium: the browser test will be skipped')


def update():
    """./update: directories, config files, the base image, the wheelhouse, the images."""
    log('./update (directories, config files, base image, wheelhouse, images)')
    return subprocess.run([sys.executable, str(CHECKOUT / 'update')], cwd=CHECKOUT).returncode


def main(args):
    fast = '--fast' in args
    args = [arg for arg in args if arg != '--fast']
    if not fast:
        install_browser()
        if update() != 0:
            log('./update failed; see above')
            return 1
    # pytest's arguments name test paths, or else every test runs
    paths = [] if any(os.path.exists(arg.split('::')[0]) for arg in args) else ['tests']
    pytest = [sys.executable, '-m', 'pytest', '-ra', *paths, *args]
    return subprocess.run(pytest, cwd=CHECKOUT).returncode
