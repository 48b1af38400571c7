"""./run-tests: every test, from a fresh machine."""
import os
import shutil
import subprocess
import sys

import click

from .errors import HostError, log
from .paths import CHECKOUT

# The browser test drives Debian's chromium through chromedriver.
BROWSER_PACKAGES = ['chromium', 'chromium-driver']


def install_browser():
    """Debian's chromium for the portal's browser test; the run cannot be
    complete without it, so failing to install it fails the run."""
    if shutil.which('chromedriver'):
        return
    if os.geteuid() != 0 or not shutil.which('apt-get'):
        raise HostError('chromium-driver is missing and cannot be installed here (needs '
                        f'root and apt-get): install {" ".join(BROWSER_PACKAGES)}')
    log('installing Debian\'s chromium and chromium-driver for the browser test')
    env = dict(os.environ, DEBIAN_FRONTEND='noninteractive')
    apt = ['apt-get', '-q', '-y', '-o', 'Dpkg::Use-Pty=0']
    for step in (['update'], ['install', '--no-install-recommends', *BROWSER_PACKAGES]):
        done = subprocess.run(apt + step, env=env, stdout=subprocess.DEVNULL)
        if done.returncode != 0:
            raise HostError(f'apt-get {step[0]} failed (exit {done.returncode}): '
                            'chromium is needed by the browser test')


def update():
    """./update: directories, config files, the base image, the wheelhouse, the images."""
    log('./update (directories, config files, base image, wheelhouse, images)')
    done = subprocess.run([sys.executable, str(CHECKOUT / 'update')], cwd=CHECKOUT)
    if done.returncode != 0:
        raise HostError('./update failed; see above')


@click.command(context_settings={'ignore_unknown_options': True,
                                 'help_option_names': ['-h', '--help']})
@click.option('--fast', is_flag=True,
              help='Skip installing chromium and ./update: run pytest on the running stack.')
@click.argument('pytest_args', nargs=-1, type=click.UNPROCESSED)
def main(fast, pytest_args):
    """Run every test of ado (what CI runs): install chromium, ./update, then
    pytest on tests/ (pytest.ini's testpaths), which brings the stack up and
    also runs the suites inside the containers. PYTEST_ARGS go to pytest.

    \b
    Examples:
      ./run-tests
      ./run-tests --fast -k monitor
      ./run-tests --fast tests/test_readme.py
    """
    if not fast:
        install_browser()
        update()
    # pytest itself tells test paths from option values (-k monitor) and
    # collects pytest.ini's testpaths when no path is given
    pytest = [sys.executable, '-m', 'pytest', '-ra', *pytest_args]
    # a skipped test fails the run (tests/conftest.py), with --fast too
    env = dict(os.environ, ADO_SKIP_FAILS='1')
    sys.exit(subprocess.run(pytest, cwd=CHECKOUT, env=env).returncode)
