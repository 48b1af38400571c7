"""./update against real git repositories with file:// remotes."""
import os
import select
import subprocess
import sys

from .conftest import CHECKOUT, COMPOSE_UP, GIT_ENV, git, run_script, write_config


def update(config, *args):
    # --no-images: these tests are about repositories; test_update_images covers Docker
    return run_script('update', '--no-images', '--config', config, *args)


def clone(remote, path, branch='main'):
    git(path.parent, 'clone', '--quiet', f'--branch={branch}', remote.url, str(path))
    return path


def local_commit(path, text):
    (path / 'local.txt').write_text(text)
    git(path, 'add', 'local.txt')
    git(path, 'commit', '--quiet', '-m', text)
    return git(path, 'rev-parse', 'HEAD')


def head(path):
    return git(path, 'rev-parse', 'HEAD')


def test_every_case_in_one_run(tmp_path, remote_factory):
    """Good repositories are updated; each risky one is reported and left as it was."""
    root = tmp_path / 'checkout'
    src = root / 'src'
    src.mkdir(parents=True)
    remotes = {name: remote_factory(name) for name in
               ('fresh', 'behind', 'other', 'dirty', 'unpushed', 'diverged')}

    behind = clone(remotes['behind'], src / 'behind')
    remotes['behind'].commit('main', 'newer on main')
    other = clone(remotes['other'], src / 'other', branch='main')
    dirty = clone(remotes['dirty'], src / 'dirty')
    (dirty / 'file.txt').write_text('my unsaved work\n')
    remotes['dirty'].commit('main', 'newer')
    dirty_head = head(dirty)
    unpushed = clone(remotes['unpushed'], src / 'unpushed')
    unpushed_head = local_commit(unpushed, 'mine, not pushed')
    diverged = clone(remotes['diverged'], src / 'diverged')
    diverged_head = local_commit(diverged, 'mine')
    remotes['diverged'].commit('main', 'theirs')
    (src / 'notgit').mkdir()
    (src / 'notgit' / 'notes.txt').write_text('not a repository\n')
    (root / 'etc').mkdir()
    (root / 'etc' / 'a.example').write_text('a default\n')
    (root / 'etc' / 'b.example').write_text('b default\n')
    (root / 'etc' / 'b').write_text('b changed by the developer\n')

    config = write_config(root, [
        (None, None, 'var/log'),
        (remotes['fresh'].url, '--branch=8.0', 'src/fresh'),
        (remotes['behind'].url, '--branch=main', 'src/behind'),
        (remotes['other'].url, '--branch=8.0', 'src/other'),
        (remotes['dirty'].url, '--branch=main', 'src/dirty'),
        (remotes['unpushed'].url, '--branch=main', 'src/unpushed'),
        (remotes['diverged'].url, '--branch=main', 'src/diverged'),
        (remotes['fresh'].url, None, 'src/notgit'),
        ((tmp_path / 'nowhere.git').as_uri(), '--branch=main', 'src/unreachable'),
    ], [('etc/a.example', 'etc/a'), ('etc/b.example', 'etc/b')])

    done = update(config)

    assert done.returncode == 1, done.stdout + done.stderr
    assert (root / 'var' / 'log').is_dir()
    assert head(src / 'fresh') == remotes['fresh'].sha('8.0')
    assert git(src / 'fresh', 'branch', '--show-current') == '8.0'
    assert head(behind) == remotes['behind'].sha('main')
    assert git(other, 'branch', '--show-current') == '8.0'
    assert head(other) == remotes['other'].sha('8.0')
    # the risky ones, untouched
    assert head(dirty) == dirty_head
    assert (dirty / 'file.txt').read_text() == 'my unsaved work\n'
    assert head(unpushed) == unpushed_head
    assert head(diverged) == diverged_head
    assert sorted(os.listdir(src / 'notgit')) == ['notes.txt']
    assert not (src / 'unreachable').exists()
    assert (root / 'etc' / 'a').read_text() == 'a default\n'
    assert (root / 'etc' / 'b').read_text() == 'b changed by the developer\n'
    # the summary names every failure and nothing else
    summary = done.stderr[done.stderr.index('need your attention'):]
    for name in ('src/dirty', 'src/unpushed', 'src/diverged', 'src/notgit', 'src/unreachable'):
        assert name in summary
    for name in ('src/fresh', 'src/behind', 'src/other', 'var/log', 'etc/a', 'etc/b'):
        assert f'  {name}:' not in summary
    assert 'uncommitted changes' in summary
    assert 'diverged' in summary
    assert 'not pushed' in summary
    assert 'not a git repository' in summary
    assert not COMPOSE_UP.search(done.stdout)
    # a plain log, not a terminal display
    assert '\x1b[' not in done.stdout
    assert 'FAIL src/dirty' in done.stdout


