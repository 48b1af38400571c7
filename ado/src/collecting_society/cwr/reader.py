"""Read a CWR 2.1 or 2.2 file line by line, one transaction at a time.

    reader = Reader(open('CW260001PUB_000.V21', 'rb'))
    reader.header           # the HDR record
    for transaction in reader:
        ...                 # a work: its NWR/REV and detail records

The file's structure is checked as it goes by: HDR first and TRL last,
groups between GRH and GRT, the sequence numbers, each record's length,
and the counts in GRT and TRL against what was read. Any of these wrong
refuses the whole file with FileRejected, one line naming the line. The
specification's group-level rejections (GR) refuse the file too: a group
whose counts or type are wrong means the sender's file is broken, and a
society imports a file whole or not at all.

Because a file is read as a stream, a count at the end can refuse a file
whose first works were already yielded: whoever stores the works keeps
them undone (one database transaction) until the iteration has ended.

What is wrong with one work (an invalid field, shares over 100 %) does
not stop the file: it becomes a Message on that transaction, for the ACK.
"""
import functools
from dataclasses import dataclass, field

from . import checks, fields, records
from .errors import FileRejected, Message

VERSIONS = {'02.10': '2.1', '02.20': '2.2'}
SENDER_TYPES = {'PB', 'SO', 'AA', 'WR'}
KNOWN = records.TRANSACTION_TYPES | records.DETAIL_TYPES


@dataclass
class Transaction:
    """One transaction: its header record (NWR, REV, ...), its detail
    records in file order (without those a record-level edit rejected),
    and the messages its checks gave."""
    type: str
    group_id: int
    sequence: int
    line: int
    header: object
    records: list = field(default_factory=list)
    messages: list = field(default_factory=list)

    @property
    def rejected(self):
        return any(message.type == 'T' for message in self.messages)

    @property
    def changed(self):
        "Accepted, but a record or field was left out"
        return any(message.type in 'RF' for message in self.messages)

    def of_type(self, *types):
        return [record for record in self.records
            if record.record_type in types]


@dataclass
class Unread:
    """A detail record ado does not read (non-Roman names, instrumentation,
    components, agreements): kept as it came."""
    record_type: str
    line: int
    transaction_sequence: int
    record_sequence: int
    text: str


@dataclass
class _Group:
    id: int
    type: str
    version: str
    records: int = 1        # the GRH
    transactions: int = 0


