"""Brings one entry of config.py's `repositories` up to date, never losing work.

A missing repository is cloned; an existing one gets its branch checked out
and fast-forwarded. Anything that could lose a developer's work (uncommitted
changes, unpushed or diverged commits, a folder that is not a repository) is
reported and left exactly as it was.
"""
import os
import shlex
from dataclasses import dataclass

import git

# Parallel jobs cannot share one terminal for password prompts: fail instead.
os.environ['GIT_TERMINAL_PROMPT'] = '0'


@dataclass(frozen=True)
class Outcome:
    ok: bool
    message: str


class Untouched(Exception):
    """The repository was left as it was; the message says why."""


def _reason(error):
    """git's first 'fatal:' or 'error:' line, which says what went wrong."""
    text = (error.stderr or '').strip().removeprefix("stderr: '").rstrip("'")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines:
        if line.startswith(('fatal:', 'error:')):
            return line
    return lines[-1] if lines else f'exit code {error.status}'


def make_directory(repository):
    if repository.path.exists() and not repository.path.is_dir():
        return Outcome(False, 'exists and is not a directory: left untouched')
    if repository.path.is_dir():
        return Outcome(True, 'directory exists')
    repository.path.mkdir(parents=True)
    return Outcome(True, 'directory created')


def clone(repository, state):
    state('cloning')
    options = shlex.split(repository.option) if repository.option else None
    try:
        git.Repo.clone_from(repository.url, repository.path, multi_options=options)
    except git.GitCommandError as error:
        return Outcome(False, f'clone failed: {_reason(error)}')
    branch = f' (branch {repository.branch})' if repository.branch else ''
    return Outcome(True, f'cloned{branch}')


def _open(repository):
    try:
        return git.Repo(repository.path)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise Untouched('exists but is not a git repository: left untouched')


def _check_clean(repo):
    # Untracked files do not block: git refuses to overwrite them by itself.
    if repo.git.status('--porcelain', '--untracked-files=no'):
        raise Untouched('uncommitted changes: left untouched')


def _branch(repository, repo):
    if repository.branch:
        return repository.branch
    if repo.head.is_detached:
        raise Untouched('detached HEAD and no branch in config.py: left untouched')
    return repo.active_branch.name


def _fetch(repo, state):
    if 'origin' not in [remote.name for remote in repo.remotes]:
        raise Untouched('has no remote "origin": left untouched')
    state('fetching')
    try:
        repo.git.fetch('origin')
    except git.GitCommandError as error:
        raise Untouched(f'fetch failed: {_reason(error)}')


def _counts(repo, branch):
    """(local commits not on origin, origin commits not local) for branch."""
    try:
        counts = repo.git.rev_list('--left-right', '--count',
                                   f'refs/heads/{branch}...refs/remotes/origin/{branch}')
    except git.GitCommandError:
        raise Untouched(f'origin has no branch {branch!r}: left untouched')
    ahead, behind = (int(number) for number in counts.split())
    return ahead, behind


def _checkout(repo, branch):
    if not repo.head.is_detached and repo.active_branch.name == branch:
        return ''
    try:
        repo.git.checkout(branch, '--')
    except git.GitCommandError as error:
        raise Untouched(f'cannot check out {branch}: {_reason(error)}')
    return f'checked out {branch}, '


def _new_branch(repo, branch):
    """A branch config.py names that this clone does not have yet."""
    try:
        repo.git.checkout('-b', branch, '--track', f'origin/{branch}', '--')
    except git.GitCommandError as error:
        raise Untouched(f'cannot check out {branch}: {_reason(error)}')
    return Outcome(True, f'checked out new branch {branch}')


def _sha(repo, ref):
    """The commit a ref points at, read from the ref files (no git process)."""
    try:
        return git.SymbolicReference.dereference_recursive(repo, ref)
    except ValueError:
        return None


def _up_to_date(repo, branch):
    """On branch, at origin's commit: nothing to do."""
    if repo.head.is_detached or repo.active_branch.name != branch:
        return False
    local = _sha(repo, f'refs/heads/{branch}')
    return local is not None and local == _sha(repo, f'refs/remotes/origin/{branch}')


def _fast_forward(repo, branch, state):
    """checkout + merge --ff-only, once it is sure no work can be lost."""
    ahead, behind = _counts(repo, branch)
    if ahead and behind:
        raise Untouched(f'{branch} has diverged from origin ({ahead} local, {behind} remote '
                        'commits): left untouched')
    if ahead:
        raise Untouched(f'{ahead} local commit(s) on {branch} not pushed: left untouched')
    done = _checkout(repo, branch)
    if not behind:
        return Outcome(True, f'{done}up to date')
    state('pulling')
    old = _sha(repo, f'refs/heads/{branch}')[:8]
    repo.git.merge('--ff-only', f'refs/remotes/origin/{branch}')
    new = _sha(repo, f'refs/heads/{branch}')[:8]
    return Outcome(True, f'{done}pulled {behind} commit(s), {old}..{new}')


def pull(repository, state):
    """checkout the branch + pull --ff-only, unless that could lose work."""
    try:
        state('checking')
        repo = _open(repository)
        branch = _branch(repository, repo)
        # fetching moves only origin/*: safe whatever the local state
        _fetch(repo, state)
        if _up_to_date(repo, branch):
            return Outcome(True, 'up to date')  # nothing to change, so nothing at risk
        _check_clean(repo)
        if branch not in [head.name for head in repo.heads]:
            return _new_branch(repo, branch)
        return _fast_forward(repo, branch, state)
    except Untouched as error:
        return Outcome(False, str(error))
    except git.GitCommandError as error:
        return Outcome(False, f'git failed: {_reason(error)}')


def update_repository(repository, state=lambda text: None):
    """Make, clone or pull one entry; state(text) is told what is happening."""
    try:
        if repository.url is None:
            return make_directory(repository)
        missing = not repository.path.exists() or (
            repository.path.is_dir() and not any(repository.path.iterdir()))
        if missing:
            return clone(repository, state)
        return pull(repository, state)
    except OSError as error:
        return Outcome(False, f'{type(error).__name__}: {error}')
