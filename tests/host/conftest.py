"""Real git repositories for ./update's tests, and ways to run the host
scripts as a user does: as subprocesses of this checkout."""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parents[2]
# ./update's last words: the Compose this machine has, plugin or standalone
COMPOSE_UP = re.compile(r'docker[ -]compose up')
# commits made by the tests must not depend on the machine's git config
GIT_ENV = {**os.environ, 'GIT_AUTHOR_NAME': 'ado test', 'GIT_AUTHOR_EMAIL': 'test@ado.invalid',
           'GIT_COMMITTER_NAME': 'ado test', 'GIT_COMMITTER_EMAIL': 'test@ado.invalid',
           'GIT_CONFIG_NOSYSTEM': '1', 'GIT_CONFIG_GLOBAL': os.devnull}


def git(cwd, *args):
    """git's stdout, stripped; a failing git command fails the test."""
    done = subprocess.run(['git', *args], cwd=cwd, env=GIT_ENV, capture_output=True,
                          text=True)
    assert done.returncode == 0, f'git {" ".join(args)}: {done.stderr}'
    return done.stdout.strip()


def run_script(name, *args, env=None, timeout=300):
    """./name args, as a user runs it (inside the checkout's .venv)."""
    return subprocess.run([sys.executable, str(CHECKOUT / name), *map(str, args)],
                          capture_output=True, text=True, timeout=timeout,
                          env={**GIT_ENV, **(env or {})})


class Remote:
    """A bare repository with branches main and 8.0, reached by a file:// url."""

    def __init__(self, folder):
        self.bare = folder / 'remote.git'
        self.work = folder / 'remote-work'
        git(folder, 'init', '--quiet', '--bare', '--initial-branch=main', str(self.bare))
        git(folder, 'clone', '--quiet', str(self.bare), str(self.work))
        self.commit('main', 'first')
        self.commit('8.0', 'on 8.0')
        git(self.bare, 'symbolic-ref', 'HEAD', 'refs/heads/main')

    @property
    def url(self):
        return self.bare.as_uri()

    def commit(self, branch, text):
        """A new commit on branch, pushed; returns its sha."""
        if branch in git(self.work, 'branch', '--list', '--all'):
            git(self.work, 'checkout', '--quiet', branch)
        else:
            git(self.work, 'checkout', '--quiet', '-b', branch)
        (self.work / 'file.txt').write_text(text + '\n')
        git(self.work, 'add', 'file.txt')
        git(self.work, 'commit', '--quiet', '-m', text)
        git(self.work, 'push', '--quiet', 'origin', branch)
        return self.sha(branch)

    def sha(self, branch):
        return git(self.bare, 'rev-parse', f'refs/heads/{branch}')


@pytest.fixture
def remote_factory(tmp_path):
    def make(name):
        folder = tmp_path / 'remotes' / name
        folder.mkdir(parents=True)
        return Remote(folder)
    return make


def write_config(folder, repositories, configfiles=()):
    path = folder / 'config.py'
    path.write_text(f'repositories = {list(repositories)!r}\nconfigfiles = {list(configfiles)!r}\n')
    return path


from .fake_stack import fake_stack  # noqa: E402,F401  (a fixture for the docker tests)