def test_all_good_twice(tmp_path, remote_factory):
    """Idempotent: the second run finds everything up to date; ends with what to do next."""
    remote = remote_factory('one')
    config = write_config(tmp_path, [(None, None, 'data'),
                                     (remote.url, '--branch=8.0', 'src/one'),
                                     (remote.url, None, 'src/default-branch')])
    first = update(config)
    assert first.returncode == 0, first.stdout + first.stderr
    assert COMPOSE_UP.search(first.stdout)
    assert git(tmp_path / 'src' / 'default-branch', 'branch', '--show-current') == 'main'
    remote.commit('main', 'later')
    second = update(config)
    assert second.returncode == 0, second.stdout + second.stderr
    assert 'ok   src/one: up to date' in second.stdout
    assert head(tmp_path / 'src' / 'default-branch') == remote.sha('main')


def test_untracked_files_do_not_block(tmp_path, remote_factory):
    """git itself refuses to overwrite untracked files, so they cannot be lost."""
    remote = remote_factory('one')
    path = clone(remote, tmp_path / 'one')
    (path / 'scratch.txt').write_text('mine\n')
    remote.commit('main', 'later')
    done = update(write_config(tmp_path, [(remote.url, '--branch=main', 'one')]))
    assert done.returncode == 0, done.stderr
    assert head(path) == remote.sha('main')
    assert (path / 'scratch.txt').read_text() == 'mine\n'


def test_one_failure_does_not_stop_the_others(tmp_path, remote_factory):
    remotes = [remote_factory(f'r{number}') for number in range(6)]
    entries = [(remote.url, '--branch=main', f'src/r{number}')
               for number, remote in enumerate(remotes)]
    entries.insert(2, ('file:///nonexistent/ado-test.git', None, 'src/broken'))
    # nothing listens on port 9 of this machine: the connection is refused
    entries.insert(4, ('http://127.0.0.1:9/ado-test.git', None, 'src/offline'))
    done = update(write_config(tmp_path, entries), '--jobs', '3')
    assert done.returncode == 1
    for number, remote in enumerate(remotes):
        assert head(tmp_path / 'src' / f'r{number}') == remote.sha('main')
    assert 'src/broken: clone failed: fatal:' in done.stderr
    assert 'src/offline: clone failed: fatal:' in done.stderr
    assert not (tmp_path / 'src' / 'broken').exists()


def test_live_display_on_a_terminal(tmp_path, remote_factory):
    """On a terminal the rich table runs, and still ends with what to do next."""
    remote = remote_factory('one')
    config = write_config(tmp_path, [(remote.url, '--branch=8.0', 'src/one')])
    main, other = os.openpty()
    process = subprocess.Popen([sys.executable, str(CHECKOUT / 'update'), '--no-images',
                                '--config', str(config)], stdout=other, stderr=other,
                               env={**GIT_ENV, 'COLUMNS': '100'})
    os.close(other)
    output = b''
    try:
        while select.select([main], [], [], 60)[0]:  # a hang fails the test, not the run
            try:
                chunk = os.read(main, 4096)
            except OSError:  # the terminal closes when the process ends
                break
            if not chunk:
                break
            output += chunk
        assert process.wait(timeout=10) == 0
    finally:
        process.kill()
        os.close(main)
    text = output.decode(errors='replace')
    assert 'src/one' in text and 'cloned (branch 8.0)' in text
    assert COMPOSE_UP.search(text)
