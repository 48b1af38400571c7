"""Write the ACK file that answers a CWR transmission.

    writer = AckWriter(out, reader, society)
    for transaction in reader:
        writer.write(Answer(transaction, work_number='W0000123'))
    writer.close()

One ACK transaction per transaction read: the ACK record (the original's
group and sequence, title, submitter's work number, the society's work
number, the status) followed by a MSG record for each message. The society
sends it (HDR sender type SO) in one ACK group, in the version it was sent.
Records are written one by one, so an ACK of 100,000 works needs no more
memory than one.

The transaction statuses (CWR lookup table "Transaction Status"):
AS accepted, AC accepted with changes (a field or record was left out),
RA transaction accepted, CO conflict (claims on the work over 100 %),
NP no participation (nothing of the society's repertoire), RJ rejected,
DU duplicate (already registered).
"""
import datetime
from dataclasses import dataclass, field

from . import fields, records

SOFTWARE = 'ado'
REVISION_22 = 2     # CWR 2.2 Revision 2
# ado as it comes is a demo society, which CISAC has given no code: 000 (in
# no society's use) stands in until the society sets its own in its
# configuration, so a demo's ACK never speaks in a real society's name
DEMO_CODE = '000'
DEMO_NAME = 'ADO DEMO SOCIETY'


@dataclass
class Society:
    "The society that answers: its CISAC code and name"
    code: int
    name: str
    software_version: str = ''


@dataclass
class Answer:
    """The society's answer to one transaction: `status` None lets the
    checks decide (RJ, AC or AS); `messages` are the importer's own, after
    the reader's."""
    transaction: object
    status: str = None
    work_number: str = None
    messages: list = field(default_factory=list)


def status(transaction, accepted='AS'):
    "The status the reader's checks give a transaction the society accepts"
    if transaction.rejected:
        return 'RJ'
    if transaction.changed:
        return 'AC'
    return accepted


def record(record_type, version, /, **values):
    """The line of a record of `record_type` with `values` (the others
    blank or zero), as records.LAYOUTS lays it out."""
    layout = records.LAYOUTS[version][record_type]
    values['record_type'] = record_type
    return ''.join(fields.write(fmt, size, values.get(name))
        for name, start, size, fmt, *_ in layout)


class AckWriter:
    """Writes the ACK of the transmission `source` reads (its `header`, and
    its `version`, known once its first group header is read) to the text
    stream `out`"""

    def __init__(self, out, source, society, now=None):
        self.out = out
        self.source = source
        self.society = society
        self.now = now or datetime.datetime.now()
        self.version = None
        self.transactions = 0
        self.records = 0

    def _start(self):
        "HDR and GRH, in the version of the file answered"
        self.version = self.source.version or '2.1'
        extra = {}
        if self.version == '2.2':
            extra = {'version': '2.2', 'revision': REVISION_22,
                'software_package': SOFTWARE,
                'software_package_version': self.society.software_version}
        self._write('HDR', sender_type='SO', sender_id=self.society.code,
            sender_name=self.society.name.upper()[:45], edi_version='01.10',
            creation_date=self.now.date(), creation_time=self.now.time(),
            transmission_date=self.now.date(), **extra)
        self._write('GRH', transaction_type='ACK', group_id=1,
            version_number='02.20' if self.version == '2.2' else '02.10')

    def _write(self, record_type, **values):
        self.out.write(record(record_type, self.version, **values) + '\r\n')
        self.records += 1

    def write(self, answer):
        "The ACK transaction of `answer`"
        if self.version is None:
            self._start()
        transaction = answer.transaction
        work = transaction.header
        sequence = self.transactions
        state = answer.status or status(transaction)
        self._write('ACK', transaction_sequence=sequence, record_sequence=0,
            creation_date=self.source.header.creation_date,
            creation_time=self.source.header.creation_time,
            original_group_id=transaction.group_id,
            original_transaction_sequence=transaction.sequence,
            original_transaction_type=transaction.type,
            creation_title=getattr(work, 'work_title', None),
            submitter_creation_number=getattr(
                work, 'submitter_work_number', None),
            recipient_creation_number=(
                None if state == 'RJ' else answer.work_number),
            processing_date=self.now.date(), transaction_status=state)
        messages = transaction.messages + answer.messages
        for number, message in enumerate(messages, 1):
            self._write('MSG', transaction_sequence=sequence,
                record_sequence=number, message_type=message.type,
                original_record_sequence=message.record_sequence,
                original_record_type=message.record_type,
                message_level=message.level,
                validation_number=f'{message.edit:03d}',
                message_text=message.text[:150])
        self.transactions += 1

    def close(self):
        "The group's and the file's trailers, with their counts"
        if self.version is None:
            self._start()
        self._write('GRT', group_id=1, transaction_count=self.transactions,
            record_count=self.records)  # GRH to GRT: counted the HDR, not GRT
        self._write('TRL', group_count=1, transaction_count=self.transactions,
            record_count=self.records + 1)
