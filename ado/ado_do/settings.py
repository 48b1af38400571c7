"""Where ado-do finds things: trytond's config, the files under /ado, the environment.

The database address has one source, trytond's own config (the file named by
TRYTOND_CONFIG plus trytond's TRYTOND_<SECTION>__<OPTION> overrides), so
ado-do always talks to the server trytond-admin and trytond talk to.
"""
import os
from pathlib import Path

import click

ADO = Path(__file__).resolve().parent.parent
ETC = ADO / 'etc'
SRC = ADO / 'src'
SCENARIO = ETC / 'scenario_master_data.txt'
ENVIRONMENTS = ('development', 'production')


def trytond_config():
    """trytond's config module, loaded the way trytond loads it."""
    path = os.environ.get('TRYTOND_CONFIG')
    if path and not Path(path).is_file():
        raise click.ClickException(f'TRYTOND_CONFIG names a missing file: {path}')
    from trytond import config
    if path:
        config.update_etc(path)
    return config


def use_database_uri(uri):
    """From now on ado-do and the server it execs talk to PostgreSQL at `uri`
    (trytond reads the environment only when its config is loaded)."""
    os.environ['TRYTOND_DATABASE__URI'] = uri
    trytond_config().set('database', 'uri', uri)


def config_path():
    return os.environ.get('TRYTOND_CONFIG', str(ETC / 'trytond.conf'))


def database_uri():
    uri = trytond_config().get('database', 'uri')
    if not uri.startswith(('postgresql:', 'postgres:')):
        raise click.ClickException(
            f'trytond\'s [database] uri is not PostgreSQL ({uri.split(":")[0]}:); '
            'set TRYTOND_DATABASE__URI')
    return uri


def filestore_root():
    """trytond's [database] path: one directory per database below it."""
    return Path(trytond_config().get('database', 'path'))


def environment():
    value = os.environ.get('ENVIRONMENT', 'development')
    if value not in ENVIRONMENTS:
        raise click.ClickException(
            f'ENVIRONMENT is {value!r}; use one of: {", ".join(ENVIRONMENTS)}')
    return value


def passfile():
    """The admin password file trytond-admin reads, so it never prompts."""
    path = os.environ.get('TRYTONPASSFILE', str(ETC / 'trytonpassfile'))
    if not Path(path).is_file():
        raise click.ClickException(
            f'admin password file {path} is missing (TRYTONPASSFILE; ./update '
            'copies trytonpassfile.example)')
    return path
