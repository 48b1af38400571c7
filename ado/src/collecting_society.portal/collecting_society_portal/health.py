"""GET /health: 200 only when the Tryton pool of the database is loaded and a
query works, so the compose healthcheck and the proxy see a serving app."""
import logging

from pyramid.view import view_config

from . import tryton

log = logging.getLogger(__name__)


def check(dbname):
    from trytond.transaction import Transaction
    tryton.pool(dbname)
    with Transaction().start(dbname, 0, readonly=True) as transaction:
        cursor = transaction.connection.cursor()
        cursor.execute('SELECT 1')
        return cursor.fetchone() == (1,)


@view_config(route_name='health', renderer='json', request_method=('GET', 'HEAD'))
def health(request):
    dbname = request.registry.settings['tryton.database']
    try:
        ok = check(dbname)
    except Exception as error:  # any failure means "not serving yet"
        log.warning('health: database %s not ready: %s', dbname, error)
        ok = False
    request.response.status = 200 if ok else 503
    request.response.cache_control = 'no-store'
    return {'status': 'ok' if ok else 'unavailable', 'database': dbname}
