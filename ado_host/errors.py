"""The host tools' one error type and one log helper: each message is one
line on stderr that starts with `ado:`."""
import sys

import click


class HostError(click.ClickException):
    """A failure the user can act on: `ado: MESSAGE` on stderr and exit 1
    (click shows it; the scripts that are not click commands catch it)."""

    def show(self, file=None):
        click.echo(f'ado: {self.format_message()}', err=True)


def log(message):
    print(f'ado: {message}', file=sys.stderr, flush=True)
