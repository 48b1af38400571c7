"""/v1/creations: the caller's creations; list, one, create, edit."""
from pyramid.view import view_config

from .. import records
from ..security import MEMBER
from .params import Fields, Invalid, body
from .resources import one, page

FIELDS = ('title', 'artist', 'date', 'lyrics', 'notes')


def own_artist(uuid):
    """The id of the caller's artist with this UUID (a 422 otherwise)."""
    found = records.model('artist').search([('uuid', '=', uuid)], limit=1) if uuid else []
    if not found:
        raise Invalid({'artist': 'must be the UUID of one of your artists'})
    return found[0].id


def values(data, creating):
    fields = Fields(data, FIELDS, required=('title', 'artist') if creating else ())
    result = {
        'title': fields.text('title', 200, required=True),
        'artist': fields.text('artist', 36, required=True),
        'date': fields.date('date'),
        'lyrics': fields.text('lyrics', 100000),
        'notes': fields.text('notes', 10000),
    }
    fields.check()
    return {k: v for k, v in result.items() if k in data}


def resolve(data):
    """The values with the artist's UUID replaced by its id (as portal)."""
    if 'artist' in data:
        data['artist'] = own_artist(data['artist'])
    return data


@view_config(route_name='api_creations', renderer='json', request_method='GET',
             permission=MEMBER)
def creations(request):
    return page(request, 'creation', ('title',), records.creation)


@view_config(route_name='api_creations_one', renderer='json', request_method='GET',
             permission=MEMBER)
def creation(request):
    with request.as_portal():
        return records.creation(one(request, 'creation'))


@view_config(route_name='api_creations', renderer='json', request_method='POST',
             permission=MEMBER)
def create(request):
    data = values(body(request), creating=True)
    with request.as_portal():
        created, = records.model('creation').create(
            [{**resolve(data), 'web_user': request.web_user}])
        request.response.status = 201
        request.response.location = request.route_path('api_creations_one', uuid=created.uuid)
        return records.creation(created)


@view_config(route_name='api_creations_one', renderer='json', request_method='PATCH',
             permission=MEMBER)
def edit(request):
    data = values(body(request), creating=False)
    with request.as_portal():
        found = one(request, 'creation')
        if data:
            records.model('creation').write([found], resolve(data))
        return records.creation(found)
