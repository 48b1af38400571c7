"""Declarations: a licensee's use of works (category, date, place,
indicators) and what was played. The portal's form and the API's body read
this one table; the society confirms a declaration (pricing, invoice) in the
back office."""
import datetime

from .fields import Code, Date, Int, Invalid, Ref, Rows, Text
from .resource import Resource
from .rules import model

MAX_ROWS = 10000
MAX_NUMBER = 10**9


def use_dates():
    """A use happened since 1900, or is declared ahead, up to the end of the
    year after next (events are declared in advance); 0001-01-01 and
    9999-12-31 were accepted."""
    return datetime.date(1900, 1, 1), datetime.date(datetime.date.today().year + 2, 12, 31)


UTILISATION = Resource('utilisations', 'utilisation', [
    Text('title', required=True, limit=200),
    Text('artist', limit=200),
    Int('count', 1, MAX_NUMBER, help='How often it was played (default 1).'),
    Int('duration', 0, MAX_NUMBER, help='Seconds played.'),
])

DECLARATION = Resource('declarations', 'declaration', [
    Ref('licensee', 'licensee',
        help='The UUID of one of your licensees; may be left out if you have one.'),
    Code('category', 'tariff.category', required=True, help='A tariff category code.'),
    Date('date', required=True, within=use_dates),
    Date('end_date', within=use_dates),
    Text('place', limit=200),
    Int('attendees', 0, MAX_NUMBER),
    Int('area', 0, MAX_NUMBER),
    Int('streams', 0, MAX_NUMBER),
    Int('hours', 0, MAX_NUMBER),
    Rows('utilisations', UTILISATION, MAX_ROWS, required=True),
])


def declaration_values(data, form=False):
    """The values that create a draft declaration of the caller's (call as
    the portal user: only the caller's licensees are found). Raises Invalid."""
    values = DECLARATION.values(data, creating=True, form=form)
    if values['end_date'] and values['end_date'] < values['date']:
        raise Invalid({'end_date': 'must not be before date'})
    if values['licensee'] is None:
        values['licensee'] = only_licensee()
    for row in values['utilisations']:
        row['count'] = row['count'] or 1
    values['utilisations'] = [('create', values['utilisations'])]
    return {name: value for name, value in values.items() if value is not None}


def only_licensee():
    """The id of the caller's one licensee; a caller with none or several
    must name it."""
    found = model('licensee').search([], limit=2)
    if len(found) != 1:
        raise Invalid({'licensee': 'must be the UUID of one of your licensees'})
    return found[0].id
