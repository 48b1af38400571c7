"""The API as another system meets it: JSON under /v1, HTTP basic or bearer
tokens, paging and search, each web user's own records, errors as JSON."""
import base64
import os
import uuid

import pytest

from .conftest import basic


def create_artist(api, headers, name='API Artist', **extra):
    return api.post_json('/v1/artists', {'name': name, **extra}, headers=headers,
                         status=201).json


def test_root_and_openapi(api):
    assert api.get('/').json['openapi'].endswith('/v1/openapi.json')
    document = api.get('/v1/openapi.json').json
    assert document['openapi'].startswith('3.')
    assert {'/v1/artists', '/v1/creations/{uuid}', '/v1/licenses', '/v1/releases',
            '/v1/token'} <= set(document['paths'])


def test_licenses_are_public_and_paged(api):
    everything = api.get('/v1/licenses?limit=100').json
    assert everything['total'] >= 2 and len(everything['items']) == everything['total']
    first = api.get('/v1/licenses?limit=1').json
    second = api.get('/v1/licenses?limit=1&offset=1').json
    assert first['items'][0]['uuid'] != second['items'][0]['uuid']
    found = api.get('/v1/licenses?q=cc-by-4').json['items']
    assert found and all('CC-BY-4' in item['code'].upper() for item in found)
    one = api.get(f"/v1/licenses/{first['items'][0]['uuid']}").json
    assert one == first['items'][0]


@pytest.mark.parametrize('query', ['limit=0', 'limit=101', 'limit=x', 'offset=-1'])
def test_bad_paging(api, query):
    error = api.get(f'/v1/licenses?{query}', status=400).json['error']
    assert error['status'] == 400 and error['detail']


def test_unknown_uuid(api, api_user):
    _, headers = api_user
    api.get(f'/v1/licenses/{uuid.uuid4()}', status=404)
    api.get('/v1/artists/not-a-uuid', headers=headers, status=404)


def test_authentication_required(api):
    for path in ('/v1/artists', '/v1/creations', '/v1/releases'):
        response = api.get(path, status=401)
        assert response.json['error']['status'] == 401
        assert response.headers['WWW-Authenticate'].startswith('Basic')
    api.post_json('/v1/artists', {'name': 'x'}, status=401)


def test_wrong_credentials(api, api_user):
    email, _ = api_user
    api.get('/v1/artists', headers=basic(email, 'wrong-password'), status=401)
    api.get('/v1/artists', headers={'Authorization': 'Bearer nonsense'}, status=401)
    api.get('/v1/artists', headers={'Authorization': 'Basic !!!'}, status=401)
    api.get('/v1/artists', headers={'Authorization': 'Digest x'}, status=401)
    nul = base64.b64encode(f'{email}\x00:x'.encode()).decode()
    api.get('/v1/artists', headers={'Authorization': f'Basic {nul}'}, status=401)


def test_basic_and_token(api, api_user):
    email, headers = api_user
    assert api.get('/v1/artists', headers=basic(email)).json['total'] == 0
    assert api.get('/v1/artists', headers=headers).json['items'] == []
    api.delete('/v1/token', headers=headers, status=204)
    api.get('/v1/artists', headers=headers, status=401)


def test_create_and_edit_artist(api, api_user):
    _, headers = api_user
    artist = create_artist(api, headers, 'The APIs', group=True, description='Loud.')
    assert artist['group'] is True and uuid.UUID(artist['uuid'])
    path = f"/v1/artists/{artist['uuid']}"
    assert api.get(path, headers=headers).json == artist
    changed = api.patch_json(path, {'description': None}, headers=headers).json
    assert changed['description'] is None and changed['name'] == 'The APIs'
    found = api.get('/v1/artists?q=apis', headers=headers).json
    assert [a['uuid'] for a in found['items']] == [artist['uuid']]


def test_artist_conflict(api, api_user):
    _, headers = api_user
    create_artist(api, headers, 'Twice')
    error = api.post_json('/v1/artists', {'name': 'Twice'}, headers=headers, status=409).json
    assert 'already' in error['error']['detail']


@pytest.mark.parametrize('body, field', [
    ({}, 'name'),
    ({'name': ''}, 'name'),
    ({'name': 'x' * 201}, 'name'),
    ({'name': 'a\x00b'}, 'name'),
    ({'name': 'ok', 'group': 'yes'}, 'group'),
    ({'name': 'ok', 'colour': 'red'}, 'colour'),
])
def test_invalid_artist(api, api_user, body, field):
    _, headers = api_user
    error = api.post_json('/v1/artists', body, headers=headers, status=422).json['error']
    assert field in error['fields']


@pytest.mark.parametrize('track, field', [
    ({'creation': 'ffffffff-0000-4000-8000-00000000000\x00'}, 'creation'),
    ({'license': 'CC-BY\x00'}, 'license'),
])
def test_a_nul_in_a_reference_or_code_is_refused(api, api_user, track, field):
    """Found by schemathesis: a NUL in a track's license code reached
    PostgreSQL, which refused it with a server error."""
    _, headers = api_user
    body = {'title': 'Nul', 'tracks': [track]}
    error = api.post_json('/v1/releases', body, headers=headers, status=422).json['error']
    assert error['fields'][f'tracks[0].{field}'] == 'must not contain NUL characters', error


