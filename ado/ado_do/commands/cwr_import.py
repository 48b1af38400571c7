import io
import shutil
import tempfile
from collections import Counter

import click

from .. import dbutils, options

# The society that answers, until the society's configuration holds its
# CISAC code and name (the database side of the import, next).
SOCIETY_CODE = 0
SOCIETY_NAME = 'ADO'


@click.command('cwr-import')
@click.argument('dbname', type=options.DBNAME)
@click.argument('file', type=click.File('rb'))
@options.timeout
def command(dbname, file, timeout):
    """Read the CWR 2.1 or 2.2 FILE ('-': stdin), write its ACK to stdout.

    Each work is checked as CISAC's specification says; the ACK answers
    each with its status (AS accepted, AC accepted with changes, RJ
    rejected) and its messages; a summary goes to stderr. A file whose
    structure or counts are wrong is refused with one line naming the line,
    and no ACK is written. Storing the works in DBNAME comes next: for now
    the file is only read and answered.

    \b
    Example:
      docker compose run --rm -T tryton ado-do cwr-import c3s - \\
          < CW260001PUB_000.V21 > CW260001PUB_000.ACK
    """
    # the reader needs no database; imported here so that ado-do starts
    # without loading the module's package
    from collecting_society.cwr import ack
    from collecting_society.cwr.errors import FileRejected
    from collecting_society.cwr.reader import Reader

    with dbutils.connect(timeout=timeout) as conn:
        dbutils.require(conn, dbname)
    statuses = Counter()
    # The ACK waits in a spool until the trailer's counts are checked: a
    # file refused at its last line gets no ACK at all.
    with tempfile.SpooledTemporaryFile(max_size=16 << 20) as spool:
        try:
            reader = Reader(file)
            text = io.TextIOWrapper(spool, encoding=reader.encoding,
                newline='')
            writer = ack.AckWriter(text, reader,
                ack.Society(SOCIETY_CODE, SOCIETY_NAME))
            for transaction in reader:
                writer.write(ack.Answer(transaction))
                statuses[ack.status(transaction)] += 1
            writer.close()
        except FileRejected as error:
            raise click.ClickException(f'{file.name}: {error}') from None
        text.flush()
        text.detach()
        spool.seek(0)
        shutil.copyfileobj(spool, click.get_binary_stream('stdout'))
    counts = ', '.join(f'{count} {status}'
        for status, count in sorted(statuses.items()))
    click.echo(f'{file.name}: CWR {reader.version}, '
        f'{sum(statuses.values())} works ({counts})', err=True)
