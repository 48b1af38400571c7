"""/v1/releases: the caller's releases and their tracks; list, one, create, edit."""
from pyramid.view import view_config

from .. import records
from ..domain import RELEASE, release_values
from ..security import MEMBER
from .params import body
from .resources import created, edited, one, page


@view_config(route_name='api_releases', renderer='json', request_method='GET',
             permission=MEMBER)
def releases(request):
    return page(request, RELEASE, records.release)


@view_config(route_name='api_releases_one', renderer='json', request_method='GET',
             permission=MEMBER)
def release(request):
    with request.as_portal():
        return records.release(one(request, RELEASE))


@view_config(route_name='api_releases', renderer='json', request_method='POST',
             permission=MEMBER)
def create(request):
    data = body(request)
    with request.as_portal():
        # the creations' UUIDs are looked up with the caller's record rules
        values = release_values(RELEASE.values(data, creating=True))
        return created(request, RELEASE, values, records.release)


@view_config(route_name='api_releases_one', renderer='json', request_method='PATCH',
             permission=MEMBER)
def edit(request):
    data = body(request)
    with request.as_portal():
        found = one(request, RELEASE)
        return edited(RELEASE, found, release_values(RELEASE.values(data, creating=False), found),
                      records.release)
