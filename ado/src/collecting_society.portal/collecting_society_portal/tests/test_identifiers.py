"""Industry identifiers in the API and the portal: an invalid ISWC, IPI name
number or ISNI is refused with the check's one sentence (422 in the API, next
to its field in a form), a valid one is stored in its one form."""
import random

import pytest

from ..domain import ARTIST, CREATION
from ..domain.fields import FieldError
from .test_portal import add_artist


def identifiers():
    from collecting_society import identifiers
    return identifiers


def new_iswc():
    """A valid ISWC no other test used (ISWCs are unique in the database,
    which the tests share)."""
    digits = f'{random.randrange(10 ** 9):09d}'
    for check in '0123456789':
        try:
            return identifiers().format_iswc(identifiers().iswc(f'T{digits}{check}'))
        except identifiers().InvalidIdentifier:
            pass


def new_ipi_name_number():
    digits = f'{random.randrange(10 ** 9):09d}'
    for check in range(100):
        try:
            return identifiers().ipi_name_number(f'{digits}{check:02d}')
        except identifiers().InvalidIdentifier:
            pass


def new_isni():
    digits = f'{random.randrange(10 ** 15):015d}'
    for check in '0123456789X':
        try:
            return identifiers().isni(f'{digits}{check}')
        except identifiers().InvalidIdentifier:
            pass


def test_the_field_reads_with_the_modules_check():
    field = CREATION.fields['iswc']
    assert field.read('t-034.524.680-1') == 'T0345246801'
    assert field.read('') is None
    with pytest.raises(FieldError) as raised:
        field.read('T-034.524.680-2')
    assert str(raised.value) == 'ISWC T-034.524.680-2: the check digit should be 1'
    for raw in [12345678901, 'T' * 41]:
        with pytest.raises(FieldError):
            field.read(raw)
    assert field.schema()['example'] == 'T-034.524.680-1'


def test_api_refuses_an_invalid_iswc(api, api_user):
    _, headers = api_user
    artist = api.post_json('/v1/artists', {'name': 'ISWC Tester'}, headers=headers,
                           status=201).json
    body = {'title': 'Checked', 'artist': artist['uuid'], 'iswc': 'T-034.524.680-2'}
    error = api.post_json('/v1/creations', body, headers=headers, status=422).json['error']
    assert error['fields'] == {'iswc': 'ISWC T-034.524.680-2: the check digit should be 1'}
    iswc = new_iswc()
    created = api.post_json('/v1/creations', {**body, 'iswc': iswc.lower()}, headers=headers,
                            status=201).json
    assert created['iswc'] == iswc.replace('-', '').replace('.', '')
    path = f"/v1/creations/{created['uuid']}"
    api.patch_json(path, {'iswc': 'T0345246809'}, headers=headers, status=422)
    assert api.get(path, headers=headers).json['iswc'] == created['iswc']
    assert api.patch_json(path, {'iswc': None}, headers=headers).json['iswc'] is None


def test_api_refuses_an_invalid_ipi_name_number_or_isni(api, api_user):
    _, headers = api_user
    for body, field, message in [
            ({'ipi_name_number': '00014107339'}, 'ipi_name_number',
             'IPI name number 00014107339: the check digits should be 38'),
            ({'isni': '0000 0001 2281 9551'}, 'isni',
             'ISNI 0000 0001 2281 9551: the check digit should be X'),
    ]:
        error = api.post_json('/v1/artists', {'name': 'IPI Tester', **body}, headers=headers,
                              status=422).json['error']
        assert error['fields'] == {field: message}
    ipi, isni = new_ipi_name_number(), new_isni()
    spaced = ' '.join(isni[i:i + 4] for i in range(0, 16, 4)).lower()
    artist = api.post_json('/v1/artists', {'name': 'IPI Tester', 'ipi_name_number': ipi.lstrip('0'),
                                           'isni': spaced},
                           headers=headers, status=201).json
    assert artist['ipi_name_number'] == ipi and artist['isni'] == isni
    # one ISNI names one public identity: a second artist with it is refused
    error = api.post_json('/v1/artists', {'name': 'IPI Tester 2', 'isni': isni},
                          headers=headers, status=409).json['error']
    assert error['detail'] == 'Another artist has this ISNI already.'


def test_openapi_describes_the_identifiers(api):
    schemas = api.get('/v1/openapi.json').json['components']['schemas']
    assert schemas['CreationInput']['properties']['iswc']['example'] == 'T-034.524.680-1'
    assert set(schemas['ArtistInput']['properties']) >= {'ipi_name_number', 'isni'}
    assert set(ARTIST.fields) >= {'ipi_name_number', 'isni'}


def test_portal_form_refuses_an_invalid_iswc_and_keeps_a_valid_one(member):
    artist, _ = add_artist(member, 'Form ISWC Tester')
    form = member.get('/creations/add').forms['creation-form']
    form['title'], form['artist'], form['iswc'] = 'Checked Song', artist, 'T-034.524.680-2'
    page = form.submit(status=400)
    assert 'ISWC T-034.524.680-2: the check digit should be 1.' in page.text
    iswc = new_iswc()
    form = page.forms['creation-form']
    form['iswc'] = iswc.replace('-', ' ')
    page = form.submit(status=302).follow()
    assert f'<span id="iswc">{iswc}</span>' in page.text
    # editing something else keeps the ISWC; the form shows it as people write it
    uuid = page.request.path.rsplit('/', 1)[-1]
    form = member.get(f'/creations/{uuid}/edit').forms['creation-form']
    assert form['iswc'].value == iswc
    form['notes'] = 'Edited.'
    assert f'<span id="iswc">{iswc}</span>' in form.submit(status=302).follow().text


def test_portal_form_refuses_an_invalid_ipi_name_number(member):
    form = member.get('/artists/add').forms['artist-form']
    form['name'], form['ipi_name_number'] = 'Form IPI Tester', '00014107339'
    page = form.submit(status=400)
    assert 'IPI name number 00014107339: the check digits should be 38.' in page.text
    ipi = new_ipi_name_number()
    form = page.forms['artist-form']
    form['ipi_name_number'] = ipi
    page = form.submit(status=302).follow()
    assert f'<span id="ipi-name-number">{ipi}</span>' in page.text
    uuid = page.request.path.rsplit('/', 1)[-1]
    form = member.get(f'/artists/{uuid}/edit').forms['artist-form']
    assert form['ipi_name_number'].value == ipi
    form['description'] = 'Edited.'
    assert ipi in form.submit(status=302).follow().text
