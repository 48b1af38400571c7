"""What the list and item endpoints share: paging, search, lookups by UUID,
all as the portal user for the calling web user."""
from pyramid.httpexceptions import HTTPNotFound

from .. import records
from . import params


def page(request, name, search_fields, present):
    """One page of the records the caller may see, searched by q."""
    limit, offset, q = params.paging(request)
    domain = []
    if q:
        domain = ['OR', *[(f, 'ilike', f'%{q}%') for f in search_fields]]
    Model = records.model(name)
    with request.as_portal():
        total = Model.search_count(domain)
        found = Model.search(domain, offset=offset, limit=limit, order=[('id', 'ASC')])
        return {'items': [present(r) for r in found],
                'total': total, 'limit': limit, 'offset': offset}


def one(request, name):
    """The record of {uuid}, when the caller may see it (call as portal)."""
    uuid = params.uuid(request)
    found = records.model(name).search([('uuid', '=', uuid)], limit=1)
    if not found:
        raise HTTPNotFound(f'no {name} {uuid}, or it is not yours')
    return found[0]
