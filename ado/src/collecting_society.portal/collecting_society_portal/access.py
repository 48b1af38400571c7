"""Who a request acts for: the logged-in web user, and the res.user `portal`
whose rights (and the module's record rules on the context key `web_user`)
limit each request's Tryton work to that web user's own records."""
import contextlib

from pyramid.httpexceptions import HTTPServiceUnavailable

PORTAL_LOGIN_SETTING = 'tryton.user'


# (database, login) -> id: the module's XML data creates the user once, so a
# process looks it up once instead of on every request
_portal_users = {}


def portal_user_id(request):
    """The id of the res.user the portal works as (looked up as root)."""
    from trytond.pool import Pool
    pool = Pool()
    login = request.registry.settings.get(PORTAL_LOGIN_SETTING, 'portal')
    key = (pool.database_name, login)
    if key not in _portal_users:
        users = pool.get('res.user').search([('login', '=', login)], limit=1)
        if not users:
            raise HTTPServiceUnavailable(
                f'The Tryton user {login!r} is missing: is the module '
                'collecting_society activated in this database?')
        _portal_users[key] = users[0].id
    return _portal_users[key]


@contextlib.contextmanager
def as_portal(request):
    """Run the block as the portal user, for the request's web user, with
    access rights and record rules enforced."""
    from trytond.transaction import Transaction
    transaction = Transaction()
    context = {'web_user': request.web_user, '_check_access': True}
    with transaction.set_user(request.portal_user), \
            transaction.set_context(context):
        yield


@contextlib.contextmanager
def as_root():
    """Only for the narrow steps trytond's web_user needs root for (register,
    authenticate, sessions)."""
    from trytond.transaction import Transaction
    transaction = Transaction()
    with transaction.set_user(0), transaction.set_context(_check_access=False):
        yield


def web_user_from_key(key):
    """The id of the web user of a web.user.session key, or None when the
    key is unknown, expired, or its web user deactivated (the module keeps
    valid keys per process: no query on most requests)."""
    from trytond.pool import Pool
    return Pool().get('web.user.session').web_user_of(key)


def includeme(config):
    config.add_request_method(portal_user_id, 'portal_user', reify=True)
    config.add_request_method(as_portal, 'as_portal')
