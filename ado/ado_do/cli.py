"""The ado-do command group: one module per command under ado_do/commands."""
import sys

import click

from .commands import (backups, create_test_db, db_backup, db_copy, db_create, db_delete,
                       db_demo_setup, db_list, db_psql, db_restore, deploy_api,
                       deploy_backup, deploy_portal, deploy_tryton, pip_install, run_tests,
                       update)
from .commands import deploy_cron, deploy_worker, migrate
from .commands import cwr_import, dsr_import
from .secrets import load_files

COMMANDS = (pip_install, db_create, db_delete, db_copy, db_psql, db_backup, db_restore,
            db_list, update, db_demo_setup, create_test_db, run_tests,
            deploy_tryton, deploy_portal, deploy_api, backups, deploy_backup)
COMMANDS += (migrate, deploy_cron, deploy_worker)
COMMANDS += (cwr_import, dsr_import)


@click.group(context_settings={'help_option_names': ['-h', '--help']})
def cli():
    """Set up and maintain the ado services, inside their containers.

    The database server is the one in trytond's config (TRYTOND_CONFIG and its
    TRYTOND_DATABASE__URI override).

    \b
    Example:
      docker compose run --rm tryton ado-do db-demo-setup c3s_2
    """
    load_files()  # *_FILE secrets (Docker secrets) before any command reads them


for module in COMMANDS:
    cli.add_command(module.command)


def main():
    """Run the CLI; a usage error is one line on stderr, like every other error."""
    try:
        code = cli.main(standalone_mode=False)
    except click.UsageError as error:
        name = error.ctx.command_path if error.ctx else 'ado-do'
        click.echo(f'Error: {name}: {error.format_message()} (see --help)', err=True)
        code = error.exit_code
    except click.ClickException as error:
        error.show()
        code = error.exit_code
    except click.Abort:
        click.echo('Aborted.', err=True)
        code = 1
    sys.exit(code if type(code) is int else 0)
