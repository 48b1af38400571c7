import click

from .. import pipinstall


@click.command('pip-install')
@click.argument('service')
@click.option('--force', is_flag=True, help='Install even if nothing changed.')
def command(service, force):
    """Install SERVICE's development packages (ado/etc/requirements-SERVICE.txt).

    Re-installs only when that file's content changed since the last install in
    this container. Services: the requirements-*.txt files in ado/etc.

    \b
    Example:
      ado-do pip-install portal
    """
    pipinstall.install(service, force)
