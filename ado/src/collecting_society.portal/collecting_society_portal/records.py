"""The web user's own artists and creations (and the licenses and releases),
read and written as the portal user so the module's access rights and record
rules apply. Records become plain dicts inside that scope, so templates and
JSON never read a field with any other rights."""
from pyramid.httpexceptions import HTTPNotFound
from trytond.pool import Pool

from .domain import rules


def model(name):
    return Pool().get(name)


def by_uuid(name, uuid):
    """The record with this public id, if the record rules let us see it."""
    found = rules.find_by_uuid(name, uuid)
    if found is None:
        raise HTTPNotFound()
    return found


def own(name):
    return model(name).search([])


def has_other_artist_named(name, artist=None):
    """Whether the web user has another artist of this name: one name per
    artist among a web user's artists, a second is a mistake."""
    same = model('artist').search([('name', '=', name)], limit=2)
    return any(a != artist for a in same)


def _date(value):
    return value.isoformat() if value else None


def ref(record, field='name'):
    return {'uuid': record.uuid, field: getattr(record, field)} if record else None


def artist(record):
    return {
        'uuid': record.uuid, 'name': record.name, 'group': bool(record.group),
        'description': record.description,
        'members': [ref(m) for m in record.members],
        'ipi_name_number': record.ipi_name_number, 'isni': record.isni,
    }


def creation(record):
    return {
        'uuid': record.uuid, 'title': record.title, 'artist': ref(record.artist),
        'iswc': record.iswc, 'date': _date(record.date), 'lyrics': record.lyrics, 'notes': record.notes,
        'contributions': [
            {'artist': ref(c.artist), 'role': c.role} for c in record.contributions],
        'rights': [right(r) for r in record.rights],
    }


def right(record):
    return {'right': record.right, 'rights_holder': ref(record.rights_holder),
            'share': percent(record.share)}


def percent(share):
    """A share as text without trailing zeros: '50', '33.3333'."""
    return f'{share.normalize():f}'


def license(record):
    return {'uuid': record.uuid, 'name': record.name, 'code': record.code,
            'version': record.version, 'url': record.url}


def release(record):
    return {
        'uuid': record.uuid, 'title': record.title, 'date': _date(record.date),
        'label': record.label,
        'tracks': [{
            'sequence': t.sequence, 'title': t.title,
            'creation': ref(t.creation, 'title'),
            'license': ref(t.license, 'code'),
        } for t in record.tracks],
    }
