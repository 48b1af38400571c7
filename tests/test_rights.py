"""Rights and shares of a creation, edited by its owner through the proxy,
in the portal's form and the API (issue 13): each right's shares sum to
exactly 100 %, the holders are the owner's own artists, and a refused
change leaves the rights as they were."""
import re
import uuid

import pytest

from conftest import PORTAL
from demo_users import api, portal_session

pytestmark = pytest.mark.usefixtures('stack')

ALICE, BOB = 'alice@example.org', 'bob@example.org'


def artists(email):
    reply = api('GET', '/v1/artists?limit=100', email)
    assert reply.status_code == 200, reply.text
    return {a['name']: a['uuid'] for a in reply.json()['items']}


def rights_of(creation):
    return sorted((r['right'], r['rights_holder']['name'], r['share'])
                  for r in creation['rights'])


@pytest.fixture
def creation():
    """A new creation of Alice's, with composition split 60/40 and lyrics
    held by one artist."""
    own = artists(ALICE)
    reply = api('POST', '/v1/creations', ALICE, json={
        'title': f'Shared work {uuid.uuid4().hex[:8]}', 'artist': own['Alice Adams'],
        'rights': [
            {'right': 'composition', 'rights_holder': own['Alice Adams'], 'share': 60},
            {'right': 'composition', 'rights_holder': own['Andy Amp'], 'share': '40'},
            {'right': 'lyrics', 'rights_holder': own['Andy Amp'], 'share': 100},
        ]})
    assert reply.status_code == 201, reply.text
    return reply.json()


SPLIT = [('composition', 'Alice Adams', '60'), ('composition', 'Andy Amp', '40'),
         ('lyrics', 'Andy Amp', '100')]


def test_api_creates_and_shows_the_rights(creation):
    assert rights_of(creation) == SPLIT
    again = api('GET', f'/v1/creations/{creation["uuid"]}', ALICE)
    assert again.status_code == 200
    assert rights_of(again.json()) == SPLIT


def test_api_replaces_the_rights_only_when_given(creation):
    path = f'/v1/creations/{creation["uuid"]}'
    own = artists(ALICE)
    reply = api('PATCH', path, ALICE, json={'notes': 'rights untouched'})
    assert reply.status_code == 200, reply.text
    assert rights_of(reply.json()) == SPLIT
    thirds = [{'right': 'recording', 'rights_holder': own[name], 'share': share}
              for name, share in (('Alice Adams', '33.3333'), ('Andy Amp', '33.3333'),
                                  ('Alice and the Amplifiers', '33.3334'))]
    reply = api('PATCH', path, ALICE, json={'rights': thirds})
    assert reply.status_code == 200, reply.text
    assert rights_of(reply.json()) == [
        ('recording', 'Alice Adams', '33.3333'), ('recording', 'Alice and the Amplifiers',
                                                  '33.3334'),
        ('recording', 'Andy Amp', '33.3333')]
    reply = api('PATCH', path, ALICE, json={'rights': []})
    assert reply.status_code == 200 and reply.json()['rights'] == []


BAD_RIGHTS = {
    'a sum of 99 %': (
        [('composition', 'Alice Adams', 59), ('composition', 'Andy Amp', 40)],
        422, 'sum to 99'),
    'a holder twice': (
        [('composition', 'Alice Adams', 50), ('composition', 'Alice Adams', 50)],
        409, 'only once'),
    'an unknown right': ([('dance', 'Alice Adams', 100)], 422, 'rights[0].right'),
    'no share': ([('lyrics', 'Alice Adams', 0)], 422, 'rights[0].share'),
    'over 100 %': ([('lyrics', 'Alice Adams', 100.5)], 422, 'rights[0].share'),
    'five decimals': ([('lyrics', 'Alice Adams', '99.99999'), ('lyrics', 'Andy Amp',
                                                               '0.00001')],
                      422, 'rights[0].share'),
    'not a number': ([('lyrics', 'Alice Adams', 'half')], 422, 'rights[0].share'),
    'a true share': ([('lyrics', 'Alice Adams', True)], 422, 'rights[0].share'),
    "another's artist": ([('lyrics', 'Bob Brown', 100)], 422, 'rights[0].rights_holder'),
}


