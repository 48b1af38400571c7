"""./update over 20 local repositories, all up to date, against the original's
way: a sequential loop of `git pull`. Both run as a user runs them, in the
same session, alternating, several rounds; writes the "update" section of
BENCHMARKS.md.

Twice: with file:// remotes (no network at all), and with the same remotes
behind a 100 ms delay per connection (git's ext:: transport runs `sleep`
before git-upload-pack), which is closer to fetching from a real server.

    python3 bench/bench_update.py [--rounds N]
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(CHECKOUT))
from bench.report import write_section  # noqa: E402

REPOSITORIES = 20
GIT = ['git', '-c', 'user.name=ado bench', '-c', 'user.email=bench@ado.invalid']


def git(*args, cwd=None):
    subprocess.run([*GIT, *args], cwd=cwd, check=True, capture_output=True)


def make_repositories(root):
    """20 bare remotes with a few commits, each cloned under root/src; and a config."""
    entries = []
    for number in range(REPOSITORIES):
        remote = root / 'remotes' / f'r{number}.git'
        work = root / 'work' / f'r{number}'
        git('init', '--quiet', '--bare', '--initial-branch=main', str(remote))
        git('clone', '--quiet', str(remote), str(work))
        for commit in range(3):
            (work / 'file.txt').write_text(f'{commit}\n')
            git('add', 'file.txt', cwd=work)
            git('commit', '--quiet', '-m', f'commit {commit}', cwd=work)
        git('push', '--quiet', 'origin', 'main', cwd=work)
        git('clone', '--quiet', '--branch=main', remote.as_uri(), str(root / 'src' / f'r{number}'))
        entries.append((remote.as_uri(), '--branch=main', f'src/r{number}'))
    config = root / 'config.py'
    config.write_text(f'repositories = {entries!r}\nconfigfiles = []\n')
    return config


DELAY = 0.1
# git refuses the ext:: transport unless told otherwise
EXT_ALLOWED = {'GIT_CONFIG_COUNT': '1', 'GIT_CONFIG_KEY_0': 'protocol.ext.allow',
               'GIT_CONFIG_VALUE_0': 'always'}


def delay_remotes(root):
    """Point every clone's origin at its remote through a 100 ms delay."""
    for number in range(REPOSITORIES):
        remote = root / 'remotes' / f'r{number}.git'
        url = f'ext::sh -c sleep% {DELAY};exec% %S% {remote}'
        git('remote', 'set-url', 'origin', url, cwd=root / 'src' / f'r{number}')


def timed(command, **kwargs):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL,
                   env={**os.environ, **EXT_ALLOWED}, **kwargs)
    return time.perf_counter() - start


def ours(config):
    # --no-images: the comparison is about repositories, as the original's loop
    return timed([sys.executable, str(CHECKOUT / 'update'), '--no-images', '--config', str(config)])


def original(root):
    loop = 'for d in src/*; do (cd "$d" && git pull --quiet); done'
    return timed(['bash', '-c', loop], cwd=root)


def measure(root, config, rounds):
    """{'ours': [seconds], 'original': [seconds]}, alternating."""
    ours(config)  # warm: the venv check, the page cache
    times = {'ours': [], 'original': []}
    for _ in range(rounds):
        times['ours'].append(ours(config))
        times['original'].append(original(root))
    return times


def table(times):
    median = {name: statistics.median(values) for name, values in times.items()}
    ratio = median['original'] / median['ours']
    rows = '\n'.join(f'| {label} | {median[name]:.2f} s | {min(times[name]):.2f} s |'
                     for name, label in (('ours', '`./update --no-images`, in parallel'),
                                         ('original', 'sequential `git pull` loop (bash)')))
    verdict = (f'**{ratio:.1f}x faster** than the loop' if ratio >= 1
               else f'**{1 / ratio:.1f}x slower** than the loop')
    return f'| how | median | best |\n|---|---|---|\n{rows}\n\n./update: {verdict}.', ratio


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--rounds', type=int, default=7)
    rounds = parser.parse_args().rounds
    with tempfile.TemporaryDirectory(prefix='ado-bench-update-') as folder:
        root = Path(folder)
        config = make_repositories(root)
        local, local_ratio = table(measure(root, config, rounds))
        delay_remotes(root)
        delayed, delayed_ratio = table(measure(root, config, rounds))
    write_section('update', f'''## ./update: {REPOSITORIES} repositories, all up to date

Each repository is a clone of a bare repository on this disk, already up to
date; ./update fetches and checks each one, the loop runs `git pull` in each.
{rounds} rounds, alternating, in one run. ./update's figures include starting
Python, the venv check and its safety checks.

### file:// remotes (no network)

{local}

### the same remotes, 100 ms away (git's ext:: transport sleeps before upload-pack)

{delayed}

Target: at least 3x faster. With no network at all, each `git pull` costs
about 15 ms and Python's start-up (about 0.25 s for click and GitPython on
this machine) is most of ./update's time; once each fetch waits on a link,
the parallel fetches win.''')
    print(f'file://: {local_ratio:.1f}x; 100 ms: {delayed_ratio:.1f}x')


if __name__ == '__main__':
    main()
