"""Releases and their tracks, made and edited by their owner through the
proxy, in the portal and the API (issue 13): tracks are the owner's own
creations under a license, in the order given; a refused change leaves
the release as it was."""
import re
import uuid
from urllib.parse import urlsplit

import pytest

from demo_users import api, portal_session
from test_rights import ALICE, BOB, artists
from conftest import PORTAL

pytestmark = pytest.mark.usefixtures('stack')


def new_creation(email, artist):
    title = f'Track {uuid.uuid4().hex[:8]}'
    reply = api('POST', '/v1/creations', email, json={'title': title, 'artist': artist})
    assert reply.status_code == 201, reply.text
    return reply.json()


@pytest.fixture
def works():
    own = artists(ALICE)
    return [new_creation(ALICE, own['Alice Adams']) for _ in range(2)]


def tracks_of(release):
    return [(t['sequence'], t['creation']['title'], (t['license'] or {}).get('code'))
            for t in release['tracks']]


@pytest.fixture
def release(works):
    reply = api('POST', '/v1/releases', ALICE, json={
        'title': f'Album {uuid.uuid4().hex[:8]}', 'label': 'Own Records', 'date': '2026-05-01',
        'tracks': [{'creation': works[0]['uuid'], 'license': 'CC-BY-4.0'},
                   {'creation': works[1]['uuid']}]})
    assert reply.status_code == 201, reply.text
    return reply.json()


def test_api_creates_a_release_with_tracks_in_order(release, works):
    assert tracks_of(release) == [(1, works[0]['title'], 'CC-BY-4.0'),
                                  (2, works[1]['title'], None)]
    listing = api('GET', f'/v1/releases?q={release["title"]}', ALICE).json()
    assert [r['uuid'] for r in listing['items']] == [release['uuid']]


def test_api_reorders_tracks_and_leaves_them_when_not_given(release, works):
    path = f'/v1/releases/{release["uuid"]}'
    reply = api('PATCH', path, ALICE, json={'label': 'Other Records'})
    assert reply.status_code == 200 and tracks_of(reply.json()) == tracks_of(release)
    reply = api('PATCH', path, ALICE, json={'tracks': [
        {'creation': works[1]['uuid'], 'license': 'CC-BY-4.0'}, {'creation': works[0]['uuid']}]})
    assert reply.status_code == 200, reply.text
    assert tracks_of(reply.json()) == [(1, works[1]['title'], 'CC-BY-4.0'),
                                       (2, works[0]['title'], None)]


def test_api_refuses_bad_tracks_and_changes_nothing(release):
    bobs = new_creation(BOB, artists(BOB)['Bob Brown'])
    path = f'/v1/releases/{release["uuid"]}'
    for tracks, field in (([{'creation': bobs['uuid']}], 'tracks[0].creation'),
                          ([{'creation': release['tracks'][0]['creation']['uuid'],
                             'license': 'NO-SUCH'}], 'tracks[0].license'),
                          ([{'license': 'CC-BY-4.0'}], 'tracks[0].creation'),
                          ('Pulse', 'tracks')):
        reply = api('PATCH', path, ALICE, json={'title': 'Renamed', 'tracks': tracks})
        assert reply.status_code == 422, reply.text
        assert field in reply.json()['error']['fields'], reply.text
    after = api('GET', path, ALICE).json()
    assert after['title'] == release['title'] and tracks_of(after) == tracks_of(release)


def test_nobody_else_sees_or_changes_a_release(release):
    path = f'/v1/releases/{release["uuid"]}'
    assert api('GET', path, BOB).status_code == 404
    assert api('PATCH', path, BOB, json={'title': 'Mine now'}).status_code == 404
    assert api('GET', path, ALICE).json()['title'] == release['title']


def csrf_of(page):
    return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)


def test_portal_adds_edits_and_deletes_a_release(works):
    session = portal_session(ALICE)
    form = session.get(f'{PORTAL}/releases/add', timeout=30)
    assert form.status_code == 200 and 'CC-BY-4.0' in form.text
    title = f'Portal album {uuid.uuid4().hex[:8]}'
    reply = session.post(f'{PORTAL}/releases/add', timeout=30, allow_redirects=False, data={
        'csrf_token': csrf_of(form), 'title': title, 'label': '', 'date': '',
        'tracks': f'{works[1]["title"]}; CC-BY-4.0\r\n{works[0]["uuid"]}\r\n'})
    assert reply.status_code == 302, reply.text
    view_url = PORTAL + urlsplit(reply.headers['Location']).path
    view = session.get(view_url, timeout=30)
    assert view.status_code == 200
    assert re.search(rf'<td>1</td><td><a [^>]+>{works[1]["title"]}</a></td><td>CC-BY-4.0</td>',
                     view.text)
    assert title in session.get(f'{PORTAL}/releases', timeout=30).text
    edit_url = view_url + '/edit'
    edit = session.get(edit_url, timeout=30)
    assert f'{works[1]["title"]}; CC-BY-4.0\n{works[0]["title"]}' in edit.text
    refused = session.post(edit_url, timeout=30, allow_redirects=False, data={
        'csrf_token': csrf_of(edit), 'title': title, 'label': '', 'date': '',
        'tracks': 'No such work; CC-BY-4.0'})
    assert refused.status_code == 400
    assert 'Line 1, creation: Must be one of your creations.' in refused.text
    assert works[1]['title'] in session.get(view_url, timeout=30).text
    delete = session.get(view_url + '/delete', timeout=30)
    reply = session.post(view_url + '/delete', timeout=30, allow_redirects=False,
                         data={'csrf_token': csrf_of(delete)})
    assert reply.status_code == 302
    assert session.get(view_url, timeout=30).status_code == 404
