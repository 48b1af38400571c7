"""Read one file of a DSR report line by line, one usage line at a time.

    reader = FileReader('DSR_..._1of2_....tsv.gz', lines)
    reader.head                      # the HEAD record, read at once
    for usage in reader.usages(summaries):
        ...

The file's structure is checked as it goes by: HEAD first and FOOT last,
the summary records between them and before the first block, record types
of the HEAD's profile, each cell's format, the blocks' references (a usage
line's summary record and resource), and FOOT's line, summary and block
counts against what was read. Anything wrong raises ReportRefused naming
the file and the line.

Only the block being read is held (its releases and resources): a usage
line is yielded when it is read, so memory does not grow with the file.
Because the file is read as a stream, FOOT can refuse a report whose
first lines were already yielded: whoever stores them keeps them undone
(one database transaction) until the iteration has ended.
"""
import functools
import re

from . import fields, records, usage
from .errors import CellError, ReportRefused

# DSR 3.x only: its HEAD names dsrf/3x (DDEX's sample: dsrf/30)
_VERSION = re.compile(r'dsrf/3')


class FileReader:
    "The usage lines of one file of a report; `lines` are bytes lines"

    def __init__(self, name, lines):
        self.name = name
        self._lines = enumerate(lines, 1)
        self.last_line = 0
        self.lines = 0          # every line, comments and empty ones too
        self.blocks = 0
        self.summary_records = 0
        self.foot = None
        self.profile = None
        self.head = self._read_head()

    def refuse(self, line, problem):
        raise ReportRefused(self.name, line, problem)

    def _records(self):
        "(line number, cells) of each record; comments and empty lines counted"
        for line, raw in self._lines:
            self.last_line = self.lines = line
            try:
                text = raw.decode('utf-8')
            except UnicodeDecodeError:
                self.refuse(line, 'the text is not UTF-8, as DSR files are')
            text = text.rstrip('\r\n')
            if line == 1:
                text = text.lstrip('\ufeff')
            if not text or text.startswith('#'):
                continue
            yield line, text.split('\t')

    def _read_head(self):
        for line, cells in self._records():
            break
        else:
            self.refuse(1, 'the file is empty: a DSR file starts with HEAD')
        if cells[0] != 'HEAD':
            self.refuse(line, f'the file starts with {cells[0][:8]!r}: a DSR '
                'file starts with HEAD')
        version = cells[1] if len(cells) > 1 else ''
        if not _VERSION.match(version):
            self.refuse(line, f'HEAD MessageVersion {version!r}: ado reads '
                'DSR 3.x (dsrf/3...)')
        self.profile = cells[2].lower() if len(cells) > 2 else ''
        if self.profile not in records.PROFILES:
            self.refuse(line, f'HEAD Profile {cells[2:3] and cells[2]!r}: '
                'ado reads BasicAudioProfile and UgcProfile')
        self.head_line = line
        head = self._parse(line, cells)
        if not 1 <= head['FileNumber'] <= head['NumberOfFiles']:
            self.refuse(line, f'HEAD FileNumber {head["FileNumber"]} is not '
                f'between 1 and NumberOfFiles {head["NumberOfFiles"]}')
        if head['UsageEndDate'] < head['UsageStartDate']:
            self.refuse(line, 'HEAD UsageEndDate is before UsageStartDate')
        return head

    def _parse(self, line, cells):
        record_type = cells[0]
        plan = _plan(self.profile, record_type)
        if plan is None:
            self.refuse(line, f'record type {record_type[:10]!r} is not one '
                f'of the {records.PROFILE_NAMES[self.profile]} profile\'s')
        if len(cells) - 1 > len(plan):
            self.refuse(line, f'{record_type} has {len(cells) - 1} cells, '
                f'its layout {len(plan)}')
        record = {'RecordType': record_type}
        given = len(cells)
        for index, (name, convert, required) in enumerate(plan, 1):
            value = cells[index] if index < given else ''
            if value:
                try:
                    value = convert(value)
                except CellError as error:
                    self.refuse(line, f'{record_type} {name} '
                        f'{value[:40]!r} {error}')
            elif required:
                self.refuse(line, f'{record_type} {name} is missing')
            else:
                value = None
            record[name] = value
        return record

    def usages(self, summaries):
        """Yield the file's usage lines; `summaries` (SummaryRecordId ->
        summary record) is the report's, filled by the files before."""
        block = None
        for line, cells in self._records():
            if self.foot is not None:
                self.refuse(line, 'a record after FOOT')
            record = self._parse(line, cells)
            kind = records.KINDS[record['RecordType']]
            if kind == 'summary':
                self._summary(line, record, block, summaries)
            elif kind == 'foot':
                self.foot = record
                self._close(line)
            elif kind == 'head':
                self.refuse(line, 'a second HEAD')
            else:
                if block is None or record['BlockId'] != block.id:
                    block = _Block(record['BlockId'])
                    self.blocks += 1
                found = block.add(self, line, record, kind, summaries)
                if found is not None:
                    yield found
        if self.foot is None:
            self.refuse(self.last_line, 'the file ends without FOOT')

    def _summary(self, line, record, block, summaries):
        if block is not None:
            self.refuse(line, f'{record["RecordType"]} after the first '
                'block: summary records come before the blocks')
        if record['SummaryRecordId'] in summaries:
            self.refuse(line, f'{record["RecordType"]} SummaryRecordId '
                f'{record["SummaryRecordId"]!r} given twice')
        summaries[record['SummaryRecordId']] = record
        self.summary_records += 1

    def _close(self, line):
        "FOOT's counts of this file against what was read"
        foot = self.foot
        _compare(self, line, 'NumberOfLinesInFile', line, 'lines')
        _compare(self, line, 'NumberOfSummaryRecords', self.summary_records,
            'summary records')
        _compare(self, line, 'NumberOfBlocksInFile', self.blocks, 'blocks')
        return foot


