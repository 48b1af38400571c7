import click

from .. import dbutils, demo, options


@click.command('db-list')
@options.timeout
def command(timeout):
    """List the databases, marking Tryton ones and ado-do's cached templates.

    \b
    Example:
      ado-do db-list
    """
    with dbutils.connect(timeout=timeout) as conn:
        rows = conn.execute(
            'SELECT datname, datistemplate, datallowconn FROM pg_database '
            "WHERE datname NOT IN ('template0', 'template1') ORDER BY datname").fetchall()
    width = max((len(name) for name, _, _ in rows), default=0)
    for name, is_template, allow in rows:
        click.echo(f'{name:<{width}}  {_kind(name, is_template, allow, timeout)}')


def _kind(name, is_template, allow, timeout):
    if name.startswith(demo.TEMPLATE_PREFIX):
        return 'ado-do template'
    if is_template or not allow:
        return 'template'
    try:
        return 'tryton' if dbutils.is_tryton(name, timeout) else '-'
    except click.ClickException:
        return '? (cannot connect)'  # listing the others matters more
