"""The rules written once for the portal and the API: finding a record by
its public id (the record rules decide what the caller may see)."""
import uuid as uuidlib


def model(name):
    from trytond.pool import Pool
    return Pool().get(name)


def normal_uuid(raw):
    """The canonical text of a UUID, or None when raw is not one."""
    if not isinstance(raw, str) or len(raw) > 64:
        return None
    try:
        return str(uuidlib.UUID(raw))
    except ValueError:
        return None


def find_by_uuid(name, raw):
    """The record of model `name` with this public id that the caller may
    see (call as the portal user), or None."""
    uuid = normal_uuid(raw)
    if uuid is None:
        return None
    found = model(name).search([('uuid', '=', uuid)], limit=1)
    return found[0] if found else None
