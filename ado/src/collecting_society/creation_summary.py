"""The creations as lists show them (the portal's page, the API's list):
uuid, title, date and the artist, read in two queries and kept per process
until a creation or an artist changes.

The cache is one of trytond's: with [cache] clean_timeout = 0 a change
committed by any process (the Tryton client's server, a portal or API
worker, the worker) clears it in every process at once (PostgreSQL NOTIFY).
Its key holds the caller's record-rule domains, so a changed rule or group
is a new key; access rights are checked on every call, cached or not, so a
revoked right refuses at once, as trytond's own search would."""
from trytond.cache import Cache, freeze
from trytond.pool import Pool
from trytond.transaction import Transaction

FIELDS = {'creation': ['uuid', 'title', 'date', 'artist'], 'artist': ['uuid', 'name']}

_cache = Cache('creation.summaries', context=False)


def forget():
    """A creation or an artist changed: every process reads its lists again."""
    _cache.clear()


def summaries(domain=(), offset=0, limit=None, order=None):
    """(rows, total): one page of the caller's creations matching domain,
    each a dict of uuid, title, date (ISO text) and artist ({uuid, name},
    or None where the rules hide the artist), and how many match in all."""
    _check_access()
    key = _key(domain, offset, limit, order)
    found = _cache.get(key)
    if found is None:
        found = _cache.set(key, _read(domain, offset, limit, order))
    total, rows = found
    return [_listed(*row) for row in rows], total


def _check_access():
    pool = Pool()
    ModelAccess, FieldAccess = pool.get('ir.model.access'), pool.get('ir.model.field.access')
    for model, fields in FIELDS.items():
        ModelAccess.check(model, 'read')
        FieldAccess.check(model, fields, 'read')


def _key(domain, offset, limit, order):
    Rule = Pool().get('ir.rule')
    # domain_get is cached by trytond and cleared when rules or groups change
    rules = tuple(freeze(Rule.domain_get(model, 'read')) for model in FIELDS)
    return (Transaction().user, rules, freeze(list(domain)), offset, limit, freeze(order))


def _read(domain, offset, limit, order):
    """(total, rows) from the database: the page's ids by trytond's search
    (access rights, record rules, order, paging), then the shown columns of
    those creations and their artists in one join."""
    pool = Pool()
    Creation, Artist = pool.get('creation'), pool.get('artist')
    ids = _ids(Creation.search(
        list(domain), offset=offset, limit=limit, order=order, query=True))
    if offset == 0 and (limit is None or len(ids) < limit):
        total = len(ids)
    else:
        total = Creation.search_count(list(domain))
    if not ids:
        return total, ()
    creation, artist = Creation.__table__(), Artist.__table__()
    # the artist only where the record rules let the caller read it
    visible = (creation.artist == artist.id) & artist.id.in_(Artist.search([], query=True))
    cursor = Transaction().connection.cursor()
    cursor.execute(*creation.join(artist, 'LEFT', condition=visible).select(
        creation.id, creation.uuid, creation.title, creation.date, artist.uuid, artist.name,
        where=creation.id.in_(ids)))
    rows = {row[0]: tuple(row[1:]) for row in cursor}
    return total, tuple(rows[i] for i in ids)


def _ids(query):
    cursor = Transaction().connection.cursor()
    cursor.execute(*query)
    return [id_ for id_, in cursor]


def _listed(uuid, title, date, artist_uuid, artist_name):
    return {'uuid': uuid, 'title': title, 'date': date.isoformat() if date else None,
            'artist': {'uuid': artist_uuid, 'name': artist_name} if artist_uuid else None}


class ShownInSummaries:
    """A model whose records the summaries show: each change forgets them."""
    __slots__ = ()

    @classmethod
    def create(cls, vlist):
        records = super().create(vlist)
        forget()
        return records

    @classmethod
    def write(cls, *args):
        super().write(*args)
        forget()

    @classmethod
    def delete(cls, records):
        super().delete(records)
        forget()
