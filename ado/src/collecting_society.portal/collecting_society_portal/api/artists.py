"""/v1/artists: the caller's artists; list, one, create, edit."""
from pyramid.httpexceptions import HTTPConflict
from pyramid.view import view_config

from .. import records
from ..domain import ARTIST
from ..security import MEMBER
from .params import body
from .resources import created, edited, one, page


def check_unique(name, artist=None):
    # a friendly answer first; the database's constraint decides races (409 too)
    if records.has_other_artist_named(name, artist):
        raise HTTPConflict(f'you have an artist named {name!r} already')


@view_config(route_name='api_artists', renderer='json', request_method='GET',
             permission=MEMBER)
def artists(request):
    return page(request, ARTIST, records.artist)


@view_config(route_name='api_artists_one', renderer='json', request_method='GET',
             permission=MEMBER)
def artist(request):
    with request.as_portal():
        return records.artist(one(request, ARTIST))


@view_config(route_name='api_artists', renderer='json', request_method='POST',
             permission=MEMBER)
def create(request):
    data = body(request)
    with request.as_portal():
        values = ARTIST.values(data, creating=True)
        check_unique(values['name'])
        return created(request, ARTIST, values, records.artist)


@view_config(route_name='api_artists_one', renderer='json', request_method='PATCH',
             permission=MEMBER)
def edit(request):
    data = body(request)
    with request.as_portal():
        found = one(request, ARTIST)
        values = ARTIST.values(data, creating=False)
        if 'name' in values:
            check_unique(values['name'], found)
        return edited(ARTIST, found, values, records.artist)
