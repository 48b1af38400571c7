"""The industry's identifiers, checked by their check digits.

Each function takes what a person or a file gives (spaces, dashes, dots,
lower case) and returns the one form ado stores, or raises InvalidIdentifier
whose message is one sentence naming the identifier and what is wrong. The
back office, the portal, the API and the CWR reader all call these, so an
identifier is refused the same way wherever it comes in.

python-stdnum has ISRC and ISNI; ISWC and the IPI numbers are written here
from their published rules (ISO 15707 and CISAC's IPI system), with the
published examples as tests. Pure Python: no trytond, so a file reader can
use it on its own.
"""
import re

from stdnum import isni as _isni
from stdnum import isrc as _isrc
from stdnum.exceptions import (
    InvalidChecksum, InvalidComponent, InvalidLength, ValidationError)
from stdnum.iso7064 import mod_11_2

# what people write between the parts: 'T-034.524.680-1', '0000 0001 2281 955X'
_SEPARATORS = re.compile(r'[\s.\-]')
# an invalid value is echoed in the message; a pasted page is not
_SHOWN = 24


class InvalidIdentifier(ValueError):
    """An identifier that is malformed or fails its check digit.

    `kind` is the identifier's name ('ISWC'), `value` what was given,
    `shown` that value as the message shows it (shortened), `problem` what
    is wrong, in words.
    """

    def __init__(self, kind, value, problem):
        self.kind = kind
        self.value = value
        self.shown = _shown(value)
        self.problem = problem
        super().__init__(f'{kind} {self.shown}: {problem}.')


def _shown(value):
    text = ' '.join(str(value).split())
    if not text:
        return '(empty)'
    if len(text) > _SHOWN:
        text = text[:_SHOWN - 1] + '…'
    return text


def _compact(value):
    return _SEPARATORS.sub('', str(value)).upper()


def _weighted_check_digit(digits, start):
    """The check digit of ISWC and IPI base number: the nine digits weighted
    1 to 9, plus `start` (1 for an ISWC's T, 2 for an IPI base number's I),
    completed to a multiple of ten."""
    total = start + sum(
        weight * int(digit) for weight, digit in enumerate(digits, 1))
    return str(-total % 10)


def _letter_and_digits(value, letter, start, kind, a_kind, example):
    """The compact form of an identifier written as `letter`, nine digits
    and a check digit (ISWC's weights, the letter counting `start`)."""
    number = _compact(value)
    if not re.fullmatch(rf'{letter}\d{{10}}', number):
        raise InvalidIdentifier(
            kind, value, f'{a_kind} is {letter} and 10 digits, as {example}')
    check = _weighted_check_digit(number[1:10], start)
    if number[10] != check:
        raise InvalidIdentifier(
            kind, value, f'the check digit should be {check}')
    return number


# ISWC (ISO 15707): T, nine digits of the work, one check digit.

def iswc(value):
    """The compact ISWC 'T0345246801' of `value` ('T-034.524.680-1')."""
    return _letter_and_digits(value, 'T', 1, 'ISWC', 'an ISWC', 'T-034.524.680-1')


def format_iswc(compact):
    """'T0345246801' as people write it: 'T-034.524.680-1'."""
    number = _compact(compact)
    return (f'{number[0]}-{number[1:4]}.{number[4:7]}.{number[7:10]}'
        f'-{number[10]}')


# IPI name number: 11 digits, the last two a mod-101 check.

def _ipi_name_check(digits):
    """The two check digits of an IPI name number's first nine digits:
    weighted 10 down to 2, the sum completed to a multiple of 101. A
    completion of 100 does not fit two digits: it is written 00, as
    django-music-publisher (which sends CWR to societies) writes it."""
    total = sum(
        weight * int(digit) for weight, digit in zip(range(10, 1, -1), digits))
    return f'{-total % 101 % 100:02d}'


def ipi_name_number(value):
    """The 11 digits of an IPI name number.

    Shorter numbers are padded with zeros on the left: CWR files and
    societies' lists write IPI name numbers zero-padded, people often drop
    the zeros ('199' is 00000000199). The check digits still guard the
    result, so a dropped digit elsewhere is caught.
    """
    number = _compact(value)
    if not re.fullmatch(r'\d{1,11}', number):
        raise InvalidIdentifier(
            'IPI name number', value,
            'an IPI name number is 11 digits, as 00014107338')
    number = number.zfill(11)
    check = _ipi_name_check(number[:9])
    if number[9:] != check:
        raise InvalidIdentifier(
            'IPI name number', value, f'the check digits should be {check}')
    return number


# IPI base number: I, nine digits, one check digit (ISWC's rule, I counts 2).

def ipi_base_number(value):
    """The IPI base number 'I-000000229-7' of `value` ('i0000002297')."""
    number = _letter_and_digits(
        value, 'I', 2, 'IPI base number', 'an IPI base number', 'I-000000229-7')
    return f'I-{number[1:10]}-{number[10]}'


# ISRC and ISNI: python-stdnum's rules, our messages.

def isrc(value):
    """The compact ISRC 'DEA122600001' of `value` ('DE-A12-26-00001')."""
    try:
        return _isrc.validate(str(value))
    except InvalidLength:
        problem = 'an ISRC has 12 letters and digits, as DE-A12-26-00001'
    except InvalidComponent:
        problem = 'it does not start with a known country code'
    except ValidationError:
        problem = ('an ISRC is a country code, 3 letters or digits and '
            '7 digits, as DE-A12-26-00001')
    raise InvalidIdentifier('ISRC', value, problem)


def isni(value):
    """The compact ISNI '000000012281955X' of `value`
    ('0000 0001 2281 955X')."""
    try:
        return _isni.validate(str(value))
    except InvalidChecksum:
        number = _isni.compact(str(value))
        problem = ('the check digit should be '
            f'{mod_11_2.calc_check_digit(number[:-1])}')
    except InvalidLength:
        problem = 'an ISNI has 16 digits, the last may be X'
    except ValidationError:
        problem = ('an ISNI is 15 digits and a check digit (0-9 or X), '
            'as 0000 0001 2281 955X')
    raise InvalidIdentifier('ISNI', value, problem)
