"""GET /v1/releases and /v1/releases/{uuid}: the caller's own releases."""
from pyramid.view import view_config

from .. import records
from ..security import MEMBER
from .resources import one, page


@view_config(route_name='api_releases', renderer='json', request_method='GET',
             permission=MEMBER)
def releases(request):
    return page(request, 'release', ('title', 'label'), records.release)


@view_config(route_name='api_releases_one', renderer='json', request_method='GET',
             permission=MEMBER)
def release(request):
    with request.as_portal():
        return records.release(one(request, 'release'))
