"""Reads and checks config.py, the list of what ./update sets up.

The whole file is checked before anything is touched, so a typo in it
changes nothing on disk.
"""
import runpy
import shlex
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .errors import HostError


@dataclass(frozen=True)
class Repository:
    """One entry of config.py's `repositories`; url None means "a directory"."""
    url: str | None
    option: str | None
    path: Path      # absolute
    name: str       # as written in config.py, for messages

    @property
    def branch(self):
        """The branch named by the clone option (--branch=X, --branch X, -b X)."""
        words = shlex.split(self.option or '')
        for index, word in enumerate(words):
            if word.startswith('--branch='):
                return word.split('=', 1)[1]
            if word in ('--branch', '-b') and index + 1 < len(words):
                return words[index + 1]
            if word.startswith('-b') and len(word) > 2:
                return word[2:]
        return None


@dataclass(frozen=True)
class Config:
    root: Path
    repositories: list
    configfiles: list   # (example, target) absolute paths


def _relative(root, value, what):
    """An absolute path for a path written relative to config.py's folder."""
    if not isinstance(value, str) or not value.strip():
        raise HostError(f'{what}: the path must be a non-empty string, got {value!r}')
    path = PurePosixPath(value)
    if path.is_absolute() or '..' in path.parts:
        # ./update only writes inside the checkout
        raise HostError(f'{what}: {value!r} must be a path inside the checkout')
    return root / path


def _repository(root, source, number, entry):
    what = f'{source}, repositories[{number}]'
    if not isinstance(entry, (tuple, list)) or len(entry) != 3:
        raise HostError(f'{what}: expected (url or None, clone option or None, path), '
                                   f'got {entry!r}')
    url, option, name = entry
    for value, label in ((url, 'url'), (option, 'clone option')):
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise HostError(f'{what}: the {label} must be a string or None, '
                                       f'got {value!r}')
    if option is not None:
        try:
            shlex.split(option)
        except ValueError as error:
            raise HostError(f'{what}: bad clone option {option!r}: {error}')
    return Repository(url, option, _relative(root, name, what), name)


def _configfile(root, source, number, entry):
    what = f'{source}, configfiles[{number}]'
    if not isinstance(entry, (tuple, list)) or len(entry) != 2:
        raise HostError(f'{what}: expected (example, target), got {entry!r}')
    return tuple(_relative(root, value, what) for value in entry)


def _check_unique(source, repositories):
    seen = set()
    for repository in repositories:
        if repository.path in seen:
            # two parallel jobs on one folder would trip over each other
            raise HostError(f'{source}: {repository.name!r} is listed twice')
        seen.add(repository.path)


def load_config(path):
    """The checked contents of the config file at path."""
    path = Path(path).resolve()
    if not path.is_file():
        raise HostError(f'no config file at {path}')
    try:
        values = runpy.run_path(str(path))
    except Exception as error:  # a user's file: any error is theirs to fix
        raise HostError(f'{path} cannot be read: {type(error).__name__}: {error}')
    root = path.parent
    for name in ('repositories', 'configfiles'):
        if not isinstance(values.get(name, []), (list, tuple)):
            raise HostError(f'{path}: `{name}` must be a list')
    repositories = [_repository(root, path.name, number, entry)
                    for number, entry in enumerate(values.get('repositories', []))]
    _check_unique(path.name, repositories)
    configfiles = [_configfile(root, path.name, number, entry)
                   for number, entry in enumerate(values.get('configfiles', []))]
    return Config(root, repositories, configfiles)
