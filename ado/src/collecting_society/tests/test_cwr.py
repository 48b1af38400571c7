"""The CWR reader and ACK writer against files written by hand from CISAC's
functional specifications (tests/cwr/): the valid ones read to the
transactions recorded in their .json golden files, each kind of broken file
gives its one line or its rejected work, and the ACK of a known file equals
its golden ACK byte for byte.

Pure Python, no database:
    python -m unittest collecting_society.tests.test_cwr
"""
import dataclasses
import datetime
import io
import json
import unittest
from decimal import Decimal
from pathlib import Path

from collecting_society.cwr import ack, records
from collecting_society.cwr.errors import FileRejected
from collecting_society.cwr.reader import Reader

FILES = Path(__file__).parent / 'cwr'
SOCIETY = ack.Society(998, 'ADO TEST SOCIETY', '1.0')
# when the test society "processed" the files of the golden ACKs
PROCESSED = datetime.datetime(2026, 12, 2, 8, 15, 0)


def read(name):
    "The header and the transactions of test file `name`"
    with open(FILES / name, 'rb') as file:
        reader = Reader(file)
        return reader, list(reader)


def lines(name):
    return (FILES / name).read_text('ascii').splitlines()


def refusal(lines):
    "The one line a file of `lines` is refused with (None: not refused)"
    try:
        list(Reader(lines))
    except FileRejected as error:
        return str(error)
    return None


def plain(value):
    "A transaction as JSON data, for the golden files"
    if dataclasses.is_dataclass(value):
        data = {'class': type(value).__name__}
        data.update((field.name, plain(getattr(value, field.name)))
            for field in dataclasses.fields(value))
        return data
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, (datetime.date, datetime.time, Decimal)):
        return str(value)
    return value


def ack_of(name):
    "The ACK of test file `name`, written as the file is read"
    out = io.StringIO(newline='')
    with open(FILES / name, 'rb') as file:
        reader = Reader(file)
        writer = ack.AckWriter(out, reader, SOCIETY, now=PROCESSED)
        for number, transaction in enumerate(reader, 1):
            writer.write(ack.Answer(transaction,
                work_number=f'ADO{number:05d}'))
        writer.close()
    return out.getvalue()


class ValidFileTestCase(unittest.TestCase):
    "Valid files read to the golden transactions"

    def assertGolden(self, name):
        reader, transactions = read(name)
        got = {'header': plain(reader.header), 'version': reader.version,
            'transactions': plain(transactions)}
        golden = json.loads((FILES / f'{name}.json').read_text())
        self.assertEqual(got, golden)
        return reader, transactions

    def test_valid_21(self):
        "A CWR 2.1 file with an NWR and a REV group"
        reader, transactions = self.assertGolden('valid.V21')
        self.assertEqual(reader.version, '2.1')
        self.assertEqual(reader.header.sender_name, 'MUSIC PUB')
        self.assertEqual(reader.header.creation_date,
            datetime.date(2026, 12, 1))
        self.assertEqual([(t.type, t.group_id, t.sequence, t.header.work_title)
                for t in transactions], [
            ('NWR', 1, 0, 'MORNING LIGHT'), ('NWR', 1, 1, 'RIVER SONG'),
            ('REV', 2, 0, 'EVENING STAR')])
        morning, river, _evening = transactions
        self.assertEqual(morning.header.iswc, 'T0345246801')
        self.assertEqual(morning.header.duration, 210)
        publisher, = morning.of_type('SPU')
        self.assertEqual((publisher.pr_share, publisher.mr_share),
            (Decimal('50.00'), Decimal('100.00')))
        writer, = morning.of_type('SWR')
        self.assertEqual((writer.writer_last_name, writer.pr_share,
                writer.writer_ipi_name_number, writer.writer_ipi_base_number),
            ('SMITH', Decimal('50.00'), '00000000297', 'I-000000229-7'))
        recording, = morning.of_type('REC')
        self.assertEqual(recording.isrc, 'DEA122600001')
        other, = river.of_type('OWR')
        self.assertEqual(other.writer_ipi_name_number, '12345678993')
        for transaction in transactions:
            self.assertEqual(transaction.messages, [])

    def test_valid_22(self):
        "A CWR 2.2 file: the 2.2 fields read, an ORN without them too"
        reader, (work,) = self.assertGolden('valid.V22')
        self.assertEqual(reader.version, '2.2')
        self.assertEqual((reader.header.version, reader.header.revision,
                reader.header.software_package), ('2.2', 2, 'HANDWRITTEN'))
        link, = work.of_type('PWR')
        self.assertEqual(link.publisher_sequence, 1)
        recording, = work.of_type('REC')
        self.assertEqual((recording.recording_title, recording.isrc_validity),
            ('MORNING LIGHT', 'Y'))
        origin, = work.of_type('ORN')
        self.assertEqual((origin.library, origin.isan),
            ('SOUND LIBRARY', None))
        self.assertEqual(work.messages, [])


