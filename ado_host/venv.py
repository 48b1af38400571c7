"""The host scripts' own virtual environment (stdlib only: it runs before any
dependency is installed).

On a fresh machine with only python3, git and docker, a host script calls
ensure_venv() first: it makes .venv in the checkout (once, with a message),
installs this checkout's package with the extras the script needs, and
re-runs the script inside it. A changed setup.py re-installs.
"""
import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

from .paths import CHECKOUT
VENV = CHECKOUT / '.venv'
PYTHON = VENV / 'bin' / 'python'


def _stamp(extras):
    setup = (CHECKOUT / 'setup.py').read_bytes()
    return hashlib.sha256(setup + ','.join(sorted(extras)).encode()).hexdigest()


def _installed(extras):
    """True when this setup.py was installed with these extras or more."""
    for stamp_file in VENV.glob('ado-installed-*'):
        done = set(stamp_file.name[len('ado-installed-'):].split('-'))
        if set(extras) <= done and stamp_file.read_text() == _stamp(done):
            return True
    return False


def _install(extras):
    stamp_file = VENV / f'ado-installed-{"-".join(sorted(extras))}'
    stamp = _stamp(extras)
    if _installed(extras):
        return
    print(f'ado: installing the host tools into {VENV} (once; a minute or two)',
          file=sys.stderr)
    target = f'{CHECKOUT}[{",".join(sorted(extras))}]'
    pip = [str(PYTHON), '-m', 'pip', 'install', '--quiet',
           '--disable-pip-version-check']
    try:
        subprocess.run(pip + ['--editable', target], check=True)
    except subprocess.CalledProcessError:
        sys.exit(f'ado: could not install the host tools into {VENV}; '
                 'see the pip output above')
    stamp_file.write_text(stamp)


def in_venv():
    return Path(sys.prefix).resolve() == VENV.resolve()


def ensure_venv(extras=('host',)):
    """Re-run the calling script inside .venv, making it first if needed."""
    if not PYTHON.exists():
        print(f'ado: making a virtual environment in {VENV}', file=sys.stderr)
        venv.create(VENV, with_pip=True)
    _install(extras)
    if not in_venv():
        os.execv(str(PYTHON), [str(PYTHON), sys.argv[0], *sys.argv[1:]])
