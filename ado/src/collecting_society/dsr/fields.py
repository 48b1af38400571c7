"""The cell formats of DSR flat files (records.py names them): a cell's
text to its value.

An empty cell is "not given" (None) in every format. The formats are the
profile schemas' XML Schema types (xs:integer, xs:decimal, xs:boolean,
xs:duration, xs:dateTime, the ddex_IsoDate YYYY[-MM[-DD]]) and patterns
(ISRC, ISWC, DPID); identifiers are checked by their check digits in
collecting_society's identifiers module, as everywhere else in ado.
"""
import calendar
import datetime
import re
from decimal import Decimal

from .. import identifiers
from .errors import CellError

_INTEGER = re.compile(r'[+-]?[0-9]+')
_COUNT = re.compile(r'[0-9]+')
_DECIMAL = re.compile(r'[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)')
_DATE = re.compile(r'([0-9]{4})(?:-?([0-9]{2})(?:-?([0-9]{2}))?)?')
# PT[nH][nM][n[.n]S]; the profiles write PT1H2M3S and PT1M30.5S
_DURATION = re.compile(
    r'P(?:([0-9]+)D)?T?(?:([0-9]+)H)?(?:([0-9]+)M)?'
    r'(?:([0-9]+(?:\.[0-9]+)?)S)?')
_DPID = re.compile(r'PADPIDA[a-zA-Z0-9]+')
_CURRENCY = re.compile(r'[A-Z]{3}')
_TERRITORY = re.compile(r'[A-Z]{2}|Worldwide')
_BOOLEANS = {'true': True, 'false': False, '1': True, '0': False}
# a text cell may escape the multi-value separator and the escape itself
_ESCAPED = re.compile(r'\\([\\|\t])')


def text(value):
    return _ESCAPED.sub(r'\1', value) if '\\' in value else value


def raw(value):
    "A multi-valued cell (names|names), kept as the service wrote it"
    return value


def integer(value):
    if not _INTEGER.fullmatch(value):
        raise CellError('is not a whole number')
    return int(value)


def count(value):
    """A number of usages: whole and not negative (the schema's xs:integer
    allows a sign; a negative count is a correction ado does not take)"""
    if not _COUNT.fullmatch(value):
        raise CellError('is not a count (a whole number, 0 or more)')
    return int(value)


def counts(value):
    "Several counts, one per value of a multi-valued cell before it"
    return [count(part) for part in value.split('|')]


def decimal(value):
    if not _DECIMAL.fullmatch(value):
        raise CellError('is not a decimal number (as 1234.56)')
    return Decimal(value)


def boolean(value):
    try:
        return _BOOLEANS[value.lower()]
    except KeyError:
        raise CellError('is neither true nor false') from None


def _date(value, last):
    match = _DATE.fullmatch(value)
    if not match:
        raise CellError('is not a date (YYYY-MM-DD, YYYY-MM or YYYY)')
    year, month, day = match.groups()
    year = int(year)
    month = int(month or (12 if last else 1))
    try:
        if day is None:
            day = calendar.monthrange(year, month)[1] if last else 1
        return datetime.date(year, month, int(day))
    except ValueError:
        raise CellError('is not a date of the calendar') from None


def start_date(value):
    "The first day of a period written YYYY[-MM[-DD]]"
    return _date(value, last=False)


def end_date(value):
    "The last day of a period written YYYY[-MM[-DD]]: 2026-06 is 30 June"
    return _date(value, last=True)


def date_time(value):
    try:
        return datetime.datetime.fromisoformat(value)
    except ValueError:
        raise CellError('is not a date and time (YYYY-MM-DDThh:mm:ssZ)') \
            from None


def duration(value):
    """Seconds, rounded; None for PT0S, which services write for "not
    known" (DDEX's own sample report does)"""
    match = _DURATION.fullmatch(value)
    if not match or value in ('P', 'PT'):
        raise CellError('is not a duration (as PT3M30S)')
    days, hours, minutes, seconds = match.groups()
    total = (int(days or 0) * 86400 + int(hours or 0) * 3600
        + int(minutes or 0) * 60 + float(seconds or 0))
    return round(total) or None


def isrc(value):
    try:
        return identifiers.isrc(value)
    except identifiers.InvalidIdentifier as error:
        raise CellError(f'is invalid: {error.problem}') from None


def iswc(value):
    try:
        return identifiers.iswc(value)
    except identifiers.InvalidIdentifier as error:
        raise CellError(f'is invalid: {error.problem}') from None


def _pattern(pattern, expected):
    def convert(value):
        if not pattern.fullmatch(value):
            raise CellError(f'is not {expected}')
        return value
    return convert


dpid = _pattern(_DPID, 'a DDEX party ID (PADPIDA...)')
currency = _pattern(_CURRENCY, 'an ISO 4217 currency code (3 letters)')
territory = _pattern(_TERRITORY, 'an ISO 3166 territory code or Worldwide')


# the format names records.py uses
FORMATS = {
    'A': text, 'M': raw, 'I': integer, 'N': count, 'N*': counts,
    'DEC': decimal, 'B': boolean, 'DATE': start_date, 'END': end_date,
    'DT': date_time, 'DUR': duration, 'ISRC': isrc, 'ISWC': iswc,
    'DPID': dpid, 'CUR': currency, 'TERR': territory,
}
