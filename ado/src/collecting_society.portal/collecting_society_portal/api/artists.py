"""/v1/artists: the caller's artists; list, one, create, edit."""
from pyramid.httpexceptions import HTTPConflict
from pyramid.view import view_config

from .. import records
from ..security import MEMBER
from .params import Fields, body
from .resources import one, page

FIELDS = ('name', 'group', 'description')


def values(data, creating):
    fields = Fields(data, FIELDS, required=('name',) if creating else ())
    result = {
        'name': fields.text('name', 200, required=True),
        'group': fields.boolean('group'),
        'description': fields.text('description', 10000),
    }
    fields.check()
    return {k: v for k, v in result.items() if k in data}


def check_unique(name, artist=None):
    if records.has_other_artist_named(name, artist):
        raise HTTPConflict(f'you have an artist named {name!r} already')


@view_config(route_name='api_artists', renderer='json', request_method='GET',
             permission=MEMBER)
def artists(request):
    return page(request, 'artist', ('name',), records.artist)


@view_config(route_name='api_artists_one', renderer='json', request_method='GET',
             permission=MEMBER)
def artist(request):
    with request.as_portal():
        return records.artist(one(request, 'artist'))


@view_config(route_name='api_artists', renderer='json', request_method='POST',
             permission=MEMBER)
def create(request):
    data = values(body(request), creating=True)
    with request.as_portal():
        check_unique(data['name'])
        created, = records.model('artist').create(
            [{**data, 'web_user': request.web_user}])
        request.response.status = 201
        request.response.location = request.route_path('api_artists_one', uuid=created.uuid)
        return records.artist(created)


@view_config(route_name='api_artists_one', renderer='json', request_method='PATCH',
             permission=MEMBER)
def edit(request):
    data = values(body(request), creating=False)
    with request.as_portal():
        found = one(request, 'artist')
        if 'name' in data:
            check_unique(data['name'], found)
        if data:
            records.model('artist').write([found], data)
        return records.artist(found)
