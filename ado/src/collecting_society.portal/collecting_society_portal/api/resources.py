"""What the list and item endpoints share: paging, search, lookups by UUID,
all as the portal user for the calling web user."""
from pyramid.httpexceptions import HTTPNotFound

from .. import records
from ..domain import rules
from . import params


def page(request, resource, present):
    """One page of the records the caller may see, searched by q in the
    resource's search fields."""
    limit, offset, q = params.paging(request)
    domain = []
    if q:
        domain = ['OR', *[(f, 'ilike', f'%{q}%') for f in resource.search]]
    Model = records.model(resource.model)
    with request.as_portal():
        total = Model.search_count(domain)
        found = Model.search(domain, offset=offset, limit=limit, order=[('id', 'ASC')])
        return {'items': [present(r) for r in found],
                'total': total, 'limit': limit, 'offset': offset}


def one(request, resource):
    """The record of {uuid}, when the caller may see it (call as portal)."""
    raw = request.matchdict['uuid']
    found = rules.find_by_uuid(resource.model, raw)
    if found is None:
        raise HTTPNotFound(f'no {resource.model} {raw!r}, or it is not yours')
    return found


def created(request, resource, values, present):
    """The caller's new record of `values` (call as portal), answered 201
    with its Location."""
    record, = records.model(resource.model).create([{**values, 'web_user': request.web_user}])
    request.response.status = 201
    request.response.location = request.route_path(f'api_{resource.name}_one',
                                                    uuid=record.uuid)
    return present(record)


def edited(resource, record, values, present):
    """The record with `values` written (call as portal); none: unchanged."""
    if values:
        records.model(resource.model).write([record], values)
    return present(record)
