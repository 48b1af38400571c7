import click

from .. import dbutils, moduleupdate, modules, options, pipinstall


def _module_list(ctx, param, values):
    names = [name.strip() for value in values for name in value.split(',')]
    return tuple(name for name in names if name)


@click.command('update')
@click.option('-m', '--modules', 'names', multiple=True, callback=_module_list,
              metavar='MOD1,MOD2', help='Update (or activate) only these modules.')
@click.option('--all', 'all_modules', is_flag=True,
              help='Update every activated module, changed or not.')
@click.argument('dbname', type=options.DBNAME)
@options.timeout
def command(names, all_modules, dbname, timeout):
    """Update the modules of DBNAME whose code changed since its last update.

    A development module (ado/src) counts as changed when its sources differ,
    any other when its package's version does; -m updates (or activates) the
    named modules, --all every activated one. Says which modules it updates
    and why. Runs trytond-admin (admin password from TRYTONPASSFILE, nothing
    asked). deploy-tryton, deploy-portal and deploy-api do the same at start.

    \b
    Example:
      ado-do update c3s
      ado-do update -m party,collecting_society c3s
    """
    if names and all_modules:
        raise click.UsageError('-m and --all exclude each other')
    pipinstall.ensure_current()
    missing = modules.unknown(names)
    if missing:
        raise click.ClickException(f'unknown module(s): {", ".join(missing)}')
    with dbutils.connect(timeout=timeout) as conn:
        dbutils.require(conn, dbname)
    if not dbutils.is_tryton(dbname, timeout):
        raise click.ClickException(f'database {dbname!r} is not a Tryton database')
    updated = moduleupdate.update_database(dbname, names, all_modules, timeout)
    if updated:
        click.echo(f'database {dbname} updated: {", ".join(updated)}', err=True)
