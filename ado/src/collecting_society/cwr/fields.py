"""CWR's field formats (records.py names them): a field's text to its value
(converter), and a value back to a field's text (write).

Blank means "not given" (None) in every format; dates, times and numbers
the specification fills with zeros when empty count as not given too.
Identifiers are checked by their check digits in collecting_society's
identifiers module, as everywhere else in ado.
"""
import datetime
import functools
from decimal import Decimal

from .. import identifiers
from .lookups import CODES

# how people write these words in a message
_WORDS = {'pr': 'PR', 'mr': 'MR', 'sr': 'SR', 'ipi': 'IPI', 'iswc': 'ISWC',
    'isrc': 'ISRC', 'tis': 'TIS', 'cwr': 'CWR', 'ean': 'EAN', 'cd': 'CD',
    'usa': 'USA', 'avi': 'AVI', 'id': 'ID', 'edi': 'EDI'}

_CHECKED = {
    'ISWC': identifiers.iswc,
    'IPI': identifiers.ipi_name_number,
    'IPIB': identifiers.ipi_base_number,
    'ISRC': identifiers.isrc,
}


class FieldError(ValueError):
    "A field's text does not fit its format; the message says why"


def label(name):
    "'pr_share' as a message names it: 'PR share'"
    return ' '.join(_WORDS.get(word, word) for word in name.split('_'))


def converter(fmt, name):
    """The function from the stripped, non-blank text of field `name` to
    its value, raising FieldError; None for text kept as it is. The reader
    makes these once per layout: a catalogue has millions of fields."""
    if fmt == 'A':
        return None
    if fmt in _CHECKED:
        return functools.partial(_identifier, fmt)
    kind, _, table = fmt.partition(':')
    reader = _READERS[kind]
    expected = _EXPECTED[kind].replace('{table}', label(table))

    def convert(value):
        try:
            return reader(fmt, value)
        except (ValueError, KeyError):
            raise FieldError(f'{label(name)} {value!r} {expected}') from None
    return convert


def _identifier(fmt, value):
    if fmt == 'IPI' and set(value) == {'0'}:
        return None     # the zeros some writers fill an empty IPI with
    try:
        return _CHECKED[fmt](value)
    except identifiers.InvalidIdentifier as error:
        raise FieldError(str(error).rstrip('.')) from None


def _digits(value, size):
    if not (value.isascii() and value.isdigit()) or len(value) > size:
        raise ValueError(value)
    return value


def _number(fmt, value):
    if not (value.isascii() and value.isdigit()):
        raise ValueError(value)
    return int(value)


def _share(fmt, value):
    share = Decimal(int(_digits(value, 5))).scaleb(-2)
    if share > 100:
        raise ValueError(value)
    return share


def _date(fmt, value):
    if value == '00000000':
        return None
    if len(_digits(value, 8)) != 8:
        raise ValueError(value)
    return datetime.date(int(value[:4]), int(value[4:6]), int(value[6:]))


def _time(fmt, value):
    if len(_digits(value, 6)) != 6:
        raise ValueError(value)
    return datetime.time(int(value[:2]), int(value[2:4]), int(value[4:]))


def _duration(fmt, value):
    if len(_digits(value, 6)) != 6:
        raise ValueError(value)
    hours, minutes, seconds = int(value[:2]), int(value[2:4]), int(value[4:])
    if minutes > 59 or seconds > 59:
        raise ValueError(value)
    return hours * 3600 + minutes * 60 + seconds or None


def _yes_no(fmt, value):
    return {'Y': True, 'N': False}[value]


def _flag(fmt, value):
    return {'Y': True, 'N': False, 'U': None}[value]


def _code(fmt, value):
    if value not in CODES[fmt.partition(':')[2]]:
        raise ValueError(value)
    return value


def _society(fmt, value):
    return _digits(value, 3).zfill(3)


def _territory(fmt, value):
    return _digits(value, 4).zfill(4)


_READERS = {'N': _number, 'S': _share, 'D': _date, 'T': _time,
    'P': _duration, 'B': _yes_no, 'F': _flag, 'L': _code, 'SOC': _society,
    'TIS': _territory}

_EXPECTED = {
    'N': 'is not a number',
    'S': 'is not a share from 00000 to 10000 (0 to 100.00 %)',
    'D': 'is not a date (YYYYMMDD)',
    'T': 'is not a time of day (HHMMSS)',
    'P': 'is not a duration (HHMMSS)',
    'B': 'is neither Y nor N',
    'F': 'is not Y, N or U',
    'L': 'is not in the {table} table',
    'SOC': 'is not a society code (3 digits)',
    'TIS': 'is not a TIS territory code (4 digits)',
}


def write(fmt, size, value):
    """`value` as a field of format `fmt`, exactly `size` characters."""
    if fmt in ('N', 'D', 'T') and value is None:
        return '0' * size
    if fmt == 'N':
        text = str(value).zfill(size)
    elif fmt == 'D':
        text = value.strftime('%Y%m%d')
    elif fmt == 'T':
        text = value.strftime('%H%M%S')
    else:
        text = ('' if value is None else str(value)).ljust(size)
    if len(text) != size:
        raise ValueError(f'{value!r} does not fit {size} characters')
    return text
