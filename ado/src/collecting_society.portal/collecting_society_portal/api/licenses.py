"""GET /v1/licenses and /v1/licenses/{uuid}: readable by everyone."""
from pyramid.view import view_config

from .. import records
from ..domain import LICENSE
from .resources import one, page


@view_config(route_name='api_licenses', renderer='json', request_method='GET')
def licenses(request):
    return page(request, LICENSE, records.license)


@view_config(route_name='api_licenses_one', renderer='json', request_method='GET')
def license(request):
    with request.as_portal():
        return records.license(one(request, LICENSE))
