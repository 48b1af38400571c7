"""The files of one DSR report read together, in their FileNumber order.

    with Report(['DSR_..._1of2_...gz', 'DSR_..._2of2_...gz']) as report:
        report.head             # the first file's HEAD
        for usage in report:
            ...

Before a usage line is read, every file's HEAD is: the files must be the
report's files 1 to NumberOfFiles, each once, of one MessageId and
profile. The summary records of all files make one list (a usage line in
file 2 may name a summary record of file 1). After the last file, the
FOOT counts of the whole report (NumberOfLinesInReport,
NumberOfBlocksInReport) are checked; the last file must give them.

A file is plain or gzipped (told by its first bytes, not its name); '-'
is standard input, for a one-file report.
"""
import gzip
import sys

from .errors import ReportRefused
from .reader import FileReader

GZIP_MAGIC = b'\x1f\x8b'


def open_lines(path):
    "(name, binary file, bytes lines) of `path`, plain or gzipped"
    if path == '-':
        name, file = '<stdin>', sys.stdin.buffer
    else:
        name, file = path, open(path, 'rb')
    if file.peek(2)[:2] == GZIP_MAGIC:
        return name, file, gzip.GzipFile(fileobj=file, mode='rb')
    return name, file, file


class Report:
    "The usage lines of the report whose files are `paths`"

    def __init__(self, paths, opener=open_lines):
        if list(paths).count('-') and len(paths) > 1:
            raise ReportRefused('<stdin>', 0, 'standard input carries a '
                'one-file report only; name the files of a split report')
        self._files = []
        readers = []
        try:
            for path in paths:
                name, file, lines = opener(path)
                self._files.append(file)
                readers.append(FileReader(name, lines))
            self.readers = _in_order(readers)
        except Exception:
            self.close()
            raise
        self.head = self.readers[0].head
        self.profile = self.readers[0].profile
        self.summaries = {}

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        for file in self._files:
            if file is not sys.stdin.buffer:
                file.close()

    @property
    def lines(self):
        return sum(reader.lines for reader in self.readers)

    @property
    def blocks(self):
        return sum(reader.blocks for reader in self.readers)

    def __iter__(self):
        for reader in self.readers:
            yield from reader.usages(self.summaries)
        self._close()

    def _close(self):
        "FOOT's counts of the report: the last file must give them"
        last = self.readers[-1]
        for reader in self.readers:
            for name, counted, what in (
                    ('NumberOfLinesInReport', self.lines, 'lines'),
                    ('NumberOfBlocksInReport', self.blocks, 'blocks')):
                said = reader.foot[name]
                if said is None and reader is last:
                    reader.refuse(reader.last_line, f'FOOT of the last file '
                        f'has no {name}')
                if said is not None and said != counted:
                    reader.refuse(reader.last_line, f'FOOT {name} says '
                        f'{said}, the report has {counted} {what}')


def _in_order(readers):
    """The readers in FileNumber order, once the files are known to be
    the whole report"""
    first = readers[0]
    head = first.head
    files, message = head['NumberOfFiles'], head['MessageId']
    by_number = {}
    for reader in readers:
        other, line = reader.head, reader.head_line
        if other['MessageId'] != message:
            reader.refuse(line, f'HEAD MessageId {other["MessageId"]!r}: '
                f'{first.name} is of report {message!r}')
        if reader.profile != first.profile:
            reader.refuse(line, f'HEAD Profile {other["Profile"]!r}: '
                f'{first.name} is of profile {head["Profile"]!r}')
        if other['NumberOfFiles'] != files:
            reader.refuse(line, f'HEAD NumberOfFiles '
                f'{other["NumberOfFiles"]}: {first.name} says {files}')
        number = other['FileNumber']
        if number in by_number:
            reader.refuse(line, f'file {number} of {files} of report '
                f'{message!r} is given twice (also as '
                f'{by_number[number].name})')
        by_number[number] = reader
    for number in range(1, files + 1):
        if number not in by_number:
            first.refuse(first.head_line, f'file {number} of {files} of '
                f'report {message!r} is missing')
    return [by_number[number] for number in sorted(by_number)]
