import click

from .. import demo, options


@click.command('db-demo-setup')
@click.argument('dbname', type=options.DBNAME)
@options.no_cache
@options.timeout
def command(dbname, no_cache, timeout):
    """Create DBNAME with the collecting society and its demo data.

    Activates collecting_society with its dependencies and runs the demo
    scenario (ado/etc/scenario_master_data.txt); an existing DBNAME is left as
    it is. The result is cached as a template database, so the next setup with
    the same modules and scenario is a copy. Concurrent runs create it once.

    \b
    Example:
      ado-do db-demo-setup c3s_2
    """
    demo.setup(dbname, cache=not no_cache, timeout=timeout)
