"""trytond in-process: the configuration, the pool of the database, and one
Tryton transaction per request."""
import logging
import os
import threading
import time

log = logging.getLogger(__name__)

_pool_lock = threading.Lock()


def configure(settings):
    """Read trytond's configuration once per process; TRYTOND_* env vars
    (the database address) override the file, as in every ado service."""
    from trytond import config
    path = os.environ.get('TRYTOND_CONFIG') or settings.get('tryton.config')
    config.update_etc(path)


def database_name(settings):
    # DB_NAME lets the tests point the same app at their own database
    return os.environ.get('DB_NAME') or settings.get('tryton.database', 'c3s')


class DatabaseMissing(Exception):
    """The database does not exist (yet): deploy-* may still be creating it."""


def _check_exists(dbname):
    # asking the server is instant; connecting to a missing database makes
    # trytond's connection pool wait for its timeout
    from trytond import backend
    if backend.name != 'postgresql':
        return
    database = backend.Database().connect()
    connection = database.get_connection()
    try:
        cursor = connection.cursor()
        cursor.execute('SELECT 1 FROM pg_database WHERE datname = %s', (dbname,))
        found = cursor.fetchone() is not None
    finally:
        database.put_connection(connection)
    if not found:
        raise DatabaseMissing(f'database {dbname!r} does not exist')


def pool(dbname):
    """The loaded Pool of dbname; loaded on first use, so the app starts (and
    /health answers 503) even while the database is still being created."""
    from trytond.pool import Pool
    from trytond.transaction import Transaction
    if dbname not in Pool.database_list():
        with _pool_lock:
            if dbname not in Pool.database_list():
                _check_exists(dbname)
                with Transaction().start(dbname, 0, readonly=True):
                    Pool(dbname).init()
    return Pool(dbname)


def _readonly(request):
    return request.method in ('GET', 'HEAD', 'OPTIONS')


def _request_context(request):
    # trytond's login attempts count per address with this
    return {'_request': {
        'remote_addr': request.remote_addr,
        'http_host': request.host,
        'scheme': request.scheme,
        'is_secure': request.scheme == 'https',
    }}


def _succeeded(request, response):
    from pyramid.httpexceptions import HTTPException
    if request.tryton_doomed or response.status_code >= 400:
        return False
    # a raised redirect is a success; any other exception is not
    return request.exception is None or isinstance(request.exception, HTTPException)


def _conflict(request):
    from trytond import backend
    return isinstance(request.exception, backend.DatabaseOperationalError)


def _unavailable():
    from pyramid.response import Response
    return Response(
        'The service is starting or being updated; please try again in a minute.\n',
        status=503, content_type='text/plain', headers={'Retry-After': '10'})


def _before_retry(request, transaction):
    transaction.rollback()
    log.info('retry %s %s after a conflict', request.method, request.path)
    request.tryton_reset()


def transaction_tween_factory(handler, registry):
    """Run each request inside one Tryton transaction as root; views switch to
    the portal user for their data work (see access.py). The transaction is
    committed with a successful response and rolled back otherwise; a
    serialization conflict is retried like trytond's own dispatcher does."""
    from trytond import backend, config
    from trytond.transaction import Transaction
    dbname = registry.settings['tryton.database']
    retry = config.getint('database', 'retry')

    def tween(request):
        if request.path_info in registry.settings['tryton.skip_paths']:
            return handler(request)
        try:
            pool(dbname)
        except Exception as error:
            log.warning('database %s not ready: %s', dbname, error)
            return _unavailable()
        readonly = _readonly(request)
        for count in range(retry + 1):
            if count:
                time.sleep(0.02 * count)
            request.tryton_doomed = False
            with Transaction().start(
                    dbname, 0, readonly=readonly,
                    context=_request_context(request)) as transaction:
                try:
                    response = handler(request)
                except backend.DatabaseOperationalError:
                    # no exception view rendered it
                    if count < retry and not readonly:
                        _before_retry(request, transaction)
                        continue
                    raise
                if _conflict(request) and count < retry and not readonly:
                    # an exception view has rendered it: drop that response
                    _before_retry(request, transaction)
                    continue
                if not _succeeded(request, response):
                    transaction.rollback()
                return response
    return tween


def includeme(config):
    settings = config.get_settings()
    configure(settings)
    settings['tryton.database'] = database_name(settings)
    settings.setdefault('tryton.skip_paths', ('/health',))
    config.add_request_method(_doom, 'tryton_doom')
    config.add_request_method(_reset, 'tryton_reset')
    # over EXCVIEW: exception views have rendered the error response when the
    # tween decides between commit and rollback
    config.add_tween('collecting_society_portal.tryton.transaction_tween_factory',
                     over='pyramid.tweens.excview_tween_factory')


def _doom(request):
    """Roll the transaction back even though the response is a success."""
    request.tryton_doomed = True


def _reset(request):
    """Forget what a rolled-back attempt cached on the request."""
    request.exception = request.exc_info = None
    for name in ('web_user', 'portal_user'):
        request.__dict__.pop(name, None)