class BrokenFileTestCase(unittest.TestCase):
    "A broken file is refused with one line; a broken work is flagged"

    def test_wrong_trl_count(self):
        self.assertEqual(refusal(lines('wrong_trl_count.V21')),
            'line 29: TRL says 4 transactions, the file has 3')

    def test_missing_grt(self):
        self.assertEqual(refusal(lines('missing_grt.V21')),
            'line 20: GRH before the GRT of group 1')

    def test_short_record(self):
        self.assertEqual(refusal(lines('short_record.V21')),
            'line 6: SWR record is 150 characters, CWR 2.1 needs 180')

    def test_bad_iswc(self):
        """An ISWC with a wrong check digit is left out of its work, which is
        accepted with changes (the specification's edit NWR 4: FR)"""
        _, (morning, river, evening) = read('bad_iswc.V21')
        self.assertIsNone(morning.header.iswc)
        message, = morning.messages
        self.assertEqual((message.type, message.record_type, message.edit,
                message.text), ('F', 'NWR', 4,
            'ISWC T0345246802: the check digit should be 1'))
        self.assertEqual(ack.status(morning), 'AC')
        self.assertEqual((river.messages, evening.messages), ([], []))
        self.assertEqual(ack.status(evening), 'AS')

    def test_shares_over_100(self):
        "Ownership shares over 100 % reject that work, not the file"
        _, (morning, river, evening) = read('shares_over_100.V21')
        message, = river.messages
        self.assertEqual((message.type, message.level, message.edit,
                message.text), ('T', 'T', 11,
            'PR ownership shares add up to 110.00 %, more than 100 %'))
        self.assertEqual(ack.status(river), 'RJ')
        self.assertEqual((morning.messages, evening.messages), ([], []))

    def test_structure(self):
        "What else refuses a file, each with its line"
        valid = lines('valid.V21')
        cases = [
            ([], 'line 1: the file is empty: a CWR file starts with HDR'),
            (valid[1:], ("line 1: the file starts with 'GRH': a CWR file "
                'starts with HDR')),
            (valid[:-1], 'line 28: the file ends without TRL'),
            (valid + [valid[-1]], 'line 30: a record after TRL'),
            (valid[:2] + valid[3:], ('line 3: SPU before the first '
                'transaction header of group 1')),
            (valid[:3] + valid[4:], ('line 4: SPT record sequence 2, '
                'expected 1')),
            (valid[:11] + valid[12:], ('line 12: SPU transaction sequence 1 '
                'inside transaction 0')),
            (valid[:19] + [valid[19].replace('00000019', '00000018')]
                + valid[20:], ('line 20: GRT says 18 records, the group has '
                '19')),
            (valid[:20] + [valid[20].replace('REV', 'NWR')] + valid[21:],
                ('line 21: a second NWR group: each transaction type has one '
                'group')),
            (valid[:20] + [valid[20].replace('02.10', '02.20')] + valid[21:],
                "line 21: GRH version 02.20 after a CWR 2.1 group"),
            (valid[:3] + ['XYZ' + valid[3][3:]] + valid[4:],
                "line 4: unknown record type 'XYZ'"),
            ([valid[0].replace('01.10', '01.20')] + valid[1:],
                ("line 1: HDR EDI standard version '01.20': CWR 2.1 and 2.2 "
                'have 01.10')),
            ([valid[0][:101] + '3.0000'] + valid[1:],
                'line 1: a CWR 3 file: ado reads CWR 2.1 and 2.2 files'),
            ([valid[0].replace('20261201', '20261301', 1)] + valid[1:],
                ("line 1: HDR creation date '20261301' is not a date "
                '(YYYYMMDD)')),
        ]
        for broken, expected in cases:
            with self.subTest(expected):
                self.assertEqual(refusal(broken), expected)

    def test_record_rules(self):
        "Territories follow their party; a record rejection drops the record"
        valid = lines('valid.V21')
        # the SWT (line 7) before the SWR (line 6), sequences renumbered
        swapped = valid[:5] + [valid[6][:11] + '00000003' + valid[6][19:],
            valid[5][:11] + '00000004' + valid[5][19:]] + valid[7:]
        morning = next(iter(Reader(swapped)))
        self.assertEqual([m.text for m in morning.messages],
            ['SWT after SPT: it follows one of NWN, SWR, SWT'])
        # an ALT without its title (RR): the ALT is left out, the work AC
        untitled = valid[:8] + [valid[8][:19] + ' ' * 60 + valid[8][79:]] \
            + valid[9:]
        morning = next(iter(Reader(untitled)))
        self.assertEqual(morning.of_type('ALT'), [])
        self.assertEqual([(m.type, m.text) for m in morning.messages],
            [('R', 'alternate title is missing')])
        self.assertEqual(ack.status(morning), 'AC')
        # an SPU without its interested party number (TR), an OWR may
        nameless = valid[:3] + [valid[3][:21] + ' ' * 9 + valid[3][30:]] \
            + valid[4:]
        morning, river, _ = Reader(nameless)
        self.assertEqual([(m.type, m.record_type, m.text)
                for m in morning.messages],
            [('T', 'SPU', 'interested party number is missing')])
        self.assertEqual(river.messages, [])
        # a record ado does not read (INS) is kept as it came
        summary = 'INS0000000000000009000ORC' + ' ' * 50
        morning = next(iter(Reader(valid[:11] + [summary] + valid[11:])))
        unread = morning.records[-1]
        self.assertEqual((unread.record_type, unread.record_sequence,
            unread.text), ('INS', 9, summary))
        self.assertEqual(morning.messages, [])
        # a writer's territories are numbered from 1 (RR)
        misnumbered = valid[:6] + [valid[6][:49] + '002'] + valid[7:]
        morning = next(iter(Reader(misnumbered)))
        self.assertEqual(morning.of_type('SWT'), [])
        self.assertEqual([(m.type, m.edit, m.text) for m in morning.messages],
            [('R', 10, 'SWT sequence number 2, expected 1')])
        # a writer's publisher is one of the work's
        stranger = valid[:7] + [valid[7].replace('P000001', 'P000009')] \
            + valid[8:]
        morning = next(iter(Reader(stranger)))
        self.assertEqual([(m.type, m.edit, m.text) for m in morning.messages],
            [('T', 12, ("PWR names publisher P000009, who is not among the "
                "work's SPU and OPU"))])
        # in 2.2, by its chain's number too
        v22 = lines('valid.V22')
        v22[7] = v22[7][:-2] + '02'
        work = next(iter(Reader(v22)))
        self.assertEqual([(m.type, m.edit, m.text) for m in work.messages],
            [('T', 7, ('PWR names publisher chain 2, the work has no such '
                'chain'))])
        # publisher chains are numbered from 1
        second = valid[:3] + [valid[3][:19] + '02' + valid[3][21:]] \
            + valid[4:]
        morning = next(iter(Reader(second)))
        self.assertEqual([(m.type, m.edit, m.text) for m in morning.messages],
            [('T', 1, 'publisher sequence 2, expected 1')])
        # and start with the original publisher
        administrator = valid[:3] + [valid[3][:76] + 'AM' + valid[3][78:]] \
            + valid[4:]
        morning = next(iter(Reader(administrator)))
        self.assertEqual([(m.edit, m.text) for m in morning.messages], [
            (2, ('publisher chain 1 starts with publisher type AM: a chain '
                'starts with E or PA')),
            (19, ('publisher P000001 of type AM owns shares: only E and AQ '
                'do'))])