def _compare(reader, line, name, counted, what, where='the file'):
    said = reader.foot[name]
    if said != counted:
        reader.refuse(line, f'FOOT {name} says {said}, {where} has '
            f'{counted} {what}')


class _Block:
    """The records of the block being read: its releases and resources,
    for the usage lines after them to refer to"""

    def __init__(self, id):
        self.id = id
        self.releases = {}
        self.resources = {}     # ResourceReference and DspResourceId -> fields
        self.last = None        # the resource a musical work belongs to
        self.works = 0

    def add(self, reader, line, record, kind, summaries):
        "Take a record of the block; return its Usage if it is a usage line"
        if kind == 'release':
            self.releases[record['ReleaseReference']] = record
        elif kind == 'resource':
            self.last = usage.resource(record)
            self.resources[record['ResourceReference']] = self.last
            self.resources[record['DspResourceId']] = self.last
        elif kind == 'work':
            if self.last is None:
                reader.refuse(line, f'{record["RecordType"]} before the '
                    f'sound recording (AS) of block {self.id!r}')
            # a medley's further works are not kept (yet)
            if self.last['service_work_id'] is None:
                self.last.update(usage.work(record))
        elif kind == 'usage':
            return self._usage(reader, line, record, summaries)
        elif 'SummaryRecordId' in record:
            _summary_of(reader, line, record, summaries)
        return None

    def _usage(self, reader, line, record, summaries):
        record_type = record['RecordType']
        found = usage.Usage(reader.name, line, record_type, self.id,
            record['SummaryRecordId'], record['SalesTransactionId'],
            record['Usages'], revenue=record.get('NetRevenue'),
            price=record.get('PriceConsumerPaidExcSalesTax'),
            **usage.context(_summary_of(reader, line, record, summaries)))
        used = self._used(reader, line, record)
        for name, value in used.items():
            setattr(found, name, value)
        if not found.title:
            reader.refuse(line, f'{record_type} names no resource or '
                f'release with a title in block {self.id!r}')
        return found

    def _used(self, reader, line, record):
        """What the usage line is of: its resource, or its release (with
        the block's one resource, if it has only one)"""
        reference = record.get('TransactedResource')
        if reference is not None:
            if reference not in self.resources:
                reader.refuse(line, f'{record["RecordType"]} resource '
                    f'{reference!r} is not in block {self.id!r}')
            return self.resources[reference]
        reference = record.get('TransactedRelease')
        if reference is None:
            reader.refuse(line, f'{record["RecordType"]} names neither a '
                'resource nor a release')
        if reference not in self.releases:
            reader.refuse(line, f'{record["RecordType"]} release '
                f'{reference!r} is not in block {self.id!r}')
        used = usage.release(self.releases[reference])
        resources = {id(fields): fields for fields in self.resources.values()}
        if len(resources) == 1:
            used.update(next(iter(resources.values())))
        return used


def _summary_of(reader, line, record, summaries):
    summary = summaries.get(record['SummaryRecordId'])
    if summary is None:
        reader.refuse(line, f'{record["RecordType"]} SummaryRecordId '
            f'{record["SummaryRecordId"]!r} is not a summary record of the '
            'report')
    return summary


@functools.cache
def _plan(profile, record_type):
    "(name, converter, required) of each cell after the record type"
    layout = records.PROFILES[profile].get(record_type)
    if layout is None:
        return None
    return tuple((name, fields.FORMATS[fmt], required)
        for name, fmt, required in layout)