class Reader:
    "The transactions of the CWR file `lines` (bytes or str lines)"

    def __init__(self, lines):
        self._lines = enumerate(lines, 1)
        self.encoding = 'latin-1'  # of the lines, when they are bytes
        self._last_line = 0
        self.version = None     # '2.1' or '2.2', from the group headers
        self._types = set()     # the groups' transaction types
        self._sequence = 0      # the record sequence number read last
        self.header = self._read_header()

    def __iter__(self):
        return self._read()

    def _records(self):
        "(line number, text) of each record; empty lines only at the end"
        blank = None
        for line, raw in self._lines:
            self._last_line = line
            text = raw
            if isinstance(raw, bytes):
                try:
                    text = raw.decode(self.encoding)
                except UnicodeDecodeError:
                    raise FileRejected(line, 'the text is not UTF-8, as '
                        'the HDR\'s character set says') from None
            text = text.rstrip('\r\n')
            if not text.strip():
                blank = blank or line
                continue
            if blank:
                raise FileRejected(blank, 'an empty line between records')
            yield line, text

    def _read_header(self):
        for line, text in self._records():
            break
        else:
            raise FileRejected(1, 'the file is empty: a CWR file starts '
                'with HDR')
        if not text.startswith('HDR'):
            raise FileRejected(line, f'the file starts with {text[:3]!r}: '
                'a CWR file starts with HDR')
        if text[101:104] in ('3.0', '3.1') or text[102:105] in ('3.0', '3.1'):
            raise FileRejected(line, 'a CWR 3 file: ado reads CWR 2.1 and '
                '2.2 files')
        header = parse(text, line, '2.2', [])
        if not (header.sender_type in SENDER_TYPES
                or header.sender_type.isdigit()):
            raise FileRejected(line, f'HDR sender type '
                f'{header.sender_type!r} is none of PB, SO, AA, WR')
        if header.edi_version != '01.10':
            raise FileRejected(line, f'HDR EDI standard version '
                f'{header.edi_version!r}: CWR 2.1 and 2.2 have 01.10')
        if header.version not in (None, '2.1', '2.2'):
            raise FileRejected(line, f'HDR version {header.version!r}: ado '
                'reads CWR 2.1 and 2.2 files')
        if 'UTF' in (header.character_set or '').upper():
            self.encoding = 'utf-8'
        return header

    def _read(self):
        group = transaction = None
        groups = transactions = 0
        count = 1       # the HDR
        trailer = False
        for line, text in self._records():
            count += 1
            kind = text[:3]
            if trailer:
                raise FileRejected(line, 'a record after TRL')
            if kind == 'GRH':
                if group:
                    raise FileRejected(line,
                        f'GRH before the GRT of group {group.id}')
                group = self._open_group(text, line, groups + 1)
                groups += 1
            elif kind == 'GRT':
                if group is None:
                    raise FileRejected(line, 'GRT without a GRH before it')
                if transaction:
                    yield checks.check(transaction)
                    transaction = None
                self._close_group(group, text, line)
                transactions += group.transactions
                group = None
            elif kind == 'TRL':
                if group:
                    raise FileRejected(line,
                        f'TRL before the GRT of group {group.id}')
                self._close_file(text, line, groups, transactions, count)
                trailer = True
            elif kind == 'HDR':
                raise FileRejected(line, 'a second HDR')
            elif kind in KNOWN:
                if group is None:
                    raise FileRejected(line, f'{kind} outside a group (no '
                        'GRH before it)')
                group.records += 1
                started = self._record(group, transaction, kind, text, line)
                if started:
                    if transaction:
                        yield checks.check(transaction)
                    transaction = started
            else:
                raise FileRejected(line, f'unknown record type {kind!r}')
        if not trailer:
            raise FileRejected(self._last_line, 'the file ends without TRL')

    def _open_group(self, text, line, expected_id):
        grh = parse(text, line, self.version or '2.1', [])
        if grh.group_id != expected_id:
            raise FileRejected(line, f'GRH group ID {grh.group_id}, '
                f'expected {expected_id}')
        number = grh.version_number
        if number in ('03.00', '03.10', '3.0', '3.1'):
            raise FileRejected(line, 'a CWR 3 group: ado reads CWR 2.1 and '
                '2.2 files')
        version = VERSIONS.get(number)
        if version is None:
            raise FileRejected(line, f'GRH version {number!r}: CWR 2.1 '
                'groups have 02.10, 2.2 groups 02.20')
        if self.header.version and version != self.header.version:
            raise FileRejected(line, f'GRH version {number} in a CWR '
                f'{self.header.version} file')
        if self.version and version != self.version:
            raise FileRejected(line, f'GRH version {number} after a CWR '
                f'{self.version} group')
        if grh.transaction_type in self._types:
            raise FileRejected(line, f'a second {grh.transaction_type} '
                'group: each transaction type has one group')
        self._types.add(grh.transaction_type)
        self.version = version
        return _Group(grh.group_id, grh.transaction_type, version)

    def _record(self, group, transaction, kind, text, line):
        """Add the record to `transaction`, or return the transaction it
        starts. Inside an ACK, the NWR, REV or EXC it acknowledges
        continues the ACK's transaction, as the specification says."""
        starts = kind in records.TRANSACTION_TYPES and (
            group.type != 'ACK' or kind == 'ACK')
        messages = []
        record = parse(text, line, group.version, messages)
        if starts:
            if kind != group.type:
                raise FileRejected(line, f'{kind} transaction in a '
                    f'{group.type} group')
            if record.record_sequence != 0:
                raise FileRejected(line, f'{kind} record sequence '
                    f'{record.record_sequence}: a transaction header has 0')
            if record.transaction_sequence != group.transactions:
                raise FileRejected(line, f'{kind} transaction sequence '
                    f'{record.transaction_sequence}, expected '
                    f'{group.transactions}')
            group.transactions += 1
            started = Transaction(kind, group.id,
                record.transaction_sequence, line, record)
            started.messages.extend(messages)
            self._sequence = 0
            return started
        if transaction is None:
            raise FileRejected(line, f'{kind} before the first transaction '
                f'header of group {group.id}')
        if record.transaction_sequence != transaction.sequence:
            raise FileRejected(line, f'{kind} transaction sequence '
                f'{record.transaction_sequence} inside transaction '
                f'{transaction.sequence}')
        if record.record_sequence != self._sequence + 1:
            raise FileRejected(line, f'{kind} record sequence '
                f'{record.record_sequence}, expected {self._sequence + 1}')
        self._sequence = record.record_sequence
        transaction.messages.extend(messages)
        if not any(message.type == 'R' for message in messages):
            transaction.records.append(record)
        return None

    def _close_group(self, group, text, line):
        grt = parse(text, line, group.version, [])
        group.records += 1
        if grt.group_id != group.id:
            raise FileRejected(line, f'GRT of group {grt.group_id} closes '
                f'group {group.id}')
        if group.transactions == 0:
            raise FileRejected(line, f'group {group.id} has no transactions')
        _compare(line, 'GRT', grt.transaction_count, group.transactions,
            'transactions', 'the group')
        _compare(line, 'GRT', grt.record_count, group.records, 'records',
            'the group')

    def _close_file(self, text, line, groups, transactions, count):
        trl = parse(text, line, self.version or '2.1', [])
        _compare(line, 'TRL', trl.group_count, groups, 'groups', 'the file')
        _compare(line, 'TRL', trl.transaction_count, transactions,
            'transactions', 'the file')
        _compare(line, 'TRL', trl.record_count, count, 'records', 'the file')


