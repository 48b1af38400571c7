"""Statements and declarations through the proxy, on the demo database:
each web user sees only their own statement lines (portal page, CSV, API),
a licensee declares through the API and sees no statements."""
import csv
import functools
import io
import re
import uuid
from decimal import Decimal

import pytest
import requests

from conftest import PORTAL
from demo_users import API, API_HOST, api, portal_session

pytestmark = pytest.mark.usefixtures('stack')

ARTISTS = {
    'alice@example.org': {'Alice Adams', 'Andy Amp', 'Alice and the Amplifiers'},
    'bob@example.org': {'Bob Brown'},
    'carol@example.org': {'Carol Clark', 'Cleo Chord', 'Commons Trio'},
}


@pytest.mark.parametrize('email', sorted(ARTISTS))
def test_api_statements_are_the_callers_own(email):
    reply = api('GET', '/v1/statements', email)
    assert reply.status_code == 200, reply.text
    statement = reply.json()
    assert statement['items'], 'every demo artist has statement lines'
    assert {l['rights_holder']['name'] for l in statement['items']} <= ARTISTS[email]
    assert Decimal(statement['total']) == sum(
        Decimal(l['amount']) for l in statement['items'])
    assert all(Decimal(l['amount']) > 0 for l in statement['items'])


def test_api_statements_need_a_login():
    reply = requests.get(API + '/v1/statements', headers=API_HOST, timeout=30)
    assert reply.status_code == 401


def test_a_licensee_has_no_statements():
    reply = api('GET', '/v1/statements', 'club@example.org')
    assert reply.status_code == 200
    assert reply.json() == {'items': [], 'total': '0.00'}


def test_portal_statements_page_and_csv():
    session = portal_session('bob@example.org')
    page = session.get(f'{PORTAL}/statements', timeout=30)
    assert page.status_code == 200
    assert 'Overture in Grey' in page.text and 'Pulse' not in page.text
    download = session.get(f'{PORTAL}/statements.csv', timeout=30)
    assert download.status_code == 200
    assert download.headers['Content-Type'].startswith('text/csv')
    rows = list(csv.DictReader(io.StringIO(download.text)))
    assert rows and {r['rights_holder'] for r in rows} == {'Bob Brown'}
    api_total = api('GET', '/v1/statements', 'bob@example.org').json()['total']
    assert sum(Decimal(r['amount']) for r in rows) == Decimal(api_total)


def test_portal_statements_need_a_login():
    reply = requests.get(f'{PORTAL}/statements', timeout=30, allow_redirects=False)
    assert reply.status_code in (302, 303, 401, 403)


def test_a_licensee_declares_through_the_api():
    # a web user with one licensee may leave it out: the answer names it
    reply = api('POST', '/v1/declarations', 'club@example.org', json={
        'category': 'live', 'date': '2026-06-20',
        'place': 'Düsseldorf', 'attendees': 80,
        'utilisations': [{'title': 'Pulse', 'count': 2},
                         {'title': 'A song nobody registered', 'artist': 'Nobody'}]})
    assert reply.status_code == 201, reply.text
    declaration = reply.json()
    assert declaration['licensee'] == club_uuid()
    assert declaration['state'] == 'draft'
    assert [u['title'] for u in declaration['utilisations']] == [
        'Pulse', 'A song nobody registered']


def test_nobody_declares_for_another_licensee():
    reply = api('POST', '/v1/declarations', 'radio@example.org', json={
        'licensee': club_uuid(), 'category': 'live', 'date': '2026-06-20',
        'utilisations': []})
    assert reply.status_code == 422, reply.text
    assert 'licensee' in reply.json()['error']['fields']


def test_an_artist_cannot_declare():
    reply = api('POST', '/v1/declarations', 'alice@example.org', json={
        'licensee': club_uuid(), 'category': 'live', 'date': '2026-06-20',
        'utilisations': []})
    assert reply.status_code == 422


@pytest.mark.parametrize('body, field', [
    ({'category': 'live', 'date': 'yesterday', 'utilisations': []}, 'date'),
    ({'category': 'live', 'date': '2026-01-01', 'attendees': -1, 'utilisations': []},
     'attendees'),
    ({'category': 'live', 'date': '2026-01-01', 'utilisations': [{'count': 1}]},
     'utilisations[0].title'),
    ({'category': 'live', 'date': '2026-01-01', 'utilisations': 'all'}, 'utilisations'),
])
def test_bad_declarations_are_refused_field_by_field(body, field):
    reply = api('POST', '/v1/declarations', 'club@example.org',
                json={'licensee': club_uuid(), **body})
    assert reply.status_code == 422, reply.text
    assert field in reply.json()['error']['fields']