def test_malformed_body(api, api_user):
    _, headers = api_user
    api.post('/v1/artists', 'not json', headers={**headers, 'Content-Type': 'application/json'},
             status=400)
    api.post_json('/v1/artists', ['a list'], headers=headers, status=400)
    api.post('/v1/artists', 'name=x', headers=headers, status=400)


def test_creations(api, api_user):
    _, headers = api_user
    artist = create_artist(api, headers)
    creation = api.post_json('/v1/creations', {
        'title': 'API Song', 'artist': artist['uuid'], 'date': '2024-02-29'},
        headers=headers, status=201).json
    assert creation['artist'] == {'uuid': artist['uuid'], 'name': artist['name']}
    path = f"/v1/creations/{creation['uuid']}"
    changed = api.patch_json(path, {'lyrics': 'la', 'date': None}, headers=headers).json
    assert changed['lyrics'] == 'la' and changed['date'] is None
    listing = api.get('/v1/creations', headers=headers).json
    # summaries; the whole creation is at its own path
    assert listing['items'] == [{'uuid': creation['uuid'], 'title': 'API Song',
                                 'artist': creation['artist'], 'date': None}]
    assert api.get(path, headers=headers).json['lyrics'] == 'la'
    error = api.patch_json(path, {'date': '2024-02-30'}, headers=headers, status=422).json
    assert 'date' in error['error']['fields']


def test_web_users_see_only_their_own(api, api_user, portal_app):
    from webtest import TestApp

    from .conftest import register
    _, headers = api_user
    artist = create_artist(api, headers, 'Mine')
    creation = api.post_json('/v1/creations', {'title': 'Mine', 'artist': artist['uuid']},
                             headers=headers, status=201).json
    other = basic(register(TestApp(portal_app)))
    assert api.get('/v1/artists', headers=other).json['total'] == 0
    api.get(f"/v1/artists/{artist['uuid']}", headers=other, status=404)
    api.patch_json(f"/v1/creations/{creation['uuid']}", {'title': 'Stolen'},
                   headers=other, status=404)
    error = api.post_json('/v1/creations', {'title': 'x', 'artist': artist['uuid']},
                          headers=other, status=422).json
    assert 'artist' in error['error']['fields']


def test_method_not_allowed(api):
    response = api.delete('/v1/licenses', status=405)
    assert response.headers['Allow'] == 'GET, HEAD'
    assert response.json['error']['status'] == 405


def test_releases_are_owned(api, api_user):
    _, headers = api_user
    assert api.get('/v1/releases', headers=headers).json['total'] == 0


def make_release(email, creation_uuid):
    """A release with one track of the creation, owned by the web user, made
    in the back office (the API makes them too: tests/test_releases.py)."""
    from trytond.pool import Pool
    from trytond.transaction import Transaction
    with Transaction().start(os.environ['DB_NAME'], 0):
        pool = Pool()
        web_user, = pool.get('web.user').search([('email', '=', email)])
        creation, = pool.get('creation').search([('uuid', '=', creation_uuid)])
        license, = pool.get('license').search([('code', '=', 'CC-BY-4.0')])
        release, = pool.get('release').create([{
            'title': 'API Release', 'label': 'Test Records', 'web_user': web_user.id,
            'tracks': [('create', [{'sequence': 1, 'creation': creation.id,
                                    'license': license.id}])]}])
        return release.uuid


def test_releases(api, api_user, portal_app):
    from webtest import TestApp

    from .conftest import register
    email, headers = api_user
    artist = create_artist(api, headers)
    creation = api.post_json('/v1/creations', {'title': 'Track One', 'artist': artist['uuid']},
                             headers=headers, status=201).json
    uuid_ = make_release(email, creation['uuid'])
    listing = api.get('/v1/releases?q=api', headers=headers).json
    assert [r['uuid'] for r in listing['items']] == [uuid_]
    release = api.get(f'/v1/releases/{uuid_}', headers=headers).json
    track, = release['tracks']
    assert track['title'] == 'Track One' and track['license']['code'] == 'CC-BY-4.0'
    assert track['creation']['uuid'] == creation['uuid']
    other = basic(register(TestApp(portal_app)))
    api.get(f'/v1/releases/{uuid_}', headers=other, status=404)


def test_the_domain_rights_are_the_modules(api):
    """The API's and the form's rights (domain/creation.py) are the module's."""
    from trytond.pool import Pool
    from trytond.transaction import Transaction

    from ..domain.creation import RIGHTS as DOMAIN_RIGHTS
    with Transaction().start(os.environ['DB_NAME'], 0):
        selection = Pool().get('creation.right').right.selection
    assert list(DOMAIN_RIGHTS) == [key for key, _ in selection]
    schema = api.get('/v1/openapi.json').json['components']['schemas']
    assert schema['Right']['properties']['right']['enum'] == list(DOMAIN_RIGHTS)
