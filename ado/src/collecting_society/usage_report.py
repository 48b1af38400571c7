"""An online service's usage report (DDEX DSR) becomes a declaration.

    summary = import_report(report, 'Commons Stream', 'stream')

Inside the current Tryton transaction, which the caller commits: the
report (a collecting_society.dsr Report, read as it is stored) becomes one
declaration of the licensee for the report's period, and each usage line
one utilisation. The utilisations go to PostgreSQL with one COPY on the
transaction's own connection, never an ORM create per row: a month of a
streaming service is tens of millions of lines. A report refused at its
last FOOT raises ReportRefused in the middle of the COPY; the caller's
rollback then leaves nothing.

A report is imported once: its sender and MessageId are the declaration's
(unique), and an advisory lock keeps two imports of one report from both
finding it new.

Lines with no usages (0) are left out: a utilisation is played at least
once, and a line without use carries no money. Exact identifiers match at
once, one UPDATE each: an ISRC names one recording of ado (unique), an
ISWC one creation (unique). Everything else waits unidentified for the
matching engine.
"""
import datetime
import time

from trytond.pool import Pool
from trytond.transaction import Transaction

from .dsr import records

COLUMNS = ('declaration', 'title', 'artist', 'count', 'duration', 'isrc',
    'iswc', 'resource_type', 'service_resource_id', 'service_work_id',
    'territory', 'commercial_model', 'use_type', 'revenue', 'price',
    'currency_code', 'create_uid', 'create_date')


class ImportRefused(ValueError):
    "The report cannot be imported here: one sentence says why"


def import_report(report, licensee_name, category_code):
    "Store `report`; return its summary (a dict)"
    started = time.monotonic()
    head = report.head
    licensee = _one('licensee', [('party.name', '=', licensee_name)],
        f'licensee {licensee_name!r}')
    category = _one('tariff.category', [('code', '=', category_code)],
        f'tariff category {category_code!r}')
    _lock(head)
    declaration = _declaration(head, licensee, category)
    stored, usages, skipped = _copy(declaration.id, report)
    Declaration = Pool().get('declaration')
    Declaration.write([declaration], {'streams': usages})
    by_isrc, by_iswc = identify(declaration.id)
    return {
        'declaration': declaration.id,
        'licensee': licensee.rec_name,
        'message_id': head['MessageId'],
        'sender': head['SenderPartyId'],
        'profile': records.PROFILE_NAMES[report.profile],
        'period': [str(head['UsageStartDate']), str(head['UsageEndDate'])],
        'files': [reader.name for reader in report.readers],
        'lines': report.lines,
        'utilisations': stored,
        'usages': usages,
        'left_out_without_usages': skipped,
        'identified_by_isrc': by_isrc,
        'identified_by_iswc': by_iswc,
        'seconds': round(time.monotonic() - started, 3),
    }


def _one(model, domain, what):
    found = Pool().get(model).search(domain, limit=2)
    if not found:
        raise ImportRefused(f'there is no {what}')
    if len(found) > 1:
        raise ImportRefused(f'there are several of {what}')
    return found[0]


def _lock(head):
    """Wait for another import of this report to end, then refuse it if
    that one stored it"""
    cursor = Transaction().connection.cursor()
    cursor.execute('SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))',
        (f'dsr:{head["SenderPartyId"]}:{head["MessageId"]}',))
    Declaration = Pool().get('declaration')
    done = Declaration.search([
            ('dsr_sender', '=', head['SenderPartyId']),
            ('dsr_message_id', '=', head['MessageId']),
            ], limit=1)
    if done:
        raise ImportRefused(f'report {head["MessageId"]!r} of '
            f'{head["SenderPartyId"]} was imported already (declaration '
            f'{done[0].id})')


def _declaration(head, licensee, category):
    Declaration = Pool().get('declaration')
    declaration = Declaration(licensee=licensee, category=category,
        date=head['UsageStartDate'], end_date=head['UsageEndDate'],
        place=head.get('ServiceDescription'),
        dsr_sender=head['SenderPartyId'], dsr_message_id=head['MessageId'])
    declaration.save()
    return declaration


def _copy(declaration, report):
    "COPY a utilisation per usage line; (stored, usages, left out)"
    cursor = Transaction().connection.cursor()
    now = datetime.datetime.utcnow()
    stored = usages = skipped = 0
    sql = f'COPY utilisation ({", ".join(COLUMNS)}) FROM STDIN'
    with cursor.copy(sql) as copy:
        for usage in report:
            if not usage.usages:
                skipped += 1
                continue
            copy.write_row((declaration, usage.title, usage.artist,
                usage.usages, usage.duration, usage.isrc, usage.iswc,
                usage.resource_type, usage.service_resource_id,
                usage.service_work_id, usage.territory,
                usage.commercial_model, usage.use_type, usage.revenue,
                usage.price, usage.currency, 0, now))
            stored += 1
            usages += usage.usages
    return stored, usages, skipped


def identify(declaration):
    """Give the declaration's unidentified utilisations the creation their
    ISRC's recording, else their ISWC, names; (by ISRC, by ISWC)"""
    cursor = Transaction().connection.cursor()
    cursor.execute('UPDATE utilisation u SET creation = r.creation '
        'FROM "creation_recording" r '
        'WHERE u.declaration = %s AND u.creation IS NULL '
        'AND u.isrc = r.isrc', (declaration,))
    by_isrc = cursor.rowcount
    cursor.execute('UPDATE utilisation u SET creation = c.id '
        'FROM creation c '
        'WHERE u.declaration = %s AND u.creation IS NULL '
        'AND u.iswc = c.iswc', (declaration,))
    return by_isrc, cursor.rowcount
