"""Options shared by several commands, as decorators."""
import click

from .dbutils import DEFAULT_TIMEOUT

timeout = click.option(
    '--timeout', type=click.IntRange(min=1), default=DEFAULT_TIMEOUT, show_default=True,
    metavar='SECONDS', help='How long to wait for the database server to answer.')

no_cache = click.option(
    '--no-cache', is_flag=True,
    help='Build from scratch instead of copying the cached template.')
