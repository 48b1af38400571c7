import click

from .. import dbutils, modules, options, trytonadmin


def _module_list(ctx, param, values):
    names = [name.strip() for value in values for name in value.split(',')]
    return tuple(name for name in names if name)


@click.command('update')
@click.option('-m', '--modules', 'names', multiple=True, callback=_module_list,
              metavar='MOD1,MOD2', help='Update (or activate) only these modules.')
@click.argument('dbname')
@options.timeout
def command(names, dbname, timeout):
    """Update all activated modules of DBNAME, or only the listed ones.

    Runs trytond-admin (admin password from TRYTONPASSFILE, nothing asked).

    \b
    Example:
      ado-do update -m party,collecting_society c3s
    """
    dbutils.validate_name(dbname)
    missing = modules.unknown(names)
    if missing:
        raise click.ClickException(f'unknown module(s): {", ".join(missing)}')
    with dbutils.connect(timeout=timeout) as conn:
        dbutils.require(conn, dbname)
        if not dbutils.is_tryton(dbname, timeout):
            raise click.ClickException(f'database {dbname!r} is not a Tryton database')
        with dbutils.advisory_lock(conn, f'database:{dbname}'):
            trytonadmin.run(dbname, update=names, all_modules=not names)
    click.echo(f'database {dbname} updated', err=True)
