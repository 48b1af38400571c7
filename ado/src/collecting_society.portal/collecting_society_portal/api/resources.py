"""What the list and item endpoints share: paging, search, lookups by UUID,
all as the portal user for the calling web user."""
from pyramid.httpexceptions import HTTPNotFound

from .. import records
from ..domain import rules
from . import params


# pages stay stable while records are added
ORDER = [('id', 'ASC')]


def page(request, resource, present):
    """One page of the records the caller may see, searched by q in the
    resource's search fields, each record as `present` makes it."""
    limit, offset, domain = _query(request, resource)
    Model = records.model(resource.model)
    with request.as_portal():
        total = Model.search_count(domain)
        found = Model.search(domain, offset=offset, limit=limit, order=ORDER)
        return _page([present(r) for r in found], total, limit, offset)


def summary_page(request, resource):
    """page() of summaries, as the model's `summaries` reads them with the
    total (the full item is at /v1/{name}/{uuid})."""
    limit, offset, domain = _query(request, resource)
    with request.as_portal():
        items, total = records.model(resource.model).summaries(domain, offset, limit, ORDER)
        return _page(items, total, limit, offset)


def _query(request, resource):
    """(limit, offset, domain) of the request's paging and search text q."""
    limit, offset, q = params.paging(request)
    domain = []
    if q:
        domain = ['OR', *[(f, 'ilike', f'%{q}%') for f in resource.search]]
    return limit, offset, domain


def _page(items, total, limit, offset):
    return {'items': items, 'total': total, 'limit': limit, 'offset': offset}


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