@pytest.mark.parametrize('case', sorted(BAD_RIGHTS))
def test_api_refuses_bad_rights_and_changes_nothing(creation, case):
    rows, status, says = BAD_RIGHTS[case]
    holders = {**artists(ALICE), **artists(BOB)}
    body = {'title': 'Renamed', 'rights': [
        {'right': right, 'rights_holder': holders[name], 'share': share}
        for right, name, share in rows]}
    path = f'/v1/creations/{creation["uuid"]}'
    reply = api('PATCH', path, ALICE, json=body)
    assert reply.status_code == status, reply.text
    assert says in reply.text
    after = api('GET', path, ALICE).json()
    assert after['title'] == creation['title']
    assert rights_of(after) == SPLIT


def test_nobody_else_sees_or_changes_the_rights(creation):
    path = f'/v1/creations/{creation["uuid"]}'
    assert api('GET', path, BOB).status_code == 404
    bob = artists(BOB)['Bob Brown']
    reply = api('PATCH', path, BOB, json={'rights': [
        {'right': 'lyrics', 'rights_holder': bob, 'share': 100}]})
    assert reply.status_code == 404
    assert rights_of(api('GET', path, ALICE).json()) == SPLIT


def edit_in_portal(session, creation, rights):
    """The edit form as the browser sends it: every field as shown, the
    rights' text changed."""
    url = f'{PORTAL}/creations/{creation["uuid"]}/edit'
    page = session.get(url, timeout=30)
    assert page.status_code == 200
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    return session.post(url, timeout=30, allow_redirects=False, data={
        'csrf_token': csrf, 'title': creation['title'],
        'artist': creation['artist']['uuid'], 'date': '', 'lyrics': '', 'notes': '',
        'rights': rights})


def test_portal_shows_and_edits_the_rights_by_artist_name(creation):
    session = portal_session(ALICE)
    view = session.get(f'{PORTAL}/creations/{creation["uuid"]}', timeout=30)
    assert view.status_code == 200
    assert re.search(r'<td>composition</td><td>Andy Amp</td><td>40</td>', view.text)
    form = session.get(f'{PORTAL}/creations/{creation["uuid"]}/edit', timeout=30)
    assert 'composition; Alice Adams; 60\ncomposition; Andy Amp; 40' in form.text
    reply = edit_in_portal(session, creation,
                           'recording; Alice Adams; 50\r\nrecording; Andy Amp; 50 %\r\n')
    assert reply.status_code == 302, reply.text
    after = api('GET', f'/v1/creations/{creation["uuid"]}', ALICE).json()
    assert rights_of(after) == [('recording', 'Alice Adams', '50'),
                                ('recording', 'Andy Amp', '50')]


@pytest.mark.parametrize('rights, says', [
    ('composition; Alice Adams; 50', 'sum to 50'),
    ('composition; Bob Brown; 100', 'Line 1, rights_holder: Must be one of your artists.'),
    ('lyrics; Andy Amp; 100\ncomposition; Alice Adams; lots',
     'Line 2, share: Must be a number of percent'),
    ('lyrics', 'Line 1, rights_holder: Required.'),
])
def test_portal_refuses_bad_rights_per_line_and_changes_nothing(creation, rights, says):
    session = portal_session(ALICE)
    reply = edit_in_portal(session, creation, rights)
    assert reply.status_code == 400
    assert says in reply.text.replace('&#34;', '"')
    after = api('GET', f'/v1/creations/{creation["uuid"]}', ALICE).json()
    assert rights_of(after) == SPLIT