class CharacterSetTestCase(unittest.TestCase):
    "A file whose HDR names UTF-8 is read as UTF-8, positions in characters"

    def test_utf8(self):
        valid = lines('valid.V21')
        header = valid[0][:86] + 'UTF-8'.ljust(15)
        work = valid[2][:19] + 'MÜNCHEN'.ljust(60) + valid[2][79:]
        data = [line.encode('utf-8')
            for line in [header, valid[1], work, *valid[3:]]]
        morning = next(iter(Reader(data)))
        self.assertEqual(morning.header.work_title, 'MÜNCHEN')
        self.assertEqual(morning.messages, [])
        # undeclared, each byte is a character: the record is too long
        data[0] = valid[0].encode('ascii')
        self.assertEqual(refusal(data),
            'line 3: NWR record is 261 characters, CWR 2.1 has 260')


class AckTestCase(unittest.TestCase):
    "The ACK of a known file"

    def test_golden_ack(self):
        """One AC (its ISWC left out), one RJ (shares over 100 %), one AS,
        each with its MSG records, equal the golden ACK byte for byte"""
        self.assertEqual(ack_of('mixed.V21').encode('ascii'),
            (FILES / 'mixed.ACK').read_bytes())

    def test_ack_reads_back(self):
        "The reader reads the ACK: its structure and counts are right"
        for name in ('mixed.V21', 'valid.V22'):
            with self.subTest(name):
                text = ack_of(name)
                reader = Reader(text.splitlines())
                acks = list(reader)
                self.assertEqual(reader.header.sender_type, 'SO')
                # in the version of the file answered
                self.assertEqual(reader.version, name[-2] + '.' + name[-1])
                for answer in acks:
                    self.assertEqual(answer.type, 'ACK')
                    self.assertEqual(answer.messages, [])
                statuses = [a.header.transaction_status for a in acks]
                self.assertEqual(statuses, {'mixed.V21': ['AC', 'RJ', 'AS'],
                    'valid.V22': ['AS']}[name])