@functools.cache
def club_uuid():
    """The club's licensee UUID, as its declaration form offers it (asking
    the API by declaring would add a declaration on every call)."""
    page, _ = declaration_form(portal_session('club@example.org'))
    offered = re.findall(r'<option value="([0-9a-f-]{36})"', page.text)
    assert len(offered) == 1, page.text
    return offered[0]


def test_a_licensee_sees_only_their_declarations_in_the_portal():
    club = portal_session('club@example.org').get(f'{PORTAL}/declarations', timeout=30)
    assert club.status_code == 200
    assert 'Club Kulturkeller' in club.text and 'Radio Rheinwelle' not in club.text
    assert '116.62' in club.text  # the February invoice, with 19 % VAT
    artist = portal_session('alice@example.org').get(f'{PORTAL}/declarations', timeout=30)
    assert 'No declarations.' in artist.text


def test_a_declaration_needs_a_date():
    reply = api('POST', '/v1/declarations', 'club@example.org',
                json={'category': 'live', 'date': None, 'utilisations': []})
    assert reply.status_code == 422, reply.text
    assert reply.json()['error']['fields']['date'] == 'must not be empty'


def declaration_form(session):
    page = session.get(f'{PORTAL}/declarations/add', timeout=30)
    assert page.status_code == 200, page.text
    return page, re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)


def declare_in_portal(session, **fields):
    page, csrf = declaration_form(session)
    licensee = re.search(r'<option value="([0-9a-f-]{36})"', page.text).group(1)
    data = {'csrf_token': csrf, 'licensee': licensee, 'category': 'live',
            'date': '2026-07-04', 'end_date': '', 'place': 'Köln', 'attendees': '120',
            'area': '', 'streams': '', 'hours': '',
            'utilisations': 'Pulse; Alice Adams; 2\nNot registered anywhere; Nobody'}
    return session.post(f'{PORTAL}/declarations/add', data={**data, **fields}, timeout=60,
                        allow_redirects=False)


def declarations_page(session):
    return session.get(f'{PORTAL}/declarations', timeout=30).text


def test_a_licensee_declares_in_the_portal():
    club = portal_session('club@example.org')
    assert 'id="declare"' in declarations_page(club)
    # a place of this run's own: an earlier run's declaration stays in the database
    place = f'Köln-Ehrenfeld {uuid.uuid4().hex[:8]}'
    reply = declare_in_portal(club, place=place)
    assert reply.status_code == 302, reply.text
    row = [r for r in declarations_page(club).split('<tr>') if place in r]
    assert len(row) == 1, row
    # two works, both unidentified until the society confirms (which matches)
    assert '<td>2 (2)</td>' in row[0] and 'draft' in row[0]


@pytest.mark.parametrize('fields, shown', [
    ({'date': 'tomorrow'}, 'Must be a date like 2024-05-31'),
    ({'end_date': '2026-07-01'}, 'Must not be before date'),
    ({'attendees': '-5'}, 'Must be a whole number'),
    ({'utilisations': 'Pulse; Alice; 0'}, 'Line 1, count: Must be between 1'),
    ({'category': 'no-such-category'}, 'Must be the code of a tariff category'),
])
def test_bad_portal_declarations_are_refused_and_nothing_is_made(fields, shown):
    club = portal_session('club@example.org')
    before = declarations_page(club).count('<tr>')
    reply = declare_in_portal(club, **fields)
    assert reply.status_code == 400
    assert shown in reply.text, reply.text
    assert declarations_page(club).count('<tr>') == before


def test_an_artist_has_no_declaration_form():
    alice = portal_session('alice@example.org')
    assert 'id="declare"' not in declarations_page(alice)
    page, _ = declaration_form(alice)
    assert 'Only a licensee declares uses' in page.text


@pytest.mark.parametrize('date', ['0001-01-01', '9999-12-31', '1899-12-31'])
def test_a_use_is_dated_within_reason(date):
    # dated 0001-01-01 or 9999-12-31 it was accepted
    reply = api('POST', '/v1/declarations', 'club@example.org', json={
        'category': 'live', 'date': date, 'place': 'Düsseldorf', 'attendees': 80,
        'utilisations': [{'title': 'Pulse'}]})
    assert reply.status_code == 422, reply.text
    assert 'must be between 1900-01-01 and' in reply.text
