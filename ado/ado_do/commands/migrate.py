import click

from .. import deploy, options, pipinstall, roles, secrets, settings


@click.command('migrate')
@click.argument('dbname', type=options.DBNAME, default='c3s')
@options.timeout
def command(dbname, timeout):
    """Make DBNAME (demo setup) or update its changed modules, then exit.

    The one-shot `migrate` service of docker-compose.yml runs this before the
    servers start (they wait for it to exit 0), so no server races an update.
    A database made now from the demo template is up to date; an existing
    one gets only the modules whose sources or versions changed (as
    `ado-do update DBNAME`). In production it also makes the servers'
    PostgreSQL roles (ADO_DB_ROLES) with rights on DBNAME's rows only.

    \b
    Example:
      docker compose run --rm tryton ado-do migrate c3s
    """
    settings.environment()
    secrets.refuse_defaults()
    # a role's missing or default secret is refused before anything changes
    roles.roles_to_make()
    pipinstall.install('tryton')
    deploy.migrate(dbname, timeout)