class LayoutTestCase(unittest.TestCase):
    "The layout tables"

    def test_contiguous(self):
        "Each field starts where the one before it ended"
        for version, layouts in records.LAYOUTS.items():
            for layout in layouts.values():
                position = 1
                for name, start, size, *_ in layout:
                    with self.subTest(version=version, field=name):
                        self.assertEqual(start, position)
                    position = start + size

    def test_lengths(self):
        "The record lengths the specification gives"
        expected = {'HDR': 101, 'GRH': 28, 'GRT': 37, 'TRL': 24, 'NWR': 260,
            'ACK': 159, 'MSG': 185, 'SPU': 183, 'SPT': 58, 'SWR': 180,
            'SWT': 52, 'PWR': 110, 'ALT': 83, 'VER': 364, 'PER': 118,
            'REC': 266, 'ORN': 301}
        for record_type, length in expected.items():
            self.assertEqual(records.length(
                records.LAYOUTS['2.1'][record_type]), length, record_type)
        for record_type, length in {'HDR': 167, 'PWR': 112, 'REC': 540,
                'ORN': 348}.items():
            self.assertEqual(records.length(
                records.LAYOUTS['2.2'][record_type]), length, record_type)


def catalogue(works):
    """The lines of a CWR 2.1 file of `works` works, made as they are read:
    a publisher, three writers with their territories and publishers and
    two recordings each (14 records a work)."""
    valid = lines('valid.V21')
    publisher, territory, writer, writer_territory, link = valid[3:8]
    recording = valid[10]
    yield valid[0]
    yield 'GRHNWR0000102.100000000000  '
    for number in range(works):
        sequence = f'{number:08d}'
        title = f'WORK {number}'.ljust(60)
        yield f'NWR{sequence}00000000{title}' + valid[2][79:95].replace(
            'PUB0001', f'P{number:06d}') + ' ' * 11 + valid[2][106:]
        body = [publisher, territory]
        for share in ('02000', '01500', '01500'):
            body += [writer[:129] + share + writer[134:],
                writer_territory[:28] + share + writer_territory[33:], link]
        body += [recording, recording]
        for index, record in enumerate(body, 1):
            yield f'{record[:3]}{sequence}{index:08d}{record[19:]}'
    yield f'GRT00001{works:08d}{works * 14 + 2:08d}   0000000000'
    yield f'TRL00001{works:08d}{works * 14 + 4:08d}'


class StreamTestCase(unittest.TestCase):
    "A catalogue is read as a stream (its memory is measured in bench/)"

    def test_a_catalogue(self):
        """Each work is yielded as soon as the next one starts, so the
        reader holds one work, whatever the file's size (2,000 works here:
        the first work's arrival proves it; bench/ reads 100,000)"""
        consumed = 0

        def counted(lines):
            nonlocal consumed
            for line in lines:
                consumed += 1
                yield line

        count = 0
        for transaction in Reader(counted(catalogue(2_000))):
            if count == 0:
                # HDR, GRH, the first work's 14 records, the next NWR
                self.assertEqual(consumed, 17)
            count += 1
            self.assertFalse(transaction.messages)
        self.assertEqual(count, 2_000)