def _compare(line, record_type, said, counted, what, where):
    if said != counted:
        raise FileRejected(line, f'{record_type} says {said} {what}, '
            f'{where} has {counted}')


def parse(text, line, version, messages):
    """The record `text` of CWR `version` as its dataclass (records.CLASSES),
    or Unread. Invalid fields become `messages`, or FileRejected where the
    specification rejects the file."""
    record_type = text[:3]
    plan = _plan(version, record_type)
    if plan is None:
        _, transaction, sequence = (_field(text, line, record_type, row)
            for row in _plan(version, 'PREFIX')[2])
        return Unread(record_type, line, transaction, sequence, text)
    shortest, longest, rows = plan
    if len(text) < shortest:
        raise FileRejected(line, f'{record_type} record is {len(text)} '
            f'characters, CWR {version} needs {shortest}')
    if len(text) > longest and text[longest:].strip():
        raise FileRejected(line, f'{record_type} record is {len(text)} '
            f'characters, CWR {version} has {longest}')
    # the usual case inline, values in the dataclass's order: a catalogue
    # has millions of fields
    values = [line]
    for name, begin, end, convert, required, rejects, edit in rows:
        value = text[begin:end].strip() or None
        if value is not None and convert is not None:
            try:
                value = convert(value)
            except fields.FieldError as error:
                _invalid(error, line, record_type, rejects, edit, messages,
                    values)
                value = None
                required = False
        if value is None and required:
            error = fields.FieldError(f'{fields.label(name)} is missing')
            _invalid(error, line, record_type, rejects, edit, messages,
                values)
        values.append(value)
    return records.CLASSES[record_type](*values)


@functools.cache
def _plan(version, record_type):
    """How to read a record type: its shortest and longest length, and per
    field (name, begin, end, converter, required, rejects, edit)."""
    if record_type == 'PREFIX':
        layout = records.PREFIX
    else:
        layout = records.LAYOUTS[version].get(record_type)
        if layout is None:
            return None
    rows = tuple((name, start - 1, start - 1 + size,
            fields.converter(fmt, name), required == 'M', rejects, edit)
        for name, start, size, fmt, required, rejects, edit in layout
        if fmt != 'X')
    if record_type == 'PREFIX':
        return None, None, rows
    return (records.shortest(record_type, version), records.length(layout),
        rows)


def _field(text, line, record_type, row):
    "The value of a prefix field of a record ado does not read"
    name, begin, end, convert, *_ = row
    value = text[begin:end].strip() or None
    try:
        if value is not None and convert is not None:
            value = convert(value)
        if value is None:
            raise fields.FieldError(f'{fields.label(name)} is missing')
    except fields.FieldError as error:
        raise FileRejected(line, f'{record_type} {error}') from None
    return value


def _invalid(error, line, record_type, rejects, edit, messages, values):
    """The message of an invalid field (its value becomes None), or
    FileRejected where the specification rejects the file (ER)."""
    if rejects == 'E':
        raise FileRejected(line, f'{record_type} {error}')
    # values: the record's so far, line and prefix first
    sequence = values[3] if len(values) > 3 else 0
    messages.append(Message(rejects, 'F', sequence, record_type, edit,
        str(error)))
