"""Every command explains itself, with an example."""
import pytest
from click.testing import CliRunner

from ado_do.cli import cli

from conftest import ado_do

COMMANDS = ['pip-install', 'db-create', 'db-delete', 'db-copy', 'db-psql', 'db-backup',
            'db-restore', 'db-list', 'update', 'db-demo-setup', 'create-test-db',
            'run-tests', 'deploy-tryton', 'deploy-portal', 'deploy-api', 'backups',
            'deploy-backup']


def test_group_lists_every_command():
    done = ado_do('--help')
    assert done.returncode == 0
    for name in COMMANDS:
        assert name in done.stdout.decode()


@pytest.mark.parametrize('name', COMMANDS)
def test_command_help_has_an_example(name):
    result = CliRunner().invoke(cli, [name, '--help'])
    assert result.exit_code == 0, result.output
    assert f'Usage: cli {name}' in result.output or f'{name} [OPTIONS]' in result.output
    assert 'Example:' in result.output


def test_unknown_command_is_one_line():
    done = ado_do('db-frobnicate')
    assert done.returncode == 2
    assert len(done.stderr.decode().strip().splitlines()) == 1
