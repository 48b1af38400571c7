import io
import shutil
import tempfile
from collections import Counter

import click

from .. import dbutils, options


@click.command('cwr-import')
@click.argument('dbname', type=options.DBNAME)
@click.argument('file', type=click.File('rb'))
@options.timeout
def command(dbname, file, timeout):
    """Register the works of the CWR 2.1 or 2.2 FILE ('-': stdin) in DBNAME
    and write the ACK to stdout.

    Each work is checked as CISAC's specification says and stored as a
    creation with its writers, publishers, rights and recordings (the
    mapping: collecting_society/cwr/store.py). The ACK answers each work
    with its status (AS accepted, AC accepted with changes, DU registered
    already, CO conflicting claims, RJ rejected), its messages and the
    society's work number; a summary goes to stderr. The whole file is one
    database transaction: a file whose structure or counts are wrong is
    refused with one line naming the line, nothing is stored, and no ACK
    is written.

    \b
    Example:
      docker compose run --rm -T tryton ado-do cwr-import c3s - \\
          < CW260001PUB_000.V21 > CW260001PUB_000.ACK
    """
    # imported here so that ado-do starts without the module's package
    from collecting_society.cwr import ack
    from collecting_society.cwr.errors import FileRejected
    from collecting_society.cwr.reader import Reader
    from collecting_society.cwr.store import Store, batches

    with dbutils.connect(timeout=timeout) as conn:
        dbutils.require(conn, dbname)
    statuses = Counter()
    with dbutils.connect(dbname, timeout=timeout) as conn, \
            tempfile.SpooledTemporaryFile(max_size=16 << 20) as spool:
        society = _society(conn, dbname)
        # The ACK waits in a spool, and the works in the open transaction,
        # until the trailer's counts are checked: a file refused at its last
        # line gets no ACK and leaves nothing.
        try:
            with conn.transaction():
                reader = Reader(file)
                header = reader.header
                store = Store(conn.cursor(),
                    f'{header.sender_type}{header.sender_id:09d}',
                    header.sender_name)
                text = io.TextIOWrapper(spool, encoding=reader.encoding,
                    newline='')
                writer = ack.AckWriter(text, reader, society)
                for batch in batches(reader):
                    for answer in store.works(batch):
                        writer.write(answer)
                        statuses[answer.status] += 1
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


def _society(conn, dbname):
    "Who answers: the society's CISAC code and name, from its configuration"
    from collecting_society.cwr import ack

    ready = conn.execute("SELECT to_regclass('public.creation_registration') "
        "IS NOT NULL").fetchone()[0]
    if not ready:
        raise click.ClickException(f'database {dbname!r} has no CWR '
            f'registrations: ado-do update -m collecting_society {dbname}')
    row = conn.execute('SELECT society_code, society_name FROM '
        'collecting_society_configuration ORDER BY id LIMIT 1').fetchone()
    code, name = row or (None, None)
    return ack.Society(int(code or ack.DEMO_CODE), name or ack.DEMO_NAME)
