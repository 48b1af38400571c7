"""The DSR reader against reports written from DDEX's profile schemas
(tests/dsr/, by make_files.py): the valid ones read to the usage lines
recorded in their .json golden files, each kind of broken report is
refused whole with its one line, and the lines come out as they are read.

Pure Python, no database:
    python -m unittest collecting_society.tests.test_dsr
"""
import dataclasses
import gzip
import io
import json
import unittest
from decimal import Decimal
from pathlib import Path
from unittest import mock

from collecting_society.dsr import report as report_module
from collecting_society.dsr.errors import ReportRefused
from collecting_society.dsr.reader import FileReader
from collecting_society.dsr.report import Report

FILES = Path(__file__).parent / 'dsr'
BASIC = 'DSR_PADPIDA2026120101S_PADPIDA2026120102R_Premium_2026-06_DE'
BASIC_1 = f'{BASIC}_1of2_20260705T101500.tsv.gz'
BASIC_2 = f'{BASIC}_2of2_20260705T101500.tsv.gz'
SINGLE = f'{BASIC}_1of1_20260705T101500.tsv'
UGC = ('DSR_PADPIDA2026120101S_PADPIDA2026120102R_AdSupport_2026-Q2_DE'
    '_1of1_20260705T101500.tsv')


def read(*names):
    "The HEAD and the usage lines (as JSON data) of the report `names`"
    with Report([str(FILES / name) for name in names]) as report:
        return report.head, [plain(usage) for usage in report]


def refusal(*names):
    "The one line the report of files `names` is refused with, or None"
    try:
        read(*names)
    except ReportRefused as error:
        return str(error).replace(f'{FILES}/', '')
    return None


def plain(usage):
    data = dataclasses.asdict(usage)
    data['file'] = Path(data['file']).name
    return {name: str(value) if isinstance(value, Decimal) else value
        for name, value in data.items()}


def golden(name):
    return json.loads((FILES / name).read_text())


class ValidReportTestCase(unittest.TestCase):
    "Valid reports read to the golden usage lines"

    def test_basic_audio_two_gzipped_files(self):
        head, usages = read(BASIC_1, BASIC_2)
        self.assertEqual(head['MessageId'], 'MSG-2026-06-DE')
        self.assertEqual(str(head['UsageEndDate']), '2026-06-30')
        self.assertEqual(usages, golden('basic.json'))

    def test_files_in_any_order(self):
        "The files are read in their FileNumber order, not the given one"
        self.assertEqual(read(BASIC_2, BASIC_1)[1], golden('basic.json'))

    def test_ugc(self):
        head, usages = read(UGC)
        self.assertEqual(head['Profile'], 'UgcProfile')
        self.assertEqual(usages, golden('ugc.json'))

    def test_one_file_plain_and_a_period_of_a_month(self):
        head, usages = read(SINGLE)
        self.assertEqual((str(head['UsageStartDate']),
                str(head['UsageEndDate'])), ('2026-06-01', '2026-06-30'))
        self.assertEqual(len(usages), 4)

    def test_stdin(self):
        "'-' is standard input, plain or gzipped"
        data = gzip.compress((FILES / SINGLE).read_bytes())
        stdin = mock.Mock(buffer=io.BufferedReader(io.BytesIO(data)))
        with mock.patch.object(report_module.sys, 'stdin', stdin):
            with Report(['-']) as report:
                self.assertEqual(len(list(report)), 4)
                self.assertEqual(report.readers[0].name, '<stdin>')


class RefusedReportTestCase(unittest.TestCase):
    "Each kind of broken report is refused whole, with one line"

    def test_wrong_foot_count(self):
        self.assertEqual(refusal('wrong_foot_count.tsv'),
            'wrong_foot_count.tsv: line 14: FOOT NumberOfLinesInFile says '
            '15, the file has 14 lines')

    def test_missing_file(self):
        self.assertEqual(refusal(BASIC_1),
            f'{BASIC_1}: line 1: file 2 of 2 of report \'MSG-2026-06-DE\' '
            'is missing')

    def test_duplicate_file(self):
        self.assertEqual(refusal(BASIC_1, BASIC_2, BASIC_1),
            f'{BASIC_1}: line 1: file 1 of 2 of report \'MSG-2026-06-DE\' '
            f'is given twice (also as {BASIC_1})')

    def test_file_of_another_report(self):
        self.assertEqual(refusal(BASIC_1, SINGLE),
            f'{SINGLE}: line 1: HEAD MessageId \'MSG-2026-06-DE-1\': '
            f'{BASIC_1} is of report \'MSG-2026-06-DE\'')

    def test_bad_record_type(self):
        self.assertEqual(refusal('bad_record_type.tsv'),
            'bad_record_type.tsv: line 6: record type \'MW02\' is not one '
            'of the Basic Audio profile\'s')

    def test_bad_isrc(self):
        self.assertEqual(refusal('bad_isrc.tsv'),
            'bad_isrc.tsv: line 5: AS01 ISRC \'XXA122600001\' is invalid: '
            'it does not start with a known country code')

    def test_bad_number(self):
        self.assertEqual(refusal('bad_number.tsv'),
            'bad_number.tsv: line 9: SU02 Usages \'12O0\' is not a count '
            '(a whole number, 0 or more)')

    def lines_refusal(self, lines):
        try:
            list(FileReader('x.tsv', [line.encode() for line in lines])
                .usages({}))
        except ReportRefused as error:
            return str(error)
        return None

    def test_bad_iswc_and_missing_foot(self):
        lines = (FILES / SINGLE).read_text().splitlines()
        self.assertEqual(self.lines_refusal(lines[:-1]),
            'x.tsv: line 13: the file ends without FOOT')
        lines[5] = lines[5].replace('T0345246801', 'T0345246802')
        self.assertEqual(self.lines_refusal(lines),
            'x.tsv: line 6: MW01.01 ISWC \'T0345246802\' is invalid: the '
            'check digit should be 1')

    def test_foot_not_last_and_unknown_summary(self):
        lines = (FILES / SINGLE).read_text().splitlines()
        self.assertEqual(self.lines_refusal(lines + lines[-2:-1]),
            'x.tsv: line 15: a record after FOOT')
        del lines[2]    # the summary record S2
        self.assertEqual(self.lines_refusal(lines),
            'x.tsv: line 8: SU02 SummaryRecordId \'S2\' is not a summary '
            'record of the report')


class StreamTestCase(unittest.TestCase):

    def test_first_usage_before_the_rest_is_read(self):
        "A usage line comes out when it is read, not after the whole file"
        lines = (FILES / SINGLE).read_bytes().splitlines(keepends=True)
        read = []

        def stream():
            for line in lines:
                read.append(line)
                yield line
        usages = FileReader('x.tsv', stream()).usages({})
        next(usages)
        self.assertLess(len(read), len(lines) - 3)
