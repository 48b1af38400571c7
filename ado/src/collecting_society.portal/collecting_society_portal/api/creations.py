"""/v1/creations: the caller's creations; list, one, create, edit."""
from pyramid.view import view_config

from .. import records
from ..domain import CREATION, creation_values
from ..security import MEMBER
from .params import body
from .resources import created, edited, one, summary_page


@view_config(route_name='api_creations', renderer='json', request_method='GET',
             permission=MEMBER)
def creations(request):
    # summaries, as the portal's list: the lyrics, notes, contributions and
    # rights of a creation are in GET /v1/creations/{uuid}
    return summary_page(request, CREATION)


@view_config(route_name='api_creations_one', renderer='json', request_method='GET',
             permission=MEMBER)
def creation(request):
    with request.as_portal():
        return records.creation(one(request, CREATION))


@view_config(route_name='api_creations', renderer='json', request_method='POST',
             permission=MEMBER)
def create(request):
    data = body(request)
    with request.as_portal():
        # the artist's UUID is looked up with the caller's record rules
        values = creation_values(CREATION.values(data, creating=True))
        return created(request, CREATION, values, records.creation)


@view_config(route_name='api_creations_one', renderer='json', request_method='PATCH',
             permission=MEMBER)
def edit(request):
    data = body(request)
    with request.as_portal():
        found = one(request, CREATION)
        return edited(CREATION, found, creation_values(CREATION.values(data, creating=False), found),
                      records.creation)
