"""./update with a bad config file: one clear line on stderr, non-zero exit,
nothing changed on disk."""
import os

import pytest

from .conftest import run_script

BAD = {
    'syntax error': 'repositories = [(None, None, "a")\n',
    'not a list': 'repositories = "src/a"\n',
    'short tuple': 'repositories = [(None, "src/a")]\n',
    'absolute path': 'repositories = [(None, None, "/tmp/ado-test-absolute")]\n',
    'outside the checkout': 'repositories = [(None, None, "../outside")]\n',
    'url not a string': 'repositories = [(42, None, "src/a")]\n',
    'listed twice': 'repositories = [(None, None, "a"), (None, None, "a")]\n',
    'unbalanced quote': 'repositories = [("file:///x.git", "--branch=\'8.0", "a")]\n',
    'configfile pair': 'repositories = [(None, None, "a")]\nconfigfiles = [("x.example",)]\n',
}


@pytest.mark.parametrize('text', BAD.values(), ids=BAD.keys())
def test_bad_config_changes_nothing(tmp_path, text):
    config = tmp_path / 'checkout' / 'config.py'
    config.parent.mkdir()
    config.write_text(text)
    done = run_script('update', '--config', config)
    assert done.returncode != 0
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert done.stdout == ''
    # the good entries before the bad one were not made either
    assert sorted(path.name for path in tmp_path.rglob('*')) == ['checkout', 'config.py']
    assert not (tmp_path.parent / 'outside').exists()
    assert not os.path.exists('/tmp/ado-test-absolute')


def test_missing_config(tmp_path):
    done = run_script('update', '--config', tmp_path / 'nope.py')
    assert done.returncode != 0
    assert 'no config file' in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_bad_option():
    done = run_script('update', '--jobs', '0')
    assert done.returncode == 2
    assert 'Invalid value' in done.stderr
